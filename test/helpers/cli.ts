import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import type { EndpointState } from '../../shared/targets/target';

export const BIN = path.resolve(__dirname, '..', '..', 'bin', 'modelship.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run a Node script as a process (the CLI, a bundled front end), collect its output, and
 * kill it when it outlives `timeoutMs`; a process ended by a signal reports code 128.
 */
export function runNode(
  script: string,
  args: string[],
  opts: { cwd?: string; env: NodeJS.ProcessEnv; timeoutMs?: number; onSpawn?: (child: ChildProcess) => void },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    opts.onSpawn?.(child);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/** Run the compiled `modelship` command as a user would, bounded in time. */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return runNode(BIN, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, timeoutMs: opts.timeoutMs });
}

/** a CLI command running in the background: its process, its result, and a wait for a line of its output */
export interface BackgroundCli {
  child: () => ChildProcess;
  done: Promise<CliResult>;
  /** resolves once the output shows `pattern`; rejects if the command ends first */
  waitFor: (pattern: RegExp) => Promise<void>;
}

/** Start the compiled `modelship` command in the background, bounded in time. */
export function startCli(args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): BackgroundCli {
  let child: ChildProcess | undefined;
  let seen = '';
  const waiting: Array<{ pattern: RegExp; resolve: () => void }> = [];
  const done = runNode(BIN, args, {
    cwd: opts.cwd,
    env: process.env,
    timeoutMs: opts.timeoutMs ?? 200_000,
    onSpawn: (c) => {
      child = c;
      const look = (chunk: Buffer): void => {
        seen += chunk.toString();
        for (const w of waiting.splice(0)) {
          if (w.pattern.test(seen)) w.resolve();
          else waiting.push(w);
        }
      };
      c.stdout?.on('data', look);
      c.stderr?.on('data', look);
    },
  });
  return {
    child: () => {
      if (!child) throw new Error('not started');
      return child;
    },
    done,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(seen)) return resolve();
        waiting.push({ pattern, resolve });
        void done.then(() => reject(new Error(`the command ended before printing ${String(pattern)}:\n${seen}`)));
      }),
  };
}

/** what `modelship status --json` says of production, in the few facts fault tests compare */
export interface ProductionSummary {
  traffic: Record<string, number>;
  /** model version per deployment */
  versions: Record<string, string>;
  /** whether a rollout is recorded in progress */
  rollout: boolean;
}

export function summariseProduction(statusJson: string): ProductionSummary {
  const { production } = JSON.parse(statusJson) as { production: EndpointState };
  return {
    traffic: production.traffic,
    versions: Object.fromEntries(production.deployments.map((d) => [d.name, d.model.version])),
    rollout: production.record.rollout !== undefined,
  };
}
