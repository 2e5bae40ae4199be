import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { HOP_BY_HOP, JsonObject, KubeObject, deepCopy, deepEqual, isObject, kubeTime } from './fake-kube-core';
import { podTargetPort } from './fake-kube-node';
import { Store } from './fake-kube-store';
import { listenServer } from './fake-http';

/**
 * The fake cluster's network: the endpoints as kube-proxy and ingress controllers see them,
 * and one data plane that is an ingress-nginx controller and a Gateway API implementation.
 *
 * Endpoints (`Endpoints`): the addresses behind a Service are the pods it selects that are
 * Ready, not terminating (no deletionTimestamp) and have a loopback port. The data plane and
 * the API server's service proxy see Pods and Services `endpointPropagationMs` after they
 * were written (the EndpointSlice controller, kube-proxy and an ingress controller's sync all
 * lag the API): a pod that turns ready is added late, a terminating or deleted pod is removed
 * late, and a request to a pod whose container has stopped is refused (the node never gives
 * its port to another pod). 0 (the fake's default) applies every change at once.
 *
 * Data plane (`FakeDataPlane`, started with `FakeKube.dataPlane()`): one HTTP server on
 * 127.0.0.1. It programs itself from Ingresses and HTTPRoutes `configPropagationMs` after
 * they were written (ingress-nginx's sync, a gateway's xDS push). For a request it first tries
 * the HTTPRoutes attached to its Gateways, then the Ingresses of its IngressClass; nothing
 * matching is a 404. Backends resolve Service -> lagging endpoints -> pod loopback port,
 * round-robin over the endpoints.
 * - nginx (ingress-nginx annotations docs, "Canary"): the non-canary Ingress with the best
 *   host/path match (exact host, then wildcard, then none; Exact before Prefix; longest path;
 *   oldest Ingress) routes to its backend; the canary Ingress (`canary: "true"`) of the same
 *   host and path takes a request when `canary-by-header` names a header whose value is
 *   `canary-by-header-value` (without a value: "always"; "never" keeps it off the canary;
 *   any other value falls through), then by `canary-by-cookie`, then with `canary-weight`
 *   percent (of `canary-weight-total`, default 100) at random. A body over `proxy-body-size`
 *   (default 1m, as ingress-nginx) is a 413.
 * - Gateway API (HTTPRoute spec): hostnames, then the rule precedence of the spec (Exact over
 *   PathPrefix, the longest path, a method match, the most header matches, the most query
 *   matches, the oldest route, the first rule); header and query matches Exact or
 *   RegularExpression; weighted backendRefs (default weight 1, 0 gets nothing, none with a
 *   weight is a 500, as is a backendRef that is not an existing Service of the route's
 *   namespace); RequestMirror filters send a copy (percent / fraction) and ignore its answer.
 *   The gateway writes `status.parents[]` of every route it programs (controllerName
 *   `modelship.dev/fake-gateway`, Accepted and ResolvedRefs with observedGeneration of the
 *   programmed generation; ResolvedRefs False BackendNotFound / InvalidKind / RefNotPermitted)
 *   through the store's status path (resourceVersion changes, generation does not), and
 *   again when a Service of the route's namespace comes or goes.
 * - Answers of its own: no route 404, no endpoint 503, connection refused or reset 502
 *   (Envoy-based gateways answer 503 for a connect failure; here both say 502), upstream
 *   timeout 504; every answer is counted (`requests`, `stats()`).
 *
 * Deliberate deviations: no TLS, no Gateway or IngressClass objects (the options name them),
 * no Ingress defaultBackend and no Ingress status, no ReferenceGrant (a cross-namespace
 * backendRef is refused), no HTTPRoute filters but RequestMirror;
 * no keep-alive to pods (every request a new connection); nginx's proxy_next_upstream retry on
 * a refused connection happens only with `nextUpstreamTries` > 1 (ingress-nginx default: 3).
 */

export interface DataPlaneOptions {
  /** ms from a change of an Ingress or HTTPRoute in the store to the data plane routing by it and writing the HTTPRoute status (default 250) */
  configPropagationMs?: number;
  /** the IngressClass this ingress-nginx serves (default "nginx"); Ingresses without a class are served too */
  ingressClassName?: string;
  /** the Gateways this implementation programs (a parentRef without namespace means the route's); default: every Gateway parentRef */
  gateways?: Array<{ name: string; namespace?: string }>;
  /** ingress-nginx proxy-next-upstream-tries on a refused connection (default 1: no retry; ingress-nginx's own default is 3) */
  nextUpstreamTries?: number;
  /** upstream timeout, then 504 (default 60 s, nginx's proxy-read-timeout) */
  upstreamTimeoutMs?: number;
  /** random numbers in [0, 1) for weights and mirror percentages (default Math.random) */
  random?: () => number;
}

