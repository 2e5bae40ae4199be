/**
 * Benchmark: the modelship router against nginx, in front of the same tiny HTTP backend,
 * in one run on 127.0.0.1. Three paths to one backend process:
 *
 *   direct   client -> backend
 *   router   client -> modelship Router (its own Node process, one deployment at 100%) -> backend
 *   nginx    client -> nginx (Debian package, generated config, keep-alive upstream) -> backend
 *   floor    client -> the cheapest proxy one Node process can be (raw sockets, no routing,
 *            Content-Length framing only, no validation) -> backend: not a product, the
 *            ceiling any router written in Node reaches on this machine
 *
 * Rounds alternate between the paths. Prints p50/p99 latency at one client and
 * throughput at N concurrent clients, with the ratios router/direct and router/nginx.
 * The load client is a small raw HTTP/1.1 keep-alive client (net.Socket, a prebuilt
 * request), so that it costs less CPU than the proxies it measures. nginx is installed
 * from the distribution packages when missing (apt-get); when it cannot be, the nginx
 * row is left out and the benchmark says so.
 *
 *   node dist/bench/router-nginx.js [--requests 3000] [--throughput 20000] [--concurrency 16] [--rounds 3]
 */
import * as child from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Router } from '../shared/targets/local/router';
import { parseArgs, quantile } from './common';

const BODY = '{"data": [[1.0, 2.0, 3.0, 4.0]]}';

// ---- child roles ---------------------------------------------------------------------

