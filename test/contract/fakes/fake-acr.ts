import * as http from 'node:http';
import * as net from 'node:net';

/**
 * A FAKE Azure Container Registry auth and manifest API on 127.0.0.1, written from the
 * public ACR OAuth2 reference (POST /oauth2/exchange, POST /oauth2/token) and the OCI
 * distribution API (HEAD /v2/<name>/manifests/<ref> behind a Bearer challenge). It is
 * not ACR: it checks what a client sends and answers as the reference says.
 */
export interface FakeAcr {
  url: string;
  /** the registry name clients use as `service` */
  service: string;
  calls: string[];
  /** answer this many requests with 500 before behaving */
  failNext: number;
  manifests: Map<string, string>;
  close(): Promise<void>;
}

export async function startFakeAcr(opts: { service: string; acceptAadToken: string }): Promise<FakeAcr> {
  const refreshTokens = new Set<string>();
  const accessTokens = new Set<string>();
  let counter = 0;
  const fake: FakeAcr = { url: '', service: opts.service, calls: [], failNext: 0, manifests: new Map(), close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      fake.calls.push(`${req.method} ${url.pathname}`);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
        res.end(req.method === 'HEAD' ? undefined : text);
      };
      if (fake.failNext > 0) {
        fake.failNext -= 1;
        return json(500, { errors: [{ code: 'UNKNOWN', message: 'fake failure' }] });
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      if (req.method === 'POST' && url.pathname === '/oauth2/exchange') {
        if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return json(400, { error: 'form expected' });
        if (form.get('grant_type') !== 'access_token' || form.get('service') !== opts.service)
          return json(400, { error: 'bad grant or service' });
        if (form.get('access_token') !== opts.acceptAadToken) return json(401, { errors: [{ code: 'UNAUTHORIZED' }] });
        const rt = `fake-refresh-${++counter}`;
        refreshTokens.add(rt);
        return json(200, { refresh_token: rt });
      }
      if (req.method === 'POST' && url.pathname === '/oauth2/token') {
        if (form.get('grant_type') !== 'refresh_token' || !refreshTokens.has(form.get('refresh_token') ?? ''))
          return json(401, { errors: [{ code: 'UNAUTHORIZED' }] });
        if (!/^repository:[^:]+:pull/.test(form.get('scope') ?? '')) return json(400, { error: 'scope' });
        const at = `fake-access-${++counter}`;
        accessTokens.add(at);
        return json(200, { access_token: at });
      }
      const m = url.pathname.match(/^\/v2\/(.+)\/manifests\/([^/]+)$/);
      if (m && (req.method === 'HEAD' || req.method === 'GET')) {
        const auth = req.headers.authorization ?? '';
        if (!auth.startsWith('Bearer ') || !accessTokens.has(auth.slice(7))) {
          return json(
            401,
            { errors: [{ code: 'UNAUTHORIZED' }] },
            { 'www-authenticate': `Bearer realm="${fake.url}/oauth2/token",service="${opts.service}",scope="repository:${m[1]}:pull"` },
          );
        }
        const digest = fake.manifests.get(`${m[1]}:${m[2]}`);
        if (!digest) return json(404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
        return json(200, { schemaVersion: 2, layers: [] }, { 'docker-content-digest': digest });
      }
      json(404, { error: 'not in the fake' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  fake.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  fake.close = () => new Promise<void>((r) => server.close(() => r()));
  return fake;
}
