import { show } from '../issues';
import { Checker } from './checker';

/** the registries this version can open (the schema also names the planned ones, for editors) */
const AVAILABLE_REGISTRIES = ['local', 'azureml'];

/** model.registry and the settings block of the registry it names */
export function checkModel(c: Checker): void {
  const registry = c.ok(['model', 'registry']);
  if (typeof registry === 'string' && !AVAILABLE_REGISTRIES.includes(registry)) {
    c.issue(
      ['model', 'registry'],
      `registry '${registry}' is not available in this version (available: ${AVAILABLE_REGISTRIES.join(', ')})`,
    );
  }
  checkAzureml(c);
}

/** model.azureml: read with registry azureml only, where it is required */
function checkAzureml(c: Checker): void {
  const a = ['model', 'azureml'];
  const registry = c.effective(['model', 'registry']);
  // a registry the schema refused: which block belongs is unknown, so nothing more is said
  if (typeof registry !== 'string') return;
  if (registry !== 'azureml') {
    if (c.at(a) !== undefined) c.issue(a, `is only read with model.registry: azureml (registry is '${registry}')`);
    return;
  }
  if (c.at(a) === undefined) {
    c.issue(
      ['model', 'registry'],
      `registry 'azureml' needs model.azureml: { subscriptionId: <GUID>, resourceGroup: <name>, workspace: <name> } (or registryName: <name> of an Azure ML registry instead of workspace)`,
    );
    return;
  }
  if (c.ok(a) === undefined) return;
  const workspace = c.at([...a, 'workspace']) !== undefined;
  const registryName = c.at([...a, 'registryName']) !== undefined;
  if (workspace && registryName) {
    c.issue(
      a,
      'sets both workspace and registryName: set one, workspace for the models of an Azure ML workspace or registryName for an Azure ML registry shared across workspaces',
    );
  } else if (!workspace && !registryName && !c.hasIssuesWithin(a)) {
    // (with an issue inside the block, e.g. an unknown key `workspaceName`, that issue says it)
    c.issue(
      a,
      'needs workspace (the models of an Azure ML workspace) or registryName (an Azure ML registry shared across workspaces), one of the two',
    );
  }
  const urlSegs = [...a, 'resourceManagerUrl'];
  const url = c.ok(urlSegs);
  if (typeof url === 'string') {
    const problem = resourceManagerUrlProblem(url);
    if (problem) c.issue(urlSegs, `${problem} (got ${show(url)})`);
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
