import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { freePorts } from '../helpers/project';
import * as os from 'node:os';
import * as path from 'node:path';
import { scoringServerPath } from '../../shared/paths';
import { compareJson } from '../../shared/smoke/compare';

/**
 * The Python scoring server (shared/serve/score_server.py), run for real with python3 on
 * 127.0.0.1 against the fixture scripts in test/fixtures/scoring and the example model in
 * workflows-examples/local.
 */
jest.setTimeout(60_000);

const PYTHON = process.env.MODELSHIP_TEST_PYTHON ?? 'python3';
const SERVER = scoringServerPath();
const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'scoring');
const EXAMPLE = path.join(ROOT, 'workflows-examples', 'local');
/** how long a server gets to start in these tests: a bound for loops, not a measured threshold */
const START_DEADLINE_MS = 20_000;

interface RunningServer {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
/** servers started through a shell (the --parent-pid test) are not our children */
const foreignPids: number[] = [];
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-score-server-'));
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const pid of foreignPids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

function serverArgs(script: string, port: number, extra: string[] = []): string[] {
  return [SERVER, '--script', script, '--host', '127.0.0.1', '--port', String(port), ...extra];
}

async function startServer(script: string, modelDir: string | undefined, extra: string[] = []): Promise<RunningServer> {
  const port = (await freePorts(1))[0];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.AZUREML_MODEL_DIR;
  if (modelDir) env.AZUREML_MODEL_DIR = modelDir;
  const child = spawn(PYTHON, serverArgs(script, port, extra), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, port, stderr: () => err, exited };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
}

function request(port: number, method: string, urlPath: string, body?: string, agent?: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders =
      body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent: agent ?? false, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          reusedSocket: req.reusedSocket,
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from 127.0.0.1:${port}${urlPath}`)));
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** polls the ready path until 200; returns the statuses seen (connection refusals are skipped) */
async function waitReady(server: RunningServer, readyPath = '/'): Promise<number[]> {
  const seen: number[] = [];
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}:\n${server.stderr()}`);
    try {
      const a = await request(server.port, 'GET', readyPath);
      seen.push(a.status);
      if (a.status === 200) return seen;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`server on port ${server.port} not ready; saw ${seen.join(',')}\n${server.stderr()}`);
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (check()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.once('connect', () => {
      sock.destroy();
      resolve(false);
    });
    sock.once('error', () => resolve(true));
  });
}

