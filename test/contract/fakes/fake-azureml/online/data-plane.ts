import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { closeServer, listenOnLoopback } from '../../fake-http';
import { decodeJwt } from '../auth';
import type { DeploymentRecord, EndpointRecord } from './online';

/**
 * The data plane of one FAKE managed online endpoint: its own HTTPS (or HTTP, like the ARM side)
 * listener on 127.0.0.1, serving POST /score the way https://{endpoint}.{region}.inference.ml.azure.com/score
 * does: authentication by the endpoint's authMode, routing by the `azureml-model-deployment` header
 * or by the live traffic map (weighted random), mirroring, request timeout and concurrency limits,
 * and the status codes of "Troubleshoot online endpoint deployment and scoring" (HTTP status codes):
 * 401 no/invalid credentials, 404 no deployment to route to, 408 requestTimeout exceeded, 424 the
 * model container answered non-2xx (with ms-azureml-model-error-statuscode / -reason), 429 more than
 * maxConcurrentRequestsPerInstance x instances in flight, 502 the container did not answer.
 */

export interface ScoringRequestRecord {
  endpoint: string;
  /** the deployment that served it (null when none was chosen) */
  deployment: string | null;
  /** a mirror copy (its answer was discarded) */
  mirrored: boolean;
  /** the status the client received (or, for a mirror copy, would have received) */
  status: number;
  /** the model container's status, when it answered */
  modelStatus?: number;
  /** routed by the azureml-model-deployment header */
  byHeader: boolean;
  latencyMs: number;
  at: string;
  atMs: number;
}

export interface DataPlaneHost {
  endpoint(): EndpointRecord | undefined;
  /** RBAC for an Entra token (action .../onlineEndpoints/score/action): an error message, or undefined when allowed */
  authorizeEntra(claims: Record<string, unknown>, endpoint: EndpointRecord): string | undefined;
  record(r: ScoringRequestRecord): void;
  modelErrors: 'azure' | 'relay';
  now(): number;
}

const ML_AUDIENCES = ['https://ml.azure.com', 'https://ml.azure.com/'];

export class DataPlane {
  private server?: http.Server;
  origin = '';

  constructor(
    private readonly host: DataPlaneHost,
    private readonly tls?: { key: string; cert: string },
  ) {}

