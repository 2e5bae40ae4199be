import * as path from 'node:path';
import * as core from '@actions/core';
import { errorMessage } from '../../../shared/errors';
import { GitHubHost } from './github-host';
import { ActionInputs, readInputs } from './inputs';
import { fail } from './outputs';

/**
 * The GitHub Action's main step. Thin: read the inputs once (secrets are masked as they
 * are read), then hand over to run.ts, which calls the shared core. run.ts and the core
 * behind it (Docker, Azure, HTTP clients) are loaded only after the inputs are valid, so
 * a step with a wrong input fails at once.
 */
async function main(): Promise<void> {
  const env: Record<string, string> = {};
  const host = new GitHubHost(env, process.env.GITHUB_WORKSPACE || process.cwd());
  let inputs: ActionInputs;
  try {
    inputs = readInputs({ get: (name) => core.getInput(name), secret: (v) => host.setSecret(v), resolvePath: (p) => path.resolve(p) });
  } catch (err: unknown) {
    return fail(host.masker.mask(errorMessage(err)));
  }
  const { runAction } = await import('./run');
  await runAction(inputs, host, env);
}

main().catch((err: unknown) => {
  core.setFailed(`modelship: ${errorMessage(err)}`);
});
