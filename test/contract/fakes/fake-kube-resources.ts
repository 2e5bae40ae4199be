import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Lease } from 'kubernetes-models/coordination.k8s.io/v1/Lease';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Event } from 'kubernetes-models/v1/Event';
import { Pod } from 'kubernetes-models/v1/Pod';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import {
  FieldCause,
  JsonObject,
  KubeObject,
  deepEqual,
  errors,
  isObject,
  jsonText,
  labelSelectorRequirements,
  matchesRequirements,
  parseQuantity,
} from './fake-kube-core';

/**
 * The resources the fake serves (its discovery documents), their defaulting and their
 * validation, from the Kubernetes API reference and the API server's validation rules
 * (k8s.io/apimachinery validation messages are reproduced where the fake checks the same).
 */

export interface ResourceDef {
  group: string;
  version: string;
  /** `v1` or `apps/v1` */
  groupVersion: string;
  plural: string;
  singular: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  /** a subresource listed in discovery only (pods/log, services/proxy): served by dedicated handlers */
  subresourceOnly?: boolean;
  /** status is written by the fake's controllers only: writes through the main resource keep it */
  statusSubresource?: boolean;
  /**
   * an update (PUT) must carry metadata.resourceVersion: the type's update strategy does not
   * allow unconditional updates (Lease; every custom resource, e.g. HTTPRoute), so the API
   * server answers 422 `metadata.resourceVersion: Invalid value: 0x0: must be specified for an update`
   */
  conditionalUpdateOnly?: boolean;
  /** metadata.generation is kept (bumped when spec changes) */
  generation?: boolean;
  /** field selectors the list accepts (besides metadata.name and metadata.namespace) */
  fieldSelectors?: string[];
  /** the kubernetes-models schema check */
  model?: (obj: KubeObject) => void;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function def(d: Omit<ResourceDef, 'groupVersion'>): ResourceDef {
  return { ...d, groupVersion: d.group ? `${d.group}/${d.version}` : d.version };
}

type ModelCtor = new (data: never) => { validate(): void };
function modelCheck(ctor: ModelCtor): (obj: KubeObject) => void {
  return (obj) => new ctor(obj as never).validate();
}

export const RESOURCES: ResourceDef[] = [
  def({
    group: '',
    version: 'v1',
    plural: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    verbs: ALL_VERBS,
    shortNames: ['cm'],
    model: modelCheck(ConfigMap),
  }),
  def({
    group: '',
    version: 'v1',
    plural: 'secrets',
    singular: 'secret',
    kind: 'Secret',
    verbs: ALL_VERBS,
    model: modelCheck(Secret),
    fieldSelectors: ['type'],
  }),
  def({
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    verbs: ALL_VERBS.filter((v) => v !== 'deletecollection'),
    shortNames: ['svc'],
    statusSubresource: true,
    model: modelCheck(Service),
  }),
  def({
    group: '',
    version: 'v1',
    plural: 'services/proxy',
    singular: '',
    kind: 'ServiceProxyOptions',
    verbs: ['create', 'delete', 'get', 'patch', 'update'],
    subresourceOnly: true,
  }),
  def({
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    verbs: ALL_VERBS,
    shortNames: ['po'],
    statusSubresource: true,
    model: modelCheck(Pod),
    fieldSelectors: [
      'spec.nodeName',
      'status.phase',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'status.podIP',
    ],
  }),
  def({ group: '', version: 'v1', plural: 'pods/log', singular: '', kind: 'Pod', verbs: ['get'], subresourceOnly: true }),
  def({
    group: '',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    verbs: ALL_VERBS,
    shortNames: ['ev'],
    model: modelCheck(Event),
    fieldSelectors: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ],
  }),
  def({
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    verbs: ALL_VERBS,
    shortNames: ['deploy'],
    statusSubresource: true,
    generation: true,
    model: modelCheck(Deployment),
  }),
  // written by the fake's deployment controller; clients may read them
  def({
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    verbs: ['get', 'list', 'watch'],
    shortNames: ['rs'],
    statusSubresource: true,
    generation: true,
  }),
  def({
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'ingresses',
    singular: 'ingress',
    kind: 'Ingress',
    verbs: ALL_VERBS,
    shortNames: ['ing'],
    statusSubresource: true,
    generation: true,
    model: modelCheck(Ingress),
  }),
  def({
    group: 'coordination.k8s.io',
    version: 'v1',
    plural: 'leases',
    singular: 'lease',
    kind: 'Lease',
    verbs: ALL_VERBS,
    conditionalUpdateOnly: true,
    model: modelCheck(Lease),
  }),
  def({
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    verbs: ALL_VERBS,
    shortNames: ['hpa'],
    statusSubresource: true,
    model: modelCheck(HorizontalPodAutoscaler),
  }),
  def({
    group: 'gateway.networking.k8s.io',
    version: 'v1',
    plural: 'httproutes',
    singular: 'httproute',
    kind: 'HTTPRoute',
    verbs: ALL_VERBS,
    conditionalUpdateOnly: true,
    statusSubresource: true,
    generation: true,
    model: modelCheck(HTTPRoute),
  }),
];

