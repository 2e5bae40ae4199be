import * as path from 'node:path';
import { ModelshipConfig } from './config/types';
import { Host } from './host';
import { Clock, realClock } from './clock';
import { LocalModelRegistry } from './registry/local';
import { ModelRegistry } from './registry/registry';
import type { LocalTarget } from './targets/local/local-target';
import { RunReport } from './report/report';
import { PipelineContext, productionEndpoint, runsImages, stagingEndpoint } from './pipeline';
import { EndpointLocker, Target } from './targets/target';
import { MetricsSource } from './analysis/metrics';
import { StageError, UsageError } from './errors';
import { AzureLogin } from './azure/login';
import { Cancellation } from './cancellation';
import type { ImageBuilder } from './image/builder';
import { RegistryCredential, resolveCredential } from './image/credentials';

/**
 * Wires the adapters a config asks for into a PipelineContext. Shared by every front
 * end (CLI, GitHub Action, Azure DevOps task), which supply a Host and their Azure login.
 * Every adapter (registry, target, the Docker image builder) is imported when the config
 * names it, not before: the bundled front ends keep each one in a file of its own, and a
 * step should not read the Kubernetes client or dockerode to fail on a wrong input.
 */
export async function createRegistry(config: ModelshipConfig, host: Host, azureLogin: () => AzureLogin): Promise<ModelRegistry> {
  switch (config.model.registry) {
    case 'local':
      return new LocalModelRegistry(config.model.local.path);
    case 'azureml': {
      const settings = config.model.azureml;
      if (!settings) throw new UsageError('model.registry is azureml, but the config has no model.azureml block');
      // loaded on demand: only configs that name Azure ML need its client
      const { AzureMlModelRegistry } = await import('./registry/azureml');
      const login = azureLogin();
      return new AzureMlModelRegistry({
        settings,
        credential: login.credential,
        credentialSource: login.source,
        log: (line) => host.info(line),
      });
    }
    case 'mlflow': {
      const settings = config.model.mlflow;
      if (!settings) throw new UsageError('model.registry is mlflow, but the config has no model.mlflow block');
      const { MlflowModelRegistry } = await import('./registry/mlflow');
      return new MlflowModelRegistry({
        settings,
        env: (name) => host.env(name),
        setSecret: (value) => host.setSecret(value),
        azureLogin,
        log: (line) => host.info(line),
        warn: (line) => host.warn(line, { file: config.file }),
      });
    }
  }
}

/** the endpoint key named by target.local.auth.keyEnv, registered as a secret */
export function endpointKey(config: ModelshipConfig, host: Host): string | undefined {
  const name = config.target.local.authKeyEnv;
  if (!name) return undefined;
  const key = host.env(name);
  if (!key)
    throw new StageError(
      'reading the endpoint key',
      `target.local.auth.keyEnv names ${name}, which is not set`,
      `set ${name} in the environment (a secret), or remove target.local.auth`,
    );
  host.setSecret(key);
  return key;
}

/**
 * Read a value the first time it is asked for and keep it: commands that never call the
 * endpoint do not need the key, and the ones that do read (and register) it once, not
 * per request.
 */
function onceWhenNeeded<T>(read: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = read();
      done = true;
    }
    return value;
  };
}

export async function createLocalTarget(config: ModelshipConfig, host: Host, cancellation?: Cancellation): Promise<LocalTarget> {
  // loaded on demand: the local target brings dockerode (for its docker runtime)
  const { LocalTarget } = await import('./targets/local/local-target');
  const local = config.target.local;
  return new LocalTarget({
    stateDir: local.stateDir,
    ports: { [productionEndpoint(config)]: local.port, [stagingEndpoint(config)]: local.stagingPort },
    runtime: local.runtime,
    python: local.python,
    scorePath: config.serve.scorePath,
    authKey: onceWhenNeeded(() => endpointKey(config, host)),
    log: (line) => host.info(line),
    childEnv: () => host.childEnv(),
    passEnv: local.passEnv,
    // the lock file was removed or is stale: stop at the next step boundary and put traffic back on stable
    // (no other holder is known; a Kubernetes Lease that another command took fences instead)
    onLockLost: (reason) => cancellation?.cancel(reason),
  });
}

/**
 * the image builder for image runtimes: the Docker engine of DOCKER_HOST (or the local socket).
 * `azureLogin` is the run's Azure login, for Azure Container Registry.
 */
export async function createImageBuilder(host: Host, azureLogin: () => AzureLogin): Promise<ImageBuilder> {
  // loaded on demand: only configs that build images need dockerode
  const [{ default: Docker }, { DockerImageBuilder }] = await Promise.all([import('dockerode'), import('./image/builder')]);
  return new DockerImageBuilder({
    docker: new Docker(),
    credential: registryCredential(host, azureLogin),
    log: (line) => host.info(line),
  });
}

/** the registry credential for `registry`, from the environment, a Docker config, or ACR */
function registryCredential(host: Host, azureLogin: () => AzureLogin): (registry: string) => Promise<RegistryCredential | undefined> {
  return (registry) =>
    resolveCredential(registry, {
      env: (n) => host.env(n),
      setSecret: (v) => host.setSecret(v),
      azureCredential: () => azureLogin().credential,
      azureTenantId: host.env('AZURE_TENANT_ID'),
      log: (l) => host.info(l),
    });
}

async function createTarget(
  config: ModelshipConfig,
  host: Host,
  azureLogin: () => AzureLogin,
  cancellation?: Cancellation,
): Promise<{ target: Target & EndpointLocker; metrics: MetricsSource }> {
  switch (config.target.kind) {
    case 'local': {
      const target = await createLocalTarget(config, host, cancellation);
      return { target, metrics: target };
    }
    case 'kubernetes': {
      // loaded on demand: @kubernetes/client-node is only needed for this target
      const { createKubernetesTarget } = await import('./targets/kubernetes/factory');
      return createKubernetesTarget(config, host, {
        productionEndpoint: productionEndpoint(config),
        stagingEndpoint: stagingEndpoint(config),
        azureCredential: () => azureLogin().credential,
        registryCredential: registryCredential(host, azureLogin),
        onLockLost: (reason) => cancellation?.lostLock(reason),
      });
    }
    case 'azureml': {
      // loaded on demand: only configs that name Azure ML need its client
      const { createAzureMlTarget } = await import('./targets/azureml/factory');
      return createAzureMlTarget(config, host, azureLogin);
    }
  }
}

function noAzureLogin(): AzureLogin {
  throw new StageError(
    'logging in to Azure',
    'this front end was given no Azure login',
    'the Azure login inputs of the step (the CLI uses DefaultAzureCredential)',
  );
}

export async function createContext(
  config: ModelshipConfig,
  host: Host,
  command: string,
  opts: { modelVersion?: string; clock?: Clock; force?: boolean; azureLogin?: () => AzureLogin; cancellation?: Cancellation } = {},
): Promise<PipelineContext> {
  const azureLogin = onceWhenNeeded(opts.azureLogin ?? noAzureLogin);
  const registry = await createRegistry(config, host, azureLogin);
  const { target, metrics } = await createTarget(config, host, azureLogin, opts.cancellation);
  const report = new RunReport({
    command,
    endpoint: config.endpoint,
    configFile: path.relative(process.cwd(), config.file) || config.file,
  });
  return {
    config,
    host,
    registry,
    target,
    metrics,
    locker: target,
    clock: opts.clock ?? realClock,
    report,
    modelVersion: opts.modelVersion,
    builder: runsImages(config) ? await createImageBuilder(host, azureLogin) : undefined,
    force: opts.force,
    cancellation: opts.cancellation,
  };
}
