import * as http from 'node:http';
import { seeded } from '../helpers/seeded';
import * as net from 'node:net';
import { freePorts } from '../helpers/project';
import { Router, TrafficError } from '../../shared/targets/local/router';
import { scoreOnce } from '../../shared/traffic/http-score';
import { quantileMs } from '../../shared/analysis/metrics';

// real HTTP on a loaded 2-core machine: a bound, not a speed check
jest.setTimeout(60_000);

/** Real HTTP on 127.0.0.1: small backends that answer with their own name. */
interface Backend {
  name: string;
  port: number;
  server: http.Server;
  received: number;
  /** answer with this status */
  status: number;
  delayMs: number;
  /** read the request, then destroy the connection without answering */
  destroy: boolean;
  /** the request bodies received */
  bodies: string[];
}

async function startBackend(name: string): Promise<Backend> {
  const b: Backend = { name, port: 0, server: http.createServer(), received: 0, status: 200, delayMs: 0, destroy: false, bodies: [] };
  b.server.on('request', (req, res) => {
    b.received += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      b.bodies.push(Buffer.concat(chunks).toString('utf8'));
      if (b.destroy) {
        req.socket.destroy();
        return;
      }
      setTimeout(() => {
        const body = JSON.stringify({ from: name, echo: Buffer.concat(chunks).toString('utf8'), auth: req.headers.authorization ?? null });
        res.writeHead(b.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }, b.delayMs);
    });
  });
  await new Promise<void>((r) => b.server.listen(0, '127.0.0.1', () => r()));
  b.port = (b.server.address() as net.AddressInfo).port;
  return b;
}

