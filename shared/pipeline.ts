import * as fs from 'node:fs';
import { ModelshipConfig } from './config/types';
import { Host } from './host';
import { Clock } from './clock';
import { ModelRegistry, ModelVersion } from './registry/registry';
import { LATEST } from './registry/version';
import { Cancellation } from './cancellation';
import { runShadow, shadowBodies } from './rollout/shadow';
import { analysisRecord, describeAnalysis } from './report/verdicts';
import {
  DeploymentSpec,
  EndpointLocker,
  DeploymentInfo,
  EndpointRecord,
  EndpointState,
  ModelRef,
  RolloutRecord,
  Target,
} from './targets/target';
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
  /** set by the front end on SIGINT / SIGTERM: no new stage starts, a rollout goes back to stable */
  cancellation?: Cancellation;
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

/**
 * Staging in place: the new version is staged as a deployment with no traffic in the
 * production endpoint and smoke-tested through the deployment header (Azure ML's own
 * recommendation: one provisioning per version instead of two). The Azure ML target does
 * this unless target.azureml.stagingEndpoint asks for a separate endpoint.
 */
export function stagesInPlace(cfg: ModelshipConfig): boolean {
  return cfg.target.kind === 'azureml' && !cfg.target.azureml?.stagingEndpoint;
}

/** a ready deployment that serves `model` without live traffic: staged, waiting for its rollout */
export function stagedDeployment(state: EndpointState, model: ModelRef): DeploymentInfo | undefined {
  return state.deployments.find(
    (d) => d.health === 'ready' && d.model.name === model.name && d.model.version === model.version && !(state.traffic[d.name] > 0),
  );
}

const DEPLOYMENT_NAMES = ['blue', 'green'] as const;

// ---- stages --------------------------------------------------------------------------

/** Run one stage: a log group, start/done/failed events, and errors that say what was being done. */
async function stage<T>(ctx: PipelineContext, name: string, fn: () => Promise<T>, check?: string): Promise<T> {
  const cancelled = ctx.cancellation?.reason;
  if (cancelled !== undefined) {
    ctx.report.emit({ type: 'stage', at: ctx.clock.now(), stage: name, status: 'skipped', message: `cancelled (${cancelled})` });
    throw new StageError(name, `cancelled (${cancelled}) before it started`, 'nothing was changed by this stage');
  }
  return ctx.host.group(name, async () => {
    ctx.report.emit({ type: 'stage', at: ctx.clock.now(), stage: name, status: 'start' });
    try {
      const value = await fn();
      ctx.report.emit({ type: 'stage', at: ctx.clock.now(), stage: name, status: 'done' });
      return value;
    } catch (err: unknown) {
      const stageError = err instanceof StageError ? err : new StageError(name, errorMessage(err), check);
      ctx.report.emit({ type: 'stage', at: ctx.clock.now(), stage: name, status: 'failed', message: stageError.message });
      throw stageError;
    }
  });
}

/** Hold the endpoint locks for the duration of fn. */
async function locked<T>(ctx: PipelineContext, endpoints: string[], holder: string, fn: () => Promise<T>): Promise<T> {
  const releases: Array<() => Promise<void>> = [];
  try {
    for (const endpoint of endpoints) releases.push(await ctx.locker.acquireLock(endpoint, holder));
    return await fn();
  } finally {
    for (const release of releases.reverse()) await release().catch(() => undefined);
  }
}

