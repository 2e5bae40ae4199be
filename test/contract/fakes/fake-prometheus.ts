import * as http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A FAKE Prometheus HTTP API (`/api/v1/query`, GET or form POST, instant vectors), written
 * from https://prometheus.io/docs/prometheus/latest/querying/api/ and the PromQL reference.
 *
 * It serves the cumulative counters two ingress layers export for the Services a test
 * scripts: each scripted Service's requests grow at `rate` per second (split evenly across
 * the `replicas` scraped ingress / gateway pods, each its own series), a share of them 5xx,
 * every request in one latency bucket:
 * - ingress-nginx: `nginx_ingress_controller_requests` and
 *   `nginx_ingress_controller_request_duration_seconds_bucket` (`le` in seconds, Prometheus'
 *   default buckets), labels exported_namespace, exported_service, status ("200" / "500"),
 *   pod "ingress-nginx-controller-<i>" (and le);
 * - Istio gateway (gateway-api): `istio_requests_total` and
 *   `istio_request_duration_milliseconds_bucket` (`le` in milliseconds, Istio's default
 *   buckets), labels reporter "source", destination_service_namespace,
 *   destination_service_name, response_code ("200" / "500"), pod "gateway-<i>" (and le).
 * `restartReplica(i, family?)` restarts replica i (of both families unless one is named):
 * its counters start again from zero at that moment, the counter reset a restarted ingress
 * pod shows (a sum over the replicas drops too).
 *
 * Queries understood (spaces where PromQL allows them, matchers in any order; `=`, `!=`,
 * `=~`, `!~` with fully anchored RE2-like regexes):
 *   <metric>{<matchers>}                          one sample per series, with __name__
 *   sum(<metric>{<matchers>})                     one sample without labels (none when no series)
 *   sum by (<labels>) (<metric>{<matchers>})      one sample per group (also `sum(…) by (…)`)
 * where the matchers must name the Service exactly (exported_namespace= and
 * exported_service=, or destination_service_namespace= and destination_service_name= with
 * reporter="source") and may only use the labels of the metric. Anything else is answered
 * 400 `{"status":"error","errorType":"bad_data","error":"…"}` naming the query: a real
 * Prometheus would answer an unknown metric with an empty vector, which would hide a typo.
 *
 * Deviations: series carry only the labels above (no job, instance, method, host…); a
 * status class series exists as soon as its share is above 0 (value 0 until a request);
 * a scripted Service without a namespace answers in any namespace a query names; the
 * optional `time` parameter is honoured, no other parameter is.
 */

export interface ScriptedService {
  /** requests per second, across all replicas */
  rate: number;
  /** the share of them answered 5xx (0..1) */
  errorShare: number;
  /** the `le` (seconds) bucket every request falls in */
  latencySeconds: number;
  /** the Service's namespace; any namespace a query names when not given */
  namespace?: string;
}

export interface FakePrometheusOptions {
  /** scraped ingress-nginx controller / gateway pods, each its own series (default 2) */
  replicas?: number;
}

export type IngressFamily = 'nginx' | 'gateway';

interface Family {
  id: IngressFamily;
  requests: string;
  buckets: string;
  namespaceLabel: string;
  serviceLabel: string;
  statusLabel: string;
  /** labels every series of the family has, besides the above */
  fixed: Record<string, string>;
  pod: (i: number) => string;
  /** upper bounds, in the metric's unit */
  le: number[];
  /** seconds → the metric's unit */
  scale: number;
}

