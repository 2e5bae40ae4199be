import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { FaultBook, FaultHandle, closeServer, listenOnLoopback } from '../fake-http';
import { BUILT_IN_ROLES, Principal, RoleDefinition, decodeJwt, principalOf, roleAllows, scopeCovers } from './auth';
import * as E from './errors';
import { ArmError } from './errors';
import { OnlineEndpoints, OnlineFaultSpec, OnlineOptions, OnlineRequest } from './online/online';
import type { ScoringRequestRecord } from './online/data-plane';
import { SchemaName, validateAgainst } from './schemas';
import {
  ASSET_NAME,
  AssetScopeRef,
  Audit,
  AuditSeed,
  DatastoreRecord,
  DatastoreSeed,
  FakeArmStore,
  ModelRecord,
  ModelSeed,
  ModelVersionProps,
  ModelVersionRecord,
  ModelVersionSeed,
  PROVIDER,
  REGISTRY_NAME,
  RegistryRecord,
  RegistrySeed,
  WORKSPACE_NAME,
  WorkspaceRecord,
  WorkspaceRef,
  WorkspaceSeed,
  datastoreJson,
  datastoreSecretsJson,
  isRegistryRef,
  modelContainerJson,
  modelVersionJson,
  newWorkspaceId,
  registryArmId,
  systemDataOf,
  workspaceId,
  workspaceJson,
} from './store';

export interface FakeAzureResourceManagerOptions {
  /** PEM key and certificate: serve HTTPS (tests use a test CA); without them, plain HTTP */
  tls?: { key: string; cert: string };
  /** items per page of every list (default 7); also settable later through `pageSize` */
  pageSize?: number;
  /** api-versions the fake accepts (default ['2024-10-01']) */
  apiVersions?: string[];
  /** audiences accepted besides the fake's own origin, with and without a trailing slash */
  extraAudiences?: string[];
  /** `authorization_uri` of the WWW-Authenticate challenge (default https://login.windows.net/) */
  authorizationUri?: string;
  /** answer 404 to PUT models/{name}/versions/{v} when the model container does not exist (default false: created implicitly) */
  requireModelContainerForVersionPut?: boolean;
  /** `id` of registry assets: `azureml://registries/...` as the real service answers (default), or an ARM id */
  registryIdStyle?: 'azureml' | 'arm';
  /** tolerance for `exp`/`nbf`, in seconds (default 0) */
  clockSkewSeconds?: number;
  /** the fake's clock (systemData times, token expiry); default the system clock */
  clock?: () => Date;
  /** serve managed online endpoints, deployments (as Docker containers), environment versions and metrics (see enableOnlineEndpoints) */
  online?: OnlineOptions;
}

/** one request as the fake received it (the Authorization value is redacted) */
export interface FakeArmRequest {
  method: string;
  /** decoded path, e.g. /subscriptions/.../models/m/versions/1 */
  path: string;
  /** query parameters as sent (last value wins); the raw string is in `search` */
  query: Record<string, string>;
  search: string;
  headers: Record<string, string>;
  /** parsed JSON body, the raw text when it is not JSON, undefined when empty */
  body: unknown;
  /** answer status (0 while in flight, -1 for an injected connection reset) */
  status: number;
  /** the error code of an error answer */
  errorCode?: string;
  /** `oid` of the authenticated caller */
  principalId?: string;
  /** RBAC action the request needed, e.g. Microsoft.MachineLearningServices/workspaces/models/versions/write */
  action?: string;
  at: string;
}

export interface FaultSpec {
  /** HTTP method to match; default any */
  method?: string;
  /** decoded path to match: a RegExp, or a glob where `*` matches within one segment and `**` across segments (case-insensitive) */
  path: string | RegExp;
  /** status to answer with: 429, 500, 503, ... (ignored with resetConnection) */
  status?: number;
  /** how many matching requests to answer so (default 1; Infinity for all) */
  count?: number;
  /** seconds for the Retry-After header (429: default 1) */
  retryAfterSeconds?: number;
  /** error code of the body (defaults: 429 SubscriptionRequestsThrottled, 500 InternalServerError, 503 ServiceUnavailable) */
  code?: string;
  message?: string;
  headers?: Record<string, string>;
  /** destroy the connection instead of answering */
  resetConnection?: boolean;
}

export type { FaultHandle };

interface PageState {
  path: string;
  filterKey: string;
  position: number;
}

interface Ctx {
  method: string;
  url: URL;
  /** decoded path segments */
  segments: string[];
  /** query by lower-cased name: all values */
  query: Map<string, string[]>;
  rawBody: Buffer;
  headers: http.IncomingHttpHeaders;
  record: FakeArmRequest;
  requestId: string;
  correlationId: string;
  principal?: Principal;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type ParentType = 'workspaces' | 'registries';

interface ParentRoute {
  subscriptionId: string;
  resourceGroup: string;
  parentType: ParentType;
  parentName: string;
  /** segments after workspaces/{name} or registries/{name} */
  rest: string[];
}

interface Operation {
  action: string;
  scope: string;
  kind: 'read' | 'write';
  run: (ctx: Ctx, parent: WorkspaceRecord | RegistryRecord) => Answer | Promise<Answer>;
}

class ConnectionReset extends Error {}

const DEFAULT_API_VERSION = '2024-10-01';
const METRICS_API_VERSION = '2023-10-01';
const API_VERSION_SHAPE = /^\d{4}-\d{2}-\d{2}(-preview|-privatepreview|-alpha|-beta)?$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** resource types of the spec the fake does not model: answered 501, not 404 */
const SPEC_TYPES_NOT_MODELLED = new Set(
  [
    'batchEndpoints',
    'codes',
    'components',
    'computes',
    'connections',
    'data',
    'environments',
    'featuresets',
    'featurestoreEntities',
    'jobs',
    'marketplaceSubscriptions',
    'onlineEndpoints',
    'outboundRules',
    'privateEndpointConnections',
    'schedules',
    'serverlessEndpoints',
  ].map((s) => s.toLowerCase()),
);
const MODEL_VERSION_IMMUTABLE: (keyof ModelVersionProps)[] = ['modelUri', 'modelType', 'flavors', 'jobName', 'isAnonymous'];

function toDate(v: string | Date | undefined, fallback: Date): Date {
  if (v === undefined) return fallback;
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) throw new Error(`fake ARM seed: '${String(v)}' is not a date`);
  return d;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * A FAKE Azure Resource Manager for the Azure Machine Learning workspace model registry and
 * datastores (and read access to registry models), on 127.0.0.1. See index.ts for the spec
 * files it is written from and the list of its deviations from the real service.
 */
export class FakeAzureResourceManager {
  /** every request received, in order */
  readonly requests: FakeArmRequest[] = [];
  /** items per page of every list */
  pageSize: number;
  /** when false (the default) every authenticated principal may do everything; assignRole() turns enforcement on */
  rbacEnforced = false;

