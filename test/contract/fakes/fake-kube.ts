import * as fs from 'node:fs';
import * as http from 'node:http';
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import * as YAML from 'yaml';
import { DeploymentController } from './fake-kube-controller';
import { HOP_BY_HOP, JsonObject, KubeError, KubeObject, deepCopy, errors, isObject } from './fake-kube-core';
import { DataPlaneOptions, Endpoints, FakeDataPlane } from './fake-kube-dataplane';
import { EventRecorder } from './fake-kube-events';
import { HpaController } from './fake-kube-hpa';
import { FakeNode, LogQuery, parseGracePeriod } from './fake-kube-node';
import { RbacAuthorizer, RbacDenial, RbacOptions } from './fake-kube-rbac';
import { GROUP_VERSIONS, RESOURCES, ResourceDef, resourceByPath } from './fake-kube-resources';
import { HistoryEntry, Store } from './fake-kube-store';
import { listenServer } from './fake-http';

/**
 * A FAKE Kubernetes API server for contract tests, written from the public Kubernetes API
 * reference (API conventions, discovery, Server-Side Apply, JSON merge patch, the core/v1,
 * apps/v1, networking.k8s.io/v1, coordination.k8s.io/v1, autoscaling/v2 and Gateway API
 * v1 types). It is not Kubernetes: it checks what a client sends the way the API server
 * does, and simulates the deployment controller, the scheduler and a kubelet whose pods
 * are real Docker containers (see fake-kube-node.ts for the adaptations that needs).
 *
 * Plain HTTP on 127.0.0.1, bearer-token authentication, every error a `Status` object.
 * Deliberate deviations from a real API server, each one simple to see in a test:
 * - no watch (`watch=true` answers 405), no pagination (`limit`/`continue` are ignored);
 * - `application/json-patch+json` answers 415; a strategic merge patch is applied as a
 *   JSON merge patch (lists replaced);
 * - managedFields are not returned (ownership is tracked, see `managedFields()`);
 * - namespaces exist implicitly; CRD-style defaults of HTTPRoute are not applied;
 * - no finalizers; the garbage collection of a deleted Deployment's replica sets happens
 *   at once. Pods are deleted gracefully (deletionTimestamp, preStop, SIGTERM, then gone;
 *   see fake-kube-node.ts), everything else at once.
 *
 * Optional strictness: `rbac` authorises every request as the subject of a Role file's
 * RoleBinding and answers 403 Status objects as the API server does (fake-kube-rbac.ts);
 * a trivial HPA controller keeps a Deployment's replicas within its HPA's bounds
 * (fake-kube-hpa.ts); a Lease PUT without resourceVersion is refused (422).
 *
 * The cluster network (fake-kube-dataplane.ts): the service proxy and the data plane
 * (`dataPlane()`: an ingress-nginx controller and a Gateway API implementation) reach pods
 * through endpoints that lag the API by `endpointPropagationMs`.
 */

export interface FakeKubeOptions {
  /** the bearer token clients must send (a random one when not given) */
  token?: string;
  /** the node's allocatable resources (default cpu "2", memory "4Gi") */
  allocatable?: { cpu: string; memory: string };
  docker?: Docker;
  /**
   * ms the endpoints lag the API: a pod that turns ready, or starts terminating, or goes,
   * reaches the service proxy and the data plane this much later (kube-proxy, EndpointSlices
   * and ingress controllers lag in a real cluster). Default 0: at once.
   */
  endpointPropagationMs?: number;
  /**
   * RBAC mode: the token is a subject of the file's RoleBindings and every request is
   * authorised against its Roles, in every namespace (see fake-kube-rbac.ts); default off
   * (the token may do everything)
   */
  rbac?: RbacOptions;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** the request's Content-Type */
  contentType?: string;
  /** epoch ms when the request arrived */
  time: number;
}

export interface FaultOptions {
  /** Retry-After of a 429 (default 1) */
  retryAfterSeconds?: number;
  /** only requests this accepts fail (default: every request) */
  match?: (method: string, path: string) => boolean;
}

