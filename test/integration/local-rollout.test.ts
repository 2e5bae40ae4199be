import * as fs from 'node:fs';
import * as path from 'node:path';
import Docker from 'dockerode';
import { loadConfig } from '../../shared/config/load';
import { LABELS, ownerId } from '../../shared/targets/local/docker-runtime';
import type { HostInfo } from '../../shared/targets/local/state-store';
import { createContext } from '../../shared/context';
import * as pipeline from '../../shared/pipeline';
import { PipelineContext } from '../../shared/pipeline';
import { LoadGenerator, LoadSummary } from '../../shared/traffic/load';
import { StageError } from '../../shared/errors';
import { TestHost } from '../helpers/test-host';
import { dockerTestEnv } from '../helpers/test-env';
import { freePorts, makeProject, rolloutConfig, TestProject } from '../helpers/project';

/**
 * The local target with both runtimes: real scoring-server processes (process) or real
 * containers from images built and pushed to the authenticated registry (docker), the
 * real router and endpoint host, and live load of 120 requests/s through the endpoint
 * for the whole of every rollout.
 */
jest.setTimeout(240_000);

const LOAD_RATE = 120;

function runtimeConfig(runtime: 'process' | 'docker'): { extra: string; env: Record<string, string> } {
  if (runtime === 'process') return { extra: '', env: {} };
  const env = dockerTestEnv();
  return {
    extra: `image:\n  repository: ${env.registry}/modelship-tests/rollout-${process.pid}\n`,
    env: { MODELSHIP_REGISTRY_USERNAME: env.username, MODELSHIP_REGISTRY_PASSWORD: env.password, BASE_IMAGE: env.baseImage },
  };
}

