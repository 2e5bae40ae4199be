import * as http from 'node:http';
import * as fs from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as net from 'node:net';
import { DeploymentInfo, DeploymentSpec, EndpointRecord } from '../target';
import { Router, TrafficError, sendJson } from './router';
import { DeploymentRuntime, RunningDeployment, startOnFreePort } from './runtime';
import { freeDeploymentPort } from './ports';
import Docker from 'dockerode';
import { ProcessRuntime } from './process-runtime';
import { DockerRuntime, ownerId } from './docker-runtime';
import { parseImageRef } from '../../image/reference';
import { resolveCredential } from '../../image/credentials';
import { safeEnvironment } from './child-env';
import {
  HostConfig,
  HostInfo,
  PersistedEndpoint,
  StateWriteError,
  emptyEndpoint,
  files,
  readJsonIfExists,
  writeJsonAtomic,
} from './state-store';
import { errorMessage } from '../../errors';

/**
 * The endpoint host: a detached process per local endpoint that owns the router and
 * the deployments, so the endpoint keeps serving after the command that started it
 * exits. This is its library; its process entry is src/endpoint-host/endpoint-host.ts.
 * Commands talk to it over an admin API on 127.0.0.1 with a token from host.json. Every
 * change is persisted to state.json before it is acknowledged; a restarted host
 * restores deployments and weights from it.
 */
export const ADMIN_TOKEN_HEADER = 'x-modelship-admin-token';
export const AUTH_KEY_ENV = 'MODELSHIP_HOST_AUTH_KEY';

interface LiveDeployment {
  spec: DeploymentSpec;
  port: number;
  createdAt: string;
  running?: RunningDeployment;
  /** why it is not running, when it could not be restored */
  failure?: string;
}

export class EndpointHost {
  private readonly router: Router;
  private readonly runtime: DeploymentRuntime;
  private readonly live = new Map<string, LiveDeployment>();
  private record: EndpointRecord = {};
  private admin?: http.Server;
  private readonly token = randomBytes(24).toString('hex');
  private readonly epoch = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  private readonly startedAt = new Date().toISOString();
  // admin changes run one at a time, in arrival order
  private queue: Promise<unknown> = Promise.resolve();
  private shuttingDown = false;

  constructor(
    private readonly dir: string,
    private readonly cfg: HostConfig,
    authKey: string | undefined,
    private readonly log: (line: string) => void,
    /** the environment this host was started with (already an allowlist); deployments get less */
    processEnv: Record<string, string | undefined>,
    private readonly exit: (code: number) => void,
  ) {
    this.router = new Router({ endpoint: cfg.endpoint, host: '127.0.0.1', port: cfg.port, authKey, epoch: this.epoch });
    // model code gets the allowlist and the user's passEnv: never the key, nor the registry login
    const env = safeEnvironment(processEnv, cfg.passEnv ?? []);
    delete env[AUTH_KEY_ENV];
    this.runtime =
      cfg.runtime === 'docker'
        ? new DockerRuntime({
            docker: new Docker(),
            endpoint: cfg.endpoint,
            owner: ownerId(dir),
            log,
            pullAuth: async (image) => {
              const registry = parseImageRef(image).registry;
              const credential = await resolveCredential(registry, { env: (n) => processEnv[n], setSecret: () => undefined, log });
              return credential ? { username: credential.username, password: credential.password, serveraddress: registry } : undefined;
            },
          })
        : new ProcessRuntime({ python: cfg.python, logDir: files.logs(dir), env, log });
  }

