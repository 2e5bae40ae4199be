import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import Docker from 'dockerode';
import { DeploymentHealth, DeploymentSpec } from '../target';
import { DeploymentRuntime, EXIT_PORT_IN_USE, PortInUseError, RunningDeployment } from './runtime';
import { waitUntilReady } from './ready';

/**
 * The `docker` runtime of the local target: each deployment is a container from the
 * image pinned by digest, on the host network listening on a 127.0.0.1 port (test
 * traffic stays on loopback), with a restart policy. Containers carry labels so that
 * `modelship down` removes exactly the ones this state directory created.
 */
export const LABELS = {
  managed: 'dev.modelship.managed-by',
  endpoint: 'dev.modelship.endpoint',
  deployment: 'dev.modelship.deployment',
  owner: 'dev.modelship.state-dir',
} as const;

export interface DockerRuntimeOptions {
  docker: Docker;
  endpoint: string;
  /** identifies the state directory that owns the containers (a hash of its path) */
  owner: string;
  log: (line: string) => void;
  /** registry credentials, when the image has to be pulled */
  pullAuth?: (image: string) => Promise<{ username: string; password: string; serveraddress: string } | undefined>;
}

export class DockerRuntime implements DeploymentRuntime {
  constructor(private readonly options: DockerRuntimeOptions) {}

  containerName(deployment: string): string {
    return `modelship-${this.options.endpoint}-${deployment}-${this.options.owner.slice(0, 8)}`;
  }

  async start(spec: DeploymentSpec, port: number): Promise<RunningDeployment> {
    if (!spec.image)
      throw new Error(`deployment '${spec.name}' has no image; the docker runtime deploys images built by \`modelship build\``);
    await this.ensureImage(spec.image);
    const name = this.containerName(spec.name);
    // a container of the same name is left from an earlier host (or a killed one): replace it
    await removeContainer(this.options.docker.getContainer(name));
    const container = await this.options.docker.createContainer({
      name,
      Image: spec.image,
      // the image's own command; the address through the environment (generated images and
      // bring-your-own images alike listen on $MODELSHIP_HOST:$PORT)
      Env: [`PORT=${port}`, 'MODELSHIP_HOST=127.0.0.1'],
      Labels: {
        [LABELS.managed]: 'modelship',
        [LABELS.endpoint]: this.options.endpoint,
        [LABELS.deployment]: spec.name,
        [LABELS.owner]: this.options.owner,
      },
      HostConfig: { NetworkMode: 'host', RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 } },
    });
    await container.start();
    const deployment = new ContainerDeployment(container, spec.name, port);
    try {
      await waitUntilReady({ port, path: spec.readyPath, timeoutMs: spec.readyTimeout, exited: deployment.exitedBeforeReady() });
    } catch (err: unknown) {
      const logs = await deployment.logsTail();
      // as seen when it stopped: a container restarting again reads exit code 0 by now
      const exitCode = deployment.exitCodeBeforeReady;
      await removeContainer(container);
      const message = `deployment '${spec.name}' (image ${spec.image}) did not become ready: ${(err as Error).message}\n--- last lines of container ${name} ---\n${logs}`;
      if (exitCode === EXIT_PORT_IN_USE) throw new PortInUseError(message, port);
      throw new Error(message);
    }
    await deployment.refresh();
    deployment.watch();
    return deployment;
  }

  /**
   * Remove this endpoint folder's containers of deployments other than `keep`: a host
   * killed while it started a deployment leaves that container running, unknown to the
   * state file and to the restarted host.
   */
  async removeStrays(keep: ReadonlySet<string>): Promise<string[]> {
    const list = await this.options.docker.listContainers({
      all: true,
      filters: { label: [`${LABELS.owner}=${this.options.owner}`, `${LABELS.endpoint}=${this.options.endpoint}`] },
    });
    const strays = list.filter((c) => !keep.has(c.Labels[LABELS.deployment] ?? ''));
    await Promise.all(strays.map((c) => removeContainer(this.options.docker.getContainer(c.Id))));
    return strays.map((c) => c.Names[0]?.replace(/^\//, '') ?? c.Id);
  }

  private async ensureImage(image: string): Promise<void> {
    try {
      await this.options.docker.getImage(image).inspect();
      return;
    } catch (err: unknown) {
      if ((err as { statusCode?: number }).statusCode !== 404) throw err;
    }
    this.options.log(`pulling ${image}`);
    const authconfig = await this.options.pullAuth?.(image);
    const stream = await this.options.docker.pull(image, { authconfig });
    await new Promise<void>((resolve, reject) =>
      this.options.docker.modem.followProgress(stream, (err: Error | null) =>
        err ? reject(new Error(`pulling ${image} failed: ${err.message}`)) : resolve(),
      ),
    );
  }
}

/** the owner label of the containers of one endpoint folder: a hash of its real path */
export function ownerId(endpointDir: string): string {
  let real = endpointDir;
  try {
    real = fs.realpathSync(endpointDir);
  } catch {
    // not created yet: the path as given
  }
  return createHash('sha256').update(real).digest('hex').slice(0, 16);
}

/** remove every container this owner created for the endpoint (running or not) */
export async function removeOwnedContainers(docker: Docker, endpoint: string, owner: string): Promise<string[]> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`${LABELS.owner}=${owner}`, `${LABELS.endpoint}=${endpoint}`] },
  });
  await Promise.all(list.map((c) => removeContainer(docker.getContainer(c.Id))));
  return list.map((c) => c.Names[0]?.replace(/^\//, '') ?? c.Id);
}

async function removeContainer(container: Docker.Container): Promise<void> {
  try {
    await container.remove({ force: true });
  } catch (err: unknown) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
  }
}

