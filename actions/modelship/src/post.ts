import * as core from '@actions/core';
import { errorMessage } from '../../../shared/errors';
import { STATE_LOCK_DIRS, STATE_MAIN_PID, releaseLocksOf } from './leftovers';

/**
 * The action's post step (runs after the job's steps, also when the job failed or was
 * cancelled). The main step writes no credential files: registry credentials, the
 * endpoint key and Azure tokens stay in its memory and in the environment of the
 * processes it starts. What a main step can leave behind is its endpoint command lock,
 * when it was cancelled or killed in the middle of a command: release it.
 */
function post(): void {
  const pid = Number(core.getState(STATE_MAIN_PID));
  const raw = core.getState(STATE_LOCK_DIRS);
  const dirs = raw ? (JSON.parse(raw) as string[]) : [];
  const released = releaseLocksOf(pid, dirs);
  for (const dir of released)
    core.info(`modelship post: released the endpoint lock in ${dir} that the main step (pid ${pid}) held when it stopped`);
  if (released.length === 0)
    core.info('modelship post: nothing to clean (the main step left no endpoint lock, and it writes no credential files)');
}

try {
  post();
} catch (err: unknown) {
  // cleaning up must not fail the job; say what could not be done
  core.warning(`modelship post: ${errorMessage(err)}`);
}