  async start(): Promise<void> {
    const saved = readJsonIfExists<PersistedEndpoint>(files.state(this.dir)) ?? emptyEndpoint(this.cfg.endpoint);
    this.record = saved.record;
    // restore deployments in parallel; one that fails stays listed as dead
    await Promise.all(
      saved.deployments.map(async (persisted) => {
        const live: LiveDeployment = { spec: persisted.spec, port: 0, createdAt: persisted.createdAt };
        this.live.set(persisted.spec.name, live);
        try {
          live.running = await startOnFreePort(this.runtime, persisted.spec, { pickPort: freeDeploymentPort, log: this.log });
          live.port = live.running.port;
          this.router.addBackend(persisted.spec.name, live.port);
          this.log(
            `restored deployment '${persisted.spec.name}' (model ${persisted.spec.model.name} v${persisted.spec.model.version}) on port ${live.port}`,
          );
        } catch (err: unknown) {
          live.failure = err instanceof Error ? err.message : String(err);
          // listed, with a port nothing answers on: the router treats it as never reached
          live.port = await freeDeploymentPort();
          this.router.addBackend(persisted.spec.name, live.port);
          this.log(`could not restore deployment '${persisted.spec.name}': ${live.failure}`);
        }
      }),
    );
    try {
      const strays = (await this.runtime.removeStrays?.(new Set(this.live.keys()))) ?? [];
      if (strays.length) this.log(`removed ${strays.join(', ')}: left by an earlier host for deployments the state file does not list`);
    } catch (err: unknown) {
      // leftovers cost resources, not correctness: serve the endpoint anyway
      this.log(`could not look for containers left by an earlier host: ${errorMessage(err)}`);
    }
    if (Object.keys(saved.traffic).length) {
      this.router.setTraffic(saved.traffic, saved.mirror);
      this.log(`restored traffic ${JSON.stringify(saved.traffic)}`);
    }
    if (saved.deployments.length) await this.save();
    await this.router.listen();
    this.log(`endpoint ${this.cfg.endpoint} listening on http://127.0.0.1:${this.cfg.port}`);
    await this.listenAdmin();
  }

