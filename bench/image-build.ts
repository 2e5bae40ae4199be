/**
 * Benchmark: serving images against the real Docker engine and registry of
 * scripts/test-env.sh. In one run, per round: a cold build+push (new code and model:
 * nothing of it in the build cache or the registry), a model-only rebuild+push (same
 * code, new model version: only the last layer is new), and a cache hit (same inputs:
 * one registry request, no build, no push). Prints medians and ratios to the cold build.
 *
 *   node dist/bench/image-build.js [--rounds 3]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { DockerImageBuilder } from '../shared/image/builder';
import { ImageInputs } from '../shared/image/build-context';
import { scoringServerPath } from '../shared/paths';
import { FIXTURE } from '../test/helpers/project';
import { dockerTestEnv } from '../test/helpers/test-env';
import { parseArgs, quantile } from './common';

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

async function main(): Promise<void> {
  const args = parseArgs({ rounds: 3 });
  const env = dockerTestEnv();
  const builder = new DockerImageBuilder({
    docker: new Docker(),
    credential: async () => ({ username: env.username, password: env.password, source: 'bench' }),
    log: (l) => (process.env.MODELSHIP_BENCH_VERBOSE === '1' ? process.stderr.write(`${l}\n`) : undefined),
  });
  const repository = `${env.registry}/modelship-bench/images`;
  const cold: number[] = [];
  const modelOnly: number[] = [];
  const hit: number[] = [];
  for (let round = 0; round < args.rounds; round++) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-bench-img-'));
    const code = path.join(work, 'src');
    fs.cpSync(path.join(FIXTURE, 'src'), code, { recursive: true });
    // unique code and model: nothing of this image exists yet
    fs.writeFileSync(path.join(code, 'build_id.txt'), `${Date.now()}-${round}-${Math.random()}`);
    const model = (version: number) => {
      const dir = path.join(work, `model-${version}`);
      fs.mkdirSync(dir);
      // a model file of 4 MiB, as a small real model would be
      fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ bias: version }));
      fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.alloc(4 * 1024 * 1024, version));
      return dir;
    };
    const inputs = (version: number, dir: string): ImageInputs => ({
      baseImage: env.baseImage,
      model: { name: 'bench-model', version: String(version), dir },
      codeDir: code,
      scoringScript: 'score.py',
      scoringServer: scoringServerPath(),
      readyPath: '/',
      scorePath: '/score',
    });
    const firstModel = model(1);
    const coldRun = await timed(() => builder.build({ inputs: inputs(1, firstModel), repository }));
    const modelOnlyRun = await timed(() => builder.build({ inputs: inputs(2, model(2)), repository }));
    const hitRun = await timed(() => builder.build({ inputs: inputs(1, firstModel), repository }));
    if (!coldRun.value.built || !modelOnlyRun.value.built || hitRun.value.built)
      throw new Error('unexpected cache behaviour: cold and model-only must build, the repeat must not');
    cold.push(coldRun.ms);
    modelOnly.push(modelOnlyRun.ms);
    hit.push(hitRun.ms);
    fs.rmSync(work, { recursive: true, force: true });
  }
  const median = (values: number[]) =>
    quantile(
      [...values].sort((x, y) => x - y),
      0.5,
    );
  const base = median(cold);
  console.log(`image build+push: ${args.rounds} rounds, base ${env.baseImage}, registry ${env.registry} (htpasswd), 4 MiB model`);
  console.log(`${'case'.padEnd(26)} ${'median ms'.padStart(10)} ${'ratio to cold'.padStart(14)}`);
  for (const [name, times] of [
    ['cold build + push', cold],
    ['model-only rebuild + push', modelOnly],
    ['cache hit (registry HEAD)', hit],
  ] as const) {
    console.log(`${name.padEnd(26)} ${median(times).toFixed(0).padStart(10)} ${(median(times) / base).toFixed(3).padStart(14)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
