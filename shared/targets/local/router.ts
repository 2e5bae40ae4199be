import * as http from 'node:http';
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { timingSafeEqual } from 'node:crypto';
import { DeploymentCounters, MetricsSnapshot, emptyCounters, recordRequest } from '../../analysis/metrics';
import { DEPLOYMENT_HEADER, MirroredPair } from '../target';
export { DEPLOYMENT_HEADER };

/**
 * The modelship router: the local endpoint. It splits requests between deployments by
 * weight, optionally mirrors a share of requests, honours the `x-modelship-deployment`
 * header, counts requests, errors and latency per deployment, and drains a deployment
 * before it leaves.
 *
 * Choosing a deployment: shuffled blocks (see {@link ShuffledBlocks}). Each block of 100
 * routing decisions holds exactly `weight` decisions per deployment, in a random order
 * drawn afresh for every block, so no periodic client pattern can line up with the
 * schedule (a client cycling through 10 kinds of request gives a 10% canary a random
 * sample of the kinds, not the same kind every time). Stated tolerance, counted from the
 * last change of the traffic map:
 * - every aligned block of 100 decisions: exact (a deployment at w% gets exactly w);
 * - any window of n consecutive decisions: within ±2·w·(100−w)/100 of n·w/100 (at most
 *   ±18 at 10%, ±50 at 50%); in practice a few requests, the worst case being both
 *   neighbouring blocks putting all their picks at the shared edge.
 * Mirroring is decided the same way, per mirror target (exactly `share` of each block of
 * 100 requests, in a random order). A retry on another deployment (`pick(exclude)`) is
 * drawn by weight among the others and does not consume a place in the block.
 *
 * A request is retried on another deployment only when it never reached the first one:
 * the connection was refused. A request that may have been processed (reset after it was
 * written, a timeout, a broken answer) is answered 502/504 and never sent twice. The
 * upstream client is undici (a Pool of keep-alive connections per deployment, answers
 * buffered whole): it costs far less CPU per request than http.request, and it resends a
 * request that was not yet written when its keep-alive socket closed.
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
  /** the random source of the schedule, in [0, 1) (tests pass a seeded one); Math.random by default */
  random?: () => number;
}

/** pairs kept per deployment until taken: a bounded memory when nobody takes them */
export const MAX_KEPT_PAIRS = 1000;
/** a request or answer larger than this is mirrored but not paired (its bytes are not kept) */
export const MAX_PAIRED_BYTES = 64 * 1024;

interface Backend {
  name: string;
  port: number;
  /** keep-alive connections to it (undici: far less CPU per request than http.request) */
  pool: Pool;
  inflight: number;
  counters: DeploymentCounters;
  drained: Array<() => void>;
}

/**
 * Shuffled blocks: a weighted choice that is exact per block and aperiodic. Weights are
 * non-negative integers; a block holds `sum(weights)` decisions, `weights[i]` of them for
 * index i, in a uniformly random order (drawn lazily: each decision samples the block's
 * remaining decisions without replacement). For every decision, the probability of each
 * index is exactly its share whatever happened before in other blocks, and independent of
 * the decision's position, so no client pattern of any period can bias which index sees
 * which request. Exact over each block; see the Router's comment for the sliding bound.
 */
export class ShuffledBlocks {
  readonly total: number;
  readonly weights: readonly number[];
  private readonly remaining: number[];
  private left = 0;

  constructor(
    weights: readonly number[],
    private readonly random: () => number = Math.random,
  ) {
    for (const w of weights) if (!Number.isInteger(w) || w < 0) throw new RangeError(`weights must be non-negative integers (got ${w})`);
    this.weights = [...weights];
    this.remaining = new Array<number>(weights.length).fill(0);
    this.total = weights.reduce((a, w) => a + w, 0);
  }