  private async listenAdmin(): Promise<void> {
    const server = http.createServer((req, res) => void this.handleAdmin(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.admin = server;
    const adminPort = (server.address() as net.AddressInfo).port;
    const info: HostInfo = {
      pid: process.pid,
      adminPort,
      token: this.token,
      startedAt: this.startedAt,
      epoch: this.epoch,
      port: this.cfg.port,
    };
    await writeJsonAtomic(files.hostInfo(this.dir), info, 0o600);
  }

  private persisted(): PersistedEndpoint {
    return {
      version: 1,
      endpoint: this.cfg.endpoint,
      deployments: [...this.live.values()].map((d) => ({ spec: d.spec, port: d.port, createdAt: d.createdAt })),
      traffic: this.router.traffic(),
      mirror: this.router.mirrorShares(),
      record: this.record,
    };
  }

  private save(): Promise<void> {
    return writeJsonAtomic(files.state(this.dir), this.persisted());
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private deploymentInfo(deployment: LiveDeployment): DeploymentInfo & { port: number; failure?: string } {
    return {
      name: deployment.spec.name,
      model: deployment.spec.model,
      image: deployment.spec.image,
      health: deployment.running ? deployment.running.health() : 'dead',
      restarts: deployment.running ? deployment.running.restarts() : 0,
      createdAt: deployment.createdAt,
      port: deployment.port,
      failure: deployment.failure,
    };
  }

  private stateView(): unknown {
    return {
      endpoint: this.cfg.endpoint,
      url: `http://127.0.0.1:${this.cfg.port}`,
      deployments: [...this.live.values()].map((d) => this.deploymentInfo(d)),
      traffic: this.router.traffic(),
      mirror: this.router.mirrorShares(),
      record: this.record,
      host: { pid: process.pid, startedAt: this.startedAt, epoch: this.epoch },
    };
  }

  private async handleAdmin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const given = Buffer.from(String(req.headers[ADMIN_TOKEN_HEADER] ?? ''));
    const expected = Buffer.from(this.token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      req.resume();
      return sendJson(res, 401, { error: 'wrong admin token' });
    }
    try {
      const body = await readJson(req);
      const url = new URL(req.url ?? '/', 'http://admin');
      const parts = url.pathname.split('/').filter(Boolean);
      const route = `${req.method} /${parts.slice(0, 2).join('/')}`;
      switch (route) {
        case 'GET /v1/state':
          return sendJson(res, 200, this.stateView());
        case 'GET /v1/metrics':
          return sendJson(res, 200, this.router.metrics(Date.now()));
        case 'PUT /v1/traffic':
          return await this.serial(async () => {
            const change = body as { traffic: Record<string, number>; mirror?: Record<string, number>; paired?: string[] };
            for (const name of Object.keys(change.traffic ?? {})) {
              const deployment = this.live.get(name);
              if (deployment && !deployment.running && (change.traffic[name] ?? 0) > 0)
                throw new TrafficError(`deployment '${name}' is not running (${deployment.failure ?? 'dead'}); it cannot take traffic`);
            }
            this.router.setTraffic(change.traffic ?? {}, change.mirror ?? {}, change.paired);
            this.log(
              `traffic ${JSON.stringify(this.router.traffic())}${Object.keys(this.router.mirrorShares()).length ? ` mirror ${JSON.stringify(this.router.mirrorShares())}` : ''}${this.router.pairedTargets().length ? ` paired ${this.router.pairedTargets().join(', ')}` : ''}`,
            );
            // served from now on even when it cannot be saved: a rollback must reach the
            // router whatever the disk says; the answer then says it was not saved
            const notSaved = await this.save().then(
              () => undefined,
              (err: unknown) => errorMessage(err),
            );
            if (notSaved) this.log(`traffic applied but not saved: ${notSaved}`);
            sendJson(res, 200, { traffic: this.router.traffic(), mirror: this.router.mirrorShares(), ...(notSaved ? { notSaved } : {}) });
          });
        case 'GET /v1/pairs':
          // the mirrored pairs kept since the last call, then forgotten (the shadow step takes them)
          return sendJson(res, 200, this.router.takePairs(decodeURIComponent(parts[2] ?? '')));
        case 'PUT /v1/record':
          return await this.serial(async () => {
            // kept only once saved: the record is what a later command trusts
            const before = this.record;
            this.record = body as EndpointRecord;
            try {
              await this.save();
            } catch (err: unknown) {
              this.record = before;
              throw err;
            }
            sendJson(res, 200, this.record);
          });
        case 'PUT /v1/deployments':
          return await this.serial(() => this.createDeployment(decodeURIComponent(parts[2] ?? ''), body as DeploymentSpec, res));
        case 'DELETE /v1/deployments':
          return await this.serial(() => this.deleteDeployment(decodeURIComponent(parts[2] ?? ''), res));
        case 'POST /v1/shutdown':
          sendJson(res, 202, { stopping: true });
          void this.shutdown({ forget: url.searchParams.get('forget') === '1' });
          return;
        default:
          return sendJson(res, 404, { error: `no admin route ${route}` });
      }
    } catch (err: unknown) {
      const status = err instanceof TrafficError ? 409 : err instanceof SyntaxError ? 400 : err instanceof StateWriteError ? 507 : 500;
      sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
    }
  }

  private async createDeployment(name: string, spec: DeploymentSpec, res: http.ServerResponse): Promise<void> {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(name) || spec.name !== name)
      return sendJson(res, 400, { error: `invalid deployment name '${name}'` });
    if (this.live.has(name)) return sendJson(res, 409, { error: `deployment '${name}' already exists on ${this.cfg.endpoint}` });
    let running: RunningDeployment;
    try {
      running = await startOnFreePort(this.runtime, spec, { pickPort: freeDeploymentPort, log: this.log });
    } catch (err: unknown) {
      const message = err instanceof Error ? err.message : String(err);
      this.log(message);
      return sendJson(res, 422, { error: message });
    }
    const live: LiveDeployment = { spec, port: running.port, createdAt: new Date().toISOString(), running };
    this.live.set(name, live);
    this.router.addBackend(name, running.port);
    // the new deployment takes no traffic until a traffic change names it
    const traffic = this.router.traffic();
    if (Object.keys(traffic).length === 0) this.router.setTraffic({ [name]: 0 }, {});
    else this.router.setTraffic({ ...traffic, [name]: 0 }, this.router.mirrorShares());
    try {
      await this.save();
    } catch (err: unknown) {
      // a deployment the state file does not list would be lost at the next restart: none at all
      await this.router.removeBackend(name);
      this.live.delete(name);
      await running.stop();
      throw err;
    }
    this.log(`deployment '${name}' is ready`);
    sendJson(res, 201, this.deploymentInfo(live));
  }

  private async deleteDeployment(name: string, res: http.ServerResponse): Promise<void> {
    const deployment = this.live.get(name);
    if (!deployment) return sendJson(res, 404, { error: `no deployment '${name}' on ${this.cfg.endpoint}` });
    // refuses while it has weight; waits for in-flight requests
    await this.router.removeBackend(name);
    this.live.delete(name);
    try {
      await this.save();
    } finally {
      // stopped even when the state file cannot say so: a restarted host then restores it, with no traffic, for the next command to remove
      await deployment.running?.stop();
    }
    this.log(`deployment '${name}' removed`);
    res.statusCode = 204;
    res.end();
  }

  async shutdown(opts: { forget: boolean }): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    this.log(`stopping endpoint ${this.cfg.endpoint}${opts.forget ? ' and removing its state' : ''}`);
    await this.router.close();
    await Promise.all([...this.live.values()].map((d) => d.running?.stop() ?? Promise.resolve()));
    this.admin?.close();
    fs.rmSync(files.hostInfo(this.dir), { force: true });
    if (opts.forget) fs.rmSync(files.state(this.dir), { force: true });
    this.exit(0);
  }
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch (err: unknown) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    req.on('error', reject);
  });
}
