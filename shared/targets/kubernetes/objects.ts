import type {
  V1ConfigMap,
  V1Deployment,
  V1Ingress,
  V1Lease,
  V1Secret,
  V1Service,
  V2HorizontalPodAutoscaler,
  KubernetesObject,
} from '@kubernetes/client-node';
import { DEPLOYMENT_HEADER, DeploymentSpec } from '../target';
import { KubernetesTargetConfig } from '../../config/types';
import { ANNOTATIONS, LABELS, endpointLabels, endpointNames, labelValue } from './names';

/**
 * The objects modelship applies, as plain data (server-side apply sends them whole;
 * fields left out are removed). Pure functions: the unit tests check them against
 * the Kubernetes schemas through the fake API server.
 */
export const SERVICE_PORT = 80;
export const PORT_NAME = 'http';

export interface DeploymentObjectInput {
  endpoint: string;
  namespace: string;
  spec: DeploymentSpec;
  /** absent when an HPA owns the replica count */
  replicas?: number;
  /** behind the endpoint's shared Service (replicas routing) */
  inPool: boolean;
  containerPort: number;
  resources: KubernetesTargetConfig['resources'];
  pullSecret?: string;
  createdAt: string;
  /** seconds a stopping pod keeps serving before SIGTERM (0: none) */
  preStopSeconds: number;
}

function selectorLabels(endpoint: string, deployment: string): Record<string, string> {
  // never changes for a Deployment: spec.selector is immutable
  return { [LABELS.endpoint]: labelValue(endpoint), [LABELS.deployment]: labelValue(deployment) };
}

function deploymentLabels(endpoint: string, spec: DeploymentSpec): Record<string, string> {
  return {
    ...endpointLabels(endpoint),
    [LABELS.instance]: labelValue(`${endpoint}-${spec.name}`),
    [LABELS.deployment]: labelValue(spec.name),
    [LABELS.model]: labelValue(spec.model.name),
    [LABELS.version]: labelValue(spec.model.version),
  };
}

export function deploymentObject(input: DeploymentObjectInput): V1Deployment {
  const names = endpointNames(input.endpoint);
  const labels = deploymentLabels(input.endpoint, input.spec);
  if (!input.spec.image)
    throw new Error(`deployment '${input.spec.name}' has no image: the kubernetes target deploys images pinned by digest`);
  const readySeconds = Math.max(1, Math.ceil(input.spec.readyTimeout / 1000));
  const probe = { httpGet: { path: input.spec.readyPath, port: PORT_NAME } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: names.deployment(input.spec.name),
      namespace: input.namespace,
      labels,
      annotations: {
        [ANNOTATIONS.image]: input.spec.image,
        [ANNOTATIONS.createdAt]: input.createdAt,
        [ANNOTATIONS.model]: JSON.stringify(input.spec.model),
      },
    },
    spec: {
      ...(input.replicas !== undefined ? { replicas: input.replicas } : {}),
      selector: { matchLabels: selectorLabels(input.endpoint, input.spec.name) },
      // joining or leaving the endpoint's pool changes the template: the replacements start
      // first and the old pods go once they are ready, so capacity never dips
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 } },
      progressDeadlineSeconds: readySeconds,
      revisionHistoryLimit: 2,
      template: {
        metadata: { labels: { ...labels, ...(input.inPool ? { [LABELS.pool]: labelValue(input.endpoint) } : {}) } },
        spec: {
          containers: [
            {
              name: 'model',
              image: input.spec.image,
              ports: [{ name: PORT_NAME, containerPort: input.containerPort }],
              env: [{ name: 'MODELSHIP_DEPLOYMENT', value: input.spec.name }],
              resources: {
                requests: { cpu: input.resources.cpu, memory: input.resources.memory },
                limits: { memory: input.resources.memory },
              },
              // the model's init() may take the whole readyTimeout; liveness starts after it
              startupProbe: { ...probe, periodSeconds: 2, failureThreshold: Math.max(1, Math.ceil(readySeconds / 2)) },
              readinessProbe: { ...probe, periodSeconds: 2, failureThreshold: 2 },
              livenessProbe: { ...probe, periodSeconds: 10, failureThreshold: 3 },
              // endpoints, kube-proxy and ingress controllers learn of a stopping pod later than
              // the kubelet: keep serving until they have, then stop
              ...(input.preStopSeconds > 0 ? { lifecycle: { preStop: { sleep: { seconds: input.preStopSeconds } } } } : {}),
            },
          ],
          ...(input.preStopSeconds > 0 ? { terminationGracePeriodSeconds: Math.max(30, input.preStopSeconds + 15) } : {}),
          ...(input.pullSecret ? { imagePullSecrets: [{ name: input.pullSecret }] } : {}),
        },
      },
    },
  };
}

