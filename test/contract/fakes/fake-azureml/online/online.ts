import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import Docker from 'dockerode';
import type { Principal } from '../auth';
import * as E from '../errors';
import { ArmError } from '../errors';
import type { SchemaName } from '../schemas';
import { ASSET_NAME, Audit, FakeArmStore, PROVIDER, WorkspaceRecord, WorkspaceRef, systemDataOf, workspaceId } from '../store';
import { ContainerHost, RegistryAuth, StartedContainer, waitReady } from './containers';
import { DataPlane, ScoringRequestRecord } from './data-plane';
import { MetricsError, listMetrics } from './metrics';
import { durationMs } from './util';

/**
 * Azure ML managed online endpoints and deployments, environment versions, the long-running
 * operations of mfe.json 2024-10-01, a data plane per endpoint and Azure Monitor metrics: the
 * part of the FAKE Azure Resource Manager that `enableOnlineEndpoints()` turns on. See ../index.ts
 * for the deviations from the real service.
 */

export interface OnlineOptions {
  /** the Docker engine (default `new Docker()`, which honours DOCKER_HOST) */
  docker?: Docker;
  /** storage initializer: a local folder holding the files of a workspace model version */
  modelFiles?: (workspace: WorkspaceRef, modelName: string, version: string) => Promise<string>;
  /** credentials for pulling an environment's image when the engine does not have it */
  registryAuth?: RegistryAuth;
  /** the length of one Azure Monitor "minute" (default 60000) */
  metricsGrainMs?: number;
  /** a metrics bucket becomes visible this long after it ends (default 0) */
  metricsIngestionDelayMs?: number;
  /** an operation stays InProgress for at least this many status polls (default 2) */
  minOperationPolls?: number;
  /** Retry-After of the long-running operations, in seconds (default 1) */
  retryAfterSeconds?: number;
  /** 'host' (default: the machine's rule) or 'publish' (bridge network, inferenceConfig port published on 127.0.0.1) */
  network?: 'host' | 'publish';
  /** environment telling a host-networked container its port (default PORT and MODELSHIP_HOST=127.0.0.1) */
  portEnv?: (port: number) => Record<string, string>;
  /** 'azure' (default): a non-2xx answer of the model becomes 424 as on the service; 'relay': passed through */
  modelErrors?: 'azure' | 'relay';
  /** managed instance types accepted (default MANAGED_INSTANCE_TYPES) */
  instanceTypes?: string[];
}

/** failures a test injects (injectOnlineFault); each one is used `count` times (default 1) */
export interface OnlineFaultSpec {
  /**
   * outOfQuota: a deployment create/update fails with OutOfQuota (in the PUT answer with when 'initial', else in the operation)
   * neverReady: the deployment's readiness probe path is replaced by one the container does not serve
   * canceled / failed: the next matching operation ends Canceled (OperationCanceled) / Failed with code+message
   */
  kind: 'outOfQuota' | 'neverReady' | 'canceled' | 'failed';
  /** the endpoint (and deployment) it applies to; default any */
  endpoint?: string;
  deployment?: string;
  /** canceled/failed: which operations ('deployment' default, or 'endpoint') */
  target?: 'endpoint' | 'deployment';
  when?: 'initial' | 'operation';
  code?: string;
  message?: string;
  count?: number;
}

/** the managed online endpoint SKU list (Azure ML docs "Managed online endpoints SKU list"), the fake's accepted instance types */
export const MANAGED_INSTANCE_TYPES = [
  'Standard_DS1_v2',
  'Standard_DS2_v2',
  'Standard_DS3_v2',
  'Standard_DS4_v2',
  'Standard_DS5_v2',
  'Standard_D2a_v4',
  'Standard_D4a_v4',
  'Standard_D8a_v4',
  'Standard_D16a_v4',
  'Standard_D32a_v4',
  'Standard_D48a_v4',
  'Standard_D64a_v4',
  'Standard_D96a_v4',
  'Standard_D2as_v4',
  'Standard_D4as_v4',
  'Standard_D8as_v4',
  'Standard_D16as_v4',
  'Standard_D32as_v4',
  'Standard_D48as_v4',
  'Standard_D64as_v4',
  'Standard_D96as_v4',
  'Standard_F2s_v2',
  'Standard_F4s_v2',
  'Standard_F8s_v2',
  'Standard_F16s_v2',
  'Standard_F32s_v2',
  'Standard_F48s_v2',
  'Standard_F64s_v2',
  'Standard_F72s_v2',
  'Standard_E2s_v3',
  'Standard_E4s_v3',
  'Standard_E8s_v3',
  'Standard_E16s_v3',
  'Standard_E32s_v3',
  'Standard_E48s_v3',
  'Standard_E64s_v3',
  'Standard_NC4as_T4_v3',
  'Standard_NC8as_T4_v3',
  'Standard_NC16as_T4_v3',
  'Standard_NC64as_T4_v3',
  'Standard_NC6s_v3',
  'Standard_NC12s_v3',
  'Standard_NC24s_v3',
  'Standard_NC24ads_A100_v4',
  'Standard_NC48ads_A100_v4',
  'Standard_NC96ads_A100_v4',
  'Standard_ND96asr_v4',
  'Standard_ND96amsr_A100_v4',
  'Standard_ND40rs_v2',
];

/** the online endpoint / deployment name rule of the service (3-32 characters, a letter first, letters, digits and hyphens) */
export const ONLINE_ENDPOINT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$/;
export const ONLINE_DEPLOYMENT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{2,31}$/;
/** OnlineRequestSettings.requestTimeout maximum for managed online endpoints (180000 ms) */
const MAX_REQUEST_TIMEOUT_MS = 180_000;
const MAX_CAPACITY = 20;

type OpStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

interface OperationRecord {
  id: string;
  subscriptionId: string;
  location: string;
  status: OpStatus;
  startTime: Date;
  endTime?: Date;
  polls: number;
  workDone: boolean;
  outcome?: { status: Exclude<OpStatus, 'InProgress'>; error?: { code: string; message: string } };
  kind: 'put' | 'delete';
  /** applied when the operation ends (state, traffic, removal) */
  onEnd: (status: Exclude<OpStatus, 'InProgress'>) => void;
  /** GET body of the resource for the mfeOperationResults answer of a PUT */
  result?: () => unknown;
}

interface EnvironmentVersionRecord {
  name: string;
  version: string;
  props: Record<string, unknown>;
  audit: Audit;
}

export interface EndpointRecord {
  ws: WorkspaceRecord;
  name: string;
  location: string;
  tags: Record<string, string>;
  identity: Record<string, unknown>;
  kind?: string;
  sku?: Record<string, unknown>;
  props: {
    authMode: 'Key' | 'AMLToken' | 'AADToken';
    description: string | null;
    properties: Record<string, string | null>;
    compute: string | null;
    publicNetworkAccess: 'Enabled' | 'Disabled';
    traffic: Record<string, number>;
    mirrorTraffic: Record<string, number>;
  };
  keys: { primaryKey: string; secondaryKey: string };
  amlTokens: Map<string, number>;
  /** the traffic maps the data plane routes by (applied when an endpoint operation succeeds) */
  live: { traffic: Record<string, number>; mirrorTraffic: Record<string, number> };
  provisioningState: string;
  audit: Audit;
  deployments: Map<string, DeploymentRecord>;
  plane: DataPlane;
  op?: OperationRecord;
}

export interface DeploymentRecord {
  endpoint: EndpointRecord;
  name: string;
  location: string;
  tags: Record<string, string>;
  kind?: string;
  identity?: Record<string, unknown>;
  sku: Record<string, unknown>;
  props: Record<string, unknown>;
  provisioningState: string;
  audit: Audit;
  running?: StartedContainer;
  scoringPath?: string;
  capacity: number;
  limits: { maxConcurrent: number; requestTimeoutMs: number };
  inFlight: number;
  storageLog: string[];
  /** the inference server log of the last container that failed (the container itself is removed) */
  failedLog?: string;
  op?: OperationRecord;
}