  /** the index of the next decision, or -1 when every weight is 0 */
  next(): number {
    if (this.total === 0) return -1;
    const remaining = this.remaining;
    if (this.left === 0) {
      for (let i = 0; i < remaining.length; i++) remaining[i] = this.weights[i];
      this.left = this.total;
    }
    let r = Math.floor(this.random() * this.left);
    for (let i = 0; i < remaining.length; i++) {
      r -= remaining[i];
      if (r < 0) {
        remaining[i] -= 1;
        this.left -= 1;
        return i;
      }
    }
    // unreachable while random() < 1; stay total rather than trust it
    return this.takeLast();
  }

  /** a decision by weight among the indexes other than `excluded`, outside the block (a retry); -1 when none */
  nextExcept(excluded: number): number {
    const total = this.total - (this.weights[excluded] ?? 0);
    if (total <= 0) return -1;
    let r = Math.floor(this.random() * total);
    for (let i = 0; i < this.weights.length; i++) {
      if (i === excluded) continue;
      r -= this.weights[i];
      if (r < 0) return i;
    }
    return -1;
  }

  private takeLast(): number {
    for (let i = this.remaining.length - 1; i >= 0; i--)
      if (this.remaining[i] > 0) {
        this.remaining[i] -= 1;
        this.left -= 1;
        return i;
      }
    return -1;
  }
}

/** the live half of a traffic map: who takes requests, by shuffled blocks */
interface Schedule {
  backends: Backend[];
  blocks: ShuffledBlocks;
}

interface MirrorSchedule {
  backend: Backend;
  share: number;
  /** index 0: mirror this request, 1: do not */
  blocks: ShuffledBlocks;
}

/** An immutable routing table: replaced as a whole, so a weight change is atomic. */
interface RoutingTable {
  weights: ReadonlyMap<string, number>;
  mirror: ReadonlyMap<string, number>;
  /** mirror targets whose answers are paired with the served one and kept */
  paired: ReadonlySet<string>;
  schedule: Schedule;
  mirrors: MirrorSchedule[];
}

// request headers not passed to a deployment, and answer headers not passed back (lower case)
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

/**
 * Whether a failed upstream request certainly never reached the deployment, so that it
 * may be sent to another one: the connection was refused. (A request not yet written to a
 * keep-alive socket that closes is resent on a new connection by undici itself; one that
 * was written, even in part, fails with a socket error and is never sent again.)
 */
export function neverReached(code: string | undefined): boolean {
  return code === 'ECONNREFUSED';
}

export class Router {
  private readonly backends = new Map<string, Backend>();
  private table: RoutingTable = {
    weights: new Map(),
    mirror: new Map(),
    paired: new Set(),
    schedule: { backends: [], blocks: new ShuffledBlocks([]) },
    mirrors: [],
  };
  /** kept pairs per mirror target, oldest first */
  private readonly pairs = new Map<string, MirroredPair[]>();
  /** pairs not kept per mirror target (too large, or over MAX_KEPT_PAIRS), since the last take */
  private readonly unpaired = new Map<string, number>();
  private server?: http.Server;
  private readonly maxBody: number;
  private readonly upstreamTimeout: number;
  private readonly random: () => number;
  private readonly expectedAuth?: Buffer;

  constructor(private readonly opts: RouterOptions) {
    this.maxBody = opts.maxBodyBytes ?? 16 * 1024 * 1024;
    this.upstreamTimeout = opts.upstreamTimeoutMs ?? 60_000;
    this.random = opts.random ?? Math.random;
    if (opts.authKey) this.expectedAuth = Buffer.from(`Bearer ${opts.authKey}`);
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
    await Promise.all([...this.backends.values()].map((b) => b.pool.destroy()));
  }

  addBackend(name: string, port: number): void {
    if (this.backends.has(name)) throw new TrafficError(`deployment '${name}' already exists`);
    const pool = new Pool(`http://127.0.0.1:${port}`, {
      connections: 512,
      pipelining: 1,
      headersTimeout: this.upstreamTimeout,
      bodyTimeout: this.upstreamTimeout,
      keepAliveTimeout: 4_000,
    });
    this.backends.set(name, { name, port, pool, inflight: 0, counters: emptyCounters(), drained: [] });
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
    void backend.pool.destroy();
    this.pairs.delete(name);
    this.unpaired.delete(name);
    const weights = new Map(Object.entries(withoutKey(Object.fromEntries(this.table.weights), name)));
    // its weight is 0: the schedule of the others is unchanged and keeps its block
    this.table = { ...this.table, weights, schedule: this.scheduleFor(weights) };
  }