/** the Service of one deployment: probes, smoke tests and the ingress/gateway backends reach it */
export function deploymentServiceObject(endpoint: string, namespace: string, spec: DeploymentSpec): V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: endpointNames(endpoint).deployment(spec.name), namespace, labels: deploymentLabels(endpoint, spec) },
    spec: { selector: selectorLabels(endpoint, spec.name), ports: [{ name: PORT_NAME, port: SERVICE_PORT, targetPort: PORT_NAME }] },
  };
}

/** the endpoint's Service over every pod in its pool (replicas routing) */
export function poolServiceObject(endpoint: string, namespace: string): V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: endpointNames(endpoint).route, namespace, labels: endpointLabels(endpoint) },
    spec: {
      selector: { [LABELS.endpoint]: labelValue(endpoint), [LABELS.pool]: labelValue(endpoint) },
      ports: [{ name: PORT_NAME, port: SERVICE_PORT, targetPort: PORT_NAME }],
    },
  };
}

export function autoscalerObject(
  endpoint: string,
  namespace: string,
  spec: DeploymentSpec,
  autoscale: NonNullable<KubernetesTargetConfig['autoscale']>,
): V2HorizontalPodAutoscaler {
  const name = endpointNames(endpoint).deployment(spec.name);
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace, labels: deploymentLabels(endpoint, spec) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: autoscale.min,
      maxReplicas: autoscale.max,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: autoscale.cpuUtilization } } },
      ],
    },
  };
}

/** an image pull Secret (`kubernetes.io/dockerconfigjson`) for one registry */
export function pullSecretObject(endpoint: string, namespace: string, registry: string, username: string, password: string): V1Secret {
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  const config = JSON.stringify({ auths: { [registry]: { username, password, auth } } });
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: endpointNames(endpoint).pullSecret, namespace, labels: endpointLabels(endpoint) },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from(config).toString('base64') },
  };
}

export interface EndpointAnnotations {
  traffic: Record<string, number>;
  mirror: Record<string, number>;
  drainedAt: Record<string, string>;
  record: unknown;
}

/** the ConfigMap whose annotations hold the endpoint's weights and rollout record */
export function stateObject(endpoint: string, namespace: string, state: EndpointAnnotations): V1ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: endpointNames(endpoint).state,
      namespace,
      labels: endpointLabels(endpoint),
      annotations: {
        [ANNOTATIONS.traffic]: JSON.stringify(state.traffic),
        [ANNOTATIONS.mirror]: JSON.stringify(state.mirror),
        [ANNOTATIONS.drainedAt]: JSON.stringify(state.drainedAt),
        [ANNOTATIONS.record]: JSON.stringify(state.record),
      },
    },
    data: { endpoint },
  };
}

export function leaseObject(
  endpoint: string,
  namespace: string,
  holder: string,
  durationSeconds: number,
  now: Date,
  resourceVersion?: string,
  acquiredAt?: string,
): V1Lease {
  const at = microTime(now);
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: endpointNames(endpoint).lease,
      namespace,
      labels: endpointLabels(endpoint),
      ...(resourceVersion ? { resourceVersion } : {}),
    },
    // client-node types these as Date; the API wants RFC 3339 with microseconds
    spec: {
      holderIdentity: holder,
      leaseDurationSeconds: durationSeconds,
      acquireTime: (acquiredAt ?? at) as unknown as Date,
      renewTime: at as unknown as Date,
    },
  };
}

/** RFC 3339 with microseconds, as Lease times (MicroTime) are written */
export function microTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export const NGINX_CANARY = 'nginx.ingress.kubernetes.io/canary';
export const NGINX_CANARY_WEIGHT = 'nginx.ingress.kubernetes.io/canary-weight';
export const NGINX_CANARY_BY_HEADER = 'nginx.ingress.kubernetes.io/canary-by-header';
export const NGINX_CANARY_BY_HEADER_VALUE = 'nginx.ingress.kubernetes.io/canary-by-header-value';

