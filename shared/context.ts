import * as path from 'node:path';
import { ModelshipConfig } from './config/types';
import { Host } from './host';
import { Clock, realClock } from './clock';
import { LocalModelRegistry } from './registry/local';
import { ModelRegistry } from './registry/registry';
import { LocalTarget } from './targets/local/local-target';
import { RunReport } from './report/report';
import { PipelineContext, productionEndpoint, runsImages, stagingEndpoint } from './pipeline';
import { EndpointLocker, Target } from './targets/target';
import { MetricsSource } from './analysis/metrics';
import { StageError } from './errors';
import Docker from 'dockerode';
import { DefaultAzureCredential, TokenCredential } from '@azure/identity';
import { DockerImageBuilder, ImageBuilder } from './image/builder';
import { RegistryCredential, resolveCredential } from './image/credentials';

/**
 * Wires the adapters a config asks for into a PipelineContext. Shared by every front
 * end (CLI, GitHub Action, Azure DevOps task), which only supply a Host.
 */
export function createRegistry(config: ModelshipConfig): ModelRegistry {
  switch (config.model.registry) {
    case 'local':
      return new LocalModelRegistry(config.model.local.path);
    default:
      throw new StageError(
        'opening the model registry',
        `registry '${config.model.registry}' is not available in this version`,
        'model.registry: local',
      );
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

export function createLocalTarget(config: ModelshipConfig, host: Host): LocalTarget {
  const local = config.target.local;
  return new LocalTarget({
    stateDir: local.stateDir,
    ports: { [productionEndpoint(config)]: local.port, [stagingEndpoint(config)]: local.stagingPort },
    runtime: local.runtime,
    python: local.python,
    scorePath: config.serve.scorePath,
    authKey: onceWhenNeeded(() => endpointKey(config, host)),
    log: (line) => host.info(line),
  });
}

/**
 * the image builder for image runtimes: the Docker engine of DOCKER_HOST (or the local socket).
 * `azureCredential` (e.g. the GitHub Action's OIDC credential) replaces DefaultAzureCredential for ACR.
 */
export function createImageBuilder(host: Host, azureCredential?: TokenCredential): ImageBuilder {
  return new DockerImageBuilder({
    docker: new Docker(),
    credential: registryCredential(host, azureCredential),
    log: (line) => host.info(line),
  });
}

/** the registry credential for `registry`, from the environment, a Docker config, or ACR */
function registryCredential(host: Host, azureCredential?: TokenCredential): (registry: string) => Promise<RegistryCredential | undefined> {
  return (registry) =>
    resolveCredential(registry, {
      env: (n) => host.env(n),
      setSecret: (v) => host.setSecret(v),
      azureCredential: () => azureCredential ?? new DefaultAzureCredential(),
      azureTenantId: host.env('AZURE_TENANT_ID'),
      log: (l) => host.info(l),
    });
}

async function createTarget(
  config: ModelshipConfig,
  host: Host,
  azureCredential?: TokenCredential,
): Promise<{ target: Target & EndpointLocker; metrics: MetricsSource }> {
  switch (config.target.kind) {
    case 'local': {
      const target = createLocalTarget(config, host);
      return { target, metrics: target };
    }
    case 'kubernetes': {
      // loaded on demand: @kubernetes/client-node is only needed for this target
      const { createKubernetesTarget } = await import('./targets/kubernetes/factory');
      return createKubernetesTarget(config, host, {
        productionEndpoint: productionEndpoint(config),
        stagingEndpoint: stagingEndpoint(config),
        azureCredential: () => azureCredential ?? new DefaultAzureCredential(),
        registryCredential: registryCredential(host, azureCredential),
      });
    }
    default:
      throw new StageError(
        'connecting to the target',
        `target '${config.target.kind}' is not available in this version`,
        'target.kind: local or kubernetes',
      );
  }
}

export async function createContext(
  config: ModelshipConfig,
  host: Host,
  command: string,
  opts: { modelVersion?: string; clock?: Clock; force?: boolean; azureCredential?: TokenCredential } = {},
): Promise<PipelineContext> {
  const { target, metrics } = await createTarget(config, host, opts.azureCredential);
  const report = new RunReport({
    command,
    endpoint: config.endpoint,
    configFile: path.relative(process.cwd(), config.file) || config.file,
  });
  return {
    config,
    host,
    registry: createRegistry(config),
    target,
    metrics,
    locker: target,
    clock: opts.clock ?? realClock,
    report,
    modelVersion: opts.modelVersion,
    builder: runsImages(config) ? createImageBuilder(host, opts.azureCredential) : undefined,
    force: opts.force,
  };
}