describe('readiness', () => {
  test('GET / answers 503 while init() runs, then 200; scoring waits for init', async () => {
    const server = await startServer(path.join(FIXTURES, 'slow_init.py'), undefined);
    const seen = await waitReady(server);

    expect(seen[0]).toBe(503);
    expect(seen[seen.length - 1]).toBe(200);
    expect(new Set(seen)).toEqual(new Set([503, 200]));
    const ready = await request(server.port, 'GET', '/');
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready' });
    expect(ready.headers['content-type']).toBe('application/json');
    // /health answers as the ready path does (Azure ML's inference config refuses '/' as a route)
    const health = await request(server.port, 'GET', '/health');
    expect({ status: health.status, body: JSON.parse(health.body) as unknown }).toEqual({ status: 200, body: { status: 'ready' } });

    const scored = await request(server.port, 'POST', '/score', '{"a": 1}');
    expect(scored.status).toBe(200);
    expect(JSON.parse(scored.body)).toEqual({ loaded: true, length: 8 });
    expect(server.stderr()).toMatch(/\[score-server\] listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(server.stderr()).toContain('[score-server] ready');
  });

  test('custom ready and score paths', async () => {
    const server = await startServer(path.join(FIXTURES, 'echo_score.py'), undefined, [
      '--ready-path',
      '/health',
      '--score-path',
      '/v1/predict',
    ]);
    await waitReady(server, '/health');
    expect((await request(server.port, 'POST', '/v1/predict', '[1]')).status).toBe(200);
    expect((await request(server.port, 'POST', '/score', '[1]')).status).toBe(404);
    expect((await request(server.port, 'GET', '/')).status).toBe(404);
  });
});

describe('scoring (echo fixture)', () => {
  let server: RunningServer;
  let modelDir: string;

  beforeAll(async () => {
    modelDir = path.join(tmp, 'echo-model');
    fs.mkdirSync(modelDir);
    fs.writeFileSync(path.join(modelDir, 'weights.bin'), 'w');
    server = await startServer(path.join(FIXTURES, 'echo_score.py'), modelDir);
    await waitReady(server);
  });

  test("POST /score returns run()'s answer as JSON; init() saw AZUREML_MODEL_DIR", async () => {
    const a = await request(server.port, 'POST', '/score', '{"data": [[1, 2, 3]], "text": "é"}');
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/json');
    expect(Number(a.headers['content-length'])).toBe(Buffer.byteLength(a.body));
    expect(JSON.parse(a.body)).toEqual({ echo: { data: [[1, 2, 3]], text: 'é' }, model_dir_files: ['weights.bin'] });
  });

  test('a str returned by run() is JSON-encoded as a string', async () => {
    const a = await request(server.port, 'POST', '/score', '{"return_text": "hello"}');
    expect(a.status).toBe(200);
    expect(a.body).toBe('"hello"');
  });

  test('run() raising gives 500 with the error as JSON and the traceback on stderr', async () => {
    const a = await request(server.port, 'POST', '/score', '{"raise": "bad input row 3"}');
    expect(a.status).toBe(500);
    expect(JSON.parse(a.body)).toEqual({ error: 'bad input row 3', type: 'ValueError' });
    await waitFor(() => server.stderr().includes('ValueError: bad input row 3'), 'the traceback');
    expect(server.stderr()).toContain('Traceback (most recent call last)');
  });

  test('a result JSON cannot encode gives 500 with a clear error', async () => {
    const a = await request(server.port, 'POST', '/score', '{"unserialisable": true}');
    expect(a.status).toBe(500);
    const body = JSON.parse(a.body) as { error: string; type: string };
    expect(body.type).toBe('TypeError');
    expect(body.error).toContain('cannot be encoded as JSON');
  });

  test('unknown paths answer 404 JSON; a known path with the wrong method 405', async () => {
    const a = await request(server.port, 'GET', '/nope');
    expect(a.status).toBe(404);
    expect(JSON.parse(a.body)).toMatchObject({ error: 'no route GET /nope' });
    const b = await request(server.port, 'GET', '/score');
    expect(b.status).toBe(405);
    expect(b.headers.allow).toBe('POST');
    const c = await request(server.port, 'DELETE', '/score');
    expect(c.status).toBe(501);
    expect(JSON.parse(c.body)).toHaveProperty('error');
  });

  test('GET /swagger.json describes the two routes', async () => {
    const a = await request(server.port, 'GET', '/swagger.json');
    expect(a.status).toBe(200);
    const doc = JSON.parse(a.body) as { swagger: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.swagger).toBe('2.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/', '/score']);
    expect(Object.keys(doc.paths['/'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/score'])).toEqual(['post']);
  });

  test('connections are kept alive across requests', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const answers: Answer[] = [];
      for (let i = 0; i < 3; i++) answers.push(await request(server.port, 'POST', '/score', `[${i}]`, agent));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers.map((a) => a.reusedSocket)).toEqual([false, true, true]);
      expect(answers.map((a) => (JSON.parse(a.body) as { echo: number[] }).echo)).toEqual([[0], [1], [2]]);
    } finally {
      agent.destroy();
    }
  });

  test('a body over 16 MiB is refused with 413 before it is read', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const sock = net.connect(server.port, '127.0.0.1');
      let text = '';
      sock.on('data', (c: Buffer) => (text += c.toString('utf8')));
      sock.on('end', () => resolve(text));
      sock.on('error', reject);
      sock.write(
        `POST /score HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${16 * 1024 * 1024 + 1}\r\n\r\n`,
      );
    });
    expect(answer.startsWith('HTTP/1.1 413 ')).toBe(true);
    expect(answer).toMatch(/Content-Length: \d+/);
    expect(answer).toContain('request body larger than 16777216 bytes');
  });

  test('the server is still healthy after all of the above', async () => {
    expect((await request(server.port, 'GET', '/')).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});

describe('failing scripts', () => {
  test('init() raising: exit code 3 and the traceback on stderr', async () => {
    const server = await startServer(path.join(FIXTURES, 'init_raises.py'), undefined);
    const { code } = await server.exited;
    expect(code).toBe(3);
    expect(server.stderr()).toContain('init() raised');
    expect(server.stderr()).toContain('Traceback (most recent call last)');
    expect(server.stderr()).toContain('RuntimeError: model file is corrupt (test fixture)');
  });

  test('a script that cannot be imported: exit code 3 and the import error on stderr', async () => {
    const server = await startServer(path.join(FIXTURES, 'import_fails.py'), undefined);
    const { code } = await server.exited;
    expect(code).toBe(3);
    expect(server.stderr()).toContain("ModuleNotFoundError: No module named 'modelship_test_module_that_does_not_exist'");
  });

  test('a missing script: exit code 3 naming it', async () => {
    const missing = path.join(FIXTURES, 'no_such_script.py');
    const server = await startServer(missing, undefined);
    const { code } = await server.exited;
    expect(code).toBe(3);
    expect(server.stderr()).toContain(`${missing} does not exist`);
  });

  test('a port something else listens on: exit code 4 (another port may do), naming the address', async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (holder.address() as net.AddressInfo).port;
      const child = spawn(PYTHON, serverArgs(path.join(FIXTURES, 'init_raises.py'), port), { stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(child);
      let err = '';
      child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
      expect(code).toBe(4);
      expect(err).toContain(`cannot listen on 127.0.0.1:${port}`);
      // it never got as far as the script
      expect(err).not.toContain('init() raised');
    } finally {
      holder.close();
    }
  });
});

describe('the example model (workflows-examples/local)', () => {
  const script = path.join(EXAMPLE, 'src', 'score.py');
  const smokeRequest = fs.readFileSync(path.join(EXAMPLE, 'smoke', 'request.json'), 'utf8');
  const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'smoke', 'expected.json'), 'utf8')) as unknown;
  const servers: Record<string, RunningServer> = {};

  beforeAll(async () => {
    for (const v of ['v1', 'v2', 'v3']) servers[v] = await startServer(script, path.join(EXAMPLE, 'models', v));
    await Promise.all(Object.values(servers).map((s) => waitReady(s)));
  });

  test('v1 answers the smoke request with exactly the expected JSON', async () => {
    const a = await request(servers.v1.port, 'POST', '/score', smokeRequest);
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body)).toEqual(expected);
  });

  test('v2 (retrained) and v3 (log of feature 3) pass the smoke check with tolerance 1.0, but not exactly', async () => {
    for (const v of ['v2', 'v3']) {
      const a = await request(servers[v].port, 'POST', '/score', smokeRequest);
      expect(a.status).toBe(200);
      const actual = JSON.parse(a.body) as unknown;
      expect(compareJson(expected, actual, 1.0)).toEqual([]);
      expect(compareJson(expected, actual, 0)).not.toEqual([]);
    }
  });

  test('v3 fails with 500 for a non-positive feature 3 and answers 200 for a positive one', async () => {
    const row = (bp: number): string =>
      JSON.stringify({ data: [[0.0508, 0.037, 0.0815, bp, 0.032, 0.0617, 0.0573, 0.0888, 0.0757, 0.0359]] });
    for (const bp of [-0.049, 0]) {
      const bad = await request(servers.v3.port, 'POST', '/score', row(bp));
      expect(bad.status).toBe(500);
      expect(JSON.parse(bad.body)).toEqual({ error: 'math domain error', type: 'ValueError' });
      // the earlier versions score the same row
      expect((await request(servers.v1.port, 'POST', '/score', row(bp))).status).toBe(200);
    }
    const good = await request(servers.v3.port, 'POST', '/score', row(0.0361));
    expect(good.status).toBe(200);
    expect((JSON.parse(good.body) as { predictions: number[] }).predictions).toHaveLength(1);
  });
});

