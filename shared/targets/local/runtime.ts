import { DeploymentHealth, DeploymentSpec } from '../target';

/**
 * How the local target runs one deployment: a supervised process (`process`) or a
 * container (`docker`). The router, weights and analysis are the same for both.
 */
export interface RunningDeployment {
  readonly name: string;
  /** 127.0.0.1 port the scoring server listens on */
  readonly port: number;
  health(): DeploymentHealth;
  /** restarts since it first became ready */
  restarts(): number;
  /** the last lines the deployment printed, for error messages */
  lastLogs(): string;
  stop(): Promise<void>;
}

export interface DeploymentRuntime {
  /**
   * start the deployment on `port` and resolve once it answers its ready path; reject with
   * its last logs otherwise, with a PortInUseError when the port was taken before it bound it
   */
  start(spec: DeploymentSpec, port: number): Promise<RunningDeployment>;
  /**
   * remove what an earlier host left running for deployments other than `keep`, and say
   * what (processes need not: they exit with their host)
   */
  removeStrays?(keep: ReadonlySet<string>): Promise<string[]>;
}

/** the scoring server's exit code when its port is already in use (shared/serve/score_server.py) */
export const EXIT_PORT_IN_USE = 4;

/** the deployment could not listen because something else took its port first: try another */
export class PortInUseError extends Error {
  constructor(
    message: string,
    readonly port: number,
  ) {
    super(message);
    this.name = 'PortInUseError';
  }
}

/** how many ports a deployment start tries when its port is taken under it */
const PORT_ATTEMPTS = 3;

/**
 * Start a deployment on a fresh port (never the previous host's: its processes may still
 * hold theirs for a moment). A port taken between the check and the server's bind is
 * retried on another one.
 */
export async function startOnFreePort(
  runtime: DeploymentRuntime,
  spec: DeploymentSpec,
  opts: { pickPort: () => Promise<number>; log: (line: string) => void; attempts?: number },
): Promise<RunningDeployment> {
  const attempts = opts.attempts ?? PORT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const port = await opts.pickPort();
    opts.log(`starting deployment '${spec.name}' (model ${spec.model.name} v${spec.model.version}) on port ${port}`);
    try {
      return await runtime.start(spec, port);
    } catch (err: unknown) {
      if (!(err instanceof PortInUseError) || attempt >= attempts) throw err;
      opts.log(`port ${port} was taken before deployment '${spec.name}' could listen on it; trying another port`);
    }
  }
}

/** keeps the last `max` lines of a stream of output */
export class LineRing {
  private readonly lines: string[] = [];
  private partial = '';
  constructor(private readonly max = 40) {}
  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }
  text(): string {
    return [...this.lines, ...(this.partial ? [this.partial] : [])].join('\n');
  }
}