export type FaultStatus = 429 | 500 | 503;

interface Fault extends FaultOptions {
  status: number;
  remaining?: number;
  until?: number;
}

export interface KubeconfigOptions {
  file: string;
  context?: string;
  namespace?: string;
  user?: string;
}

const MAX_BODY = 8 * 1024 * 1024;
const MAX_REQUEST_LOG = 20_000;
// the API server's proxy also keeps the caller's credentials and host to itself
const PROXY_DROPPED = new Set([...HOP_BY_HOP, 'host', 'authorization']);

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-cache, private',
    ...headers,
  });
  res.end(text);
}

function baseContentType(ct: string | undefined): string {
  return (ct ?? '').split(';')[0].trim().toLowerCase();
}

/** list items are served without apiVersion and kind, as the API server does */
function listBody(r: ResourceDef, items: KubeObject[], rv: string): JsonObject {
  return {
    kind: `${r.kind}List`,
    apiVersion: r.groupVersion,
    metadata: { resourceVersion: rv },
    items: items.map((o) => {
      const { apiVersion: _a, kind: _k, ...rest } = o;
      return rest;
    }),
  };
}

export class FakeKube {
  readonly token: string;
  readonly instanceId = randomBytes(4).toString('hex');
  url = '';
  /** every API request, in order (bounded) */
  readonly requests: RequestRecord[] = [];

  private readonly store = new Store();
  private readonly events = new EventRecorder(this.store);
  private readonly controller: DeploymentController;
  private readonly hpa: HpaController;
  private readonly rbac?: RbacAuthorizer;
  private readonly node: FakeNode;
  private readonly endpoints: Endpoints;
  private plane?: FakeDataPlane;
  private readonly faults: Fault[] = [];
  private readonly roundRobin = new Map<string, number>();
  private readonly server: http.Server;
  private closed?: Promise<void>;

  constructor(opts: FakeKubeOptions = {}) {
    this.token = opts.token ?? `fake-kube-${randomBytes(16).toString('hex')}`;
    // first: a bad RBAC file throws before any controller timer starts
    if (opts.rbac) this.rbac = new RbacAuthorizer(opts.rbac);
    this.controller = new DeploymentController(this.store, this.events);
    this.hpa = new HpaController(this.store, this.events);
    this.node = new FakeNode({
      docker: opts.docker ?? new Docker(),
      store: this.store,
      events: this.events,
      instanceId: this.instanceId,
      nodeName: 'fake-node',
      allocatable: opts.allocatable ?? { cpu: '2', memory: '4Gi' },
    });
    this.endpoints = new Endpoints(this.store, (ns, name) => this.node.podPort(ns, name), opts.endpointPropagationMs ?? 0);
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 1_000;
  }

  async listen(): Promise<void> {
    this.url = await listenServer(this.server);
  }

  // ---- faults and observation ----------------------------------------------------------

  /** answer the next `count` matching requests with `status` (429 with a Retry-After header) */
  failNext(count: number, status: FaultStatus, opts: FaultOptions = {}): void {
    if (count > 0) this.faults.push({ ...opts, status, remaining: count });
  }

  /** answer every matching request with `status` for `ms`; replaces an earlier failFor of that status (0 ends it) */
  failFor(ms: number, status: FaultStatus, opts: FaultOptions = {}): void {
    for (let i = this.faults.length - 1; i >= 0; i--)
      if (this.faults[i].until !== undefined && this.faults[i].status === status) this.faults.splice(i, 1);
    if (ms > 0) this.faults.push({ ...opts, status, until: Date.now() + ms });
  }

  /** the node's allocatable resources, for the scheduler */
  setAllocatable(a: { cpu: string; memory: string }): void {
    this.node.setAllocatable(a);
  }

  /** stop a pod's container (it then restarts with a back-off); `oom` reports it as OOMKilled */
  killContainer(podName: string, opts: { oom?: boolean; namespace?: string } = {}): Promise<void> {
    return this.node.killContainer(podName, opts);
  }

