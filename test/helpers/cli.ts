import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

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
