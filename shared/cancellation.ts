import { Clock } from './clock';

/**
 * A request to stop a command early (a cancelled CI job, Ctrl-C). The front end cancels it
 * when the process receives SIGINT or SIGTERM; the pipeline looks at it at each stage
 * boundary, and the rollout engine at each analysis check, where it puts all traffic back
 * on the stable deployment instead of going on. Nothing is interrupted mid-call: an
 * endpoint is never left between two states by a cancellation.
 */
export class Cancellation {
  private why?: string;
  private lockLost = false;
  private readonly waiters: Array<(reason: string) => void> = [];

  /** the first reason wins; answers whether this call cancelled */
  cancel(reason: string): boolean {
    if (this.why !== undefined) return false;
    this.why = reason;
    for (const wake of this.waiters.splice(0)) wake(reason);
    return true;
  }

  /**
   * The command's endpoint lock was lost (fencing): another command may hold it now, so
   * this one stops at the next boundary WITHOUT changing the endpoint any further (no
   * rollback either: the new holder decides).
   */
  lostLock(reason: string): boolean {
    const first = this.cancel(reason);
    if (first) this.lockLost = true;
    return first;
  }

  /** whether the cancellation is a lost lock, after which nothing may change the endpoint */
  get fenced(): boolean {
    return this.lockLost;
  }

  /** why the command was cancelled, or undefined while it was not */
  get reason(): string | undefined {
    return this.why;
  }

  /** resolves when the command is cancelled (never, if it is not) */
  whenCancelled(): Promise<string> {
    if (this.why !== undefined) return Promise.resolve(this.why);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** `clock.sleep(ms)`, ended early by a cancellation */
export async function sleepUnlessCancelled(clock: Clock, ms: number, cancellation?: Cancellation): Promise<void> {
  if (!cancellation) return clock.sleep(ms);
  if (cancellation.reason !== undefined) return;
  await Promise.race([clock.sleep(ms), cancellation.whenCancelled()]);
}