const FAMILIES: Family[] = [
  {
    id: 'nginx',
    requests: 'nginx_ingress_controller_requests',
    buckets: 'nginx_ingress_controller_request_duration_seconds_bucket',
    namespaceLabel: 'exported_namespace',
    serviceLabel: 'exported_service',
    statusLabel: 'status',
    fixed: {},
    pod: (i) => `ingress-nginx-controller-${i}`,
    le: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    scale: 1,
  },
  {
    id: 'gateway',
    requests: 'istio_requests_total',
    buckets: 'istio_request_duration_milliseconds_bucket',
    namespaceLabel: 'destination_service_namespace',
    serviceLabel: 'destination_service_name',
    statusLabel: 'response_code',
    fixed: { reporter: 'source' },
    pod: (i) => `gateway-${i}`,
    le: [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000],
    scale: 1000,
  },
];

type Labels = Record<string, string>;

interface Series {
  labels: Labels;
  value: number;
}

interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
  re?: RegExp;
}

interface ParsedQuery {
  metric: string;
  family: Family;
  matchers: Matcher[];
  /** undefined: no aggregation; [] sum; [...] sum by */
  by?: string[];
}

class BadQuery extends Error {}

/** a Go-like float for a sample value ("123", "0.5", "+Inf") */
function formatValue(v: number): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Number.isNaN(v)) return 'NaN';
  return String(v);
}

