import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { RegistryClient } from '../../shared/image/registry-client';
import { parseImageRef } from '../../shared/image/reference';
import { CliResult, runCli } from '../helpers/cli';
import { FIXTURE, TestProject, freePorts, makeProject, rolloutConfig } from '../helpers/project';
import { dockerTestEnv } from '../helpers/test-env';

/**
 * The registry unreachable for a while in the middle of a push: `modelship build` (the real
 * Docker engine, the real authenticated registry) pushes through a loopback TCP proxy that
 * this test controls. At a chosen request of the push (the first layer upload, or the
 * manifest upload) the proxy resets every open connection and, for the length of the
 * outage, resets each new one as it comes; then it forwards again. Each test names what it
 * injected and what it saw. Production retry settings throughout (PUSH_RETRY: 4 attempts,
 * waits of 2 s, 4 s, 8 s); the Docker engine retries each layer upload itself (5 s, 10 s...).
 */
jest.setTimeout(180_000);

const env = dockerTestEnv();
const [registryHost, registryPort] = [env.registry.split(':')[0] ?? '127.0.0.1', Number(env.registry.split(':')[1])];

interface SeenRequest {
  method: string;
  path: string;
}

/**
 * A TCP proxy on 127.0.0.1 in front of the registry. It reads the request lines going
 * through (plain HTTP), so that an outage can start at a given request of the push.
 */
class RegistryProxy {
  readonly requests: SeenRequest[] = [];
  /** connections reset during outages (the ones open when it began and those that came during it) */
  resetConnections = 0;
  private server?: net.Server;
  private readonly open = new Set<net.Socket>();
  private outageUntil = 0;
  private trigger?: { when: (req: SeenRequest) => boolean; durationMs: number; started: (at: SeenRequest) => void };
  port = 0;

  async start(): Promise<void> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** an outage of `durationMs` starts when a request matching `when` comes; resolves with that request */
  outageAt(when: (req: SeenRequest) => boolean, durationMs: number): Promise<SeenRequest> {
    return new Promise((started) => (this.trigger = { when, durationMs, started }));
  }

  get down(): boolean {
    return Date.now() < this.outageUntil;
  }

  /** end the outage now */
  restore(): void {
    this.outageUntil = 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    if (this.down) {
      this.resetConnections += 1;
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(registryPort, registryHost);
    this.open.add(client);
    client.on('close', () => {
      this.open.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('data', (chunk: Buffer) => {
      // a request starts a chunk (the client waits for each answer); layer data never looks like this
      const line = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r\n/.exec(chunk.toString('latin1', 0, Math.min(chunk.length, 2048)));
      if (line) {
        const req = { method: line[1] ?? '', path: line[2] ?? '' };
        this.requests.push(req);
        if (this.trigger?.when(req)) {
          const { durationMs, started } = this.trigger;
          this.trigger = undefined;
          this.outageUntil = Date.now() + durationMs;
          // this request never reaches the registry: every open connection is reset
          for (const socket of this.open) {
            this.resetConnections += 1;
            socket.resetAndDestroy();
          }
          started(req);
          return;
        }
      }
      if (this.down) {
        this.resetConnections += 1;
        client.resetAndDestroy();
        return;
      }
      upstream.write(chunk);
    });
  }
}

const proxy = new RegistryProxy();
let project: TestProject;
const repositoryPath = `modelship-tests/outage-${process.pid}-${Date.now().toString(36)}`;
const credentials = { MODELSHIP_REGISTRY_USERNAME: env.username, MODELSHIP_REGISTRY_PASSWORD: env.password };
const direct = new RegistryClient(env.registry, { username: env.username, password: env.password, source: 'test credentials' });

const cli = (args: string[]): Promise<CliResult> =>
  runCli([...args, '-c', project.configFile], { cwd: project.dir, env: credentials, timeoutMs: 150_000 });

/** a model version with files of its own, so that its image has a layer the registry has not seen */
async function freshVersion(label: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-outage-model-'));
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ bias: 1, label, at: Date.now() }));
  const r = await cli(['model', 'register', '--path', dir]);
  expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
  return r.stdout.trim();
}

interface BuildJson {
  image: { tag: string; digest: string; pinned: string; pushed: boolean };
}

/** what each push attempt of the product logged as failed, e.g. "... (attempt 1/4); retry 1/3 in 2 s" */
function pushRetries(r: CliResult): string[] {
  return r.stderr.split('\n').filter((l) => /pushing \S+: .* \(attempt \d+\/\d+\); retry \d+\/\d+ in /.test(l));
}

