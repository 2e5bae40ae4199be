import * as http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A FAKE Prometheus HTTP API (`GET /api/v1/query`, instant vectors), written from
 * https://prometheus.io/docs/prometheus/latest/querying/api/. It serves cumulative
 * counters for the Services the test scripts: requests grow at `rate` per second from
 * the moment the test starts a Service, a share of them are 5xx, and every request lands
 * in one latency bucket. It understands the shape of modelship's default ingress-nginx
 * queries (by `exported_service="…"`, `status=~"5.."`, `sum by (le)`), nothing more.
 */
export interface ScriptedService {
  rate: number;
  errorShare: number;
  /** the `le` (seconds) bucket every request falls in */
  latencySeconds: number;
}

export class FakePrometheus {
  url = '';
  readonly queries: string[] = [];
  private readonly services = new Map<string, ScriptedService & { since: number }>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  async listen(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** counters for `service` start growing now */
  script(service: string, s: ScriptedService): void {
    this.services.set(service, { ...s, since: Date.now() });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/api/v1/query') return send(404, { status: 'error', errorType: 'not_found', error: `no ${url.pathname}` });
    const query = url.searchParams.get('query') ?? '';
    this.queries.push(query);
    const service = /exported_service="([^"]+)"/.exec(query)?.[1];
    if (!service) return send(400, { status: 'error', errorType: 'bad_data', error: 'the fake answers only queries by exported_service' });
    const at = Date.now() / 1000;
    const s = this.services.get(service);
    const total = s ? Math.floor(((Date.now() - s.since) / 1000) * s.rate) : 0;
    const vector = (metric: Record<string, string>, value: number) => ({ metric, value: [at, String(value)] });
    let result: unknown[];
    if (/sum by \(le\)/.test(query)) {
      // cumulative buckets: everything at or above the scripted latency
      result = s
        ? [0.005, 0.05, 0.5, 5]
            .map((le) => vector({ le: String(le) }, le >= s.latencySeconds ? total : 0))
            .concat([vector({ le: '+Inf' }, total)])
        : [];
    } else if (/status=~"5\.\."/.test(query)) {
      result = s ? [vector({}, Math.floor(total * s.errorShare))] : [];
    } else {
      result = s ? [vector({}, total)] : [];
    }
    send(200, { status: 'success', data: { resultType: 'vector', result } });
  }
}

export async function startFakePrometheus(): Promise<FakePrometheus> {
  const p = new FakePrometheus();
  await p.listen();
  return p;
}