  /** every stored version of an object, oldest first (deep copies); the last one is DELETED when it was deleted */
  history(kind: string, namespace: string, name: string): HistoryEntry[] {
    return this.store.history(kind, namespace, name);
  }

  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.store.get(kind, namespace, name);
  }

  /** stored objects of a kind (deep copies), in a namespace or all */
  list(kind: string, namespace?: string): KubeObject[] {
    return this.store.list(kind, namespace);
  }

  /** the requests RBAC mode denied, oldest first (empty without RBAC mode) */
  rbacDenials(): RbacDenial[] {
    return this.rbac?.denials() ?? [];
  }

  /** who owns which fields of an object (server-side apply bookkeeping) */
  managedFields(kind: string, namespace: string, name: string): Array<{ manager: string; operation: string; fields: string[] }> {
    return this.store.managedFields(kind, namespace, name);
  }

  /** requests the service proxy forwarded to a pod (deleted pods included) */
  proxiedRequests(podName: string, namespace?: string): number {
    return this.node.proxiedRequests(podName, namespace);
  }

  /** the loopback port a pod's container listens on (its PORT) */
  podPort(podName: string, namespace: string): number | undefined {
    return this.node.podPort(namespace, podName);
  }

  /**
   * Start the cluster's data plane, once: an ingress-nginx controller and a Gateway API
   * implementation on 127.0.0.1 (`url`), closed with the fake (see fake-kube-dataplane.ts)
   */
  async dataPlane(opts: DataPlaneOptions = {}): Promise<FakeDataPlane> {
    if (this.plane) throw new Error('fake-kube: the data plane is started already');
    const plane = new FakeDataPlane(this.store, this.endpoints, opts);
    this.plane = plane;
    await plane.listen();
    return plane;
  }

  /** write a kubeconfig for this server (client-node's KubeConfig.loadFromFile reads it); returns the file */
  kubeconfig(o: KubeconfigOptions): string {
    const context = o.context ?? 'fake-kube';
    const user = o.user ?? 'fake-kube-user';
    const doc = {
      apiVersion: 'v1',
      kind: 'Config',
      preferences: {},
      // client-node 1.x refuses an http: server unless TLS verification is marked skipped
      clusters: [{ name: 'fake-kube', cluster: { server: this.url, 'insecure-skip-tls-verify': true } }],
      users: [{ name: user, user: { token: this.token } }],
      contexts: [{ name: context, context: { cluster: 'fake-kube', user, ...(o.namespace ? { namespace: o.namespace } : {}) } }],
      'current-context': context,
    };
    fs.writeFileSync(o.file, YAML.stringify(doc), { mode: 0o600 });
    return o.file;
  }

  /** stop the server, the controllers and every container of this instance */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.controller.close();
      this.hpa.close();
      const serverClosed = new Promise<void>((r) => this.server.close(() => r()));
      this.server.closeAllConnections();
      await this.plane?.close();
      this.endpoints.close();
      await this.node.close();
      await serverClosed;
    })();
    return this.closed;
  }

  // ---- HTTP ----------------------------------------------------------------------------

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://fake-kube');
    const method = req.method ?? 'GET';
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
      time: started,
    };
    this.requests.push(record);
    if (this.requests.length > MAX_REQUEST_LOG) this.requests.splice(0, this.requests.length - MAX_REQUEST_LOG);
    res.on('finish', () => (record.status = res.statusCode));
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const fail = (err: unknown) => {
        if (res.headersSent) return void res.end();
        const e = err instanceof KubeError ? err : errors.internal(err instanceof Error ? err.message : String(err));
        json(res, e.code, e.toStatus(), e.headers);
      };
      try {
        if (tooLarge) throw new KubeError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_BODY}`);
        this.authenticate(req);
        this.injectFault(method, url.pathname);
        // authorization after priority and fairness (429), as the API server's filter chain orders them
        this.rbac?.authorize(method, url, req.headers['content-type'], (kind, ns, name) => this.store.peek(kind, ns, name) !== undefined);
        const p = this.route(req, res, method, url, body);
        if (p) p.catch(fail);
      } catch (err: unknown) {
        fail(err);
      }
    });
  }

  private authenticate(req: http.IncomingMessage): void {
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${this.token}`) throw new KubeError(401, 'Unauthorized', 'Unauthorized');
  }

  private injectFault(method: string, path: string): void {
    const now = Date.now();
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i];
      if (f.until !== undefined && f.until <= now) {
        this.faults.splice(i--, 1);
        continue;
      }
      if (f.match && !f.match(method, path)) continue;
      if (f.remaining !== undefined && --f.remaining <= 0) this.faults.splice(i--, 1);
      const reason =
        f.status === 429 ? 'TooManyRequests' : f.status === 503 ? 'ServiceUnavailable' : f.status === 500 ? 'InternalError' : 'Unknown';
      const retryAfter = f.retryAfterSeconds ?? 1;
      const message =
        f.status === 429
          ? 'the server has received too many requests and has asked us to try again later (fake-kube fault injection)'
          : f.status === 503
            ? 'the server is currently unable to handle the request (fake-kube fault injection)'
            : 'an error on the server ("fake-kube fault injection") has prevented the request from succeeding';
      throw new KubeError(
        f.status,
        reason,
        message,
        f.status === 429 ? { retryAfterSeconds: retryAfter } : undefined,
        f.status === 429 ? { 'retry-after': String(retryAfter) } : {},
      );
    }
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse, method: string, url: URL, body: Buffer): Promise<void> | void {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const address = this.url.replace(/^http:\/\//, '');

    // health and discovery
    if (['/healthz', '/livez', '/readyz'].includes(path)) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('ok');
    }
    if (path === '/version') {
      if (method !== 'GET') throw errors.methodNotAllowed();
      return json(res, 200, {
        major: '1',
        minor: '31',
        gitVersion: 'v1.31.0+fake-kube',
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2024-08-13T00:00:00Z',
        goVersion: 'go1.22.5',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
    }
    if (path === '/api')
      return json(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: address }],
      });
    if (path === '/apis') return json(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: this.groups() });
    if (parts[0] === 'apis' && parts.length === 2) {
      const g = this.groups().find((x) => x.name === parts[1]);
      if (!g) throw new KubeError(404, 'NotFound', 'the server could not find the requested resource');
      return json(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...g });
    }
    const gvLen = parts[0] === 'api' ? 2 : parts[0] === 'apis' ? 3 : 0;
    const groupVersion = parts[0] === 'api' ? parts[1] : `${parts[1]}/${parts[2]}`;
    if (!gvLen || !GROUP_VERSIONS.includes(groupVersion))
      throw new KubeError(404, 'NotFound', 'the server could not find the requested resource');
    if (parts.length === gvLen) return json(res, 200, this.resourceList(groupVersion));
    const rest = parts.slice(gvLen);

    // namespaces exist implicitly
    if (groupVersion === 'v1' && rest[0] === 'namespaces' && rest.length <= 2) {
      if (method !== 'GET')
        throw errors.methodNotAllowed('fake-kube namespaces exist implicitly: they cannot be created, changed or deleted');
      const ns = (name: string) => ({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      });
      if (rest.length === 2) return json(res, 200, ns(rest[1]));
      const names = [
        ...new Set([
          'default',
          'kube-system',
          ...RESOURCES.filter((r) => !r.subresourceOnly).flatMap((r) =>
            this.store.peekAll(r.kind).map((o) => String(o.metadata.namespace)),
          ),
        ]),
      ].sort();
      return json(res, 200, {
        kind: 'NamespaceList',
        apiVersion: 'v1',
        metadata: { resourceVersion: this.store.resourceVersion },
        items: names.map((n) => ({ metadata: ns(n).metadata, spec: ns(n).spec, status: ns(n).status })),
      });
    }
    // lists across namespaces: /api/v1/pods
    if (rest.length === 1) {
      const r = resourceByPath(groupVersion, rest[0]);
      if (!r) throw new KubeError(404, 'NotFound', 'the server could not find the requested resource');
      if (method !== 'GET') throw errors.methodNotAllowed();
      return this.listAll(res, r, url.searchParams);
    }
    if (rest[0] !== 'namespaces' || rest.length < 3)
      throw new KubeError(404, 'NotFound', 'the server could not find the requested resource');
    const ns = rest[1];
    const plural = rest[2];
    if (groupVersion === 'v1' && plural === 'services' && rest.length >= 5 && rest[4] === 'proxy') {
      const sub = url.pathname
        .split('/')
        .slice(gvLen + 1 + 5)
        .join('/');
      return this.proxy(req, res, ns, rest[3], sub, url, body);
    }
    if (groupVersion === 'v1' && plural === 'pods' && rest.length === 5 && rest[4] === 'log') {
      if (method !== 'GET') throw errors.methodNotAllowed();
      return this.podLog(res, ns, rest[3], url.searchParams);
    }
    const r = resourceByPath(groupVersion, plural);
    if (!r) throw new KubeError(404, 'NotFound', 'the server could not find the requested resource');
    if (rest.length === 5 && rest[4] === 'status' && method === 'GET') return json(res, 200, this.store.read(r, ns, rest[3]));
    if (rest.length > 4) throw new KubeError(404, 'NotFound', 'the server could not find the requested resource');
    const name = rest[3];
    const readOnly = !r.verbs.includes('create');
    const manager = url.searchParams.get('fieldManager') ?? (String(req.headers['user-agent'] ?? '').split('/')[0] || 'unknown');
    const dryRun = url.searchParams.get('dryRun') === 'All';
    if (url.searchParams.has('dryRun') && !dryRun)
      throw errors.badRequest(`Invalid dry run value: ${String(url.searchParams.get('dryRun'))}`);
    const parseBody = (): unknown => {
      const ct = baseContentType(req.headers['content-type']);
      const text = body.toString('utf8');
      if (ct === 'application/json') {
        try {
          return JSON.parse(text) as unknown;
        } catch (err: unknown) {
          throw errors.badRequest(`error decoding the request body as JSON: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      if (ct === 'application/yaml') {
        try {
          return YAML.parse(text) as unknown;
        } catch (err: unknown) {
          throw errors.badRequest(`error decoding the request body as YAML: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      throw new KubeError(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (got ${JSON.stringify(req.headers['content-type'] ?? '')})`,
      );
    };

    if (name === undefined) {
      if (method === 'GET') {
        if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1')
          throw errors.methodNotAllowed('fake-kube does not implement watch');
        return json(res, 200, listBody(r, this.store.listFiltered(r, ns, url.searchParams), this.store.resourceVersion));
      }
      if (method === 'POST' && !readOnly) return json(res, 201, this.store.create(r, ns, parseBody(), { manager, dryRun }));
      if (method === 'DELETE' && r.verbs.includes('deletecollection')) {
        const deleted = this.store
          .listFiltered(r, ns, url.searchParams)
          .map((o) => this.store.delete(r, ns, String(o.metadata.name), new URLSearchParams(), dryRun));
        return json(res, 200, listBody(r, deleted, this.store.resourceVersion));
      }
      throw errors.methodNotAllowed();
    }
    if (method === 'GET') return json(res, 200, this.store.read(r, ns, name));
    if (readOnly) throw errors.methodNotAllowed();
    if (method === 'PUT') return json(res, 200, this.store.replace(r, ns, name, parseBody(), { manager, dryRun }));
    if (method === 'PATCH') {
      const ct = baseContentType(req.headers['content-type']);
      const { obj, created } = this.store.patch(r, ns, name, ct, body.toString('utf8'), url.searchParams, {
        manager: ct === 'application/apply-patch+yaml' ? (url.searchParams.get('fieldManager') ?? '') : manager,
        dryRun,
      });
      return json(res, created ? 201 : 200, obj);
    }
    if (method === 'DELETE') {
      let options: unknown = {};
      if (body.length > 0) {
        try {
          options = JSON.parse(body.toString('utf8')) as unknown;
        } catch {
          throw errors.badRequest('the DeleteOptions body must be JSON');
        }
      }
      const q = new URLSearchParams(url.searchParams);
      if (isObject(options) && isObject(options.preconditions)) {
        if (typeof options.preconditions.uid === 'string') q.set('preconditions.uid', options.preconditions.uid);
        if (typeof options.preconditions.resourceVersion === 'string')
          q.set('preconditions.resourceVersion', options.preconditions.resourceVersion);
      }
      const dry = dryRun || (isObject(options) && Array.isArray(options.dryRun) && options.dryRun.includes('All'));
      // pods terminate gracefully (fake-kube-node.ts takes Store.remove over for them); an explicit
      // grace period goes to the node once the store has checked the preconditions
      const grace =
        r.kind === 'Pod'
          ? parseGracePeriod((isObject(options) ? options.gracePeriodSeconds : undefined) ?? q.get('gracePeriodSeconds'))
          : undefined;
      let gone: KubeObject;
      if (grace !== undefined && !dry) {
        gone = this.store.delete(r, ns, name, q, true);
        gone = this.node.deletePod(ns, name, grace) ?? gone;
      } else gone = this.store.delete(r, ns, name, q, dry);
      // pods are deleted gracefully in Kubernetes, which answers with the object; the rest answer Success
      if (r.kind === 'Pod') return json(res, 200, gone);
      return json(res, 200, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name, ...(r.group ? { group: r.group } : {}), kind: r.plural, uid: gone.metadata.uid },
      });
    }
    throw errors.methodNotAllowed();
  }

  private groups(): Array<{
    name: string;
    versions: Array<{ groupVersion: string; version: string }>;
    preferredVersion: { groupVersion: string; version: string };
  }> {
    const out = new Map<
      string,
      {
        name: string;
        versions: Array<{ groupVersion: string; version: string }>;
        preferredVersion: { groupVersion: string; version: string };
      }
    >();
    for (const r of RESOURCES) {
      if (!r.group) continue;
      const gv = { groupVersion: r.groupVersion, version: r.version };
      const g = out.get(r.group) ?? { name: r.group, versions: [], preferredVersion: gv };
      if (!g.versions.some((v) => v.groupVersion === gv.groupVersion)) g.versions.push(gv);
      out.set(r.group, g);
    }
    return [...out.values()];
  }

  private resourceList(groupVersion: string): JsonObject {
    const resources: JsonObject[] = RESOURCES.filter((r) => r.groupVersion === groupVersion).map((r) => ({
      name: r.plural,
      singularName: r.singular,
      namespaced: true,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
    }));
    if (groupVersion === 'v1')
      resources.push({
        name: 'namespaces',
        singularName: 'namespace',
        namespaced: false,
        kind: 'Namespace',
        verbs: ['get', 'list'],
        shortNames: ['ns'],
      });
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
  }

  private listAll(res: http.ServerResponse, r: ResourceDef, q: URLSearchParams): void {
    const namespaces = [...new Set(this.store.peekAll(r.kind).map((o) => String(o.metadata.namespace)))].sort();
    const items = namespaces.flatMap((ns) => this.store.listFiltered(r, ns, q));
    json(res, 200, listBody(r, items, this.store.resourceVersion));
  }

  private async podLog(res: http.ServerResponse, ns: string, name: string, q: URLSearchParams): Promise<void> {
    const int = (k: string): number | undefined => {
      const v = q.get(k);
      if (v === null) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0)
        throw errors.badRequest(`PodLogOptions "${name}" is invalid: ${k}: Invalid value: ${v}: must be greater than or equal to 0`);
      return n;
    };
    const query: LogQuery = {
      ...(q.get('container') ? { container: q.get('container') as string } : {}),
      previous: q.get('previous') === 'true',
      tailLines: int('tailLines'),
      limitBytes: int('limitBytes'),
      sinceSeconds: int('sinceSeconds'),
      timestamps: q.get('timestamps') === 'true',
    };
    const text = await this.node.logs(ns, name, query);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  }

  /** the API server's service proxy: `services/{[scheme:]name[:port]}/proxy/{path}` to a ready pod */
  private async proxy(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    ns: string,
    spec: string,
    subPath: string,
    url: URL,
    body: Buffer,
  ): Promise<void> {
    const segs = spec.split(':');
    const [scheme, name, portRef] = segs.length === 3 ? segs : segs.length === 2 ? ['', segs[0], segs[1]] : ['', segs[0], ''];
    if (scheme && scheme !== 'http')
      throw new KubeError(503, 'ServiceUnavailable', `fake-kube's service proxy speaks http only (asked for ${scheme})`);
    if (!this.store.peek('Service', ns, name)) throw errors.notFound('services', '', name);
    const noEndpoints = () => new KubeError(503, 'ServiceUnavailable', `no endpoints available for service "${name}"`);
    // the Service and its ready pods as the endpoints see them (endpointPropagationMs late)
    const svc = this.endpoints.service(ns, name);
    const port = svc ? Endpoints.servicePort(svc, portRef) : undefined;
    if (!svc || !port) throw noEndpoints();
    const ready = this.endpoints.addresses(ns, svc, port);
    if (ready.length === 0) throw noEndpoints();
    const key = `${ns}/${name}`;
    const index = (this.roundRobin.get(key) ?? 0) % ready.length;
    this.roundRobin.set(key, index + 1);
    const target = ready[index];
    if (target.port === undefined) throw noEndpoints();
    if (!target.declared)
      throw new KubeError(
        503,
        'ServiceUnavailable',
        `error trying to reach service: dial tcp 127.0.0.1:${target.port}: connect: connection refused (fake-kube: targetPort ${JSON.stringify(port.targetPort ?? port.port)} is not a containerPort the pod declares; pods listen on their PORT only)`,
      );
    this.node.countProxied(ns, target.pod);
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!PROXY_DROPPED.has(k.toLowerCase()) && v !== undefined) headers[k] = v;
    headers['content-length'] = String(body.length);
    headers['x-forwarded-uri'] = url.pathname;
    await new Promise<void>((resolve) => {
      const upstream = http.request(
        { host: '127.0.0.1', port: target.port, method: req.method, path: `/${subPath}${url.search}`, headers, timeout: 120_000 },
        (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('error', () => resolve());
          up.on('end', () => {
            const out = Buffer.concat(chunks);
            const h: http.OutgoingHttpHeaders = {};
            for (const [k, v] of Object.entries(up.headers)) if (!PROXY_DROPPED.has(k.toLowerCase()) && v !== undefined) h[k] = v;
            h['content-length'] = String(out.length);
            res.writeHead(up.statusCode ?? 502, h);
            res.end(out);
            resolve();
          });
        },
      );
      upstream.on('timeout', () => upstream.destroy(new Error('timeout awaiting response headers')));
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        if (!res.headersSent) {
          const detail = err.code === 'ECONNREFUSED' ? `dial tcp 127.0.0.1:${target.port}: connect: connection refused` : err.message;
          const e = new KubeError(503, 'ServiceUnavailable', `error trying to reach service: ${detail}`);
          json(res, 503, e.toStatus());
        } else res.destroy();
        resolve();
      });
      upstream.end(body);
    });
  }
}

export async function startFakeKube(opts: FakeKubeOptions = {}): Promise<FakeKube> {
  const fake = new FakeKube(opts);
  await fake.listen();
  return fake;
}

export type { HistoryEntry, KubeObject };
export { deepCopy };
