/**
 * Benchmark: rollback reaction time. A canary at 50% under 100 requests/s turns bad at a
 * moment the benchmark chooses (its model fails every request once a trigger file
 * exists); we measure from that moment until the router serves 100% from the stable
 * deployment. Run for several analysis intervals in one run; the ratio to the interval
 * is the figure to compare (the engine can only react at an analysis tick).
 *
 *   node dist/bench/rollback-reaction.js [--runs 3]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigText } from '../shared/config/load';
import { createContext } from '../shared/context';
import * as pipeline from '../shared/pipeline';
import { LoadGenerator } from '../shared/traffic/load';
import { PersistedEndpoint } from '../shared/targets/local/state-store';
import { freePorts, makeProject } from '../test/helpers/project';
import { benchHost, parseArgs, quantile } from './common';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(intervalMs: number): Promise<number> {
  const [port, stagingPort] = await freePorts(2);
  const project = makeProject(
    `endpoint: reaction
model: { name: reaction-model }
serve: { code: ./src, readyTimeout: 20s }
target: { local: { port: ${port}, stagingPort: ${stagingPort} } }
rollout:
  steps: [50, 100]
  bake: 60s
  analysis: { interval: ${intervalMs}ms, minRequests: 10, maxErrorRate: 0.01 }
`,
  );
  const trigger = path.join(project.dir, 'turn-bad');
  const badModel = path.join(project.dir, 'turns-bad-model');
  fs.mkdirSync(badModel);
  fs.writeFileSync(path.join(badModel, 'model.json'), JSON.stringify({ bias: 9, fail_when_file: trigger }));
  const { config } = loadConfigText(fs.readFileSync(project.configFile, 'utf8'), project.configFile);
  const ctx = await createContext(config, benchHost(), 'bench');
  const statePath = path.join(config.target.local.stateDir, 'reaction', 'state.json');
  const traffic = (): Record<string, number> => (JSON.parse(fs.readFileSync(statePath, 'utf8')) as PersistedEndpoint).traffic;
  const load = new LoadGenerator({
    rate: 100,
    durationMs: 120_000,
    send: () => ctx.target.score('reaction', { body: '{"data": [1]}', timeoutMs: 5000 }),
  });
  try {
    const goodVersion = await ctx.registry.register({ name: 'reaction-model', source: project.models('good1'), tags: {} });
    await pipeline.rollout(ctx, { name: goodVersion.name, version: goodVersion.version });
    const badVersion = await ctx.registry.register({ name: 'reaction-model', source: badModel, tags: {} });
    load.start();
    const rollout = pipeline.rollout(ctx, { name: badVersion.name, version: badVersion.version });
    while ((traffic().green ?? 0) !== 50) await sleep(5);
    // let a few healthy intervals pass, then turn the canary bad between two ticks
    await sleep(2 * intervalMs + intervalMs / 3);
    const turnedBadAt = Date.now();
    fs.writeFileSync(trigger, '');
    while (traffic().blue !== 100) await sleep(2);
    const reaction = Date.now() - turnedBadAt;
    const outcome = await rollout;
    if (outcome.result !== 'rolled-back') throw new Error(`expected a rollback, got ${outcome.result}`);
    return reaction;
  } finally {
    await load.stop();
    await pipeline.down(ctx);
    fs.rmSync(project.dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs({ runs: 3 });
  console.log(`rollback reaction: canary at 50% of 100 requests/s turns bad; time until 100% on stable (${args.runs} runs per interval)`);
  console.log(`${'interval'.padStart(9)} ${'median ms'.padStart(10)} ${'max ms'.padStart(8)} ${'median/interval'.padStart(16)}`);
  for (const interval of [500, 1000, 2000]) {
    const times: number[] = [];
    for (let i = 0; i < args.runs; i++) times.push(await measure(interval));
    times.sort((a, b) => a - b);
    const median = quantile(times, 0.5);
    console.log(
      `${`${interval}ms`.padStart(9)} ${median.toFixed(0).padStart(10)} ${times[times.length - 1].toFixed(0).padStart(8)} ${(median / interval).toFixed(2).padStart(16)}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
