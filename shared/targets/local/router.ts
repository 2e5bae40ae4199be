import * as http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { DeploymentCounters, MetricsSnapshot, emptyCounters, recordRequest } from '../../analysis/metrics';
import { DEPLOYMENT_HEADER } from '../target';
export { DEPLOYMENT_HEADER };

/**
 * The modelship router: the local endpoint. It splits requests between deployments by
 * weight (smooth weighted round robin, so shares are exact over short windows),
 * optionally mirrors a share of requests, honours the `x-modelship-deployment` header,
 * counts requests, errors and latency per deployment, and drains a deployment before
 * it leaves.
 */

export interface RouterOptions {
  endpoint: string;
  host: string;
  port: number;
  /** when set, clients must send `Authorization: Bearer <authKey>` */
  authKey?: string;
  maxBodyBytes?: number;
  upstreamTimeoutMs?: number;
  /** identifies this router's counters: a restarted router starts a new epoch */
  epoch: string;
}

interface Backend {
  name: string;
  port: number;
  inflight: number;
  counters: DeploymentCounters;
  drained: Array<() => void>;
}

/** An immutable routing table: replaced as a whole, so a weight change is atomic. */
interface RoutingTable {
  weights: ReadonlyMap<string, number>;
  mirror: ReadonlyMap<string, number>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'authorization',
  'content-length',
]);

export class TrafficError extends Error {}

