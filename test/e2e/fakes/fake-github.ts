import * as http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A strict fake of GitHub's deployments REST API, written from the REST reference
 * (docs.github.com/en/rest/deployments/deployments and .../deployments/statuses), for one
 * repository:
 *
 * - POST /repos/{owner}/{repo}/deployments: `ref` required; 201 with the deployment; 422
 *   with GitHub's validation error shape for a missing or mistyped field;
 * - GET /repos/{owner}/{repo}/deployments: filters sha, ref, task, environment; per_page
 *   (1..100, default 30) and page; newest first;
 * - GET /repos/{owner}/{repo}/deployments/{id};
 * - POST /repos/{owner}/{repo}/deployments/{id}/statuses: `state` one of error, failure,
 *   inactive, in_progress, queued, pending, success; description at most 140 characters;
 *   log_url, target_url (log_url sets it), environment_url, environment, auto_inactive
 *   (default true: a `success` makes the earlier non-transient deployments of the same
 *   environment whose last status is `success` inactive);
 * - GET /repos/{owner}/{repo}/deployments/{id}/statuses: per_page, page; newest first.
 *
 * Every request needs `Authorization: Bearer TOKEN` (or the older `token TOKEN`), else 401
 * "Bad credentials"; `forbidden` answers 403 "Resource not accessible by integration", as
 * GitHub does for a GITHUB_TOKEN without `deployments: write`. Listens on 127.0.0.1 only and
 * refuses any other peer. Every request is recorded, with its answer's status.
 */

export type StatusState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';
export const STATUS_STATES: readonly StatusState[] = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];

export interface FakeDeployment {
  url: string;
  id: number;
  node_id: string;
  sha: string;
  ref: string;
  task: string;
  payload: Record<string, unknown> | string;
  original_environment: string;
  environment: string;
  description: string | null;
  creator: { login: string; id: number; type: string };
  created_at: string;
  updated_at: string;
  statuses_url: string;
  repository_url: string;
  transient_environment: boolean;
  production_environment: boolean;
}

export interface FakeDeploymentStatus {
  url: string;
  id: number;
  node_id: string;
  state: StatusState;
  creator: { login: string; id: number; type: string };
  description: string;
  environment: string;
  target_url: string;
  created_at: string;
  updated_at: string;
  deployment_url: string;
  repository_url: string;
  environment_url: string;
  log_url: string;
}

export interface RecordedCall {
  method: string;
  /** the path without the query */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  status: number;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  token: string;
  /** answer every deployments request with 403 (a token without `deployments: write`) */
  forbidden?: boolean;
}

const DOCS = 'https://docs.github.com/rest/deployments';
const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

const notFound = (docs = `${DOCS}/deployments`) => new HttpError(404, { message: 'Not Found', documentation_url: docs, status: '404' });

