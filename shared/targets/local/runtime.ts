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
  /** start the deployment on `port` and resolve once it answers its ready path; reject with its last logs otherwise */
  start(spec: DeploymentSpec, port: number): Promise<RunningDeployment>;
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
