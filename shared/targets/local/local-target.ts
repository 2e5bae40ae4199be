import * as fs from 'node:fs';
import * as os from 'node:os';
import * as http from 'node:http';
import { spawn } from 'node:child_process';
import * as lockfile from 'proper-lockfile';
import {
  DeploymentSpec,
  EndpointLocker,
  EndpointRecord,
  EndpointState,
  MirroredPair,
  ScoreRequest,
  ScoreResponse,
  Target,
} from '../target';
import { MetricsSnapshot, MetricsSource } from '../../analysis/metrics';
import { compiledEntry } from '../../paths';
import { scoreOnce } from '../../traffic/http-score';
import { ADMIN_TOKEN_HEADER, AUTH_KEY_ENV } from './endpoint-host';
import {
  HostConfig,
  HostInfo,
  STATE_DIR_MODE,
  STATE_FILE_MODE,
  endpointDir,
  files,
  readJsonIfExists,
  writeStateFileSync,
} from './state-store';
import { REGISTRY_CREDENTIAL_VARS, safeEnvironment } from './child-env';
import { pidAlive } from '../process-alive';

/**
 * The local target as the core sees it: a client of the endpoint hosts. It starts a
 * host when none runs (restoring the endpoint from its state file), and restarts one
 * that died in the middle of a command.
 */
export interface LocalTargetOptions {
  stateDir: string;
  /** endpoint name -> port on 127.0.0.1 */
  ports: Record<string, number>;
  runtime: 'process' | 'docker';
  python: string;
  scorePath: string;
  /** the endpoint key, when the endpoint requires one */
  authKey?: () => string | undefined;
  log: (line: string) => void;
  /** how long a (re)starting host may take to restore its deployments */
  hostStartTimeoutMs?: number;
  /** how long a new deployment may take, on top of its own readyTimeout */
  adminTimeoutMs?: number;
  /** the front end's environment (Host.childEnv); only an allowlist of it reaches the endpoint host */
  childEnv: () => Record<string, string>;
  /** more variables the scoring processes get (target.local.passEnv) */
  passEnv: readonly string[];
  /** a lock this command held was lost (not renewed in time, removed): the command should stop at its next step */
  onLockLost?: (reason: string) => void;
}

/** the endpoint host's process entry, compiled (or bundled beside the front end) */
export const ENDPOINT_HOST_ENTRY = 'src/endpoint-host/endpoint-host';

export class LocalTarget implements Target, MetricsSource, EndpointLocker {
  readonly description: string;
  private readonly hosts = new Map<string, HostInfo>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  constructor(private readonly opts: LocalTargetOptions) {
    this.description = `local/${opts.runtime}`;
  }

  url(endpoint: string): string {
    return `http://127.0.0.1:${this.port(endpoint)}`;
  }

  private port(endpoint: string): number {
    const port = this.opts.ports[endpoint];
    if (port === undefined) throw new Error(`endpoint '${endpoint}' is not configured for the local target`);
    return port;
  }

  private dir(endpoint: string): string {
    return endpointDir(this.opts.stateDir, endpoint);
  }

  /** whether anything was ever deployed to the endpoint (without starting a host) */
  exists(endpoint: string): boolean {
    return fs.existsSync(files.state(this.dir(endpoint))) || fs.existsSync(files.hostInfo(this.dir(endpoint)));
  }

  async state(endpoint: string): Promise<EndpointState> {
    if (!this.exists(endpoint)) return { endpoint, url: this.url(endpoint), deployments: [], traffic: {}, mirror: {}, record: {} };
    return this.admin<EndpointState>(endpoint, 'GET', '/v1/state');
  }

  async createDeployment(endpoint: string, spec: DeploymentSpec): Promise<void> {
    await this.admin(endpoint, 'PUT', `/v1/deployments/${encodeURIComponent(spec.name)}`, spec, {
      timeoutMs: spec.readyTimeout + (this.opts.adminTimeoutMs ?? 30_000),
      retry: false,
    });
  }

