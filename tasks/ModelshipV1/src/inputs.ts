import { STEP_COMMANDS, StepCommand } from '../../../shared/step-commands';
import { choiceInput, versionInput } from '../../../shared/step-inputs';

/**
 * The task's inputs, read once into a typed object. Every input is read through
 * `input(NAME)`, `secretInput(NAME)` or `connectionInput(NAME)` here, so that a test can
 * compare the names with task.json.
 */
export type TaskCommand = StepCommand;
export const COMMANDS = STEP_COMMANDS;

/** an Azure login from an AzureRM service connection */
export type AzureLogin =
  | { scheme: 'WorkloadIdentityFederation'; connection: string; tenantId: string; clientId: string; systemAccessToken: string }
  | { scheme: 'ServicePrincipal'; connection: string; tenantId: string; clientId: string; clientSecret: string };

export interface TaskInputs {
  command: TaskCommand;
  /** as given (relative to the working directory) */
  configFile: string;
  modelVersion?: string;
  /** absolute */
  workingDirectory: string;
  force: boolean;
  azure?: AzureLogin;
  azureSubscriptionId?: string;
  /** a Kubernetes service connection, for target.kind kubernetes */
  kubernetes?: KubernetesLogin;
  registry?: { connection: string; server: string; username: string; password: string };
  endpointKey?: string;
  /** raw JSON, untrusted */
  webhookPayload?: string;
}

/** a Kubernetes service connection: a kubeconfig, or a service account's token and CA */
export type KubernetesLogin =
  | { connection: string; type: 'Kubeconfig'; kubeconfig: string; context?: string }
  | {
      connection: string;
      type: 'ServiceAccount';
      server: string;
      token: string;
      certificateAuthorityData?: string;
      acceptUntrustedCerts: boolean;
    };

/** an input that cannot be used; the message names it and says what it takes */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** a service connection as the agent hands it to a task */
export interface Endpoint {
  url?: string;
  /** ENDPOINT_AUTH_<id>.scheme, e.g. UsernamePassword, ServicePrincipal, WorkloadIdentityFederation */
  scheme?: string;
  /** ENDPOINT_AUTH_<id>.parameters (secrets among them) */
  params: Record<string, string>;
  data(key: string): string | undefined;
}

export interface InputSource {
  /** the raw value ('' when not given) */
  get(name: string): string;
  /** a service connection by id; undefined when the agent passed none (not authorized for the pipeline, or deleted) */
  endpoint(id: string): Endpoint | undefined;
  /** a pipeline variable, e.g. System.AccessToken */
  variable(name: string): string | undefined;
  /** called with every secret as soon as it is read, before anything can print it */
  secret(value: string): void;
  resolvePath(path: string): string;
}

