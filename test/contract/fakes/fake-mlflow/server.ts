import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { FaultBook, FaultHandle, closeServer, listenOnLoopback } from '../fake-http';
import * as E from './errors';
import { FakeHttpError, RawAnswer, jsonAnswer, textAnswer } from './errors';
import {
  DEFAULT_ORDER_BY,
  OrderTerm,
  createPageToken,
  matchesFilter,
  parseModelVersionFilter,
  parseOrderBy,
  parsePageToken,
} from './search';
import {
  ArtifactTree,
  ModelRecord,
  ModelSeed,
  Stage,
  VersionRecord,
  VersionSeed,
  aliasesOf,
  canonicalStage,
  filesOf,
  latestVersions,
  modelVersionJson,
  proxiedArtifactPath,
  registeredModelJson,
  toSearchable,
} from './store';

/** the basic-auth app's permission levels (mlflow/server/auth/permissions.py) */
export type Permission = 'READ' | 'EDIT' | 'MANAGE' | 'NO_PERMISSIONS';

export type FakeMlflowAuth =
  /** no authentication (a plain `mlflow server`) */
  | { kind: 'none' }
  /** `mlflow server --app-name basic-auth`: HTTP basic, per-model permissions, admins bypass them */
  | { kind: 'basic'; users: Record<string, { password: string; admin?: boolean }>; defaultPermission?: Permission }
  /** a Databricks-style front door: `Authorization: Bearer <token>`; token -> user name */
  | { kind: 'bearer'; tokens: Record<string, string>; defaultPermission?: Permission };

export interface FakeMlflowOptions {
  /** PEM key and certificate: serve HTTPS; without them, plain HTTP */
  tls?: { key: string; cert: string };
  /** at most this many model versions per search page (the real server returns max_results); also settable later */
  pageSize?: number;
  /** default { kind: 'none' }; also settable later with setAuth() */
  auth?: FakeMlflowAuth;
  /** `mlflow server --serve-artifacts` (the default since MLflow 2.0); false: the proxy answers 503 */
  serveArtifacts?: boolean;
  /**
   * drop model versions the caller may not read from search results. MLflow 2.x's basic-auth app
   * does NOT (it filters registered-model search only), so the default is false.
   */
  filterSearchByPermission?: boolean;
  /** epoch milliseconds for seeded timestamps (default Date.now) */
  clock?: () => number;
  /** what GET /version answers (default '2.17.2') */
  version?: string;
}

/** one request as the fake received it; secrets (passwords, tokens) are never recorded */
export interface FakeMlflowRequest {
  method: string;
  /** decoded path */
  path: string;
  /** query parameters, every value of each */
  query: Record<string, string[]>;
  /** the raw query string, with its '?' (or '') */
  search: string;
  /** scheme of the Authorization header: 'none' when absent, else 'basic', 'bearer' or the scheme sent, lower-cased */
  authScheme: string;
  /** the authenticated user (basic: the user name; bearer: the token's user) */
  user?: string;
  /** answer status (0 while in flight, -1 for an injected connection reset) */
  status: number;
  /** `error_code` of a JSON error answer */
  errorCode?: string;
  /** true when an injected fault answered */
  fault?: boolean;
  at: string;
}

export interface FaultSpec {
  /** HTTP method to match; default any */
  method?: string;
  /** decoded path: a RegExp, or a glob where `*` matches within a segment and `**` across segments */
  path: string | RegExp;
  /** status to answer (429, 500, 503, ...); omitted with delayMs: only delay, then answer normally */
  status?: number;
  /** how many matching requests (default 1; Infinity for all) */
  count?: number;
  /** adds `Retry-After: <n>` */
  retryAfterSeconds?: number;
  /** error_code of the JSON body (defaults: 429 REQUEST_LIMIT_EXCEEDED, 500 INTERNAL_ERROR, 503 TEMPORARILY_UNAVAILABLE) */
  errorCode?: string;
  message?: string;
  headers?: Record<string, string>;
  /** wait this long before answering */
  delayMs?: number;
  /** destroy the connection instead of answering */
  resetConnection?: boolean;
}

export type { FaultHandle };

type Action = 'read' | 'update' | 'delete';

interface Ctx {
  method: string;
  path: string;
  url: URL;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
  record: FakeMlflowRequest;
  user?: string;
}

interface Endpoint {
  run: (ctx: Ctx) => RawAnswer;
  /** the registered-model permission the basic-auth app checks before the handler (by the `name` parameter) */
  permission?: Action;
}

type FieldType = 'string' | 'int64';

interface Field {
  name: string;
  type: FieldType;
  repeated?: boolean;
}

/** the validators of a handler's `schema` (mlflow/server/handlers.py) */
type Check = 'string' | 'intlike' | 'array' | 'itemString' | 'required' | 'maxResults';

class ConnectionReset extends Error {}

