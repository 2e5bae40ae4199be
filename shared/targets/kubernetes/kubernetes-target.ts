import { randomUUID } from 'node:crypto';
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { KubernetesRouting, KubernetesTargetConfig } from '../../config/types';
import { DeploymentCounters, MetricsSnapshot, MetricsSource, emptyCounters, recordRequest } from '../../analysis/metrics';
import {
  DEPLOYMENT_HEADER,
  DeploymentInfo,
  DeploymentSpec,
  EndpointLocker,
  EndpointRecord,
  EndpointState,
  ScoreRequest,
  ScoreResponse,
  Target,
} from '../target';
import { EndpointStore, StoredState } from './endpoint-store';
import { KubeApi } from './kube-api';
import { CONFIGMAP_KIND, DEPLOYMENT_KIND, HPA_KIND, ObjectKind, SECRET_KIND, SERVICE_KIND } from './kinds';
import { LeaseLock } from './lease';
import { LABELS, endpointLabels, endpointNames, selector } from './names';
import { PORT_NAME, autoscalerObject, deploymentServiceObject, pullSecretObject } from './objects';
import { deploymentProgress } from './readiness';
import { ROUTERS, RoutingScope, TrafficRouter, WeightChange } from './routing';
import { Workloads, specOf } from './workloads';

/**
 * The Kubernetes target: per deployment a Deployment and a Service; per endpoint the
 * routing objects of its routing mode (./routing), a ConfigMap holding the weights and the
 * rollout record (EndpointStore), and a Lease as the command lock (LeaseLock). It is also
 * the MetricsSource when no Prometheus is configured: it measures the requests it sends
 * itself (smoke, probe and shadow traffic), and says that this is all it sees.
 */
export interface EndpointPlacement {
  namespace: string;
  routing: KubernetesRouting;
  /** replicas of a deployment that serves (the stable one keeps them during a canary) */
  replicas: number;
  /** an HPA per deployment */
  autoscale?: KubernetesTargetConfig['autoscale'];
  /** base URL reaching the pods from the runner, instead of the service proxy */
  url?: string;
}

export interface PullCredential {
  registry: string;
  username: string;
  password: string;
}

export interface KubernetesTargetOptions {
  api: KubeApi;
  endpoints: Record<string, EndpointPlacement>;
  config: KubernetesTargetConfig;
  containerPort: number;
  scorePath: string;
  /** the registry credential the cluster pulls `image` with (config.pullCredential); undefined: none */
  pullCredential?: (image: string) => Promise<PullCredential | undefined>;
  log: (line: string) => void;
  /** how long a Lease lasts without renewal (a killed command blocks the next one at most this long) */
  leaseSeconds?: number;
  /** the Lease was lost: stop at the next step boundary */
  onLockLost?: (reason: string) => void;
  pollMs?: number;
  now?: () => Date;
}

/** what the analysis cannot see when it has only modelship's own requests */
export const PROBE_ONLY_LIMITATION =
  "the analysis sees only modelship's own probe traffic (replayed smoke bodies), not the live requests: a version that fails only on some real inputs can pass. Set target.kubernetes.prometheus to judge live traffic";

