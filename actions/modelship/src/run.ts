import { AzureLogin, azureCredentialOptions } from '../../../shared/azure/login';
import { defaultAzureLogin } from '../../../shared/azure/default-login';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as core from '@actions/core';
import { CommandRun } from '../../../shared/command';
import { ModelshipConfig } from '../../../shared/config/types';
import { RunReport } from '../../../shared/report/report';
import { errorMessage } from '../../../shared/errors';
import { openStep, publishStepOutputs, runStepCommand } from '../../../shared/front-end';
import * as pipeline from '../../../shared/pipeline';
import { renderTimeline } from '../../../shared/report/timeline';
import { endpointDir } from '../../../shared/targets/local/state-store';
import { parseGitHubEvent } from '../../../shared/trigger/github';
import { triggerError } from '../../../shared/trigger/trigger';
import { azureOidcCredential } from './azure';
import { GitHubHost } from './github-host';
import { ActionInputs } from './inputs';
import { fail, output } from './outputs';
import { STATE_LOCK_DIRS, STATE_MAIN_PID } from './leftovers';
import { DEPLOYING_COMMANDS, DeploymentReporter } from './deployments';
import { GitHubToolkit, GitHubToolkitLoad, loadGitHubToolkit, octokitDeployments } from './github-api';
import { PipelineContext } from '../../../shared/pipeline';

/**
 * The event that started the workflow, from @actions/github's context (which reads
 * GITHUB_EVENT_NAME and the file GITHUB_EVENT_PATH names as it loads).
 */
function readEvent(toolkit: GitHubToolkitLoad): { name: string | undefined; payload: unknown } {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!toolkit.ok) throw triggerError(`cannot read the event file ${file} (GITHUB_EVENT_PATH): ${toolkit.error}`);
  const { context } = toolkit.github;
  if (!file) return { name: context.eventName, payload: undefined };
  // the context takes a missing file for an empty payload; the trigger must not
  if (!fs.existsSync(file)) throw triggerError(`cannot read the event file ${file} (GITHUB_EVENT_PATH): it does not exist`);
  return { name: context.eventName, payload: context.payload };
}

function reportPath(): string {
  return path.join(process.env.RUNNER_TEMP || process.cwd(), 'modelship-report.json');
}

/**
 * The main step once its inputs are read (main.ts loads this module only then): load
 * the config, give the core its environment and credentials, run the command with the
 * shared core, and map the outcome to outputs, the job summary and the step's status.
 * @param env the environment overlay `host` reads (GitHubHost's first argument); filled here from the inputs
 */
export async function runAction(inputs: ActionInputs, host: GitHubHost, env: Record<string, string>): Promise<void> {
  const step = { workingDirectory: inputs.workingDirectory, configFile: inputs.config, names: inputNames };
  const opened = await openStep(step, inputs, host, env);
  if (!opened.ok) return fail(opened.message);
  const config = opened.config;
  // for the post step: the locks this process may hold
  core.saveState(STATE_MAIN_PID, String(process.pid));
  const lockDirs = [pipeline.productionEndpoint(config), pipeline.stagingEndpoint(config)].map((endpoint) =>
    endpointDir(config.target.local.stateDir, endpoint),
  );
  core.saveState(STATE_LOCK_DIRS, JSON.stringify(lockDirs));

  let azureLogin: () => AzureLogin = () => defaultAzureLogin((n) => host.env(n));
  if (inputs.azure) {
    const { clientId, tenantId } = inputs.azure;
    try {
      const credential = await azureOidcCredential(
        inputs.azure,
        (v) => host.setSecret(v),
        azureCredentialOptions(host.env('AZURE_AUTHORITY_HOST')),
      );
      azureLogin = () => ({ credential, source: `the GitHub OIDC login of client ${clientId} (azure-client-id) in tenant ${tenantId}` });
    } catch (err: unknown) {
      return fail(errorMessage(err));
    }
    host.info(`Azure: OIDC login as client ${clientId} in tenant ${tenantId}`);
  }

  // @actions/github (Octokit) is loaded only by a step that reports a deployment, or when
  // the core asks for the event (a command that takes a version none pins)
  const reportsDeployment = inputs.githubDeployment && DEPLOYING_COMMANDS.has(inputs.command);
  const toolkit = reportsDeployment ? await loadGitHubToolkit() : undefined;
  const reporter = toolkit?.ok ? deploymentReporter(inputs, toolkit.github, config, host) : undefined;
  if (toolkit && !toolkit.ok && reportsDeployment)
    host.warn(`GitHub deployments are not reported: @actions/github could not load (${toolkit.error})`);
  const onContext = (ctx: PipelineContext): void => {
    reporter?.attach(ctx.report, ctx);
  };
  const options = { modelVersion: inputs.modelVersion, force: inputs.force, azureLogin, onContext };
  const run = await runStepCommand(inputs.command, config, host, options, 'model-version', async () => {
    const event = readEvent(toolkit ?? (await loadGitHubToolkit()));
    return parseGitHubEvent(event.name, event.payload);
  });
  // the last statuses go out before the step ends; they never change its result
  await reporter?.finish();
  if (!run.ok) return fail(host.masker.mask(run.message));
  await publish(run, host);
}

/**
 * The GitHub deployment of a command that changes production, when the step asks for one
 * (github-deployment, environment); undefined otherwise.
 */
function deploymentReporter(
  inputs: ActionInputs,
  github: GitHubToolkit,
  config: ModelshipConfig,
  host: GitHubHost,
): { attach: (report: RunReport, ctx: PipelineContext) => void; finish: () => Promise<void> } | undefined {
  if (!inputs.githubDeployment || !inputs.environment || !inputs.githubToken || !DEPLOYING_COMMANDS.has(inputs.command)) return undefined;
  const { context } = github;
  let repo: { owner: string; repo: string };
  try {
    repo = context.repo;
  } catch (err: unknown) {
    host.warn(`GitHub deployments are not reported: ${errorMessage(err)}`);
    return undefined;
  }
  const ref = context.sha || context.ref;
  if (!ref) {
    host.warn('GitHub deployments are not reported: neither GITHUB_SHA nor GITHUB_REF is set');
    return undefined;
  }
  const logUrl = Number.isFinite(context.runId)
    ? `${context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${context.runId}`
    : undefined;
  const endpoint = pipeline.productionEndpoint(config);
  let ctxRef: PipelineContext | undefined;
  const reporter = new DeploymentReporter(octokitDeployments(github, inputs.githubToken, repo), {
    command: inputs.command,
    environment: inputs.environment,
    ref,
    logUrl,
    targetKind: config.target.kind,
    strategy: config.rollout.strategy,
    endpointUrl: async () => (ctxRef ? (await ctxRef.target.state(endpoint)).url : undefined),
    warn: (message) => host.warn(message),
    info: (message) => host.info(message),
  });
  return {
    attach: (report, ctx) => {
      ctxRef = ctx;
      reporter.attach(report);
    },
    finish: () => reporter.finish(),
  };
}

/** the names of the action's inputs that messages of the core mention */
const inputNames = { workingDirectory: 'working-directory', endpointKey: 'endpoint-key' };

/** the action's output names (action.yml) for the values of a run */
const OUTPUT_NAMES = {
  result: 'result',
  newVersion: 'new-version',
  modelName: 'model-name',
  modelVersion: 'model-version',
  image: 'image',
  digest: 'digest',
} as const;

async function publish(run: Extract<CommandRun, { ok: true }>, host: GitHubHost): Promise<void> {
  const { ctx, outcome } = run;
  publishStepOutputs(run, OUTPUT_NAMES, output);
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