  async deleteDeployment(endpoint: string, name: string): Promise<void> {
    await this.admin(endpoint, 'DELETE', `/v1/deployments/${encodeURIComponent(name)}`, undefined, { timeoutMs: 60_000 });
  }

  async setTraffic(
    endpoint: string,
    traffic: Record<string, number>,
    mirror: Record<string, number> = {},
  ): Promise<Record<string, number>> {
    const answer = await this.admin<{ traffic: Record<string, number>; notSaved?: string }>(endpoint, 'PUT', '/v1/traffic', {
      traffic,
      mirror,
    });
    // the router serves it; the next record write (which must be saved) stops the command if the disk stays full
    if (answer.notSaved)
      this.opts.log(
        `warning: ${endpoint} serves traffic ${JSON.stringify(answer.traffic)}, but its state file was not updated: ${answer.notSaved}`,
      );
    return answer.traffic;
  }

  async mirrorPaired(endpoint: string, deployment: string, share: number): Promise<void> {
    const state = await this.state(endpoint);
    const mirror = { ...state.mirror, [deployment]: share };
    if (share === 0) delete mirror[deployment];
    await this.admin(endpoint, 'PUT', '/v1/traffic', { traffic: state.traffic, mirror, paired: share > 0 ? [deployment] : [] });
  }

  async takeMirroredPairs(endpoint: string, deployment: string): Promise<{ pairs: MirroredPair[]; unpaired: number }> {
    return this.admin(endpoint, 'GET', `/v1/pairs/${encodeURIComponent(deployment)}`);
  }

  async setRecord(endpoint: string, record: EndpointRecord): Promise<void> {
    await this.admin(endpoint, 'PUT', '/v1/record', record);
  }

  async snapshot(endpoint: string): Promise<MetricsSnapshot> {
    return this.admin<MetricsSnapshot>(endpoint, 'GET', '/v1/metrics');
  }

  score(endpoint: string, request: ScoreRequest): Promise<ScoreResponse> {
    return scoreOnce({
      url: this.url(endpoint) + this.opts.scorePath,
      body: request.body,
      timeoutMs: request.timeoutMs,
      key: this.opts.authKey?.(),
      deployment: request.deployment,
      agent: this.agent,
    });
  }

  /** Stop the endpoint's host and deployments and forget its state (logs stay). */
  async destroy(endpoint: string): Promise<void> {
    const dir = this.dir(endpoint);
    const info = readJsonIfExists<HostInfo>(files.hostInfo(dir));
    if (info && pidAlive(info.pid)) {
      try {
        await this.request(info, 'POST', '/v1/shutdown?forget=1', undefined, 10_000);
      } catch {
        process.kill(info.pid, 'SIGTERM');
      }
      await waitFor(() => !pidAlive(info.pid), 20_000, `endpoint host ${info.pid} to stop`);
    }
    fs.rmSync(files.hostInfo(dir), { force: true });
    fs.rmSync(files.state(dir), { force: true });
    this.hosts.delete(endpoint);
    if (this.opts.runtime === 'docker') {
      // containers outlive a host that was killed: remove the ones of this endpoint folder, and nothing else
      // loaded on demand: the process runtime never needs a Docker client
      const [{ default: Docker }, { ownerId, removeOwnedContainers }] = await Promise.all([
        import('dockerode'),
        import('./docker-runtime'),
      ]);
      const removed = await removeOwnedContainers(new Docker(), endpoint, ownerId(dir));
      if (removed.length) this.opts.log(`removed containers ${removed.join(', ')}`);
    }
  }