function validation(
  resource: string,
  field: string,
  code: 'missing_field' | 'invalid' | 'custom',
  docs: string,
  message?: string,
): HttpError {
  return new HttpError(422, {
    message: 'Validation Failed',
    errors: [{ resource, field, code, ...(message ? { message } : {}) }],
    documentation_url: docs,
    status: '422',
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FakeGitHub {
  readonly calls: RecordedCall[] = [];
  readonly deployments: FakeDeployment[] = [];
  /** per deployment id, oldest first */
  readonly statuses = new Map<number, FakeDeploymentStatus[]>();
  forbidden: boolean;
  private server?: http.Server;
  private nextId = 1000;
  private nextStatusId = 5000;
  private readonly owner: string;
  private readonly repo: string;

  constructor(private readonly opts: FakeGitHubOptions) {
    this.owner = opts.owner ?? 'acme';
    this.repo = opts.repo ?? 'models';
    this.forbidden = opts.forbidden ?? false;
  }

  get repository(): string {
    return `${this.owner}/${this.repo}`;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the fake GitHub API is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.answer(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    server.on('connection', (socket) => {
      const peer = socket.remoteAddress ?? '';
      if (peer !== '127.0.0.1' && peer !== '::ffff:127.0.0.1' && peer !== '::1') socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** the calls to the deployments API as `METHOD path?query` (query keys sorted) */
  lines(): string[] {
    return this.calls.map((c) => {
      const q = Object.keys(c.query)
        .sort()
        .map((k) => `${k}=${c.query[k]}`)
        .join('&');
      return `${c.method} ${c.path}${q ? `?${q}` : ''}`;
    });
  }

  /** forget what was recorded (the deployments and statuses stay) */
  clearCalls(): void {
    this.calls.length = 0;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams.entries());
    let body: unknown = undefined;
    let status = 500;
    let out: unknown;
    try {
      if (text) {
        try {
          body = JSON.parse(text) as unknown;
        } catch {
          throw new HttpError(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
        }
      }
      this.authorize(req.headers.authorization);
      [status, out] = this.route(req.method ?? 'GET', url.pathname, query, body);
    } catch (err: unknown) {
      if (!(err instanceof HttpError)) throw err;
      status = err.status;
      out = err.body;
    }
    this.calls.push({ method: req.method ?? 'GET', path: url.pathname, query, headers: req.headers, body, status });
    const json = JSON.stringify(out);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-api-version-selected': '2022-11-28' });
    res.end(json);
  }

  private authorize(header: string | undefined): void {
    const m = /^(?:Bearer|token) (\S+)$/i.exec(header ?? '');
    if (!m || m[1] !== this.opts.token) {
      throw new HttpError(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
  }

  private route(method: string, path: string, query: Record<string, string>, body: unknown): [number, unknown] {
    const m = /^\/repos\/([^/]+)\/([^/]+)\/deployments(?:\/(\d+)(\/statuses)?)?\/?$/.exec(path);
    if (!m) throw notFound('https://docs.github.com/rest');
    if (m[1] !== this.owner || m[2] !== this.repo) throw notFound();
    const id = m[3] === undefined ? undefined : Number(m[3]);
    const statuses = m[4] !== undefined;
    if (this.forbidden) {
      throw new HttpError(403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}/${statuses ? 'statuses#create-a-deployment-status' : 'deployments#create-a-deployment'}`,
        status: '403',
      });
    }
    if (id === undefined && method === 'POST') return [201, this.createDeployment(body)];
    if (id === undefined && method === 'GET') return [200, this.listDeployments(query)];
    if (id === undefined) throw notFound();
    const deployment = this.deployments.find((d) => d.id === id);
    if (!deployment) throw notFound(`${DOCS}/${statuses ? 'statuses' : 'deployments'}`);
    if (!statuses && method === 'GET') return [200, deployment];
    if (statuses && method === 'POST') return [201, this.createStatus(deployment, body)];
    if (statuses && method === 'GET') return [200, page([...(this.statuses.get(id) ?? [])].reverse(), query, `${DOCS}/statuses`)];
    throw notFound();
  }

  private createDeployment(body: unknown): FakeDeployment {
    const docs = `${DOCS}/deployments#create-a-deployment`;
    if (!isObject(body)) throw validation('Deployment', 'ref', 'missing_field', docs);
    const check = (field: string, ok: (v: unknown) => boolean): void => {
      if (field in body && !ok(body[field])) throw validation('Deployment', field, 'invalid', docs);
    };
    if (!('ref' in body)) throw validation('Deployment', 'ref', 'missing_field', docs);
    check('ref', (v) => typeof v === 'string' && v !== '');
    check('task', (v) => typeof v === 'string');
    check('auto_merge', (v) => typeof v === 'boolean');
    check('required_contexts', (v) => Array.isArray(v) && v.every((c) => typeof c === 'string'));
    check('payload', (v) => isObject(v) || typeof v === 'string');
    check('environment', (v) => typeof v === 'string' && v !== '');
    check('description', (v) => typeof v === 'string' || v === null);
    check('transient_environment', (v) => typeof v === 'boolean');
    check('production_environment', (v) => typeof v === 'boolean');
    const environment = (body.environment as string | undefined) ?? 'production';
    const id = this.nextId++;
    const now = new Date().toISOString();
    const ref = body.ref as string;
    const base = `https://api.github.com/repos/${this.owner}/${this.repo}`;
    const deployment: FakeDeployment = {
      url: `${base}/deployments/${id}`,
      id,
      node_id: `DE_${id}`,
      sha: /^[0-9a-f]{40}$/.test(ref) ? ref : 'f'.repeat(40),
      ref,
      task: (body.task as string | undefined) ?? 'deploy',
      payload: (body.payload as Record<string, unknown> | string | undefined) ?? {},
      original_environment: environment,
      environment,
      description: (body.description as string | null | undefined) ?? '',
      creator: BOT,
      created_at: now,
      updated_at: now,
      statuses_url: `${base}/deployments/${id}/statuses`,
      repository_url: base,
      transient_environment: (body.transient_environment as boolean | undefined) ?? false,
      production_environment: (body.production_environment as boolean | undefined) ?? environment === 'production',
    };
    this.deployments.push(deployment);
    this.statuses.set(id, []);
    return deployment;
  }

  private listDeployments(query: Record<string, string>): FakeDeployment[] {
    const found = this.deployments
      .filter(
        (d) =>
          (query.sha === undefined || d.sha === query.sha) &&
          (query.ref === undefined || d.ref === query.ref) &&
          (query.task === undefined || d.task === query.task) &&
          (query.environment === undefined || d.environment === query.environment),
      )
      .reverse();
    return page(found, query, `${DOCS}/deployments#list-deployments`);
  }

  private createStatus(deployment: FakeDeployment, body: unknown): FakeDeploymentStatus {
    const docs = `${DOCS}/statuses#create-a-deployment-status`;
    if (!isObject(body) || !('state' in body)) throw validation('DeploymentStatus', 'state', 'missing_field', docs);
    if (!STATUS_STATES.includes(body.state as StatusState)) throw validation('DeploymentStatus', 'state', 'invalid', docs);
    const str = (field: string): void => {
      if (field in body && typeof body[field] !== 'string') throw validation('DeploymentStatus', field, 'invalid', docs);
    };
    for (const f of ['description', 'log_url', 'target_url', 'environment_url', 'environment']) str(f);
    if ('auto_inactive' in body && typeof body.auto_inactive !== 'boolean')
      throw validation('DeploymentStatus', 'auto_inactive', 'invalid', docs);
    const description = (body.description as string | undefined) ?? '';
    if (description.length > 140)
      throw validation('DeploymentStatus', 'description', 'custom', docs, 'description is too long (maximum is 140 characters)');
    for (const f of ['log_url', 'target_url', 'environment_url'] as const) {
      const v = body[f];
      if (typeof v === 'string' && v !== '' && !/^https?:\/\/\S+$/.test(v)) throw validation('DeploymentStatus', f, 'invalid', docs);
    }
    const state = body.state as StatusState;
    const environment = (body.environment as string | undefined) ?? deployment.environment;
    const status = this.addStatus(deployment, {
      state,
      description,
      environment,
      log_url: (body.log_url as string | undefined) ?? (body.target_url as string | undefined) ?? '',
      environment_url: (body.environment_url as string | undefined) ?? '',
    });
    deployment.environment = environment;
    if (state === 'success' && body.auto_inactive !== false) {
      for (const other of this.deployments) {
        if (other.id === deployment.id || other.environment !== environment || other.transient_environment) continue;
        const last = this.statuses.get(other.id)?.at(-1);
        if (last?.state === 'success')
          this.addStatus(other, { state: 'inactive', description: '', environment, log_url: '', environment_url: '' });
      }
    }
    return status;
  }

  private addStatus(
    deployment: FakeDeployment,
    s: { state: StatusState; description: string; environment: string; log_url: string; environment_url: string },
  ): FakeDeploymentStatus {
    const id = this.nextStatusId++;
    const now = new Date().toISOString();
    const status: FakeDeploymentStatus = {
      url: `${deployment.url}/statuses/${id}`,
      id,
      node_id: `DES_${id}`,
      state: s.state,
      creator: BOT,
      description: s.description,
      environment: s.environment,
      target_url: s.log_url,
      created_at: now,
      updated_at: now,
      deployment_url: deployment.url,
      repository_url: deployment.repository_url,
      environment_url: s.environment_url,
      log_url: s.log_url,
    };
    this.statuses.get(deployment.id)?.push(status);
    deployment.updated_at = now;
    return status;
  }
}

/** per_page (default 30, at most 100) and page (from 1) */
function page<T>(items: T[], query: Record<string, string>, docs: string): T[] {
  const perPage = query.per_page === undefined ? 30 : Number(query.per_page);
  const pageNo = query.page === undefined ? 1 : Number(query.page);
  if (!Number.isInteger(perPage) || perPage < 1) throw validation('Query', 'per_page', 'invalid', docs);
  if (!Number.isInteger(pageNo) || pageNo < 1) throw validation('Query', 'page', 'invalid', docs);
  // GitHub answers at most 100 a page
  const size = Math.min(perPage, 100);
  return items.slice((pageNo - 1) * size, pageNo * size);
}