export interface DataPlaneRequest {
  /** epoch ms the request arrived */
  time: number;
  method: string;
  host: string;
  path: string;
  /** what routed it: an HTTPRoute ('gateway') or an Ingress ('ingress'); absent when nothing matched */
  via?: 'gateway' | 'ingress';
  /** `namespace/name` of the HTTPRoute or Ingress (the canary Ingress when it took the request) */
  route?: string;
  /** `namespace/name` of the backend Service */
  service?: string;
  /** the pod that answered or refused, by name */
  pod?: string;
  status: number;
  /** why the data plane answered itself: no route, no endpoints, connection refused, ... */
  error?: string;
  /** a mirrored copy (its answer was ignored; not in `stats().total`) */
  mirror?: boolean;
  durationMs: number;
}

export interface DataPlaneStats {
  /** requests answered (mirrored copies not included) */
  total: number;
  /** answers with a status of 500 or more */
  failed: number;
  byStatus: Record<string, number>;
  /** requests each pod answered or refused, by pod name */
  byPod: Record<string, number>;
  /** mirrored copies each pod received, by pod name */
  mirroredByPod: Record<string, number>;
}

export const GATEWAY_CONTROLLER = 'modelship.dev/fake-gateway';
export const NGINX_CANARY_PREFIX = 'nginx.ingress.kubernetes.io/';

const MAX_BODY = 64 * 1024 * 1024;
const MAX_LOG = 50_000;

function objKey(kind: string, ns: string, name: string): string {
  return `${kind}/${ns}/${name}`;
}