  private readonly store = new FakeArmStore();
  private readonly opts: FakeAzureResourceManagerOptions;
  private readonly apiVersions: string[];
  private readonly roles = new Map<string, RoleDefinition>(Object.entries(BUILT_IN_ROLES));
  private readonly assignments: { principalId: string; role: string; scope: string }[] = [];
  private readonly faults = new FaultBook<FaultSpec>('i');
  private readonly pages = new Map<string, PageState>();
  private server?: http.Server;
  private originValue?: string;
  private reads = 12000;
  private writes = 1200;
  private online?: OnlineEndpoints;

  constructor(opts: FakeAzureResourceManagerOptions = {}) {
    this.opts = opts;
    this.pageSize = opts.pageSize ?? 7;
    this.apiVersions = opts.apiVersions ?? [DEFAULT_API_VERSION];
    if (opts.online) this.enableOnlineEndpoints(opts.online);
  }

  // ---------------------------------------------------------------- online endpoints

  /**
   * Turns on managed online endpoints and deployments (each deployment a Docker container),
   * environment versions, their long-running operations, a data plane per endpoint and the
   * Azure Monitor metrics of the endpoints (see online/online.ts and index.ts).
   */
  enableOnlineEndpoints(opts: OnlineOptions = {}): void {
    if (this.online) throw new Error('fake ARM: online endpoints are already enabled');
    this.online = new OnlineEndpoints(
      {
        store: this.store,
        origin: () => this.origin,
        tls: this.opts.tls,
        now: () => this.now(),
        auditFor: (p, at) => this.auditFor(p, at),
        touch: (a, p, at) => this.touch(a, p, at),
        authorizeClaims: (claims, action, scope) => {
          try {
            this.authorize(principalOf(claims), action, scope);
            return undefined;
          } catch (e: unknown) {
            return e instanceof Error ? e.message : String(e);
          }
        },
      },
      opts,
    );
  }

  private mustOnline(): OnlineEndpoints {
    if (!this.online) throw new Error('fake ARM: online endpoints are not enabled (enableOnlineEndpoints)');
    return this.online;
  }

  /** the online endpoint as GET answers it (without counting as a poll), or undefined */
  onlineEndpoint(ref: WorkspaceRef, name: string): Record<string, unknown> | undefined {
    return this.mustOnline().endpointJson(ref, name);
  }

  /** the online deployment as GET answers it (without counting as a poll), or undefined */
  onlineDeployment(ref: WorkspaceRef, endpoint: string, name: string): Record<string, unknown> | undefined {
    return this.mustOnline().deploymentJson(ref, endpoint, name);
  }

  /** the value of the INSTANCE_LABEL of this fake's containers */
  get onlineInstanceId(): string {
    return this.mustOnline().instanceId;
  }

  /** every data-plane request (and mirror copy) the endpoints served, in order */
  scoringRequests(): ScoringRequestRecord[] {
    return [...this.mustOnline().scoring];
  }

  /** quota, never-ready, canceled or failed online operations (see OnlineFaultSpec) */
  injectOnlineFault(spec: OnlineFaultSpec): void {
    this.mustOnline().injectFault(spec);
  }

  // ---------------------------------------------------------------- lifecycle

  /** listens on 127.0.0.1, an ephemeral port; resolves to the origin (https://127.0.0.1:PORT with tls) */
  async start(): Promise<string> {
    if (this.server) throw new Error('fake ARM already started');
    const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
      void this.handle(req, res);
    };
    const { server, origin } = await listenOnLoopback(listener, this.opts.tls);
    this.server = server;
    this.originValue = origin;
    return this.originValue;
  }