export function ingressObject(
  endpoint: string,
  namespace: string,
  cfg: NonNullable<KubernetesTargetConfig['ingress']>,
  backendDeployment: string,
  canaryWeight?: number,
): V1Ingress {
  const names = endpointNames(endpoint);
  const canary = canaryWeight !== undefined;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: canary ? names.canaryIngress : names.route,
      namespace,
      labels: endpointLabels(endpoint),
      // requests naming the new deployment in the deployment header always reach it (probe traffic through target.kubernetes.url)
      ...(canary
        ? {
            annotations: {
              [NGINX_CANARY]: 'true',
              [NGINX_CANARY_WEIGHT]: String(canaryWeight),
              [NGINX_CANARY_BY_HEADER]: DEPLOYMENT_HEADER,
              [NGINX_CANARY_BY_HEADER_VALUE]: backendDeployment,
            },
          }
        : {}),
    },
    spec: {
      ingressClassName: cfg.className,
      rules: [
        {
          ...(cfg.host ? { host: cfg.host } : {}),
          http: {
            paths: [
              {
                path: cfg.path,
                pathType: 'Prefix',
                backend: { service: { name: names.deployment(backendDeployment), port: { name: PORT_NAME } } },
              },
            ],
          },
        },
      ],
    },
  };
}

export interface RouteParentStatus {
  parentRef: { name: string; namespace?: string; sectionName?: string };
  controllerName: string;
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string; observedGeneration?: number }>;
}

export interface HttpRouteObject extends KubernetesObject {
  status?: { parents?: RouteParentStatus[] };
  spec: {
    parentRefs: Array<{ name: string; namespace?: string; sectionName?: string }>;
    hostnames?: string[];
    rules: Array<{
      matches: Array<{ path: { type: 'PathPrefix'; value: string }; headers?: Array<{ type: 'Exact'; name: string; value: string }> }>;
      backendRefs: Array<{ name: string; port: number; weight: number }>;
      filters?: Array<{ type: 'RequestMirror'; requestMirror: { backendRef: { name: string; port: number }; percent: number } }>;
    }>;
  };
}

export function httpRouteObject(
  endpoint: string,
  namespace: string,
  gateway: NonNullable<KubernetesTargetConfig['gateway']>,
  traffic: Record<string, number>,
  mirror: Record<string, number>,
  /** deployments a request reaches with the deployment header, whatever their weight */
  headerRoutes: string[] = Object.keys(traffic),
): HttpRouteObject {
  const names = endpointNames(endpoint);
  const mirrors = Object.entries(mirror).filter(([, p]) => p > 0);
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: names.route, namespace, labels: endpointLabels(endpoint) },
    spec: {
      parentRefs: [
        {
          name: gateway.name,
          ...(gateway.namespace ? { namespace: gateway.namespace } : {}),
          ...(gateway.sectionName ? { sectionName: gateway.sectionName } : {}),
        },
      ],
      ...(gateway.hostnames.length ? { hostnames: gateway.hostnames } : {}),
      rules: [
        // a request naming a deployment in the deployment header reaches it whatever the weights
        // (header matches take precedence over the path-only rule): probe traffic through target.kubernetes.url
        ...headerRoutes.map((deployment) => ({
          matches: [
            {
              path: { type: 'PathPrefix' as const, value: '/' },
              headers: [{ type: 'Exact' as const, name: DEPLOYMENT_HEADER, value: deployment }],
            },
          ],
          backendRefs: [{ name: names.deployment(deployment), port: SERVICE_PORT, weight: 1 }],
        })),
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: Object.entries(traffic).map(([d, w]) => ({ name: names.deployment(d), port: SERVICE_PORT, weight: w })),
          ...(mirrors.length
            ? {
                filters: mirrors.map(([deployment, percent]) => ({
                  type: 'RequestMirror' as const,
                  requestMirror: { backendRef: { name: names.deployment(deployment), port: SERVICE_PORT }, percent: percent },
                })),
              }
            : {}),
        },
      ],
    },
  };
}
