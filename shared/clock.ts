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
  private nowMs: number;
  private readonly listeners: Array<(now: number) => void> = [];
  constructor(start = Date.UTC(2026, 0, 1)) {
    this.nowMs = start;
  }
  now(): number {
    return this.nowMs;
  }
  async sleep(ms: number): Promise<void> {
    this.nowMs += Math.max(0, ms);
    for (const listener of this.listeners) listener(this.nowMs);
    // yield to the event loop so concurrent tasks interleave as in real time
    await Promise.resolve();
  }
  onAdvance(listener: (now: number) => void): void {
    this.listeners.push(listener);
  }
  /** run fn once, when virtual time first reaches `time` (during the advance, before the sleeper resumes) */
  at(time: number, fn: () => void): void {
    let done = false;
    this.onAdvance((now) => {
      if (!done && now >= time) {
        done = true;
        fn();
      }
    });
  }
}