/** what the online module needs from the ARM server */
export interface OnlineHost {
  store: FakeArmStore;
  origin(): string;
  tls?: { key: string; cert: string };
  now(): Date;
  auditFor(p: Principal, at: Date): Audit;
  touch(a: Audit, p: Principal, at: Date): void;
  /** RBAC for the data plane (Entra tokens): an error message, or undefined when allowed */
  authorizeClaims(claims: Record<string, unknown>, action: string, scope: string): string | undefined;
}

/** the part of a request the online handlers read */
export interface OnlineRequest {
  method: string;
  query: Map<string, string[]>;
  principal: Principal;
  jsonBody(schema: SchemaName): unknown;
  hasBody: boolean;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface OnlineOperation {
  action: string;
  scope: string;
  kind: 'read' | 'write';
  run: (req: OnlineRequest, ws: WorkspaceRecord) => Answer | Promise<Answer>;
}

const ML = `${PROVIDER}/workspaces`;

const bad = (message: string, target?: string) => E.userError(400, 'BadArgument', message, target);
const conflict = (message: string) => E.userError(409, 'Conflict', message);

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function parseArmId(id: string, rest: RegExp): { sub: string; rg: string; ws: string; m: RegExpExecArray } | undefined {
  const head =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)(\/.*)$/i.exec(
      id,
    );
  if (!head) return undefined;
  const m = rest.exec(head[4]);
  if (!m) return undefined;
  return { sub: head[1], rg: head[2], ws: head[3], m };
}

/** ARM tag limits (Azure Resource Manager "Use tags": 50 tags, names 512 characters, values 256, no < > % & \ ? / in names) */
function checkTags(tags: Record<string, string> | undefined): void {
  if (!tags) return;
  const names = Object.keys(tags);
  if (names.length > 50)
    throw new ArmError(400, 'InvalidTagCount', `The number of tags '${names.length}' exceeds the maximum of '50' tags per resource.`);
  for (const n of names) {
    if (/[<>%&\\?/]/.test(n) || [...n].some((ch) => ch.charCodeAt(0) < 0x20))
      throw new ArmError(
        400,
        'InvalidTagNameCharacters',
        `The tag names '${n}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`,
      );
    if (n.length > 512)
      throw new ArmError(
        400,
        'InvalidTagNameLength',
        `The tag name '${n.slice(0, 40)}...' exceeds the maximum length of '512' characters.`,
      );
    if (String(tags[n]).length > 256)
      throw new ArmError(400, 'InvalidTagValueLength', `The tag value of '${n}' exceeds the maximum length of '256' characters.`);
  }
}

const locKey = (l: string) => l.replace(/\s+/g, '').toLowerCase();

