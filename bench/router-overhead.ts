/**
 * Benchmark: what the modelship router adds. The same scoring-server process is called
 * directly on its own port (the baseline) and through the endpoint's router, in
 * alternating rounds of the same closed-loop load, in one run. Prints p50/p99 latency
 * and throughput, and the ratios router/direct.
 *
 *   node dist/bench/router-overhead.js [--requests 3000] [--concurrency 16] [--rounds 3]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as http from 'node:http';
import { loadConfigText } from '../shared/config/load';
import { createContext } from '../shared/context';
import * as pipeline from '../shared/pipeline';
import { scoreOnce } from '../shared/traffic/http-score';
import { freePorts, makeProject } from '../test/helpers/project';
import { benchHost, parseArgs, quantile } from './common';

interface RoundResult {
  latencies: number[];
  seconds: number;
  failed: number;
}

async function closedLoop(url: string, requests: number, concurrency: number, headers?: string): Promise<RoundResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        try {
          const response = await scoreOnce({ url, body: '{"data": [1, 2, 3]}', timeoutMs: 10_000, agent, deployment: headers });
          if (response.status === 200) latencies.push(response.latencyMs);
          else failed += 1;
        } catch {
          failed += 1;
        }
      }
    }),
  );
  agent.destroy();
  return { latencies, seconds: Number(process.hrtime.bigint() - started) / 1e9, failed };
}

function summarise(rounds: RoundResult[]): { p50: number; p99: number; rps: number; failed: number } {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((a, r) => a + r.seconds, 0);
  return { p50: quantile(all, 0.5), p99: quantile(all, 0.99), rps: all.length / seconds, failed: rounds.reduce((a, r) => a + r.failed, 0) };
}

async function main(): Promise<void> {
  const args = parseArgs({ requests: 3000, concurrency: 16, rounds: 3 });
  const [port, stagingPort] = await freePorts(2);
  const project = makeProject(
    `endpoint: bench
model: { name: bench-model }
serve: { code: ./src, readyTimeout: 20s }
target: { local: { port: ${port}, stagingPort: ${stagingPort} } }
`,
  );
  const host = benchHost();
  const { config } = loadConfigText(fs.readFileSync(project.configFile, 'utf8'), project.configFile);
  const ctx = await createContext(config, host, 'bench');
  try {
    const registered = await ctx.registry.register({ name: 'bench-model', source: project.models('good1'), tags: {} });
    await pipeline.rollout(ctx, { name: registered.name, version: registered.version });
    const state = (await ctx.target.state('bench')) as unknown as { deployments: Array<{ name: string; port: number }> };
    const deployment = state.deployments[0];
    const direct = `http://127.0.0.1:${deployment.port}/score`;
    const routed = `http://127.0.0.1:${port}/score`;
    // warm both paths (keep-alive sockets, Python imports)
    await closedLoop(direct, 200, args.concurrency);
    await closedLoop(routed, 200, args.concurrency);
    const row = (name: string, stats: ReturnType<typeof summarise>) =>
      `${name.padEnd(22)} ${stats.p50.toFixed(2).padStart(8)} ${stats.p99.toFixed(2).padStart(8)} ${stats.rps.toFixed(0).padStart(8)} ${String(stats.failed).padStart(7)}`;
    // one client: the latency the router adds to a request; many: what it costs under saturation
    for (const concurrency of [1, args.concurrency]) {
      const requests = concurrency === 1 ? Math.ceil(args.requests / 3) : args.requests;
      const directRounds: RoundResult[] = [];
      const routedRounds: RoundResult[] = [];
      for (let i = 0; i < args.rounds; i++) {
        directRounds.push(await closedLoop(direct, requests, concurrency));
        routedRounds.push(await closedLoop(routed, requests, concurrency));
      }
      const directStats = summarise(directRounds);
      const routedStats = summarise(routedRounds);
      console.log(
        `router overhead: ${args.rounds} rounds x ${requests} requests, ${concurrency} concurrent client(s), scoring server = Python process (${os.cpus().length} cores)`,
      );
      console.log(`${'path'.padEnd(22)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'failed'.padStart(7)}`);
      console.log(row('direct (baseline)', directStats));
      console.log(row('through the router', routedStats));
      console.log(
        `ratios router/direct: p50 x${(routedStats.p50 / directStats.p50).toFixed(2)}, p99 x${(routedStats.p99 / directStats.p99).toFixed(2)}, throughput x${(routedStats.rps / directStats.rps).toFixed(2)}; added p50 ${(routedStats.p50 - directStats.p50).toFixed(2)} ms\n`,
      );
    }
  } finally {
    await pipeline.down(ctx);
    fs.rmSync(project.dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