  async start(): Promise<string> {
    const { server, origin } = await listenOnLoopback((req, res) => void this.handle(req, res), this.tls);
    this.server = server;
    this.origin = origin;
    return origin;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await closeServer(s);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const received = this.host.now();
    const clientRequestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : '';
    // "Azure Machine Learning overrides this header to ensure it's a valid GUID"
    const requestId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientRequestId)
      ? clientRequestId
      : randomUUID();
    const baseHeaders: Record<string, string> = { 'x-request-id': requestId };
    const cri = req.headers['x-ms-client-request-id'];
    if (typeof cri === 'string' && /^[A-Za-z0-9_-]+$/.test(cri)) baseHeaders['x-ms-client-request-id'] = cri.slice(0, 40);
    const body = await readAll(req);
    const ep = this.host.endpoint();
    const answer = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...baseHeaders, ...extra });
      res.end(text);
    };
    const url = new URL(req.url ?? '/', 'http://x');
    if (!ep) return answer(404, { message: 'The endpoint does not exist.' });
    if (url.pathname !== '/score') return answer(404, { message: `'${url.pathname}' is not served by this endpoint: use /score.` });
    if ((req.method ?? 'GET').toUpperCase() !== 'POST') return answer(405, { message: 'Only POST is allowed on /score.' });
    const authError = this.authenticate(req, ep);
    const rec = (r: Omit<ScoringRequestRecord, 'endpoint' | 'at' | 'atMs' | 'latencyMs'>) =>
      this.host.record({
        endpoint: ep.name,
        ...r,
        latencyMs: this.host.now() - received,
        at: new Date(received).toISOString(),
        atMs: received,
      });
    if (authError) {
      rec({ deployment: null, mirrored: false, status: 401, byHeader: false });
      return answer(401, { message: authError }, { 'www-authenticate': 'Bearer' });
    }
    const named = req.headers['azureml-model-deployment'];
    let target: DeploymentRecord | undefined;
    const byHeader = typeof named === 'string' && named.length > 0;
    if (byHeader) {
      target = ep.deployments.get(named.toLowerCase());
      if (!target) {
        rec({ deployment: named, mirrored: false, status: 404, byHeader: true });
        return answer(404, { message: `The deployment '${named}' does not exist in endpoint '${ep.name}'.` });
      }
    } else {
      target = pickWeighted(ep, ep.live.traffic);
      if (!target) {
        rec({ deployment: null, mirrored: false, status: 404, byHeader: false });
        return answer(404, {
          message:
            'No valid deployments to route to. Please check that the endpoint has at least one deployment with positive weight values or use a deployment specific header to route.',
        });
      }
      // mirror a copy (header-routed requests are never mirrored)
      for (const [name, pct] of Object.entries(ep.live.mirrorTraffic)) {
        const m = ep.deployments.get(name.toLowerCase());
        if (m && pct > 0 && Math.random() * 100 < pct) {
          void this.forward(m, req, body).then((r) =>
            rec({ deployment: m.name, mirrored: true, status: r.status, modelStatus: r.modelStatus, byHeader: false }),
          );
        }
      }
    }
    const r = await this.forward(target, req, body);
    rec({ deployment: target.name, mirrored: false, status: r.status, modelStatus: r.modelStatus, byHeader });
    const text = r.body;
    res.writeHead(r.status, {
      'content-type': r.contentType,
      'content-length': text.length,
      'azureml-model-deployment': target.name,
      ...baseHeaders,
      ...r.headers,
    });
    res.end(text);
  }

  private authenticate(req: http.IncomingMessage, ep: EndpointRecord): string | undefined {
    const header = req.headers.authorization;
    if (!header) return 'Unauthorized: the request has no Authorization header.';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) return "Unauthorized: the Authorization header must be 'Bearer <key or token>'.";
    const cred = m[1];
    switch (ep.props.authMode) {
      case 'Key':
        return cred === ep.keys.primaryKey || cred === ep.keys.secondaryKey
          ? undefined
          : 'Unauthorized: the key is not valid for this endpoint.';
      case 'AMLToken': {
        const exp = ep.amlTokens.get(cred);
        if (exp === undefined) return 'Unauthorized: the token was not issued for this endpoint.';
        return exp > this.host.now() ? undefined : 'Unauthorized: the token has expired.';
      }
      case 'AADToken': {
        let claims: Record<string, unknown>;
        try {
          claims = decodeJwt(cred).claims;
        } catch (e: unknown) {
          return `Unauthorized: the Microsoft Entra token is invalid (${e instanceof Error ? e.message : String(e)}).`;
        }
        if (typeof claims.aud !== 'string' || !ML_AUDIENCES.includes(claims.aud))
          return `Unauthorized: the Microsoft Entra token's audience must be https://ml.azure.com (got '${String(claims.aud)}').`;
        if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.host.now())
          return 'Unauthorized: the Microsoft Entra token has expired.';
        return this.host.authorizeEntra(claims, ep);
      }
    }
  }

  private async forward(
    d: DeploymentRecord,
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; modelStatus?: number; body: Buffer; contentType: string; headers: Record<string, string> }> {
    const json = (status: number, message: string, headers: Record<string, string> = {}) => ({
      status,
      body: Buffer.from(JSON.stringify({ message })),
      contentType: 'application/json',
      headers,
    });
    const running = d.running;
    if (!running || !d.scoringPath) return json(502, `The deployment '${d.name}' has no running instance to serve the request.`);
    const limit = d.limits.maxConcurrent * d.capacity;
    if (d.inFlight >= limit)
      return json(
        429,
        `Too many pending requests: deployment '${d.name}' allows ${d.limits.maxConcurrent} concurrent requests per instance x ${d.capacity} instance(s).`,
      );
    d.inFlight += 1;
    try {
      const r = await new Promise<{ status: number; body: Buffer; contentType: string; reason: string } | 'timeout' | 'error'>(
        (resolve) => {
          const out = http.request(
            {
              host: '127.0.0.1',
              port: running.hostPort,
              path: d.scoringPath,
              method: 'POST',
              agent: false,
              headers: {
                'content-type': req.headers['content-type'] ?? 'application/json',
                'content-length': body.length,
                ...(typeof req.headers.accept === 'string' ? { accept: req.headers.accept } : {}),
              },
            },
            (res) => {
              void readAll(res).then(
                (b) =>
                  resolve({
                    status: res.statusCode ?? 502,
                    body: b,
                    contentType: String(res.headers['content-type'] ?? 'application/json'),
                    reason: res.statusMessage ?? '',
                  }),
                () => resolve('error'),
              );
            },
          );
          const timer = setTimeout(() => {
            out.destroy();
            resolve('timeout');
          }, d.limits.requestTimeoutMs);
          out.on('close', () => clearTimeout(timer));
          out.on('error', () => resolve('error'));
          out.end(body);
        },
      );
      if (r === 'timeout')
        return json(
          408,
          `The request timed out: the model took longer than requestTimeout (${d.limits.requestTimeoutMs} ms) of deployment '${d.name}'.`,
        );
      if (r === 'error') return json(502, `The model container of deployment '${d.name}' closed the connection without an answer.`);
      if ((r.status < 200 || r.status > 299) && this.host.modelErrors === 'azure') {
        return {
          status: 424,
          modelStatus: r.status,
          body: r.body,
          contentType: r.contentType,
          headers: { 'ms-azureml-model-error-statuscode': String(r.status), 'ms-azureml-model-error-reason': r.reason || 'model_error' },
        };
      }
      return { status: r.status, modelStatus: r.status, body: r.body, contentType: r.contentType, headers: {} };
    } finally {
      d.inFlight -= 1;
    }
  }
}

/** weighted random choice over the deployments with a positive share that exist */
export function pickWeighted(ep: EndpointRecord, traffic: Record<string, number>): DeploymentRecord | undefined {
  const entries = Object.entries(traffic)
    .map(([name, w]) => [ep.deployments.get(name.toLowerCase()), w] as const)
    .filter((e): e is readonly [DeploymentRecord, number] => e[0] !== undefined && e[1] > 0);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  if (total <= 0) return undefined;
  let x = Math.random() * total;
  for (const [d, w] of entries) {
    x -= w;
    if (x < 0) return d;
  }
  return entries[entries.length - 1][0];
}

function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('end', () => resolve(Buffer.concat(chunks)));
    s.on('error', reject);
  });
}