const API = '/api/2.0/mlflow';
const ARTIFACTS = '/api/2.0/mlflow-artifacts/artifacts';
const SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD = 200_000;
/** SearchModelVersions.max_results [default = 200000] (mlflow/protos/model_registry.proto) */
const SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT = 200_000;
/** `mlflow server --artifacts-destination` as the error messages name it */
const ARTIFACTS_DESTINATION = './mlartifacts';
const TYPE_CHECKS = new Set<Check>(['string', 'intlike', 'array', 'itemString']);

/** registry and tracking routes of the real server that the fake does not implement: 501, not 404 */
const NOT_MODELLED: Record<string, string[]> = {
  'registered-models/create': ['POST'],
  'registered-models/rename': ['POST'],
  'registered-models/update': ['PATCH'],
  'registered-models/delete': ['DELETE'],
  'registered-models/search': ['GET'],
  'registered-models/set-tag': ['POST'],
  'registered-models/delete-tag': ['DELETE'],
  'model-versions/create': ['POST'],
  'model-versions/update': ['PATCH'],
  'model-versions/transition-stage': ['POST'],
  'model-versions/delete': ['DELETE'],
  'model-versions/set-tag': ['POST'],
  'model-versions/delete-tag': ['DELETE'],
  'experiments/get': ['GET'],
  'experiments/get-by-name': ['GET'],
  'experiments/search': ['GET', 'POST'],
  'runs/get': ['GET'],
  'runs/search': ['POST'],
  'artifacts/list': ['GET'],
  'metrics/get-history': ['GET'],
};

/** Python's int() of a string */
function pyInt(s: string): number | undefined {
  return /^\s*[+-]?\d+(_\d+)*\s*$/.test(s) ? Number(s.replace(/_/g, '').trim()) : undefined;
}

const can = (p: Permission, action: Action) =>
  p === 'MANAGE' || (p === 'EDIT' && action !== 'delete') || (p === 'READ' && action === 'read');

/** mlflow/utils/uri.py validate_path_is_safe */
function validatePathIsSafe(raw: string): string {
  let p = raw;
  for (let i = 0; i < 10; i += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(p);
    } catch {
      break;
    }
    if (decoded === p) break;
    p = decoded;
  }
  if (
    p.includes('#') ||
    p.split('/').includes('..') ||
    p.startsWith('/') ||
    /^[A-Za-z]:[\\/]/.test(p) ||
    /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.test(p)
  )
    throw E.invalidPath();
  return p;
}

/** mlflow/utils/mime_type_utils.py _guess_mime_type, for the extensions a model folder has */
function guessMimeType(fileName: string): string {
  const base = fileName.split('/').pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : base;
  const types: Record<string, string> = {
    MLmodel: 'text/plain',
    mlmodel: 'text/plain',
    MLproject: 'text/plain',
    txt: 'text/plain',
    log: 'text/plain',
    yaml: 'text/plain',
    yml: 'text/plain',
    md: 'text/markdown',
    json: 'application/json',
    csv: 'text/csv',
    html: 'text/html',
    py: 'text/x-python',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    svg: 'image/svg+xml',
    zip: 'application/zip',
    gz: 'application/gzip',
    tar: 'application/x-tar',
  };
  return types[ext] ?? types[base] ?? 'application/octet-stream';
}

/**
 * A FAKE MLflow tracking server (model registry + artifacts proxy, MLflow 2.x REST API) on
 * 127.0.0.1. See index.ts for the sources it is written from and its deviations from the real server.
 */
export class FakeMlflowServer {
  /** every request received, in order */
  readonly requests: FakeMlflowRequest[] = [];
  /** at most this many versions per search page (undefined: max_results, as the real server) */
  pageSize: number | undefined;
  serveArtifacts: boolean;
  filterSearchByPermission: boolean;

  private readonly opts: FakeMlflowOptions;
  private readonly models = new Map<string, ModelRecord>();
  private readonly artifacts = new ArtifactTree();
  private readonly faults = new FaultBook<FaultSpec>();
  /** `${user}\u0000${kind}\u0000${name}` -> permission */
  private readonly permissions = new Map<string, Permission>();
  private auth: FakeMlflowAuth;
  private server?: http.Server;
  private originValue?: string;
  private readonly endpoints = new Map<string, Partial<Record<string, Endpoint>>>();

  constructor(opts: FakeMlflowOptions = {}) {
    this.opts = opts;
    this.pageSize = opts.pageSize;
    this.auth = opts.auth ?? { kind: 'none' };
    this.serveArtifacts = opts.serveArtifacts ?? true;
    this.filterSearchByPermission = opts.filterSearchByPermission ?? false;
    this.defineEndpoints();
  }

  // ---------------------------------------------------------------- lifecycle

  /** listens on 127.0.0.1, an ephemeral port; resolves to the origin (https://127.0.0.1:PORT with tls) */
  async start(): Promise<string> {
    if (this.server) throw new Error('fake MLflow already started');
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
    await closeServer(server);
  }

  /** scheme://127.0.0.1:PORT (the tracking URI) */
  get origin(): string {
    if (!this.originValue) throw new Error('fake MLflow not started');
    return this.originValue;
  }

  private now(): number {
    return this.opts.clock ? this.opts.clock() : Date.now();
  }

