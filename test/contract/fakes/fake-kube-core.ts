import { randomBytes } from 'node:crypto';

/**
 * Shared pieces of the fake Kubernetes API server: the object shapes, the `Status` errors,
 * JSON helpers, label and field selectors. Written from the public Kubernetes API
 * reference (API conventions, "Labels and Selectors", "Field Selectors").
 */

export type JsonObject = Record<string, unknown>;

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  [k: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [k: string]: unknown;
}

/** A Kubernetes `Status` failure, thrown anywhere in the fake and turned into the HTTP answer */
export class KubeError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: JsonObject,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toStatus(): JsonObject {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

export interface FieldCause {
  field: string;
  message: string;
  reason?: string;
}

/** the API server's resource name for messages, e.g. `deployments.apps` */
export function qualifiedResource(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural;
}

export const errors = {
  notFound: (plural: string, group: string, name: string) =>
    new KubeError(404, 'NotFound', `${qualifiedResource(plural, group)} "${name}" not found`, {
      name,
      ...(group ? { group } : {}),
      kind: plural,
    }),
  alreadyExists: (plural: string, group: string, name: string) =>
    new KubeError(409, 'AlreadyExists', `${qualifiedResource(plural, group)} "${name}" already exists`, {
      name,
      ...(group ? { group } : {}),
      kind: plural,
    }),
  conflict: (plural: string, group: string, name: string, why: string, causes?: FieldCause[]) =>
    new KubeError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(plural, group)} "${name}": ${why}`, {
      name,
      ...(group ? { group } : {}),
      kind: plural,
      ...(causes
        ? { causes: causes.map((c) => ({ reason: c.reason ?? 'FieldManagerConflict', message: c.message, field: c.field })) }
        : {}),
    }),
  /** 422 with the real message shape: `Deployment.apps "x" is invalid: spec.selector: Invalid value: …` */
  invalid: (kind: string, group: string, name: string, causes: FieldCause[]) =>
    new KubeError(
      422,
      'Invalid',
      `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${causes.length === 1 ? `${causes[0].field}: ${causes[0].message}` : `[${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}]`}`,
      {
        name,
        ...(group ? { group } : {}),
        kind,
        causes: causes.map((c) => ({ reason: c.reason ?? 'FieldValueInvalid', message: `${c.message}`, field: c.field })),
      },
    ),
  badRequest: (message: string) => new KubeError(400, 'BadRequest', message),
  methodNotAllowed: (message = 'the server does not allow this method on the requested resource') =>
    new KubeError(405, 'MethodNotAllowed', message),
  unsupportedMediaType: (contentType: string) =>
    new KubeError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got ${JSON.stringify(contentType)}; fake-kube does not implement application/json-patch+json)`,
    ),
  internal: (message: string) => new KubeError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] }),
};

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** a JSON value as text: a string as itself, anything else as its JSON (a number or boolean as String() writes it) */
export function jsonText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function deepCopy<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** JSON with sorted keys, for hashes */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** RFC 3339 at second precision, as metav1.Time serializes */
export function kubeTime(ms = Date.now()): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds (metav1.MicroTime) */
export function kubeMicroTime(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function uid(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** the alphabet of rand.SafeEncodeString (no vowels, no look-alikes), used in generated names */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';
export function randomSuffix(n = 5): string {
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => SAFE[b % SAFE.length]).join('');
}

/** pod-template-hash: FNV-1a 32 of the template, safe-encoded like the deployment controller does */
export function templateHash(template: unknown): string {
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(stableStringify(template), 'utf8')) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return Array.from(String(h), (d) => SAFE[d.charCodeAt(0) % SAFE.length]).join('');
}

// ---------------------------------------------------------------------------------------
// label selectors: `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`

export interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function parseLabelSelector(s: string): Requirement[] {
  const out: Requirement[] = [];
  for (const term of splitTopLevel(s)) {
    let m: RegExpMatchArray | null;
    if ((m = term.match(/^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      out.push({ key: m[1], op: m[2] === 'in' ? 'In' : 'NotIn', values: m[3].split(',').map((v) => v.trim()) });
    } else if ((m = term.match(/^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/))) {
      out.push({ key: m[1], op: m[2] === '!=' ? 'NotIn' : 'In', values: [m[3]] });
    } else if ((m = term.match(/^!\s*([^\s=!(),]+)$/))) {
      out.push({ key: m[1], op: 'DoesNotExist', values: [] });
    } else if ((m = term.match(/^([^\s=!(),]+)$/))) {
      out.push({ key: m[1], op: 'Exists', values: [] });
    } else {
      throw errors.badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }
  return out;
}

export function matchesRequirements(labels: Record<string, string> | undefined, reqs: Requirement[]): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'In':
        return has && r.values.includes(l[r.key]);
      case 'NotIn':
        return !has || !r.values.includes(l[r.key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
    }
  });
}

/** a metav1.LabelSelector ({matchLabels, matchExpressions}) as requirements */
export function labelSelectorRequirements(sel: unknown): Requirement[] {
  if (!isObject(sel)) return [];
  const reqs: Requirement[] = [];
  if (isObject(sel.matchLabels)) for (const [k, v] of Object.entries(sel.matchLabels)) reqs.push({ key: k, op: 'In', values: [String(v)] });
  if (Array.isArray(sel.matchExpressions)) {
    for (const e of sel.matchExpressions) {
      if (!isObject(e)) continue;
      const op = String(e.operator) as Requirement['op'];
      reqs.push({ key: String(e.key), op, values: Array.isArray(e.values) ? e.values.map(String) : [] });
    }
  }
  return reqs;
}

// ---------------------------------------------------------------------------------------
// field selectors: `a.b=c`, `a.b==c`, `a.b!=c`, comma-separated (AND)

export interface FieldRequirement {
  path: string;
  equal: boolean;
  value: string;
}

export function parseFieldSelector(s: string, supported: readonly string[], kind: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const term of s
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)) {
    const m = term.match(/^([^=!]+?)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw errors.badRequest(`invalid selector: '${s}'; can't understand '${term}'`);
    if (!supported.includes(m[1])) throw errors.badRequest(`field label not supported: ${m[1]} (for ${kind})`);
    out.push({ path: m[1], equal: m[2] !== '!=', value: m[3] });
  }
  return out;
}

export function valueAtDotted(obj: unknown, dotted: string): string {
  let cur: unknown = obj;
  for (const part of dotted.split('.')) cur = isObject(cur) ? cur[part] : undefined;
  return cur === undefined || cur === null ? '' : jsonText(cur);
}

export function matchesFields(obj: unknown, reqs: FieldRequirement[]): boolean {
  return reqs.every((r) => (valueAtDotted(obj, r.path) === r.value) === r.equal);
}

// ---------------------------------------------------------------------------------------
// quantities (resources.requests / limits, node allocatable)

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** a resource.Quantity as a number (cores for cpu, bytes for memory); undefined when malformed */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return undefined;
  const m = q.trim().match(/^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const suffix = m[2] ?? '';
  return n * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** headers of one connection (RFC 9110 section 7.6.1) and the length, which a proxy sets again: never forwarded */
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'content-length',
]);
