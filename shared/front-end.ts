import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CommandOptions,
  CommandRun,
  MaskingHost,
  buildCommand,
  deployCommand,
  executeCommand,
  loadCommandConfig,
  rolloutCommand,
  smokeCommand,
} from './command';
import { Cancellation } from './cancellation';
import { ModelshipConfig } from './config/types';
import { formatConfigIssue } from './errors';
import { Host } from './host';
import { STEP_COMMANDS, StepCommand, TAKES_VERSION } from './step-commands';
import * as pipeline from './pipeline';
import { CommandOutcome, PipelineContext } from './pipeline';
import { TriggerRequest, resolveTrigger } from './trigger/trigger';

/**
 * What the pipeline front ends (the GitHub Action and the Azure DevOps task) share
 * above shared/command.ts: the command set a step can run, loading the config with
 * per-line problems, the credentials a step hands the core, how an event picks the
 * model version, and the output values of a finished run.
 */
export { STEP_COMMANDS, StepCommand, TAKES_VERSION };

async function statusCommand(ctx: PipelineContext): Promise<CommandOutcome> {
  const status = await pipeline.status(ctx);
  for (const line of [...pipeline.describeEndpoint(status.production), ...pipeline.describeEndpoint(status.staging)]) ctx.host.info(line);
  return { result: 'no-change', model: pipeline.servingModel(status.production) };
}

