import * as path from 'node:path';
import * as tl from 'azure-pipelines-task-lib/task';
import { errorMessage } from '../../../shared/errors';
import { AzureDevOpsHost } from './ado-host';
import { Endpoint, TaskInputs, readInputs } from './inputs';
import { fail } from './outputs';

/**
 * The Azure Pipelines task. Thin: read the inputs and service connections once (secrets
 * are masked as they are read), then hand over to run.ts, which calls the shared core.
 * run.ts and the core behind it are loaded only after the inputs are valid, so a step
 * with a wrong input fails at once. Never process.exit: the agent reads the result from
 * `##vso[task.complete]`, and pending output must flush.
 */
function endpoint(id: string): Endpoint | undefined {
  // getEndpointAuthorization, not ...Parameter: the latter writes the value into a debug line before we can mask it
  const auth = tl.getEndpointAuthorization(id, true);
  const url = tl.getEndpointUrl(id, true);
  if (!auth && !url) return undefined;
  return {
    url,
    scheme: auth?.scheme,
    params: auth?.parameters ?? {},
    data: (key) => tl.getEndpointDataParameter(id, key, true),
  };
}

/** pipeline variables that are secrets (mapped into the step with `env:`) */
const SECRET_VARIABLES = new Set(['System.AccessToken']);

async function main(): Promise<void> {
  const env: Record<string, string> = {};
  const host = new AzureDevOpsHost(env);
  const base = tl.getVariable('System.DefaultWorkingDirectory') || process.cwd();
  let inputs: TaskInputs;
  try {
    inputs = readInputs({
      get: (name) => tl.getInput(name) ?? '',
      endpoint,
      // tl.getVariable prints `name=value` in a debug line before anything could mask it:
      // secret variables are read from the environment the step maps them to instead
      variable: (name) => (SECRET_VARIABLES.has(name) ? process.env[name.replace(/\./g, '_').toUpperCase()] : tl.getVariable(name)),
      secret: (v) => host.setSecret(v),
      resolvePath: (p) => path.resolve(base, p),
    });
  } catch (err: unknown) {
    return fail(host.masker.mask(errorMessage(err)));
  }
  const { runTask } = await import('./run');
  await runTask(inputs, host, env);
}

main().catch((err: unknown) => {
  tl.setResult(tl.TaskResult.Failed, `modelship: ${errorMessage(err)}`);
});