function list(v: unknown): JsonObject[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function specOf(o: KubeObject | undefined): JsonObject {
  return o && isObject(o.spec) ? o.spec : {};
}

/**
 * A copy of some kinds of the store that takes each change `delayMs` after it was written
 * (in the order written), then calls `applied`. Objects present when it starts are copied at once.
 */
export class LaggedView<T> {
  private readonly objects = new Map<string, T>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    store: Store,
    kinds: readonly string[],
    readonly delayMs: number,
    snapshot: (obj: KubeObject) => T,
    private readonly applied?: (kind: string, ns: string, name: string) => void,
  ) {
    for (const kind of kinds)
      for (const o of store.peekAll(kind))
        this.objects.set(objKey(kind, String(o.metadata.namespace), String(o.metadata.name)), snapshot(o));
    store.onChange((type, obj) => {
      const kind = String(obj.kind);
      if (this.closed || !kinds.includes(kind)) return;
      const ns = String(obj.metadata.namespace);
      const name = String(obj.metadata.name);
      const k = objKey(kind, ns, name);
      const value = type === 'DELETED' ? undefined : snapshot(obj);
      const apply = () => {
        if (value === undefined) this.objects.delete(k);
        else this.objects.set(k, value);
        this.applied?.(kind, ns, name);
      };
      if (this.delayMs <= 0) return apply();
      const t = setTimeout(() => {
        this.timers.delete(t);
        if (!this.closed) apply();
      }, this.delayMs);
      t.unref();
      this.timers.add(t);
    });
  }

  get(kind: string, ns: string, name: string): T | undefined {
    return this.objects.get(objKey(kind, ns, name));
  }

  list(kind: string, ns?: string): T[] {
    const prefix = ns === undefined ? `${kind}/` : `${kind}/${ns}/`;
    return [...this.objects].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

export interface EndpointAddress {
  namespace: string;
  /** the pod's name */
  pod: string;
  /** the loopback port the Service port reaches on the pod (absent: a port name the pod does not declare) */
  port?: number;
  /** false: the pod does not serve that port (a request is refused) */
  declared: boolean;
}

interface PodSnapshot {
  pod: KubeObject;
  loopback?: number;
}

function podServing(p: PodSnapshot): boolean {
  const st = isObject(p.pod.status) ? p.pod.status : {};
  return (
    !p.pod.metadata.deletionTimestamp &&
    p.loopback !== undefined &&
    list(st.conditions).some((c) => c.type === 'Ready' && c.status === 'True')
  );
}

/** Services and their ready pods as the data plane and the service proxy see them: `propagationMs` late */
export class Endpoints {
  private readonly pods: LaggedView<PodSnapshot>;
  private readonly services: LaggedView<KubeObject>;

  constructor(
    store: Store,
    podPort: (ns: string, name: string) => number | undefined,
    readonly propagationMs: number,
  ) {
    this.pods = new LaggedView<PodSnapshot>(store, ['Pod'], propagationMs, (pod) => ({
      pod: deepCopy(pod),
      loopback: podPort(String(pod.metadata.namespace), String(pod.metadata.name)),
    }));
    this.services = new LaggedView<KubeObject>(store, ['Service'], propagationMs, (svc) => deepCopy(svc));
  }

  service(ns: string, name: string): KubeObject | undefined {
    return this.services.get('Service', ns, name);
  }

  /** a Service's port by name or number; '' or undefined: its only port, else its unnamed one */
  static servicePort(svc: KubeObject, ref: string | number | undefined): JsonObject | undefined {
    const ports = list(specOf(svc).ports);
    if (ref === undefined || ref === '') return ports.length === 1 ? ports[0] : ports.find((p) => !p.name);
    return ports.find((p) => p.name === ref || String(p.port) === String(ref));
  }

  /** the endpoints of a Service port now, in pod name order */
  addresses(ns: string, svc: KubeObject, servicePort: JsonObject): EndpointAddress[] {
    const selector = isObject(specOf(svc).selector) ? (specOf(svc).selector as Record<string, string>) : {};
    if (Object.keys(selector).length === 0) return [];
    return this.pods
      .list('Pod', ns)
      .filter((p) => podServing(p) && Object.entries(selector).every(([k, v]) => p.pod.metadata.labels?.[k] === v))
      .map((p) => ({ p, target: podTargetPort(p.pod, servicePort.targetPort ?? servicePort.port, p.loopback) }))
      .sort((a, b) => String(a.p.pod.metadata.name).localeCompare(String(b.p.pod.metadata.name)))
      .map(({ p, target }) => ({
        namespace: ns,
        pod: String(p.pod.metadata.name),
        ...(target.port !== undefined ? { port: target.port } : {}),
        declared: target.declared,
      }));
  }

  close(): void {
    this.pods.close();
    this.services.close();
  }
}

// ---- matching helpers -----------------------------------------------------------------

function hostMatches(pattern: string, host: string): 0 | 1 | 2 {
  const p = pattern.toLowerCase();
  if (p === host) return 2;
  // a wildcard covers one or more labels in Gateway API, exactly one in Ingress; one is enough here
  if (p.startsWith('*.') && host.endsWith(p.slice(1)) && host.length > p.length - 1) return 1;
  return 0;
}

/** element-wise path prefix match (Ingress Prefix, HTTPRoute PathPrefix) */
function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/, '');
  if (p === '') return true;
  return path === p || path.startsWith(`${p}/`);
}

function regexMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

/** an nginx size ("1m", "8k", "0" = unlimited) in bytes; undefined for unlimited */
function nginxSize(v: string | undefined): number | undefined {
  const m = /^\s*(\d+)\s*([kKmMgG]?)\s*$/.exec(v ?? '1m');
  if (!m) return 1024 * 1024;
  const n = Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2].toLowerCase()];
  return n === 0 ? undefined : n;
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