  /**
   * Validate and apply a traffic map atomically; returns what is now in force. `paired`
   * names the mirror targets whose answers are kept with the served answer (see
   * takePairs); absent: the ones paired now that stay mirror targets.
   */
  setTraffic(weights: Record<string, number>, mirror: Record<string, number> = {}, paired?: readonly string[]): Record<string, number> {
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
    for (const name of paired ?? [])
      if (!((mirror[name] ?? 0) > 0)) throw new TrafficError(`'${name}' is not a mirror target: only mirrored answers can be paired`);
    const weightMap = new Map(Object.entries(weights).filter(([, w]) => w >= 0));
    const mirrorMap = new Map(Object.entries(mirror).filter(([, m]) => m > 0));
    const pairedSet = new Set(paired ?? [...this.table.paired].filter((name) => mirrorMap.has(name)));
    this.table = {
      weights: weightMap,
      mirror: mirrorMap,
      paired: pairedSet,
      schedule: this.scheduleFor(weightMap),
      mirrors: this.mirrorSchedulesFor(mirrorMap),
    };
    return this.traffic();
  }

  traffic(): Record<string, number> {
    return Object.fromEntries(this.table.weights);
  }

  mirrorShares(): Record<string, number> {
    return Object.fromEntries(this.table.mirror);
  }

  pairedTargets(): string[] {
    return [...this.table.paired];
  }

  /** the pairs kept for mirror target `name` since the last take, and how many were not kept; both then start afresh */
  takePairs(name: string): { pairs: MirroredPair[]; unpaired: number } {
    const pairs = this.pairs.get(name) ?? [];
    const unpaired = this.unpaired.get(name) ?? 0;
    this.pairs.delete(name);
    this.unpaired.delete(name);
    return { pairs, unpaired };
  }

