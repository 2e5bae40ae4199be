import { LATEST } from '../../registry/version';
import { show } from '../issues';
import { Checker } from './checker';

/** the registries this version can open (the schema also names the planned ones, for editors) */
const AVAILABLE_REGISTRIES = ['local', 'azureml', 'mlflow'];

/** model.registry and the settings block of the registry it names */
export function checkModel(checker: Checker): void {
  const registry = checker.ok(['model', 'registry']);
  if (typeof registry === 'string' && !AVAILABLE_REGISTRIES.includes(registry)) {
    checker.issue(
      ['model', 'registry'],
      `registry '${registry}' is not available in this version (available: ${AVAILABLE_REGISTRIES.join(', ')})`,
    );
  }
  checkAzureml(checker);
  checkMlflow(checker);
}

/**
 * The settings block of a registry (model.azureml, model.mlflow): required with that
 * registry, an error with any other.
 * @returns whether the block is there and valid as far as the schema goes, so that its cross-key checks apply
 */
function registryBlock(checker: Checker, kind: 'azureml' | 'mlflow', needs: string): boolean {
  const block = ['model', kind];
  const registry = checker.effective(['model', 'registry']);
  // a registry the schema refused: which block belongs is unknown, so nothing more is said
  if (typeof registry !== 'string') return false;
  if (registry !== kind) {
    if (checker.at(block) !== undefined) checker.issue(block, `is only read with model.registry: ${kind} (registry is '${registry}')`);
    return false;
  }
  if (checker.at(block) === undefined) {
    checker.issue(['model', 'registry'], `registry '${kind}' needs model.${kind}: ${needs}`);
    return false;
  }
  return checker.ok(block) !== undefined;
}

/** model.mlflow: read with registry mlflow only, where it is required */
function checkMlflow(checker: Checker): void {
  const mlflow = ['model', 'mlflow'];
  if (!registryBlock(checker, 'mlflow', '{ trackingUri: https://<your tracking server> }')) return;
  const alias = checker.ok([...mlflow, 'alias']);
  const stage = checker.ok([...mlflow, 'stage']);
  if (alias !== undefined && stage !== undefined) {
    checker.issue([...mlflow, 'stage'], 'and model.mlflow.alias both select a version: keep the alias (stages are deprecated by MLflow)');
  }
  const version = checker.effective(['model', 'version']);
  if (
    (alias !== undefined || stage !== undefined) &&
    (typeof version === 'number' || (typeof version === 'string' && version !== LATEST))
  ) {
    checker.issue(
      ['model', 'version'],
      `pins version ${show(version)}, while model.mlflow.${alias !== undefined ? 'alias' : 'stage'} selects one too: keep one of the two`,
    );
  }
  const uriSegs = [...mlflow, 'trackingUri'];
  const uri = checker.ok(uriSegs);
  if (typeof uri !== 'string') return;
  const auth = checker.effective([...mlflow, 'auth']);
  let url: URL | undefined;
  try {
    url = new URL(uri);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:', 'azureml:'].includes(url.protocol)) {
    checker.issue(
      uriSegs,
      `must be an http(s):// URL of the tracking server, or an azureml:// MLflow URI of an Azure ML workspace (got ${show(uri)})`,
    );
  } else if (url.username || url.password) {
    checker.issue(uriSegs, 'must not hold a user name or password: set model.mlflow.auth: basic and the variables it names');
  } else if (url.protocol === 'azureml:' && auth !== 'azure') {
    checker.issue(
      [...mlflow, 'auth'],
      "must be 'azure' with an azureml:// tracking URI (Azure ML's MLflow endpoint takes the run's Azure login)",
    );
  } else if (
    url.protocol === 'http:' &&
    (auth === 'basic' || auth === 'bearer') &&
    !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  ) {
    checker.warn(uriSegs, `sends ${auth} credentials over plain http to ${url.hostname}: use https`);
  }
}

/** model.azureml: read with registry azureml only, where it is required */
function checkAzureml(checker: Checker): void {
  const azureml = ['model', 'azureml'];
  const needs =
    '{ subscriptionId: <GUID>, resourceGroup: <name>, workspace: <name> } (or registryName: <name> of an Azure ML registry instead of workspace)';
  if (!registryBlock(checker, 'azureml', needs)) return;
  const workspace = checker.at([...azureml, 'workspace']) !== undefined;
  const registryName = checker.at([...azureml, 'registryName']) !== undefined;
  if (workspace && registryName) {
    checker.issue(
      azureml,
      'sets both workspace and registryName: set one, workspace for the models of an Azure ML workspace or registryName for an Azure ML registry shared across workspaces',
    );
  } else if (!workspace && !registryName && !checker.hasIssuesWithin(azureml)) {
    // (with an issue inside the block, e.g. an unknown key `workspaceName`, that issue says it)
    checker.issue(
      azureml,
      'needs workspace (the models of an Azure ML workspace) or registryName (an Azure ML registry shared across workspaces), one of the two',
    );
  }
  const urlSegs = [...azureml, 'resourceManagerUrl'];
  const url = checker.ok(urlSegs);
  if (typeof url === 'string') {
    const problem = resourceManagerUrlProblem(url);
    if (problem) checker.issue(urlSegs, `${problem} (got ${show(url)})`);
  }
}

/** what is wrong with a base URL of Azure Resource Manager, if anything */
function resourceManagerUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be a URL like https://management.azure.com';
  }
  if (url.protocol !== 'https:') return 'must be an https:// URL: Azure Resource Manager is only served over https';
  if (url.username || url.password) return 'must not hold a user name or password (tokens come from the Azure login)';
  if (url.pathname !== '/' || url.search || url.hash || text.includes('?') || text.includes('#'))
    return 'must be the base URL of Azure Resource Manager, without a path, query or fragment, like https://management.azure.com';
  return undefined;
}
