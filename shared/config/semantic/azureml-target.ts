import { show } from '../issues';
import { Checker } from './checker';

/** Azure ML waits at most this long for a scoring answer (request_timeout_ms, 180000) */
const MAX_REQUEST_TIMEOUT_MS = 180_000;
/** Azure Monitor's finest grain for online endpoint metrics */
const MONITOR_GRAIN_MS = 60_000;

/** Azure ML's Route.path pattern */
const ROUTE_PATH = /[a-zA-Z0-9_]/;

const WORKSPACE_KEYS = ['subscriptionId', 'resourceGroup', 'workspace'] as const;

/** target.azureml: read with kind azureml only */
export function checkAzuremlTarget(checker: Checker): void {
  if (checker.effective(['target', 'kind']) !== 'azureml') return;
  const block = ['target', 'azureml'];
  // the workspace: written here, or the model registry's workspace
  const registryWorkspace =
    checker.effective(['model', 'registry']) === 'azureml' && checker.at(['model', 'azureml', 'workspace']) !== undefined;
  if (!registryWorkspace) {
    const missing = WORKSPACE_KEYS.filter((key) => checker.at([...block, key]) === undefined);
    if (missing.length)
      checker.issue(
        checker.at(block) === undefined ? ['target', 'kind'] : block,
        `target 'azureml' needs the workspace of the endpoint: set target.azureml.${missing.join(', target.azureml.')} (they default to model.azureml's only when the model registry is an Azure ML workspace)`,
      );
  }
  if (checker.at([...block, 'environment']) === undefined && checker.at(['image']) === undefined) {
    checker.issue(
      checker.at(block) === undefined ? ['target', 'kind'] : block,
      `target 'azureml' runs the image modelship builds, so it needs image.repository (an Azure Container Registry the workspace can pull from, e.g. myregistry.azurecr.io/models/<name>), or target.azureml.environment naming an existing environment`,
    );
  }
  // Azure ML's inference config routes need a letter, digit or '_' in the path ('/' is refused);
  // the generated scoring server also answers readiness on /health, images of a Dockerfile may not
  const readyPath = checker.effective(['serve', 'readyPath']);
  if (typeof readyPath === 'string' && !ROUTE_PATH.test(readyPath) && checker.at(['serve', 'dockerfile']) !== undefined)
    checker.issue(
      checker.at(['serve', 'readyPath']) === undefined ? ['serve', 'dockerfile'] : ['serve', 'readyPath'],
      `Azure ML refuses '${readyPath}' as an inference route (a route path needs a letter, digit or '_'): set serve.readyPath to a path your image answers, e.g. /health`,
    );
  const scorePath = checker.ok(['serve', 'scorePath']);
  if (typeof scorePath === 'string' && !ROUTE_PATH.test(scorePath))
    checker.issue(
      ['serve', 'scorePath'],
      `Azure ML refuses '${scorePath}' as an inference route (a route path needs a letter, digit or '_')`,
    );
  for (const probe of ['livenessProbe', 'readinessProbe'])
    for (const key of ['period', 'timeout']) {
      const ms = checker.durationMs([...block, probe, key]);
      if (ms !== undefined && ms < 1000)
        checker.issue([...block, probe, key], `must be at least 1s: Azure ML counts probe times in seconds`);
    }
  const timeout = checker.durationMs([...block, 'requestSettings', 'requestTimeout']);
  if (timeout !== undefined && timeout > MAX_REQUEST_TIMEOUT_MS)
    checker.issue(
      [...block, 'requestSettings', 'requestTimeout'],
      `must be at most 180s, Azure ML's limit (got ${show(checker.at([...block, 'requestSettings', 'requestTimeout']))})`,
    );
  const source = checker.effective([...block, 'metrics', 'source']);
  const bake = checker.effectiveMs(['rollout', 'bake']);
  const delay = checker.effectiveMs([...block, 'metrics', 'ingestionDelay']);
  if (source === 'monitor' && bake !== undefined && delay !== undefined && bake < delay + MONITOR_GRAIN_MS) {
    checker.warn(
      checker.at(['rollout', 'bake']) === undefined ? block : ['rollout', 'bake'],
      `a step bakes ${Math.round(bake / 1000)}s, less than Azure Monitor's one-minute grain plus target.azureml.metrics.ingestionDelay (${Math.round(delay / 1000)}s): no complete minute of a step is published in time, so every step would end inconclusive. Bake at least ${Math.ceil((delay + MONITOR_GRAIN_MS) / 60_000) + 1}m, or use target.azureml.metrics.source: probe`,
    );
  }
}