export class OnlineEndpoints {
  readonly scoring: ScoringRequestRecord[] = [];
  private readonly containers: ContainerHost;
  private readonly environments = new Map<string, Map<string, EnvironmentVersionRecord>>(); // ws id -> name\0version
  private readonly endpoints = new Map<string, Map<string, EndpointRecord>>(); // ws id -> lower name
  private readonly operations = new Map<string, OperationRecord>();
  private readonly faults: (OnlineFaultSpec & { remaining: number })[] = [];
  /** labels this fake's containers (INSTANCE_LABEL): tests running side by side each see their own */
  readonly instanceId = randomUUID();
  private readonly background = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly host: OnlineHost,
    readonly opts: OnlineOptions,
  ) {
    this.containers = new ContainerHost({
      docker: opts.docker ?? new Docker(),
      instanceId: this.instanceId,
      registryAuth: opts.registryAuth,
      network: opts.network ?? 'host',
      portEnv: opts.portEnv ?? ((port) => ({ PORT: String(port), MODELSHIP_HOST: '127.0.0.1' })),
    });
  }

  get minPolls(): number {
    return this.opts.minOperationPolls ?? 2;
  }

  get retryAfter(): string {
    return String(this.opts.retryAfterSeconds ?? 1);
  }

  injectFault(spec: OnlineFaultSpec): void {
    this.faults.push({ ...spec, remaining: spec.count ?? 1 });
  }

  private takeFault(
    kinds: OnlineFaultSpec['kind'][],
    endpoint: string,
    deployment?: string,
    pred: (f: OnlineFaultSpec) => boolean = () => true,
  ) {
    const f = this.faults.find(
      (x) =>
        x.remaining > 0 &&
        kinds.includes(x.kind) &&
        (x.endpoint === undefined || x.endpoint.toLowerCase() === endpoint.toLowerCase()) &&
        (x.deployment === undefined || (deployment !== undefined && x.deployment.toLowerCase() === deployment.toLowerCase())) &&
        pred(x),
    );
    if (f) f.remaining -= 1;
    return f;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const eps of this.endpoints.values()) for (const ep of eps.values()) await ep.plane.stop();
    await Promise.allSettled([...this.background]);
    await this.containers.removeAll();
  }

  private track<T>(p: Promise<T>): void {
    const q = p.catch(() => undefined);
    this.background.add(q);
    void q.then(() => this.background.delete(q));
  }

  // ---------------------------------------------------------------- test helpers

  endpointJson(ref: WorkspaceRef, name: string): Record<string, unknown> | undefined {
    const w = this.host.store.workspace(ref);
    const ep = w && this.endpoints.get(workspaceId(w).toLowerCase())?.get(name.toLowerCase());
    return ep ? this.renderEndpoint(ep) : undefined;
  }

  deploymentJson(ref: WorkspaceRef, endpoint: string, name: string): Record<string, unknown> | undefined {
    const w = this.host.store.workspace(ref);
    const d = w && this.endpoints.get(workspaceId(w).toLowerCase())?.get(endpoint.toLowerCase())?.deployments.get(name.toLowerCase());
    return d ? this.renderDeployment(d) : undefined;
  }

  // ---------------------------------------------------------------- routing

  /** the operation for a path below workspaces/{ws}, or undefined when it is not an online path */
  operation(method: string, base: string, rest: string[]): OnlineOperation | undefined {
    const type = rest[0]?.toLowerCase();
    const r = rest.map((s) => s.toLowerCase());
    if (type === 'environments') {
      const [, name, , version] = rest;
      if (rest.length === 4 && r[2] === 'versions') {
        const scope = `${base}/environments/${name}/versions/${version}`;
        if (method === 'PUT')
          return {
            action: `${ML}/environments/versions/write`,
            scope,
            kind: 'write',
            run: (q, w) => this.putEnvironment(q, w, name, version),
          };
        if (method === 'GET')
          return { action: `${ML}/environments/versions/read`, scope, kind: 'read', run: (_q, w) => this.getEnvironment(w, name, version) };
      }
      return undefined;
    }
    if (type !== 'onlineendpoints') return undefined;
    if (rest.length === 1 && method === 'GET')
      return { action: `${ML}/onlineEndpoints/read`, scope: base, kind: 'read', run: (_q, w) => this.listEndpoints(w) };
    const e = rest[1];
    const eScope = `${base}/onlineEndpoints/${e}`;
    if (rest.length === 2) {
      if (method === 'GET')
        return { action: `${ML}/onlineEndpoints/read`, scope: eScope, kind: 'read', run: (_q, w) => this.getEndpoint(w, e) };
      if (method === 'PUT')
        return { action: `${ML}/onlineEndpoints/write`, scope: eScope, kind: 'write', run: (q, w) => this.putEndpoint(q, w, e) };
      if (method === 'DELETE')
        return { action: `${ML}/onlineEndpoints/delete`, scope: eScope, kind: 'write', run: (q, w) => this.deleteEndpoint(q, w, e) };
      return undefined;
    }
    if (rest.length === 3 && method === 'POST') {
      if (r[2] === 'listkeys')
        return { action: `${ML}/onlineEndpoints/listKeys/action`, scope: eScope, kind: 'write', run: (_q, w) => this.listKeys(w, e) };
      if (r[2] === 'token')
        return { action: `${ML}/onlineEndpoints/token/action`, scope: eScope, kind: 'write', run: (_q, w) => this.token(w, e) };
      if (r[2] === 'regeneratekeys')
        return {
          action: `${ML}/onlineEndpoints/regenerateKeys/action`,
          scope: eScope,
          kind: 'write',
          run: (q, w) => this.regenerateKeys(q, w, e),
        };
    }
    if (rest.length === 5 && r[2] === 'providers' && r[3] === 'microsoft.insights' && r[4] === 'metrics' && method === 'GET')
      return { action: 'Microsoft.Insights/metrics/read', scope: eScope, kind: 'read', run: (q, w) => this.metrics(q, w, e) };
    if (r[2] === 'deployments') {
      if (rest.length === 3 && method === 'GET')
        return {
          action: `${ML}/onlineEndpoints/deployments/read`,
          scope: eScope,
          kind: 'read',
          run: (_q, w) => this.listDeployments(w, e),
        };
      const d = rest[3];
      const dScope = `${eScope}/deployments/${d}`;
      if (rest.length === 4) {
        if (method === 'GET')
          return {
            action: `${ML}/onlineEndpoints/deployments/read`,
            scope: dScope,
            kind: 'read',
            run: (_q, w) => this.getDeployment(w, e, d),
          };
        if (method === 'PUT')
          return {
            action: `${ML}/onlineEndpoints/deployments/write`,
            scope: dScope,
            kind: 'write',
            run: (q, w) => this.putDeployment(q, w, e, d),
          };
        if (method === 'DELETE')
          return {
            action: `${ML}/onlineEndpoints/deployments/delete`,
            scope: dScope,
            kind: 'write',
            run: (q, w) => this.deleteDeployment(q, w, e, d),
          };
      }
      if (rest.length === 5 && r[4] === 'getlogs' && method === 'POST')
        return {
          action: `${ML}/onlineEndpoints/deployments/getLogs/action`,
          scope: dScope,
          kind: 'write',
          run: (q, w) => this.getLogs(q, w, e, d),
        };
    }
    return undefined;
  }

  /** /subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{loc}/mfeOperationsStatus|mfeOperationResults/{id} */
  operationStatus(segments: string[]): Answer | undefined {
    const l = segments.map((s) => s.toLowerCase());
    if (segments.length !== 8 || l[2] !== 'providers' || l[3] !== PROVIDER.toLowerCase() || l[4] !== 'locations') return undefined;
    if (l[6] !== 'mfeoperationsstatus' && l[6] !== 'mfeoperationresults') return undefined;
    const op = this.operations.get(segments[7]);
    if (!op || op.subscriptionId.toLowerCase() !== l[1] || locKey(op.location) !== locKey(segments[5]))
      throw E.userError(404, 'NotFoundError', `Operation '${segments[7]}' was not found.`);
    op.polls += 1;
    this.settle(op);
    if (l[6] === 'mfeoperationsstatus') return { status: 200, body: this.operationJson(op) };
    if (op.status === 'InProgress')
      return { status: 202, headers: { location: this.opUrl(op, 'mfeOperationResults'), 'retry-after': this.retryAfter } };
    if (op.status !== 'Succeeded') {
      const err = op.outcome?.error ?? { code: op.status, message: `The operation ended ${op.status}.` };
      throw new ArmError(400, err.code, err.message);
    }
    return op.kind === 'delete' ? { status: 204 } : { status: 200, body: op.result?.() };
  }

  // ---------------------------------------------------------------- operations (LRO)

  private opUrl(op: OperationRecord, kind: 'mfeOperationsStatus' | 'mfeOperationResults'): string {
    return `${this.host.origin()}/subscriptions/${op.subscriptionId}/providers/${PROVIDER}/locations/${locKey(op.location)}/${kind}/${op.id}?api-version=2024-10-01`;
  }

  private operationJson(op: OperationRecord) {
    return {
      id: `/subscriptions/${op.subscriptionId}/providers/${PROVIDER}/locations/${locKey(op.location)}/mfeOperationsStatus/${op.id}`,
      name: op.id,
      status: op.status,
      startTime: op.startTime.toISOString(),
      ...(op.endTime ? { endTime: op.endTime.toISOString() } : {}),
      ...(op.status !== 'InProgress' && op.outcome?.error ? { error: { ...op.outcome.error, details: [], additionalInfo: [] } } : {}),
    };
  }

  private newOp(ws: WorkspaceRecord, kind: 'put' | 'delete', onEnd: OperationRecord['onEnd'], result?: () => unknown): OperationRecord {
    const op: OperationRecord = {
      id: randomUUID(),
      subscriptionId: ws.subscriptionId,
      location: ws.location,
      status: 'InProgress',
      startTime: this.host.now(),
      polls: 0,
      workDone: false,
      kind,
      onEnd,
      result,
    };
    this.operations.set(op.id, op);
    return op;
  }

  private finishWork(op: OperationRecord, outcome: NonNullable<OperationRecord['outcome']>): void {
    op.outcome = outcome;
    op.workDone = true;
    this.settle(op);
  }

  /** the operation ends when its work is done and it was polled (status URL or resource GET) minOperationPolls times */
  private settle(op: OperationRecord): void {
    if (op.status !== 'InProgress' || !op.workDone || op.polls <= this.minPolls || !op.outcome) return;
    op.status = op.outcome.status;
    op.endTime = this.host.now();
    op.onEnd(op.status);
  }

  private lroHeaders(op: OperationRecord, withAsync: boolean): Record<string, string> {
    return {
      ...(withAsync ? { 'azure-asyncoperation': this.opUrl(op, 'mfeOperationsStatus') } : {}),
      location: this.opUrl(op, 'mfeOperationResults'),
      'retry-after': this.retryAfter,
      'x-ms-async-operation-timeout': 'PT1H',
    };
  }

  private busy(ep: EndpointRecord, d?: DeploymentRecord): void {
    const running = (o?: OperationRecord) => o !== undefined && o.status === 'InProgress';
    const what = running(ep.op)
      ? `endpoint '${ep.name}' (${ep.provisioningState})`
      : d
        ? running(d.op)
          ? `deployment '${d.name}' (${d.provisioningState})`
          : undefined
        : [...ep.deployments.values()].filter((x) => running(x.op)).map((x) => `deployment '${x.name}' (${x.provisioningState})`)[0];
    if (what)
      throw conflict(`Conflict: an operation is already in progress on ${what} of endpoint '${ep.name}'. Wait for it to finish and retry.`);
  }

  // ---------------------------------------------------------------- environments

  private envMap(w: WorkspaceRecord) {
    const k = workspaceId(w).toLowerCase();
    let m = this.environments.get(k);
    if (!m) this.environments.set(k, (m = new Map<string, EnvironmentVersionRecord>()));
    return m;
  }

  private envJson(w: WorkspaceRecord, e: EnvironmentVersionRecord) {
    return {
      id: `${workspaceId(w)}/environments/${e.name}/versions/${e.version}`,
      name: e.version,
      type: `${ML}/environments/versions`,
      properties: { ...e.props, environmentType: 'UserCreated', provisioningState: 'Succeeded' },
      systemData: systemDataOf(e.audit),
    };
  }

  private putEnvironment(q: OnlineRequest, w: WorkspaceRecord, name: string, version: string): Answer {
    if (!ASSET_NAME.test(name)) throw bad(`The environment name '${name}' does not match ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}$.`, 'name');
    const body = q.jsonBody('EnvironmentVersionResource') as { properties: Record<string, unknown> };
    const p = body.properties;
    if (p.image === undefined && p.build === undefined)
      throw bad('An environment version needs either properties.image or properties.build.', 'properties.image');
    if (p.image !== undefined && p.build !== undefined)
      throw bad('properties.image and properties.build are mutually exclusive.', 'properties.build');
    if (p.build !== undefined || p.condaFile !== undefined)
      throw new ArmError(
        501,
        'NotImplementedByFake',
        'The FAKE Azure ML does not build images (build context / conda file): give properties.image.',
      );
    const props: Record<string, unknown> = {
      description: p.description ?? null,
      tags: p.tags ?? {},
      properties: p.properties ?? {},
      isAnonymous: p.isAnonymous ?? false,
      isArchived: p.isArchived ?? false,
      autoRebuild: p.autoRebuild ?? 'Disabled',
      image: p.image,
      ...(p.inferenceConfig !== undefined ? { inferenceConfig: p.inferenceConfig } : {}),
      osType: p.osType ?? 'Linux',
      stage: p.stage ?? null,
    };
    if (props.osType === 'Windows') throw bad('Managed online deployments run Linux images only.', 'properties.osType');
    const m = this.envMap(w);
    const key = `${name}\u0000${version}`;
    const existing = m.get(key);
    const now = this.host.now();
    if (existing) {
      const immutable = ['image', 'inferenceConfig', 'osType', 'autoRebuild'].filter((k) => !sameJson(props[k], existing.props[k]));
      if (immutable.length > 0)
        throw E.userError(
          409,
          'Conflict',
          `An environment version with name '${name}' and version '${version}' already exists with different ${immutable.join(', ')}. ` +
            'Environment versions are immutable: only description, tags, stage and isArchived can change; register a new version.',
          `properties.${immutable[0]}`,
        );
      existing.props = {
        ...existing.props,
        description: props.description,
        tags: props.tags,
        stage: props.stage,
        isArchived: props.isArchived,
      };
      this.host.touch(existing.audit, q.principal, now);
      return { status: 200, body: this.envJson(w, existing) };
    }
    const rec: EnvironmentVersionRecord = { name, version, props, audit: this.host.auditFor(q.principal, now) };
    m.set(key, rec);
    return { status: 201, body: this.envJson(w, rec) };
  }

  private getEnvironment(w: WorkspaceRecord, name: string, version: string): Answer {
    const e = this.envMap(w).get(`${name}\u0000${version}`);
    if (!e) throw E.notFound(`environment version '${name}:${version}' in workspace '${w.name}'`);
    return { status: 200, body: this.envJson(w, e) };
  }

  // ---------------------------------------------------------------- endpoints

  private epMap(w: WorkspaceRecord) {
    const k = workspaceId(w).toLowerCase();
    let m = this.endpoints.get(k);
    if (!m) this.endpoints.set(k, (m = new Map<string, EndpointRecord>()));
    return m;
  }

  private mustEndpoint(w: WorkspaceRecord, name: string): EndpointRecord {
    const ep = this.epMap(w).get(name.toLowerCase());
    if (!ep) throw E.notFound(`online endpoint '${name}' in workspace '${w.name}'`);
    return ep;
  }

  private renderEndpoint(ep: EndpointRecord): Record<string, unknown> {
    return {
      id: `${workspaceId(ep.ws)}/onlineEndpoints/${ep.name}`,
      name: ep.name,
      type: `${ML}/onlineEndpoints`,
      location: ep.location,
      tags: ep.tags,
      identity: ep.identity,
      ...(ep.kind !== undefined ? { kind: ep.kind } : {}),
      ...(ep.sku !== undefined ? { sku: ep.sku } : {}),
      properties: {
        authMode: ep.props.authMode,
        description: ep.props.description,
        properties: ep.props.properties,
        keys: null,
        scoringUri: `${ep.plane.origin}/score`,
        swaggerUri: `${ep.plane.origin}/swagger.json`,
        ...(ep.props.compute !== null ? { compute: ep.props.compute } : {}),
        publicNetworkAccess: ep.props.publicNetworkAccess,
        traffic: ep.props.traffic,
        mirrorTraffic: ep.props.mirrorTraffic,
        provisioningState: ep.provisioningState,
      },
      systemData: systemDataOf(ep.audit),
    };
  }

  private listEndpoints(w: WorkspaceRecord): Answer {
    const value = [...this.epMap(w).values()].map((ep) => this.renderEndpoint(ep));
    return { status: 200, body: { value } };
  }

  private getEndpoint(w: WorkspaceRecord, name: string): Answer {
    const ep = this.mustEndpoint(w, name);
    if (ep.op) {
      ep.op.polls += 1;
      this.settle(ep.op);
    }
    return { status: 200, body: this.renderEndpoint(ep) };
  }

  private identityOf(given: Record<string, unknown> | undefined, previous?: Record<string, unknown>): Record<string, unknown> {
    const type = (given?.type as string | undefined) ?? 'SystemAssigned';
    if (type === 'None') return { type: 'None' };
    const uai = given?.userAssignedIdentities as Record<string, unknown> | undefined;
    return {
      type,
      ...(type.includes('SystemAssigned')
        ? {
            principalId: previous?.principalId ?? randomUUID(),
            tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
          }
        : {}),
      ...(uai
        ? {
            userAssignedIdentities: Object.fromEntries(
              Object.keys(uai).map((k) => [k, { principalId: randomUUID(), clientId: randomUUID() }]),
            ),
          }
        : {}),
    };
  }

  /** traffic and mirror rules, against the deployments that exist now */
  private checkTraffic(ep: EndpointRecord | undefined, traffic: Record<string, number>, mirror: Record<string, number>): void {
    const deployment = (name: string, which: string) => {
      const d = ep?.deployments.get(name.toLowerCase());
      if (!d)
        throw bad(
          `${which}: deployment '${name}' does not exist in endpoint '${ep?.name ?? '(new)'}'. Create the deployment first.`,
          `properties.${which}`,
        );
      return d;
    };
    let sum = 0;
    for (const [name, v] of Object.entries(traffic)) {
      if (!Number.isInteger(v) || v < 0 || v > 100)
        throw bad(`traffic: the value for '${name}' must be an integer between 0 and 100, got ${v}.`, 'properties.traffic');
      const d = deployment(name, 'traffic');
      if (v > 0 && d.provisioningState !== 'Succeeded')
        throw bad(
          `traffic: deployment '${d.name}' is in state ${d.provisioningState}; only a Succeeded deployment can receive traffic.`,
          'properties.traffic',
        );
      sum += v;
    }
    if (sum !== 0 && sum !== 100)
      throw bad(`Traffic values must add up to 100 (or all be 0); they add up to ${sum}.`, 'properties.traffic');
    const mirrored = Object.entries(mirror).filter(([, v]) => v !== 0);
    for (const [name, v] of Object.entries(mirror)) {
      if (!Number.isInteger(v) || v < 0 || v > 50)
        throw bad(`mirrorTraffic: the value for '${name}' must be an integer between 0 and 50, got ${v}.`, 'properties.mirrorTraffic');
      const d = deployment(name, 'mirrorTraffic');
      if (v > 0 && d.provisioningState !== 'Succeeded')
        throw bad(
          `mirrorTraffic: deployment '${d.name}' is in state ${d.provisioningState}; only a Succeeded deployment can receive mirrored traffic.`,
          'properties.mirrorTraffic',
        );
      const live = Object.entries(traffic).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] ?? 0;
      if (v > 0 && live > 0)
        throw bad(
          `mirrorTraffic: deployment '${d.name}' receives live traffic (${live}%); a deployment cannot receive both live and mirrored traffic.`,
          'properties.mirrorTraffic',
        );
    }
    if (mirrored.length > 1)
      throw bad(
        `mirrorTraffic: only one deployment can receive mirrored traffic; ${mirrored.length} are given.`,
        'properties.mirrorTraffic',
      );
  }

  private canonical(ep: EndpointRecord | undefined, map: Record<string, number>): Record<string, number> {
    return Object.fromEntries(Object.entries(map).map(([n, v]) => [ep?.deployments.get(n.toLowerCase())?.name ?? n, v]));
  }

  private checkLocation(w: WorkspaceRecord, location: string): void {
    if (locKey(location) !== locKey(w.location))
      throw bad(
        `The location '${location}' differs from the workspace's location '${w.location}': online endpoints and deployments live in the workspace's region.`,
        'location',
      );
  }

  private async putEndpoint(q: OnlineRequest, w: WorkspaceRecord, name: string): Promise<Answer> {
    if (!ONLINE_ENDPOINT_NAME.test(name))
      throw bad(
        `Endpoint name '${name}' is not valid: it must begin with a letter, be 3-32 characters long, contain only letters, digits and hyphens, and not end with a hyphen.`,
        'endpointName',
      );
    const body = q.jsonBody('OnlineEndpointTrackedResource') as Record<string, unknown>;
    const p = body.properties as Record<string, unknown>;
    this.checkLocation(w, body.location as string);
    checkTags(body.tags as Record<string, string> | undefined);
    const map = this.epMap(w);
    const existing = map.get(name.toLowerCase());
    if (existing) this.busy(existing);
    if (existing?.provisioningState === 'Deleting') throw conflict(`Endpoint '${existing.name}' is being deleted.`);
    // a PUT replaces the maps: an omitted traffic sets every deployment to 0%, an omitted mirrorTraffic clears the mirror
    const traffic = this.canonical(existing, (p.traffic as Record<string, number> | null | undefined) ?? {});
    const mirror = this.canonical(existing, (p.mirrorTraffic as Record<string, number> | null | undefined) ?? {});
    this.checkTraffic(existing, traffic, mirror);
    if (p.compute)
      throw bad('properties.compute is for Kubernetes online endpoints; a managed online endpoint has none.', 'properties.compute');
    const now = this.host.now();
    const props: EndpointRecord['props'] = {
      authMode: p.authMode as EndpointRecord['props']['authMode'],
      description: (p.description as string | null | undefined) ?? null,
      properties: { ...(existing?.props.properties ?? {}), ...((p.properties as Record<string, string | null> | null | undefined) ?? {}) },
      compute: null,
      publicNetworkAccess: (p.publicNetworkAccess as 'Enabled' | 'Disabled' | undefined) ?? 'Enabled',
      traffic,
      mirrorTraffic: mirror,
    };
    if (existing) {
      for (const [k, v] of Object.entries(existing.props.properties))
        if (props.properties[k] !== v)
          throw bad(
            `properties.properties: property '${k}' cannot be altered or removed (properties can only be added).`,
            'properties.properties',
          );
    }
    const fault = this.takeFault(['canceled', 'failed'], name, undefined, (f) => f.target === 'endpoint');
    const outcome = (): NonNullable<OperationRecord['outcome']> =>
      fault?.kind === 'canceled'
        ? { status: 'Canceled', error: { code: 'OperationCanceled', message: fault.message ?? 'The operation was canceled.' } }
        : fault?.kind === 'failed'
          ? {
              status: 'Failed',
              error: { code: fault.code ?? 'InternalServerError', message: fault.message ?? 'The operation failed (injected).' },
            }
          : { status: 'Succeeded' };
    if (!existing) {
      const keys = (p.keys as { primaryKey?: string | null; secondaryKey?: string | null } | null | undefined) ?? {};
      const plane = new DataPlane(
        {
          endpoint: () => this.epMap(w).get(name.toLowerCase()),
          authorizeEntra: (claims, e) =>
            this.host.authorizeClaims(claims, `${ML}/onlineEndpoints/score/action`, `${workspaceId(e.ws)}/onlineEndpoints/${e.name}`),
          record: (r) => this.scoring.push(r),
          modelErrors: this.opts.modelErrors ?? 'azure',
          now: () => this.host.now().getTime(),
        },
        this.host.tls,
      );
      await plane.start();
      const ep: EndpointRecord = {
        ws: w,
        name,
        location: w.location,
        tags: (body.tags as Record<string, string> | undefined) ?? {},
        identity: this.identityOf(body.identity as Record<string, unknown> | undefined),
        kind: body.kind as string | undefined,
        sku: body.sku as Record<string, unknown> | undefined,
        props,
        keys: {
          primaryKey: keys.primaryKey ?? randomBytes(24).toString('base64url'),
          secondaryKey: keys.secondaryKey ?? randomBytes(24).toString('base64url'),
        },
        amlTokens: new Map(),
        live: { traffic: {}, mirrorTraffic: {} },
        provisioningState: 'Creating',
        audit: this.host.auditFor(q.principal, now),
        deployments: new Map(),
        plane,
      };
      map.set(name.toLowerCase(), ep);
      const op = this.newOp(
        w,
        'put',
        (s) => {
          ep.provisioningState = s;
          if (s === 'Succeeded') ep.live = { traffic: { ...ep.props.traffic }, mirrorTraffic: { ...ep.props.mirrorTraffic } };
        },
        () => this.renderEndpoint(ep),
      );
      ep.op = op;
      this.finishWork(op, outcome());
      return { status: 201, body: this.renderEndpoint(ep), headers: this.lroHeaders(op, true) };
    }
    const ep = existing;
    ep.props = props;
    ep.tags = (body.tags as Record<string, string> | undefined) ?? {};
    ep.identity = this.identityOf(body.identity as Record<string, unknown> | undefined, ep.identity);
    ep.kind = body.kind as string | undefined;
    ep.sku = body.sku as Record<string, unknown> | undefined;
    ep.provisioningState = 'Updating';
    this.host.touch(ep.audit, q.principal, now);
    const op = this.newOp(
      w,
      'put',
      (s) => {
        ep.provisioningState = s;
        if (s === 'Succeeded') ep.live = { traffic: { ...ep.props.traffic }, mirrorTraffic: { ...ep.props.mirrorTraffic } };
      },
      () => this.renderEndpoint(ep),
    );
    ep.op = op;
    this.finishWork(op, outcome());
    return { status: 200, body: this.renderEndpoint(ep), headers: this.lroHeaders(op, true) };
  }

  private deleteEndpoint(_q: OnlineRequest, w: WorkspaceRecord, name: string): Answer {
    const ep = this.epMap(w).get(name.toLowerCase());
    if (!ep) return { status: 204 };
    this.busy(ep);
    ep.provisioningState = 'Deleting';
    const op = this.newOp(w, 'delete', () => {
      this.epMap(w).delete(name.toLowerCase());
    });
    ep.op = op;
    this.track(
      (async () => {
        for (const d of ep.deployments.values()) {
          d.provisioningState = 'Deleting';
          if (d.running) await this.containers.remove(d.running);
          d.running = undefined;
        }
        await ep.plane.stop();
        this.finishWork(op, { status: 'Succeeded' });
      })(),
    );
    return { status: 202, headers: this.lroHeaders(op, false) };
  }

  private listKeys(w: WorkspaceRecord, name: string): Answer {
    const ep = this.mustEndpoint(w, name);
    if (ep.props.authMode !== 'Key')
      throw bad(`Endpoint '${ep.name}' uses authMode ${ep.props.authMode}: keys are available only with authMode Key.`, 'authMode');
    return { status: 200, body: { ...ep.keys } };
  }

  private token(w: WorkspaceRecord, name: string): Answer {
    const ep = this.mustEndpoint(w, name);
    if (ep.props.authMode !== 'AMLToken')
      throw bad(`Endpoint '${ep.name}' uses authMode ${ep.props.authMode}: tokens are available only with authMode AMLToken.`, 'authMode');
    const now = this.host.now().getTime();
    const exp = now + 3_600_000;
    const payload = Buffer.from(JSON.stringify({ aud: ep.name, exp: Math.floor(exp / 1000), jti: randomUUID() })).toString('base64url');
    const accessToken = `eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.${payload}.${randomBytes(16).toString('base64url')}`;
    ep.amlTokens.set(accessToken, exp);
    return {
      status: 200,
      body: {
        accessToken,
        expiryTimeUtc: Math.floor(exp / 1000),
        refreshAfterTimeUtc: Math.floor((now + 1_800_000) / 1000),
        tokenType: 'Bearer',
      },
    };
  }

  private regenerateKeys(q: OnlineRequest, w: WorkspaceRecord, name: string): Answer {
    const ep = this.mustEndpoint(w, name);
    const body = q.jsonBody('RegenerateEndpointKeysRequest') as { keyType: 'Primary' | 'Secondary'; keyValue?: string | null };
    if (ep.props.authMode !== 'Key') throw bad(`Endpoint '${ep.name}' uses authMode ${ep.props.authMode}: it has no keys.`, 'authMode');
    this.busy(ep);
    const value = body.keyValue ?? randomBytes(24).toString('base64url');
    if (body.keyType === 'Primary') ep.keys.primaryKey = value;
    else ep.keys.secondaryKey = value;
    const op = this.newOp(w, 'delete', () => undefined);
    this.finishWork(op, { status: 'Succeeded' });
    return { status: 202, headers: this.lroHeaders(op, false) };
  }

  private metrics(q: OnlineRequest, w: WorkspaceRecord, name: string): Answer {
    const ep = this.epMap(w).get(name.toLowerCase());
    if (!ep)
      throw new ArmError(
        404,
        'ResourceNotFound',
        `The Resource '${PROVIDER}/workspaces/${w.name}/onlineEndpoints/${name}' under resource group '${w.resourceGroup}' was not found.`,
      );
    try {
      const body = listMetrics({
        resourceId: `${workspaceId(w)}/onlineEndpoints/${ep.name}`,
        region: locKey(w.location),
        query: q.query,
        requests: this.scoring.filter((r) => r.endpoint === ep.name),
        grainMs: this.opts.metricsGrainMs ?? 60_000,
        ingestionDelayMs: this.opts.metricsIngestionDelayMs ?? 0,
        now: this.host.now().getTime(),
      });
      return { status: 200, body };
    } catch (e: unknown) {
      if (e instanceof MetricsError) return { status: e.status, body: e.body() };
      throw e;
    }
  }

  // ---------------------------------------------------------------- deployments

  private renderDeployment(d: DeploymentRecord): Record<string, unknown> {
    return {
      id: `${workspaceId(d.endpoint.ws)}/onlineEndpoints/${d.endpoint.name}/deployments/${d.name}`,
      name: d.name,
      type: `${ML}/onlineEndpoints/deployments`,
      location: d.location,
      tags: d.tags,
      ...(d.kind !== undefined ? { kind: d.kind } : {}),
      ...(d.identity !== undefined ? { identity: d.identity } : {}),
      sku: d.sku,
      properties: { ...d.props, provisioningState: d.provisioningState },
      systemData: systemDataOf(d.audit),
    };
  }

  private listDeployments(w: WorkspaceRecord, e: string): Answer {
    const ep = this.mustEndpoint(w, e);
    return { status: 200, body: { value: [...ep.deployments.values()].map((d) => this.renderDeployment(d)) } };
  }

  private getDeployment(w: WorkspaceRecord, e: string, name: string): Answer {
    const ep = this.mustEndpoint(w, e);
    const d = ep.deployments.get(name.toLowerCase());
    if (!d) throw E.notFound(`deployment '${name}' of online endpoint '${ep.name}'`);
    if (d.op) {
      d.op.polls += 1;
      this.settle(d.op);
    }
    return { status: 200, body: this.renderDeployment(d) };
  }

  private probePlan(
    p: Record<string, unknown> | null | undefined,
    which: string,
  ): Required<Record<'initialDelay' | 'period' | 'timeout', string>> & {
    failureThreshold: number;
    successThreshold: number;
  } {
    const v = {
      initialDelay: (p?.initialDelay as string | null | undefined) ?? 'PT10S',
      period: (p?.period as string | undefined) ?? 'PT10S',
      timeout: (p?.timeout as string | undefined) ?? 'PT2S',
      failureThreshold: (p?.failureThreshold as number | undefined) ?? 30,
      successThreshold: (p?.successThreshold as number | undefined) ?? 1,
    };
    if (durationMs(v.initialDelay) < 0) throw bad(`${which}.initialDelay must not be negative.`, `properties.${which}.initialDelay`);
    if (durationMs(v.period) < 1000) throw bad(`${which}.period must be at least 1 second.`, `properties.${which}.period`);
    if (durationMs(v.timeout) < 1000) throw bad(`${which}.timeout must be at least 1 second.`, `properties.${which}.timeout`);
    if (v.failureThreshold < 1) throw bad(`${which}.failureThreshold must be at least 1.`, `properties.${which}.failureThreshold`);
    if (v.successThreshold < 1) throw bad(`${which}.successThreshold must be at least 1.`, `properties.${which}.successThreshold`);
    if (which === 'livenessProbe' && v.successThreshold !== 1)
      throw bad('livenessProbe.successThreshold must be 1.', 'properties.livenessProbe.successThreshold');
    return v;
  }

  private resolveEnvironment(id: string): { rec: EnvironmentVersionRecord; ws: WorkspaceRecord } {
    const parsed = parseArmId(id, /^\/environments\/([^/]+)\/versions\/([^/]+)$/i);
    if (!parsed)
      throw bad(
        `environmentId '${id}' is not supported by the fake: give the ARM id of a workspace environment version (.../workspaces/{ws}/environments/{name}/versions/{version}).`,
        'properties.environmentId',
      );
    const ws = this.host.store.workspace({ subscriptionId: parsed.sub, resourceGroup: parsed.rg, workspace: parsed.ws });
    const rec = ws && this.envMap(ws).get(`${parsed.m[1]}\u0000${parsed.m[2]}`);
    if (!ws || !rec)
      throw E.userError(
        404,
        'NotFoundError',
        `Not found: environment version '${parsed.m[1]}:${parsed.m[2]}' (${id}).`,
        'properties.environmentId',
      );
    return { rec, ws };
  }

  private resolveModel(id: string): { ws: WorkspaceRecord; name: string; version: string } {
    const parsed = parseArmId(id, /^\/models\/([^/]+)\/versions\/([^/]+)$/i);
    if (!parsed)
      throw bad(
        `model '${id}' is not supported by the fake: give the ARM id of a workspace model version (.../workspaces/{ws}/models/{name}/versions/{version}).`,
        'properties.model',
      );
    const ws = this.host.store.workspace({ subscriptionId: parsed.sub, resourceGroup: parsed.rg, workspace: parsed.ws });
    const v = ws?.models.get(parsed.m[1])?.versions.get(parsed.m[2]);
    if (!ws || !v)
      throw E.userError(404, 'NotFoundError', `Not found: model version '${parsed.m[1]}:${parsed.m[2]}' (${id}).`, 'properties.model');
    return { ws, name: parsed.m[1], version: parsed.m[2] };
  }

  private putDeployment(q: OnlineRequest, w: WorkspaceRecord, e: string, name: string): Answer {
    const ep = this.mustEndpoint(w, e);
    if (!ONLINE_DEPLOYMENT_NAME.test(name))
      throw bad(
        `Deployment name '${name}' is not valid: it must begin with a letter, be 3-32 characters long and contain only letters, digits and hyphens.`,
        'deploymentName',
      );
    const body = q.jsonBody('OnlineDeploymentTrackedResource') as Record<string, unknown>;
    const p = body.properties as Record<string, unknown>;
    if (p.endpointComputeType !== 'Managed')
      throw new ArmError(
        501,
        'NotImplementedByFake',
        `The FAKE Azure ML models managed online deployments only (endpointComputeType ${String(p.endpointComputeType)}).`,
      );
    if (p.containerResourceRequirements != null)
      throw bad('containerResourceRequirements is for Kubernetes online deployments.', 'properties.containerResourceRequirements');
    this.checkLocation(w, body.location as string);
    checkTags(body.tags as Record<string, string> | undefined);
    const existing = ep.deployments.get(name.toLowerCase());
    this.busy(ep, existing);
    if (ep.provisioningState === 'Deleting') throw conflict(`Endpoint '${ep.name}' is being deleted.`);
    const sku = (body.sku as Record<string, unknown> | undefined) ?? { name: 'Default', capacity: 1 };
    const capacity = (sku.capacity as number | undefined) ?? 1;
    if (capacity < 1 || capacity > MAX_CAPACITY)
      throw bad(`sku.capacity must be between 1 and ${MAX_CAPACITY} instances, got ${capacity}.`, 'sku.capacity');
    const instanceType = (p.instanceType as string | null | undefined) ?? 'Standard_F4s_v2';
    const types = this.opts.instanceTypes ?? MANAGED_INSTANCE_TYPES;
    const canonicalType = types.find((t) => t.toLowerCase() === instanceType.toLowerCase());
    if (!canonicalType)
      throw bad(
        `Instance type '${instanceType}' is not supported for managed online deployments. See the managed online endpoints SKU list.`,
        'properties.instanceType',
      );
    if (existing && (existing.props.instanceType as string).toLowerCase() !== canonicalType.toLowerCase())
      throw bad(
        `instanceType cannot be changed on an existing deployment ('${String(existing.props.instanceType)}' to '${canonicalType}'): create a new deployment.`,
        'properties.instanceType',
      );
    const rs = (p.requestSettings as Record<string, unknown> | null | undefined) ?? {};
    const requestSettings = {
      maxConcurrentRequestsPerInstance: (rs.maxConcurrentRequestsPerInstance as number | undefined) ?? 1,
      maxQueueWait: (rs.maxQueueWait as string | undefined) ?? 'PT0.5S',
      requestTimeout: (rs.requestTimeout as string | undefined) ?? 'PT5S',
    };
    const timeoutMs = durationMs(requestSettings.requestTimeout);
    if (timeoutMs <= 0 || timeoutMs > MAX_REQUEST_TIMEOUT_MS)
      throw bad(
        `requestSettings.requestTimeout must be between 1 ms and 180000 ms (PT3M), got ${requestSettings.requestTimeout}.`,
        'properties.requestSettings.requestTimeout',
      );
    if (requestSettings.maxConcurrentRequestsPerInstance < 1)
      throw bad(
        'requestSettings.maxConcurrentRequestsPerInstance must be at least 1.',
        'properties.requestSettings.maxConcurrentRequestsPerInstance',
      );
    if (durationMs(requestSettings.maxQueueWait) < 0)
      throw bad('requestSettings.maxQueueWait must not be negative.', 'properties.requestSettings.maxQueueWait');
    const liveness = this.probePlan(p.livenessProbe as Record<string, unknown> | null | undefined, 'livenessProbe');
    const readiness = this.probePlan(p.readinessProbe as Record<string, unknown> | null | undefined, 'readinessProbe');
    if (p.startupProbe != null) this.probePlan(p.startupProbe as Record<string, unknown>, 'startupProbe');
    const scale = p.scaleSettings as { scaleType?: string } | null | undefined;
    if (scale && scale.scaleType !== 'Default')
      throw bad(
        'scaleSettings: managed online deployments support scaleType Default only (autoscale is set up with Azure Monitor autoscale).',
        'properties.scaleSettings',
      );
    if (typeof p.environmentId !== 'string' || p.environmentId === '')
      throw bad('properties.environmentId is required for a managed online deployment.', 'properties.environmentId');
    const env = this.resolveEnvironment(p.environmentId);
    const inference = env.rec.props.inferenceConfig as
      | {
          scoringRoute?: { path: string; port: number };
          readinessRoute?: { path: string; port: number };
          livenessRoute?: { path: string; port: number };
        }
      | undefined;
    if (!inference)
      throw new ArmError(
        501,
        'NotImplementedByFake',
        `Environment '${env.rec.name}:${env.rec.version}' has no inferenceConfig: the FAKE Azure ML runs custom containers only (it has no azureml-inference-server to run a scoring script with).`,
      );
    if (p.codeConfiguration != null)
      throw bad(
        'codeConfiguration cannot be used with an environment that has an inferenceConfig (a custom container serves its own routes).',
        'properties.codeConfiguration',
      );
    if (!inference.scoringRoute || !inference.readinessRoute || !inference.livenessRoute)
      throw bad(
        `Environment '${env.rec.name}:${env.rec.version}': inferenceConfig needs livenessRoute, readinessRoute and scoringRoute for a custom container.`,
        'properties.environmentId',
      );
    const model = typeof p.model === 'string' && p.model !== '' ? this.resolveModel(p.model) : undefined;
    if (existing?.props.properties) {
      for (const [k, v] of Object.entries(existing.props.properties as Record<string, string | null>))
        if (((p.properties as Record<string, string | null> | null | undefined) ?? {})[k] !== v)
          throw bad(
            `properties.properties: property '${k}' cannot be altered or removed (properties can only be added).`,
            'properties.properties',
          );
    }
    const quota = this.takeFault(['outOfQuota'], ep.name, name);
    const initialQuota = quota && quota.when === 'initial';
    if (initialQuota)
      throw new ArmError(
        400,
        'OutOfQuota',
        quota.message ??
          `Not enough quota available for ${canonicalType} in SubscriptionId ${w.subscriptionId}. Current usage/limit: 24/24. Additional needed: ${capacity * 4}.`,
      );
    const props: Record<string, unknown> = {
      endpointComputeType: 'Managed',
      description: p.description ?? null,
      properties: p.properties ?? {},
      environmentId: p.environmentId,
      environmentVariables: p.environmentVariables ?? {},
      ...(p.model ? { model: p.model } : {}),
      ...(p.modelMountPath ? { modelMountPath: p.modelMountPath } : {}),
      instanceType: canonicalType,
      appInsightsEnabled: p.appInsightsEnabled ?? false,
      egressPublicNetworkAccess: p.egressPublicNetworkAccess ?? 'Enabled',
      ...(p.dataCollector != null ? { dataCollector: p.dataCollector } : {}),
      requestSettings,
      livenessProbe: liveness,
      readinessProbe: readiness,
      ...(p.startupProbe != null ? { startupProbe: p.startupProbe } : {}),
      scaleSettings: { scaleType: 'Default' },
    };
    const now = this.host.now();
    const d: DeploymentRecord = existing ?? {
      endpoint: ep,
      name,
      location: w.location,
      tags: {},
      sku: {},
      props: {},
      provisioningState: 'Creating',
      audit: this.host.auditFor(q.principal, now),
      capacity,
      limits: { maxConcurrent: 1, requestTimeoutMs: 5000 },
      inFlight: 0,
      storageLog: [],
    };
    const previous = existing
      ? { props: d.props, sku: d.sku, capacity: d.capacity, limits: d.limits, scoringPath: d.scoringPath }
      : undefined;
    d.tags = (body.tags as Record<string, string> | undefined) ?? {};
    d.kind = body.kind as string | undefined;
    d.identity = body.identity ? this.identityOf(body.identity as Record<string, unknown>, d.identity) : undefined;
    d.sku = { ...sku, name: sku.name ?? 'Default', capacity };
    d.props = props;
    d.provisioningState = existing ? 'Updating' : 'Creating';
    if (existing) this.host.touch(d.audit, q.principal, now);
    ep.deployments.set(name.toLowerCase(), d);
    const neverReady = this.takeFault(['neverReady'], ep.name, name);
    const endFault = this.takeFault(['canceled', 'failed'], ep.name, name, (f) => (f.target ?? 'deployment') === 'deployment');
    const op = this.newOp(
      w,
      'put',
      (s) => {
        d.provisioningState = s;
      },
      () => this.renderDeployment(d),
    );
    d.op = op;
    const created = !existing;
    this.track(
      this.rollOut(d, op, {
        image: env.rec.props.image as string,
        inference: inference as Required<typeof inference>,
        readiness,
        model,
        capacity,
        limits: { maxConcurrent: requestSettings.maxConcurrentRequestsPerInstance, requestTimeoutMs: timeoutMs },
        quota: quota && !initialQuota ? quota : undefined,
        neverReady: neverReady !== undefined,
        endFault,
        previous,
      }),
    );
    return { status: created ? 201 : 200, body: this.renderDeployment(d), headers: this.lroHeaders(op, true) };
  }

  /** storage initializer, container start, readiness; the new container replaces the old one only when ready */
  private async rollOut(
    d: DeploymentRecord,
    op: OperationRecord,
    x: {
      image: string;
      inference: { scoringRoute: { path: string; port: number }; readinessRoute: { path: string; port: number } };
      readiness: { initialDelay: string; period: string; timeout: string; failureThreshold: number; successThreshold: number };
      model?: { ws: WorkspaceRecord; name: string; version: string };
      capacity: number;
      limits: DeploymentRecord['limits'];
      quota?: OnlineFaultSpec;
      neverReady: boolean;
      endFault?: OnlineFaultSpec;
      previous?: {
        props: Record<string, unknown>;
        sku: Record<string, unknown>;
        capacity: number;
        limits: DeploymentRecord['limits'];
        scoringPath?: string;
      };
    },
  ): Promise<void> {
    const log = (line: string) => d.storageLog.push(`${this.host.now().toISOString()} ${line}`);
    const fail = (code: string, message: string, status: 'Failed' | 'Canceled' = 'Failed') => {
      if (x.previous) {
        // a failed update leaves the previous deployment serving, with its previous settings
        d.props = x.previous.props;
        d.sku = x.previous.sku;
        d.capacity = x.previous.capacity;
        d.limits = x.previous.limits;
        d.scoringPath = x.previous.scoringPath;
      }
      this.finishWork(op, { status, error: { code, message } });
    };
    if (x.quota) {
      fail(
        'OutOfQuota',
        x.quota.message ??
          `Not enough quota available for ${String(d.props.instanceType)} in SubscriptionId ${d.endpoint.ws.subscriptionId}. Current usage/limit: 24/24. Additional needed: ${x.capacity * 4}.`,
      );
      return;
    }
    if (x.endFault) {
      if (x.endFault.kind === 'canceled') fail('OperationCanceled', x.endFault.message ?? 'The operation was canceled.', 'Canceled');
      else fail(x.endFault.code ?? 'InternalServerError', x.endFault.message ?? 'The operation failed (injected).');
      return;
    }
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries((d.props.environmentVariables as Record<string, string | null>) ?? {})) if (v !== null) env[k] = v;
    const binds: { host: string; container: string }[] = [];
    try {
      d.storageLog.length = 0;
      log('Storage initializer started.');
      if (x.model) {
        if (!this.opts.modelFiles) throw new Error('the fake was enabled without a modelFiles hook: it cannot download model files');
        const mount = `/var/azureml-app/azureml-models/${x.model.name}/${x.model.version}`;
        log(`Downloading model ${x.model.name}:${x.model.version}.`);
        const folder = await this.opts.modelFiles(
          { subscriptionId: x.model.ws.subscriptionId, resourceGroup: x.model.ws.resourceGroup, workspace: x.model.ws.name },
          x.model.name,
          x.model.version,
        );
        const count = fs.readdirSync(folder, { recursive: true }).length;
        log(`Downloaded ${count} entries of model ${x.model.name}:${x.model.version} to ${mount}.`);
        binds.push({ host: folder, container: mount });
        env.AZUREML_MODEL_DIR = mount;
      }
      log('Storage initializer finished.');
    } catch (err: unknown) {
      const why = err instanceof Error ? err.message : String(err);
      log(`Storage initializer failed: ${why}`);
      fail('ResourceNotReady', `The storage initializer failed to download the model: ${why}`);
      return;
    }
    let started: StartedContainer | undefined;
    try {
      await this.containers.ensureImage(x.image, log);
      if (this.stopped) return;
      started = await this.containers.start({
        name: `fake-azureml-${d.endpoint.name}-${d.name}-${randomBytes(3).toString('hex')}`.toLowerCase(),
        image: x.image,
        env,
        binds,
        containerPort: x.inference.scoringRoute.port,
        labels: { 'modelship.fake-azureml.endpoint': d.endpoint.name, 'modelship.fake-azureml.deployment': d.name },
      });
    } catch (err: unknown) {
      const why = err instanceof Error ? err.message : String(err);
      log(`Image pull or container start failed: ${why}`);
      fail('ImageBuildFailure', `The inference server container could not be started from image '${x.image}': ${why}`);
      return;
    }
    const readyPath = x.neverReady ? '/__fake-azureml-never-ready__' : x.inference.readinessRoute.path;
    const result = await waitReady(
      started,
      readyPath,
      {
        initialDelayMs: durationMs(x.readiness.initialDelay),
        periodMs: durationMs(x.readiness.period),
        timeoutMs: durationMs(x.readiness.timeout),
        failureThreshold: x.readiness.failureThreshold,
        successThreshold: x.readiness.successThreshold,
      },
      () => this.stopped,
    );
    if (!result.ok) {
      d.failedLog = await this.containers.logs(started);
      await this.containers.remove(started);
      if (result.reason === 'canceled') return;
      fail(
        'ResourceNotReady',
        result.reason === 'exited'
          ? `User container has crashed or terminated: ${result.detail}. Readiness probe failed. Check the InferenceServer logs of deployment '${d.name}'.`
          : `Readiness probe failed: ${result.detail} (initialDelay ${x.readiness.initialDelay}, period ${x.readiness.period}, failureThreshold ${x.readiness.failureThreshold}). ` +
              `Check the InferenceServer logs of deployment '${d.name}'.`,
      );
      return;
    }
    const old = d.running;
    d.running = started;
    d.failedLog = undefined;
    d.scoringPath = x.inference.scoringRoute.path;
    d.capacity = x.capacity;
    d.limits = x.limits;
    if (old) await this.containers.remove(old);
    this.finishWork(op, { status: 'Succeeded' });
  }

  private deleteDeployment(_q: OnlineRequest, w: WorkspaceRecord, e: string, name: string): Answer {
    const ep = this.mustEndpoint(w, e);
    const d = ep.deployments.get(name.toLowerCase());
    if (!d) return { status: 204 };
    this.busy(ep, d);
    const share = (m: Record<string, number>) => Object.entries(m).find(([n]) => n.toLowerCase() === d.name.toLowerCase())?.[1] ?? 0;
    if (share(ep.props.traffic) > 0 || share(ep.live.traffic) > 0)
      throw bad(
        `Deployment '${d.name}' has ${share(ep.props.traffic)}% of the endpoint's traffic: set its traffic to 0 before deleting it.`,
        'deploymentName',
      );
    if (share(ep.props.mirrorTraffic) > 0 || share(ep.live.mirrorTraffic) > 0)
      throw bad(`Deployment '${d.name}' receives mirrored traffic: set its mirror traffic to 0 before deleting it.`, 'deploymentName');
    d.provisioningState = 'Deleting';
    const op = this.newOp(w, 'delete', () => {
      ep.deployments.delete(name.toLowerCase());
      for (const m of [ep.props.traffic, ep.props.mirrorTraffic, ep.live.traffic, ep.live.mirrorTraffic])
        for (const k of Object.keys(m)) if (k.toLowerCase() === name.toLowerCase()) delete m[k];
    });
    d.op = op;
    this.track(
      (async () => {
        if (d.running) await this.containers.remove(d.running);
        d.running = undefined;
        this.finishWork(op, { status: 'Succeeded' });
      })(),
    );
    return { status: 202, headers: this.lroHeaders(op, false) };
  }

  private async getLogs(q: OnlineRequest, w: WorkspaceRecord, e: string, name: string): Promise<Answer> {
    const ep = this.mustEndpoint(w, e);
    const d = ep.deployments.get(name.toLowerCase());
    if (!d) throw E.notFound(`deployment '${name}' of online endpoint '${ep.name}'`);
    const body = (q.hasBody ? q.jsonBody('DeploymentLogsRequest') : {}) as { containerType?: string; tail?: number | null };
    const tail = body.tail ?? undefined;
    const cut = (text: string) => {
      if (tail === undefined || tail < 0) return text;
      const lines = text.replace(/\n$/, '').split('\n');
      return lines.slice(Math.max(0, lines.length - tail)).join('\n') + (tail > 0 ? '\n' : '');
    };
    const type = body.containerType ?? 'InferenceServer';
    if (type === 'ModelDataCollector') return { status: 200, body: { content: '' } };
    if (type === 'StorageInitializer')
      return { status: 200, body: { content: cut(d.storageLog.join('\n') + (d.storageLog.length ? '\n' : '')) } };
    const text = d.running && d.failedLog === undefined ? await this.containers.logs(d.running) : (d.failedLog ?? '');
    return { status: 200, body: { content: cut(text) } };
  }
}
