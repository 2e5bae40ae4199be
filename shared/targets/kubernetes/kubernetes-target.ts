import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { V1ConfigMap, V1Deployment, V1Ingress, V1Lease, V1Pod } from '@kubernetes/client-node';
import { KubernetesRouting, KubernetesTargetConfig } from '../../config/types';
import { DeploymentCounters, MetricsSnapshot, MetricsSource, emptyCounters, recordRequest } from '../../analysis/metrics';
import {
  DEPLOYMENT_HEADER,
  DeploymentInfo,
  DeploymentSpec,
  EndpointLocker,
  EndpointRecord,
  EndpointState,
  modelRef,
  ScoreRequest,
  ScoreResponse,
  Target,
} from '../target';
import { KubeApi, KubeApiError, ObjectRef } from './kube-api';
import { ANNOTATIONS, LABELS, endpointLabels, endpointNames, labelValue, selector } from './names';
import {
  HttpRouteObject,
  NGINX_CANARY_WEIGHT,
  PORT_NAME,
  autoscalerObject,
  deploymentObject,
  deploymentServiceObject,
  httpRouteObject,
  ingressObject,
  leaseObject,
  poolServiceObject,
  pullSecretObject,
  stateObject,
} from './objects';
import { deploymentProgress, podDiagnostics } from './readiness';
import { planReplicas } from './replicas';

/**
 * The Kubernetes target: per deployment a Deployment and a Service; per endpoint a
 * routing object (the pool Service, nginx Ingresses or an HTTPRoute), a ConfigMap whose
 * annotations hold the weights and the rollout record, and a Lease as the command lock.
 * It is also the MetricsSource when no Prometheus is configured: it measures the
 * requests it sends itself (smoke and probe traffic).
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

export interface KubernetesTargetOptions {
  api: KubeApi;
  endpoints: Record<string, EndpointPlacement>;
  config: KubernetesTargetConfig;
  containerPort: number;
  scorePath: string;
  /** registry credentials for an image pull Secret; undefined: none needed */
  pullCredential?: (image: string) => Promise<{ registry: string; username: string; password: string } | undefined>;
  log: (line: string) => void;
  /** how long a Lease lasts without renewal (a killed command blocks the next one at most this long) */
  leaseSeconds?: number;
  pollMs?: number;
  now?: () => Date;
}

const DEPLOYMENT_KIND = { apiVersion: 'apps/v1', kind: 'Deployment' };
const SERVICE_KIND = { apiVersion: 'v1', kind: 'Service' };
const HPA_KIND = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' };
const INGRESS_KIND = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' };
const ROUTE_KIND = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute' };
const CONFIGMAP_KIND = { apiVersion: 'v1', kind: 'ConfigMap' };
const SECRET_KIND = { apiVersion: 'v1', kind: 'Secret' };
const LEASE_KIND = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' };

interface StoredState {
  traffic: Record<string, number>;
  mirror: Record<string, number>;
  record: EndpointRecord;
}