  // ---------------------------------------------------------------- seeding and control

  /** creates (or replaces the metadata of) a registered model; its versions are kept */
  addModel(name: string, seed: ModelSeed = {}): void {
    if (name === '') throw new Error('fake MLflow seed: empty model name');
    const existing = this.models.get(name);
    const created = seed.creationTimestamp ?? existing?.creationTimestamp ?? this.now();
    const model: ModelRecord = {
      name,
      creationTimestamp: created,
      lastUpdatedTimestamp: seed.lastUpdatedTimestamp ?? existing?.lastUpdatedTimestamp ?? created,
      description: seed.description ?? existing?.description,
      tags: new Map(Object.entries(seed.tags ?? {})),
      aliases: existing?.aliases ?? new Map<string, number>(),
      versions: existing?.versions ?? new Map<number, VersionRecord>(),
    };
    this.models.set(name, model);
    for (const [alias, version] of Object.entries(seed.aliases ?? {})) this.putAlias(model, alias, version);
  }

  /** adds a version (creating the model when missing); returns its version string */
  addVersion(name: string, seed: VersionSeed = {}): string {
    if (!this.models.has(name)) this.addModel(name, { creationTimestamp: seed.creationTimestamp });
    const model = this.models.get(name) as ModelRecord;
    const version = seed.version === undefined ? Math.max(0, ...model.versions.keys()) + 1 : pyInt(String(seed.version));
    if (version === undefined || version < 1)
      throw new Error(`fake MLflow seed: version '${String(seed.version)}' is not a positive integer`);
    if (model.versions.has(version)) throw new Error(`fake MLflow seed: ${name} version ${version} exists`);
    const stage = canonicalStage(seed.stage ?? 'None');
    if (stage === undefined)
      throw new Error(`fake MLflow seed: stage '${String(seed.stage)}' is not one of None, Staging, Production, Archived`);
    const experimentId = seed.experimentId ?? '1';
    const defaultSource = seed.source === undefined;
    const runId = seed.runId ?? (defaultSource ? randomBytes(16).toString('hex') : undefined);
    const source = seed.source ?? `mlflow-artifacts:/${experimentId}/${runId}/artifacts/model`;
    let storageLocation: string | undefined;
    if (/^models:/i.test(source)) {
      // the store resolves models:/<name>/<version> to that version's download URI at registration
      const m = source.match(/^models:\/+([^/]+)\/(\d+)\/?$/i);
      const target = m ? this.models.get(decodeURIComponent(m[1]))?.versions.get(Number(m[2])) : undefined;
      if (!target) throw new Error(`fake MLflow seed: source '${source}' names no seeded model version (the server answers 500 for it)`);
      storageLocation = target.storageLocation ?? target.source;
    }
    const created = seed.creationTimestamp ?? this.now();
    const record: VersionRecord = {
      name,
      version,
      creationTimestamp: created,
      lastUpdatedTimestamp: seed.lastUpdatedTimestamp ?? created,
      description: seed.description,
      userId: seed.userId,
      stage,
      source,
      storageLocation,
      runId,
      runLink: seed.runLink,
      status: seed.status ?? 'READY',
      statusMessage: seed.statusMessage,
      tags: new Map(Object.entries(seed.tags ?? {})),
    };
    if (seed.files !== undefined) {
      const root = proxiedArtifactPath(storageLocation ?? source);
      if (root === undefined)
        throw new Error(
          `fake MLflow seed: files need a source the artifacts proxy serves (mlflow-artifacts:/...), not '${source}'; ` +
            'a client must read that storage itself',
        );
      for (const [p, content] of filesOf(seed.files)) this.artifacts.put(`${root}/${p}`, content);
    }
    model.versions.set(version, record);
    model.lastUpdatedTimestamp = Math.max(model.lastUpdatedTimestamp, created);
    return String(version);
  }

  /** points an alias at a version (moving it when it exists), as POST registered-models/alias does */
  setAlias(name: string, alias: string, version: string | number): void {
    const model = this.models.get(name);
    if (!model) throw new Error(`fake MLflow seed: no model '${name}'`);
    this.putAlias(model, alias, version);
  }

  deleteAlias(name: string, alias: string): void {
    this.models.get(name)?.aliases.delete(alias);
  }

  /** changes a version in place (stage, status, tags, description, timestamps) */
  updateVersion(
    name: string,
    version: string | number,
    patch: Partial<Pick<VersionSeed, 'stage' | 'status' | 'statusMessage' | 'description' | 'tags' | 'lastUpdatedTimestamp'>>,
  ): void {
    const v = this.models.get(name)?.versions.get(Number(version));
    if (!v) throw new Error(`fake MLflow seed: no version ${name}/${String(version)}`);
    if (patch.stage !== undefined) {
      const stage = canonicalStage(patch.stage);
      if (!stage) throw new Error(`fake MLflow seed: bad stage '${patch.stage}'`);
      v.stage = stage;
    }
    if (patch.status !== undefined) v.status = patch.status;
    if (patch.statusMessage !== undefined) v.statusMessage = patch.statusMessage;
    if (patch.description !== undefined) v.description = patch.description;
    if (patch.tags !== undefined) v.tags = new Map(Object.entries(patch.tags));
    v.lastUpdatedTimestamp = patch.lastUpdatedTimestamp ?? this.now();
  }