  private keepPair(target: string, pair: MirroredPair | undefined): void {
    const kept = this.pairs.get(target) ?? [];
    if (!pair || kept.length >= MAX_KEPT_PAIRS) {
      this.unpaired.set(target, (this.unpaired.get(target) ?? 0) + 1);
      return;
    }
    kept.push(pair);
    this.pairs.set(target, kept);
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

  /** the same live weights keep their schedule (and its current block); a change starts a new one */
  private scheduleFor(weights: ReadonlyMap<string, number>): Schedule {
    const live = [...weights].filter(([name, w]) => w > 0 && this.backends.has(name));
    const old = this.table.schedule;
    if (old.backends.length === live.length && live.every(([name, w], i) => old.backends[i].name === name && old.blocks.weights[i] === w))
      return old;
    return {
      backends: live.map(([name]) => this.backends.get(name) as Backend),
      blocks: new ShuffledBlocks(
        live.map(([, w]) => w),
        this.random,
      ),
    };
  }

  private mirrorSchedulesFor(mirror: ReadonlyMap<string, number>): MirrorSchedule[] {
    const out: MirrorSchedule[] = [];
    for (const [name, share] of mirror) {
      const backend = this.backends.get(name);
      if (!backend) continue;
      const kept = this.table.mirrors.find((m) => m.backend === backend && m.share === share);
      out.push(kept ?? { backend, share, blocks: new ShuffledBlocks([share, 100 - share], this.random) });
    }
    return out;
  }

  private pick(exclude?: Backend): Backend | undefined {
    const { backends, blocks } = this.table.schedule;
    const index = exclude ? blocks.nextExcept(backends.indexOf(exclude)) : blocks.next();
    return index < 0 ? undefined : backends[index];
  }

  private mirrorsFor(served: Backend): Backend[] | undefined {
    const mirrors = this.table.mirrors;
    if (mirrors.length === 0) return undefined;
    let out: Backend[] | undefined;
    for (const m of mirrors) if (m.blocks.next() === 0 && m.backend !== served) (out ??= []).push(m.backend);
    return out;
  }

  private authorized(req: http.IncomingMessage): boolean {
    const expected = this.expectedAuth;
    if (!expected) return true;
    const header = req.headers.authorization;
    if (header === undefined || header.length !== expected.length) return false;
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
    readBody(req, this.maxBody, (err, body) => {
      if (err) {
        // the client went away while sending its body
        this.release(chosen);
        res.destroy();
        return;
      }
      if (body === undefined) {
        this.release(chosen);
        sendJson(res, 413, { error: `request body over ${this.maxBody} bytes` });
        return;
      }
      const headers = forwardedHeaders(req.rawHeaders, body.length);
      const mirrors = pinnedName ? undefined : this.mirrorsFor(chosen);
      let pairing: Pairing | undefined;
      if (mirrors)
        for (const mirror of mirrors) {
          mirror.inflight += 1;
          const pairs = this.table.paired.has(mirror.name) ? (pairing ??= new Pairing(body, (t, p) => this.keepPair(t, p))) : undefined;
          pairs?.expect(mirror.name);
          this.forward(mirror, req, headers, body, (result) => {
            recordRequest(mirror.counters, result.latencyMs, result.failed);
            this.release(mirror);
            pairs?.mirrored(mirror.name, result.response);
          });
        }
      this.serve(chosen, req, res, headers, body, !pinnedName, pairing);
    });
  }

  private serve(
    backend: Backend,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    headers: string[],
    body: Buffer,
    mayRetry: boolean,
    pairing?: Pairing,
  ): void {
    this.forward(backend, req, headers, body, (result) => {
      recordRequest(backend.counters, result.latencyMs, result.failed);
      this.release(backend);
      const answer = result.response;
      if (answer) pairing?.served(backend.name, answer);
      if (answer) {
        answer.headers.push(DEPLOYMENT_HEADER, backend.name, 'content-length', String(answer.body.length));
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return;
      }
      // the request certainly never reached the deployment: one retry on another one is
      // safe and spares the client; anything else may have been processed, and is not resent
      if (mayRetry && result.neverReached) {
        const other = this.pick(backend);
        if (other) {
          other.inflight += 1;
          this.serve(other, req, res, headers, body, false, pairing);
          return;
        }
      }
      pairing?.served(backend.name, undefined);
      sendJson(
        res,
        result.timedOut ? 504 : 502,
        { error: `deployment '${backend.name}' did not answer: ${result.error}` },
        { [DEPLOYMENT_HEADER]: backend.name },
      );
    });
  }

  private release(backend: Backend): void {
    backend.inflight -= 1;
    if (backend.inflight === 0 && backend.drained.length) for (const fn of backend.drained.splice(0)) fn();
  }

  private forward(
    backend: Backend,
    req: http.IncomingMessage,
    headers: string[],
    body: Buffer,
    callback: (result: ForwardResult) => void,
  ): void {
    const started = performance.now();
    let settled = false;
    let status = 0;
    let raw: Buffer[] = [];
    const chunks: Buffer[] = [];
    const done = (result: ForwardResult): void => {
      if (!settled) {
        settled = true;
        callback(result);
      }
    };
    const handler: Dispatcher.DispatchHandlers = {
      onConnect: () => undefined,
      onHeaders: (statusCode, rawHeaders) => {
        status = statusCode;
        raw = rawHeaders;
        return true;
      },
      onData: (chunk) => {
        chunks.push(chunk);
        return true;
      },
      onComplete: () =>
        done({
          response: { status, headers: answerHeaders(raw), body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) },
          failed: status >= 500,
          latencyMs: performance.now() - started,
        }),
      onError: (err: Error & { code?: string }) => {
        const timedOut = err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT';
        done({
          failed: true,
          latencyMs: performance.now() - started,
          error: timedOut ? `no answer within ${this.upstreamTimeout} ms` : (err.code ?? err.message),
          timedOut,
          neverReached: neverReached(err.code),
        });
      },
    };
    backend.pool.dispatch({ path: req.url ?? '/', method: (req.method ?? 'GET') as Dispatcher.HttpMethod, headers, body }, handler);
  }
}