export function readInputs(source: InputSource): TaskInputs {
  const input = (name: string): string => source.get(name).trim();
  const secretInput = (name: string): string => {
    const value = source.get(name);
    if (value) source.secret(value);
    return value;
  };
  /** the service connection an input names, with its secret parameters registered */
  const connectionInput = (name: string, secretKeys: string[]): { id: string; endpoint: Endpoint } | undefined => {
    const id = input(name);
    if (!id) return undefined;
    const endpoint = source.endpoint(id);
    if (!endpoint) {
      throw new InputError(
        `input '${name}': the agent passed no service connection '${id}' to this step (check that it exists and that this pipeline is authorized to use it)`,
      );
    }
    for (const key of secretKeys) if (endpoint.params[key]) source.secret(endpoint.params[key]);
    return { id, endpoint };
  };

  // secrets first: an error about another input must not be printed before they are masked
  const endpointKey = secretInput('endpointKey');
  const docker = connectionInput('dockerRegistryServiceConnection', ['password']);
  const arm = connectionInput('azureSubscription', ['serviceprincipalkey']);
  const k8s = connectionInput('kubernetesServiceConnection', []);
  const kubernetes = k8s ? kubernetesLogin(k8s.id, k8s.endpoint, (value) => source.secret(value)) : undefined;

  const inputError = (message: string): InputError => new InputError(message);
  const command = choiceInput<TaskCommand>(input('command') || 'run', 'command', COMMANDS, inputError);
  const modelVersion = versionInput(input('modelVersion'), 'modelVersion', inputError);

  const forceRaw = input('force').toLowerCase();
  if (forceRaw && forceRaw !== 'true' && forceRaw !== 'false')
    throw new InputError(`input 'force' takes true or false (got '${forceRaw}')`);

  let registry: TaskInputs['registry'];
  if (docker) {
    const { username, password, registry: server } = docker.endpoint.params;
    if (!username || !password) {
      throw new InputError(
        `input 'dockerRegistryServiceConnection': service connection '${docker.id}' has no user name and password (use a Docker Registry connection of type "Others" or "Docker Hub", or the Azure connection for ACR)`,
      );
    }
    registry = { connection: docker.id, server: server || docker.endpoint.url || '', username, password };
  }

  let azure: AzureLogin | undefined;
  let azureSubscriptionId: string | undefined;
  if (arm) {
    const params = arm.endpoint.params;
    const tenantId = params.tenantid ?? '';
    const clientId = params.serviceprincipalid ?? '';
    if (!tenantId || !clientId)
      throw new InputError(`input 'azureSubscription': service connection '${arm.id}' has no tenant or service principal id`);
    if (arm.endpoint.scheme === 'WorkloadIdentityFederation') {
      const token = source.variable('System.AccessToken') ?? '';
      if (token) source.secret(token);
      if (!token) {
        throw new InputError(
          `input 'azureSubscription': workload identity federation needs the job's System.AccessToken; map it to the step (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken))`,
        );
      }
      azure = { scheme: 'WorkloadIdentityFederation', connection: arm.id, tenantId, clientId, systemAccessToken: token };
    } else if (arm.endpoint.scheme === 'ServicePrincipal' && params.serviceprincipalkey) {
      azure = { scheme: 'ServicePrincipal', connection: arm.id, tenantId, clientId, clientSecret: params.serviceprincipalkey };
    } else {
      throw new InputError(
        `input 'azureSubscription': service connection '${arm.id}' uses ${arm.endpoint.scheme ?? 'no'} authorization${params.authenticationType ? ` (${params.authenticationType})` : ''}; modelship takes workload identity federation or a service principal with a secret`,
      );
    }
    azureSubscriptionId = arm.endpoint.data('subscriptionId') || undefined;
  }

  return {
    command,
    configFile: input('configFile') || 'modelship.yaml',
    modelVersion,
    workingDirectory: source.resolvePath(input('workingDirectory') || '.'),
    force: forceRaw === 'true',
    azure,
    azureSubscriptionId,
    kubernetes,
    registry,
    endpointKey: endpointKey || undefined,
    webhookPayload: input('webhookPayload') || undefined,
  };
}

/** parameter names differ in case between connection kinds and agent versions */
function param(endpoint: Endpoint, name: string): string | undefined {
  const key = Object.keys(endpoint.params).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : endpoint.params[key];
}

/**
 * The login of a Kubernetes service connection, as Azure Pipelines stores it
 * (authorizationType Kubeconfig: the file itself; ServiceAccount: the server URL, a
 * base64 token and the CA). AzureSubscription connections are refused: modelship signs in
 * to AKS itself with target.kubernetes.auth: azure and the azureSubscription input.
 */
function kubernetesLogin(id: string, endpoint: Endpoint, secret: (value: string) => void): KubernetesLogin {
  const type = endpoint.data('authorizationType') ?? (param(endpoint, 'kubeconfig') ? 'Kubeconfig' : undefined);
  if (type === 'Kubeconfig') {
    const kubeconfig = param(endpoint, 'kubeconfig');
    if (!kubeconfig) throw new InputError(`input 'kubernetesServiceConnection': service connection '${id}' has no kubeconfig`);
    secret(kubeconfig);
    return { connection: id, type, kubeconfig, context: param(endpoint, 'clusterContext') || undefined };
  }
  if (type === 'ServiceAccount') {
    const encoded = param(endpoint, 'apiToken');
    if (!encoded || !endpoint.url)
      throw new InputError(`input 'kubernetesServiceConnection': service connection '${id}' has no server URL or token`);
    secret(encoded);
    const token = Buffer.from(encoded, 'base64').toString('utf8').trim();
    secret(token);
    return {
      connection: id,
      type,
      server: endpoint.url,
      token,
      certificateAuthorityData: param(endpoint, 'serviceAccountCertificate') || undefined,
      acceptUntrustedCerts: (endpoint.data('acceptUntrustedCerts') ?? '').toLowerCase() === 'true',
    };
  }
  throw new InputError(
    `input 'kubernetesServiceConnection': service connection '${id}' uses ${type ?? 'an unknown'} authorization; modelship takes Kubeconfig or Service Account connections (for AKS with Azure sign-in, set target.kubernetes.auth: azure and the azureSubscription input instead)`,
  );
}