  /** puts files under the artifacts root (relative to it, e.g. `1/<run>/artifacts/extra`) */
  addArtifacts(prefix: string, files: Record<string, string | Buffer> | string): void {
    for (const [p, content] of filesOf(files)) this.artifacts.put(prefix === '' ? p : `${prefix}/${p}`, content);
  }

  /** every file under the artifacts root */
  artifactPaths(): string[] {
    return this.artifacts.all();
  }

  setAuth(auth: FakeMlflowAuth): void {
    this.auth = auth;
  }

  /** a user's permission on one registered model, or (artifact downloads) on one experiment */
  setPermission(user: string, target: { model: string } | { experimentId: string }, permission: Permission): void {
    const key = 'model' in target ? `${user}\u0000model\u0000${target.model}` : `${user}\u0000experiment\u0000${target.experimentId}`;
    this.permissions.set(key, permission);
  }

  clearPermissions(): void {
    this.permissions.clear();
  }

  /** answers matching requests with a fault, before authentication (as a proxy or load balancer in front would) */
  injectFault(spec: FaultSpec): FaultHandle {
    return this.faults.inject(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  private putAlias(model: ModelRecord, alias: string, version: string | number): void {
    const n = pyInt(String(version));
    if (n === undefined) throw new Error(`fake MLflow seed: alias version '${String(version)}' is not an integer`);
    this.checkAliasName(alias);
    model.aliases.delete(alias);
    model.aliases.set(alias, n);
  }

  // ---------------------------------------------------------------- HTTP plumbing

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let decodedPath = url.pathname;
    try {
      decodedPath = decodeURIComponent(url.pathname);
    } catch {
      // keep the raw path
    }
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
    const authHeader = req.headers.authorization;
    const record: FakeMlflowRequest = {
      method: req.method ?? 'GET',
      path: decodedPath,
      query,
      search: url.search,
      authScheme: authHeader ? (authHeader.split(' ')[0] ?? '').toLowerCase() : 'none',
      status: 0,
      at: new Date().toISOString(),
    };
    this.requests.push(record);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      record.status = -1;
      return;
    }
    const ctx: Ctx = { method: record.method, path: decodedPath, url, body: Buffer.concat(chunks), headers: req.headers, record };
    let answer: RawAnswer;
    try {
      answer = await this.dispatch(ctx);
    } catch (e) {
      if (e instanceof ConnectionReset) {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      if (e instanceof FakeHttpError) answer = e.answer;
      else {
        // a bug of the fake: say so loudly rather than pretending to be the server
        answer = jsonAnswer(500, { error_code: 'INTERNAL_ERROR', message: `FAKE MLflow bug: ${e instanceof Error ? e.stack : String(e)}` });
        answer.errorCode = 'INTERNAL_ERROR';
      }
    }
    record.status = answer.status;
    if (answer.errorCode !== undefined) record.errorCode = answer.errorCode;
    res.statusCode = answer.status;
    for (const [k, v] of Object.entries(answer.headers)) if (k !== 'transfer-encoding') res.setHeader(k, v);
    if (record.method === 'HEAD') {
      res.end();
      return;
    }
    if (answer.headers['transfer-encoding'] === 'chunked') {
      // a streamed file (Flask's generator response): chunked, no Content-Length
      res.write(answer.body);
      res.end();
      return;
    }
    res.setHeader('content-length', answer.body.length);
    res.end(answer.body);
  }

  private async dispatch(ctx: Ctx): Promise<RawAnswer> {
    const fault = this.faults.take(ctx.method, ctx.path);
    if (fault) {
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.resetConnection) throw new ConnectionReset();
      if (fault.status !== undefined) {
        ctx.record.fault = true;
        return this.faultAnswer(fault);
      }
    }
    this.authenticate(ctx);
    return this.route(ctx);
  }

  private faultAnswer(spec: FaultSpec): RawAnswer {
    const status = spec.status as number;
    const defaults: Record<number, [string, string]> = {
      429: ['REQUEST_LIMIT_EXCEEDED', 'Too many requests. Please wait and retry.'],
      500: ['INTERNAL_ERROR', 'Internal server error (injected by the fake).'],
      502: ['TEMPORARILY_UNAVAILABLE', 'Bad gateway (injected by the fake).'],
      503: ['TEMPORARILY_UNAVAILABLE', 'The service is temporarily unavailable. Please retry later.'],
      504: ['DEADLINE_EXCEEDED', 'Gateway timeout (injected by the fake).'],
    };
    const [code, message] = defaults[status] ?? ['INTERNAL_ERROR', `HTTP ${status} (injected by the fake)`];
    const headers: Record<string, string> = { ...(spec.headers ?? {}) };
    if (spec.retryAfterSeconds !== undefined) headers['retry-after'] = String(spec.retryAfterSeconds);
    const answer = jsonAnswer(status, { error_code: spec.errorCode ?? code, message: spec.message ?? message }, headers);
    answer.errorCode = spec.errorCode ?? code;
    return answer;
  }

