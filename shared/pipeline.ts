import * as fs from 'node:fs';
import { ModelshipConfig } from './config/types';
import { Host } from './host';
import { Clock } from './clock';
import { ModelRegistry, ModelVersion } from './registry/registry';
import { DeploymentSpec, EndpointLocker, EndpointState, ModelRef, RolloutRecord, Target } from './targets/target';
import { MetricsSource } from './analysis/metrics';
import { RunReport } from './report/report';
import { RunResult } from './report/events';
import { planSteps } from './rollout/plan';
import { ProbeTraffic, runRollout } from './rollout/engine';
import { SmokeReport, runSmoke } from './smoke/smoke';
import { SmokeProbe } from './traffic/probe';
import { StageError, errorMessage } from './errors';
import { ImageBuildResult, ImageBuilder } from './image/builder';
import { scoringServerPath } from './paths';

/**
 * The deployment pipeline: detect -> build -> staging -> smoke -> rollout, and the
 * single commands that make it up. Front ends build a `PipelineContext` from their
 * inputs and adapters and call these functions; nothing here reads the environment
 * or prints.
 */
export interface PipelineContext {
  config: ModelshipConfig;
  host: Host;
  registry: ModelRegistry;
  target: Target;
  metrics: MetricsSource;
  locker: EndpointLocker;
  clock: Clock;
  report: RunReport;
  /** `--model-version`: overrides config model.version */
  modelVersion?: string;
  /** builds serving images (runtimes that run images) */
  builder?: ImageBuilder;
  /** `--force`: build and push even when the registry has the content tag */
  force?: boolean;
  /** images built or found in this command, per model version */
  images?: Map<string, ImageBuildResult>;
}

export interface CommandOutcome {
  result: RunResult;
  reason?: string;
  model?: ModelRef;
  /** from detect: the selected version differs from what production serves */
  newVersion?: boolean;
  /** what production served before (detect) */
  serving?: ModelRef;
  smoke?: SmokeReport;
  image?: ImageBuildResult;
}

/**
 * Exit code contract of DESIGN.md section 4: 1 when the pipeline failed or was rolled
 * back. A rollback the user asked for (`modelship rollback`) that succeeded is a success.
 */
export function exitCodeFor(result: RunResult, command?: string): number {
  if (result === 'rolled-back' && command === 'rollback') return 0;
  return result === 'rolled-back' || result === 'failed' ? 1 : 0;
}

export function productionEndpoint(cfg: ModelshipConfig): string {
  return cfg.endpoint;
}

export function stagingEndpoint(cfg: ModelshipConfig): string {
  return `${cfg.endpoint}-staging`;
}

const DEPLOYMENT_NAMES = ['blue', 'green'] as const;

// ---- stages --------------------------------------------------------------------------

/** Run one stage: a log group, start/done/failed events, and errors that say what was being done. */
async function stage<T>(ctx: PipelineContext, name: string, fn: () => Promise<T>, check?: string): Promise<T> {
  return ctx.host.group(name, async () => {
    ctx.report.emit({ type: 'stage', at: ctx.clock.now(), stage: name, status: 'start' });
    try {
      const value = await fn();
      ctx.report.emit({ type: 'stage', at: ctx.clock.now(), stage: name, status: 'done' });
      return value;
    } catch (err: unknown) {
      const e = err instanceof StageError ? err : new StageError(name, errorMessage(err), check);
      ctx.report.emit({ type: 'stage', at: ctx.clock.now(), stage: name, status: 'failed', message: e.message });
      throw e;
    }
  });
}

/** Hold the endpoint locks for the duration of fn. */
async function locked<T>(ctx: PipelineContext, endpoints: string[], holder: string, fn: () => Promise<T>): Promise<T> {
  const releases: Array<() => Promise<void>> = [];
  try {
    for (const e of endpoints) releases.push(await ctx.locker.acquireLock(e, holder));
    return await fn();
  } finally {
    for (const r of releases.reverse()) await r().catch(() => undefined);
  }
}

