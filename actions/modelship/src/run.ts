import * as fs from 'node:fs';
import * as path from 'node:path';
import * as core from '@actions/core';
import type { TokenCredential } from '@azure/identity';
import { CommandRun, buildCommand, deployCommand, executeCommand, loadCommandConfig, rolloutCommand, smokeCommand } from '../../../shared/command';
import { ModelshipConfig } from '../../../shared/config/types';
import { errorMessage, formatConfigIssue } from '../../../shared/errors';
import * as pipeline from '../../../shared/pipeline';
import { CommandOutcome, PipelineContext } from '../../../shared/pipeline';
import { renderTimeline } from '../../../shared/report/timeline';
import { endpointDir } from '../../../shared/targets/local/state-store';
import { parseGitHubEvent } from '../../../shared/trigger/github';
import { resolveTrigger, triggerError } from '../../../shared/trigger/trigger';
import { azureOidcCredential } from './azure';
import { GitHubHost } from './github-host';
import { ActionCommand, ActionInputs } from './inputs';
import { fail, output } from './outputs';
import { STATE_LOCK_DIRS, STATE_MAIN_PID } from './leftovers';

/** commands that work on a model version, which the triggering event may choose */
const TAKES_VERSION: ReadonlySet<ActionCommand> = new Set(['detect', 'build', 'deploy', 'rollout', 'run']);

const COMMAND_FNS: Record<ActionCommand, (ctx: PipelineContext) => Promise<CommandOutcome>> = {
  detect: (ctx) => pipeline.detect(ctx),
  build: buildCommand,
  // the CLI's `deploy --stage staging`; production is reached through `rollout`
  deploy: (ctx) => deployCommand(ctx, 'staging'),
  smoke: smokeCommand,
  rollout: rolloutCommand,
  promote: (ctx) => pipeline.promote(ctx),
  rollback: (ctx) => pipeline.rollback(ctx),
  status: statusCommand,
  run: (ctx) => pipeline.run(ctx),
};

async function statusCommand(ctx: PipelineContext): Promise<CommandOutcome> {
  const s = await pipeline.status(ctx);
  for (const line of [...pipeline.describeEndpoint(s.production), ...pipeline.describeEndpoint(s.staging)]) ctx.host.info(line);
  return { result: 'no-change', model: pipeline.servingModel(s.production) };
}

/** the event that started the workflow, as the runner wrote it */
function readEvent(): { name: string | undefined; payload: unknown } {
  const name = process.env.GITHUB_EVENT_NAME;
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file) return { name, payload: undefined };
  try {
    return { name, payload: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown };
  } catch (err: unknown) {
    throw triggerError(`cannot read the event file ${file} (GITHUB_EVENT_PATH): ${errorMessage(err)}`);
  }
}

/** pick the model version from the triggering event, unless the model-version input pins one */
async function applyTrigger(ctx: PipelineContext, inputs: ActionInputs): Promise<CommandOutcome | undefined> {
  if (!TAKES_VERSION.has(inputs.command)) return undefined;
  if (inputs.modelVersion !== undefined) {
    ctx.host.info(`model version ${inputs.modelVersion} from the model-version input (the event's payload is not used)`);
    return undefined;
  }
  const event = readEvent();
  const m = ctx.config.model;
  const decision = await resolveTrigger(parseGitHubEvent(event.name, event.payload), { name: m.name, tags: m.tags, file: ctx.config.file }, ctx.registry);
  const say = (message: string): void => {
    ctx.host.info(message);
    ctx.report.emit({ type: 'info', at: ctx.clock.now(), message });
  };
  switch (decision.kind) {
    case 'version':
      ctx.modelVersion = decision.version;
      say(`started by ${decision.source}: ${m.name} v${decision.version}`);
      return undefined;
    case 'skip':
      say(`started by ${decision.source}: ${decision.reason}`);
      return { result: 'no-change', reason: decision.reason };
    case 'poll':
      say(`started by ${decision.source}: no version in the event; model.version of the config selects it (${m.version})`);
      return undefined;
  }
}

function reportPath(): string {
  return path.join(process.env.RUNNER_TEMP || process.cwd(), 'modelship-report.json');
}