/**
 * The answers to one mirrored request: the served one and each paired mirror's, joined
 * whatever order they arrive in. A pair is kept once both sides are in; a request or an
 * answer over MAX_PAIRED_BYTES, or a client that got no answer, counts as not paired.
 */
class Pairing {
  /** undefined: the served answer is not in yet; null: the client got no answer */
  private reference?: Answer | null;
  private servedBy = '';
  /** paired mirror targets; undefined: its answer is not in yet; null: it did not answer */
  private readonly waiting = new Map<string, Answer | null | undefined>();

  constructor(
    private readonly request: Buffer,
    private readonly keep: (target: string, pair: MirroredPair | undefined) => void,
  ) {}

  expect(target: string): void {
    this.waiting.set(target, undefined);
  }

  served(deployment: string, answer: Answer | undefined): void {
    this.servedBy = deployment;
    this.reference = answer ?? null;
    for (const [target, mirrored] of this.waiting) if (mirrored !== undefined) this.finish(target, mirrored);
  }

  mirrored(target: string, answer: Answer | undefined): void {
    if (this.reference === undefined) this.waiting.set(target, answer ?? null);
    else this.finish(target, answer ?? null);
  }

  private finish(target: string, mirrored: Answer | null): void {
    this.waiting.delete(target);
    const reference = this.reference;
    const fits = (b: Buffer): boolean => b.length <= MAX_PAIRED_BYTES;
    if (!reference || !fits(this.request) || !fits(reference.body) || (mirrored && !fits(mirrored.body))) {
      this.keep(target, undefined);
      return;
    }
    this.keep(target, {
      request: this.request.toString('utf8'),
      served: this.servedBy,
      reference: { status: reference.status, body: reference.body.toString('utf8') },
      ...(mirrored ? { mirrored: { status: mirrored.status, body: mirrored.body.toString('utf8') } } : {}),
    });
  }
}

interface Answer {
  status: number;
  body: Buffer;
}

interface ForwardResult {
  response?: { status: number; headers: string[]; body: Buffer };
  failed: boolean;
  latencyMs: number;
  error?: string;
  neverReached?: boolean;
  timedOut?: boolean;
}

/** the client's headers for a deployment, as a raw list: hop-by-hop, key and routing header removed */
function forwardedHeaders(raw: string[], bodyLength: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (!HOP_BY_HOP.has(name) && name !== DEPLOYMENT_HEADER) out.push(raw[i], raw[i + 1]);
  }
  out.push('content-length', String(bodyLength));
  return out;
}

/** a deployment's answer headers for the client, as a raw list: hop-by-hop removed */
function answerHeaders(raw: Buffer[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toString('latin1');
    if (!HOP_BY_HOP.has(name.toLowerCase())) out.push(name, raw[i + 1].toString('latin1'));
  }
  return out;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function withoutKey(record: Record<string, number>, key: string): Record<string, number> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

function readBody(req: http.IncomingMessage, max: number, callback: (err: Error | undefined, body?: Buffer) => void): void {
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  let tooBig = false;
  let settled = false;
  const finish = (err: Error | undefined, body?: Buffer): void => {
    if (!settled) {
      settled = true;
      callback(err, body);
    }
  };
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > max) {
      tooBig = true;
      first = chunks = undefined;
    } else if (!first) first = chunk;
    else (chunks ??= [first]).push(chunk);
  });
  req.on('end', () => finish(undefined, tooBig ? undefined : chunks ? Buffer.concat(chunks) : (first ?? EMPTY)));
  req.on('error', (e) => finish(e));
  req.on('aborted', () => finish(new Error('client aborted')));
}

const EMPTY = Buffer.alloc(0);

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