describe.each(['process', 'docker'] as const)('progressive rollout on the local target (runtime %s) under live load', (runtime) => {
  let project: TestProject;
  let ctx: PipelineContext;
  let host: TestHost;
  const endpoint = 'testep';

  async function register(model: string): Promise<string> {
    const mv = await ctx.registry.register({ name: 'test-model', source: project.models(model), tags: {} });
    return mv.version;
  }

  /** run fn while LOAD_RATE requests/s go through the production endpoint */
  async function underLoad<T>(fn: () => Promise<T>): Promise<{ value: T; load: LoadSummary }> {
    const gen = new LoadGenerator({
      rate: LOAD_RATE,
      durationMs: 90_000,
      send: () => ctx.target.score(endpoint, { body: '{"data": [1, 2, 3]}', timeoutMs: 10_000 }),
    }).start();
    try {
      const value = await fn();
      return { value, load: await gen.stop() };
    } catch (err: unknown) {
      await gen.stop();
      throw err;
    }
  }

  beforeAll(async () => {
    const [port, stagingPort] = await freePorts(2);
    const rc = runtimeConfig(runtime);
    project = makeProject(
      rolloutConfig({
        port,
        stagingPort,
        runtime,
        baseImage: rc.env.BASE_IMAGE,
        extra: rc.extra,
        rollout: `  strategy: canary
  steps: [20, 50, 100]
  bake: 4s
  analysis:
    interval: 1s
    minRequests: 20
    maxErrorRate: 0.01`,
      }),
    );
    host = new TestHost(rc.env);
    ctx = await createContext((await loadConfig(project.configFile)).config, host, 'test');
    ctx.modelVersion = await register('good1');
    const first = await pipeline.run(ctx);
    expect(first.result).toBe('promoted');
  });

  afterAll(async () => {
    await pipeline.down(ctx);
  });

  it('run (build, staging, smoke, rollout) promotes a good version to 100% with zero failed requests', async () => {
    const v2 = await register('good2');
    ctx.modelVersion = v2;
    const { value, load } = await underLoad(() => pipeline.run(ctx));
    expect(value.result).toBe('promoted');
    expect(load.failed).toBe(0);
    expect(load.sent).toBeGreaterThan(500);
    // both versions answered live requests during the rollout
    expect(Object.keys(load.byDeployment).sort()).toEqual(['blue', 'green']);
    const state = await ctx.target.state(endpoint);
    expect(state.deployments.map((d) => [d.name, d.model.version])).toEqual([['green', v2]]);
    expect(state.traffic).toEqual({ green: 100 });
    expect(state.record.previous?.version).toBe('1');
    expect(state.record.rollout).toBeUndefined();
    if (runtime === 'docker') {
      // deployed by digest, never by a mutable tag
      expect(state.deployments[0].image).toMatch(/@sha256:[0-9a-f]{64}$/);
      expect(value.image?.pinned).toBe(state.deployments[0].image);
    }
    // a line per step with weights, and per interval with figures
    expect(host.text()).toMatch(/step 1\/3/);
    expect(host.text()).toMatch(/requests \d+ errors 0/);
    process.stderr.write(
      `${runtime}: good rollout under load: ${load.sent} requests at ${load.rate.toFixed(0)}/s, p99 ${load.latencyP99Ms?.toFixed(1)} ms\n`,
    );
  });

  it('rolls back a version that fails 20% of its requests; no request served by the stable deployment fails', async () => {
    const before = await ctx.target.state(endpoint);
    const stable = before.deployments[0].name;
    ctx.modelVersion = await register('failing');
    const { value, load } = await underLoad(() => pipeline.run(ctx));
    expect(value.result).toBe('rolled-back');
    expect(value.reason).toMatch(/error rate/);
    expect(load.byDeployment[stable].failed).toBe(0);
    expect(load.byDeployment[stable].ok).toBeGreaterThan(0);
    // the failures clients saw all came from the new deployment
    const candidate = Object.keys(load.byDeployment).find((d) => d !== stable);
    expect(candidate).toBeDefined();
    expect(load.failed).toBe(load.byDeployment[candidate as string].failed);
    const after = await ctx.target.state(endpoint);
    expect(after.traffic).toEqual({ [stable]: 100 });
    expect(after.deployments.map((d) => d.name)).toEqual([stable]);
    expect(after.record.rollout).toBeUndefined();
  });

  it('never gives traffic to a version whose init() raises; production is untouched', async () => {
    const before = await ctx.target.state(endpoint);
    const v4 = await register('init-raises');
    const { value, load } = await underLoad(() =>
      pipeline.rollout(ctx, { name: 'test-model', version: v4 }).then(
        () => undefined,
        (err: unknown) => err,
      ),
    );
    expect(value).toBeInstanceOf(StageError);
    const message = (value as Error).message;
    expect(message).toMatch(/did not become ready/);
    expect(message).toMatch(/model file is corrupt/); // the deployment's own last log lines
    expect(message).toMatch(/untouched/);
    expect(load.failed).toBe(0);
    expect(Object.keys(load.byDeployment)).toEqual([before.deployments[0].name]);
    const after = await ctx.target.state(endpoint);
    expect(after.traffic).toEqual(before.traffic);
    expect(after.deployments.map((d) => [d.name, d.model.version])).toEqual(before.deployments.map((d) => [d.name, d.model.version]));
  });

  it('a host killed with -9 while it started a deployment: the next command brings production back and leaves nothing of that deployment running', async () => {
    const before = await ctx.target.state(endpoint);
    const stateDir = path.join(project.dir, '.modelship', endpoint);
    const docker = runtime === 'docker' ? new Docker() : undefined;
    const stray = 'orphan';
    // what the killed host had started for a deployment it never saved: a container of this
    // endpoint folder (the process runtime's scoring process exits with its host by itself)
    const leftover = await docker?.createContainer({
      Image: dockerTestEnv().baseImage,
      Cmd: ['sleep', '300'],
      name: `modelship-${endpoint}-${stray}-${process.pid}`,
      Labels: { [LABELS.managed]: 'modelship', [LABELS.endpoint]: endpoint, [LABELS.deployment]: stray, [LABELS.owner]: ownerId(stateDir) },
    });
    await leftover?.start();
    const { pid } = JSON.parse(fs.readFileSync(path.join(stateDir, 'host.json'), 'utf8')) as HostInfo;
    process.kill(pid, 'SIGKILL');
    const after = await ctx.target.state(endpoint);
    expect(after.deployments.map((d) => [d.name, d.model.version, d.health])).toEqual(
      before.deployments.map((d) => [d.name, d.model.version, 'ready']),
    );
    expect(after.traffic).toEqual(before.traffic);
    const answer = await ctx.target.score(endpoint, { body: '{"data": [1, 2, 3]}', timeoutMs: 10_000 });
    expect(answer.status).toBe(200);
    if (leftover) {
      await expect(leftover.inspect()).rejects.toMatchObject({ statusCode: 404 });
      expect(fs.readFileSync(path.join(stateDir, 'host.log'), 'utf8')).toMatch(
        /removed modelship-testep-orphan-\d+: left by an earlier host/,
      );
    }
  });
});