  async acquireLock(endpoint: string, holder: string): Promise<() => Promise<void>> {
    const dir = this.dir(endpoint);
    fs.mkdirSync(dir, { recursive: true, mode: STATE_DIR_MODE });
    const holderFile = `${dir}/command-holder.json`;
    const lockPath = `${dir}/command`;
    const take = async (stale: number, retries: number) => {
      // proper-lockfile keys its locks by the locked path: each lock gets a path of its own. The holder
      // renews the lock every second; a lock not renewed for `stale` ms counts as abandoned.
      const release = await lockfile.lock(lockPath, {
        realpath: false,
        stale,
        update: 1_000,
        retries: retries ? { retries, minTimeout: 500, maxTimeout: 500 } : 0,
        // a lost lock (the machine stalled, someone removed it) is reported, not thrown from a timer
        onCompromised: (err) => {
          this.opts.log(`the lock of endpoint ${endpoint} was lost: ${err.message}`);
          this.opts.onLockLost?.(`lost the lock of endpoint ${endpoint}: ${err.message}`);
        },
      });
      const held: LockHolder = { holder, pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
      writeStateFileSync(holderFile, JSON.stringify(held), 0o600);
      return async () => {
        fs.rmSync(holderFile, { force: true });
        await release().catch(() => undefined);
      };
    };
    try {
      // 30 s without renewal: a command on another machine sharing this folder is gone
      return await take(30_000, 0);
    } catch (err: unknown) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    }
    const heldBy = readJsonIfExists<LockHolder>(holderFile);
    if (heldBy && heldBy.host === os.hostname() && !pidAlive(heldBy.pid)) {
      // its process is gone (killed, crashed): it renews nothing, so the lock is free within 2 s
      this.opts.log(
        `endpoint ${endpoint}: taking over the lock of '${heldBy.holder}' (pid ${heldBy.pid}, since ${heldBy.since}): that process no longer runs`,
      );
      try {
        return await take(2_000, 10);
      } catch (err: unknown) {
        if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
      }
    }
    const now = readJsonIfExists<LockHolder>(holderFile);
    throw new Error(
      `endpoint ${endpoint} is busy: ${now ? `'${now.holder}' (pid ${now.pid}${now.host && now.host !== os.hostname() ? ` on ${now.host}` : ''}) holds it since ${now.since}` : 'another modelship command holds it'}; wait for it to finish`,
    );
  }

  // ---- host management -------------------------------------------------------

  private async ensureHost(endpoint: string): Promise<HostInfo> {
    const cached = this.hosts.get(endpoint);
    if (cached && pidAlive(cached.pid)) return cached;
    const dir = this.dir(endpoint);
    fs.mkdirSync(dir, { recursive: true, mode: STATE_DIR_MODE });
    const running = await this.runningHost(dir);
    if (running) return this.remember(endpoint, running);
    // one starter at a time; the loser of a race finds the winner's host
    const release = await lockfile.lock(`${dir}/host-start`, {
      realpath: false,
      stale: 60_000,
      update: 5_000,
      retries: { retries: 600, minTimeout: 100, maxTimeout: 200 },
    });
    try {
      const again = await this.runningHost(dir);
      if (again) return this.remember(endpoint, again);
      return this.remember(endpoint, await this.startHost(endpoint, dir));
    } finally {
      await release();
    }
  }

  private remember(endpoint: string, info: HostInfo): HostInfo {
    if (info.port !== this.port(endpoint)) {
      throw new Error(
        `endpoint ${endpoint} is running on port ${info.port} but the config says ${this.port(endpoint)}; run \`modelship down\` first to move it`,
      );
    }
    this.hosts.set(endpoint, info);
    return info;
  }

  private async runningHost(dir: string): Promise<HostInfo | undefined> {
    const info = readJsonIfExists<HostInfo>(files.hostInfo(dir));
    if (!info || !pidAlive(info.pid)) return undefined;
    try {
      await this.request(info, 'GET', '/v1/state', undefined, 5_000);
      return info;
    } catch {
      return undefined;
    }
  }