function runBackend(port: number): void {
  const server = http.createServer((req, res) => {
    let size = 0;
    req.on('data', (c: Buffer) => (size += c.length));
    req.on('end', () => {
      const answer = `{"predictions": [${size}]}`;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
}

function runRouter(port: number, backendPort: number): void {
  const router = new Router({ endpoint: 'bench', host: '127.0.0.1', port, epoch: 'bench' });
  router.addBackend('blue', backendPort);
  router.setTraffic({ blue: 100 });
  router.listen().then(
    () => process.stdout.write('ready\n'),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

/**
 * The floor of a Node proxy: raw sockets on both sides, the request and the answer passed
 * through byte for byte, framed by Content-Length only. Unsafe as a product (it validates
 * nothing); it only measures what Node's event loop and sockets cost per proxied request.
 */
function runFloor(port: number, backendPort: number): void {
  const idle: net.Socket[] = [];
  const waiting = new Map<net.Socket, net.Socket>();
  /** one whole message at the front of `buffer`: its length, or 0 when not all in yet */
  const messageLength = (buffer: Buffer): number => {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return 0;
    const length = /\r\ncontent-length: *(\d+)/i.exec(buffer.toString('latin1', 0, end));
    const total = end + 4 + (length ? Number(length[1]) : 0);
    return buffer.length >= total ? total : 0;
  };
  const framed = (socket: net.Socket, onMessage: (message: Buffer) => void): void => {
    let buffer: Buffer | undefined;
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer ? Buffer.concat([buffer, chunk]) : chunk;
      for (let total = messageLength(buffer); total > 0 && buffer; total = buffer ? messageLength(buffer) : 0) {
        const message = buffer.subarray(0, total);
        buffer = buffer.length > total ? buffer.subarray(total) : undefined;
        onMessage(message);
      }
    });
  };
  const upstream = (): net.Socket => {
    const reused = idle.pop();
    if (reused) return reused;
    const socket = net.connect(backendPort, '127.0.0.1');
    framed(socket, (answer) => {
      const client = waiting.get(socket);
      waiting.delete(socket);
      idle.push(socket);
      client?.write(answer);
    });
    return socket;
  };
  net
    .createServer((client) =>
      framed(client, (request) => {
        const socket = upstream();
        waiting.set(socket, client);
        socket.write(request);
      }),
    )
    .listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
}

// ---- processes -----------------------------------------------------------------------

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** start this file in a role and wait for its "ready" line */
async function startRole(role: string, args: string[]): Promise<child.ChildProcess> {
  const proc = child.spawn(process.execPath, [__filename, role, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
    proc.stdout?.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) resolve();
    });
  });
  proc.removeAllListeners('exit');
  return proc;
}

function findNginx(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(candidate)) return candidate;
  const found = child.spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

/** nginx from the distribution packages: installed when missing and apt-get is there */
function ensureNginx(): { binary?: string; note: string } {
  let binary = findNginx();
  if (binary) return { binary, note: 'already installed' };
  const apt = child.spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' });
  if (apt.status !== 0) return { note: 'nginx is not installed and apt-get is not available' };
  process.stderr.write('bench: installing nginx-light from the Debian packages\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let install = child.spawnSync('apt-get', ['install', '-y', '-qq', 'nginx-light'], { stdio: ['ignore', 'ignore', 'pipe'], env });
  if (install.status !== 0) {
    child.spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    install = child.spawnSync('apt-get', ['install', '-y', '-qq', 'nginx-light'], { stdio: ['ignore', 'ignore', 'pipe'], env });
  }
  binary = findNginx();
  if (binary) return { binary, note: 'installed now with apt-get' };
  return { note: `nginx could not be installed: ${install.stderr?.toString().trim().split('\n').slice(-1)[0] ?? 'apt-get failed'}` };
}

/** nginx as a foreground process with a generated config in a temp dir (no root paths) */
async function startNginx(binary: string, port: number, backendPort: number, dir: string): Promise<child.ChildProcess> {
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `# generated by bench/router-nginx.ts
daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  # as Node's servers: no cap on the requests of a client connection
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream backend {
    server 127.0.0.1:${backendPort};
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`,
  );
  const proc = child.spawn(binary, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`nginx exited with ${proc.exitCode}: ${readOr(path.join(dir, 'error.log'))}`);
    try {
      await roundTrip(port);
      return proc;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on port ${port}: ${readOr(path.join(dir, 'error.log'))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

async function stop(proc: child.ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  // nginx (foreground master) and the node children all end on SIGTERM
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

// ---- the load client -----------------------------------------------------------------

/** one keep-alive connection sending the same request over and over, one at a time */
class Connection {
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending?: { resolve: (status: number) => void; reject: (err: Error) => void };

  constructor(
    port: number,
    private readonly request: Buffer,
  ) {
    this.socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  send(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(this.request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private fail(err: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(err);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!match) return this.fail(new Error(`answer without content-length: ${head.split('\r\n')[0]}`));
    const total = end + 4 + Number(match[1]);
    if (this.buffer.length < total) return;
    this.buffer = this.buffer.subarray(total);
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve(Number(head.slice(9, 12)));
  }
}

function requestBytes(port: number): Buffer {
  return Buffer.from(
    `POST /score HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n${BODY}`,
  );
}

async function roundTrip(port: number): Promise<void> {
  const conn = new Connection(port, requestBytes(port));
  try {
    const status = await conn.send();
    if (status !== 200) throw new Error(`status ${status}`);
  } finally {
    conn.close();
  }
}

interface RoundResult {
  latencies: number[];
  seconds: number;
  failed: number;
}

async function closedLoop(port: number, requests: number, concurrency: number): Promise<RoundResult> {
  const request = requestBytes(port);
  const conns = Array.from({ length: concurrency }, () => new Connection(port, request));
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    conns.map(async (conn) => {
      while (next < requests) {
        next += 1;
        const t0 = process.hrtime.bigint();
        try {
          const status = await conn.send();
          if (status === 200) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          else failed += 1;
        } catch {
          failed += 1;
          return;
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const conn of conns) conn.close();
  return { latencies, seconds, failed };
}

interface Stats {
  p50: number;
  p99: number;
  rps: number;
  failed: number;
}

function summarise(rounds: RoundResult[]): Stats {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((a, r) => a + r.seconds, 0);
  return { p50: quantile(all, 0.5), p99: quantile(all, 0.99), rps: all.length / seconds, failed: rounds.reduce((a, r) => a + r.failed, 0) };
}

// ---- main ----------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs({ requests: 3000, throughput: 20000, concurrency: 16, rounds: 3 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-bench-nginx-'));
  const nginx = ensureNginx();
  const [backendPort, routerPort, nginxPort, floorPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  let backend: child.ChildProcess | undefined;
  let router: child.ChildProcess | undefined;
  let floor: child.ChildProcess | undefined;
  let nginxProc: child.ChildProcess | undefined;
  try {
    backend = await startRole('backend', [String(backendPort)]);
    router = await startRole('router', [String(routerPort), String(backendPort)]);
    const paths: Array<{ name: string; port: number }> = [
      { name: 'direct', port: backendPort },
      { name: 'router', port: routerPort },
    ];
    if (nginx.binary) {
      nginxProc = await startNginx(nginx.binary, nginxPort, backendPort, dir);
      const version = child.spawnSync(nginx.binary, ['-v'], { encoding: 'utf8' }).stderr.trim();
      paths.push({ name: 'nginx', port: nginxPort });
      console.log(`nginx: ${version} (${nginx.note}), worker_processes auto, keep-alive upstream`);
    } else console.log(`nginx: not measured: ${nginx.note}; direct versus router only`);
    floor = await startRole('floor', [String(floorPort), String(backendPort)]);
    paths.push({ name: 'floor', port: floorPort });
    // warm up every path (JIT, keep-alive sockets to the backend)
    for (const p of paths) await closedLoop(p.port, 2000, args.concurrency);

    console.log(
      `router vs nginx vs direct: the same Node HTTP backend on 127.0.0.1, ${args.rounds} alternating rounds, ${os.cpus().length} cores`,
    );
    const header = `${'path'.padEnd(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'failed'.padStart(7)}`;
    const row = (name: string, s: Stats): string =>
      `${name.padEnd(8)} ${s.p50.toFixed(3).padStart(8)} ${s.p99.toFixed(3).padStart(8)} ${s.rps.toFixed(0).padStart(8)} ${String(s.failed).padStart(7)}`;
    for (const [concurrency, requests] of [
      [1, args.requests],
      [args.concurrency, args.throughput],
    ]) {
      const rounds = new Map<string, RoundResult[]>(paths.map((p) => [p.name, []]));
      for (let i = 0; i < args.rounds; i++)
        for (const p of paths) rounds.get(p.name)?.push(await closedLoop(p.port, requests, concurrency));
      const stats = new Map([...rounds].map(([name, r]) => [name, summarise(r)]));
      console.log(`\n${concurrency} client(s), ${requests} requests per round`);
      console.log(header);
      for (const [name, s] of stats) console.log(row(name, s));
      const d = stats.get('direct') as Stats;
      const r = stats.get('router') as Stats;
      const n = stats.get('nginx');
      console.log(
        `router/direct: p50 x${(r.p50 / d.p50).toFixed(2)}, p99 x${(r.p99 / d.p99).toFixed(2)}, throughput x${(r.rps / d.rps).toFixed(2)}; added p50 ${(r.p50 - d.p50).toFixed(3)} ms, p99 ${(r.p99 - d.p99).toFixed(3)} ms`,
      );
      if (n)
        console.log(
          `router/nginx:  p50 x${(r.p50 / n.p50).toFixed(2)}, p99 x${(r.p99 / n.p99).toFixed(2)}, throughput x${(r.rps / n.rps).toFixed(2)}; nginx added p50 ${(n.p50 - d.p50).toFixed(3)} ms, p99 ${(n.p99 - d.p99).toFixed(3)} ms`,
        );
      const f = stats.get('floor') as Stats;
      console.log(
        `floor/nginx:   throughput x${n ? (f.rps / n.rps).toFixed(2) : '-'}, router/floor x${(r.rps / f.rps).toFixed(2)}: the cheapest Node proxy (no routing, no validation) against nginx, and what the router's work costs on top of it`,
      );
    }
  } finally {
    await stop(nginxProc);
    await stop(router);
    await stop(floor);
    await stop(backend);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const role = process.argv[2];
if (role === 'backend') runBackend(Number(process.argv[3]));
else if (role === 'router') runRouter(Number(process.argv[3]), Number(process.argv[4]));
else if (role === 'floor') runFloor(Number(process.argv[3]), Number(process.argv[4]));
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