function parseQuery(query: string): ParsedQuery {
  let pos = 0;
  const src = query;
  const ws = () => {
    while (pos < src.length && /\s/.test(src[pos])) pos++;
  };
  const fail = (why: string): never => {
    throw new BadQuery(why);
  };
  const expect = (s: string) => {
    ws();
    if (!src.startsWith(s, pos)) fail(`expected ${JSON.stringify(s)} at character ${pos + 1}`);
    pos += s.length;
  };
  const ident = (what: string): string => {
    ws();
    const m = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(src.slice(pos));
    if (!m) return fail(`expected ${what} at character ${pos + 1}`);
    pos += m[0].length;
    return m[0];
  };
  const str = (): string => {
    ws();
    const q = src[pos];
    if (q !== '"' && q !== "'") return fail(`expected a quoted string at character ${pos + 1}`);
    let out = '';
    pos++;
    while (pos < src.length && src[pos] !== q) {
      if (src[pos] === '\\') {
        const next = src[pos + 1];
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        pos += 2;
      } else out += src[pos++];
    }
    if (src[pos] !== q) fail('unterminated quoted string');
    pos++;
    return out;
  };
  const labelList = (): string[] => {
    expect('(');
    const out: string[] = [];
    ws();
    if (src[pos] !== ')') {
      for (;;) {
        out.push(ident('a label name'));
        ws();
        if (src[pos] === ',') {
          pos++;
          continue;
        }
        break;
      }
    }
    expect(')');
    return out;
  };
  const selector = (): { metric: string; matchers: Matcher[] } => {
    const metric = ident('a metric name');
    const matchers: Matcher[] = [];
    ws();
    if (src[pos] === '{') {
      pos++;
      ws();
      while (src[pos] !== '}') {
        const label = ident('a label name');
        ws();
        const op = (['=~', '!~', '!=', '='] as const).find((o) => src.startsWith(o, pos));
        if (!op) fail(`expected a label matching operator after ${label}`);
        pos += (op as string).length;
        const value = str();
        const m: Matcher = { label, op: op as Matcher['op'], value };
        if (m.op === '=~' || m.op === '!~') {
          try {
            m.re = new RegExp(`^(?:${value})$`);
          } catch (err: unknown) {
            fail(`error parsing regexp ${JSON.stringify(value)}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
        matchers.push(m);
        ws();
        if (src[pos] === ',') {
          pos++;
          ws();
        } else if (src[pos] !== '}') fail(`expected "," or "}" at character ${pos + 1}`);
      }
      pos++;
    }
    return { metric, matchers };
  };

  let by: string[] | undefined;
  let sel: { metric: string; matchers: Matcher[] };
  ws();
  const head = /^sum\b/.exec(src.slice(pos));
  if (head) {
    pos += 3;
    ws();
    by = [];
    if (src.startsWith('by', pos) && !/[a-zA-Z0-9_:]/.test(src[pos + 2] ?? '')) {
      pos += 2;
      by = labelList();
    }
    expect('(');
    sel = selector();
    expect(')');
    ws();
    if (src.startsWith('by', pos) && by.length === 0) {
      pos += 2;
      by = labelList();
    }
  } else sel = selector();
  ws();
  if (pos !== src.length) fail(`unexpected ${JSON.stringify(src.slice(pos, pos + 20))} at character ${pos + 1}`);

  const family = FAMILIES.find((f) => f.requests === sel.metric || f.buckets === sel.metric);
  if (!family) return fail(`unknown metric ${sel.metric} (the fake serves ${FAMILIES.flatMap((f) => [f.requests, f.buckets]).join(', ')})`);
  const isBuckets = family.buckets === sel.metric;
  const known = new Set([
    family.namespaceLabel,
    family.serviceLabel,
    family.statusLabel,
    'pod',
    ...Object.keys(family.fixed),
    ...(isBuckets ? ['le'] : []),
  ]);
  for (const m of sel.matchers) if (!known.has(m.label)) fail(`${sel.metric} has no label ${m.label}`);
  for (const l of by ?? []) if (!known.has(l)) fail(`${sel.metric} has no label ${l} to sum by`);
  const exact = (label: string) => sel.matchers.some((m) => m.label === label && m.op === '=' && m.value !== '');
  for (const label of [family.namespaceLabel, family.serviceLabel])
    if (!exact(label)) fail(`the selector must name the Service with ${label}="…"`);
  for (const [label, value] of Object.entries(family.fixed))
    if (!sel.matchers.some((m) => m.label === label && m.op === '=' && m.value === value))
      fail(`the selector must say ${label}="${value}" (the other reporter counts the same requests again)`);
  return { metric: sel.metric, family, matchers: sel.matchers, ...(by ? { by } : {}) };
}

function matches(labels: Labels, m: Matcher): boolean {
  const v = labels[m.label] ?? '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return (m.re as RegExp).test(v);
    case '!~':
      return !(m.re as RegExp).test(v);
  }
}

export class FakePrometheus {
  url = '';
  /** every query asked, in order (rejected ones included) */
  readonly queries: string[] = [];
  readonly replicas: number;
  private readonly services = new Map<string, ScriptedService & { since: number }>();
  /** restart times (epoch ms) of each family's replica i, oldest first */
  private readonly restarts = new Map<string, number[]>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  constructor(opts: FakePrometheusOptions = {}) {
    const n = opts.replicas ?? 2;
    if (!Number.isInteger(n) || n < 1) throw new Error(`fake-prometheus: replicas must be a positive integer, got ${n}`);
    this.replicas = n;
  }

  async listen(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** counters for `service` start growing now (from zero, when it was scripted before) */
  script(service: string, s: ScriptedService): void {
    this.services.set(service, { ...s, since: Date.now() });
  }

  /** replica i restarts now: its counters (of one family, or both) start again from zero */
  restartReplica(i: number, family?: IngressFamily): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.replicas)
      throw new Error(`fake-prometheus: no replica ${i} (replicas 0..${this.replicas - 1})`);
    const now = Date.now();
    for (const f of FAMILIES)
      if (!family || f.id === family) {
        const k = `${f.id}/${i}`;
        this.restarts.set(k, [...(this.restarts.get(k) ?? []), now]);
      }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  /** every series of a metric at `t` (epoch ms), for the namespace a query names when a service has none */
  private series(family: Family, metric: string, t: number, queryNamespace: string): Series[] {
    const out: Series[] = [];
    for (const [service, s] of this.services) {
      if (t < s.since) continue;
      const base: Labels = {
        ...family.fixed,
        [family.namespaceLabel]: s.namespace ?? queryNamespace,
        [family.serviceLabel]: service,
      };
      for (let i = 0; i < this.replicas; i++) {
        const restarted = (this.restarts.get(`${family.id}/${i}`) ?? []).filter((r) => r <= t).pop() ?? 0;
        const start = Math.max(s.since, restarted);
        const total = Math.floor(((t - start) / 1000) * (s.rate / this.replicas));
        const errors = Math.floor(total * s.errorShare);
        const classes = [
          { code: '200', count: total - errors, share: 1 - s.errorShare },
          { code: '500', count: errors, share: s.errorShare },
        ].filter((c) => c.share > 0);
        for (const c of classes) {
          const labels: Labels = { ...base, [family.statusLabel]: c.code, pod: family.pod(i) };
          if (metric === family.requests) out.push({ labels: { __name__: metric, ...labels }, value: c.count });
          else {
            const latency = s.latencySeconds * family.scale;
            for (const le of family.le)
              out.push({ labels: { __name__: metric, ...labels, le: String(le) }, value: le >= latency - 1e-9 ? c.count : 0 });
            out.push({ labels: { __name__: metric, ...labels, le: '+Inf' }, value: c.count });
          }
        }
      }
    }
    return out;
  }

  private evaluate(q: ParsedQuery, t: number): Array<{ metric: Labels; value: number }> {
    const ns = q.matchers.find((m) => m.label === q.family.namespaceLabel && m.op === '=')?.value ?? '';
    const selected = this.series(q.family, q.metric, t, ns).filter((s) => q.matchers.every((m) => matches(s.labels, m)));
    if (q.by === undefined) return selected.map((s) => ({ metric: s.labels, value: s.value }));
    const groups = new Map<string, { metric: Labels; value: number }>();
    for (const s of selected) {
      const metric: Labels = {};
      for (const l of q.by) if (s.labels[l] !== undefined && s.labels[l] !== '') metric[l] = s.labels[l];
      const k = JSON.stringify(Object.entries(metric).sort());
      const g = groups.get(k) ?? { metric, value: 0 };
      g.value += s.value;
      groups.set(k, g);
    }
    return [...groups.values()];
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const send = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
        res.end(text);
      };
      const badData = (error: string) => send(400, { status: 'error', errorType: 'bad_data', error });
      if (url.pathname !== '/api/v1/query') return send(404, { status: 'error', errorType: 'not_found', error: `no ${url.pathname}` });
      const params = new URLSearchParams(url.searchParams);
      if (req.method === 'POST') {
        if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
          return badData('POST /api/v1/query takes an application/x-www-form-urlencoded body');
        for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) params.append(k, v);
      } else if (req.method !== 'GET')
        return send(405, { status: 'error', errorType: 'bad_data', error: `method ${req.method} not allowed` });
      const query = params.get('query');
      if (query === null || query.trim() === '')
        return badData('invalid parameter "query": 1:1: parse error: no expression found in input');
      this.queries.push(query);
      let t = Date.now();
      const time = params.get('time');
      if (time !== null) {
        const n = /^\d+(\.\d+)?$/.test(time) ? Number(time) * 1000 : Date.parse(time);
        if (!Number.isFinite(n)) return badData(`invalid parameter "time": cannot parse "${time}" to a valid timestamp`);
        t = n;
      }
      let parsed: ParsedQuery;
      try {
        parsed = parseQuery(query);
      } catch (err: unknown) {
        if (err instanceof BadQuery)
          return badData(`fake-prometheus does not understand the query ${JSON.stringify(query)}: ${err.message}`);
        throw err;
      }
      const at = Math.round(t) / 1000;
      const result = this.evaluate(parsed, t).map((s) => ({ metric: s.metric, value: [at, formatValue(s.value)] }));
      send(200, { status: 'success', data: { resultType: 'vector', result } });
    });
  }
}

export async function startFakePrometheus(opts: FakePrometheusOptions = {}): Promise<FakePrometheus> {
  const p = new FakePrometheus(opts);
  await p.listen();
  return p;
}
