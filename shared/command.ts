import type { AzureLogin } from './azure/login';
import { Cancellation } from './cancellation';
import { loadConfig } from './config/load';
import { ModelshipConfig } from './config/types';
import { ConfigError, ConfigIssue, StageError, UsageError, errorMessage } from './errors';
import { Host, SecretMasker } from './host';
import { createContext } from './context';
import * as pipeline from './pipeline';
import { CommandOutcome, PipelineContext, exitCodeFor } from './pipeline';
import { ModelRef } from './targets/target';
import { renderMarkdown } from './report/markdown';

/**
 * One command, the same way for every front end (CLI, GitHub Action, Azure DevOps
 * task): load the config, build the context, run the command, turn any error into an
 * outcome, finish the report. Front ends only decide where the results go (stdout,
 * files, outputs, job summary).
 */

/** a Host that can mask what the front end writes outside its log (report, summary) */
export interface MaskingHost extends Host {
  readonly masker: SecretMasker;
}

export type LoadedConfig =
  | { ok: true; config: ModelshipConfig; warnings: ConfigIssue[] }
  /** `message` is ready to print; `issues` are the located problems of an invalid file (empty when it could not be read) */
  | { ok: false; message: string; issues: ConfigIssue[] };

/** Load and validate the config; `shownAs` is the file as the user named it. */
export async function loadCommandConfig(file: string, shownAs: string): Promise<LoadedConfig> {
  try {
    const loaded = await loadConfig(file);
    return { ok: true, config: loaded.config, warnings: loaded.warnings };
  } catch (err: unknown) {
    if (err instanceof ConfigError) {
      const count = err.issues.length;
      return {
        ok: false,
        message: `invalid configuration (${count} problem${count === 1 ? '' : 's'}):\n${err.message}`,
        issues: err.issues,
      };
    }
    return { ok: false, message: `cannot read the configuration ${shownAs}: ${errorMessage(err)}`, issues: [] };
  }
}

export interface CommandOptions {
  modelVersion?: string;
  force?: boolean;
  /** the run's Azure login (Azure ML, ACR, AKS), made by the front end when first needed */
  azureLogin?: () => AzureLogin;
  /** cancelled by the front end on SIGINT / SIGTERM */
  cancellation?: Cancellation;
  /**
   * called with the context once it is built, before the command runs: a front end can
   * follow the command's progress there (ctx.report.onEvent)
   */
  onContext?: (ctx: PipelineContext) => void;
}

export type CommandRun<O extends CommandOutcome = CommandOutcome> =
  /** nothing ran: the context could not be built, or the command was misused; `message` says why */
  | { ok: false; exitCode: number; message: string }
  | {
      ok: true;
      ctx: PipelineContext;
      /** what `fn` returned, or a `failed` outcome with the reason when it threw */
      outcome: O | CommandOutcome;
      exitCode: number;
      /** the markdown summary, secrets masked */
      markdown: string;
      /** the JSON report, pretty-printed, secrets masked (no trailing newline) */
      reportJson: string;
    };

export async function executeCommand<O extends CommandOutcome>(
  name: string,
  config: ModelshipConfig,
  host: MaskingHost,
  options: CommandOptions,
  fn: (ctx: PipelineContext) => Promise<O>,
): Promise<CommandRun<O>> {
  let ctx: PipelineContext;
  try {
    ctx = await createContext(config, host, name, options);
  } catch (err: unknown) {
    return { ok: false, exitCode: err instanceof UsageError ? 2 : 1, message: errorMessage(err) };
  }
  options.onContext?.(ctx);
  let outcome: O | CommandOutcome;
  try {
    outcome = await fn(ctx);
  } catch (err: unknown) {
    if (err instanceof UsageError) return { ok: false, exitCode: 2, message: err.message };
    const reason = err instanceof StageError ? err.message : `${name} failed: ${errorMessage(err)}`;
    // an unexpected error: its stack helps whoever debugs it (hosts show debug lines on request only)
    if (!(err instanceof StageError) && err instanceof Error && err.stack) host.debug(err.stack);
    outcome = { result: 'failed', reason };
  }
  ctx.report.finish(outcome.result, outcome.reason);
  return {
    ok: true,
    ctx,
    outcome,
    exitCode: exitCodeFor(outcome.result, name),
    markdown: host.masker.mask(renderMarkdown(ctx.report)),
    reportJson: host.masker.mask(JSON.stringify(ctx.report.toJSON(), null, 2)),
  };
}

// ---- the commands that take a model version, as both front ends run them ----------------

async function selectedModel(ctx: PipelineContext): Promise<ModelRef> {
  const selected = await pipeline.selectVersion(ctx);
  return { name: selected.name, version: selected.version };
}

/** build and push the serving image of the selected version */
export async function buildCommand(ctx: PipelineContext): Promise<CommandOutcome> {
  const model = await selectedModel(ctx);
  const image = await pipeline.build(ctx, model);
  return { result: 'no-change', model, image };
}

/** staging: replace what it serves; production: add the version at 0% (or 100% when empty) */
export async function deployCommand(ctx: PipelineContext, stage: 'staging' | 'production'): Promise<CommandOutcome> {
  const model = await selectedModel(ctx);
  if (stage === 'staging') {
    await pipeline.deployStaging(ctx, model);
    return { result: 'deployed', model };
  }
  return pipeline.deployProduction(ctx, model);
}

/** the smoke cases against staging; with a version (--model-version, an event), against the deployment that serves it */
export async function smokeCommand(ctx: PipelineContext): Promise<CommandOutcome> {
  const model = ctx.modelVersion !== undefined ? await selectedModel(ctx) : undefined;
  const smoke = await pipeline.smoke(ctx, model);
  return { result: 'no-change', smoke, ...(model ? { model } : {}) };
}

export async function rolloutCommand(ctx: PipelineContext): Promise<CommandOutcome> {
  return pipeline.rollout(ctx, await selectedModel(ctx));
}