export async function selectVersion(ctx: PipelineContext): Promise<ModelVersion> {
  const m = ctx.config.model;
  const version = ctx.modelVersion ?? m.version;
  const found = await ctx.registry.resolve({ name: m.name, version, tags: m.tags });
  if (!found) {
    const tags = Object.entries(m.tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    throw new StageError(
      'selecting the model version',
      `no version ${version === 'latest' ? 'matches' : version} of model '${m.name}'${tags ? ` with tags ${tags}` : ''} in ${ctx.registry.description}`,
      'register one with `modelship model register`, or fix model.name / model.version / model.tags',
    );
  }
  ctx.report.model = { name: found.name, version: found.version };
  return found;
}

/** the deployment that holds (most of) the live traffic */
export function stableDeployment(state: EndpointState): string | undefined {
  if (state.record.rollout) return state.record.rollout.stable;
  let best: string | undefined;
  let bestWeight = 0;
  for (const [name, w] of Object.entries(state.traffic)) {
    if (w > bestWeight) {
      best = name;
      bestWeight = w;
    }
  }
  return best;
}

export function servingModel(state: EndpointState): ModelRef | undefined {
  const stable = stableDeployment(state);
  return state.deployments.find((d) => d.name === stable)?.model;
}

export async function detect(ctx: PipelineContext): Promise<CommandOutcome> {
  return stage(ctx, 'detect', async () => {
    const selected = await selectVersion(ctx);
    const state = await ctx.target.state(productionEndpoint(ctx.config));
    const serving = servingModel(state);
    const newVersion = !serving || serving.version !== selected.version || serving.name !== selected.name;
    ctx.host.info(
      serving
        ? `production serves ${serving.name} v${serving.version}; selected v${selected.version}: ${newVersion ? 'a new version to ship' : 'nothing new'}`
        : `production serves nothing yet; selected ${selected.name} v${selected.version}`,
    );
    return {
      result: newVersion ? 'deployed' : 'no-change',
      newVersion,
      model: { name: selected.name, version: selected.version },
      serving,
    };
  });
}

/** whether deployments run from images (and so need a build) */
export function runsImages(cfg: ModelshipConfig): boolean {
  return cfg.target.kind === 'kubernetes' || cfg.target.local.runtime === 'docker';
}

export async function build(ctx: PipelineContext, mv: ModelRef): Promise<ImageBuildResult | undefined> {
  return stage(
    ctx,
    'build',
    async () => {
      if (!runsImages(ctx.config)) {
        ctx.host.info(`runtime 'process' runs ${mv.name} v${mv.version} from the registry's files: no image to build`);
        return undefined;
      }
      return buildImage(ctx, mv);
    },
    'the build output above, serve.baseImage, image.repository and the registry credentials',
  );
}

async function buildImage(ctx: PipelineContext, mv: ModelRef): Promise<ImageBuildResult> {
  const cached = ctx.images?.get(mv.version);
  if (cached) return cached;
  const cfg = ctx.config;
  if (!ctx.builder || !cfg.image)
    throw new Error(
      `target '${cfg.target.kind}'${cfg.target.kind === 'local' ? ` runtime '${cfg.target.local.runtime}'` : ''} needs image.repository and an image builder`,
    );
  const s = cfg.serve;
  const result = await ctx.builder.build({
    repository: cfg.image.repository,
    force: ctx.force,
    inputs: {
      baseImage: s.baseImage,
      model: { name: mv.name, version: mv.version, dir: await ctx.registry.materialize(mv.name, mv.version) },
      codeDir: s.code,
      scoringScript: s.scoringScript,
      requirements: s.requirements,
      dockerfile: s.dockerfile,
      scoringServer: scoringServerPath(),
      readyPath: s.readyPath,
      scorePath: s.scorePath,
    },
  });
  (ctx.images ??= new Map()).set(mv.version, result);
  ctx.report.image = result.pinned;
  ctx.host.info(`${mv.name} v${mv.version} ships as ${result.pinned}${result.built ? '' : ' (reused: the registry had it)'}`);
  return result;
}

async function specFor(ctx: PipelineContext, mv: ModelRef, name: string): Promise<DeploymentSpec> {
  const s = ctx.config.serve;
  return {
    name,
    model: { name: mv.name, version: mv.version },
    modelDir: await ctx.registry.materialize(mv.name, mv.version),
    codeDir: s.code,
    scoringScript: s.scoringScript,
    readyPath: s.readyPath,
    scorePath: s.scorePath,
    readyTimeout: s.readyTimeout,
    // image runtimes deploy by digest, never by a mutable tag
    image: runsImages(ctx.config) ? (await buildImage(ctx, mv)).pinned : undefined,
  };
}

/**
 * Deployments with no traffic and no rollout that owns them are leftovers of an
 * interrupted run: remove them, so that a rerun converges.
 */
async function removeLeftovers(ctx: PipelineContext, endpoint: string, state: EndpointState): Promise<EndpointState> {
  if (state.record.rollout) return state;
  let changed = false;
  for (const d of state.deployments) {
    if ((state.traffic[d.name] ?? 0) === 0 && Object.values(state.traffic).some((w) => w > 0)) {
      ctx.host.info(`removing leftover deployment '${d.name}' (v${d.model.version}, no traffic) from an interrupted run`);
      await ctx.target.deleteDeployment(endpoint, d.name);
      changed = true;
    }
  }
  return changed ? ctx.target.state(endpoint) : state;
}

function freeName(state: EndpointState): string {
  const used = new Set(state.deployments.map((d) => d.name));
  const name = DEPLOYMENT_NAMES.find((n) => !used.has(n));
  if (!name)
    throw new Error(
      `endpoint ${state.endpoint} already has deployments ${[...used].join(', ')}; run \`modelship rollback\` or \`modelship status\` to see why`,
    );
  return name;
}

/** Replace whatever the endpoint serves with `mv` at once (staging, or a first production deployment). */
async function replaceAll(ctx: PipelineContext, endpoint: string, mv: ModelRef): Promise<string> {
  let state = await ctx.target.state(endpoint);
  state = await removeLeftovers(ctx, endpoint, state);
  const name = freeName(state);
  ctx.host.info(`deploying ${mv.name} v${mv.version} to ${endpoint} as '${name}'`);
  await ctx.target.createDeployment(endpoint, await specFor(ctx, mv, name));
  const confirmed = await ctx.target.setTraffic(endpoint, { [name]: 100 });
  if (confirmed[name] !== 100) throw new Error(`the endpoint did not confirm 100% for '${name}' (got ${JSON.stringify(confirmed)})`);
  ctx.host.info(`${endpoint}: '${name}' takes 100% of traffic`);
  for (const d of state.deployments) {
    if (d.name === name) continue;
    await ctx.target.deleteDeployment(endpoint, d.name);
    ctx.host.info(`${endpoint}: removed '${d.name}' (v${d.model.version})`);
  }
  return name;
}

export async function deployStaging(ctx: PipelineContext, mv: ModelRef): Promise<void> {
  const endpoint = stagingEndpoint(ctx.config);
  await stage(
    ctx,
    'deploy staging',
    () => locked(ctx, [endpoint], 'deploy staging', () => replaceAll(ctx, endpoint, mv)),
    'the deployment log lines above, serve.code and serve.scoringScript',
  );
}

export async function smoke(ctx: PipelineContext): Promise<SmokeReport> {
  const endpoint = stagingEndpoint(ctx.config);
  return stage(ctx, 'smoke', async () => {
    const cfg = ctx.config.staging.smoke;
    if (cfg.cases.length === 0) {
      ctx.host.warn('no smoke cases configured (staging.smoke.cases): staging is only checked for readiness');
    }
    const report = await runSmoke(
      cfg,
      (body, timeoutMs) => ctx.target.score(endpoint, { body, timeoutMs }),
      (line) => ctx.host.info(line),
    );
    ctx.report.emit({
      type: 'smoke',
      at: ctx.clock.now(),
      passed: report.passed,
      p95Ms: report.p95Ms,
      cases: report.cases.map((c) => ({ name: c.name, passed: c.passed, failures: c.failures })),
    });
    if (!report.passed) {
      const lines = report.cases.filter((c) => !c.passed).flatMap((c) => c.failures.map((f) => `${c.name}: ${f}`));
      if (!report.latencyPassed) lines.push(`p95 latency ${report.p95Ms?.toFixed(1)} ms > ${report.maxLatencyP95} ms`);
      throw new StageError(
        'smoke tests on staging',
        `${lines.length} problem(s):\n  ${lines.join('\n  ')}`,
        'the expected answers in staging.smoke.cases, and the new model version',
      );
    }
    return report;
  });
}

function probeFor(ctx: PipelineContext): ProbeTraffic | undefined {
  const probe = ctx.config.rollout.analysis.probe;
  if (!probe) return undefined;
  const bodies = ctx.config.staging.smoke.cases.map((c) => fs.readFileSync(c.request, 'utf8'));
  return new SmokeProbe(ctx.target, bodies, probe.rate, ctx.config.staging.smoke.timeout);
}

function engineInput(ctx: PipelineContext, stable: string, candidate: string, model: ModelRef, startAt: number) {
  const r = ctx.config.rollout;
  return {
    endpoint: productionEndpoint(ctx.config),
    stable,
    candidate,
    model,
    steps: planSteps(r),
    startAt,
    bake: r.bake,
    analysis: {
      interval: r.analysis.interval,
      minRequests: r.analysis.minRequests,
      maxErrorRate: r.analysis.maxErrorRate,
      maxLatencyP99: r.analysis.maxLatencyP99,
    },
  };
}

function engineDeps(ctx: PipelineContext) {
  return {
    target: ctx.target,
    metrics: ctx.metrics,
    clock: ctx.clock,
    events: ctx.report,
    log: (line: string) => ctx.host.info(line),
    probe: probeFor(ctx),
  };
}

/** run a recorded rollout on from the step it reached */
async function resumeRollout(ctx: PipelineContext, r: RolloutRecord): Promise<CommandOutcome> {
  const outcome = await runRollout(engineInput(ctx, r.stable, r.candidate, r.model, r.nextStep), engineDeps(ctx));
  return { result: outcome.result, reason: outcome.reason, model: r.model };
}

/** Production rollout of `mv`: first deployment goes straight to 100%; otherwise progressive. */
async function rolloutUnlocked(ctx: PipelineContext, mv: ModelRef): Promise<CommandOutcome> {
  const endpoint = productionEndpoint(ctx.config);
  let state = await ctx.target.state(endpoint);
  const inProgress = state.record.rollout;
  const interrupted =
    inProgress?.status === 'running' &&
    inProgress.model.name === mv.name &&
    inProgress.model.version === mv.version &&
    state.deployments.some((d) => d.name === inProgress.candidate);
  if (inProgress && interrupted) {
    // an earlier run of the same version was interrupted (killed runner, lost connection): carry on where it stopped
    ctx.host.info(
      `resuming the interrupted rollout of ${mv.name} v${mv.version} at step ${inProgress.nextStep + 1} (new '${inProgress.candidate}', stable '${inProgress.stable}')`,
    );
    return resumeRollout(ctx, inProgress);
  }
  if (inProgress) {
    throw new StageError(
      'starting the rollout',
      `a rollout of ${inProgress.model.name} v${inProgress.model.version} is ${inProgress.status} on ${endpoint} (new '${inProgress.candidate}', stable '${inProgress.stable}')`,
      '`modelship promote` to continue it or `modelship rollback` to abandon it',
    );
  }
  state = await removeLeftovers(ctx, endpoint, state);
  const stable = stableDeployment(state);
  if (!stable) {
    const name = await replaceAll(ctx, endpoint, mv);
    ctx.host.info(`first production deployment: '${name}' serves ${mv.name} v${mv.version}`);
    ctx.report.emit({ type: 'promote', at: ctx.clock.now(), deployment: name });
    return { result: 'promoted', model: mv };
  }
  const serving = state.deployments.find((d) => d.name === stable);
  if (serving && serving.model.version === mv.version && serving.model.name === mv.name) {
    ctx.host.info(`production already serves ${mv.name} v${mv.version} ('${stable}'): nothing to roll out`);
    return { result: 'no-change', model: mv };
  }
  const candidate = freeName(state);
  ctx.host.info(
    `deploying ${mv.name} v${mv.version} to ${endpoint} as '${candidate}' with no traffic (stable '${stable}' serves v${serving?.model.version})`,
  );
  try {
    await ctx.target.createDeployment(endpoint, await specFor(ctx, mv, candidate));
  } catch (err: unknown) {
    // it never took traffic; production is untouched
    throw new StageError(
      `deploying v${mv.version} to production`,
      `${errorMessage(err)}\nproduction still serves v${serving?.model.version} on '${stable}' (untouched)`,
      'the deployment output above',
    );
  }
  const outcome = await runRollout(engineInput(ctx, stable, candidate, mv, 0), engineDeps(ctx));
  return { result: outcome.result, reason: outcome.reason, model: mv };
}

export async function rollout(ctx: PipelineContext, mv: ModelRef): Promise<CommandOutcome> {
  const endpoint = productionEndpoint(ctx.config);
  return stage(
    ctx,
    'rollout',
    () => locked(ctx, [endpoint], 'rollout', () => rolloutUnlocked(ctx, mv)),
    '`modelship status` and the endpoint logs',
  );
}

export async function deployProduction(ctx: PipelineContext, mv: ModelRef): Promise<CommandOutcome> {
  const endpoint = productionEndpoint(ctx.config);
  return stage(ctx, 'deploy production', () =>
    locked(ctx, [endpoint], 'deploy production', async () => {
      let state = await ctx.target.state(endpoint);
      state = await removeLeftovers(ctx, endpoint, state);
      if (!stableDeployment(state)) {
        await replaceAll(ctx, endpoint, mv);
        return { result: 'promoted', model: mv } satisfies CommandOutcome;
      }
      const name = freeName(state);
      await ctx.target.createDeployment(endpoint, await specFor(ctx, mv, name));
      ctx.host.info(
        `'${name}' serves v${mv.version} on ${endpoint} with 0% of traffic; test it with the header x-modelship-deployment: ${name}, then \`modelship rollout\``,
      );
      return { result: 'deployed', model: mv } satisfies CommandOutcome;
    }),
  );
}

export async function promote(ctx: PipelineContext): Promise<CommandOutcome> {
  const endpoint = productionEndpoint(ctx.config);
  return stage(ctx, 'promote', () =>
    locked(ctx, [endpoint], 'promote', async () => {
      const state = await ctx.target.state(endpoint);
      const r = state.record.rollout;
      if (!r) {
        ctx.host.info(`no rollout in progress on ${endpoint}: nothing to promote`);
        return { result: 'no-change' } satisfies CommandOutcome;
      }
      ctx.report.model = r.model;
      ctx.host.info(`resuming the rollout of ${r.model.name} v${r.model.version} at step ${r.nextStep + 1}`);
      return resumeRollout(ctx, r);
    }),
  );
}

/**
 * Manual rollback. During a rollout: all traffic back to the stable deployment, then the
 * new one is removed. After a promotion: the previous model version is deployed again
 * and takes all traffic once it is ready.
 */
export async function rollback(ctx: PipelineContext): Promise<CommandOutcome> {
  const endpoint = productionEndpoint(ctx.config);
  return stage(ctx, 'rollback', () =>
    locked(ctx, [endpoint], 'rollback', async () => {
      const state = await ctx.target.state(endpoint);
      const r = state.record.rollout;
      if (r) {
        ctx.report.model = r.model;
        const confirmed = await ctx.target.setTraffic(endpoint, { [r.stable]: 100 });
        if (confirmed[r.stable] !== 100) throw new Error(`the endpoint did not confirm 100% for '${r.stable}'`);
        ctx.host.info(`all traffic back on '${r.stable}'`);
        if (state.deployments.some((d) => d.name === r.candidate)) await ctx.target.deleteDeployment(endpoint, r.candidate);
        await ctx.target.setRecord(endpoint, { ...state.record, rollout: undefined });
        const reason = `manual rollback of the ${r.status} rollout of v${r.model.version}`;
        ctx.report.emit({ type: 'rollback', at: ctx.clock.now(), reason });
        return { result: 'rolled-back', reason, model: r.model } satisfies CommandOutcome;
      }
      const prev = state.record.previous;
      if (!prev) throw new Error(`no rollout in progress and no previous version recorded on ${endpoint}: nothing to roll back to`);
      const current = servingModel(state);
      ctx.host.info(`redeploying the previous version ${prev.name} v${prev.version} (production serves v${current?.version})`);
      await replaceAll(ctx, endpoint, prev);
      // the version we left is not a safe target for another rollback; forget it
      await ctx.target.setRecord(endpoint, { previous: undefined, rollout: undefined });
      const reason = `manual rollback from v${current?.version} to v${prev.version}`;
      ctx.report.model = { name: prev.name, version: prev.version };
      ctx.report.emit({ type: 'rollback', at: ctx.clock.now(), reason });
      return { result: 'rolled-back', reason, model: { name: prev.name, version: prev.version } } satisfies CommandOutcome;
    }),
  );
}

/** detect -> build -> staging -> smoke -> rollout */
export async function run(ctx: PipelineContext): Promise<CommandOutcome> {
  const found = await detect(ctx);
  if (!found.newVersion || !found.model) {
    ctx.report.emit({ type: 'stage', at: ctx.clock.now(), stage: 'rollout', status: 'skipped', message: 'no new model version' });
    return { ...found, result: 'no-change' };
  }
  const image = await build(ctx, found.model);
  await deployStaging(ctx, found.model);
  const smokeReport = await smoke(ctx);
  const outcome = await rollout(ctx, found.model);
  return { ...outcome, newVersion: true, serving: found.serving, smoke: smokeReport, image };
}

export async function status(ctx: PipelineContext): Promise<{ production: EndpointState; staging: EndpointState }> {
  const [production, staging] = await Promise.all([
    ctx.target.state(productionEndpoint(ctx.config)),
    ctx.target.state(stagingEndpoint(ctx.config)),
  ]);
  return { production, staging };
}

export function describeEndpoint(state: EndpointState): string[] {
  if (state.deployments.length === 0) return [`${state.endpoint}: nothing deployed`];
  const lines = [`${state.endpoint} (${state.url}):`];
  for (const d of state.deployments) {
    lines.push(
      `  ${d.name.padEnd(6)} ${d.model.name} v${d.model.version}  traffic ${state.traffic[d.name] ?? 0}%${state.mirror[d.name] ? ` mirror ${state.mirror[d.name]}%` : ''}  ${d.health}${d.restarts ? ` (restarts ${d.restarts})` : ''}`,
    );
  }
  const r = state.record.rollout;
  if (r)
    lines.push(
      `  rollout of v${r.model.version} ${r.status} (next step ${r.nextStep + 1}); \`modelship promote\` or \`modelship rollback\``,
    );
  if (state.record.previous) lines.push(`  previous version: v${state.record.previous.version} (\`modelship rollback\` redeploys it)`);
  return lines;
}

export async function down(ctx: PipelineContext): Promise<void> {
  for (const endpoint of [productionEndpoint(ctx.config), stagingEndpoint(ctx.config)]) {
    await ctx.target.destroy(endpoint);
    ctx.host.info(`${endpoint}: stopped and removed`);
  }
}