export const STEP_COMMAND_FNS: Record<StepCommand, (ctx: PipelineContext) => Promise<CommandOutcome>> = {
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

/**
 * Pick the model version from the triggering event (checked by resolveTrigger: the
 * config's model, a version the registry holds), unless the step pins one.
 * @param pinnedBy the input that pinned the version, for the log line
 * @param request the event, read only when the version comes from it (a front end may load what reads it then)
 * @returns an outcome when the event says there is nothing to do; undefined to go on
 */
export async function applyTrigger(
  ctx: PipelineContext,
  command: StepCommand,
  pinned: { version?: string; by: string },
  request: () => TriggerRequest | Promise<TriggerRequest>,
): Promise<CommandOutcome | undefined> {
  if (!TAKES_VERSION.has(command)) return undefined;
  if (pinned.version !== undefined) {
    ctx.host.info(`model version ${pinned.version} from the ${pinned.by} input (the event's payload is not used)`);
    return undefined;
  }
  const model = ctx.config.model;
  const decision = await resolveTrigger(await request(), { name: model.name, tags: model.tags, file: ctx.config.file }, ctx.registry);
  const say = (message: string): void => {
    ctx.host.info(message);
    ctx.report.emit({ type: 'info', at: ctx.clock.now(), message });
  };
  switch (decision.kind) {
    case 'version':
      ctx.modelVersion = decision.version;
      say(`started by ${decision.source}: ${model.name} v${decision.version}`);
      return undefined;
    case 'skip':
      say(`started by ${decision.source}: ${decision.reason}`);
      return { result: 'no-change', reason: decision.reason };
    case 'poll':
      say(`started by ${decision.source}: no version in the event; model.version of the config selects it (${model.version})`);
      return undefined;
  }
}

/** the values of a finished run that front ends publish as outputs; absent when the run has none */
export interface StepOutputs {
  result: string;
  newVersion?: string;
  modelName?: string;
  modelVersion?: string;
  image?: string;
  digest?: string;
}

export function stepOutputs(run: Extract<CommandRun, { ok: true }>): StepOutputs {
  const { ctx, outcome } = run;
  const out: StepOutputs = { result: outcome.result };
  if (outcome.newVersion !== undefined) out.newVersion = String(outcome.newVersion);
  const model = outcome.model ?? ctx.report.model;
  if (model) {
    out.modelName = model.name;
    out.modelVersion = String(model.version);
  }
  const image = ctx.report.image ?? outcome.image?.pinned;
  if (image) {
    out.image = image;
    const at = image.lastIndexOf('@');
    if (at > 0) out.digest = image.slice(at + 1);
  }
  return out;
}

/**
 * Open a step: move into its working directory, load its config, hand the core its
 * credentials. The front end only says what its inputs are called, for messages.
 * @returns the config, or the one-line failure message for the step
 */
export async function openStep(
  step: { workingDirectory: string; configFile: string; names: { workingDirectory: string; endpointKey: string } },
  credentials: StepCredentials,
  host: Host,
  env: Record<string, string>,
): Promise<{ ok: true; config: ModelshipConfig } | { ok: false; message: string }> {
  if (!fs.statSync(step.workingDirectory, { throwIfNoEntry: false })?.isDirectory()) {
    return { ok: false, message: `input '${step.names.workingDirectory}': ${step.workingDirectory} is not a folder` };
  }
  process.chdir(step.workingDirectory);
  const loaded = await loadStepConfig(step.configFile, host);
  if (loaded.ok) applyStepCredentials(credentials, loaded.config, host, env, step.names.endpointKey);
  return loaded;
}

/**
 * Load the step's config: every problem reported on its own line of the file (annotations
 * on GitHub, issues on Azure DevOps), warnings likewise.
 * @returns the config, or the one-line failure message for the step
 */
export async function loadStepConfig(
  file: string,
  host: Host,
): Promise<{ ok: true; config: ModelshipConfig } | { ok: false; message: string }> {
  const loaded = await loadCommandConfig(path.resolve(file), file);
  if (!loaded.ok) {
    for (const issue of loaded.issues)
      host.error(issue.path ? `${issue.path}: ${issue.message}` : issue.message, { file: issue.file, line: issue.line, col: issue.col });
    const count = loaded.issues.length;
    return {
      ok: false,
      message: count ? `invalid configuration ${file}: ${count} problem${count === 1 ? '' : 's'}, reported above` : loaded.message,
    };
  }
  for (const warning of loaded.warnings)
    host.warn(formatConfigIssue(warning), { file: warning.file, line: warning.line, col: warning.col });
  return { ok: true, config: loaded.config };
}

/** what a step's inputs and service connections give the core */
export interface StepCredentials {
  registry?: { username: string; password: string };
  endpointKey?: string;
  azure?: { clientId: string; tenantId: string };
  azureSubscriptionId?: string;
}

/**
 * Put the step's credentials where the core reads them: the environment overlay the
 * front end's Host serves (`env`), which is also the environment of the endpoint host the
 * step may start (Host.childEnv), so that it can pull images with them.
 * @param endpointKeyInput the name of the front end's endpoint-key input, for the warning
 */
export function applyStepCredentials(
  credentials: StepCredentials,
  config: ModelshipConfig,
  host: Host,
  env: Record<string, string>,
  endpointKeyInput: string,
): void {
  if (credentials.registry) {
    env.MODELSHIP_REGISTRY_USERNAME = credentials.registry.username;
    env.MODELSHIP_REGISTRY_PASSWORD = credentials.registry.password;
  }
  if (credentials.endpointKey) {
    const keyEnv = config.target.local.authKeyEnv;
    if (keyEnv) env[keyEnv] = credentials.endpointKey;
    else
      host.warn(`input ${endpointKeyInput} is set, but the config has no target.local.auth.keyEnv: the key is not used`, {
        file: config.file,
      });
  }
  if (credentials.azure) {
    env.AZURE_CLIENT_ID = credentials.azure.clientId;
    env.AZURE_TENANT_ID = credentials.azure.tenantId;
  }
  if (credentials.azureSubscriptionId) env.AZURE_SUBSCRIPTION_ID = credentials.azureSubscriptionId;
}

/**
 * Run a step's command the way both pipeline front ends do: the event picks the model
 * version (unless the step pins one), then the command runs.
 * @param pinnedBy the input that pins the version, for the log line
 */
export async function runStepCommand(
  command: StepCommand,
  config: ModelshipConfig,
  host: MaskingHost,
  options: CommandOptions,
  pinnedBy: string,
  request: () => TriggerRequest | Promise<TriggerRequest>,
): Promise<CommandRun> {
  const cancellation = new Cancellation();
  const stopListening = cancelOnSignals(cancellation, (line) => host.warn(line));
  try {
    return await executeCommand(command, config, host, { ...options, cancellation }, async (ctx) => {
      const stop = await applyTrigger(ctx, command, { version: options.modelVersion, by: pinnedBy }, request);
      return stop ?? STEP_COMMAND_FNS[command](ctx);
    });
  } finally {
    stopListening();
  }
}

const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Turn SIGINT and SIGTERM into a cancellation instead of an exit: a cancelled GitHub job
 * sends SIGINT, then SIGTERM 7.5 s later, then kills; Azure Pipelines sends SIGINT; a person
 * presses Ctrl-C. The command then stops at its next stage boundary or analysis check, a
 * rollout in progress puts all traffic back on the stable deployment, and every lock is
 * released on the way out. A third signal ends the process at once (exit 130).
 * Answers the function that stops listening.
 */
export function cancelOnSignals(cancellation: Cancellation, warn: (line: string) => void): () => void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    received += 1;
    if (cancellation.cancel(`received ${signal}`)) {
      warn(
        `received ${signal}: stopping at the next step boundary; a rollout in progress puts all traffic back on the stable deployment (a third signal exits at once)`,
      );
    } else if (received >= 3) {
      warn(`received ${signal} again: exiting now; \`modelship status\` shows what the endpoint serves`);
      process.exit(130);
    } else warn(`received ${signal}: already stopping (${cancellation.reason ?? ''})`);
  };
  for (const signal of CANCEL_SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of CANCEL_SIGNALS) process.off(signal, onSignal);
  };
}

/**
 * Publish the outputs of a finished run under the front end's names for them (the
 * Action's `new-version`, the task's `newVersion`); absent values are not published.
 */
export function publishStepOutputs<N extends string>(
  run: Extract<CommandRun, { ok: true }>,
  names: Record<keyof StepOutputs, N>,
  output: (name: N, value: string) => void,
): void {
  const values = stepOutputs(run);
  for (const key of Object.keys(names) as Array<keyof StepOutputs>) {
    const value = values[key];
    if (value !== undefined) output(names[key], value);
  }
}