  /** closes the listener and every open (keep-alive) connection */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await this.online?.stop();
    await closeServer(server);
  }

  /** scheme://127.0.0.1:PORT, the audience the tokens must carry */
  get origin(): string {
    if (!this.originValue) throw new Error('fake ARM not started');
    return this.originValue;
  }

  now(): Date {
    return this.opts.clock ? this.opts.clock() : new Date();
  }

  // ---------------------------------------------------------------- seeding

  addSubscription(subscriptionId: string, opts: { tenantId?: string } = {}): void {
    this.store.addSubscription(subscriptionId, opts.tenantId);
  }

  /** creates the subscription too when it is missing */
  addResourceGroup(subscriptionId: string, name: string, opts: { location?: string } = {}): void {
    this.store.addResourceGroup(subscriptionId, name, opts.location ?? 'eastus');
  }

  /** creates the subscription and resource group too when they are missing */
  addWorkspace(seed: WorkspaceSeed): void {
    if (!WORKSPACE_NAME.test(seed.workspace))
      throw new Error(`fake ARM seed: '${seed.workspace}' does not match WorkspaceNameParameter ${String(WORKSPACE_NAME)}`);
    const rg = this.store.addResourceGroup(seed.subscriptionId, seed.resourceGroup, seed.location);
    const at = this.now();
    rg.workspaces.set(seed.workspace.toLowerCase(), {
      subscriptionId: seed.subscriptionId,
      resourceGroup: rg.name,
      name: seed.workspace,
      location: seed.location,
      tags: seed.tags ?? {},
      friendlyName: seed.friendlyName ?? seed.workspace,
      description: seed.description ?? '',
      storageAccount:
        seed.storageAccount ??
        `/subscriptions/${seed.subscriptionId}/resourceGroups/${rg.name}/providers/Microsoft.Storage/storageAccounts/st${seed.workspace
          .replace(/[^a-z0-9]/gi, '')
          .toLowerCase()
          .slice(0, 20)}`,
      workspaceId: newWorkspaceId(),
      audit: this.audit({}, at),
      models: new Map(),
      datastores: new Map(),
    });
  }

  /** creates the subscription and resource group too when they are missing */
  addRegistry(seed: RegistrySeed): void {
    if (!REGISTRY_NAME.test(seed.registry))
      throw new Error(`fake ARM seed: '${seed.registry}' does not match RegistryNameParameter ${String(REGISTRY_NAME)}`);
    const rg = this.store.addResourceGroup(seed.subscriptionId, seed.resourceGroup, seed.location);
    rg.registries.set(seed.registry.toLowerCase(), {
      subscriptionId: seed.subscriptionId,
      resourceGroup: rg.name,
      name: seed.registry,
      location: seed.location,
      tags: seed.tags ?? {},
      audit: this.audit({}, this.now()),
      models: new Map(),
    });
  }

  addDatastore(ref: WorkspaceRef, seed: DatastoreSeed): void {
    const ws = this.mustWorkspace(ref);
    if (!ASSET_NAME.test(seed.name)) throw new Error(`fake ARM seed: datastore name '${seed.name}' does not match ${String(ASSET_NAME)}`);
    if (seed.isDefault) for (const d of ws.datastores.values()) d.seed = { ...d.seed, isDefault: false };
    const record: DatastoreRecord = { name: seed.name, seed: { ...seed }, audit: this.audit(seed, this.now()), seq: this.store.nextSeq() };
    const violations = validateAgainst('DatastoreResource', datastoreJson(ws, record));
    if (violations.length > 0)
      throw new Error(
        `fake ARM seed: datastore '${seed.name}' breaks the schema: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`,
      );
    ws.datastores.set(seed.name, record);
  }

  addModel(ref: AssetScopeRef, seed: ModelSeed): void {
    const models = this.mustModels(ref);
    const existing = models.get(seed.name);
    const m: ModelRecord = {
      name: seed.name,
      description: seed.description ?? null,
      tags: seed.tags ?? {},
      properties: seed.properties ?? {},
      isArchived: seed.isArchived ?? false,
      audit: this.audit(seed, this.now()),
      versions: existing?.versions ?? new Map<string, ModelVersionRecord>(),
    };
    models.set(seed.name, m);
  }

  /** creates the model container too when it is missing */
  addModelVersion(ref: AssetScopeRef, modelName: string, seed: ModelVersionSeed): void {
    const models = this.mustModels(ref);
    if (!models.has(modelName)) this.addModel(ref, { name: modelName, createdAt: seed.createdAt });
    const m = models.get(modelName) as ModelRecord;
    if (seed.version.length === 0) throw new Error('fake ARM seed: empty version');
    const record: ModelVersionRecord = {
      version: seed.version,
      props: {
        description: seed.description ?? null,
        tags: seed.tags ?? {},
        properties: seed.properties ?? {},
        isArchived: seed.isArchived ?? false,
        isAnonymous: seed.isAnonymous ?? false,
        flavors: seed.flavors ?? null,
        jobName: seed.jobName ?? null,
        modelType: seed.modelType ?? 'custom_model',
        modelUri: seed.modelUri ?? null,
        stage: seed.stage ?? null,
      },
      audit: this.audit(seed, this.now()),
      seq: this.store.nextSeq(),
    };
    const violations = validateAgainst('ModelVersionResource', { properties: record.props });
    if (violations.length > 0)
      throw new Error(
        `fake ARM seed: model version '${modelName}:${seed.version}' breaks the schema: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`,
      );
    m.versions.set(seed.version, record);
  }

  /** the model version as GET would answer it, or undefined */
  modelVersion(ref: AssetScopeRef, modelName: string, version: string): Record<string, unknown> | undefined {
    const v = this.store.models(ref)?.get(modelName)?.versions.get(version);
    if (!v) return undefined;
    return isRegistryRef(ref)
      ? this.registryVersionJson(this.store.registry(ref) as RegistryRecord, modelName, v)
      : this.workspaceVersionJson(this.store.workspace(ref) as WorkspaceRecord, modelName, v);
  }

  /** the model container as GET would answer it, or undefined */
  modelContainer(ref: AssetScopeRef, modelName: string): Record<string, unknown> | undefined {
    const m = this.store.models(ref)?.get(modelName);
    if (!m) return undefined;
    if (isRegistryRef(ref)) {
      const r = this.store.registry(ref) as RegistryRecord;
      return { ...modelContainerJson(this.registryAssetParent(r), 'registries', m) };
    }
    return { ...modelContainerJson(workspaceId(this.store.workspace(ref) as WorkspaceRecord), 'workspaces', m) };
  }

  // ---------------------------------------------------------------- access control

  /** defines a custom role (actions / notActions with ARM wildcards) */
  defineRole(name: string, role: RoleDefinition): void {
    this.roles.set(name, role);
  }

  /**
   * Assigns a role (built-in: Owner, Contributor, Reader, AzureML Data Scientist, AzureML Registry
   * User; or one from defineRole) to a principal (`oid`) at a scope (default `/`, everything).
   * Turns RBAC enforcement on: from then on a principal without a covering assignment gets 403.
   */
  assignRole(principalId: string, role: string, scope = '/'): void {
    if (!this.roles.has(role)) throw new Error(`fake ARM: unknown role '${role}' (known: ${[...this.roles.keys()].join(', ')})`);
    this.assignments.push({ principalId: principalId.toLowerCase(), role, scope });
    this.rbacEnforced = true;
  }

  /** back to the default: no assignments, and RBAC off again (every authenticated principal may do everything) */
  clearRoleAssignments(): void {
    this.assignments.length = 0;
    this.rbacEnforced = false;
  }

  // ---------------------------------------------------------------- faults

  /** answers the next `count` authenticated requests matching method+path with the given fault */
  injectFault(spec: FaultSpec): FaultHandle {
    return this.faults.inject(spec);
  }

  /** shorthand: `count` answers 429 with Retry-After */
  throttle(match: { method?: string; path: string | RegExp }, count: number, retryAfterSeconds = 1, code?: string): FaultHandle {
    return this.injectFault({ ...match, status: 429, count, retryAfterSeconds, code });
  }

  clearFaults(): void {
    this.faults.clear();
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const correlationHeader = req.headers['x-ms-correlation-request-id'];
    const correlationId = typeof correlationHeader === 'string' && correlationHeader ? correlationHeader : randomUUID();
    const url = new URL(req.url ?? '/', 'http://fake-arm.invalid');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      headers[k] = k === 'authorization' ? `${String(v).split(/\s+/)[0]} <redacted>` : Array.isArray(v) ? v.join(', ') : v;
    }
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const record: FakeArmRequest = {
      method: req.method ?? 'GET',
      path: safeDecode(url.pathname),
      query,
      search: url.search,
      headers,
      body: undefined,
      status: 0,
      at: this.now().toISOString(),
    };
    this.requests.push(record);
    let answer: Answer;
    try {
      const rawBody = await readBody(req);
      if (rawBody.length > 0) {
        const text = rawBody.toString('utf8');
        try {
          record.body = JSON.parse(text) as unknown;
        } catch {
          record.body = text;
        }
      }
      const ctx: Ctx = {
        method: record.method.toUpperCase(),
        url,
        segments: url.pathname
          .split('/')
          .filter((s) => s.length > 0)
          .map(safeDecode),
        query: queryMap(url.searchParams),
        rawBody,
        headers: req.headers,
        record,
        requestId,
        correlationId,
      };
      answer = await this.route(ctx);
    } catch (err: unknown) {
      if (err instanceof ConnectionReset) {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      const armError = err instanceof ArmError ? err : E.internalServerError(requestId, correlationId, this.now());
      if (!(err instanceof ArmError))
        armError.message = `${armError.message} (fake bug: ${err instanceof Error ? err.message : String(err)})`;
      record.errorCode = armError.code;
      answer = { status: armError.status, body: armError.body(), headers: armError.headers };
    }
    record.status = answer.status;
    const isRead = record.method.toUpperCase() === 'GET';
    if (isRead) this.reads = Math.max(1, this.reads - 1);
    else this.writes = Math.max(1, this.writes - 1);
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-cache',
      pragma: 'no-cache',
      expires: '-1',
      'x-ms-request-id': requestId,
      'x-ms-correlation-request-id': correlationId,
      'x-ms-routing-request-id': `FAKE:${this.now()
        .toISOString()
        .replace(/[-:]|\.\d+/g, '')}:${requestId}`,
      ...(isRead
        ? { 'x-ms-ratelimit-remaining-subscription-reads': String(this.reads) }
        : { 'x-ms-ratelimit-remaining-subscription-writes': String(this.writes) }),
      ...(typeof req.headers['x-ms-client-request-id'] === 'string'
        ? { 'x-ms-client-request-id': req.headers['x-ms-client-request-id'] }
        : {}),
      ...(answer.headers ?? {}),
    });
    res.end(text);
  }

  private route(ctx: Ctx): Answer | Promise<Answer> {
    const parent = parseParentRoute(ctx.segments);
    // 1. api-version (the ARM front door checks it before authentication)
    this.checkApiVersion(ctx, parent);
    // 2. authentication
    ctx.principal = this.authenticate(ctx);
    ctx.record.principalId = ctx.principal.objectId;
    // 3. injected faults (ARM throttles per authenticated caller)
    this.applyFaults(ctx);
    // 4. subscription
    if (ctx.segments.length < 2 || ctx.segments[0].toLowerCase() !== 'subscriptions') {
      throw new ArmError(
        404,
        'NotFound',
        `The FAKE Azure Resource Manager serves only /subscriptions/{id}/resourceGroups/{rg}/providers/${PROVIDER}/... (got '${ctx.record.path}').`,
      );
    }
    const subscriptionId = ctx.segments[1];
    if (!GUID.test(subscriptionId)) throw E.invalidSubscriptionId(subscriptionId);
    const sub = this.store.subscription(subscriptionId);
    if (!sub) throw E.subscriptionNotFound(subscriptionId);
    if (sub.tenantId && ctx.principal.tenantId?.toLowerCase() !== sub.tenantId.toLowerCase()) {
      throw E.tokenWrongTenant(
        this.authorizationUri(),
        typeof ctx.principal.claims.iss === 'string'
          ? ctx.principal.claims.iss
          : `https://sts.windows.net/${ctx.principal.tenantId ?? 'unknown'}/`,
        sub.tenantId,
      );
    }
    if (!parent) {
      // long-running operation status and results of the online endpoints
      const status = this.online?.operationStatus(ctx.segments);
      if (status) {
        ctx.record.action = `${PROVIDER}/locations/${ctx.segments[6] ?? ''}/read`;
        return status;
      }
      throw new ArmError(
        404,
        'NotFound',
        `The FAKE Azure Resource Manager does not serve '${ctx.record.path}': only ${PROVIDER}/workspaces and ${PROVIDER}/registries are modelled.`,
      );
    }
    // 5. the operation (and the RBAC action it needs)
    const op = this.operation(ctx, parent);
    ctx.record.action = op.action;
    // 6. authorization, before any existence check ("or the scope is invalid")
    this.authorize(ctx.principal, op.action, op.scope);
    // 7. resource group, then the workspace / registry
    const rg = this.store.resourceGroup(parent.subscriptionId, parent.resourceGroup);
    if (!rg) throw E.resourceGroupNotFound(parent.resourceGroup);
    const parentRecord =
      parent.parentType === 'workspaces'
        ? rg.workspaces.get(parent.parentName.toLowerCase())
        : rg.registries.get(parent.parentName.toLowerCase());
    if (!parentRecord) throw E.resourceNotFound(parent.parentType, parent.parentName, parent.resourceGroup);
    return op.run(ctx, parentRecord);
  }

  private checkApiVersion(ctx: Ctx, parent: ParentRoute | undefined): void {
    const given = ctx.query.get('api-version');
    if (!given || given.length === 0 || given[0] === '') throw E.missingApiVersion();
    const v = given[0];
    const l = ctx.segments.map((s) => s.toLowerCase());
    // Azure Monitor metrics of a resource: .../providers/Microsoft.Insights/metrics (api-version 2023-10-01)
    const isMetrics = l.length >= 3 && l[l.length - 1] === 'metrics' && l[l.length - 2] === 'microsoft.insights';
    const supported = isMetrics ? [METRICS_API_VERSION] : this.apiVersions;
    if (!API_VERSION_SHAPE.test(v) || given.length > 1) throw E.invalidApiVersion(given.join(','), supported);
    if (isMetrics) {
      if (v !== METRICS_API_VERSION) throw E.noRegisteredProvider(v, 'global', 'metrics', supported);
      return;
    }
    if (!this.apiVersions.includes(v)) {
      let location = 'global';
      if (parent) {
        const rg = this.store.resourceGroup(parent.subscriptionId, parent.resourceGroup);
        const p =
          parent.parentType === 'workspaces'
            ? rg?.workspaces.get(parent.parentName.toLowerCase())
            : rg?.registries.get(parent.parentName.toLowerCase());
        location = p?.location ?? rg?.location ?? location;
      }
      throw E.noRegisteredProvider(v, location, parent ? resourceTypeOf(parent) : 'unknown', this.apiVersions);
    }
  }

  private authorizationUri(): string {
    return this.opts.authorizationUri ?? 'https://login.windows.net/';
  }

  private authenticate(ctx: Ctx): Principal {
    const uri = this.authorizationUri();
    const header = ctx.headers.authorization;
    if (header === undefined || header === '') throw E.authHeaderMissing(uri);
    const m = /^Bearer ([^\s]+)$/i.exec(header);
    if (!m) throw E.authHeaderInvalidFormat(uri);
    let claims;
    try {
      claims = decodeJwt(m[1]).claims;
    } catch (err: unknown) {
      throw E.tokenInvalid(uri, err instanceof Error ? err.message : String(err));
    }
    if (typeof claims.aud !== 'string') throw E.tokenInvalid(uri, 'no aud claim');
    const allowed = [this.origin, `${this.origin}/`, ...(this.opts.extraAudiences ?? [])];
    if (!allowed.includes(claims.aud)) throw E.tokenWrongAudience(uri, claims.aud, allowed);
    if (typeof claims.exp !== 'number') throw E.tokenInvalid(uri, 'no numeric exp claim');
    const now = this.now();
    const skewMs = (this.opts.clockSkewSeconds ?? 0) * 1000;
    if (claims.exp * 1000 <= now.getTime() - skewMs) throw E.tokenExpired(uri, new Date(claims.exp * 1000), now);
    if (typeof claims.nbf === 'number' && claims.nbf * 1000 > now.getTime() + skewMs) {
      throw E.tokenInvalid(uri, `not valid before ${new Date(claims.nbf * 1000).toISOString()}`);
    }
    if (typeof claims.oid !== 'string' || claims.oid.length === 0) throw E.tokenInvalid(uri, 'no oid claim');
    return principalOf(claims);
  }

  private applyFaults(ctx: Ctx): void {
    const s = this.faults.take(ctx.method, ctx.record.path);
    if (!s) return;
    if (s.resetConnection) throw new ConnectionReset();
    const status = s.status ?? 500;
    const kind = ctx.method === 'GET' ? 'read' : 'write';
    let err: ArmError;
    if (status === 429) {
      const retry = s.retryAfterSeconds ?? 1;
      err = E.throttled(kind, ctx.segments[1] ?? 'unknown', ctx.principal?.objectId ?? 'unknown', retry, s.code);
      err.headers['retry-after'] = String(retry);
      err.headers[`x-ms-ratelimit-remaining-subscription-${kind}s`] = '0';
    } else if (status === 503) {
      err = E.serviceUnavailable();
      if (s.retryAfterSeconds !== undefined) err.headers['retry-after'] = String(s.retryAfterSeconds);
    } else if (status === 500) {
      err = E.internalServerError(ctx.requestId, ctx.correlationId, this.now());
    } else {
      err = new ArmError(status, s.code ?? `Injected${status}`, s.message ?? `Injected fault ${status} (fake).`);
      if (s.retryAfterSeconds !== undefined) err.headers['retry-after'] = String(s.retryAfterSeconds);
    }
    const final = new ArmError(err.status, s.code ?? err.code, s.message ?? err.message, {
      headers: { ...err.headers, ...(s.headers ?? {}) },
    });
    throw final;
  }

  private authorize(principal: Principal, action: string, scope: string): void {
    if (!this.rbacEnforced) return;
    const oid = principal.objectId.toLowerCase();
    const ok = this.assignments.some((a) => {
      if (a.principalId !== oid || !scopeCovers(a.scope, scope)) return false;
      const role = this.roles.get(a.role);
      return role !== undefined && roleAllows(role, action);
    });
    if (!ok) throw E.authorizationFailed(principal.clientLabel, principal.objectId, action, scope);
  }

  // ---------------------------------------------------------------- operations

  private operation(ctx: Ctx, p: ParentRoute): Operation {
    const base = `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}/providers/${PROVIDER}/${p.parentType}/${p.parentName}`;
    const rest = p.rest;
    const m = ctx.method;
    const notImplemented = () => {
      throw E.notImplementedByFake(m, ctx.record.path);
    };
    const type = rest[0]?.toLowerCase();
    const ws = 'Microsoft.MachineLearningServices/workspaces';
    const reg = 'Microsoft.MachineLearningServices/registries';

    if (p.parentType === 'workspaces') {
      const online = this.online?.operation(m, base, rest);
      if (online) return { ...online, run: (c, w) => online.run(this.onlineRequest(c), w as WorkspaceRecord) };
      if (rest.length === 0) {
        if (m === 'GET')
          return { action: `${ws}/read`, scope: base, kind: 'read', run: (_c, w) => this.getWorkspace(w as WorkspaceRecord) };
        notImplemented();
      }
      if (type === 'models') {
        const name = rest[1];
        if (rest.length === 1 && m === 'GET')
          return { action: `${ws}/models/read`, scope: base, kind: 'read', run: (c, w) => this.listModels(c, w as WorkspaceRecord) };
        if (rest.length === 2 && m === 'GET')
          return { action: `${ws}/models/read`, scope: `${base}/models/${name}`, kind: 'read', run: (_c, w) => this.getModel(w, name) };
        if (rest.length === 2 && m === 'PUT')
          return {
            action: `${ws}/models/write`,
            scope: `${base}/models/${name}`,
            kind: 'write',
            run: (c, w) => this.putModel(c, w as WorkspaceRecord, name),
          };
        if (rest.length === 3 && rest[2].toLowerCase() === 'versions' && m === 'GET') {
          return {
            action: `${ws}/models/versions/read`,
            scope: `${base}/models/${name}`,
            kind: 'read',
            run: (c, w) => this.listVersions(c, w, 'workspaces', name),
          };
        }
        if (rest.length === 4 && rest[2].toLowerCase() === 'versions') {
          const version = rest[3];
          const scope = `${base}/models/${name}/versions/${version}`;
          if (m === 'GET')
            return {
              action: `${ws}/models/versions/read`,
              scope,
              kind: 'read',
              run: (_c, w) => this.getVersion(w, 'workspaces', name, version),
            };
          if (m === 'PUT')
            return {
              action: `${ws}/models/versions/write`,
              scope,
              kind: 'write',
              run: (c, w) => this.putVersion(c, w as WorkspaceRecord, name, version),
            };
        }
        if (rest.length <= 5) notImplemented();
      }
      if (type === 'datastores') {
        const name = rest[1];
        if (rest.length === 1 && m === 'GET')
          return {
            action: `${ws}/datastores/read`,
            scope: base,
            kind: 'read',
            run: (c, w) => this.listDatastores(c, w as WorkspaceRecord),
          };
        if (rest.length === 2 && m === 'GET')
          return {
            action: `${ws}/datastores/read`,
            scope: `${base}/datastores/${name}`,
            kind: 'read',
            run: (_c, w) => this.getDatastore(w as WorkspaceRecord, name),
          };
        if (rest.length === 3 && rest[2].toLowerCase() === 'listsecrets' && m === 'POST') {
          return {
            action: `${ws}/datastores/listsecrets/action`,
            scope: `${base}/datastores/${name}`,
            kind: 'write',
            run: (_c, w) => this.listSecrets(w as WorkspaceRecord, name),
          };
        }
        if (rest.length <= 3) notImplemented();
      }
    } else {
      if (rest.length === 0) {
        if (m === 'GET') return { action: `${reg}/read`, scope: base, kind: 'read', run: (_c, r) => this.getRegistry(r) };
        notImplemented();
      }
      if (type === 'models') {
        const name = rest[1];
        const action = `${reg}/assets/read`;
        if (rest.length === 2 && m === 'GET')
          return { action, scope: `${base}/models/${name}`, kind: 'read', run: (_c, r) => this.getModel(r, name) };
        if (rest.length === 3 && rest[2].toLowerCase() === 'versions' && m === 'GET') {
          return { action, scope: `${base}/models/${name}`, kind: 'read', run: (c, r) => this.listVersions(c, r, 'registries', name) };
        }
        if (rest.length === 4 && rest[2].toLowerCase() === 'versions' && m === 'GET') {
          return {
            action,
            scope: `${base}/models/${name}/versions/${rest[3]}`,
            kind: 'read',
            run: (_c, r) => this.getVersion(r, 'registries', name, rest[3]),
          };
        }
        if (rest.length <= 5) notImplemented();
      }
    }
    if (type !== undefined && SPEC_TYPES_NOT_MODELLED.has(type)) notImplemented();
    throw E.invalidResourceType(resourceTypeOf(p), this.apiVersions[0]);
  }

  private onlineRequest(ctx: Ctx): OnlineRequest {
    return {
      method: ctx.method,
      query: ctx.query,
      principal: ctx.principal as Principal,
      jsonBody: (schema) => this.jsonBody(ctx, schema),
      hasBody: ctx.rawBody.length > 0,
    };
  }

  private getWorkspace(w: WorkspaceRecord): Answer {
    return { status: 200, body: workspaceJson(w, this.origin) };
  }

  private getRegistry(r: RegistryRecord): Answer {
    return {
      status: 200,
      body: {
        id: registryArmId(r),
        name: r.name,
        type: `${PROVIDER}/registries`,
        location: r.location,
        tags: r.tags,
        kind: 'Default',
        properties: {
          discoveryUrl: `${this.origin}/registries/${r.name}/discovery`,
          mlFlowRegistryUri: `azureml://${r.location}.api.azureml.ms/mlflow/v1.0${registryArmId(r)}`,
          regionDetails: [{ location: r.location }],
        },
        systemData: systemDataOf(r.audit),
      },
    };
  }

  // ---- model containers

  private parentId(parent: WorkspaceRecord | RegistryRecord, type: ParentType): string {
    return type === 'workspaces' ? workspaceId(parent) : this.registryAssetParent(parent);
  }

  private registryAssetParent(r: RegistryRecord): string {
    return (this.opts.registryIdStyle ?? 'azureml') === 'azureml' ? `azureml://registries/${r.name}` : registryArmId(r);
  }

  private getModel(parent: WorkspaceRecord | RegistryRecord, name: string): Answer {
    const type: ParentType = 'datastores' in parent ? 'workspaces' : 'registries';
    const m = parent.models.get(name);
    if (!m) throw E.notFound(`model container '${name}' in ${type === 'workspaces' ? 'workspace' : 'registry'} '${parent.name}'`);
    return { status: 200, body: modelContainerJson(this.parentId(parent, type), type, m) };
  }

  private listModels(ctx: Ctx, w: WorkspaceRecord): Answer {
    const view = this.listViewType(ctx);
    const items = [...w.models.values()]
      .filter((m) => view === 'All' || (view === 'ArchivedOnly' ? m.isArchived : !m.isArchived))
      .sort((a, b) => a.audit.createdAt.getTime() - b.audit.createdAt.getTime() || a.name.localeCompare(b.name));
    const count = this.intParam(ctx, 'count', 1);
    return this.page(ctx, items, { pageSize: Math.min(count ?? this.pageSize, this.pageSize) }, (m) =>
      modelContainerJson(workspaceId(w), 'workspaces', m),
    );
  }

  private putModel(ctx: Ctx, w: WorkspaceRecord, name: string): Answer {
    this.checkAssetName(name, 'name');
    const body = this.jsonBody(ctx, 'ModelContainerResource') as { properties: Record<string, unknown> };
    const p = body.properties;
    const existing = w.models.get(name);
    const now = this.now();
    const principal = ctx.principal as Principal;
    if (existing) {
      existing.description = (p.description as string | null | undefined) ?? null;
      existing.tags = (p.tags as Record<string, string> | null | undefined) ?? {};
      existing.properties = (p.properties as Record<string, string> | null | undefined) ?? {};
      existing.isArchived = (p.isArchived as boolean | undefined) ?? false;
      this.touch(existing.audit, principal, now);
      return { status: 200, body: modelContainerJson(workspaceId(w), 'workspaces', existing) };
    }
    const m: ModelRecord = {
      name,
      description: (p.description as string | null | undefined) ?? null,
      tags: (p.tags as Record<string, string> | null | undefined) ?? {},
      properties: (p.properties as Record<string, string> | null | undefined) ?? {},
      isArchived: (p.isArchived as boolean | undefined) ?? false,
      audit: this.auditFor(principal, now),
      versions: new Map(),
    };
    w.models.set(name, m);
    return { status: 201, body: modelContainerJson(workspaceId(w), 'workspaces', m) };
  }

  // ---- model versions

  private workspaceVersionJson(w: WorkspaceRecord, name: string, v: ModelVersionRecord) {
    return modelVersionJson(`${workspaceId(w)}/models/${name}/versions/${v.version}`, 'workspaces', v);
  }

  private registryVersionJson(r: RegistryRecord, name: string, v: ModelVersionRecord) {
    return modelVersionJson(`${this.registryAssetParent(r)}/models/${name}/versions/${v.version}`, 'registries', v);
  }

  private versionJson(parent: WorkspaceRecord | RegistryRecord, type: ParentType, name: string, v: ModelVersionRecord) {
    return type === 'workspaces'
      ? this.workspaceVersionJson(parent as WorkspaceRecord, name, v)
      : this.registryVersionJson(parent, name, v);
  }

  private getVersion(parent: WorkspaceRecord | RegistryRecord, type: ParentType, name: string, version: string): Answer {
    const m = parent.models.get(name);
    if (!m) throw E.notFound(`model container '${name}' in ${type === 'workspaces' ? 'workspace' : 'registry'} '${parent.name}'`);
    const v = m.versions.get(version);
    if (!v) throw E.notFound(`model version '${name}:${version}' in ${type === 'workspaces' ? 'workspace' : 'registry'} '${parent.name}'`);
    return { status: 200, body: this.versionJson(parent, type, name, v) };
  }

  private listVersions(ctx: Ctx, parent: WorkspaceRecord | RegistryRecord, type: ParentType, name: string): Answer {
    const view = this.listViewType(ctx);
    const top = this.intParam(ctx, '$top', 1);
    const offset = type === 'workspaces' ? (this.intParam(ctx, 'offset', 0) ?? 0) : 0;
    const order = this.orderBy(ctx);
    const version = this.param(ctx, 'version');
    const description = this.param(ctx, 'description');
    const tagTerms = this.terms(this.param(ctx, 'tags'));
    const propertyTerms = this.terms(this.param(ctx, 'properties'));
    const m = parent.models.get(name);
    // an unknown model lists as empty (the spec defines no 404 for the list)
    const all = m ? [...m.versions.values()] : [];
    const items = all
      .filter((v) => view === 'All' || (view === 'ArchivedOnly' ? v.props.isArchived : !v.props.isArchived))
      .filter((v) => version === undefined || v.version === version)
      .filter((v) => description === undefined || v.props.description === description)
      .filter((v) => tagTerms.every((t) => matchesTerm(v.props.tags, t)))
      .filter((v) => propertyTerms.every((t) => matchesTerm(v.props.properties, t)))
      .sort((a, b) => {
        const ta = (order.field === 'createdtime' ? a.audit.createdAt : a.audit.lastModifiedAt).getTime();
        const tb = (order.field === 'createdtime' ? b.audit.createdAt : b.audit.lastModifiedAt).getTime();
        const d = ta - tb || a.seq - b.seq;
        return order.desc ? -d : d;
      });
    return this.page(ctx, items, { pageSize: this.pageSize, start: offset, top }, (v) => this.versionJson(parent, type, name, v));
  }

  private putVersion(ctx: Ctx, w: WorkspaceRecord, name: string, version: string): Answer {
    this.checkAssetName(name, 'name');
    if (version.trim().length === 0) throw E.userError(400, 'BadArgument', 'The version must not be empty.', 'version');
    const body = this.jsonBody(ctx, 'ModelVersionResource') as { properties: Record<string, unknown> };
    const p = body.properties;
    const principal = ctx.principal as Principal;
    const now = this.now();
    let m = w.models.get(name);
    if (!m) {
      if (this.opts.requireModelContainerForVersionPut)
        throw E.notFound(`model container '${name}' in workspace '${w.name}' (create it first with PUT .../models/${name})`);
      m = {
        name,
        description: null,
        tags: {},
        properties: {},
        isArchived: false,
        audit: this.auditFor(principal, now),
        versions: new Map(),
      };
      w.models.set(name, m);
    }
    const given: ModelVersionProps = {
      description: (p.description as string | null | undefined) ?? null,
      tags: (p.tags as Record<string, string | null> | null | undefined) ?? {},
      properties: (p.properties as Record<string, string | null> | null | undefined) ?? {},
      isArchived: (p.isArchived as boolean | undefined) ?? false,
      isAnonymous: (p.isAnonymous as boolean | undefined) ?? false,
      flavors: (p.flavors as ModelVersionProps['flavors'] | undefined) ?? null,
      jobName: (p.jobName as string | null | undefined) ?? null,
      modelType: (p.modelType as string | null | undefined) ?? null,
      modelUri: (p.modelUri as string | null | undefined) ?? null,
      stage: (p.stage as string | null | undefined) ?? null,
    };
    const existing = m.versions.get(version);
    if (existing) {
      // versions are immutable but for tags, description, stage, isArchived and added properties;
      // an immutable field left out of the body is taken as unchanged
      const changed = MODEL_VERSION_IMMUTABLE.filter((k) => k in p && !sameJson(p[k], existing.props[k]));
      if ('properties' in p) {
        for (const [k, v] of Object.entries(existing.props.properties)) {
          if (!(k in given.properties) || given.properties[k] !== v) changed.push(`properties.${k}` as keyof ModelVersionProps);
        }
      }
      if (changed.length > 0) {
        throw E.userError(
          409,
          'Conflict',
          `A model version with name '${name}' and version '${version}' already exists with different ${changed.join(', ')}. ` +
            'If you are trying to create a new model version, use a different version. If you are trying to update it, ' +
            'only tags, description, stage, isArchived can be changed and properties can only be added.',
          `properties.${String(changed[0])}`,
        );
      }
      existing.props = {
        ...existing.props,
        description: given.description,
        tags: given.tags,
        stage: given.stage,
        isArchived: given.isArchived,
        properties: 'properties' in p ? given.properties : existing.props.properties,
      };
      this.touch(existing.audit, principal, now);
      return { status: 200, body: this.workspaceVersionJson(w, name, existing) };
    }
    const record: ModelVersionRecord = { version, props: given, audit: this.auditFor(principal, now), seq: this.store.nextSeq() };
    m.versions.set(version, record);
    return { status: 201, body: this.workspaceVersionJson(w, name, record) };
  }

  // ---- datastores

  private listDatastores(ctx: Ctx, w: WorkspaceRecord): Answer {
    const isDefault = this.boolParam(ctx, 'isDefault');
    const names = (ctx.query.get('names') ?? [])
      .flatMap((v) => v.split(','))
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const searchText = this.param(ctx, 'searchText');
    const orderByRaw = this.param(ctx, 'orderBy');
    const orderByAsc = this.boolParam(ctx, 'orderByAsc') ?? false;
    const count = this.intParam(ctx, 'count', 1);
    let orderField: 'createdtime' | 'modifiedtime' | 'name' | undefined;
    if (orderByRaw !== undefined) {
      const f = orderByRaw.trim().toLowerCase();
      if (f !== 'createdtime' && f !== 'modifiedtime' && f !== 'name') {
        throw E.userError(400, 'BadArgument', `orderBy '${orderByRaw}' is not one of createdtime, modifiedtime, name.`, 'orderBy');
      }
      orderField = f;
    }
    let items = [...w.datastores.values()]
      .filter((d) => isDefault === undefined || (d.seed.isDefault ?? false) === isDefault)
      .filter((d) => names.length === 0 || names.includes(d.name))
      .filter((d) => searchText === undefined || d.name.toLowerCase().includes(searchText.toLowerCase()));
    items = items.sort((a, b) => {
      let d: number;
      if (orderField === 'name') d = a.name.localeCompare(b.name);
      else if (orderField === 'modifiedtime') d = a.audit.lastModifiedAt.getTime() - b.audit.lastModifiedAt.getTime();
      else d = a.audit.createdAt.getTime() - b.audit.createdAt.getTime();
      d = d || a.seq - b.seq;
      return orderField === undefined || orderByAsc ? d : -d;
    });
    return this.page(ctx, items, { pageSize: Math.min(count ?? 30, this.pageSize) }, (d) => datastoreJson(w, d));
  }

  private getDatastore(w: WorkspaceRecord, name: string): Answer {
    const d = w.datastores.get(name);
    if (!d) throw E.notFound(`datastore '${name}' in workspace '${w.name}'`);
    return { status: 200, body: datastoreJson(w, d) };
  }

  private listSecrets(w: WorkspaceRecord, name: string): Answer {
    const d = w.datastores.get(name);
    if (!d) throw E.notFound(`datastore '${name}' in workspace '${w.name}'`);
    const secrets = datastoreSecretsJson(d);
    if (!secrets) {
      throw E.userError(
        400,
        'BadArgument',
        `Datastore '${name}' uses credentials of type 'None' (identity-based data access): it has no secrets to list. ` +
          'Access its storage with your own Microsoft Entra identity.',
        'name',
      );
    }
    return { status: 200, body: secrets };
  }

  // ---- paging

  private page<T>(ctx: Ctx, items: T[], opts: { pageSize: number; start?: number; top?: number }, render: (t: T) => unknown): Answer {
    const tokenValues = [...(ctx.query.get('$skiptoken') ?? []), ...(ctx.query.get('$skip') ?? [])];
    const filterKey = canonicalFilter(ctx.url.searchParams);
    const path = ctx.record.path.toLowerCase().replace(/\/+$/, '');
    const start = opts.start ?? 0;
    const end = opts.top !== undefined ? Math.min(items.length, start + opts.top) : items.length;
    let position = start;
    if (tokenValues.length > 0) {
      const token = tokenValues[0];
      const state = this.pages.get(token);
      if (tokenValues.length > 1 || !state || state.path !== path || state.filterKey !== filterKey) {
        throw E.userError(
          400,
          'BadArgument',
          `The continuation token '${token.slice(0, 40)}' was not issued by this server for this list and these filters. ` +
            'Follow nextLink as it is; do not build skip tokens.',
          '$skipToken',
        );
      }
      position = state.position;
    }
    const size = Math.max(1, opts.pageSize);
    const stop = Math.min(end, position + size);
    const value = items.slice(position, stop).map(render);
    const body: { value: unknown[]; nextLink?: string } = { value };
    if (stop < end) {
      const token = Buffer.from(randomUUID()).toString('base64url');
      this.pages.set(token, { path, filterKey, position: stop });
      const next = new URLSearchParams();
      for (const [k, v] of ctx.url.searchParams) if (k.toLowerCase() !== '$skiptoken' && k.toLowerCase() !== '$skip') next.append(k, v);
      next.append('$skipToken', token);
      body.nextLink = `${this.origin}${ctx.url.pathname}?${next.toString()}`;
    }
    return { status: 200, body };
  }

  // ---- request helpers

  private param(ctx: Ctx, name: string): string | undefined {
    const v = ctx.query.get(name.toLowerCase());
    if (!v) return undefined;
    if (v.length > 1) throw E.userError(400, 'BadArgument', `The query parameter '${name}' is given ${v.length} times.`, name);
    return v[0];
  }

  private intParam(ctx: Ctx, name: string, min: number): number | undefined {
    const raw = this.param(ctx, name);
    if (raw === undefined) return undefined;
    if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > 2147483647) {
      throw E.userError(400, 'BadArgument', `The query parameter '${name}' must be an int32 >= ${min}, got '${raw}'.`, name);
    }
    return Number(raw);
  }

  private boolParam(ctx: Ctx, name: string): boolean | undefined {
    const raw = this.param(ctx, name);
    if (raw === undefined) return undefined;
    if (/^true$/i.test(raw)) return true;
    if (/^false$/i.test(raw)) return false;
    throw E.userError(400, 'BadArgument', `The query parameter '${name}' must be true or false, got '${raw}'.`, name);
  }

  private listViewType(ctx: Ctx): 'ActiveOnly' | 'ArchivedOnly' | 'All' {
    const raw = this.param(ctx, 'listViewType') ?? 'ActiveOnly';
    const v = ['ActiveOnly', 'ArchivedOnly', 'All'].find((x) => x.toLowerCase() === raw.toLowerCase());
    if (!v) throw E.userError(400, 'BadArgument', `listViewType '${raw}' is not one of ActiveOnly, ArchivedOnly, All.`, 'listViewType');
    return v as 'ActiveOnly' | 'ArchivedOnly' | 'All';
  }

  /** `$orderBy`: `createdtime desc` (azure-ai-ml's "latest"), `createdtime asc`, `modifiedtime desc|asc`; default createdtime desc */
  private orderBy(ctx: Ctx): { field: 'createdtime' | 'modifiedtime'; desc: boolean } {
    const raw = this.param(ctx, '$orderBy');
    if (raw === undefined) return { field: 'createdtime', desc: true };
    const m = /^\s*(createdtime|modifiedtime)(?:\s+(asc|desc))?\s*$/i.exec(raw);
    if (!m) {
      throw E.userError(
        400,
        'BadArgument',
        `$orderBy '${raw}' is not supported; use 'createdtime desc', 'createdtime asc', 'modifiedtime desc' or 'modifiedtime asc'.`,
        '$orderBy',
      );
    }
    return { field: m[1].toLowerCase() as 'createdtime' | 'modifiedtime', desc: (m[2] ?? 'asc').toLowerCase() === 'desc' };
  }

  /** `tag1,tag2=value2` */
  private terms(raw: string | undefined): { key: string; value?: string }[] {
    if (raw === undefined) return [];
    return raw
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t.length > 0)
      .map((t) => {
        const i = t.indexOf('=');
        return i < 0 ? { key: t } : { key: t.slice(0, i), value: t.slice(i + 1) };
      });
  }

  private checkAssetName(name: string, param: string): void {
    if (!ASSET_NAME.test(name)) {
      throw E.userError(
        400,
        'BadArgument',
        `The ${param} '${name}' does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}$ of the specification.`,
        param,
      );
    }
  }

  private jsonBody(ctx: Ctx, schema: SchemaName): unknown {
    const contentType = ctx.headers['content-type'] ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\s*(;|$)/i.test(contentType)) throw E.unsupportedMediaType(contentType);
    const text = ctx.rawBody.toString('utf8');
    if (text.trim().length === 0) throw E.invalidRequestContent('The request body is empty.');
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch (err: unknown) {
      throw E.invalidRequestContent(err instanceof Error ? err.message : String(err));
    }
    const violations = validateAgainst(schema, body);
    if (violations.length > 0) throw E.validationError(violations);
    return body;
  }

  private auditFor(principal: Principal, at: Date): Audit {
    return {
      createdAt: at,
      createdBy: principal.displayName,
      createdByType: principal.createdByType,
      lastModifiedAt: at,
      lastModifiedBy: principal.displayName,
      lastModifiedByType: principal.createdByType,
    };
  }

  private touch(audit: Audit, principal: Principal, at: Date): void {
    audit.lastModifiedAt = at;
    audit.lastModifiedBy = principal.displayName;
    audit.lastModifiedByType = principal.createdByType;
  }

  private audit(seed: AuditSeed, now: Date): Audit {
    const createdAt = toDate(seed.createdAt, now);
    return {
      createdAt,
      createdBy: seed.createdBy ?? 'fake-seed',
      createdByType: seed.createdByType ?? 'Application',
      lastModifiedAt: toDate(seed.lastModifiedAt, createdAt),
      lastModifiedBy: seed.createdBy ?? 'fake-seed',
      lastModifiedByType: seed.createdByType ?? 'Application',
    };
  }

  private mustWorkspace(ref: WorkspaceRef): WorkspaceRecord {
    const w = this.store.workspace(ref);
    if (!w) throw new Error(`fake ARM seed: no workspace ${ref.subscriptionId}/${ref.resourceGroup}/${ref.workspace} (addWorkspace first)`);
    return w;
  }

  private mustModels(ref: AssetScopeRef): Map<string, ModelRecord> {
    const models = this.store.models(ref);
    if (!models)
      throw new Error(`fake ARM seed: no ${isRegistryRef(ref) ? 'registry' : 'workspace'} for ${JSON.stringify(ref)} (add it first)`);
    return models;
  }
}