describe('shutdown', () => {
  test('SIGTERM lets the request in flight finish, then exits 0 and stops listening', async () => {
    const server = await startServer(path.join(FIXTURES, 'echo_score.py'), undefined);
    await waitReady(server);
    const inFlight = request(server.port, 'POST', '/score', '{"sleep": 1}');
    await waitFor(() => server.stderr().includes('[fixture] run sleeping'), 'the request to reach run()');
    server.child.kill('SIGTERM');

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ slept: 1 });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toContain('[score-server] stopping (SIGTERM)');
    expect(await refusesConnections(server.port)).toBe(true);
  });

  test('SIGTERM while init() still runs exits 0', async () => {
    const server = await startServer(path.join(FIXTURES, 'slow_init.py'), undefined);
    await waitFor(() => server.stderr().includes('listening on'), 'the server to listen');
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });

  test('--parent-pid: the server exits when its parent dies (kill -9)', async () => {
    const port = (await freePorts(1))[0];
    const args = [PYTHON, ...serverArgs(path.join(FIXTURES, 'echo_score.py'), port)].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    // the shell is the server's parent: it starts it in the background with its own pid,
    // prints the server's pid and waits; the server inherits its stdout/stderr pipes
    const shell = spawn('sh', ['-c', `${args} --parent-pid $$ & echo $!; wait`], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(shell);
    let out = '';
    let err = '';
    shell.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    shell.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
    // 'close' comes once every holder of the pipes (the server included) has exited
    const allClosed = new Promise<void>((resolve) => shell.once('close', () => resolve()));

    await waitFor(() => /^\d+\n/.test(out), 'the server pid');
    const serverPid = Number(out.trim().split('\n')[0]);
    foreignPids.push(serverPid);
    await waitFor(() => err.includes('[score-server] ready'), 'the server to be ready');
    expect((await request(port, 'GET', '/')).status).toBe(200);

    shell.kill('SIGKILL');
    await allClosed;
    expect(err).toContain(`parent process ${shell.pid} is gone`);
    expect(err).toContain('[score-server] stopped');
    expect(await refusesConnections(port)).toBe(true);
  });
});
