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
  o: {
    productionEndpoint: string;
    stagingEndpoint: string;
    azureCredential: () => TokenCredential;
    registryCredential: (registry: string) => Promise<RegistryCredential | undefined>;
    retry?: RetryPolicy;
  },
): Promise<KubernetesWiring> {
  const k = config.target.kubernetes;
  if (!k) throw new Error('target.kubernetes is missing from the resolved config');
  const conn = await connect({
    kubeconfig: k.kubeconfig,
    context: k.context,
    auth: k.auth,
    env: (n) => host.env(n),
    azureCredential: o.azureCredential,
    setSecret: (v) => host.setSecret(v),
    log: (l) => host.info(l),
  });
  const namespace = k.namespace ?? conn.namespace ?? 'default';
  const stagingNamespace = k.stagingNamespace ?? namespace;
  host.info(`kubernetes: ${conn.describe}; production in namespace ${namespace}, staging in ${stagingNamespace}; routing '${k.routing}'`);
  const log = (line: string) => host.info(line);
  const api = new KubeApi(conn.kc, log, o.retry);
  const target = new KubernetesTarget({
    api,
    config: k,
    containerPort: DEFAULT_CONTAINER_PORT,
    scorePath: config.serve.scorePath,
    leaseSeconds: k.leaseSeconds,
    log,
    endpoints: {
      [o.productionEndpoint]: { namespace, routing: k.routing, replicas: k.replicas, autoscale: k.autoscale, url: k.url },
      // staging has one deployment at a time: a Service over it is all it needs
      [o.stagingEndpoint]: { namespace: stagingNamespace, routing: 'replicas', replicas: k.stagingReplicas },
    },
    pullCredential: async (image) => {
      const registry = parseImageRef(image).registry;
      // ACR tokens expire within hours: attach the registry to the cluster instead (az aks update --attach-acr)
      if (isAzureContainerRegistry(registry)) return undefined;
      const cred = await o.registryCredential(registry);
      return cred ? { registry, username: cred.username, password: cred.password } : undefined;
    },
  });
  const metrics = k.prometheus
    ? new PrometheusMetrics({
        ...k.prometheus,
        namespace,
        log,
        deployments: async (endpoint) => (await target.state(endpoint)).deployments.map((d) => d.name),
      })
    : target;
  return { target, metrics };
}
