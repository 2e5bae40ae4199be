import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * What the main step leaves for the post step, through the runner's step state
 * (core.saveState / core.getState): its pid and the endpoint folders whose command lock
 * it may hold. A main step that was cancelled or killed cannot release its lock; the
 * post step does, so the next job does not wait for the lock to go stale.
 */
export const STATE_MAIN_PID = 'main-pid';
export const STATE_LOCK_DIRS = 'lock-dirs';

/**
 * The local target's command lock (shared/targets/local/local-target.ts acquireLock):
 * proper-lockfile's `<dir>/command.lock` folder, and `<dir>/command-holder.json` naming
 * the holder's pid.
 */
const LOCK_DIR = 'command.lock';
const HOLDER_FILE = 'command-holder.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: unknown) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the command locks `pid` held in `dirs`, when that process is gone; returns the folders released. */
export function releaseLocksOf(pid: number, dirs: string[]): string[] {
  if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) return [];
  const released: string[] = [];
  for (const dir of dirs) {
    const holderFile = path.join(dir, HOLDER_FILE);
    let holder: { pid?: unknown };
    try {
      holder = JSON.parse(fs.readFileSync(holderFile, 'utf8')) as { pid?: unknown };
    } catch {
      continue; // no lock, or not ours to judge
    }
    if (holder.pid !== pid) continue;
    fs.rmSync(path.join(dir, LOCK_DIR), { recursive: true, force: true });
    fs.rmSync(holderFile, { force: true });
    released.push(dir);
  }
  return released;
}