// ---------------------------------------------------------------- helpers

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function queryMap(params: URLSearchParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of params) {
    const key = k.toLowerCase();
    out.set(key, [...(out.get(key) ?? []), v]);
  }
  return out;
}

/** the list's filters, for checking that a skip token is used with the query it was issued for */
function canonicalFilter(params: URLSearchParams): string {
  const pairs: string[] = [];
  for (const [k, v] of params) {
    const key = k.toLowerCase();
    if (key === 'api-version' || key === '$skiptoken' || key === '$skip') continue;
    pairs.push(`${key}=${v}`);
  }
  return pairs.sort().join('&');
}

function matchesTerm(map: Record<string, string | null>, term: { key: string; value?: string }): boolean {
  if (!(term.key in map)) return false;
  return term.value === undefined || map[term.key] === term.value;
}

function parseParentRoute(segments: string[]): ParentRoute | undefined {
  const lower = segments.map((s) => s.toLowerCase());
  if (
    segments.length < 8 ||
    lower[0] !== 'subscriptions' ||
    lower[2] !== 'resourcegroups' ||
    lower[4] !== 'providers' ||
    lower[5] !== PROVIDER.toLowerCase() ||
    (lower[6] !== 'workspaces' && lower[6] !== 'registries')
  ) {
    return undefined;
  }
  return {
    subscriptionId: segments[1],
    resourceGroup: segments[3],
    parentType: lower[6],
    parentName: segments[7],
    rest: segments.slice(8),
  };
}

/** e.g. workspaces/models/versions (an action segment such as listSecrets is not a type) */
function resourceTypeOf(p: ParentRoute): string {
  const types = [p.parentType];
  p.rest.forEach((s, i) => {
    if (i % 2 === 0 && s.toLowerCase() !== 'listsecrets') types.push(s as ParentType);
  });
  return types.join('/');
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > 4 * 1024 * 1024) throw E.invalidRequestContent('The request body is larger than the fake accepts (4 MiB).');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
