import type { TokenCredential } from '@azure/identity';
import { ModelshipConfig } from '../../config/types';
import { Host } from '../../host';
import { DEFAULT_CONTAINER_PORT } from '../../image/build-context';
import { parseImageRef } from '../../image/reference';
import { RegistryCredential, isAzureContainerRegistry } from '../../image/credentials';
import { MetricsSource } from '../../analysis/metrics';
import { connect } from './connection';
import { KubeApi, RetryPolicy } from './kube-api';
import { KubernetesTarget } from './kubernetes-target';
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
    pullCredential: async (image) => {
      const registry = parseImageRef(image).registry;
      // ACR tokens expire within hours: attach the registry to the cluster instead (az aks update --attach-acr)
      if (isAzureContainerRegistry(registry)) return undefined;
      const cred = await options.registryCredential(registry);
      return cred ? { registry, username: cred.username, password: cred.password } : undefined;
    },
  });
  const metrics = kubernetes.prometheus
    ? new PrometheusMetrics({
        ...kubernetes.prometheus,
        namespace,
        deployments: async (endpoint) => (await target.state(endpoint)).deployments.map((d) => d.name),
      })
    : target;
  return { target, metrics };
}
