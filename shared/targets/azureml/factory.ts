import { ArmClient } from '../../azure/arm-client';
import { AzureLogin } from '../../azure/login';
import { ModelshipConfig } from '../../config/types';
import { Host } from '../../host';
import { DEFAULT_CONTAINER_PORT, SCORING_SERVER_HEALTH_PATH } from '../../image/build-context';
import { AZUREML_API_VERSION } from '../../registry/azureml';
import { MetricsSource } from '../../analysis/metrics';
import { ModelRef } from '../target';
import { AzureMlTarget } from './azureml-target';
import { AzureMonitorMetrics, MONITOR_API_VERSION } from './monitor-metrics';
import { OnlineEndpointsApi } from './online-api';

/**
 * Builds the Azure ML target a config names, over the run's Azure login. Loaded only when
 * target.kind is azureml.
 */
export const AZUREML_DATA_PLANE_SCOPE = 'https://ml.azure.com/.default';

export function createAzureMlTarget(
  config: ModelshipConfig,
  host: Host,
  azureLogin: () => AzureLogin,
): { target: AzureMlTarget; metrics: MetricsSource } {
  const settings = config.target.azureml;
  if (!settings) throw new Error('target.azureml is missing from the resolved config');
  const login = azureLogin();
  const log = (line: string) => host.info(line);
  const client = (apiVersion: string) =>
    new ArmClient({
      resourceManagerUrl: settings.resourceManagerUrl,
      credential: login.credential,
      credentialSource: login.source,
      apiVersion,
      log,
    });
  const api = new OnlineEndpointsApi(client(AZUREML_API_VERSION), settings, {
    deadlineMs: settings.provisioningTimeout,
    pollIntervalMs: settings.pollInterval,
  });
  const modelAssetId = modelAssetIdFor(config, log);
  const target = new AzureMlTarget({
    api,
    config: settings,
    modelAssetId,
    entraToken: async () => {
      const token = await login.credential.getToken(AZUREML_DATA_PLANE_SCOPE);
      if (!token) throw new Error(`${login.source} gave no token for ${AZUREML_DATA_PLANE_SCOPE}`);
      return token.token;
    },
    setSecret: (value) => host.setSecret(value),
    log,
    containerPort: DEFAULT_CONTAINER_PORT,
    // the generated scoring server answers readiness on /health too; the config check refuses '/' for other images
    routes: {
      ready: isRoutePath(config.serve.readyPath) ? config.serve.readyPath : SCORING_SERVER_HEALTH_PATH,
      score: config.serve.scorePath,
    },
  });
  host.info(
    `azureml: workspace ${settings.workspace} (resource group ${settings.resourceGroup}); ${settings.instanceCount} x ${settings.instanceType} per deployment; auth ${settings.authMode}; analysis from ${settings.metrics.source === 'monitor' ? `Azure Monitor (published ${Math.round(settings.metrics.ingestionDelay / 1000)} s after each minute) and probe traffic` : 'probe traffic only'}`,
  );
  const metrics =
    settings.metrics.source === 'monitor'
      ? new AzureMonitorMetrics({
          arm: client(MONITOR_API_VERSION),
          endpointId: (endpoint) => api.endpointId(endpoint),
          ingestionDelayMs: settings.metrics.ingestionDelay,
          probe: target,
        })
      : target;
  return { target, metrics };
}

/**
 * The model asset a deployment names, so that Azure ML mounts the registered version and
 * shows it on the deployment: a version of the same workspace (ARM id) or of an Azure ML
 * registry (azureml://registries/...). Models from other registries, or from another
 * workspace (Azure ML cannot mount those), ship inside the image modelship builds.
 */
function modelAssetIdFor(config: ModelshipConfig, log: (line: string) => void): (model: ModelRef) => string | undefined {
  const registry = config.model.registry === 'azureml' ? config.model.azureml : undefined;
  const target = config.target.azureml;
  if (!registry || !target) return () => undefined;
  const enc = encodeURIComponent;
  if (registry.registryName) {
    const name = registry.registryName;
    return (model) => `azureml://registries/${name}/models/${model.name}/versions/${model.version}`;
  }
  const sameWorkspace =
    registry.workspace?.toLowerCase() === target.workspace.toLowerCase() &&
    registry.resourceGroup.toLowerCase() === target.resourceGroup.toLowerCase() &&
    registry.subscriptionId.toLowerCase() === target.subscriptionId.toLowerCase();
  if (!sameWorkspace) {
    log(
      `azureml: the model registry is workspace ${registry.workspace ?? '?'}, the endpoint is in ${target.workspace}: Azure ML mounts models of its own workspace only, so the model files ship inside the image`,
    );
    return () => undefined;
  }
  return (model) =>
    `/subscriptions/${enc(registry.subscriptionId)}/resourceGroups/${enc(registry.resourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/${enc(target.workspace)}/models/${enc(model.name)}/versions/${enc(model.version)}`;
}

/** Azure ML's Route.path pattern ([a-zA-Z0-9_], unanchored): '/' alone is refused */
export function isRoutePath(path: string): boolean {
  return /[a-zA-Z0-9_]/.test(path);
}
