/** Time as the rollout engine sees it; tests pass a virtual clock, production the real one. */
export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * Virtual time for tests: `sleep` advances `now` at once. Callbacks registered with
 * `onAdvance` run after each advance, so fakes can evolve with time.
 */
export class VirtualClock implements Clock {
  private t: number;
  private readonly listeners: Array<(now: number) => void> = [];
  constructor(start = Date.UTC(2026, 0, 1)) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.t += Math.max(0, ms);
    for (const l of this.listeners) l(this.t);
    // yield to the event loop so concurrent tasks interleave as in real time
    await Promise.resolve();
  }
  onAdvance(listener: (now: number) => void): void {
    this.listeners.push(listener);
  }
  /** run fn once, when virtual time first reaches `t` (during the advance, before the sleeper resumes) */
  at(t: number, fn: () => void): void {
    let done = false;
    this.onAdvance((now) => {
      if (!done && now >= t) {
        done = true;
        fn();
      }
    });
  }
}