export class KubernetesTarget implements Target, MetricsSource, EndpointLocker {
  readonly description: string;
  private readonly api: KubeApi;
  private readonly counters = new Map<string, Record<string, DeploymentCounters>>();
  private readonly epoch = randomUUID();
  private readonly weights = new Map<string, { at: number; traffic: Record<string, number> }>();
  private readonly pollMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: KubernetesTargetOptions) {
    this.api = options.api;
    this.pollMs = options.pollMs ?? 1000;
    this.now = options.now ?? (() => new Date());
    this.description = `kubernetes ${options.api.where}`;
  }

  // ---- Target --------------------------------------------------------------------------

  async state(endpoint: string): Promise<EndpointState> {
    const placement = this.placement(endpoint);
    const [stored, deployments, pods] = await Promise.all([
      this.readState(endpoint),
      this.api.list<V1Deployment>(
        DEPLOYMENT_KIND.apiVersion,
        DEPLOYMENT_KIND.kind,
        placement.namespace,
        selector(endpointLabels(endpoint)),
      ),
      this.api.pods(placement.namespace, selector(endpointLabels(endpoint))),
    ]);
    const infos = deployments.map((d) => this.info(d, pods)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const names = new Set(infos.map((d) => d.name));
    const traffic = Object.fromEntries(Object.entries(stored.traffic).filter(([n]) => names.has(n)));
    const mirror = Object.fromEntries(Object.entries(stored.mirror).filter(([n]) => names.has(n)));
    return { endpoint, url: this.endpointUrl(endpoint), deployments: infos, traffic, mirror, record: stored.record };
  }

  async createDeployment(endpoint: string, spec: DeploymentSpec): Promise<void> {
    const placement = this.placement(endpoint);
    const pullSecret = await this.ensurePullSecret(endpoint, spec);
    const createdAt = this.now().toISOString();
    // replicas routing: a new deployment starts outside the pool with one pod; setTraffic sizes it
    const replicas = placement.autoscale ? undefined : placement.routing === 'replicas' ? 1 : placement.replicas;
    await this.api.apply(deploymentServiceObject(endpoint, placement.namespace, spec));
    const applied = await this.api.apply(
      deploymentObject({
        endpoint,
        namespace: placement.namespace,
        spec,
        replicas,
        inPool: false,
        containerPort: this.options.containerPort,
        resources: this.options.config.resources,
        pullSecret,
        createdAt,
      }),
    );
    if (placement.autoscale) await this.api.apply(autoscalerObject(endpoint, placement.namespace, spec, placement.autoscale));
    this.options.log(
      `${endpoint}: Deployment ${applied.metadata?.namespace}/${applied.metadata?.name} applied (${spec.image}); waiting for it to be ready`,
    );
    await this.waitReady(endpoint, spec.name, spec.readyTimeout);
  }

  async deleteDeployment(endpoint: string, name: string): Promise<void> {
    const placement = this.placement(endpoint);
    const stored = await this.readState(endpoint);
    if ((stored.traffic[name] ?? 0) > 0)
      throw new Error(`refusing to delete '${name}' on ${endpoint}: it still takes ${stored.traffic[name]}% of traffic`);
    const objectName = endpointNames(endpoint).deployment(name);
    if (placement.autoscale) await this.api.delete({ ...HPA_KIND, namespace: placement.namespace, name: objectName });
    await this.api.delete({ ...DEPLOYMENT_KIND, namespace: placement.namespace, name: objectName });
    await this.api.delete({ ...SERVICE_KIND, namespace: placement.namespace, name: objectName });
    const { [name]: _droppedWeight, ...traffic } = stored.traffic;
    const { [name]: _droppedMirror, ...mirror } = stored.mirror;
    await this.writeState(endpoint, { ...stored, traffic, mirror });
    const counters = this.counters.get(endpoint);
    if (counters) delete counters[name];
  }

  async setTraffic(
    endpoint: string,
    traffic: Record<string, number>,
    mirror: Record<string, number> = {},
  ): Promise<Record<string, number>> {
    const placement = this.placement(endpoint);
    const total = Object.values(traffic).reduce((a, b) => a + b, 0);
    if (total !== 100) throw new Error(`weights must sum to 100 (got ${JSON.stringify(traffic)})`);
    const stored = await this.readState(endpoint);
    const deployments = await this.api.list<V1Deployment>(
      DEPLOYMENT_KIND.apiVersion,
      DEPLOYMENT_KIND.kind,
      placement.namespace,
      selector(endpointLabels(endpoint)),
    );
    const byName = new Map(deployments.map((d) => [d.metadata?.labels?.[LABELS.deployment] ?? '', d]));
    for (const name of [...Object.keys(traffic), ...Object.keys(mirror)]) {
      if (!byName.has(labelValue(name))) throw new Error(`no deployment '${name}' on ${endpoint}`);
    }
    let confirmed: Record<string, number>;
    switch (placement.routing) {
      case 'replicas':
        if (Object.values(mirror).some((m) => m > 0)) throw new Error(`routing 'replicas' cannot mirror requests`);
        confirmed = await this.routeByReplicas(endpoint, traffic, byName);
        break;
      case 'nginx-ingress':
        if (Object.values(mirror).some((m) => m > 0)) throw new Error(`routing 'nginx-ingress' cannot mirror a share of requests`);
        confirmed = await this.routeByIngress(endpoint, traffic);
        break;
      case 'gateway-api':
        confirmed = await this.routeByGateway(endpoint, traffic, mirror);
        break;
    }
    await this.writeState(endpoint, { ...stored, traffic: confirmed, mirror: placement.routing === 'gateway-api' ? mirror : {} });
    this.weights.delete(endpoint);
    return confirmed;
  }

  async setRecord(endpoint: string, record: EndpointRecord): Promise<void> {
    const stored = await this.readState(endpoint);
    await this.writeState(endpoint, { ...stored, record });
  }

  async score(endpoint: string, req: ScoreRequest): Promise<ScoreResponse> {
    const placement = this.placement(endpoint);
    const started = performance.now();
    let deployment = req.deployment;
    let status: number;
    let body: string;
    let answeredBy: string | undefined;
    try {
      if (placement.url) {
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
    // who answered, as the pod says: through an ingress a request may not reach the one it named
    const who = answeredBy ?? deployment;
    if (who) this.count(endpoint, who, latencyMs, status === 0 || status >= 500);
    if (status === 0) throw new Error(`scoring request to ${endpoint}${who ? ` ('${who}')` : ''} failed: ${body}`);
    return { status, body, deployment: answeredBy ?? deployment, latencyMs };
  }

  async destroy(endpoint: string): Promise<void> {
    const placement = this.placement(endpoint);
    const labelSelector = selector(endpointLabels(endpoint));
    // only the kinds this endpoint's settings use: the Role may grant nothing else
    const kinds = [
      ...(placement.autoscale ? [HPA_KIND] : []),
      ...(placement.routing === 'nginx-ingress' ? [INGRESS_KIND] : []),
      ...(placement.routing === 'gateway-api' ? [ROUTE_KIND] : []),
      DEPLOYMENT_KIND,
      SERVICE_KIND,
      SECRET_KIND,
      CONFIGMAP_KIND,
    ];
    for (const kind of kinds) {
      const items = await this.api.list(kind.apiVersion, kind.kind, placement.namespace, labelSelector);
      for (const item of items) await this.api.delete({ ...kind, namespace: placement.namespace, name: item.metadata?.name ?? '' });
    }
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

  async acquireLock(endpoint: string, holder: string): Promise<() => Promise<void>> {
    const placement = this.placement(endpoint);
    const seconds = this.options.leaseSeconds ?? 30;
    const identity = `${holder} (${os.hostname()} pid ${process.pid})`;
    const ref = { ...LEASE_KIND, namespace: placement.namespace, name: endpointNames(endpoint).lease };
    let lease = await this.takeLease(endpoint, ref, identity, seconds);
    let stopped = false;
    let renewing: Promise<void> = Promise.resolve();
    const renew = async () => {
      try {
        const resourceVersion = lease.metadata?.resourceVersion;
        lease = await this.api.replace(
          leaseObject(endpoint, placement.namespace, identity, seconds, this.now(), resourceVersion, leaseTime(lease.spec?.acquireTime)),
        );
      } catch (err: unknown) {
        this.options.log(`${endpoint}: renewing the Lease failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    const timer = setInterval(
      () => {
        if (!stopped) renewing = renew();
      },
      (seconds * 1000) / 3,
    );
    timer.unref();
    return async () => {
      stopped = true;
      clearInterval(timer);
      await renewing;
      // give it up at once, so that the next command need not wait for the expiry
      const current = await this.api.read<V1Lease>(ref);
      if (current?.spec?.holderIdentity === identity) {
        await this.api
          .replace({ ...current, spec: { ...current.spec, holderIdentity: '', leaseDurationSeconds: 1 } })
          .catch(() => undefined);
      }
    };
  }

  private async takeLease(endpoint: string, ref: ObjectRef, identity: string, seconds: number): Promise<V1Lease> {
    const placement = this.placement(endpoint);
    const current = await this.api.read<V1Lease>(ref);
    if (!current) {
      try {
        return await this.api.create(leaseObject(endpoint, placement.namespace, identity, seconds, this.now()));
      } catch (err: unknown) {
        if (err instanceof KubeApiError && err.code === 409) return this.busy(endpoint, await this.api.read<V1Lease>(ref));
        throw err;
      }
    }
    const held = current.spec?.holderIdentity;
    const renewed = Date.parse(leaseTime(current.spec?.renewTime) ?? '') || 0;
    const expires = renewed + (current.spec?.leaseDurationSeconds ?? 0) * 1000;
    if (held && expires > this.now().getTime()) return this.busy(endpoint, current);
    if (held) this.options.log(`${endpoint}: taking over the Lease of '${held}', which expired at ${new Date(expires).toISOString()}`);
    try {
      return await this.api.replace(
        leaseObject(endpoint, placement.namespace, identity, seconds, this.now(), current.metadata?.resourceVersion),
      );
    } catch (err: unknown) {
      // someone else took it between our read and our write
      if (err instanceof KubeApiError && err.code === 409) return this.busy(endpoint, await this.api.read<V1Lease>(ref));
      throw err;
    }
  }

  private busy(endpoint: string, lease: V1Lease | undefined): never {
    const since = leaseTime(lease?.spec?.acquireTime);
    throw new Error(
      `endpoint ${endpoint} is busy: '${lease?.spec?.holderIdentity ?? 'another modelship command'}' holds its Lease ${lease?.metadata?.namespace}/${lease?.metadata?.name}${since ? ` since ${since}` : ''}; wait for it to finish (a Lease that is not renewed expires after ${lease?.spec?.leaseDurationSeconds ?? '?'} s)`,
    );
  }

  // ---- routing ---------------------------------------------------------------------------

  /** replicas routing: shares are replica ratios behind the endpoint's pool Service */
  private async routeByReplicas(
    endpoint: string,
    traffic: Record<string, number>,
    byName: Map<string, V1Deployment>,
  ): Promise<Record<string, number>> {
    const placement = this.placement(endpoint);
    await this.api.apply(poolServiceObject(endpoint, placement.namespace));
    const names = [...byName.values()].map((d) => specOf(d).name);
    const deployment = (name: string) => byName.get(labelValue(name)) as V1Deployment;
    // the stable one is the oldest: a rollout's new deployment is always younger, and the
    // one it replaces is removed at its promotion (so a bad new version is never kept)
    const stable = [...byName.values()].sort((a, b) =>
      (a.metadata?.annotations?.[ANNOTATIONS.createdAt] ?? '').localeCompare(b.metadata?.annotations?.[ANNOTATIONS.createdAt] ?? ''),
    )[0];
    const stableName = stable ? specOf(stable).name : undefined;
    const plan = planReplicas(placement.replicas, traffic, stableName);
    const grow = names.filter((n) => (traffic[n] ?? 0) > 0);
    // the stable one at 0% (the last canary step) leaves the pool but keeps its replicas until
    // it is removed, so a rollback has its capacity; anything else without weight goes to 0
    const leaving = names.filter((n) => n === stableName && n in traffic && traffic[n] === 0);
    const dropped = names.filter((n) => !grow.includes(n) && !leaving.includes(n));
    // first everything that gains or keeps traffic, ready; only then what loses it
    for (const name of grow) await this.resize(endpoint, deployment(name), plan.replicas[name], true);
    for (const name of grow) await this.waitReady(endpoint, name, specOf(deployment(name)).readyTimeout);
    const pool = await this.readPool(endpoint);
    const unconfirmed = grow.filter((n) => (pool[n] ?? 0) !== plan.replicas[n]);
    if (unconfirmed.length) {
      this.options.log(
        `${endpoint}: the pool does not have the planned ready pods (${JSON.stringify(pool)} for ${JSON.stringify(plan.replicas)})`,
      );
      return shareOf(pool);
    }
    for (const name of leaving) {
      await this.resize(endpoint, deployment(name), placement.replicas, false);
      // a rolling update: its pods in the pool go once the replacements outside it are ready
      await this.waitReady(endpoint, name, specOf(deployment(name)).readyTimeout);
    }
    for (const name of dropped) {
      const dropping = deployment(name);
      // only what was in the pool: a new deployment outside it (a blue-green preview) keeps its pods for probe traffic
      if ((dropping.spec?.replicas ?? 1) > 0 && dropping.spec?.template?.metadata?.labels?.[LABELS.pool] !== undefined)
        await this.resize(endpoint, dropping, 0, false);
    }
    // scaling down is asynchronous: wait (bounded) until the pool holds only what takes traffic
    const deadline = Date.now() + Math.max(...[...leaving, ...dropped].map((n) => specOf(deployment(n)).readyTimeout), 0);
    let after = await this.readPool(endpoint);
    let stray = Object.keys(after).filter((n) => !grow.includes(n) && after[n] > 0);
    while (stray.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, Math.min(this.pollMs, 250)));
      after = await this.readPool(endpoint);
      stray = Object.keys(after).filter((n) => !grow.includes(n) && after[n] > 0);
    }
    if (stray.length) {
      this.options.log(
        `${endpoint}: ${stray.join(', ')} still ${stray.length === 1 ? 'has' : 'have'} ready pods in the pool (${JSON.stringify(after)})`,
      );
      return shareOf(after);
    }
    const desc = grow.map((n) => `${n} ${plan.replicas[n]}`).join(' + ');
    this.options.log(
      `${endpoint}: replicas ${desc} → real share ${grow.map((n) => `${n} ${plan.share[n]}%`).join(', ')} (asked ${grow.map((n) => `${n} ${traffic[n]}%`).join(', ')})${leaving.length ? `; ${leaving.join(', ')} out of the pool with its ${placement.replicas} replicas kept` : ''}`,
    );
    return { ...traffic };
  }

  private async resize(endpoint: string, deployment: V1Deployment, replicas: number, inPool: boolean): Promise<void> {
    const placement = this.placement(endpoint);
    const spec = specOf(deployment);
    const current = deployment.spec?.replicas ?? 1;
    const currentlyInPool = deployment.spec?.template?.metadata?.labels?.[LABELS.pool] !== undefined;
    if (current === replicas && currentlyInPool === inPool) return;
    await this.api.apply(
      deploymentObject({
        endpoint,
        namespace: placement.namespace,
        spec,
        replicas,
        inPool,
        containerPort: this.options.containerPort,
        resources: this.options.config.resources,
        pullSecret: deployment.spec?.template?.spec?.imagePullSecrets?.[0]?.name,
        createdAt: deployment.metadata?.annotations?.[ANNOTATIONS.createdAt] ?? this.now().toISOString(),
      }),
    );
  }

  /** ready pods behind the pool Service per deployment, read back from the API server (what its endpoints hold) */
  private async readPool(endpoint: string): Promise<Record<string, number>> {
    const placement = this.placement(endpoint);
    const pods = await this.api.pods(
      placement.namespace,
      selector({ [LABELS.endpoint]: labelValue(endpoint), [LABELS.pool]: labelValue(endpoint) }),
    );
    const pool: Record<string, number> = {};
    for (const pod of pods) {
      const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      if (!ready || pod.metadata?.deletionTimestamp) continue;
      const name =
        pod.spec?.containers?.[0]?.env?.find((e) => e.name === 'MODELSHIP_DEPLOYMENT')?.value ??
        pod.metadata?.labels?.[LABELS.deployment] ??
        '?';
      pool[name] = (pool[name] ?? 0) + 1;
    }
    return pool;
  }

  /** nginx-ingress: the stable Ingress routes to one deployment, a canary Ingress sends a weight to the other */
  private async routeByIngress(endpoint: string, traffic: Record<string, number>): Promise<Record<string, number>> {
    const placement = this.placement(endpoint);
    const names = endpointNames(endpoint);
    const cfg = this.options.config.ingress ?? { className: 'nginx', path: '/' };
    const live = Object.entries(traffic).filter(([, w]) => w > 0);
    if (live.length > 2)
      throw new Error(`routing 'nginx-ingress' splits traffic between two deployments at most (asked ${JSON.stringify(traffic)})`);
    const stableIngress = await this.api.read<V1Ingress>({ ...INGRESS_KIND, namespace: placement.namespace, name: names.route });
    const currentBackend = stableIngress?.spec?.rules?.[0]?.http?.paths?.[0]?.backend?.service?.name;
    const primary =
      live.find(([n]) => names.deployment(n) === currentBackend)?.[0] ??
      // a new endpoint: the heavier one is the stable backend
      [...live].sort((a, b) => b[1] - a[1])[0][0];
    const canary = live.find(([n]) => n !== primary);
    // the canary Ingress first when it gains weight, the stable one first when the canary goes away
    if (canary) {
      await this.api.apply(ingressObject(endpoint, placement.namespace, cfg, primary));
      await this.api.apply(ingressObject(endpoint, placement.namespace, cfg, canary[0], canary[1]));
    } else {
      await this.api.apply(ingressObject(endpoint, placement.namespace, cfg, primary));
    }
    // read back what the API server holds
    const readStable = await this.api.read<V1Ingress>({ ...INGRESS_KIND, namespace: placement.namespace, name: names.route });
    const readCanary = await this.api.read<V1Ingress>({ ...INGRESS_KIND, namespace: placement.namespace, name: names.canaryIngress });
    const backendOf = (i: V1Ingress | undefined) => i?.spec?.rules?.[0]?.http?.paths?.[0]?.backend?.service?.name;
    const got: Record<string, number> = Object.fromEntries(Object.keys(traffic).map((n) => [n, 0]));
    const stableName = Object.keys(traffic).find((n) => names.deployment(n) === backendOf(readStable));
    const canaryName = canary ? Object.keys(traffic).find((n) => names.deployment(n) === backendOf(readCanary)) : undefined;
    const canaryWeight = canaryName ? Number(readCanary?.metadata?.annotations?.[NGINX_CANARY_WEIGHT] ?? 0) : 0;
    if (stableName) got[stableName] = 100 - canaryWeight;
    if (canaryName) got[canaryName] = canaryWeight;
    // no canary: the stable Ingress was read back with the whole traffic, now the canary Ingress can go
    if (!canary && readCanary) await this.api.delete({ ...INGRESS_KIND, namespace: placement.namespace, name: names.canaryIngress });
    this.options.log(
      `${endpoint}: Ingress ${names.route} → ${backendOf(readStable)}${canaryName ? `, canary Ingress ${names.canaryIngress} → ${backendOf(readCanary)} weight ${canaryWeight}` : ''}`,
    );
    return got;
  }

  /** gateway-api: one HTTPRoute whose backendRefs weights are the traffic map */
  private async routeByGateway(
    endpoint: string,
    traffic: Record<string, number>,
    mirror: Record<string, number>,
  ): Promise<Record<string, number>> {
    const placement = this.placement(endpoint);
    const gateway = this.options.config.gateway;
    if (!gateway) throw new Error(`routing 'gateway-api' needs target.kubernetes.gateway`);
    const names = endpointNames(endpoint);
    await this.api.apply(httpRouteObject(endpoint, placement.namespace, gateway, traffic, mirror));
    const route = await this.api.read<HttpRouteObject>({ ...ROUTE_KIND, namespace: placement.namespace, name: names.route });
    const got: Record<string, number> = Object.fromEntries(Object.keys(traffic).map((n) => [n, 0]));
    // the weighted rule is the one without header matches
    const weighted = route?.spec?.rules?.find((r) => r.matches.every((m) => !m.headers?.length));
    for (const ref of weighted?.backendRefs ?? []) {
      const name = Object.keys(traffic).find((n) => names.deployment(n) === ref.name);
      if (name) got[name] = ref.weight ?? 1;
    }
    this.options.log(
      `${endpoint}: HTTPRoute ${names.route} weights ${Object.entries(got)
        .map(([n, w]) => `${n} ${w}`)
        .join(', ')}${Object.keys(mirror).length ? `, mirror ${JSON.stringify(mirror)}` : ''}`,
    );
    return got;
  }

  /** a deployment drawn by the stored weights (read at most once a second: this is on the request path) */
  private async pickByWeight(endpoint: string): Promise<string | undefined> {
    let cached = this.weights.get(endpoint);
    if (!cached || Date.now() - cached.at > 1000) {
      cached = { at: Date.now(), traffic: (await this.readState(endpoint)).traffic };
      this.weights.set(endpoint, cached);
    }
    const entries = Object.entries(cached.traffic).filter(([, w]) => w > 0);
    let remaining = Math.random() * 100;
    for (const [name, weight] of entries) {
      if ((remaining -= weight) < 0) return name;
    }
    return entries[0]?.[0];
  }

  // ---- readiness -------------------------------------------------------------------------

  private async waitReady(endpoint: string, name: string, timeoutMs: number): Promise<void> {
    const placement = this.placement(endpoint);
    const objectName = endpointNames(endpoint).deployment(name);
    const podSelector = selector({ [LABELS.endpoint]: labelValue(endpoint), [LABELS.deployment]: labelValue(name) });
    const deadline = Date.now() + timeoutMs;
    let lastLog = 0;
    for (;;) {
      const deployment = await this.api.read<V1Deployment>({ ...DEPLOYMENT_KIND, namespace: placement.namespace, name: objectName });
      if (!deployment) throw new Error(`Deployment ${placement.namespace}/${objectName} disappeared while waiting for it`);
      const pods = await this.api.pods(placement.namespace, podSelector);
      const progress = deploymentProgress(deployment, pods);
      if (progress.done) {
        this.options.log(`${endpoint}: '${name}' ready (${progress.ready}/${progress.desired} pods)`);
        return;
      }
      const timedOut = Date.now() >= deadline;
      if (progress.hopeless || timedOut) {
        const why =
          progress.hopeless ??
          `not ready within ${Math.round(timeoutMs / 1000)} s (serve.readyTimeout): ${progress.ready}/${progress.desired} pods available`;
        const evidence = await podDiagnostics(this.api, placement.namespace, pods);
        throw new Error(`Deployment ${placement.namespace}/${objectName} ('${name}') failed: ${why}${evidence ? `\n${evidence}` : ''}`);
      }
      if (Date.now() - lastLog >= 5000) {
        this.options.log(`${endpoint}: waiting for '${name}': ${progress.ready}/${progress.desired} pods available`);
        lastLog = Date.now();
      }
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }

  // ---- state -----------------------------------------------------------------------------

  private async readState(endpoint: string): Promise<StoredState> {
    const placement = this.placement(endpoint);
    const configMap = await this.api.read<V1ConfigMap>({
      ...CONFIGMAP_KIND,
      namespace: placement.namespace,
      name: endpointNames(endpoint).state,
    });
    const annotations = configMap?.metadata?.annotations ?? {};
    return {
      traffic: parseJson<Record<string, number>>(annotations[ANNOTATIONS.traffic]) ?? {},
      mirror: parseJson<Record<string, number>>(annotations[ANNOTATIONS.mirror]) ?? {},
      record: parseJson<EndpointRecord>(annotations[ANNOTATIONS.record]) ?? {},
    };
  }

  private async writeState(endpoint: string, state: StoredState): Promise<void> {
    const placement = this.placement(endpoint);
    await this.api.apply(stateObject(endpoint, placement.namespace, state));
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
      createdAt: deployment.metadata?.annotations?.[ANNOTATIONS.createdAt] ?? deployment.metadata?.creationTimestamp?.toString() ?? '',
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

/** the DeploymentSpec a Deployment was made from (what resize needs to apply it again) */
function specOf(deployment: V1Deployment): DeploymentSpec {
  const container = deployment.spec?.template?.spec?.containers?.[0];
  const model = modelRef(parseJson<unknown>(deployment.metadata?.annotations?.[ANNOTATIONS.model])) ?? {
    name: deployment.metadata?.labels?.[LABELS.model] ?? '?',
    version: deployment.metadata?.labels?.[LABELS.version] ?? '?',
  };
  return {
    name: container?.env?.find((e) => e.name === 'MODELSHIP_DEPLOYMENT')?.value ?? deployment.metadata?.labels?.[LABELS.deployment] ?? '?',
    model,
    modelDir: '',
    codeDir: '',
    scoringScript: '',
    image: deployment.metadata?.annotations?.[ANNOTATIONS.image] ?? container?.image,
    readyPath: container?.readinessProbe?.httpGet?.path ?? '/',
    scorePath: '',
    readyTimeout: Math.max(1, deployment.spec?.progressDeadlineSeconds ?? 60) * 1000,
  };
}

function shareOf(pool: Record<string, number>): Record<string, number> {
  const sum = Object.values(pool).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(pool).map(([n, r]) => [n, sum ? Math.round((r / sum) * 100) : 0]));
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** client-node turns MicroTime into Date objects; accept both */
function leaseTime(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}