class ContainerDeployment implements RunningDeployment {
  private state: DeploymentHealth = 'starting';
  private restartCount = 0;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  /** the exit code seen when exitedBeforeReady() resolved, if it exited */
  exitCodeBeforeReady?: number;

  constructor(
    private readonly container: Docker.Container,
    readonly name: string,
    readonly port: number,
  ) {}

  health(): DeploymentHealth {
    return this.state;
  }
  restarts(): number {
    return this.restartCount;
  }
  lastLogs(): string {
    return '';
  }

  /** resolves when the container stops for good before it was ready (restarts exhausted, or removed) */
  exitedBeforeReady(): Promise<string> {
    return new Promise((resolve) => {
      const poll = async (): Promise<void> => {
        if (this.stopped) return;
        try {
          const info = await this.container.inspect();
          if (!info.State.Running && !info.State.Restarting) {
            this.exitCodeBeforeReady = info.State.ExitCode;
            return resolve(`exited with code ${info.State.ExitCode}`);
          }
          // a crash loop before readiness is a failure too: one restart is enough to say so
          if (info.RestartCount > 0) {
            this.exitCodeBeforeReady = info.State.ExitCode;
            return resolve(`crashed and was restarted ${info.RestartCount} time(s) (last exit code ${info.State.ExitCode})`);
          }
        } catch {
          return resolve('was removed');
        }
        setTimeout(() => void poll(), 250);
      };
      void poll();
    });
  }

  async logsTail(lines = 40): Promise<string> {
    try {
      const buf = await this.container.logs({ stdout: true, stderr: true, tail: lines, follow: false });
      return demux(buf);
    } catch {
      return '(no logs)';
    }
  }

  async refresh(): Promise<void> {
    try {
      const info = await this.container.inspect();
      this.restartCount = info.RestartCount;
      this.state = info.State.Running ? (info.State.Restarting ? 'restarting' : 'ready') : info.State.Restarting ? 'restarting' : 'dead';
    } catch {
      this.state = 'dead';
    }
  }

  /** poll the engine: restarts and death are what the analysis looks at */
  watch(): void {
    this.timer = setInterval(() => void this.refresh(), 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.state = 'dead';
    try {
      await this.container.stop({ t: 10 });
    } catch {
      // already stopped
    }
    await removeContainer(this.container);
  }
}

/** Docker multiplexes stdout and stderr in frames of [stream, 0, 0, 0, size32] + payload */
export function demux(buf: Buffer): string {
  const out: string[] = [];
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    out.push(buf.subarray(i + 8, i + 8 + size).toString('utf8'));
    i += 8 + size;
  }
  return i === 0 ? buf.toString('utf8') : out.join('');
}
