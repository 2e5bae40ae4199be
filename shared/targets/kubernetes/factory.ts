import type { TokenCredential } from '@azure/identity';
import { KubernetesTargetConfig, ModelshipConfig, PrometheusQueries } from '../../config/types';
import { Host } from '../../host';
import { DEFAULT_CONTAINER_PORT } from '../../image/build-context';
import { parseImageRef } from '../../image/reference';
import { RegistryCredential, isAzureContainerRegistry } from '../../image/credentials';
import { MetricsSource } from '../../analysis/metrics';
import { connect } from './connection';
import { RetryPolicy } from '../../retry';
import { KubeApi } from './kube-api';
import { KubernetesTarget, PullCredential } from './kubernetes-target';
import { ROUTERS } from './routing';
import { PrometheusMetrics } from './prometheus';

/**
 * Connects to the cluster a config names and builds the Kubernetes target. Loaded only
 * when target.kind is kubernetes (it pulls in @kubernetes/client-node).
 */
export interface KubernetesWiring {
  target: KubernetesTarget;
  metrics: MetricsSource;
}

export async function createKubernetesTarget(
  config: ModelshipConfig,
  host: Host,
  options: {
    productionEndpoint: string;
    stagingEndpoint: string;
    azureCredential: () => TokenCredential;
    registryCredential: (registry: string) => Promise<RegistryCredential | undefined>;
    /** the command's Lease was lost: stop at the next step boundary */
    onLockLost?: (reason: string) => void;
    retry?: RetryPolicy;
  },
): Promise<KubernetesWiring> {
  const kubernetes = config.target.kubernetes;
  if (!kubernetes) throw new Error('target.kubernetes is missing from the resolved config');
  const conn = await connect({
    kubeconfig: kubernetes.kubeconfig,
    context: kubernetes.context,
    auth: kubernetes.auth,
    env: (n) => host.env(n),
    azureCredential: options.azureCredential,
    setSecret: (v) => host.setSecret(v),
    log: (l) => host.info(l),
  });
  const namespace = kubernetes.namespace ?? conn.namespace ?? 'default';
  const stagingNamespace = kubernetes.stagingNamespace ?? namespace;
  host.info(
    `kubernetes: ${conn.describe}; production in namespace ${namespace}, staging in ${stagingNamespace}; routing '${kubernetes.routing}'`,
  );
  const log = (line: string) => host.info(line);
  const api = new KubeApi(conn.kc, log, options.retry);
  const target = new KubernetesTarget({
    api,
    config: kubernetes,
    containerPort: DEFAULT_CONTAINER_PORT,
    scorePath: config.serve.scorePath,
    leaseSeconds: kubernetes.leaseSeconds,
    log,
    endpoints: {
      [options.productionEndpoint]: {
        namespace,
        routing: kubernetes.routing,
        replicas: kubernetes.replicas,
        autoscale: kubernetes.autoscale,
        url: kubernetes.url,
      },
      // staging has one deployment at a time: a Service over it is all it needs
      [options.stagingEndpoint]: { namespace: stagingNamespace, routing: 'replicas', replicas: kubernetes.stagingReplicas },
    },
    pullCredential: pullCredentialSource(kubernetes, host, options.registryCredential),
    onLockLost: options.onLockLost,
  });
  const metrics = kubernetes.prometheus ? prometheusSource(kubernetes, namespace, target) : target;
  return { target, metrics };
}

/** Prometheus with the routing mode's default queries where the config names none */
function prometheusSource(kubernetes: KubernetesTargetConfig, namespace: string, target: KubernetesTarget): MetricsSource {
  const prometheus = kubernetes.prometheus as NonNullable<KubernetesTargetConfig['prometheus']>;
  const defaults = ROUTERS[kubernetes.routing].metrics;
  const query = (name: keyof PrometheusQueries): string => {
    const text = prometheus.queries[name] ?? defaults?.queries[name];
    // the config checks refuse this; a guard for configs built in code
    if (!text) throw new Error(`target.kubernetes.prometheus.queries.${name} is needed with routing '${kubernetes.routing}'`);
    return text;
  };
  return new PrometheusMetrics({
    url: prometheus.url,
    queries: { requests: query('requests'), errors: query('errors'), latencyBuckets: query('latencyBuckets') },
    latencyUnit: prometheus.latencyUnit ?? defaults?.latencyUnit ?? 'seconds',
    namespace,
    deployments: async (endpoint) => (await target.state(endpoint)).deployments.map((d) => d.name),
  });
}

/**
 * The credential the cluster pulls images with: a read-only one from the environment by
 * default, the runner's push credentials only when the config says so. Never for ACR,
 * whose tokens expire within hours (attach the registry to the cluster instead).
 */
function pullCredentialSource(
  kubernetes: KubernetesTargetConfig,
  host: Host,
  registryCredential: (registry: string) => Promise<RegistryCredential | undefined>,
): ((image: string) => Promise<PullCredential | undefined>) | undefined {
  const setting = kubernetes.pullCredential;
  if (!setting) return undefined;
  return async (image) => {
    const registry = parseImageRef(image).registry;
    if ('reusePushCredentials' in setting) {
      if (isAzureContainerRegistry(registry)) return undefined;
      const cred = await registryCredential(registry);
      return cred ? { registry, username: cred.username, password: cred.password } : undefined;
    }
    const username = host.env(setting.usernameEnv);
    const password = host.env(setting.passwordEnv);
    if (!username || !password)
      throw new Error(
        `target.kubernetes.pullCredential names ${!username ? setting.usernameEnv : setting.passwordEnv}, which is not set (a pull-only token of ${registry})`,
      );
    host.setSecret(password);
    return { registry, username, password };
  };
}