/** the values the core reads as environment variables, from the inputs */
function coreEnv(inputs: ActionInputs, config: ModelshipConfig, host: GitHubHost, env: Record<string, string>): void {
  if (inputs.registry) {
    env.MODELSHIP_REGISTRY_USERNAME = inputs.registry.username;
    env.MODELSHIP_REGISTRY_PASSWORD = inputs.registry.password;
    if (config.target.local.runtime === 'docker') {
      // the endpoint host this step may start pulls images with them too; it inherits the environment, as under the CLI
      process.env.MODELSHIP_REGISTRY_USERNAME = inputs.registry.username;
      process.env.MODELSHIP_REGISTRY_PASSWORD = inputs.registry.password;
    }
  }
  if (inputs.endpointKey) {
    const keyEnv = config.target.local.authKeyEnv;
    if (keyEnv) env[keyEnv] = inputs.endpointKey;
    else host.warn('input endpoint-key is set, but the config has no target.local.auth.keyEnv: the key is not used', { file: config.file });
  }
  if (inputs.azure) {
    env.AZURE_CLIENT_ID = inputs.azure.clientId;
    env.AZURE_TENANT_ID = inputs.azure.tenantId;
  }
  if (inputs.azureSubscriptionId) env.AZURE_SUBSCRIPTION_ID = inputs.azureSubscriptionId;
}

/**
 * The main step once its inputs are read (main.ts loads this module only then): load
 * the config, give the core its environment and credentials, run the command with the
 * shared core, and map the outcome to outputs, the job summary and the step's status.
 * @param env the environment overlay `host` reads (GitHubHost's first argument); filled here from the inputs
 */
export async function runAction(inputs: ActionInputs, host: GitHubHost, env: Record<string, string>): Promise<void> {
  if (!fs.statSync(inputs.workingDirectory, { throwIfNoEntry: false })?.isDirectory()) {
    return fail(`input 'working-directory': ${inputs.workingDirectory} is not a folder`);
  }
  process.chdir(inputs.workingDirectory);

  const loaded = await loadCommandConfig(path.resolve(inputs.config), inputs.config);
  if (!loaded.ok) {
    // one annotation per problem, on its line of the file; the failure message counts them
    for (const issue of loaded.issues) host.error(issue.path ? `${issue.path}: ${issue.message}` : issue.message, { file: issue.file, line: issue.line, col: issue.col });
    const n = loaded.issues.length;
    return fail(n ? `invalid configuration ${inputs.config}: ${n} problem${n === 1 ? '' : 's'}, annotated above` : loaded.message);
  }
  const config = loaded.config;
  for (const w of loaded.warnings) host.warn(formatConfigIssue(w), { file: w.file, line: w.line, col: w.col });
  coreEnv(inputs, config, host, env);
  // for the post step: the locks this process may hold
  core.saveState(STATE_MAIN_PID, String(process.pid));
  const lockDirs = [pipeline.productionEndpoint(config), pipeline.stagingEndpoint(config)].map((e) => endpointDir(config.target.local.stateDir, e));
  core.saveState(STATE_LOCK_DIRS, JSON.stringify(lockDirs));

  let azureCredential: TokenCredential | undefined;
  if (inputs.azure) {
    try {
      azureCredential = await azureOidcCredential(inputs.azure, (v) => host.setSecret(v));
    } catch (err: unknown) {
      return fail(errorMessage(err));
    }
    host.info(`Azure: OIDC login as client ${inputs.azure.clientId} in tenant ${inputs.azure.tenantId}`);
  }

  const run = await executeCommand(inputs.command, config, host, { modelVersion: inputs.modelVersion, force: inputs.force, azureCredential }, async (ctx) => {
    const stop = await applyTrigger(ctx, inputs);
    return stop ?? COMMAND_FNS[inputs.command](ctx);
  });
  if (!run.ok) return fail(host.masker.mask(run.message));
  await publish(run, host);
}

async function publish(run: Extract<CommandRun, { ok: true }>, host: GitHubHost): Promise<void> {
  const { ctx, outcome } = run;
  output('result', outcome.result);
  if (outcome.newVersion !== undefined) output('new-version', String(outcome.newVersion));
  const model = outcome.model ?? ctx.report.model;
  if (model) {
    output('model-name', model.name);
    output('model-version', String(model.version));
  }
  const image = ctx.report.image ?? outcome.image?.pinned;
  if (image) {
    output('image', image);
    const at = image.lastIndexOf('@');
    if (at > 0) output('digest', image.slice(at + 1));
  }
  const file = reportPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, run.reportJson + '\n');
  output('report', file);

  const timeline = renderTimeline(ctx.report);
  // a blank line after it: the next step's summary starts a section of its own
  const summary = host.masker.mask(`${timeline ? `${run.markdown}\n\n${timeline}` : run.markdown}\n\n`);
  // outside a runner (no job summary file) the summary goes to the log
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write();
  else host.info(summary);
  if (run.exitCode !== 0) core.setFailed(host.masker.mask(outcome.reason ?? `modelship ${ctx.report.command}: ${outcome.result}`));
}