export class KubernetesTarget implements Target, MetricsSource, EndpointLocker {
  readonly description: string;
  readonly limitation = PROBE_ONLY_LIMITATION;
  private readonly api: KubeApi;
  private readonly store: EndpointStore;
  private readonly workloads: Workloads;
  private readonly counters = new Map<string, Record<string, DeploymentCounters>>();
  private readonly epoch = randomUUID();
  private readonly weights = new Map<string, { at: number; traffic: Record<string, number> }>();
  /** endpoints whose URL answered without reaching a deployment (said once) */
  private readonly unreached = new Set<string>();
  private readonly pollMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: KubernetesTargetOptions) {
    this.api = options.api;
    this.pollMs = options.pollMs ?? 1000;
    this.now = options.now ?? (() => new Date());
    this.description = `kubernetes ${options.api.where}`;
    this.store = new EndpointStore(options.api);
    this.workloads = new Workloads({
      api: options.api,
      config: options.config,
      containerPort: options.containerPort,
      log: options.log,
      pollMs: this.pollMs,
    });
  }

  // ---- Target --------------------------------------------------------------------------

  async state(endpoint: string): Promise<EndpointState> {
    const placement = this.placement(endpoint);
    const [stored, deployments, pods] = await Promise.all([
      this.store.read(endpoint, placement.namespace),
      this.workloads.byName(endpoint, placement.namespace),
      this.api.pods(placement.namespace, selector(endpointLabels(endpoint))),
    ]);
    // the API server's creation times order them, never a runner's clock
    const infos = [...deployments.values()].map((d) => this.info(d, pods)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const names = new Set(infos.map((d) => d.name));
    const traffic = Object.fromEntries(Object.entries(stored.traffic).filter(([n]) => names.has(n)));
    const mirror = Object.fromEntries(Object.entries(stored.mirror).filter(([n]) => names.has(n)));
    return { endpoint, url: this.endpointUrl(endpoint), deployments: infos, traffic, mirror, record: stored.record };
  }

  /** replica-ratio routing cannot give every weight exactly: the engine then checks which deployments take traffic */
  approximateWeights(endpoint: string): boolean {
    return !this.router(endpoint).exactWeights;
  }

  async createDeployment(endpoint: string, spec: DeploymentSpec): Promise<void> {
    const placement = this.placement(endpoint);
    const pullSecret = await this.ensurePullSecret(endpoint, spec);
    // replicas routing: a new deployment starts outside the pool with one pod; setTraffic sizes it
    const replicas = placement.autoscale ? undefined : placement.routing === 'replicas' ? 1 : placement.replicas;
    await this.api.apply(deploymentServiceObject(endpoint, placement.namespace, spec));
    const applied = await this.workloads.apply({
      endpoint,
      namespace: placement.namespace,
      spec,
      replicas,
      inPool: false,
      pullSecret,
      createdAt: this.now().toISOString(),
    });
    if (placement.autoscale) await this.api.apply(autoscalerObject(endpoint, placement.namespace, spec, placement.autoscale));
    this.options.log(
      `${endpoint}: Deployment ${applied.metadata?.namespace}/${applied.metadata?.name} applied (${spec.image}); waiting for it to be ready`,
    );
    await this.workloads.waitReady(endpoint, placement.namespace, spec.name, spec.readyTimeout);
    // ready pods are not yet endpoints of its Service: smoke and probe requests through it wait for them
    await this.awaitRouted(endpoint, spec, { service: endpointNames(endpoint).deployment(spec.name) });
    // reachable with the deployment header before it has any weight (preview, probe and shadow traffic)
    const { change } = await this.current(endpoint);
    if (!Object.values(change.traffic).some((w) => w > 0)) return;
    const routed = await this.router(endpoint).setHeaderRoute(this.scope(endpoint), spec.name, change);
    if (routed && placement.url) await this.awaitRouted(endpoint, spec, { url: placement.url, byHeader: true });
  }

  /**
   * Routing changes reach the data plane after the API server accepted them (ingress sync,
   * gateway push, Endpoints following pods): ask it, on the readiness path, until `spec`'s
   * deployment answers, so that probe, shadow and live traffic reach what they should from
   * their first request. `via`: the endpoint's URL with or without the deployment header,
   * or the API server's service proxy to a Service (the deployment's own, or the pool).
   */
  private async awaitRouted(
    endpoint: string,
    spec: DeploymentSpec,
    via: { url: string; byHeader: boolean } | { service: string },
  ): Promise<void> {
    const placement = this.placement(endpoint);
    const where = 'url' in via ? `${via.url}${spec.readyPath}` : `Service ${placement.namespace}/${via.service}`;
    const what = 'url' in via && via.byHeader ? `requests with the deployment header '${spec.name}'` : 'requests';
    const ask = async (): Promise<{ status: number; answeredBy?: string }> => {
      if ('url' in via) {
        const res = await fetch(`${via.url}${spec.readyPath}`, {
          headers: via.byHeader ? { [DEPLOYMENT_HEADER]: spec.name } : {},
          signal: AbortSignal.timeout(5_000),
        });
        await res.arrayBuffer();
        return { status: res.status, answeredBy: res.headers.get(DEPLOYMENT_HEADER) ?? undefined };
      }
      const res = await this.api.proxy(placement.namespace, via.service, PORT_NAME, {
        method: 'GET',
        path: spec.readyPath,
        timeoutMs: 5_000,
      });
      const header = res.headers[DEPLOYMENT_HEADER];
      return { status: res.status, answeredBy: Array.isArray(header) ? header[0] : header };
    };
    const timeoutMs = Math.max(30_000, this.options.config.scaleDownDelay);
    const started = Date.now();
    let seen = 'no answer yet';
    while (Date.now() - started < timeoutMs) {
      try {
        const { status, answeredBy } = await ask();
        if (answeredBy === spec.name) {
          const took = Date.now() - started;
          // said when it had to wait: the lag of this cluster's data plane
          if (took > 0 && seen !== 'no answer yet')
            this.options.log(`${endpoint}: ${where} routes ${what} to '${spec.name}' (after ${took} ms)`);
          return;
        }
        seen = `${status}${answeredBy ? ` from '${answeredBy}'` : ' without a deployment header'}`;
      } catch (err: unknown) {
        seen = err instanceof Error ? err.message : String(err);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(
      `${where} does not route ${what} to '${spec.name}' after ${Math.round(timeoutMs / 1000)} s (last: ${seen}): ${'url' in via ? 'check target.kubernetes.url, the ingress class or Gateway, and the host names' : "check the Service's endpoints (kubectl get endpointslices)"}`,
    );
  }

  async deleteDeployment(endpoint: string, name: string): Promise<void> {
    const placement = this.placement(endpoint);
    const { stored, change } = await this.current(endpoint);
    if ((stored.traffic[name] ?? 0) > 0)
      throw new Error(`refusing to delete '${name}' on ${endpoint}: it still takes ${stored.traffic[name]}% of traffic`);
    await this.waitDrained(endpoint, name, stored);
    await this.router(endpoint).forget(this.scope(endpoint), name, change);
    const objectName = endpointNames(endpoint).deployment(name);
    if (placement.autoscale) await this.api.delete({ ...HPA_KIND, namespace: placement.namespace, name: objectName });
    await this.api.delete({ ...DEPLOYMENT_KIND, namespace: placement.namespace, name: objectName });
    await this.api.delete({ ...SERVICE_KIND, namespace: placement.namespace, name: objectName });
    await this.store.write(endpoint, placement.namespace, {
      ...stored,
      traffic: without(stored.traffic, name),
      mirror: without(stored.mirror, name),
      drainedAt: without(stored.drainedAt, name),
    });
    const counters = this.counters.get(endpoint);
    if (counters) delete counters[name];
  }

  async setTraffic(
    endpoint: string,
    traffic: Record<string, number>,
    mirror: Record<string, number> = {},
  ): Promise<Record<string, number>> {
    const placement = this.placement(endpoint);
    const router = this.router(endpoint);
    const total = Object.values(traffic).reduce((a, b) => a + b, 0);
    if (total !== 100) throw new Error(`weights must sum to 100 (got ${JSON.stringify(traffic)})`);
    if (!router.canMirror && Object.values(mirror).some((m) => m > 0))
      throw new Error(`routing '${router.mode}' cannot mirror a share of requests`);
    const { stored, change } = await this.current(endpoint, traffic, mirror);
    for (const name of [...Object.keys(traffic), ...Object.keys(mirror)]) {
      if (!change.deployments.has(name)) throw new Error(`no deployment '${name}' on ${endpoint}`);
    }
    const scope = this.scope(endpoint);
    const share = await router.setWeights(scope, change);
    try {
      await router.verify(scope, Math.max(30_000, this.options.config.scaleDownDelay));
    } catch (err: unknown) {
      // a rollback restores what the API server holds even when the data plane is slow to say so
      if (!change.restoring) throw err;
      this.options.log(`${endpoint}: ${err instanceof Error ? err.message : String(err)} (traffic restored on the API server anyway)`);
    }
    // all traffic on one deployment (a first deployment, a promotion): wait until the data plane serves it
    const sole = Object.entries(share).filter(([, w]) => w > 0);
    const only = sole.length === 1 && !change.restoring ? change.deployments.get(sole[0][0]) : undefined;
    if (only && router.mode === 'replicas') await this.awaitRouted(endpoint, specOf(only), { service: endpointNames(endpoint).route });
    else if (only && placement.url) await this.awaitRouted(endpoint, specOf(only), { url: placement.url, byHeader: false });
    const drainedAt = { ...stored.drainedAt };
    const at = this.now().toISOString();
    for (const name of change.deployments.keys()) {
      if ((share[name] ?? 0) > 0 || (router.canMirror && (mirror[name] ?? 0) > 0)) delete drainedAt[name];
      else if ((stored.traffic[name] ?? 0) > 0 || (stored.mirror[name] ?? 0) > 0) drainedAt[name] = at;
    }
    await this.store.write(endpoint, placement.namespace, { ...stored, traffic: share, mirror: router.canMirror ? mirror : {}, drainedAt });
    this.weights.delete(endpoint);
    return share;
  }

  async setRecord(endpoint: string, record: EndpointRecord): Promise<void> {
    const placement = this.placement(endpoint);
    const stored = await this.store.read(endpoint, placement.namespace);
    await this.store.write(endpoint, placement.namespace, { ...stored, record });
  }

  async score(endpoint: string, req: ScoreRequest): Promise<ScoreResponse> {
    const placement = this.placement(endpoint);
    const started = performance.now();
    let deployment = req.deployment;
    let status: number;
    let body: string;
    let answeredBy: string | undefined;
    // a request for one deployment goes through the URL only where the routing has header routes
    const viaUrl = placement.url !== undefined && (deployment === undefined || placement.routing !== 'replicas');
    try {
      if (viaUrl) {
        const res = await fetch(`${placement.url}${this.options.scorePath}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(deployment ? { [DEPLOYMENT_HEADER]: deployment } : {}) },
          body: req.body,
          signal: AbortSignal.timeout(req.timeoutMs),
        });
        status = res.status;
        body = await res.text();
        answeredBy = res.headers.get(DEPLOYMENT_HEADER) ?? undefined;
      } else {
        if (!deployment && placement.routing !== 'replicas') deployment = await this.pickByWeight(endpoint);
        const names = endpointNames(endpoint);
        const service = deployment ? names.deployment(deployment) : names.route;
        const res = await this.api.proxy(placement.namespace, service, PORT_NAME, {
          method: 'POST',
          path: this.options.scorePath,
          body: req.body,
          timeoutMs: req.timeoutMs,
        });
        status = res.status;
        body = res.body;
        const header = res.headers[DEPLOYMENT_HEADER];
        answeredBy = Array.isArray(header) ? header[0] : header;
      }
    } catch (err: unknown) {
      status = 0;
      body = err instanceof Error ? err.message : String(err);
    }
    const latencyMs = performance.now() - started;
    // who answered, as the pod says: through an ingress a request may not reach the one it named,
    // and a 4xx without the header came from the ingress itself (no rule for this host or path)
    const reachedNobody = viaUrl && answeredBy === undefined && status >= 400 && status < 500;
    if (reachedNobody && !this.unreached.has(endpoint)) {
      this.unreached.add(endpoint);
      this.options.log(
        `${endpoint}: a request through ${placement.url} was answered ${status} by something other than a deployment (no deployment header): it is not counted for any; check target.kubernetes.url and the ingress host / HTTPRoute hostnames`,
      );
    }
    const who = reachedNobody ? undefined : (answeredBy ?? deployment);
    if (who) this.count(endpoint, who, latencyMs, status === 0 || status >= 500);
    if (status === 0) throw new Error(`scoring request to ${endpoint}${who ? ` ('${who}')` : ''} failed: ${body}`);
    return { status, body, deployment: answeredBy ?? deployment, latencyMs };
  }

  async destroy(endpoint: string): Promise<void> {
    const placement = this.placement(endpoint);
    const labelSelector = selector(endpointLabels(endpoint));
    // only the kinds this endpoint's settings use: the Role may grant nothing else
    const kinds: ObjectKind[] = [
      ...(placement.autoscale ? [HPA_KIND] : []),
      ...this.router(endpoint).kinds,
      DEPLOYMENT_KIND,
      SERVICE_KIND,
      CONFIGMAP_KIND,
    ];
    for (const kind of kinds) {
      const items = await this.api.list(kind.apiVersion, kind.kind, placement.namespace, labelSelector);
      for (const item of items) await this.api.delete({ ...kind, namespace: placement.namespace, name: item.metadata?.name ?? '' });
    }
    // by name: the Role need not read Secrets
    await this.api.delete({ ...SECRET_KIND, namespace: placement.namespace, name: endpointNames(endpoint).pullSecret });
    this.counters.delete(endpoint);
  }

  // ---- MetricsSource ---------------------------------------------------------------------

  async snapshot(endpoint: string): Promise<MetricsSnapshot> {
    const counters = this.counters.get(endpoint) ?? {};
    const copy: Record<string, DeploymentCounters> = {};
    for (const [name, counts] of Object.entries(counters))
      copy[name] = { requests: counts.requests, errors: counts.errors, latency: [...counts.latency] };
    return { epoch: this.epoch, at: Date.now(), deployments: copy };
  }

  // ---- EndpointLocker: a coordination.k8s.io Lease ---------------------------------------

  acquireLock(endpoint: string, holder: string): Promise<() => Promise<void>> {
    return new LeaseLock({
      api: this.api,
      namespace: this.placement(endpoint).namespace,
      endpoint,
      seconds: this.options.leaseSeconds ?? 30,
      log: this.options.log,
      onLost: this.options.onLockLost,
    }).acquire(holder);
  }

  // ---- routing ---------------------------------------------------------------------------

  private router(endpoint: string): TrafficRouter {
    return ROUTERS[this.placement(endpoint).routing];
  }

  private scope(endpoint: string): RoutingScope {
    const placement = this.placement(endpoint);
    return {
      api: this.api,
      endpoint,
      namespace: placement.namespace,
      config: this.options.config,
      replicas: placement.replicas,
      workloads: this.workloads,
      log: this.options.log,
      pollMs: this.pollMs,
    };
  }

  /**
   * The stored state, and the change to `traffic` (default: the stored weights) with what the
   * routers need to know; the command holds the endpoint's lock, so the state read here stays
   * current until the command writes it.
   */
  private async current(
    endpoint: string,
    traffic?: Record<string, number>,
    mirror?: Record<string, number>,
  ): Promise<{ stored: StoredState; change: WeightChange }> {
    const placement = this.placement(endpoint);
    const [stored, deployments] = await Promise.all([
      this.store.read(endpoint, placement.namespace),
      this.workloads.byName(endpoint, placement.namespace),
    ]);
    const stable = stableOf(stored, deployments);
    const asked = traffic ?? Object.fromEntries(Object.entries(stored.traffic).filter(([n]) => deployments.has(n)));
    const change: WeightChange = {
      traffic: asked,
      mirror: mirror ?? Object.fromEntries(Object.entries(stored.mirror).filter(([n]) => deployments.has(n))),
      deployments,
      stable,
      restoring: traffic !== undefined && stable !== undefined && stored.record.rollout !== undefined && traffic[stable] === 100,
    };
    return { stored, change };
  }

  /** nothing is removed before the data plane had scaleDownDelay to stop sending it requests */
  private async waitDrained(endpoint: string, name: string, stored: StoredState): Promise<void> {
    const delay = this.options.config.scaleDownDelay;
    const since = Date.parse(stored.drainedAt[name] ?? '');
    if (!delay || Number.isNaN(since)) return;
    // bounded by the delay itself: another runner's clock cannot make us wait longer
    const wait = Math.min(delay, Math.max(0, since + delay - this.now().getTime()));
    if (wait <= 0) return;
    this.options.log(
      `${endpoint}: waiting ${Math.ceil(wait / 1000)} s before removing '${name}', so that the data plane has stopped sending it requests (target.kubernetes.scaleDownDelay)`,
    );
    await new Promise((r) => setTimeout(r, wait));
  }

  /** a deployment drawn by the stored weights (read at most once a second: this is on the request path) */
  private async pickByWeight(endpoint: string): Promise<string | undefined> {
    let cached = this.weights.get(endpoint);
    if (!cached || Date.now() - cached.at > 1000) {
      cached = { at: Date.now(), traffic: (await this.store.read(endpoint, this.placement(endpoint).namespace)).traffic };
      this.weights.set(endpoint, cached);
    }
    const entries = Object.entries(cached.traffic).filter(([, w]) => w > 0);
    let remaining = Math.random() * 100;
    for (const [name, weight] of entries) {
      if ((remaining -= weight) < 0) return name;
    }
    return entries[0]?.[0];
  }

  private async ensurePullSecret(endpoint: string, spec: DeploymentSpec): Promise<string | undefined> {
    if (this.options.config.imagePullSecret) return this.options.config.imagePullSecret;
    if (!spec.image || !this.options.pullCredential) return undefined;
    const cred = await this.options.pullCredential(spec.image);
    if (!cred) return undefined;
    const placement = this.placement(endpoint);
    const secret = await this.api.apply(pullSecretObject(endpoint, placement.namespace, cred.registry, cred.username, cred.password));
    return secret.metadata?.name;
  }

  private info(deployment: V1Deployment, pods: V1Pod[]): DeploymentInfo {
    const spec = specOf(deployment);
    const own = pods.filter((pod) => pod.metadata?.labels?.[LABELS.deployment] === deployment.metadata?.labels?.[LABELS.deployment]);
    const restarts = own.reduce(
      (sum, pod) => sum + (pod.status?.containerStatuses ?? []).reduce((s, c) => s + (c.restartCount ?? 0), 0),
      0,
    );
    const progress = deploymentProgress(deployment, own);
    const anyRestarting = own.some((pod) =>
      (pod.status?.containerStatuses ?? []).some(
        (c) => c.state?.waiting?.reason === 'CrashLoopBackOff' || (c.state?.terminated && !c.ready),
      ),
    );
    const health = progress.hopeless?.startsWith('ProgressDeadlineExceeded')
      ? 'dead'
      : anyRestarting
        ? 'restarting'
        : progress.done
          ? 'ready'
          : 'starting';
    return {
      name: spec.name,
      model: spec.model,
      image: spec.image,
      health,
      restarts,
      createdAt: creationTime(deployment),
    };
  }

  private count(endpoint: string, deployment: string, latencyMs: number, failed: boolean): void {
    let byName = this.counters.get(endpoint);
    if (!byName) this.counters.set(endpoint, (byName = {}));
    recordRequest((byName[deployment] ??= emptyCounters()), latencyMs, failed);
  }

  private endpointUrl(endpoint: string): string {
    const placement = this.placement(endpoint);
    if (placement.url) return placement.url;
    return `${this.api.server}/api/v1/namespaces/${placement.namespace}/services/${endpointNames(endpoint).route}:${PORT_NAME}/proxy`;
  }

  private placement(endpoint: string): EndpointPlacement {
    const placement = this.options.endpoints[endpoint];
    if (!placement) throw new Error(`endpoint ${endpoint} is not configured for this target`);
    return placement;
  }
}

/** the API server's creation time (RFC 3339; client-node may give a Date) */
function creationTime(deployment: V1Deployment): string {
  const created = deployment.metadata?.creationTimestamp as Date | string | undefined;
  if (created === undefined) return '';
  return created instanceof Date ? created.toISOString() : String(created);
}

/**
 * The deployment that served before a change: the rollout record's stable one, else the
 * one with the most stored traffic, else the oldest by the API server's creation time.
 */
function stableOf(stored: StoredState, deployments: Map<string, V1Deployment>): string | undefined {
  const recorded = stored.record.rollout?.stable;
  if (recorded && deployments.has(recorded)) return recorded;
  const heaviest = Object.entries(stored.traffic)
    .filter(([n, w]) => w > 0 && deployments.has(n))
    .sort((a, b) => b[1] - a[1])[0]?.[0];
  if (heaviest) return heaviest;
  return [...deployments.entries()].sort((a, b) => creationTime(a[1]).localeCompare(creationTime(b[1])))[0]?.[0];
}

function without<T>(map: Record<string, T>, name: string): Record<string, T> {
  return Object.fromEntries(Object.entries(map).filter(([n]) => n !== name));
}