function headerValue(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

const NGINX_PAGES: Record<number, string> = {
  404: '404 Not Found',
  413: '413 Request Entity Too Large',
  500: '500 Internal Server Error',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

const ENVOY_BODIES: Record<number, string> = {
  404: '',
  413: 'payload too large',
  500: '',
  502: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
  503: 'no healthy upstream',
  504: 'upstream request timeout',
};

interface Backend {
  ns: string;
  service: string;
  /** the Service port: name or number (undefined: the only one) */
  port?: string | number;
}

interface Decision {
  via: 'gateway' | 'ingress';
  route: string;
  backend?: Backend;
  /** the data plane answers itself */
  answer?: { status: number; error: string };
  mirrors: Array<Backend & { percent: number }>;
  /** bytes; undefined: no limit */
  bodyLimit?: number;
}

type Upstream =
  | { status: number; headers: http.IncomingHttpHeaders; body: Buffer }
  | { error: 'connection refused' | 'connection reset' | 'timeout'; detail: string };

export class FakeDataPlane {
  url = '';
  /** every request and mirrored copy, in order (bounded) */
  readonly requests: DataPlaneRequest[] = [];

  private readonly config: LaggedView<KubeObject>;
  private readonly server: http.Server;
  private readonly roundRobin = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly random: () => number;
  private readonly lagMs: number;
  private closed?: Promise<void>;

  constructor(
    private readonly store: Store,
    private readonly endpoints: Endpoints,
    private readonly opts: DataPlaneOptions = {},
  ) {
    this.lagMs = opts.configPropagationMs ?? 250;
    this.random = opts.random ?? Math.random;
    this.config = new LaggedView<KubeObject>(
      store,
      ['Ingress', 'HTTPRoute'],
      this.lagMs,
      (o) => deepCopy(o),
      (kind, ns, name) => {
        if (kind === 'HTTPRoute') this.writeRouteStatus(ns, name);
      },
    );
    // a gateway re-resolves the backendRefs of its routes when Services come and go
    store.onChange((type, obj) => {
      if (this.closed || obj.kind !== 'Service' || type === 'MODIFIED') return;
      const ns = String(obj.metadata.namespace);
      this.later(() => {
        for (const r of this.config.list('HTTPRoute', ns)) this.writeRouteStatus(ns, String(r.metadata.name));
      });
    });
    // routes that existed before the data plane started
    this.later(() => {
      for (const r of this.config.list('HTTPRoute')) this.writeRouteStatus(String(r.metadata.namespace), String(r.metadata.name));
    });
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1_000;
  }

  async listen(): Promise<void> {
    this.url = await listenServer(this.server);
  }

  /** counts of the requests since `since` (epoch ms; default: all kept) */
  stats(since = 0): DataPlaneStats {
    const out: DataPlaneStats = { total: 0, failed: 0, byStatus: {}, byPod: {}, mirroredByPod: {} };
    for (const r of this.requests) {
      if (r.time < since) continue;
      if (r.mirror) {
        if (r.pod) out.mirroredByPod[r.pod] = (out.mirroredByPod[r.pod] ?? 0) + 1;
        continue;
      }
      out.total++;
      if (r.status >= 500) out.failed++;
      out.byStatus[String(r.status)] = (out.byStatus[String(r.status)] ?? 0) + 1;
      if (r.pod) out.byPod[r.pod] = (out.byPod[r.pod] ?? 0) + 1;
    }
    return out;
  }

  /** forget the requests seen so far */
  reset(): void {
    this.requests.splice(0, this.requests.length);
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.config.close();
      for (const t of this.timers) clearTimeout(t);
      this.timers.clear();
      const done = new Promise<void>((r) => this.server.close(() => r()));
      this.server.closeAllConnections();
      await done;
    })();
    return this.closed;
  }

  private later(fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.closed) fn();
    }, this.lagMs);
    t.unref();
    this.timers.add(t);
  }

  // ---- the gateway's status -------------------------------------------------------------

  /** is this parentRef one of the Gateways this data plane implements? */
  private ownsParent(ref: JsonObject, routeNs: string): boolean {
    if ((ref.group ?? 'gateway.networking.k8s.io') !== 'gateway.networking.k8s.io' || (ref.kind ?? 'Gateway') !== 'Gateway') return false;
    if (!this.opts.gateways) return true;
    const ns = typeof ref.namespace === 'string' ? ref.namespace : routeNs;
    return this.opts.gateways.some((g) => g.name === ref.name && (g.namespace ?? routeNs) === ns);
  }

  private resolveRefs(route: KubeObject): { ok: true } | { ok: false; reason: string; message: string } {
    const ns = String(route.metadata.namespace);
    for (const rule of list(specOf(route).rules)) {
      const refs = [
        ...list(rule.backendRefs),
        ...list(rule.filters)
          .filter((f) => f.type === 'RequestMirror' && isObject(f.requestMirror))
          .map((f) => (f.requestMirror as JsonObject).backendRef)
          .filter(isObject),
      ];
      for (const ref of refs) {
        if ((ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service')
          return { ok: false, reason: 'InvalidKind', message: `backendRef ${String(ref.name)}: kind ${String(ref.kind)} is not supported` };
        if (typeof ref.namespace === 'string' && ref.namespace !== ns)
          return {
            ok: false,
            reason: 'RefNotPermitted',
            message: `backendRef to Service ${ref.namespace}/${String(ref.name)} is not permitted (no ReferenceGrant)`,
          };
        if (!this.store.peek('Service', ns, String(ref.name)))
          return { ok: false, reason: 'BackendNotFound', message: `Service "${ns}/${String(ref.name)}" not found` };
      }
    }
    return { ok: true };
  }

  /** status.parents[] for the version of a route this gateway programmed */
  private writeRouteStatus(ns: string, name: string): void {
    const programmed = this.config.get('HTTPRoute', ns, name);
    const stored = this.store.peek('HTTPRoute', ns, name);
    if (!programmed || !stored || stored.metadata.uid !== programmed.metadata.uid) return;
    const generation = typeof programmed.metadata.generation === 'number' ? programmed.metadata.generation : 1;
    const refs = list(specOf(programmed).parentRefs).filter((r) => this.ownsParent(r, ns));
    const prevStatus = isObject(stored.status) ? stored.status : {};
    const prevParents = list(prevStatus.parents);
    const others = prevParents.filter((p) => p.controllerName !== GATEWAY_CONTROLLER);
    const resolved = this.resolveRefs(programmed);
    const ours = refs.map((ref) => {
      const prev = prevParents.find((p) => p.controllerName === GATEWAY_CONTROLLER && deepEqual(p.parentRef, ref));
      const cond = (type: string, status: 'True' | 'False', reason: string, message: string) => {
        const old = list(prev?.conditions).find((c) => c.type === type);
        return {
          type,
          status,
          reason,
          message,
          observedGeneration: generation,
          lastTransitionTime:
            old && old.status === status && typeof old.lastTransitionTime === 'string' ? old.lastTransitionTime : kubeTime(),
        };
      };
      return {
        parentRef: deepCopy(ref),
        controllerName: GATEWAY_CONTROLLER,
        conditions: [
          cond('Accepted', 'True', 'Accepted', 'Route is accepted'),
          resolved.ok
            ? cond('ResolvedRefs', 'True', 'ResolvedRefs', 'Resolved all the Object references for the Route')
            : cond('ResolvedRefs', 'False', resolved.reason, resolved.message),
        ],
      };
    });
    this.store.putStatus('HTTPRoute', ns, name, { ...prevStatus, parents: [...others, ...ours] });
  }

  // ---- routing --------------------------------------------------------------------------

  private routeGateway(host: string, method: string, url: URL, headers: http.IncomingHttpHeaders): Decision | undefined {
    interface Candidate {
      route: KubeObject;
      rule: JsonObject;
      key: number[];
      order: string;
    }
    const candidates: Candidate[] = [];
    for (const route of this.config.list('HTTPRoute')) {
      const ns = String(route.metadata.namespace);
      const spec = specOf(route);
      if (!list(spec.parentRefs).some((r) => this.ownsParent(r, ns))) continue;
      const hostnames = Array.isArray(spec.hostnames) ? spec.hostnames.map(String) : [];
      const hostRank = hostnames.length === 0 ? 0 : Math.max(0, ...hostnames.map((h) => hostMatches(h, host)));
      if (hostnames.length > 0 && hostRank === 0) continue;
      list(spec.rules).forEach((rule, ruleIndex) => {
        const matches = list(rule.matches).length > 0 ? list(rule.matches) : [{ path: { type: 'PathPrefix', value: '/' } }];
        matches.forEach((m, matchIndex) => {
          const path = isObject(m.path) ? m.path : { type: 'PathPrefix', value: '/' };
          const type = typeof path.type === 'string' ? path.type : 'PathPrefix';
          const value = typeof path.value === 'string' ? path.value : '/';
          const pathOk =
            type === 'Exact'
              ? url.pathname === value
              : type === 'RegularExpression'
                ? regexMatches(value, url.pathname)
                : prefixMatches(value, url.pathname);
          if (!pathOk) return;
          if (typeof m.method === 'string' && m.method !== method) return;
          const hs = list(m.headers);
          for (const h of hs) {
            const v = headerValue(headers, String(h.name));
            if (v === undefined) return;
            if (h.type === 'RegularExpression' ? !regexMatches(String(h.value), v) : v !== String(h.value)) return;
          }
          const qs = list(m.queryParams);
          for (const q of qs) {
            const v = url.searchParams.get(String(q.name));
            if (v === null) return;
            if (q.type === 'RegularExpression' ? !regexMatches(String(q.value), v) : v !== String(q.value)) return;
          }
          candidates.push({
            route,
            rule,
            // larger first
            key: [hostRank, type === 'Exact' ? 2 : type === 'PathPrefix' ? 1 : 0, value.length, m.method ? 1 : 0, hs.length, qs.length],
            order: `${String(route.metadata.creationTimestamp)}\u0000${ns}/${String(route.metadata.name)}\u0000${String(ruleIndex).padStart(6, '0')}\u0000${String(matchIndex).padStart(6, '0')}`,
          });
        });
      });
    }
    if (candidates.length === 0) return undefined;
    candidates.sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
      return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
    });
    const { route, rule } = candidates[0];
    const ns = String(route.metadata.namespace);
    const decision: Decision = { via: 'gateway', route: `${ns}/${String(route.metadata.name)}`, mirrors: [] };
    for (const f of list(rule.filters)) {
      if (f.type !== 'RequestMirror' || !isObject(f.requestMirror) || !isObject(f.requestMirror.backendRef)) continue;
      const rm = f.requestMirror;
      const ref = rm.backendRef as JsonObject;
      const fraction = isObject(rm.fraction) ? rm.fraction : undefined;
      const percent =
        typeof rm.percent === 'number'
          ? rm.percent
          : fraction
            ? (100 * Number(fraction.numerator ?? 0)) / Number(fraction.denominator ?? 100)
            : 100;
      decision.mirrors.push({ ns, service: String(ref.name), port: typeof ref.port === 'number' ? ref.port : undefined, percent });
    }
    const refs = list(rule.backendRefs).map((r) => ({ r, w: typeof r.weight === 'number' ? r.weight : 1 }));
    const total = refs.reduce((n, x) => n + Math.max(0, x.w), 0);
    if (total <= 0) return { ...decision, answer: { status: 500, error: 'no backend with a weight' } };
    let pick = this.random() * total;
    const chosen = refs.find((x) => x.w > 0 && (pick -= x.w) < 0) ?? refs.filter((x) => x.w > 0).slice(-1)[0];
    const ref = chosen.r;
    if ((ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service' || (typeof ref.namespace === 'string' && ref.namespace !== ns))
      return { ...decision, answer: { status: 500, error: 'invalid backend' } };
    return { ...decision, backend: { ns, service: String(ref.name), port: typeof ref.port === 'number' ? ref.port : undefined } };
  }

  private routeIngress(host: string, url: URL, headers: http.IncomingHttpHeaders): Decision | undefined {
    interface Candidate {
      ingress: KubeObject;
      canary: boolean;
      ruleHost: string;
      pathType: string;
      path: string;
      backend: JsonObject;
      key: number[];
      order: string;
    }
    const className = this.opts.ingressClassName ?? 'nginx';
    const candidates: Candidate[] = [];
    for (const ingress of this.config.list('Ingress')) {
      const spec = specOf(ingress);
      if (spec.ingressClassName !== undefined && spec.ingressClassName !== className) continue;
      const canary = ingress.metadata.annotations?.[`${NGINX_CANARY_PREFIX}canary`] === 'true';
      for (const rule of list(spec.rules)) {
        const ruleHost = typeof rule.host === 'string' ? rule.host.toLowerCase() : '';
        const hostRank = ruleHost === '' ? 0 : hostMatches(ruleHost, host);
        if (ruleHost !== '' && hostRank === 0) continue;
        for (const p of list(isObject(rule.http) ? rule.http.paths : undefined)) {
          const pathType = typeof p.pathType === 'string' ? p.pathType : 'ImplementationSpecific';
          const path = typeof p.path === 'string' ? p.path : '/';
          const ok = pathType === 'Exact' ? url.pathname === path : prefixMatches(path, url.pathname);
          if (!ok || !isObject(p.backend)) continue;
          candidates.push({
            ingress,
            canary,
            ruleHost,
            pathType,
            path,
            backend: p.backend,
            key: [hostRank, path.length, pathType === 'Exact' ? 1 : 0],
            order: `${String(ingress.metadata.creationTimestamp)}\u0000${String(ingress.metadata.namespace)}/${String(ingress.metadata.name)}`,
          });
        }
      }
    }
    const sort = (a: Candidate, b: Candidate) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
      return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
    };
    const main = candidates.filter((c) => !c.canary).sort(sort)[0];
    if (!main) return undefined;
    const canary = candidates
      .filter(
        (c) =>
          c.canary &&
          c.ruleHost === main.ruleHost &&
          c.path === main.path &&
          c.ingress.metadata.namespace === main.ingress.metadata.namespace,
      )
      .sort(sort)[0];
    const chosen = canary && this.takesCanary(canary.ingress, headers) ? canary : main;
    const ns = String(chosen.ingress.metadata.namespace);
    const svc = isObject(chosen.backend.service) ? chosen.backend.service : undefined;
    const port = svc && isObject(svc.port) ? svc.port : {};
    const decision: Decision = {
      via: 'ingress',
      route: `${ns}/${String(chosen.ingress.metadata.name)}`,
      mirrors: [],
      bodyLimit: nginxSize(main.ingress.metadata.annotations?.[`${NGINX_CANARY_PREFIX}proxy-body-size`]),
    };
    if (!svc) return { ...decision, answer: { status: 503, error: 'no service backend' } };
    const ref = typeof port.name === 'string' ? port.name : typeof port.number === 'number' ? port.number : undefined;
    return { ...decision, backend: { ns, service: String(svc.name), port: ref } };
  }

  /** ingress-nginx's canary rules, in their documented order: by header, by cookie, by weight */
  private takesCanary(canary: KubeObject, headers: http.IncomingHttpHeaders): boolean {
    const a = canary.metadata.annotations ?? {};
    const header = a[`${NGINX_CANARY_PREFIX}canary-by-header`];
    if (header) {
      const v = headerValue(headers, header);
      const want = a[`${NGINX_CANARY_PREFIX}canary-by-header-value`];
      if (want !== undefined && want !== '') {
        if (v === want) return true;
      } else if (v === 'always') return true;
      else if (v === 'never') return false;
    }
    const cookieName = a[`${NGINX_CANARY_PREFIX}canary-by-cookie`];
    if (cookieName) {
      const v = cookie(headerValue(headers, 'cookie'), cookieName);
      if (v === 'always') return true;
      if (v === 'never') return false;
    }
    const weight = Number(a[`${NGINX_CANARY_PREFIX}canary-weight`] ?? 0);
    const total = Number(a[`${NGINX_CANARY_PREFIX}canary-weight-total`] ?? 100);
    return Number.isFinite(weight) && weight > 0 && this.random() * total < weight;
  }

  // ---- proxying -------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake-dataplane');
    const host = String(req.headers.host ?? '')
      .replace(/:\d+$/, '')
      .toLowerCase();
    const record: DataPlaneRequest = { time: started, method, host, path: url.pathname, status: 0, durationMs: 0 };
    this.log(record);
    let flavor: 'gateway' | 'ingress' = 'ingress';
    const own = (status: number, error: string) => {
      record.status = status;
      record.error = error;
      record.durationMs = Date.now() - started;
      const text = flavor === 'gateway' ? (ENVOY_BODIES[status] ?? '') : nginxPage(status);
      res.writeHead(status, {
        'content-type': flavor === 'gateway' ? 'text/plain' : 'text/html',
        'content-length': String(Buffer.byteLength(text)),
        'x-fake-dataplane-error': error,
      });
      res.end(text);
    };
    try {
      const body = await readBody(req);
      if (body === undefined) return own(413, 'body too large');
      const decision = this.routeGateway(host, method, url, req.headers) ?? this.routeIngress(host, url, req.headers);
      if (!decision) return own(404, 'no route');
      flavor = decision.via;
      record.via = decision.via;
      record.route = decision.route;
      if (decision.answer) return own(decision.answer.status, decision.answer.error);
      if (decision.bodyLimit !== undefined && body.length > decision.bodyLimit) return own(413, 'body too large');
      const headers = this.upstreamHeaders(req, host);
      for (const m of decision.mirrors)
        if (this.random() * 100 < m.percent) void this.mirror(m, method, url, { ...headers, host: `${host}-shadow` }, body);
      const backend = decision.backend as Backend;
      record.service = `${backend.ns}/${backend.service}`;
      const svc = this.endpoints.service(backend.ns, backend.service);
      if (!svc) return own(decision.via === 'gateway' ? 500 : 503, 'backend not found');
      const port = Endpoints.servicePort(svc, backend.port);
      if (!port) return own(decision.via === 'gateway' ? 500 : 503, 'no such service port');
      const tries = decision.via === 'ingress' ? Math.max(1, this.opts.nextUpstreamTries ?? 1) : 1;
      let answer: Upstream | undefined;
      for (let attempt = 0; attempt < tries; attempt++) {
        const addresses = this.endpoints.addresses(backend.ns, svc, port).filter((a) => a.port !== undefined);
        if (addresses.length === 0) return own(503, 'no endpoints');
        const addr = this.next(record.service, addresses);
        record.pod = addr.pod;
        answer = await this.forward(addr, method, `${url.pathname}${url.search}`, headers, body);
        if (!('error' in answer) || answer.error !== 'connection refused') break;
      }
      if (!answer) return own(503, 'no endpoints');
      if ('error' in answer) return own(answer.error === 'timeout' ? 504 : 502, answer.error);
      record.status = answer.status;
      record.durationMs = Date.now() - started;
      const out: http.OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(k.toLowerCase()) && v !== undefined) out[k] = v;
      out['content-length'] = String(answer.body.length);
      res.writeHead(answer.status, out);
      res.end(answer.body);
    } catch (err: unknown) {
      if (!res.headersSent) own(500, `fake data plane: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
    }
  }

  private log(r: DataPlaneRequest): void {
    this.requests.push(r);
    if (this.requests.length > MAX_LOG) this.requests.splice(0, this.requests.length - MAX_LOG);
  }

  private next(key: string, addresses: EndpointAddress[]): EndpointAddress {
    const i = (this.roundRobin.get(key) ?? 0) % addresses.length;
    this.roundRobin.set(key, i + 1);
    return addresses[i];
  }

  private upstreamHeaders(req: http.IncomingMessage, host: string): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k.toLowerCase()) && v !== undefined) headers[k] = v;
    const forwarded = headerValue(req.headers, 'x-forwarded-for');
    headers['x-forwarded-for'] = forwarded ? `${forwarded}, 127.0.0.1` : '127.0.0.1';
    headers['x-forwarded-proto'] = 'http';
    headers['x-forwarded-host'] = host;
    headers['x-real-ip'] = '127.0.0.1';
    headers['x-request-id'] ??= randomBytes(16).toString('hex');
    return headers;
  }

  private async mirror(m: Backend, method: string, url: URL, headers: http.OutgoingHttpHeaders, body: Buffer): Promise<void> {
    const record: DataPlaneRequest = {
      time: Date.now(),
      method,
      host: String(headers.host),
      path: url.pathname,
      via: 'gateway',
      service: `${m.ns}/${m.service}`,
      status: 0,
      mirror: true,
      durationMs: 0,
    };
    this.log(record);
    const svc = this.endpoints.service(m.ns, m.service);
    const port = svc ? Endpoints.servicePort(svc, m.port) : undefined;
    const addresses = svc && port ? this.endpoints.addresses(m.ns, svc, port).filter((a) => a.port !== undefined) : [];
    if (addresses.length === 0) {
      record.status = 503;
      record.error = 'no endpoints';
      return;
    }
    const addr = this.next(`${m.ns}/${m.service}`, addresses);
    record.pod = addr.pod;
    const answer = await this.forward(addr, method, `${url.pathname}${url.search}`, headers, body);
    record.durationMs = Date.now() - record.time;
    if ('error' in answer) {
      record.status = answer.error === 'timeout' ? 504 : 502;
      record.error = answer.error;
    } else record.status = answer.status;
  }

  private forward(addr: EndpointAddress, method: string, path: string, headers: http.OutgoingHttpHeaders, body: Buffer): Promise<Upstream> {
    if (addr.port === undefined || !addr.declared)
      return Promise.resolve({
        error: 'connection refused',
        detail: `pod ${addr.pod} does not serve the Service's targetPort (pods listen on their PORT only)`,
      });
    const timeout = this.opts.upstreamTimeoutMs ?? 60_000;
    return new Promise<Upstream>((resolve) => {
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: addr.port,
          method,
          path,
          headers: { ...headers, 'content-length': String(body.length) },
          agent: false,
          timeout,
        },
        (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('error', (err: Error) => resolve({ error: 'connection reset', detail: err.message }));
          up.on('end', () => resolve({ status: up.statusCode ?? 502, headers: up.headers, body: Buffer.concat(chunks) }));
        },
      );
      upstream.on('timeout', () => {
        upstream.destroy();
        resolve({ error: 'timeout', detail: `no answer within ${timeout} ms` });
      });
      upstream.on('error', (err: NodeJS.ErrnoException) =>
        resolve(
          err.code === 'ECONNREFUSED'
            ? { error: 'connection refused', detail: `connect() to 127.0.0.1:${addr.port} failed (111: Connection refused)` }
            : { error: 'connection reset', detail: err.message },
        ),
      );
      upstream.end(body);
    });
  }
}

function nginxPage(status: number): string {
  const title = NGINX_PAGES[status] ?? `${status}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** the whole request body; undefined over MAX_BODY */
function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
