import { Host, definedEnv } from '../shared/host';

/** Small pieces shared by the benchmarks. */
export function parseArgs<T extends Record<string, number>>(defaults: T): T {
  const out: Record<string, number> = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (key in out && argv[i + 1] !== undefined) out[key] = Number(argv[++i]);
  }
  return out as T;
}

/** nearest-rank quantile of sorted values */
export function quantile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/** a Host that prints only when MODELSHIP_BENCH_VERBOSE=1 */
export function benchHost(): Host {
  const verbose = process.env.MODELSHIP_BENCH_VERBOSE === '1';
  const print = (line: string): void => {
    if (verbose) process.stderr.write(`${line}\n`);
  };
  return {
    info: print,
    warn: print,
    error: print,
    debug: () => undefined,
    group: (_n, fn) => fn(),
    setSecret: () => undefined,
    env: (n) => process.env[n],
    childEnv: () => definedEnv(process.env),
  };
}