export const GROUP_VERSIONS = [...new Set(RESOURCES.map((r) => r.groupVersion))];

export function resourceByPath(groupVersion: string, plural: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.groupVersion === groupVersion && r.plural === plural && !r.subresourceOnly);
}

export function resourceByKind(kind: string): ResourceDef {
  const r = RESOURCES.find((x) => x.kind === kind && !x.subresourceOnly);
  if (!r) throw new Error(`fake-kube serves no kind ${kind}`);
  return r;
}

// ---------------------------------------------------------------------------------------
// name and label rules (k8s.io/apimachinery/pkg/util/validation)

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

const q = (v: unknown) => JSON.stringify(v);
const oneOf = (v: unknown, allowed: string[]) => typeof v === 'string' && allowed.includes(v);

export function dns1123SubdomainErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > 253) out.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(v))
    out.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  return out;
}

export function dns1123LabelErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > 63) out.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(v))
    out.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  return out;
}

export function dns1035LabelErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > 63) out.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(v))
    out.push(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
  return out;
}

function qualifiedNameErrors(key: string): string[] {
  const parts = key.split('/');
  if (parts.length > 2)
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'",
    ];
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  const out: string[] = [];
  if (prefix !== undefined) {
    if (prefix.length === 0) out.push('prefix part must be non-empty');
    else out.push(...dns1123SubdomainErrors(prefix).map((e) => `prefix part ${e}`));
  }
  if (name.length === 0) out.push('name part must be non-empty');
  else if (name.length > 63) out.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME.test(name))
    out.push(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  return out;
}

function labelValueErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > 63) out.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(v))
    out.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  return out;
}

function validateLabels(labels: unknown, field: string, causes: FieldCause[]): void {
  if (labels === undefined || labels === null) return;
  if (!isObject(labels))
    return void causes.push({ field, message: `Invalid value: ${q(labels)}: must be a map of strings`, reason: 'FieldValueTypeInvalid' });
  for (const [k, v] of Object.entries(labels)) {
    for (const e of qualifiedNameErrors(k)) causes.push({ field, message: `Invalid value: ${q(k)}: ${e}` });
    if (typeof v !== 'string')
      causes.push({ field: `${field}.${k}`, message: `Invalid value: ${q(v)}: must be a string`, reason: 'FieldValueTypeInvalid' });
    else for (const e of labelValueErrors(v)) causes.push({ field, message: `Invalid value: ${q(v)}: ${e}` });
  }
}

function validateAnnotations(ann: unknown, field: string, causes: FieldCause[]): void {
  if (ann === undefined || ann === null) return;
  if (!isObject(ann))
    return void causes.push({ field, message: `Invalid value: ${q(ann)}: must be a map of strings`, reason: 'FieldValueTypeInvalid' });
  let size = 0;
  for (const [k, v] of Object.entries(ann)) {
    for (const e of qualifiedNameErrors(k.toLowerCase())) causes.push({ field, message: `Invalid value: ${q(k)}: ${e}` });
    if (typeof v !== 'string')
      causes.push({ field: `${field}.${k}`, message: `Invalid value: ${q(v)}: must be a string`, reason: 'FieldValueTypeInvalid' });
    size += k.length + String(v).length;
  }
  if (size > 256 * 1024) causes.push({ field, message: `Too long: must have at most 262144 bytes`, reason: 'FieldValueTooLong' });
}

