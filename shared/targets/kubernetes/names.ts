import { createHash } from 'node:crypto';

/**
 * Names and labels of the objects modelship creates on Kubernetes. Names are DNS-1035
 * labels (Services need that; it is also a valid DNS-1123 name for everything else),
 * truncated with a hash of the full name when long, so two long endpoint names never
 * collide.
 */
export const MANAGED_BY = 'modelship';
export const FIELD_MANAGER = 'modelship';

export const LABELS = {
  name: 'app.kubernetes.io/name',
  instance: 'app.kubernetes.io/instance',
  managedBy: 'app.kubernetes.io/managed-by',
  endpoint: 'modelship.dev/endpoint',
  deployment: 'modelship.dev/deployment',
  model: 'modelship.dev/model',
  version: 'modelship.dev/model-version',
  /** on pod templates: the pod is behind the endpoint's shared Service (replicas routing) */
  pool: 'modelship.dev/pool',
} as const;

export const ANNOTATIONS = {
  image: 'modelship.dev/image',
  createdAt: 'modelship.dev/created-at',
  model: 'modelship.dev/model',
  traffic: 'modelship.dev/traffic',
  mirror: 'modelship.dev/mirror',
  drainedAt: 'modelship.dev/drained-at',
  record: 'modelship.dev/record',
} as const;

const MAX_NAME = 63;

/** a DNS-1035 label from `parts`: lower case, [a-z0-9-], starts with a letter, at most 63 characters */
export function objectName(...parts: string[]): string {
  const full = parts.join('-');
  let name = full
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  if (name === '') name = 'm';
  if (name.length <= MAX_NAME && name === full) return name;
  // the full name was changed or is too long: a hash of it keeps names unique
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  name = name.slice(0, MAX_NAME - hash.length - 1).replace(/-+$/, '');
  return `${name}-${hash}`;
}

/** a valid label value (at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends) */
export function labelValue(value: string): string {
  let label = value
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[^A-Za-z0-9]+$/, '');
  if (label.length > MAX_NAME) {
    const hash = createHash('sha256').update(value).digest('hex').slice(0, 8);
    label = `${label.slice(0, MAX_NAME - 9).replace(/[^A-Za-z0-9]+$/, '')}-${hash}`;
  }
  return label;
}

export interface EndpointNames {
  /** the endpoint's Service (replicas routing), Ingress or HTTPRoute */
  route: string;
  /** the nginx canary Ingress */
  canaryIngress: string;
  /** the ConfigMap whose annotations hold the endpoint's state */
  state: string;
  /** the Lease that serialises commands */
  lease: string;
  /** the image pull Secret created from the registry credentials */
  pullSecret: string;
  /** Deployment, Service and HPA of one deployment */
  deployment(name: string): string;
}

export function endpointNames(endpoint: string): EndpointNames {
  return {
    route: objectName(endpoint),
    canaryIngress: objectName(endpoint, 'canary'),
    state: objectName(endpoint, 'modelship'),
    lease: objectName(endpoint, 'modelship-lock'),
    pullSecret: objectName(endpoint, 'modelship-pull'),
    deployment: (name) => objectName(endpoint, name),
  };
}

/** labels every object of the endpoint carries */
export function endpointLabels(endpoint: string): Record<string, string> {
  return { [LABELS.name]: labelValue(endpoint), [LABELS.managedBy]: MANAGED_BY, [LABELS.endpoint]: labelValue(endpoint) };
}

/** label selector string for `list` calls */
export function selector(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