export class Router {
  private readonly backends = new Map<string, Backend>();
  private table: RoutingTable = { weights: new Map(), mirror: new Map() };
  // smooth weighted round robin state, reset with each table
  private current = new Map<string, number>();
  private mirrorCredit = new Map<string, number>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 1000 });
  private server?: http.Server;
  private readonly maxBody: number;
  private readonly upstreamTimeout: number;

  constructor(private readonly opts: RouterOptions) {
    this.maxBody = opts.maxBodyBytes ?? 16 * 1024 * 1024;
    this.upstreamTimeout = opts.upstreamTimeoutMs ?? 60_000;
  }

  async listen(): Promise<void> {
    const server = http.createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port, this.opts.host, () => resolve());
    });
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.agent.destroy();
  }

  addBackend(name: string, port: number): void {
    if (this.backends.has(name)) throw new TrafficError(`deployment '${name}' already exists`);
    this.backends.set(name, { name, port, inflight: 0, counters: emptyCounters(), drained: [] });
  }

  /** Wait for in-flight requests to finish, then forget the deployment. Its weight must be 0. */
  async removeBackend(name: string, drainTimeoutMs = 30_000): Promise<void> {
    const backend = this.backends.get(name);
    if (!backend) return;
    if ((this.table.weights.get(name) ?? 0) > 0)
      throw new TrafficError(`deployment '${name}' still takes ${this.table.weights.get(name)}% of traffic; set its weight to 0 first`);
    if (this.table.mirror.has(name))
      this.setTraffic(Object.fromEntries(this.table.weights), withoutKey(Object.fromEntries(this.table.mirror), name));
    if (backend.inflight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, drainTimeoutMs);
        backend.drained.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.backends.delete(name);
    const weights = withoutKey(Object.fromEntries(this.table.weights), name);
    this.table = { weights: new Map(Object.entries(weights)), mirror: this.table.mirror };
  }

  /** Validate and apply a traffic map atomically; returns what is now in force. */
  setTraffic(weights: Record<string, number>, mirror: Record<string, number> = {}): Record<string, number> {
    let sum = 0;
    for (const [name, weight] of Object.entries(weights)) {
      if (!this.backends.has(name)) throw new TrafficError(`no deployment '${name}' on endpoint ${this.opts.endpoint}`);
      if (!Number.isInteger(weight) || weight < 0 || weight > 100)
        throw new TrafficError(`weight of '${name}' must be an integer from 0 to 100 (got ${weight})`);
      sum += weight;
    }
    // 0 is allowed: deployments exist but none takes traffic yet (the endpoint answers 503)
    if (sum !== 100 && sum !== 0) throw new TrafficError(`weights must sum to 100, or 0 when no deployment takes traffic yet (got ${sum})`);
    for (const [name, share] of Object.entries(mirror)) {
      if (!this.backends.has(name)) throw new TrafficError(`no deployment '${name}' to mirror to`);
      if (!Number.isInteger(share) || share < 0 || share > 100)
        throw new TrafficError(`mirror share of '${name}' must be an integer from 0 to 100 (got ${share})`);
      if ((weights[name] ?? 0) > 0 && share > 0) throw new TrafficError(`'${name}' takes live traffic and cannot also be a mirror target`);
    }
    this.table = {
      weights: new Map(Object.entries(weights).filter(([, w]) => w >= 0)),
      mirror: new Map(Object.entries(mirror).filter(([, m]) => m > 0)),
    };
    this.current = new Map();
    this.mirrorCredit = new Map();
    return this.traffic();
  }

  traffic(): Record<string, number> {
    return Object.fromEntries(this.table.weights);
  }

  mirrorShares(): Record<string, number> {
    return Object.fromEntries(this.table.mirror);
  }

  inflight(name: string): number {
    return this.backends.get(name)?.inflight ?? 0;
  }

  metrics(now: number): MetricsSnapshot {
    const deployments: Record<string, DeploymentCounters> = {};
    for (const backend of this.backends.values())
      deployments[backend.name] = {
        requests: backend.counters.requests,
        errors: backend.counters.errors,
        latency: [...backend.counters.latency],
      };
    return { epoch: this.opts.epoch, at: now, deployments };
  }

  private pick(exclude?: string): Backend | undefined {
    // smooth weighted round robin (as in nginx): exact shares, no clustering
    let best: string | undefined;
    let bestScore = -Infinity;
    let total = 0;
    for (const [name, weight] of this.table.weights) {
      if (weight <= 0 || name === exclude || !this.backends.has(name)) continue;
      const score = (this.current.get(name) ?? 0) + weight;
      this.current.set(name, score);
      total += weight;
      if (score > bestScore) {
        bestScore = score;
        best = name;
      }
    }
    if (best === undefined) return undefined;
    this.current.set(best, bestScore - total);
    return this.backends.get(best);
  }

  private mirrorsFor(served: string): Backend[] {
    const out: Backend[] = [];
    for (const [name, share] of this.table.mirror) {
      if (name === served) continue;
      // credit-based: exactly `share` of every 100 requests, spread evenly
      const credit = (this.mirrorCredit.get(name) ?? 0) + share;
      if (credit >= 100) {
        this.mirrorCredit.set(name, credit - 100);
        const backend = this.backends.get(name);
        if (backend) out.push(backend);
      } else this.mirrorCredit.set(name, credit);
    }
    return out;
  }

  private authorized(req: http.IncomingMessage): boolean {
    const key = this.opts.authKey;
    if (!key) return true;
    const header = req.headers.authorization ?? '';
    const expected = Buffer.from(`Bearer ${key}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!this.authorized(req)) {
      req.resume();
      sendJson(res, 401, { error: 'missing or wrong endpoint key (Authorization: Bearer KEY)' }, { 'www-authenticate': 'Bearer' });
      return;
    }
    const pinnedName = headerValue(req.headers[DEPLOYMENT_HEADER]);
    let backend: Backend | undefined;
    if (pinnedName) {
      backend = this.backends.get(pinnedName);
      if (!backend) {
        req.resume();
        sendJson(res, 404, { error: `no deployment '${pinnedName}' on endpoint ${this.opts.endpoint}` });
        return;
      }
    } else backend = this.pick();
    if (!backend) {
      req.resume();
      sendJson(res, 503, { error: `endpoint ${this.opts.endpoint} has no deployment taking traffic` });
      return;
    }
    // counted from selection on, so a drain cannot miss a request that is still reading its body
    backend.inflight += 1;
    const chosen = backend;
    readBody(req, this.maxBody)
      .then((body) => {
        if (body === undefined) {
          this.release(chosen);
          sendJson(res, 413, { error: `request body over ${this.maxBody} bytes` });
          return;
        }
        const mirrors = pinnedName ? [] : this.mirrorsFor(chosen.name);
        for (const mirror of mirrors) {
          mirror.inflight += 1;
          void this.forward(mirror, req, body).then((result) => {
            recordRequest(mirror.counters, result.latencyMs, result.failed);
            this.release(mirror);
          });
        }
        return this.serve(chosen, req, res, body, !pinnedName);
      })
      .catch(() => {
        // the client went away while sending its body
        this.release(chosen);
        res.destroy();
      });
  }

  private async serve(
    backend: Backend,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
    mayRetry: boolean,
  ): Promise<void> {
    const result = await this.forward(backend, req, body);
    recordRequest(backend.counters, result.latencyMs, result.failed);
    this.release(backend);
    if (result.response) {
      res.writeHead(result.response.status, {
        ...result.response.headers,
        [DEPLOYMENT_HEADER]: backend.name,
        'content-length': String(result.response.body.length),
      });
      res.end(result.response.body);
      return;
    }
    // connection failure before any answer: the request never reached the model, so
    // one retry on another deployment is safe and spares the client
    if (mayRetry && result.connectFailed) {
      const other = this.pick(backend.name);
      if (other) {
        other.inflight += 1;
        return this.serve(other, req, res, body, false);
      }
    }
    sendJson(
      res,
      result.timedOut ? 504 : 502,
      { error: `deployment '${backend.name}' did not answer: ${result.error}` },
      { [DEPLOYMENT_HEADER]: backend.name },
    );
  }

  private release(backend: Backend): void {
    backend.inflight -= 1;
    if (backend.inflight === 0 && backend.drained.length) for (const fn of backend.drained.splice(0)) fn();
  }

  private forward(backend: Backend, req: http.IncomingMessage, body: Buffer): Promise<ForwardResult> {
    const started = process.hrtime.bigint();
    const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e6;
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers))
      if (!HOP_BY_HOP.has(name) && name !== DEPLOYMENT_HEADER && value !== undefined) headers[name] = value;
    headers['content-length'] = String(body.length);
    return new Promise<ForwardResult>((resolve) => {
      let settled = false;
      const done = (result: ForwardResult): void => {
        if (!settled) {
          settled = true;
          resolve(result);
        }
      };
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: backend.port,
          method: req.method,
          path: req.url,
          headers,
          agent: this.agent,
          timeout: this.upstreamTimeout,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () => {
            const status = answer.statusCode ?? 502;
            const outHeaders: http.OutgoingHttpHeaders = {};
            for (const [name, value] of Object.entries(answer.headers))
              if (!HOP_BY_HOP.has(name) && value !== undefined) outHeaders[name] = value;
            done({ response: { status, headers: outHeaders, body: Buffer.concat(chunks) }, failed: status >= 500, latencyMs: elapsed() });
          });
          answer.on('error', (e: Error) => done({ failed: true, latencyMs: elapsed(), error: e.message, connectFailed: false }));
        },
      );
      upstream.on('timeout', () => {
        upstream.destroy();
        done({ failed: true, latencyMs: elapsed(), error: `no answer within ${this.upstreamTimeout} ms`, timedOut: true });
      });
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        const connectFailed = err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET' || err.code === 'EPIPE';
        done({ failed: true, latencyMs: elapsed(), error: err.code ?? err.message, connectFailed });
      });
      upstream.end(body);
    });
  }
}

interface ForwardResult {
  response?: { status: number; headers: http.OutgoingHttpHeaders; body: Buffer };
  failed: boolean;
  latencyMs: number;
  error?: string;
  connectFailed?: boolean;
  timedOut?: boolean;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function withoutKey(record: Record<string, number>, key: string): Record<string, number> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('client aborted')));
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