function noStackTrace(r: CliResult): void {
  expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

beforeAll(async () => {
  await proxy.start();
  const [port, stagingPort] = await freePorts(2);
  project = makeProject(
    rolloutConfig({
      port,
      stagingPort,
      runtime: 'docker',
      baseImage: env.baseImage,
      rollout: '  strategy: canary\n  steps: [100]\n  bake: 5s',
      extra: `image:\n  repository: ${proxy.address}/${repositoryPath}\n`,
    }),
    'ms-outage-',
  );
  expect(fs.existsSync(path.join(FIXTURE, 'src'))).toBe(true);
});

afterAll(async () => {
  await proxy.stop();
});

describe('the registry unreachable during a push (a loopback proxy that resets connections)', () => {
  it('injected: every connection reset for 5 s from the manifest upload on; seen: the push retried by modelship, the image in the registry under the pushed digest', async () => {
    const version = await freshVersion('manifest-outage');
    const outage = proxy.outageAt((req) => req.method === 'PUT' && /\/manifests\//.test(req.path), 5_000);
    const resetBefore = proxy.resetConnections;
    const r = await cli(['build', '--model-version', version, '--json']);
    const at = await outage;
    expect(at.path).toContain(`/v2/${repositoryPath}/manifests/`);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as BuildJson;
    expect(result.image.pushed).toBe(true);
    // the outage really turned the push away, and modelship pushed again
    expect(proxy.resetConnections).toBeGreaterThan(resetBefore);
    const retries = pushRetries(r);
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries[0]).toMatch(/\(attempt 1\/4\); retry 1\/3 in 2 s$/);
    // the registry itself (not through the proxy) has the tag, under the digest the push reported
    expect(await direct.manifestDigest(parseImageRef(`${env.registry}/${repositoryPath}:${result.image.tag.split(':').pop()}`))).toBe(
      result.image.digest,
    );
    expect(r.stdout + r.stderr).not.toContain(env.password);
    noStackTrace(r);
    console.log(
      `registry outage at the manifest upload: 5 s; ${proxy.resetConnections - resetBefore} connections reset; modelship retried the push ${retries.length} time(s):\n  ${retries.join('\n  ')}`,
    );
  });

  it('injected: every connection reset for 3 s from the first layer upload on; seen: the Docker engine retries the layer itself, the push succeeds with the right digest', async () => {
    const version = await freshVersion('layer-outage');
    const outage = proxy.outageAt((req) => req.method === 'POST' && /\/blobs\/uploads\/$/.test(req.path.split('?')[0] ?? ''), 3_000);
    const resetBefore = proxy.resetConnections;
    const r = await cli(['build', '--model-version', version, '--json']);
    await outage;
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as BuildJson;
    expect(proxy.resetConnections).toBeGreaterThan(resetBefore);
    // the engine's own retry of the layer, as modelship reports it
    const engineRetries = r.stderr
      .split('\n')
      .filter((l) => /layer \w+: the upload failed; the Docker engine tries it again in \d+ s/.test(l));
    expect(engineRetries.length + pushRetries(r).length).toBeGreaterThanOrEqual(1);
    expect(r.stdout + r.stderr).not.toContain(env.password);
    expect(await direct.manifestDigest(parseImageRef(`${env.registry}/${repositoryPath}:${result.image.tag.split(':').pop()}`))).toBe(
      result.image.digest,
    );
    noStackTrace(r);
    console.log(
      `registry outage at the first layer upload: 3 s; ${proxy.resetConnections - resetBefore} connections reset; engine retries:\n  ${engineRetries.join('\n  ')}\nmodelship push retries:\n  ${pushRetries(r).join('\n  ') || '(none)'}`,
    );
  });

  it('injected: every connection reset for 60 s from the manifest upload on, longer than the retries last; seen: the command fails with an error naming the registry and what to check, no stack trace, no secret', async () => {
    const version = await freshVersion('long-outage');
    const outage = proxy.outageAt((req) => req.method === 'PUT' && /\/manifests\//.test(req.path), 60_000);
    const started = Date.now();
    const r = await cli(['build', '--model-version', version]);
    const seconds = (Date.now() - started) / 1000;
    await outage;
    // the command gave up while the outage went on
    expect(proxy.down).toBe(true);
    proxy.restore();
    expect(r.code).toBe(1);
    const retries = pushRetries(r);
    expect(retries).toHaveLength(3);
    expect(retries.map((l) => /retry \d\/3 in (\d+ s)$/.exec(l)?.[1])).toEqual(['2 s', '4 s', '8 s']);
    const registry = proxy.address.replace(/[.]/g, '\\.');
    expect(r.stderr).toMatch(
      new RegExp(`pushing ${registry}/\\S+ to the registry ${registry} failed: .+ \\(after 4 attempts in [\\d.]+ s\\)`),
    );
    expect(r.stderr).toMatch(new RegExp(`check: that the registry ${registry} is running and reachable from the Docker engine`));
    expect(r.stdout + r.stderr).not.toContain(env.password);
    noStackTrace(r);
    const error = r.stderr.split('\n').filter((l) => /error: |check: /.test(l));
    console.log(`registry outage at the manifest upload: 60 s; the command failed after ${seconds.toFixed(1)} s:\n${error.join('\n')}`);
  });
});