  // ---------------------------------------------------------------- authentication and authorization

  private authenticate(ctx: Ctx): void {
    const auth = this.auth;
    if (auth.kind === 'none') return;
    // the basic-auth app leaves these unprotected (is_unprotected_route)
    if (/^\/(static|favicon\.ico|health)/.test(ctx.path)) return;
    const header = ctx.headers.authorization ?? '';
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const credential = space < 0 ? '' : header.slice(space + 1).trim();
    if (auth.kind === 'basic') {
      if (scheme !== 'basic') throw E.basicAuthRequired();
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) throw E.basicAuthRequired();
      const user = decoded.slice(0, colon);
      ctx.record.user = user;
      const account = auth.users[user];
      if (account === undefined || account.password !== decoded.slice(colon + 1)) throw E.basicAuthRequired();
      ctx.user = user;
      return;
    }
    if (scheme !== 'bearer' || credential === '') throw E.bearerMissing();
    const user = auth.tokens[credential];
    if (user === undefined) throw E.bearerInvalid();
    ctx.user = user;
    ctx.record.user = user;
  }

  private isAdmin(ctx: Ctx): boolean {
    return this.auth.kind === 'basic' && ctx.user !== undefined && this.auth.users[ctx.user]?.admin === true;
  }

  private permissionOf(user: string, kind: 'model' | 'experiment', name: string): Permission {
    const defaultPermission = this.auth.kind === 'none' ? 'MANAGE' : (this.auth.defaultPermission ?? 'READ');
    return this.permissions.get(`${user}\u0000${kind}\u0000${name}`) ?? defaultPermission;
  }

  /** the basic-auth app's before_request validator for a registered-model route */
  private authorizeModel(ctx: Ctx, action: Action): void {
    if (this.auth.kind === 'none' || ctx.user === undefined || this.isAdmin(ctx)) return;
    // _get_request_param: GET -> args, POST -> the JSON body, DELETE -> JSON body or args
    let name: unknown;
    if (ctx.method === 'GET' || ctx.method === 'HEAD') name = ctx.url.searchParams.get('name') ?? undefined;
    else {
      const body = this.bodyJson(ctx);
      name = body?.name;
      if (name === undefined && ctx.method === 'DELETE' && body === undefined) name = ctx.url.searchParams.get('name') ?? undefined;
    }
    if (name === undefined || name === null) {
      if (this.auth.kind === 'basic') throw E.missingParameter('name');
      return; // bearer: the handler reports it
    }
    const model = typeof name === 'string' ? name : JSON.stringify(name);
    if (!can(this.permissionOf(ctx.user, 'model', model), action)) {
      if (this.auth.kind === 'basic') throw E.basicAuthForbidden();
      throw E.bearerForbidden(ctx.user, action, model);
    }
  }

  // ---------------------------------------------------------------- routing

  private defineEndpoints(): void {
    const on = (p: string, method: string, endpoint: Endpoint) => {
      const e = this.endpoints.get(p) ?? {};
      e[method] = endpoint;
      this.endpoints.set(p, e);
    };
    on(`${API}/registered-models/get`, 'GET', { run: (c) => this.getRegisteredModel(c), permission: 'read' });
    on(`${API}/registered-models/get-latest-versions`, 'GET', { run: (c) => this.getLatestVersions(c), permission: 'read' });
    on(`${API}/registered-models/get-latest-versions`, 'POST', { run: (c) => this.getLatestVersions(c), permission: 'read' });
    on(`${API}/registered-models/alias`, 'GET', { run: (c) => this.getModelVersionByAlias(c), permission: 'read' });
    on(`${API}/registered-models/alias`, 'POST', { run: (c) => this.setRegisteredModelAlias(c), permission: 'update' });
    on(`${API}/registered-models/alias`, 'DELETE', { run: (c) => this.deleteRegisteredModelAlias(c), permission: 'delete' });
    on(`${API}/model-versions/get`, 'GET', { run: (c) => this.getModelVersion(c), permission: 'read' });
    on(`${API}/model-versions/search`, 'GET', { run: (c) => this.searchModelVersions(c) });
    on(`${API}/model-versions/get-download-uri`, 'GET', { run: (c) => this.getModelVersionDownloadUri(c), permission: 'read' });
    on(ARTIFACTS, 'GET', { run: (c) => this.listArtifacts(c) });
    on(ARTIFACTS, 'PUT', { run: (c) => this.notModelled(c) });
    on('/health', 'GET', { run: () => textAnswer(200, 'OK') });
    on('/version', 'GET', { run: () => textAnswer(200, this.opts.version ?? '2.17.2') });
    for (const [p, methods] of Object.entries(NOT_MODELLED))
      for (const m of methods) on(`${API}/${p}`, m, { run: (c) => this.notModelled(c) });
  }

  private notModelled(ctx: Ctx): RawAnswer {
    throw E.notImplementedByFake(ctx.method, ctx.path);
  }

  private route(ctx: Ctx): RawAnswer {
    const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
    if (ctx.path.startsWith(`${ARTIFACTS}/`) && ctx.path.length > ARTIFACTS.length + 1) {
      if (method === 'GET') return this.downloadArtifact(ctx, ctx.path.slice(ARTIFACTS.length + 1));
      if (method === 'PUT' || method === 'DELETE') return this.notModelled(ctx);
      throw E.methodNotAllowed(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PUT']);
    }
    const endpoints = this.endpoints.get(ctx.path);
    if (!endpoints) throw E.routeNotFound();
    const endpoint = endpoints[method];
    if (!endpoint) {
      const allowed = Object.keys(endpoints);
      if (allowed.includes('GET')) allowed.push('HEAD');
      throw E.methodNotAllowed([...allowed, 'OPTIONS'].sort());
    }
    if (endpoint.permission) this.authorizeModel(ctx, endpoint.permission);
    return endpoint.run(ctx);
  }

  // ---------------------------------------------------------------- request messages (handlers.py _get_request_message)

  private bodyJson(ctx: Ctx): Record<string, unknown> | undefined {
    // flask_request.get_json(force=True, silent=True): None on anything unparsable
    let parsed: unknown;
    try {
      parsed = JSON.parse(ctx.body.toString('utf8'));
      // older clients double-encode the JSON as a string
      if (typeof parsed === 'string') parsed = JSON.parse(parsed);
    } catch {
      return undefined;
    }
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  }

  /**
   * The request's parameters as the handler's proto message would hold them, after the handler's
   * schema checks. GET: the query string (repeated fields take every value); other methods: the
   * JSON body (POST/PUT must say Content-Type: application/json; the query string is ignored).
   */
  private readMessage(ctx: Ctx, fields: Field[], schema: Record<string, Check[]>): Record<string, string | number | string[] | undefined> {
    let json: Record<string, unknown>;
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && [...ctx.url.searchParams.keys()].length > 0) {
      json = {};
      for (const f of fields) {
        if (!ctx.url.searchParams.has(f.name)) continue;
        json[f.name] = f.repeated ? ctx.url.searchParams.getAll(f.name) : ctx.url.searchParams.get(f.name);
      }
    } else {
      if (ctx.method === 'POST' || ctx.method === 'PUT') {
        const contentType = ctx.headers['content-type'];
        if (contentType === undefined || contentType.split(';')[0].trim() !== 'application/json')
          throw E.badContentType(contentType === undefined ? undefined : contentType.split(';')[0]);
      }
      json = this.bodyJson(ctx) ?? {};
    }
    // protobuf's ParseDict: a value of the wrong JSON type fails the whole parse
    const fits = (v: unknown, t: FieldType) =>
      t === 'string'
        ? typeof v === 'string'
        : (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));
    const parsedOk = fields.every((f) => {
      const v = json[f.name];
      if (v === undefined || v === null) return true;
      if (f.repeated) return Array.isArray(v) && v.every((x) => fits(x, f.type));
      return fits(v, f.type);
    });
    for (const [key, checks] of Object.entries(schema)) {
      if (!(key in json) && !checks.includes('required')) continue;
      const value = json[key];
      for (const check of checks) {
        if (TYPE_CHECKS.has(check) && parsedOk) continue;
        let ok: boolean;
        switch (check) {
          case 'string':
            ok = typeof value === 'string';
            break;
          case 'intlike':
            ok = (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && pyInt(value) !== undefined);
            break;
          case 'array':
            ok = Array.isArray(value);
            break;
          case 'itemString':
            ok = Array.isArray(value) && value.every((x) => typeof x === 'string');
            break;
          case 'required':
            ok = value !== undefined && value !== null && value !== '';
            break;
          case 'maxResults': {
            const n = typeof value === 'number' ? value : pyInt(String(value));
            ok = n !== undefined && n <= SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD;
            break;
          }
        }
        if (!ok) throw check === 'required' ? E.missingParameter(key) : E.invalidParameterType(key, value);
      }
    }
    const out: Record<string, string | number | string[] | undefined> = {};
    for (const f of fields) {
      const v = json[f.name];
      if (f.repeated) out[f.name] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      else if (f.type === 'int64') out[f.name] = v === undefined || v === null || !fits(v, 'int64') ? undefined : Number(v);
      else out[f.name] = typeof v === 'string' ? v : '';
    }
    return out;
  }

  // ---------------------------------------------------------------- store semantics (sqlalchemy_store.py)

  private checkModelName(name: string): void {
    if (name === '') throw E.emptyModelName();
  }

  private checkVersion(version: string): number {
    const n = pyInt(version);
    if (n === undefined) throw E.versionNotInteger(version);
    return n;
  }

  /** mlflow/utils/validation.py _validate_model_alias_name */
  private checkAliasName(alias: string): void {
    if (alias === '') throw E.emptyAliasName();
    if (!/^[\w-]*$/u.test(alias)) throw E.badAliasCharacters(alias);
    if (alias.length > 255) throw E.aliasTooLong(alias);
    if (alias.toLowerCase() === 'latest') throw E.latestAliasReserved();
    if (/^[vV]\d+$/.test(alias)) throw E.versionAliasReserved(alias);
  }

  private model(name: string): ModelRecord {
    this.checkModelName(name);
    const m = this.models.get(name);
    if (!m) throw E.registeredModelNotFound(name);
    return m;
  }

  /** _get_sql_model_version: an unknown model answers like an unknown version */
  private version(name: string, version: string): { model: ModelRecord; v: VersionRecord } {
    this.checkModelName(name);
    const n = this.checkVersion(version);
    const model = this.models.get(name);
    const v = model?.versions.get(n);
    if (!model || !v) throw E.modelVersionNotFound(name, version);
    return { model, v };
  }

  // ---------------------------------------------------------------- model registry handlers

  private getRegisteredModel(ctx: Ctx): RawAnswer {
    const msg = this.readMessage(ctx, [{ name: 'name', type: 'string' }], { name: ['string', 'required'] });
    return jsonAnswer(200, { registered_model: registeredModelJson(this.model(msg.name as string)) });
  }

  private getLatestVersions(ctx: Ctx): RawAnswer {
    const msg = this.readMessage(
      ctx,
      [
        { name: 'name', type: 'string' },
        { name: 'stages', type: 'string', repeated: true },
      ],
      { name: ['string', 'required'], stages: ['array', 'itemString'] },
    );
    const model = this.model(msg.name as string);
    const requested = msg.stages as string[];
    const wanted = new Set<Stage>();
    for (const s of requested) {
      const stage = canonicalStage(s);
      if (!stage) throw E.invalidStage(s);
      wanted.add(stage);
    }
    const versions = latestVersions(model).filter((v) => requested.length === 0 || wanted.has(v.stage));
    return jsonAnswer(
      200,
      versions.length > 0 ? { model_versions: versions.map((v) => modelVersionJson(v, aliasesOf(model, v.version))) } : {},
    );
  }

  private getModelVersion(ctx: Ctx): RawAnswer {
    const msg = this.readMessage(
      ctx,
      [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
      ],
      { name: ['string', 'required'], version: ['string', 'required'] },
    );
    const { model, v } = this.version(msg.name as string, msg.version as string);
    return jsonAnswer(200, { model_version: modelVersionJson(v, aliasesOf(model, v.version)) });
  }

  private getModelVersionDownloadUri(ctx: Ctx): RawAnswer {
    // this handler declares no schema: missing parameters reach the store as ''
    const msg = this.readMessage(
      ctx,
      [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
      ],
      {},
    );
    const { v } = this.version(msg.name as string, msg.version as string);
    return jsonAnswer(200, { artifact_uri: v.storageLocation ?? v.source });
  }

  private getModelVersionByAlias(ctx: Ctx): RawAnswer {
    const msg = this.readMessage(
      ctx,
      [
        { name: 'name', type: 'string' },
        { name: 'alias', type: 'string' },
      ],
      { name: ['string', 'required'], alias: ['string', 'required'] },
    );
    const name = msg.name as string;
    const alias = msg.alias as string;
    this.checkModelName(name);
    this.checkAliasName(alias);
    const target = this.models.get(name)?.aliases.get(alias);
    if (target === undefined) throw E.aliasNotFound(alias);
    const { model, v } = this.version(name, String(target));
    return jsonAnswer(200, { model_version: modelVersionJson(v, aliasesOf(model, v.version)) });
  }

  private setRegisteredModelAlias(ctx: Ctx): RawAnswer {
    const msg = this.readMessage(
      ctx,
      [
        { name: 'name', type: 'string' },
        { name: 'alias', type: 'string' },
        { name: 'version', type: 'string' },
      ],
      { name: ['string', 'required'], alias: ['string', 'required'], version: ['string', 'required'] },
    );
    const name = msg.name as string;
    const alias = msg.alias as string;
    this.checkModelName(name);
    this.checkAliasName(alias);
    this.checkVersion(msg.version as string);
    const { model, v } = this.version(name, msg.version as string);
    model.aliases.delete(alias);
    model.aliases.set(alias, v.version);
    return jsonAnswer(200, {});
  }

  private deleteRegisteredModelAlias(ctx: Ctx): RawAnswer {
    const msg = this.readMessage(
      ctx,
      [
        { name: 'name', type: 'string' },
        { name: 'alias', type: 'string' },
      ],
      { name: ['string', 'required'], alias: ['string', 'required'] },
    );
    const name = msg.name as string;
    const alias = msg.alias as string;
    this.checkModelName(name);
    this.checkAliasName(alias);
    this.model(name).aliases.delete(alias);
    return jsonAnswer(200, {});
  }

  private searchModelVersions(ctx: Ctx): RawAnswer {
    const msg = this.readMessage(
      ctx,
      [
        { name: 'filter', type: 'string' },
        { name: 'max_results', type: 'int64' },
        { name: 'order_by', type: 'string', repeated: true },
        { name: 'page_token', type: 'string' },
      ],
      { filter: ['string'], max_results: ['intlike', 'maxResults'], order_by: ['array', 'itemString'], page_token: ['string'] },
    );
    const maxResults = (msg.max_results as number | undefined) ?? SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT;
    if (maxResults < 1) throw E.maxResultsNotPositive(String(maxResults));
    if (maxResults > SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD)
      throw E.maxResultsTooLarge(SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD, String(maxResults));
    const clauses = parseModelVersionFilter(msg.filter as string);
    const orderBy = msg.order_by as string[];
    const order = parseOrderBy(orderBy.length > 0 ? orderBy : DEFAULT_ORDER_BY);
    const offset = parsePageToken(msg.page_token as string);

    let all: VersionRecord[] = [];
    for (const m of this.models.values()) all.push(...m.versions.values());
    all = all.filter((v) => matchesFilter(toSearchable(v), clauses));
    if (this.filterSearchByPermission && this.auth.kind !== 'none' && ctx.user !== undefined && !this.isAdmin(ctx)) {
      const user = ctx.user;
      all = all.filter((v) => can(this.permissionOf(user, 'model', v.name), 'read'));
    }
    all.sort((a, b) => compareVersions(a, b, order));
    const pageLength = Math.min(maxResults, this.pageSize ?? maxResults);
    const page = all.slice(offset, offset + pageLength);
    const body: Record<string, unknown> = {};
    // search results carry no aliases: the SQL store builds them with an empty alias list
    if (page.length > 0) body.model_versions = page.map((v) => modelVersionJson(v, undefined));
    if (offset + pageLength < all.length) body.next_page_token = createPageToken(offset + pageLength);
    return jsonAnswer(200, body);
  }

  // ---------------------------------------------------------------- artifacts proxy (handlers.py _list_artifacts_mlflow_artifacts, _download_artifact)

  private listArtifacts(ctx: Ctx): RawAnswer {
    if (!this.serveArtifacts) throw E.artifactsNotServed(ARTIFACTS);
    const msg = this.readMessage(ctx, [{ name: 'path', type: 'string' }], {});
    const hasPath = ctx.url.searchParams.has('path');
    const p = hasPath ? validatePathIsSafe(msg.path as string) : '';
    const files = this.artifacts.list(p).map((e) => {
      const info: Record<string, unknown> = { path: e.path.slice(e.path.lastIndexOf('/') + 1), is_dir: e.isDir };
      // FileInfo.to_proto sets file_size only when it is truthy
      if (!e.isDir && e.size) info.file_size = e.size;
      return info;
    });
    return jsonAnswer(200, files.length > 0 ? { files } : {});
  }

  private downloadArtifact(ctx: Ctx, rawPath: string): RawAnswer {
    if (!this.serveArtifacts) throw E.artifactsNotServed(`${ARTIFACTS}/<path:artifact_path>`);
    // the basic-auth app checks the experiment of the path's first segment (downloads only)
    if (this.auth.kind !== 'none' && ctx.user !== undefined && !this.isAdmin(ctx)) {
      const experiment = rawPath.match(/^(\d+)\//)?.[1];
      const permission = experiment === undefined ? undefined : this.permissionOf(ctx.user, 'experiment', experiment);
      if (permission !== undefined && !can(permission, 'read')) {
        if (this.auth.kind === 'basic') throw E.basicAuthForbidden();
        throw mlflowPermissionDenied(ctx.user, experiment ?? '');
      }
    }
    const p = validatePathIsSafe(rawPath);
    const content = this.artifacts.file(p);
    if (content === undefined) {
      // downloading a folder: the handler open()s a directory, an uncaught IsADirectoryError
      if (this.artifacts.isDir(p)) throw E.uncaughtInternalError();
      throw E.artifactDownloadFailed(ARTIFACTS_DESTINATION, p);
    }
    const fileName = p.split('/').pop() as string;
    return {
      status: 200,
      headers: {
        'content-type': guessMimeType(fileName),
        'content-disposition': `attachment; filename=${fileName}`,
        'x-content-type-options': 'nosniff',
        'transfer-encoding': 'chunked',
      },
      body: content,
    };
  }
}

function mlflowPermissionDenied(user: string, experiment: string): FakeHttpError {
  return E.mlflowError('PERMISSION_DENIED', `User '${user}' does not have permission to 'read' experiment '${experiment}'.`);
}

function orderValue(v: VersionRecord, key: OrderTerm['key']): string | number {
  switch (key) {
    case 'name':
      return v.name;
    case 'version_number':
      return v.version;
    case 'creation_timestamp':
      return v.creationTimestamp;
    case 'last_updated_timestamp':
      return v.lastUpdatedTimestamp;
  }
}

function compareVersions(a: VersionRecord, b: VersionRecord, order: OrderTerm[]): number {
  for (const term of order) {
    const x = orderValue(a, term.key);
    const y = orderValue(b, term.key);
    if (x === y) continue;
    const less = x < y ? -1 : 1;
    return term.ascending ? less : -less;
  }
  return 0;
}