  private async startHost(endpoint: string, dir: string): Promise<HostInfo> {
    const cfg: HostConfig = {
      endpoint,
      port: this.port(endpoint),
      runtime: this.opts.runtime,
      python: this.opts.python,
      auth: Boolean(this.opts.authKey?.()),
      passEnv: [...this.opts.passEnv],
    };
    writeStateFileSync(files.hostConfig(dir), JSON.stringify(cfg, null, 2) + '\n', STATE_FILE_MODE);
    fs.rmSync(files.hostInfo(dir), { force: true });
    const restoring = fs.existsSync(files.state(dir));
    this.opts.log(
      `${restoring ? 'restarting' : 'starting'} the endpoint host for ${endpoint} on http://127.0.0.1:${cfg.port}${restoring ? ' (restoring its deployments and traffic)' : ''}`,
    );
    const logFd = fs.openSync(files.hostLog(dir), 'a', STATE_FILE_MODE);
    // the runner's credentials stay out: an allowlist, the user's passEnv, the registry login for pulls
    const env = safeEnvironment(this.opts.childEnv(), [
      ...this.opts.passEnv,
      ...(this.opts.runtime === 'docker' ? REGISTRY_CREDENTIAL_VARS : []),
    ]);
    const key = this.opts.authKey?.();
    if (key) env[AUTH_KEY_ENV] = key;
    const child = spawn(process.execPath, [compiledEntry(ENDPOINT_HOST_ENTRY), dir], {
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env,
    });
    fs.closeSync(logFd);
    let exited: string | undefined;
    child.once('exit', (code, signal) => (exited = signal ?? `code ${code}`));
    child.unref();
    const deadline = Date.now() + (this.opts.hostStartTimeoutMs ?? 180_000);
    while (Date.now() < deadline) {
      if (exited) break;
      const info = readJsonIfExists<HostInfo>(files.hostInfo(dir));
      if (info && info.pid === child.pid) return info;
      await sleep(50);
    }
    if (!exited) child.kill('SIGKILL');
    throw new Error(
      `the endpoint host for ${endpoint} did not start (${exited ? `it exited with ${exited}` : 'timed out'}); last lines of ${files.hostLog(dir)}:\n${tail(files.hostLog(dir), 15)}`,
    );
  }

  private async admin<T>(
    endpoint: string,
    method: string,
    path: string,
    body?: unknown,
    options: { timeoutMs?: number; retry?: boolean } = {},
  ): Promise<T> {
    const info = await this.ensureHost(endpoint);
    try {
      return await this.request<T>(info, method, path, body, options.timeoutMs ?? 30_000);
    } catch (err: unknown) {
      // the host died under us: start it again (it restores the endpoint) and retry once
      if (options.retry !== false && isConnectionError(err)) {
        this.hosts.delete(endpoint);
        this.opts.log(`the endpoint host of ${endpoint} is not answering (${(err as Error).message}); restarting it`);
        const again = await this.ensureHost(endpoint);
        return this.request<T>(again, method, path, body, options.timeoutMs ?? 30_000);
      }
      throw err;
    }
  }

  private request<T>(info: HostInfo, method: string, path: string, body: unknown, timeoutMs: number): Promise<T> {
    const payload = body === undefined ? '' : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: info.adminPort,
          method,
          path,
          timeout: timeoutMs,
          agent: this.agent,
          headers: { [ADMIN_TOKEN_HEADER]: info.token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve((text ? JSON.parse(text) : undefined) as T);
            let message = text;
            try {
              message = (JSON.parse(text) as { error?: string }).error ?? text;
            } catch {
              // not JSON: keep the text
            }
            reject(new AdminError(message));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} got no answer from the endpoint host within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/** an endpoint host's refusal, with the host's own message */
export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

function isConnectionError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE';
}

/** who holds an endpoint's command lock (command-holder.json) */
interface LockHolder {
  holder: string;
  pid: number;
  host?: string;
  since: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
