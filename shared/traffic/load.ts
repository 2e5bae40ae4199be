import { ScoreResponse } from '../targets/target';

/**
 * Open-loop request generator at a fixed rate, bounded in time, count and concurrency.
 * It drives the probe traffic of an analysis, the `modelship load` command, the demo,
 * and the tests' live load. It stops by itself at its deadline.
 */
export interface LoadOptions {
  /** requests per second */
  rate: number;
  /** stop after this long */
  durationMs: number;
  /** stop after this many requests */
  maxRequests?: number;
  /** requests in flight at most; beyond it a tick's requests are counted as skipped */
  maxInFlight?: number;
  send: (seq: number) => Promise<ScoreResponse>;
}

export interface LoadResult {
  seq: number;
  status: number;
  deployment?: string;
  latencyMs: number;
  error?: string;
}

export interface LoadSummary {
  sent: number;
  ok: number;
  failed: number;
  skipped: number;
  durationMs: number;
  /** achieved requests per second */
  rate: number;
  byDeployment: Record<string, { ok: number; failed: number }>;
  /** the first few failures, for messages */
  failures: LoadResult[];
  latencyP50Ms?: number;
  latencyP99Ms?: number;
}

const TICK_MS = 10;

export class LoadGenerator {
  private timer?: NodeJS.Timeout;
  private startedAt = 0;
  private credit = 0;
  private seq = 0;
  private inFlight = 0;
  private readonly results: LoadResult[] = [];
  private skipped = 0;
  private finished?: Promise<void>;
  private resolveFinished?: () => void;
  private lastTick = 0;

  constructor(private readonly opts: LoadOptions) {}

  start(): this {
    this.startedAt = Date.now();
    this.lastTick = this.startedAt;
    this.finished = new Promise((r) => (this.resolveFinished = r));
    this.timer = setInterval(() => this.tick(), TICK_MS);
    return this;
  }

  private tick(): void {
    const now = Date.now();
    const overTime = now - this.startedAt >= this.opts.durationMs;
    const overCount = this.opts.maxRequests !== undefined && this.seq >= this.opts.maxRequests;
    if (overTime || overCount) {
      this.halt();
      return;
    }
    this.credit += ((now - this.lastTick) / 1000) * this.opts.rate;
    this.lastTick = now;
    const max = this.opts.maxInFlight ?? 512;
    while (this.credit >= 1) {
      this.credit -= 1;
      if (this.opts.maxRequests !== undefined && this.seq >= this.opts.maxRequests) break;
      if (this.inFlight >= max) {
        this.skipped += 1;
        continue;
      }
      this.fire(this.seq++);
    }
  }

  private fire(seq: number): void {
    this.inFlight += 1;
    this.opts
      .send(seq)
      .then(
        (r) => this.results.push({ seq, status: r.status, deployment: r.deployment, latencyMs: r.latencyMs }),
        (e: unknown) => this.results.push({ seq, status: 0, latencyMs: 0, error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => {
        this.inFlight -= 1;
        this.maybeFinish();
      });
  }

  private halt(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.maybeFinish();
  }

  private maybeFinish(): void {
    if (!this.timer && this.inFlight === 0) this.resolveFinished?.();
  }

  /** stop sending, wait for answers in flight, and summarise */
  async stop(): Promise<LoadSummary> {
    this.halt();
    await this.finished;
    return this.summary();
  }

  /** wait until the duration or count bound ends the run */
  async done(): Promise<LoadSummary> {
    await this.finished;
    return this.summary();
  }

  summary(): LoadSummary {
    const byDeployment: LoadSummary['byDeployment'] = {};
    let ok = 0;
    const failures: LoadResult[] = [];
    const latencies: number[] = [];
    for (const result of this.results) {
      const good = result.status >= 200 && result.status < 300 && !result.error;
      const key = result.deployment ?? '(none)';
      const slot = (byDeployment[key] ??= { ok: 0, failed: 0 });
      if (good) {
        ok += 1;
        slot.ok += 1;
        latencies.push(result.latencyMs);
      } else {
        slot.failed += 1;
        if (failures.length < 20) failures.push(result);
      }
    }
    latencies.sort((a, b) => a - b);
    const quantile = (fraction: number): number | undefined =>
      latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(fraction * latencies.length) - 1)] : undefined;
    const durationMs = Date.now() - this.startedAt;
    return {
      sent: this.results.length,
      ok,
      failed: this.results.length - ok,
      skipped: this.skipped,
      durationMs,
      rate: durationMs > 0 ? (this.results.length * 1000) / durationMs : 0,
      byDeployment,
      failures,
      latencyP50Ms: quantile(0.5),
      latencyP99Ms: quantile(0.99),
    };
  }
}
