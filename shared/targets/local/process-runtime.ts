import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { STATE_DIR_MODE, STATE_FILE_MODE } from './state-store';
import * as path from 'node:path';
import { DeploymentHealth, DeploymentSpec } from '../target';
import { scoringServerPath } from '../../paths';
import { DeploymentRuntime, EXIT_PORT_IN_USE, LineRing, PortInUseError, RunningDeployment } from './runtime';
import { waitUntilReady } from './ready';

export interface ProcessRuntimeOptions {
  python: string;
  /** folder for one log file per deployment */
  logDir: string;
  /** environment for the scoring processes (the endpoint host passes its own, without the endpoint key) */
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/**
 * Each deployment is a child process running the modelship scoring server. The child
 * is told the host's pid and exits when the host dies, so a host killed with -9 leaves
 * no orphan holding a port; the restarted host starts the deployments again.
 */
export class ProcessRuntime implements DeploymentRuntime {
  constructor(private readonly opts: ProcessRuntimeOptions) {}

  async start(spec: DeploymentSpec, port: number): Promise<RunningDeployment> {
    const deployment = new SupervisedProcess(spec, port, this.opts);
    await deployment.startFirst();
    return deployment;
  }
}

const MAX_BACKOFF_MS = 30_000;

class SupervisedProcess implements RunningDeployment {
  readonly name: string;
  private child?: ChildProcess;
  private state: DeploymentHealth = 'starting';
  private restartCount = 0;
  private stopping = false;
  private readonly logs = new LineRing();
  private readonly logFile: string;
  private backoff = 1000;

  constructor(
    private readonly spec: DeploymentSpec,
    readonly port: number,
    private readonly opts: ProcessRuntimeOptions,
  ) {
    this.name = spec.name;
    fs.mkdirSync(opts.logDir, { recursive: true, mode: STATE_DIR_MODE });
    this.logFile = path.join(opts.logDir, `${spec.name}.log`);
  }

  health(): DeploymentHealth {
    return this.state;
  }
  restarts(): number {
    return this.restartCount;
  }
  lastLogs(): string {
    return this.logs.text();
  }

  async startFirst(): Promise<void> {
    const child = this.spawnChild();
    try {
      await waitUntilReady({
        port: this.port,
        path: this.spec.readyPath,
        timeoutMs: this.spec.readyTimeout,
        exited: exitPromise(child),
      });
    } catch (err: unknown) {
      this.stopping = true;
      await killChild(child);
      this.state = 'dead';
      const msg = err instanceof Error ? err.message : String(err);
      const message = `deployment '${this.name}' (model ${this.spec.model.name} v${this.spec.model.version}) did not become ready: ${msg}\n--- last lines of its output (${this.logFile}) ---\n${this.lastLogs()}`;
      if (child.exitCode === EXIT_PORT_IN_USE) throw new PortInUseError(message, this.port);
      throw new Error(message);
    }
    this.state = 'ready';
    this.supervise(child);
  }

  private spawnChild(): ChildProcess {
    const script = path.join(this.spec.codeDir, this.spec.scoringScript);
    const args = [
      scoringServerPath(),
      '--script',
      script,
      '--host',
      '127.0.0.1',
      '--port',
      String(this.port),
      '--ready-path',
      this.spec.readyPath,
      '--score-path',
      this.spec.scorePath,
      '--parent-pid',
      String(process.pid),
    ];
    const out = fs.openSync(this.logFile, 'a', STATE_FILE_MODE);
    const child = spawn(this.opts.python, ['-u', ...args], {
      cwd: this.spec.codeDir,
      env: { ...this.opts.env, AZUREML_MODEL_DIR: this.spec.modelDir, PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk: Buffer): void => {
      this.logs.push(chunk.toString('utf8'));
      fs.write(out, chunk, () => undefined);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('close', () => fs.close(out, () => undefined));
    child.once('error', (e) => this.logs.push(`[modelship] could not start ${this.opts.python}: ${e.message}\n`));
    this.child = child;
    return child;
  }

  /** restart on unexpected exit, with exponential backoff */
  private supervise(child: ChildProcess): void {
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      this.state = 'restarting';
      this.restartCount += 1;
      this.opts.log(`deployment '${this.name}' exited (${signal ?? `code ${code}`}); restart ${this.restartCount} in ${this.backoff} ms`);
      const delay = this.backoff;
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
      setTimeout(() => void this.restart(), delay);
    });
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    const child = this.spawnChild();
    this.supervise(child);
    try {
      await waitUntilReady({ port: this.port, path: this.spec.readyPath, timeoutMs: this.spec.readyTimeout, exited: exitPromise(child) });
      if (!this.stopping) {
        this.state = 'ready';
        this.backoff = 1000;
        this.opts.log(`deployment '${this.name}' is ready again after restart ${this.restartCount}`);
      }
    } catch {
      // the exit handler of supervise() schedules the next attempt
      if (child.exitCode === null) await killChild(child);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.state = 'dead';
    if (this.child) await killChild(this.child);
  }
}

function exitPromise(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(`exited with ${child.signalCode ?? `code ${child.exitCode}`}`);
    child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
    child.once('error', (e) => resolve(`could not start: ${e.message}`));
  });
}

/** SIGTERM (the scoring server finishes in-flight requests), then SIGKILL after 10 s */
async function killChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
