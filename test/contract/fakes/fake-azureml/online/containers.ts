import * as http from 'node:http';
import Docker from 'dockerode';
import { freeLoopbackPort, sleep } from './util';

/**
 * The inference-server containers of the FAKE Azure ML managed online deployments, on the local
 * Docker engine (dockerode; `new Docker()` honours DOCKER_HOST). Every container carries the label
 * `modelship.fake-azureml=1` and the fake instance's id, so stop() removes exactly its own.
 *
 * Networking: the machine's rule is host networking with loopback-only listeners (TEST-ENV.md), so
 * by default (`network: 'host'`) each container gets a free 127.0.0.1 port through environment
 * variables (`portEnv`, default PORT and MODELSHIP_HOST=127.0.0.1) instead of Azure's private network
 * namespace per instance where the server listens on inferenceConfig's port. `network: 'publish'`
 * publishes the inferenceConfig port on 127.0.0.1:<random> of a bridge-networked container instead.
 */
export const CONTAINER_LABEL = 'modelship.fake-azureml';
export const INSTANCE_LABEL = 'modelship.fake-azureml.instance';

export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

export interface ContainerOptions {
  docker: Docker;
  instanceId: string;
  registryAuth?: RegistryAuth;
  network: 'host' | 'publish';
  portEnv: (port: number) => Record<string, string>;
}

export interface StartSpec {
  name: string;
  image: string;
  env: Record<string, string>;
  /** host folder -> container folder, read-only */
  binds: { host: string; container: string }[];
  /** the inferenceConfig port (used with network 'publish') */
  containerPort: number;
  labels: Record<string, string>;
}

export interface StartedContainer {
  id: string;
  hostPort: number;
  container: Docker.Container;
  /** resolves with the exit code when the container stops */
  exited: Promise<number>;
  exitCode?: number;
}

export class ContainerHost {
  constructor(private readonly opts: ContainerOptions) {}

  get docker(): Docker {
    return this.opts.docker;
  }

  /** pulls the image (with the injected registry credentials) only when the engine does not have it */
  async ensureImage(image: string, log: (line: string) => void): Promise<void> {
    try {
      await this.docker.getImage(image).inspect();
      log(`Image ${image} is present on the node.`);
      return;
    } catch {
      // not present: pull
    }
    log(`Pulling image ${image}.`);
    const stream = await this.docker.pull(image, this.opts.registryAuth ? { authconfig: this.opts.registryAuth } : {});
    await new Promise<void>((resolve, reject) => {
      this.docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve()));
    });
    log(`Pulled image ${image}.`);
  }

  async start(spec: StartSpec): Promise<StartedContainer> {
    const host = this.opts.network === 'host';
    const hostPort = await freeLoopbackPort();
    const env = { ...spec.env, ...(host ? this.opts.portEnv(hostPort) : {}) };
    const container = await this.docker.createContainer({
      name: spec.name,
      Image: spec.image,
      Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
      Labels: { ...spec.labels, [CONTAINER_LABEL]: '1', [INSTANCE_LABEL]: this.opts.instanceId },
      ExposedPorts: host ? undefined : { [`${spec.containerPort}/tcp`]: {} },
      HostConfig: {
        NetworkMode: host ? 'host' : 'bridge',
        Binds: spec.binds.map((b) => `${b.host}:${b.container}:ro`),
        ...(host ? {} : { PortBindings: { [`${spec.containerPort}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: String(hostPort) }] } }),
      },
    });
    await container.start();
    const started: StartedContainer = { id: container.id, hostPort, container, exited: Promise.resolve(0) };
    started.exited = container.wait().then(
      (r: { StatusCode?: number }) => {
        started.exitCode = r.StatusCode ?? -1;
        return started.exitCode;
      },
      () => {
        started.exitCode = -1;
        return -1;
      },
    );
    return started;
  }

  /** stdout and stderr, interleaved as the engine returns them; `tail` lines when given */
  async logs(c: StartedContainer, tail?: number): Promise<string> {
    try {
      const buf = await c.container.logs({
        stdout: true,
        stderr: true,
        follow: false,
        ...(tail !== undefined ? { tail } : {}),
      });
      return demux(buf);
    } catch {
      return '';
    }
  }

  async remove(c: StartedContainer): Promise<void> {
    await c.container.remove({ force: true }).catch(() => undefined);
  }

  /** every container of this fake instance */
  async removeAll(): Promise<void> {
    const list = await this.docker
      .listContainers({ all: true, filters: { label: [`${INSTANCE_LABEL}=${this.opts.instanceId}`] } })
      .catch(() => [] as Docker.ContainerInfo[]);
    await Promise.all(
      list.map((c) =>
        this.docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  }
}

/** Docker's multiplexed log stream (8-byte frame headers) to text; plain text is returned as is */
export function demux(buf: Buffer): string {
  const out: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buf.length && (buf[i] === 1 || buf[i] === 2) && buf[i + 1] === 0 && buf[i + 2] === 0 && buf[i + 3] === 0) {
    const size = buf.readUInt32BE(i + 4);
    out.push(buf.subarray(i + 8, i + 8 + size));
    i += 8 + size;
  }
  if (i === 0) return buf.toString('utf8');
  return Buffer.concat(out).toString('utf8');
}

/** one HTTP GET on 127.0.0.1 with a timeout: the status, or 0 when there was no answer */
export function probeOnce(port: number, path: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
  });
}

export interface ProbePlan {
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  failureThreshold: number;
  successThreshold: number;
}

/**
 * Kubernetes-style readiness: after initialDelay, probe every period; ready after successThreshold
 * consecutive 200s; failed after failureThreshold consecutive failures, or when the container exits.
 */
export async function waitReady(
  c: StartedContainer,
  path: string,
  plan: ProbePlan,
  cancelled: () => boolean,
): Promise<{ ok: true } | { ok: false; reason: 'exited' | 'probe' | 'canceled'; detail: string }> {
  const exitedFlag = { done: false };
  void c.exited.then(() => (exitedFlag.done = true));
  const until = Date.now() + plan.initialDelayMs;
  while (Date.now() < until) {
    if (exitedFlag.done) return { ok: false, reason: 'exited', detail: `the container exited with code ${c.exitCode ?? -1}` };
    if (cancelled()) return { ok: false, reason: 'canceled', detail: 'canceled' };
    await sleep(Math.min(100, until - Date.now()));
  }
  let failures = 0;
  let successes = 0;
  let last = 0;
  for (;;) {
    if (cancelled()) return { ok: false, reason: 'canceled', detail: 'canceled' };
    if (exitedFlag.done) return { ok: false, reason: 'exited', detail: `the container exited with code ${c.exitCode ?? -1}` };
    const started = Date.now();
    last = await probeOnce(c.hostPort, path, plan.timeoutMs);
    if (last === 200) {
      successes += 1;
      failures = 0;
      if (successes >= plan.successThreshold) return { ok: true };
    } else {
      failures += 1;
      successes = 0;
      if (failures >= plan.failureThreshold) {
        return {
          ok: false,
          reason: 'probe',
          detail: `GET ${path} answered ${last === 0 ? 'nothing (connection refused or timed out)' : `HTTP ${last}`} ${failures} times in a row`,
        };
      }
    }
    const wait = plan.periodMs - (Date.now() - started);
    const end = Date.now() + Math.max(0, wait);
    while (Date.now() < end) {
      if (exitedFlag.done) break;
      await sleep(Math.min(50, end - Date.now()));
    }
  }
}