describe('router (real HTTP on loopback)', () => {
  let blue: Backend;
  let green: Backend;
  let router: Router;
  let url: string;

  beforeEach(async () => {
    blue = await startBackend('blue');
    green = await startBackend('green');
    const port = (await freePorts(1))[0];
    router = new Router({ endpoint: 'ep', host: '127.0.0.1', port, epoch: 'e1' });
    await router.listen();
    router.addBackend('blue', blue.port);
    router.addBackend('green', green.port);
    url = `http://127.0.0.1:${port}/score`;
  });

  afterEach(async () => {
    await router.close();
    blue.server.close();
    green.server.close();
  });

  const send = (extra: Partial<Parameters<typeof scoreOnce>[0]> = {}) => scoreOnce({ url, body: '{"x":1}', timeoutMs: 5000, ...extra });

  it('splits requests exactly by weight and names the deployment in every answer', async () => {
    router.setTraffic({ blue: 70, green: 30 });
    const answers = [];
    for (let i = 0; i < 100; i++) answers.push(await send());
    const fromBlue = answers.filter((a) => a.deployment === 'blue').length;
    expect(fromBlue).toBe(70);
    expect(answers.filter((a) => a.deployment === 'green')).toHaveLength(30);
    for (const a of answers) expect((JSON.parse(a.body) as { from: string }).from).toBe(a.deployment);
    const m = router.metrics(0);
    expect(m.deployments.blue.requests).toBe(70);
    expect(m.deployments.green.requests).toBe(30);
    expect(m.deployments.blue.errors).toBe(0);
    expect(quantileMs(m.deployments.blue.latency, 0.99)).toBeGreaterThan(0);
  });

  it('passes the body through and keeps the endpoint key from the deployment', async () => {
    await router.close();
    const port = (await freePorts(1))[0];
    router = new Router({ endpoint: 'ep', host: '127.0.0.1', port, epoch: 'e2', authKey: 's3cret-key' });
    await router.listen();
    router.addBackend('blue', blue.port);
    router.setTraffic({ blue: 100 });
    url = `http://127.0.0.1:${port}/score`;
    const denied = await send();
    expect(denied.status).toBe(401);
    expect((await send({ key: 'wrong-key-' })).status).toBe(401);
    const ok = await send({ key: 's3cret-key' });
    expect(ok.status).toBe(200);
    const body = JSON.parse(ok.body) as { echo: string; auth: string | null };
    expect(body.echo).toBe('{"x":1}');
    expect(body.auth).toBeNull();
    expect(router.metrics(0).deployments.blue.requests).toBe(1);
  });

  it('sends a request with the deployment header to that deployment only, even at 0%', async () => {
    router.setTraffic({ blue: 100, green: 0 });
    const r = await send({ deployment: 'green' });
    expect(r.deployment).toBe('green');
    expect(green.received).toBe(1);
    expect((await send({ deployment: 'nope' })).status).toBe(404);
  });

  it('mirrors the configured share, discards mirrored answers and counts them for the mirror target', async () => {
    router.setTraffic({ blue: 100, green: 0 }, { green: 25 });
    // exactly 25 of each block of 100 requests, in a random order
    for (let i = 0; i < 100; i++) expect((await send()).deployment).toBe('blue');
    // mirrored requests are fire-and-forget: wait until the backend saw them
    for (let i = 0; i < 50 && green.received < 25; i++) await new Promise((r) => setTimeout(r, 20));
    expect(green.received).toBe(25);
    expect(router.metrics(0).deployments.green.requests).toBe(25);
  });

  /** mirrored requests are answered after the client's: wait until the mirror target has none in flight */
  async function mirrorsAnswered(): Promise<void> {
    for (let i = 0; i < 250 && router.inflight('green') > 0; i++) await new Promise((r) => setTimeout(r, 20));
  }

  it('pairs each mirrored answer with the answer the client got, for a paired mirror target only', async () => {
    router.setTraffic({ blue: 100, green: 0 }, { green: 50 });
    // a whole block of 100 decisions, so that the paired phase below starts a block of its own
    for (let i = 0; i < 100; i++) await send({ body: `{"i":${i}}` });
    await mirrorsAnswered();
    expect(green.received).toBe(50);
    // mirrored, not paired: nothing kept
    expect(router.takePairs('green')).toEqual({ pairs: [], unpaired: 0 });

    router.setTraffic({ blue: 100, green: 0 }, { green: 50 }, ['green']);
    green.status = 500;
    for (let i = 0; i < 100; i++) expect((await send({ body: `{"p":${i}}` })).deployment).toBe('blue');
    await mirrorsAnswered();
    const { pairs, unpaired } = router.takePairs('green');
    expect(unpaired).toBe(0);
    expect(pairs).toHaveLength(50);
    for (const pair of pairs) {
      expect(pair.served).toBe('blue');
      expect(JSON.parse(pair.reference.body)).toEqual({ from: 'blue', echo: pair.request, auth: null });
      expect(pair.reference.status).toBe(200);
      // the mirror's own answer, whatever its status
      expect(pair.mirrored).toEqual({ status: 500, body: JSON.stringify({ from: 'green', echo: pair.request, auth: null }) });
    }
    expect(new Set(pairs.map((p) => p.request)).size).toBe(50);
    // taken pairs are forgotten; a traffic change that keeps the mirror keeps the pairing
    expect(router.takePairs('green').pairs).toEqual([]);
    router.setTraffic({ blue: 100, green: 0 }, { green: 50 });
    expect(router.pairedTargets()).toEqual(['green']);
    // only a mirror target can be paired; stopping the mirror stops the pairing
    expect(() => router.setTraffic({ blue: 100, green: 0 }, {}, ['green'])).toThrow(TrafficError);
    router.setTraffic({ blue: 100, green: 0 }, {});
    expect(router.pairedTargets()).toEqual([]);
  });

  it('does not keep a pair whose mirror did not answer as agreeing, nor one too large to keep', async () => {
    router.setTraffic({ blue: 100, green: 0 }, { green: 100 }, ['green']);
    green.destroy = true;
    for (let i = 0; i < 10; i++) await send({ body: `{"i":${i}}` });
    await mirrorsAnswered();
    const taken = router.takePairs('green');
    expect(taken.pairs).toHaveLength(10);
    for (const pair of taken.pairs) expect(pair.mirrored).toBeUndefined();
    green.destroy = false;
    await send({ body: JSON.stringify({ big: 'x'.repeat(70 * 1024) }) });
    await mirrorsAnswered();
    expect(router.takePairs('green')).toEqual({ pairs: [], unpaired: 1 });
  });

  it('counts 5xx answers and refused connections as errors; retries a refused connection on another deployment', async () => {
    router.setTraffic({ blue: 50, green: 50 });
    green.status = 500;
    // one block of 100: exactly 50 on green
    for (let i = 0; i < 100; i++) await send();
    expect(router.metrics(0).deployments.green.errors).toBe(50);
    green.status = 200;
    green.server.close();
    green.server.closeAllConnections();
    // let the router's pool see its keep-alive sockets to green close
    await new Promise((r) => setTimeout(r, 50));
    const answers = [];
    for (let i = 0; i < 100; i++) answers.push(await send());
    // the client never sees the dead deployment: the router retried on blue
    expect(answers.every((a) => a.status === 200 && a.deployment === 'blue')).toBe(true);
    expect(router.metrics(0).deployments.green.errors).toBe(100);
  });

  it('retries on another deployment when the port refuses: the request never reached it', async () => {
    const refusing = (await freePorts(1))[0];
    router.addBackend('gone', refusing);
    router.setTraffic({ blue: 50, gone: 50, green: 0 });
    const answers = [];
    for (let i = 0; i < 100; i++) answers.push(await send());
    expect(answers.every((a) => a.status === 200 && a.deployment === 'blue')).toBe(true);
    expect(blue.received).toBe(100);
    const m = router.metrics(0);
    expect(m.deployments.gone.errors).toBe(50);
    expect(m.deployments.blue.requests).toBe(100);
  });

  it('never sends twice a request that reached a deployment: accepted, read, then the connection destroyed gives 502, no retry', async () => {
    router.setTraffic({ blue: 50, green: 50 });
    // keep-alive sockets to green exist: the failures below happen on new and on reused sockets
    for (let i = 0; i < 20; i++) expect((await send()).status).toBe(200);
    const blueBefore = blue.received;
    const greenBefore = green.received;
    green.destroy = true;
    const answers = [];
    for (let i = 0; i < 100; i++) answers.push(await send({ body: `{"n":${i}}` }));
    const failed = answers.filter((a) => a.status === 502);
    const ok = answers.filter((a) => a.status === 200);
    expect(failed.length + ok.length).toBe(100);
    expect(failed.length).toBeGreaterThan(0);
    // every failed request reached green once, and only green
    expect(failed.every((a) => a.deployment === 'green' && /did not answer/.test(a.body))).toBe(true);
    expect(green.received - greenBefore).toBe(failed.length);
    expect(ok.every((a) => a.deployment === 'blue')).toBe(true);
    expect(blue.received - blueBefore).toBe(ok.length);
    const seenByBlue = new Set(blue.bodies.slice(blueBefore));
    for (const body of green.bodies.slice(greenBefore)) expect(seenByBlue.has(body)).toBe(false);
  });

  it('a deployment that closes its keep-alive connections after every answer costs the client nothing, and gets each request once', async () => {
    router.setTraffic({ blue: 100 });
    // the close arrives just after the answer: the router's next request may meet a socket that is closing
    blue.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => res.on('finish', () => req.socket.end()));
    const answers = [];
    for (let i = 0; i < 200; i++) answers.push(await send({ body: `{"k":${i}}` }));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(blue.bodies).toHaveLength(200);
    expect(new Set(blue.bodies).size).toBe(200);
  });

  it.each([10, 20])(
    'a client cycling through %i kinds of request gives a 10%% canary the mix of the whole traffic (real HTTP, seeded, chi-square at p = 0.001)',
    async (kinds) => {
      await router.close();
      const port = (await freePorts(1))[0];
      router = new Router({ endpoint: 'ep', host: '127.0.0.1', port, epoch: 'e3', random: seeded(kinds) });
      await router.listen();
      router.addBackend('blue', blue.port);
      router.addBackend('green', green.port);
      router.setTraffic({ blue: 90, green: 10 });
      url = `http://127.0.0.1:${port}/score`;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const requests = 2000;
      for (let i = 0; i < requests; i++) expect((await send({ body: `{"kind":${i % kinds}}`, agent })).status).toBe(200);
      agent.destroy();
      const canaryByKind = new Array<number>(kinds).fill(0);
      for (const body of green.bodies) canaryByKind[(JSON.parse(body) as { kind: number }).kind] += 1;
      expect(green.bodies).toHaveLength(requests / 10);
      const expected = green.bodies.length / kinds;
      const chi2 = canaryByKind.reduce((a, observed) => a + (observed - expected) ** 2 / expected, 0);
      // critical values of chi-square at p = 0.001 for 9 and 19 degrees of freedom
      expect(chi2).toBeLessThan(kinds === 10 ? 27.877 : 43.82);
      expect(Math.min(...canaryByKind)).toBeGreaterThan(0);
    },
    // 2000 requests one after the other: a bound for a loaded 2-core machine, not a speed check
    120_000,
  );

  it('100 weight changes under steady load: no request fails, none is lost, stable answers throughout', async () => {
    // 8 clients keep sending while the split moves 100 times between 0% and 100% for green
    let stop = false;
    const answers: Array<{ status: number; deployment?: string }> = [];
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const client = async () => {
      while (!stop) {
        const a = await send({ agent }).catch(() => ({ status: 0, deployment: undefined }));
        answers.push({ status: a.status, deployment: a.deployment });
      }
    };
    const clients = Array.from({ length: 8 }, () => client());
    const random = seeded(7);
    for (let change = 0; change < 100; change++) {
      const green = Math.floor(random() * 101);
      router.setTraffic({ blue: 100 - green, green });
      // let some requests through at each split
      const seen = answers.length;
      while (answers.length < seen + 5) await new Promise((r) => setImmediate(r));
    }
    stop = true;
    await Promise.all(clients);
    agent.destroy();
    expect(answers.length).toBeGreaterThanOrEqual(500);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.deployment === 'blue').length).toBeGreaterThan(0);
    // every request the clients saw answered was counted by the router, once
    const counted = router.metrics(0).deployments;
    expect((counted.blue?.requests ?? 0) + (counted.green?.requests ?? 0)).toBe(answers.length);
    expect((counted.blue?.errors ?? 0) + (counted.green?.errors ?? 0)).toBe(0);
  });

  it('rejects invalid traffic maps and keeps the previous one', () => {
    router.setTraffic({ blue: 100 });
    expect(() => router.setTraffic({ blue: 60, green: 30 })).toThrow(/sum to 100/);
    expect(() => router.setTraffic({ blue: 50, red: 50 })).toThrow(TrafficError);
    expect(() => router.setTraffic({ blue: 100.5 })).toThrow(/integer/);
    expect(() => router.setTraffic({ blue: 100, green: 0 }, { blue: 10 })).toThrow(/mirror/);
    expect(router.traffic()).toEqual({ blue: 100 });
  });

  it('removes a deployment only at weight 0 and only after its in-flight requests finished', async () => {
    router.setTraffic({ blue: 0, green: 100 });
    await expect(router.removeBackend('green')).rejects.toThrow(/still takes 100%/);
    green.delayMs = 300;
    const inflight = [send(), send(), send()];
    await new Promise((r) => setTimeout(r, 50));
    expect(router.inflight('green')).toBe(3);
    router.setTraffic({ blue: 100, green: 0 });
    let removed = false;
    const removal = router.removeBackend('green').then(() => (removed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(removed).toBe(false);
    const answers = await Promise.all(inflight);
    await removal;
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(router.traffic()).toEqual({ blue: 100 });
  });

  it('answers 503 when no deployment takes traffic', async () => {
    await router.removeBackend('blue');
    await router.removeBackend('green');
    expect((await send()).status).toBe(503);
  });
});