// ---------------------------------------------------------------------------------------
// defaulting (the API server's defaulters for the types the fake serves)

let nextClusterIp = 10;

function defaultContainer(c: JsonObject): void {
  if (typeof c.image === 'string' && c.imagePullPolicy === undefined)
    c.imagePullPolicy = imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObject(p)) p.protocol ??= 'TCP';
  for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
    const pr = c[probe];
    if (!isObject(pr)) continue;
    pr.timeoutSeconds ??= 1;
    pr.periodSeconds ??= 10;
    pr.successThreshold ??= 1;
    pr.failureThreshold ??= 3;
    if (isObject(pr.httpGet)) pr.httpGet.scheme ??= 'HTTP';
  }
}

/** the tag of an image reference as the kubelet's defaulting sees it: `latest` when there is neither tag nor digest */
export function imageTag(image: string): string {
  const noDigest = image.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  if (colon > lastSlash) return noDigest.slice(colon + 1);
  return image.includes('@') ? '' : 'latest';
}

export function defaultPodSpec(spec: JsonObject): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const list of ['containers', 'initContainers'])
    if (Array.isArray(spec[list])) for (const c of spec[list]) if (isObject(c)) defaultContainer(c);
}

export function applyDefaults(kind: string, obj: KubeObject, old: KubeObject | undefined): void {
  const spec = isObject(obj.spec) ? obj.spec : undefined;
  switch (kind) {
    case 'Deployment': {
      if (!spec) return;
      spec.replicas ??= 1;
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      if (!isObject(spec.strategy)) spec.strategy = { type: 'RollingUpdate' };
      const strategy = spec.strategy as JsonObject;
      strategy.type ??= 'RollingUpdate';
      if (strategy.type === 'RollingUpdate') {
        if (!isObject(strategy.rollingUpdate)) strategy.rollingUpdate = {};
        const ru = strategy.rollingUpdate as JsonObject;
        ru.maxUnavailable ??= '25%';
        ru.maxSurge ??= '25%';
      }
      const template = isObject(spec.template) ? spec.template : undefined;
      if (template && isObject(template.spec)) defaultPodSpec(template.spec);
      return;
    }
    case 'Pod':
      if (spec) defaultPodSpec(spec);
      return;
    case 'Service': {
      if (!spec) return;
      spec.type ??= 'ClusterIP';
      spec.sessionAffinity ??= 'None';
      if (spec.type !== 'ExternalName') {
        const oldSpec = old && isObject(old.spec) ? old.spec : undefined;
        // an update without clusterIP keeps the allocated one, as the API server does
        if (spec.clusterIP === undefined || spec.clusterIP === '')
          spec.clusterIP = oldSpec?.clusterIP ?? `10.96.${Math.floor(nextClusterIp / 250)}.${(nextClusterIp++ % 250) + 1}`;
        if (spec.clusterIPs === undefined)
          spec.clusterIPs = spec.clusterIP === 'None' ? ['None'] : (oldSpec?.clusterIPs ?? [spec.clusterIP]);
        spec.ipFamilies ??= oldSpec?.ipFamilies ?? ['IPv4'];
        spec.ipFamilyPolicy ??= 'SingleStack';
        spec.internalTrafficPolicy ??= 'Cluster';
      }
      if (Array.isArray(spec.ports))
        for (const p of spec.ports)
          if (isObject(p)) {
            p.protocol ??= 'TCP';
            p.targetPort ??= p.port;
          }
      return;
    }
    case 'Secret':
      obj.type ??= 'Opaque';
      // stringData is write-only: merged into data (base64) on write
      if (isObject(obj.stringData)) {
        const data = isObject(obj.data) ? obj.data : {};
        for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
        obj.data = data;
        delete obj.stringData;
      }
      return;
  }
}

