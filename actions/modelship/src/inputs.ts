/**
 * The action's inputs, read once into a typed object. Every input is read through
 * `input(NAME)` here, so that a test can compare the names with action.yml.
 */
import { STEP_COMMANDS, StepCommand } from '../../../shared/step-commands';
import { choiceInput, versionInput } from '../../../shared/step-inputs';

export const COMMANDS = STEP_COMMANDS;
export type ActionCommand = StepCommand;

export interface ActionInputs {
  command: ActionCommand;
  /** as given (relative to the working directory) */
  config: string;
  modelVersion?: string;
  /** absolute */
  workingDirectory: string;
  force: boolean;
  /** OIDC login (both given) */
  azure?: { clientId: string; tenantId: string };
  azureSubscriptionId?: string;
  registry?: { username: string; password: string };
  endpointKey?: string;
  /** the token for the GitHub API (github-token; the job's GITHUB_TOKEN by default) */
  githubToken?: string;
  /** the GitHub environment deployments are reported to (environment); undefined: none */
  environment?: string;
  /** report a GitHub deployment (github-deployment: auto is on when environment is set) */
  githubDeployment: boolean;
}

/** an input that cannot be used; the message names it and says what it takes */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface InputSource {
  /** the raw value ('' when not given), as @actions/core getInput returns it */
  get(name: string): string;
  /** called with every secret input as soon as it is read, before anything can print it */
  secret(value: string): void;
  resolvePath(path: string): string;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function readInputs(source: InputSource): ActionInputs {
  const input = (name: string): string => source.get(name);
  const secretInput = (name: string): string => {
    const value = input(name);
    if (value) source.secret(value);
    return value;
  };
  // secrets first: an error about another input must not be printed before they are masked
  const registryPassword = secretInput('registry-password');
  const endpointKey = secretInput('endpoint-key');
  const githubToken = secretInput('github-token');

  const inputError = (message: string): InputError => new InputError(message);
  const command = choiceInput<ActionCommand>(input('command') || 'run', 'command', COMMANDS, inputError);
  const modelVersion = versionInput(input('model-version'), 'model-version', inputError);

  const forceRaw = input('force');
  let force = false;
  if (forceRaw) {
    if (TRUE.includes(forceRaw)) force = true;
    else if (!FALSE.includes(forceRaw)) throw new InputError(`input 'force' takes true or false (got '${forceRaw}')`);
  }

  const clientId = input('azure-client-id');
  const tenantId = input('azure-tenant-id');
  const subscriptionId = input('azure-subscription-id');
  if (Boolean(clientId) !== Boolean(tenantId)) {
    throw new InputError(
      `inputs 'azure-client-id' and 'azure-tenant-id' go together (OIDC login needs both; only ${clientId ? 'azure-client-id' : 'azure-tenant-id'} is set)`,
    );
  }

  const registryUsername = input('registry-username');
  if (Boolean(registryUsername) !== Boolean(registryPassword)) {
    throw new InputError(
      `inputs 'registry-username' and 'registry-password' go together (only ${registryUsername ? 'registry-username' : 'registry-password'} is set)`,
    );
  }

  const environment = input('environment').trim();
  const deploymentRaw = input('github-deployment') || 'auto';
  let githubDeployment: boolean;
  if (deploymentRaw === 'auto') githubDeployment = environment !== '';
  else if (TRUE.includes(deploymentRaw)) githubDeployment = true;
  else if (FALSE.includes(deploymentRaw)) githubDeployment = false;
  else throw new InputError(`input 'github-deployment' takes auto, true or false (got '${deploymentRaw}')`);
  if (githubDeployment && !environment) {
    throw new InputError(
      "input 'github-deployment' is true, but 'environment' is empty: name the GitHub environment the deployment is for",
    );
  }
  if (githubDeployment && !githubToken) {
    throw new InputError("input 'github-deployment' is on, but 'github-token' is empty: pass a token that may write deployments");
  }

  return {
    command,
    config: input('config') || 'modelship.yaml',
    modelVersion,
    workingDirectory: source.resolvePath(input('working-directory') || '.'),
    force,
    azure: clientId ? { clientId, tenantId } : undefined,
    azureSubscriptionId: subscriptionId || undefined,
    registry: registryUsername ? { username: registryUsername, password: registryPassword } : undefined,
    endpointKey: endpointKey || undefined,
    githubToken: githubToken || undefined,
    environment: environment || undefined,
    githubDeployment,
  };
}