export async function selectVersion(ctx: PipelineContext): Promise<ModelVersion> {
  const model = ctx.config.model;
  const version = ctx.modelVersion ?? model.version;
  const found = await ctx.registry.resolve({ name: model.name, version, tags: model.tags });
  if (!found) {
    const tags = Object.entries(model.tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    throw new StageError(
      'selecting the model version',
      `no version ${version === LATEST ? 'matches' : version} of model '${model.name}'${tags ? ` with tags ${tags}` : ''} in ${ctx.registry.description}`,
      'register one with `modelship model register`, or fix model.name / model.version / model.tags',
    );
  }
  ctx.report.model = { name: found.name, version: found.version };
  return found;
}

/**
 * The endpoint's state, with a promotion that finished before its command stopped
 * recognised as finished: a record of a rollout whose stable deployment is gone while the
 * new one takes all traffic (a crash between removing the old deployment and clearing the
 * record, by an older modelship) is cleared, so that promote, rollback and a rerun work.
 * Call under the endpoint's lock.
 */
async function readEndpoint(ctx: PipelineContext, endpoint: string): Promise<EndpointState> {
  const state = await ctx.target.state(endpoint);
  const rollout = state.record.rollout;
  if (!rollout) return state;
  const has = (name: string): boolean => state.deployments.some((d) => d.name === name);
  if (!has(rollout.candidate) && has(rollout.stable) && (state.traffic[rollout.stable] ?? 0) >= 100) {
    // the mirror image: a rollback that put all traffic back and removed the new deployment,
    // but could not clear the record (a full disk, a killed command)
    ctx.host.info(
      `${endpoint}: the rollback of ${rollout.model.name} v${rollout.model.version} had finished ('${rollout.stable}' takes all traffic, '${rollout.candidate}' is gone) when its command stopped; clearing the rollout record`,
    );
    const record: EndpointRecord = { ...state.record, rollout: undefined };
    await ctx.target.setRecord(endpoint, record);
    return { ...state, record };
  }
  const stableGone = !has(rollout.stable);
  const candidateServes = has(rollout.candidate) && (state.traffic[rollout.candidate] ?? 0) >= 100;
  if (!stableGone || !candidateServes) return state;
  ctx.host.info(
    `${endpoint}: the promotion of ${rollout.model.name} v${rollout.model.version} had finished ('${rollout.candidate}' takes all traffic, '${rollout.stable}' is gone) when its command stopped; recording it as promoted`,
  );
  const record: EndpointRecord = { ...state.record, rollout: undefined };
  await ctx.target.setRecord(endpoint, record);
  return { ...state, record };
}

/** the deployment that holds (most of) the live traffic */
export function stableDeployment(state: EndpointState): string | undefined {
  if (state.record.rollout) return state.record.rollout.stable;
  let best: string | undefined;
  let bestWeight = 0;
  for (const [name, weight] of Object.entries(state.traffic)) {
    if (weight > bestWeight) {
      best = name;
      bestWeight = weight;
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
  if (cfg.target.kind === 'azureml') return cfg.target.azureml?.environment === undefined;
  return cfg.target.kind === 'kubernetes' || (cfg.target.kind === 'local' && cfg.target.local.runtime === 'docker');
}

export async function build(ctx: PipelineContext, model: ModelRef): Promise<ImageBuildResult | undefined> {
  return stage(
    ctx,
    'build',
    async () => {
      if (!runsImages(ctx.config)) {
        ctx.host.info(
          ctx.config.target.kind === 'azureml'
            ? `target.azureml.environment names the environment to run: no image to build`
            : `runtime 'process' runs ${model.name} v${model.version} from the registry's files: no image to build`,
        );
        return undefined;
      }
      return buildImage(ctx, model);
    },
    'the build output above, serve.baseImage, image.repository and the registry credentials',
  );
}

async function buildImage(ctx: PipelineContext, model: ModelRef): Promise<ImageBuildResult> {
  const cached = ctx.images?.get(model.version);
  if (cached) return cached;
  const cfg = ctx.config;
  if (!ctx.builder || !cfg.image)
    throw new Error(
      `target '${cfg.target.kind}'${cfg.target.kind === 'local' ? ` runtime '${cfg.target.local.runtime}'` : ''} needs image.repository and an image builder`,
    );
  const serve = cfg.serve;
  const result = await ctx.builder.build({
    repository: cfg.image.repository,
    force: ctx.force,
    inputs: {
      baseImage: serve.baseImage,
      model: { name: model.name, version: model.version, dir: await ctx.registry.materialize(model.name, model.version) },
      codeDir: serve.code,
      scoringScript: serve.scoringScript,
      requirements: serve.requirements,
      dockerfile: serve.dockerfile,
      scoringServer: scoringServerPath(),
      readyPath: serve.readyPath,
      scorePath: serve.scorePath,
    },
  });
  (ctx.images ??= new Map()).set(model.version, result);
  ctx.report.image = result.pinned;
  ctx.host.info(`${model.name} v${model.version} ships as ${result.pinned}${result.built ? '' : ' (reused: the registry had it)'}`);
  return result;
}

/**
 * What to deploy. `recordedImage`: an image pinned by digest that an earlier run recorded
 * (a rollback after promotion); image runtimes redeploy it as it is, so that a later job
 * without the registry's files or a Docker engine can still roll back.
 */
async function specFor(ctx: PipelineContext, model: ModelRef, name: string, recordedImage?: string): Promise<DeploymentSpec> {
  const serve = ctx.config.serve;
  const common = {
    name,
    model: { name: model.name, version: model.version },
    codeDir: serve.code,
    scoringScript: serve.scoringScript,
    readyPath: serve.readyPath,
    scorePath: serve.scorePath,
    readyTimeout: serve.readyTimeout,
  };
  if (recordedImage && runsImages(ctx.config) && /@sha256:[0-9a-f]{64}$/.test(recordedImage)) {
    ctx.host.info(`redeploying the recorded image ${recordedImage} of ${model.name} v${model.version}: nothing to build or download`);
    // image runtimes run the image's own copy of the model files
    return { ...common, modelDir: '', image: recordedImage };
  }
  return {
    ...common,
    modelDir: await ctx.registry.materialize(model.name, model.version),
    codeDir: serve.code,
    scoringScript: serve.scoringScript,
    readyPath: serve.readyPath,
    scorePath: serve.scorePath,
    readyTimeout: serve.readyTimeout,
    // image runtimes deploy by digest, never by a mutable tag
    image: runsImages(ctx.config) ? (await buildImage(ctx, model)).pinned : undefined,
  };
}

/**
 * Deployments with no traffic and no rollout that owns them are leftovers of an
 * interrupted run: remove them, so that a rerun converges. A ready deployment of `keep`
 * is not a leftover: it was staged for this version.
 */
async function removeLeftovers(ctx: PipelineContext, endpoint: string, state: EndpointState, keep?: ModelRef): Promise<EndpointState> {
  if (state.record.rollout) return state;
  const staged = keep ? stagedDeployment(state, keep)?.name : undefined;
  let changed = false;
  for (const deployment of state.deployments) {
    if (deployment.name === staged) continue;
    if ((state.traffic[deployment.name] ?? 0) === 0 && Object.values(state.traffic).some((w) => w > 0)) {
      ctx.host.info(`removing leftover deployment '${deployment.name}' (v${deployment.model.version}, no traffic) from an interrupted run`);
      await ctx.target.deleteDeployment(endpoint, deployment.name);
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
async function replaceAll(ctx: PipelineContext, endpoint: string, model: ModelRef, recordedImage?: string): Promise<string> {
  let state = await readEndpoint(ctx, endpoint);
  state = await removeLeftovers(ctx, endpoint, state, model);
  const staged = stagedDeployment(state, model);
  const name = staged?.name ?? freeName(state);
  if (staged) ctx.host.info(`${endpoint}: '${name}' already serves ${model.name} v${model.version} (staged)`);
  else {
    ctx.host.info(`deploying ${model.name} v${model.version} to ${endpoint} as '${name}'`);
    await ctx.target.createDeployment(endpoint, await specFor(ctx, model, name, recordedImage));
  }
  const confirmed = await ctx.target.setTraffic(endpoint, { [name]: 100 });
  if (confirmed[name] !== 100) throw new Error(`the endpoint did not confirm 100% for '${name}' (got ${JSON.stringify(confirmed)})`);
  ctx.host.info(`${endpoint}: '${name}' takes 100% of traffic`);
  for (const deployment of state.deployments) {
    if (deployment.name === name) continue;
    await ctx.target.deleteDeployment(endpoint, deployment.name);
    ctx.host.info(`${endpoint}: removed '${deployment.name}' (v${deployment.model.version})`);
  }
  return name;
}

/** the endpoint a staged version lives in: <endpoint>-staging, or production when staging in place */
function stagingHome(cfg: ModelshipConfig): string {
  return stagesInPlace(cfg) ? productionEndpoint(cfg) : stagingEndpoint(cfg);
}

export async function deployStaging(ctx: PipelineContext, model: ModelRef): Promise<void> {
  await locked(ctx, [stagingHome(ctx.config)], 'deploy staging', () => deployStagingLocked(ctx, model));
}

async function deployStagingLocked(ctx: PipelineContext, model: ModelRef): Promise<void> {
  if (stagesInPlace(ctx.config)) return stageInPlace(ctx, model);
  const endpoint = stagingEndpoint(ctx.config);
  await stage(
    ctx,
    'deploy staging',
    () => replaceAll(ctx, endpoint, model),
    'the deployment log lines above, serve.code and serve.scoringScript',
  );
}

/**
 * Staging and its smoke tests under one lock, so that two runs cannot test each other's
 * version: the second waits for nothing, it is told who holds the staging endpoint.
 */
export async function deployAndSmoke(ctx: PipelineContext, model: ModelRef): Promise<SmokeReport> {
  return locked(ctx, [stagingHome(ctx.config)], 'deploy staging and smoke', async () => {
    await deployStagingLocked(ctx, model);
    return smokeLocked(ctx, model);
  });
}

/** another version's rollout holds the endpoint: what to say, and what to do about it */
function rolloutInProgress(doing: string, endpoint: string, inProgress: RolloutRecord): StageError {
  return new StageError(
    doing,
    `a rollout of ${inProgress.model.name} v${inProgress.model.version} is ${inProgress.status} on ${endpoint} (new '${inProgress.candidate}', stable '${inProgress.stable}')`,
    '`modelship promote` to continue it or `modelship rollback` to abandon it',
  );
}

/** the new version as a deployment with no traffic in the production endpoint */
async function stageInPlace(ctx: PipelineContext, model: ModelRef): Promise<void> {
  const endpoint = productionEndpoint(ctx.config);
  await stage(
    ctx,
    'deploy staging',
    async () => {
      let state = await readEndpoint(ctx, endpoint);
      const inProgress = state.record.rollout;
      if (inProgress) {
        const same = inProgress.model.name === model.name && inProgress.model.version === model.version;
        if (same && state.deployments.some((d) => d.name === inProgress.candidate)) {
          ctx.host.info(
            `${endpoint}: the rollout of v${model.version} on '${inProgress.candidate}' is ${inProgress.status}: already staged`,
          );
          return;
        }
        throw rolloutInProgress('staging the new version', endpoint, inProgress);
      }
      state = await removeLeftovers(ctx, endpoint, state, model);
      const staged = stagedDeployment(state, model);
      if (staged) {
        ctx.host.info(`${endpoint}: '${staged.name}' already serves ${model.name} v${model.version} with no traffic: staged`);
        return;
      }
      const serving = servingModel(state);
      if (serving?.name === model.name && serving.version === model.version) {
        ctx.host.info(`${endpoint}: production already serves ${model.name} v${model.version}: nothing to stage`);
        return;
      }
      const name = freeName(state);
      ctx.host.info(`staging ${model.name} v${model.version} in ${endpoint} as '${name}' with no traffic`);
      await ctx.target.createDeployment(endpoint, await specFor(ctx, model, name));
      ctx.host.info(`${endpoint}: '${name}' serves v${model.version} with 0% of traffic; smoke tests reach it by the deployment header`);
    },
    'the deployment output above, serve.code and serve.scoringScript',
  );
}

/**
 * Where smoke tests go, pinned to one deployment by the deployment header: the deployment
 * of the staging endpoint, or the staged deployment of the production endpoint. With
 * `model`, the one that serves that version, or an error when another run replaced it.
 */
async function smokeTarget(ctx: PipelineContext, model?: ModelRef): Promise<{ endpoint: string; deployment: string }> {
  const endpoint = stagingHome(ctx.config);
  const state = await ctx.target.state(endpoint);
  const serves = (d: DeploymentInfo) => model !== undefined && d.model.name === model.name && d.model.version === model.version;
  let chosen: DeploymentInfo | undefined;
  if (model) {
    const candidate = state.record.rollout?.candidate;
    chosen = state.deployments.find(
      (d) => serves(d) && (!stagesInPlace(ctx.config) || d.name === candidate || !(state.traffic[d.name] > 0)),
    );
    if (!chosen) {
      const there = state.deployments.map((d) => `'${d.name}' (v${d.model.version})`).join(', ') || 'nothing';
      throw new StageError(
        'smoke tests',
        `${endpoint} has no staged deployment of ${model.name} v${model.version} (it has ${there}): another run staged over it, or it was never staged`,
        '`modelship deploy --stage staging` for this version, then `smoke`; runs that stage at the same time take turns on the staging lock',
      );
    }
  } else if (!stagesInPlace(ctx.config)) {
    // what staging serves: replaceAll leaves one deployment taking all its traffic
    chosen = state.deployments.find((d) => state.traffic[d.name] > 0) ?? state.deployments[0];
  } else {
    const live = Object.values(state.traffic).some((w) => w > 0);
    // the rollout's candidate, else the newest deployment without traffic (any deployment before the first goes live)
    const candidate = state.record.rollout?.candidate;
    chosen = state.deployments
      .filter((d) => d.name === candidate || !live || !(state.traffic[d.name] > 0))
      .sort((a, b) => (a.name === candidate ? -1 : b.name === candidate ? 1 : b.createdAt.localeCompare(a.createdAt)))[0];
  }
  if (!chosen)
    throw new StageError(
      'smoke tests',
      stagesInPlace(ctx.config) ? `nothing is staged in ${endpoint}: every deployment takes live traffic` : `${endpoint} serves nothing`,
      '`modelship deploy --stage staging` first',
    );
  ctx.host.info(
    `smoke tests go to '${chosen.name}' (${chosen.model.name} v${chosen.model.version}) in ${endpoint}, by the deployment header`,
  );
  return { endpoint, deployment: chosen.name };
}

/** the smoke tests, under the staging lock; with `model`, of the deployment that serves that version */
export async function smoke(ctx: PipelineContext, model?: ModelRef): Promise<SmokeReport> {
  return locked(ctx, [stagingHome(ctx.config)], 'smoke', () => smokeLocked(ctx, model));
}

async function smokeLocked(ctx: PipelineContext, model?: ModelRef): Promise<SmokeReport> {
  return stage(ctx, 'smoke', async () => {
    const { endpoint, deployment } = await smokeTarget(ctx, model);
    const cfg = ctx.config.staging.smoke;
    if (cfg.cases.length === 0) {
      ctx.host.warn('no smoke cases configured (staging.smoke.cases): staging is only checked for readiness');
    }
    const report = await runSmoke(
      cfg,
      (body, timeoutMs) => ctx.target.score(endpoint, { body, timeoutMs, deployment }),
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
  const settings = ctx.config.rollout;
  return {
    endpoint: productionEndpoint(ctx.config),
    stable,
    candidate,
    model,
    steps: planSteps(settings),
    startAt,
    bake: settings.bake,
    onCancel: settings.onCancel,
    analysis: {
      interval: settings.analysis.interval,
      minRequests: settings.analysis.minRequests,
      maxErrorRate: settings.analysis.maxErrorRate,
      maxLatencyP99: settings.analysis.maxLatencyP99,
      compareToBaseline: settings.analysis.compareToBaseline,
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
    cancellation: ctx.cancellation,
  };
}

/** run a recorded rollout on from the step it reached */
async function resumeRollout(ctx: PipelineContext, record: RolloutRecord): Promise<CommandOutcome> {
  const outcome = await runRollout(engineInput(ctx, record.stable, record.candidate, record.model, record.nextStep), engineDeps(ctx));
  return { result: outcome.result, reason: outcome.reason, model: record.model };
}

/** Production rollout of `mv`: first deployment goes straight to 100%; otherwise progressive. */
async function rolloutUnlocked(ctx: PipelineContext, model: ModelRef): Promise<CommandOutcome> {
  const endpoint = productionEndpoint(ctx.config);
  let state = await readEndpoint(ctx, endpoint);
  const inProgress = state.record.rollout;
  const interrupted =
    inProgress?.status === 'running' &&
    inProgress.model.name === model.name &&
    inProgress.model.version === model.version &&
    state.deployments.some((d) => d.name === inProgress.candidate);
  if (inProgress && interrupted) {
    // an earlier run of the same version was interrupted (killed runner, lost connection): carry on where it stopped
    ctx.host.info(
      `resuming the interrupted rollout of ${model.name} v${model.version} at step ${inProgress.nextStep + 1} (new '${inProgress.candidate}', stable '${inProgress.stable}')`,
    );
    return resumeRollout(ctx, inProgress);
  }
  if (inProgress) {
    throw rolloutInProgress('starting the rollout', endpoint, inProgress);
  }
  state = await removeLeftovers(ctx, endpoint, state, model);
  const stable = stableDeployment(state);
  if (!stable) {
    const name = await replaceAll(ctx, endpoint, model);
    ctx.host.info(`first production deployment: '${name}' serves ${model.name} v${model.version}`);
    ctx.report.emit({ type: 'promote', at: ctx.clock.now(), deployment: name });
    return { result: 'promoted', model };
  }
  const serving = state.deployments.find((d) => d.name === stable);
  if (serving && serving.model.version === model.version && serving.model.name === model.name) {
    ctx.host.info(`production already serves ${model.name} v${model.version} ('${stable}'): nothing to roll out`);
    return { result: 'no-change', model };
  }
  const staged = stagedDeployment(state, model);
  const candidate = staged?.name ?? freeName(state);
  if (staged) ctx.host.info(`'${candidate}' serves ${model.name} v${model.version} with no traffic (staged): rolling it out`);
  else
    ctx.host.info(
      `deploying ${model.name} v${model.version} to ${endpoint} as '${candidate}' with no traffic (stable '${stable}' serves v${serving?.model.version})`,
    );
  try {
    if (!staged) await ctx.target.createDeployment(endpoint, await specFor(ctx, model, candidate));
  } catch (err: unknown) {
    // it never took traffic; production is untouched
    throw new StageError(
      `deploying v${model.version} to production`,
      `${errorMessage(err)}\nproduction still serves v${serving?.model.version} on '${stable}' (untouched)`,
      'the deployment output above',
    );
  }
  const shadowFailure = await shadowStep(ctx, endpoint, stable, candidate);
  if (shadowFailure) {
    // it never took a live request: production is untouched
    ctx.host.info(`rolling back: ${shadowFailure}`);
    await ctx.target.deleteDeployment(endpoint, candidate);
    ctx.host.info(`removed '${candidate}'; '${stable}' serves all traffic, as before`);
    ctx.report.emit({ type: 'rollback', at: ctx.clock.now(), reason: shadowFailure });
    return { result: 'rolled-back', reason: shadowFailure, model };
  }
  const outcome = await runRollout(engineInput(ctx, stable, candidate, model, 0), engineDeps(ctx));
  return { result: outcome.result, reason: outcome.reason, model };
}

/** the shadow step of rollout.shadow, before the first live request; answers why it did not pass */
async function shadowStep(ctx: PipelineContext, endpoint: string, stable: string, candidate: string): Promise<string | undefined> {
  const settings = ctx.config.rollout.shadow;
  if (!settings) return undefined;
  const bodies = shadowBodies(
    settings.requests,
    ctx.config.staging.smoke.cases.map((c) => c.request),
  );
  const result = await runShadow(
    { endpoint, stable, candidate, bodies, settings, timeoutMs: ctx.config.staging.smoke.timeout },
    {
      target: ctx.target,
      events: ctx.report,
      log: (line) => ctx.host.info(line),
      now: () => ctx.clock.now(),
      sleep: (ms) => ctx.clock.sleep(ms),
      cancelled: () => ctx.cancellation?.reason,
    },
  );
  return result.verdict === 'pass' ? undefined : `shadow step ${result.verdict}: ${result.reasons.join('; ')}`;
}

export async function rollout(ctx: PipelineContext, model: ModelRef): Promise<CommandOutcome> {
  const endpoint = productionEndpoint(ctx.config);
  return stage(
    ctx,
    'rollout',
    () => locked(ctx, [endpoint], 'rollout', async () => keepVerdicts(ctx, endpoint, await rolloutUnlocked(ctx, model))),
    '`modelship status` and the endpoint logs',
  );
}

/**
 * The verdicts of this run's analysis (shadow step, traffic steps) into the endpoint
 * record, for `status`. A failure to store them is a warning: the rollout's result stands.
 */
async function keepVerdicts(ctx: PipelineContext, endpoint: string, outcome: CommandOutcome): Promise<CommandOutcome> {
  const result = outcome.result;
  if (!outcome.model || (result !== 'promoted' && result !== 'rolled-back' && result !== 'paused')) return outcome;
  const analysis = analysisRecord(ctx.report.events, {
    version: outcome.model.version,
    outcome: result,
    at: ctx.clock.now(),
    reason: outcome.reason,
  });
  if (!analysis) return outcome;
  try {
    const state = await ctx.target.state(endpoint);
    await ctx.target.setRecord(endpoint, { ...state.record, analysis });
  } catch (err: unknown) {
    ctx.host.warn(
      `storing the verdicts of this rollout for \`modelship status\` failed (the rollout's result stands): ${errorMessage(err)}`,
    );
  }
  return outcome;
}

export async function deployProduction(ctx: PipelineContext, model: ModelRef): Promise<CommandOutcome> {
  const endpoint = productionEndpoint(ctx.config);
  return stage(ctx, 'deploy production', () =>
    locked(ctx, [endpoint], 'deploy production', async () => {
      let state = await readEndpoint(ctx, endpoint);
      state = await removeLeftovers(ctx, endpoint, state);
      if (!stableDeployment(state)) {
        await replaceAll(ctx, endpoint, model);
        return { result: 'promoted', model } satisfies CommandOutcome;
      }
      const name = freeName(state);
      await ctx.target.createDeployment(endpoint, await specFor(ctx, model, name));
      ctx.host.info(
        `'${name}' serves v${model.version} on ${endpoint} with 0% of traffic; test it with the header x-modelship-deployment: ${name}, then \`modelship rollout\``,
      );
      return { result: 'deployed', model } satisfies CommandOutcome;
    }),
  );
}

export async function promote(ctx: PipelineContext): Promise<CommandOutcome> {
  const endpoint = productionEndpoint(ctx.config);
  return stage(ctx, 'promote', () =>
    locked(ctx, [endpoint], 'promote', async () => {
      const state = await readEndpoint(ctx, endpoint);
      const inProgress = state.record.rollout;
      if (!inProgress) {
        ctx.host.info(`no rollout in progress on ${endpoint}: nothing to promote`);
        return { result: 'no-change' } satisfies CommandOutcome;
      }
      ctx.report.model = inProgress.model;
      ctx.host.info(`resuming the rollout of ${inProgress.model.name} v${inProgress.model.version} at step ${inProgress.nextStep + 1}`);
      return keepVerdicts(ctx, endpoint, await resumeRollout(ctx, inProgress));
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
      const state = await readEndpoint(ctx, endpoint);
      const inProgress = state.record.rollout;
      if (inProgress) {
        ctx.report.model = inProgress.model;
        const confirmed = await ctx.target.setTraffic(endpoint, { [inProgress.stable]: 100 });
        if (confirmed[inProgress.stable] !== 100) throw new Error(`the endpoint did not confirm 100% for '${inProgress.stable}'`);
        ctx.host.info(`all traffic back on '${inProgress.stable}'`);
        if (state.deployments.some((d) => d.name === inProgress.candidate))
          await ctx.target.deleteDeployment(endpoint, inProgress.candidate);
        await ctx.target.setRecord(endpoint, { ...state.record, rollout: undefined });
        const reason = `manual rollback of the ${inProgress.status} rollout of v${inProgress.model.version}`;
        ctx.report.emit({ type: 'rollback', at: ctx.clock.now(), reason });
        return { result: 'rolled-back', reason, model: inProgress.model } satisfies CommandOutcome;
      }
      const prev = state.record.previous;
      if (!prev) throw new Error(`no rollout in progress and no previous version recorded on ${endpoint}: nothing to roll back to`);
      const current = servingModel(state);
      ctx.host.info(`redeploying the previous version ${prev.name} v${prev.version} (production serves v${current?.version})`);
      await replaceAll(ctx, endpoint, { name: prev.name, version: prev.version }, prev.image);
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
  const smokeReport = await deployAndSmoke(ctx, found.model);
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
  for (const deployment of state.deployments) {
    lines.push(
      `  ${deployment.name.padEnd(6)} ${deployment.model.name} v${deployment.model.version}  traffic ${state.traffic[deployment.name] ?? 0}%${state.mirror[deployment.name] ? ` mirror ${state.mirror[deployment.name]}%` : ''}  ${deployment.health}${deployment.restarts ? ` (restarts ${deployment.restarts})` : ''}`,
    );
  }
  const inProgress = state.record.rollout;
  if (inProgress)
    lines.push(
      `  rollout of v${inProgress.model.version} ${inProgress.status} (next step ${inProgress.nextStep + 1}); \`modelship promote\` or \`modelship rollback\``,
    );
  if (state.record.previous) lines.push(`  previous version: v${state.record.previous.version} (\`modelship rollback\` redeploys it)`);
  if (state.record.analysis) lines.push(...describeAnalysis(state.record.analysis));
  return lines;
}

export async function down(ctx: PipelineContext): Promise<void> {
  for (const endpoint of [productionEndpoint(ctx.config), stagingEndpoint(ctx.config)]) {
    await ctx.target.destroy(endpoint);
    ctx.host.info(`${endpoint}: stopped and removed`);
  }
}