// ---------------------------------------------------------------------------------------
// validation

/** ajv errors of the kubernetes-models schema check, as field causes */
function modelCauses(err: unknown): FieldCause[] {
  const list = (err as { errors?: Array<{ instancePath?: string; message?: string; params?: JsonObject }> }).errors;
  if (!Array.isArray(list) || list.length === 0)
    return [{ field: '<root>', message: `Invalid value: ${err instanceof Error ? err.message : String(err)}` }];
  return list.map((e) => {
    const segs = (e.instancePath ?? '').split('/').filter(Boolean);
    let field = segs.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : `${i > 0 ? '.' : ''}${s}`)).join('');
    const missing = e.params?.missingProperty;
    if (typeof missing === 'string') field = field ? `${field}.${missing}` : missing;
    return {
      field: field || '<root>',
      message: typeof missing === 'string' ? 'Required value' : `Invalid value: ${e.message ?? 'invalid'}`,
      reason: typeof missing === 'string' ? 'FieldValueRequired' : 'FieldValueInvalid',
    };
  });
}

function quantityOk(v: unknown): v is string | number {
  return v !== undefined && parseQuantity(v) !== undefined && (parseQuantity(v) as number) >= 0;
}

function validatePodSpec(spec: unknown, field: string, causes: FieldCause[], restartAlways: boolean): void {
  if (!isObject(spec)) return void causes.push({ field, message: 'Required value', reason: 'FieldValueRequired' });
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0)
    return void causes.push({ field: `${field}.containers`, message: 'Required value', reason: 'FieldValueRequired' });
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const f = `${field}.containers[${i}]`;
    if (!isObject(c)) return;
    const name = typeof c.name === 'string' ? c.name : '';
    if (!name) causes.push({ field: `${f}.name`, message: 'Required value', reason: 'FieldValueRequired' });
    else for (const e of dns1123LabelErrors(name)) causes.push({ field: `${f}.name`, message: `Invalid value: ${q(name)}: ${e}` });
    if (names.has(name)) causes.push({ field: `${f}.name`, message: `Duplicate value: ${q(name)}`, reason: 'FieldValueDuplicate' });
    names.add(name);
    if (typeof c.image !== 'string' || c.image.trim() === '')
      causes.push({ field: `${f}.image`, message: 'Required value', reason: 'FieldValueRequired' });
    if (c.imagePullPolicy !== undefined && !oneOf(c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']))
      causes.push({
        field: `${f}.imagePullPolicy`,
        message: `Unsupported value: ${q(c.imagePullPolicy)}: supported values: "Always", "IfNotPresent", "Never"`,
        reason: 'FieldValueNotSupported',
      });
    const portNames = new Set<string>();
    if (Array.isArray(c.ports))
      c.ports.forEach((p, j) => {
        if (!isObject(p)) return;
        const cp = p.containerPort;
        if (typeof cp !== 'number' || !Number.isInteger(cp) || cp < 1 || cp > 65535)
          causes.push({
            field: `${f}.ports[${j}].containerPort`,
            message: `Invalid value: ${q(cp)}: must be between 1 and 65535, inclusive`,
          });
        if (p.name !== undefined) {
          const pn = jsonText(p.name);
          if (!IANA_SVC_NAME.test(pn) || !/[a-z]/.test(pn) || pn.includes('--'))
            causes.push({
              field: `${f}.ports[${j}].name`,
              message: `Invalid value: ${q(pn)}: must be no more than 15 characters, contain only lowercase alphanumeric characters or '-', contain at least one letter and not begin or end with '-'`,
            });
          if (portNames.has(pn))
            causes.push({ field: `${f}.ports[${j}].name`, message: `Duplicate value: ${q(pn)}`, reason: 'FieldValueDuplicate' });
          portNames.add(pn);
        }
      });
    if (Array.isArray(c.env))
      c.env.forEach((e, j) => {
        if (!isObject(e)) return;
        if (typeof e.name !== 'string' || !ENV_VAR_NAME.test(e.name))
          causes.push({
            field: `${f}.env[${j}].name`,
            message: `Invalid value: ${q(e.name)}: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
          });
        if (e.value !== undefined && e.valueFrom !== undefined)
          causes.push({ field: `${f}.env[${j}].valueFrom`, message: 'Invalid value: "": may not be specified when `value` is not empty' });
      });
    const res = isObject(c.resources) ? c.resources : {};
    const req = isObject(res.requests) ? res.requests : {};
    const lim = isObject(res.limits) ? res.limits : {};
    for (const [kind, m] of [
      ['requests', req],
      ['limits', lim],
    ] as const)
      for (const [k, v] of Object.entries(m))
        if (!quantityOk(v))
          causes.push({ field: `${f}.resources.${kind}[${k}]`, message: `Invalid value: ${q(v)}: must be a valid quantity` });
    for (const [k, v] of Object.entries(req)) {
      const l = lim[k];
      if (l !== undefined && quantityOk(v) && quantityOk(l) && (parseQuantity(v) as number) > (parseQuantity(l) as number))
        causes.push({
          field: `${f}.resources.requests`,
          message: `Invalid value: ${q(v)}: must be less than or equal to ${k} limit of ${String(l)}`,
        });
    }
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      const pr = c[probe];
      if (!isObject(pr)) continue;
      const handlers = ['httpGet', 'tcpSocket', 'exec', 'grpc'].filter((h) => pr[h] !== undefined);
      if (handlers.length !== 1)
        causes.push({
          field: `${f}.${probe}`,
          message:
            handlers.length === 0 ? 'Required value: must specify a handler type' : 'Forbidden: may not specify more than 1 handler type',
          reason: handlers.length === 0 ? 'FieldValueRequired' : 'FieldValueForbidden',
        });
      const port = isObject(pr.httpGet) ? pr.httpGet.port : isObject(pr.tcpSocket) ? pr.tcpSocket.port : undefined;
      if (port !== undefined && typeof port === 'string' && !portNames.has(port) && !/^\d+$/.test(port))
        causes.push({
          field: `${f}.${probe}.${isObject(pr.httpGet) ? 'httpGet' : 'tcpSocket'}.port`,
          message: `Invalid value: ${q(port)}: must contain a container port name that exists`,
        });
      if (probe !== 'readinessProbe' && pr.successThreshold !== undefined && pr.successThreshold !== 1)
        causes.push({ field: `${f}.${probe}.successThreshold`, message: `Invalid value: ${q(pr.successThreshold)}: must be 1` });
    }
  });
  if (restartAlways && spec.restartPolicy !== undefined && spec.restartPolicy !== 'Always')
    causes.push({
      field: `${field}.restartPolicy`,
      message: `Unsupported value: ${q(spec.restartPolicy)}: supported values: "Always"`,
      reason: 'FieldValueNotSupported',
    });
}

function intOrPercent(v: unknown, base: number, roundUp: boolean): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+%$/.test(v)) {
    const x = (parseInt(v, 10) * base) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  return undefined;
}

/** maxSurge and maxUnavailable of a Deployment, resolved against its replicas */
export function rollingParams(spec: JsonObject): { maxSurge: number; maxUnavailable: number } {
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  const strategy = isObject(spec.strategy) ? spec.strategy : {};
  if (strategy.type === 'Recreate') return { maxSurge: 0, maxUnavailable: replicas };
  const ru = isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const maxSurge = intOrPercent(ru.maxSurge ?? '25%', replicas, true) ?? 1;
  let maxUnavailable = intOrPercent(ru.maxUnavailable ?? '25%', replicas, false) ?? 0;
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

function validateDeployment(obj: KubeObject, old: KubeObject | undefined, causes: FieldCause[]): void {
  const spec = obj.spec;
  if (!isObject(spec)) return void causes.push({ field: 'spec', message: 'Required value', reason: 'FieldValueRequired' });
  if (typeof spec.replicas === 'number' && spec.replicas < 0)
    causes.push({ field: 'spec.replicas', message: `Invalid value: ${spec.replicas}: must be greater than or equal to 0` });
  const selector = spec.selector;
  const template = isObject(spec.template) ? spec.template : undefined;
  const reqs = labelSelectorRequirements(selector);
  if (!isObject(selector)) causes.push({ field: 'spec.selector', message: 'Required value', reason: 'FieldValueRequired' });
  else if (reqs.length === 0)
    causes.push({ field: 'spec.selector', message: `Invalid value: ${q(selector)}: empty selector is invalid for deployment` });
  if (isObject(selector)) validateLabels(selector.matchLabels, 'spec.selector.matchLabels', causes);
  if (!template) causes.push({ field: 'spec.template', message: 'Required value', reason: 'FieldValueRequired' });
  else {
    const tmeta = isObject(template.metadata) ? template.metadata : {};
    validateLabels(tmeta.labels, 'spec.template.metadata.labels', causes);
    validateAnnotations(tmeta.annotations, 'spec.template.metadata.annotations', causes);
    if (reqs.length > 0 && !matchesRequirements(isObject(tmeta.labels) ? (tmeta.labels as Record<string, string>) : {}, reqs))
      causes.push({
        field: 'spec.template.metadata.labels',
        message: `Invalid value: ${q(tmeta.labels ?? {})}: \`selector\` does not match template \`labels\``,
      });
    validatePodSpec(template.spec, 'spec.template.spec', causes, true);
  }
  const strategy = isObject(spec.strategy) ? spec.strategy : {};
  if (strategy.type !== undefined && strategy.type !== 'RollingUpdate' && strategy.type !== 'Recreate')
    causes.push({
      field: 'spec.strategy.type',
      message: `Unsupported value: ${q(strategy.type)}: supported values: "Recreate", "RollingUpdate"`,
      reason: 'FieldValueNotSupported',
    });
  if (strategy.type === 'Recreate' && strategy.rollingUpdate !== undefined)
    causes.push({
      field: 'spec.strategy.rollingUpdate',
      message: "Forbidden: may not be specified when strategy `type` is 'Recreate'",
      reason: 'FieldValueForbidden',
    });
  if (isObject(strategy.rollingUpdate)) {
    const ru = strategy.rollingUpdate;
    for (const k of ['maxSurge', 'maxUnavailable'])
      if (ru[k] !== undefined && intOrPercent(ru[k], 100, false) === undefined)
        causes.push({
          field: `spec.strategy.rollingUpdate.${k}`,
          message: `Invalid value: ${q(ru[k])}: a valid percent string must be a numeric string followed by an ending '%'`,
        });
    if ((ru.maxSurge === 0 || ru.maxSurge === '0%') && (ru.maxUnavailable === 0 || ru.maxUnavailable === '0%'))
      causes.push({ field: 'spec.strategy.rollingUpdate.maxUnavailable', message: 'Invalid value: 0: may not be 0 when `maxSurge` is 0' });
  }
  const pds = spec.progressDeadlineSeconds;
  const mrs = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
  if (typeof pds === 'number' && pds <= mrs)
    causes.push({ field: 'spec.progressDeadlineSeconds', message: `Invalid value: ${pds}: must be greater than minReadySeconds` });
  if (old && isObject(old.spec) && !deepEqual(old.spec.selector, spec.selector))
    causes.push({ field: 'spec.selector', message: `Invalid value: ${q(spec.selector)}: field is immutable` });
}

function validateService(obj: KubeObject, old: KubeObject | undefined, causes: FieldCause[]): void {
  const spec = obj.spec;
  if (!isObject(spec)) return void causes.push({ field: 'spec', message: 'Required value', reason: 'FieldValueRequired' });
  const type = spec.type ?? 'ClusterIP';
  if (!oneOf(type, ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']))
    causes.push({
      field: 'spec.type',
      message: `Unsupported value: ${q(type)}: supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
      reason: 'FieldValueNotSupported',
    });
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  if (ports.length === 0 && spec.clusterIP !== 'None' && type !== 'ExternalName')
    causes.push({ field: 'spec.ports', message: 'Required value', reason: 'FieldValueRequired' });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    if (!isObject(p)) return;
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && (p.name === undefined || p.name === ''))
      causes.push({ field: `${f}.name`, message: 'Required value', reason: 'FieldValueRequired' });
    if (p.name !== undefined && p.name !== '') {
      const pn = jsonText(p.name);
      for (const e of dns1123LabelErrors(pn)) causes.push({ field: `${f}.name`, message: `Invalid value: ${q(p.name)}: ${e}` });
      if (seen.has(pn)) causes.push({ field: `${f}.name`, message: `Duplicate value: ${q(p.name)}`, reason: 'FieldValueDuplicate' });
      seen.add(pn);
    }
    if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535)
      causes.push({ field: `${f}.port`, message: `Invalid value: ${q(p.port)}: must be between 1 and 65535, inclusive` });
    if (p.protocol !== undefined && !oneOf(p.protocol, ['TCP', 'UDP', 'SCTP']))
      causes.push({
        field: `${f}.protocol`,
        message: `Unsupported value: ${q(p.protocol)}: supported values: "SCTP", "TCP", "UDP"`,
        reason: 'FieldValueNotSupported',
      });
    const tp = p.targetPort;
    if (typeof tp === 'number' && (tp < 1 || tp > 65535))
      causes.push({ field: `${f}.targetPort`, message: `Invalid value: ${tp}: must be between 1 and 65535, inclusive` });
    if (typeof tp === 'string' && !/^\d+$/.test(tp) && (!IANA_SVC_NAME.test(tp) || !/[a-z]/.test(tp)))
      causes.push({
        field: `${f}.targetPort`,
        message: `Invalid value: ${q(tp)}: must contain only lowercase alphanumeric characters or '-', contain at least one letter`,
      });
  });
  validateLabels(spec.selector, 'spec.selector', causes);
  if (
    old &&
    isObject(old.spec) &&
    old.spec.clusterIP !== undefined &&
    spec.clusterIP !== undefined &&
    old.spec.clusterIP !== spec.clusterIP &&
    old.spec.type !== 'ExternalName'
  )
    causes.push(
      { field: 'spec.clusterIPs[0]', message: `Invalid value: ${q(spec.clusterIP)}: may not change once set` },
      { field: 'spec.clusterIP', message: `Invalid value: ${q(spec.clusterIP)}: field is immutable` },
    );
}

function validateKeyedData(obj: KubeObject, kindName: string, causes: FieldCause[], base64: boolean): void {
  let size = 0;
  const keys = new Set<string>();
  for (const field of base64 ? ['data'] : ['data', 'binaryData']) {
    const data = obj[field];
    if (data === undefined || data === null) continue;
    if (!isObject(data)) {
      causes.push({ field, message: `Invalid value: ${q(data)}: must be a map`, reason: 'FieldValueTypeInvalid' });
      continue;
    }
    for (const [k, v] of Object.entries(data)) {
      if (!CONFIG_KEY.test(k) || k.length > 253)
        causes.push({
          field: `${field}[${k}]`,
          message: `Invalid value: ${q(k)}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
        });
      if (keys.has(k))
        causes.push({
          field: `${field}[${k}]`,
          message: `Invalid value: ${q(k)}: duplicate of key present in data`,
          reason: 'FieldValueDuplicate',
        });
      keys.add(k);
      if (typeof v !== 'string')
        causes.push({ field: `${field}[${k}]`, message: `Invalid value: ${q(v)}: must be a string`, reason: 'FieldValueTypeInvalid' });
      else if ((base64 || field === 'binaryData') && !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v))
        causes.push({ field: `${field}[${k}]`, message: `Invalid value: "<value omitted>": illegal base64 data` });
      size += String(v).length;
    }
  }
  if (size > 1024 * 1024)
    causes.push({
      field: base64 ? 'data' : '',
      message: `Too long: ${kindName} must have at most 1048576 bytes`,
      reason: 'FieldValueTooLong',
    });
}

function validateImmutableData(obj: KubeObject, old: KubeObject | undefined, causes: FieldCause[]): void {
  if (!old || old.immutable !== true) return;
  if (obj.immutable !== true)
    causes.push({ field: 'immutable', message: 'Forbidden: field is immutable when `immutable` is set', reason: 'FieldValueForbidden' });
  for (const f of ['data', 'binaryData'])
    if (!deepEqual(old[f], obj[f]))
      causes.push({ field: f, message: 'Forbidden: field is immutable when `immutable` is set', reason: 'FieldValueForbidden' });
}

function validateSecret(obj: KubeObject, old: KubeObject | undefined, causes: FieldCause[]): void {
  validateKeyedData(obj, 'Secret', causes, true);
  validateImmutableData(obj, old, causes);
  if (old && old.type !== obj.type) causes.push({ field: 'type', message: `Invalid value: ${q(obj.type)}: field is immutable` });
  if (obj.type === 'kubernetes.io/dockerconfigjson') {
    const data = isObject(obj.data) ? obj.data : {};
    const raw = data['.dockerconfigjson'];
    if (typeof raw !== 'string') causes.push({ field: 'data[.dockerconfigjson]', message: 'Required value', reason: 'FieldValueRequired' });
    else {
      try {
        JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
      } catch (err: unknown) {
        causes.push({
          field: 'data[.dockerconfigjson]',
          message: `Invalid value: "<secret contents redacted>": ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
  }
}

function validateHpa(obj: KubeObject, causes: FieldCause[]): void {
  const spec = isObject(obj.spec) ? obj.spec : {};
  const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
  if (min < 1) causes.push({ field: 'spec.minReplicas', message: `Invalid value: ${min}: must be greater than or equal to 1` });
  if (typeof spec.maxReplicas === 'number' && spec.maxReplicas < min)
    causes.push({
      field: 'spec.maxReplicas',
      message: `Invalid value: ${spec.maxReplicas}: must be greater than or equal to \`minReplicas\``,
    });
  const ref = isObject(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
  if (typeof ref.name === 'string')
    for (const e of dns1123SubdomainErrors(ref.name))
      causes.push({ field: 'spec.scaleTargetRef.name', message: `Invalid value: ${q(ref.name)}: ${e}` });
}

/** validate a resulting object before it is stored; throws a 422 Invalid naming the fields */
export function validateObject(r: ResourceDef, obj: KubeObject, old: KubeObject | undefined): void {
  const causes: FieldCause[] = [];
  const md = obj.metadata;
  const name = typeof md.name === 'string' ? md.name : '';
  if (!name)
    causes.push({ field: 'metadata.name', message: 'Required value: name or generateName is required', reason: 'FieldValueRequired' });
  else {
    const nameErrors = r.kind === 'Service' ? dns1035LabelErrors(name) : dns1123SubdomainErrors(name);
    for (const e of nameErrors) causes.push({ field: 'metadata.name', message: `Invalid value: ${q(name)}: ${e}` });
  }
  validateLabels(md.labels, 'metadata.labels', causes);
  validateAnnotations(md.annotations, 'metadata.annotations', causes);
  switch (r.kind) {
    case 'Deployment':
      validateDeployment(obj, old, causes);
      break;
    case 'Service':
      validateService(obj, old, causes);
      break;
    case 'ConfigMap':
      validateKeyedData(obj, 'ConfigMap', causes, false);
      validateImmutableData(obj, old, causes);
      break;
    case 'Secret':
      validateSecret(obj, old, causes);
      break;
    case 'HorizontalPodAutoscaler':
      validateHpa(obj, causes);
      break;
    case 'Pod':
      validatePodSpec(obj.spec, 'spec', causes, false);
      break;
  }
  if (causes.length === 0 && r.model) {
    try {
      r.model(obj);
    } catch (err: unknown) {
      causes.push(...modelCauses(err));
    }
  }
  if (causes.length > 0) throw errors.invalid(r.kind, r.group, name, causes);
}
