import { Target } from '../targets/target';
import { LoadGenerator } from './load';

/**
 * Probe traffic: the smoke requests, sent at a bounded rate to the new deployment
 * during analysis, so that a quiet endpoint still produces data to judge. Requests are
 * pinned to the deployment with the deployment header, so they count in its metrics
 * and never reach the stable one.
 */
export class SmokeProbe {
  private generator?: LoadGenerator;

  constructor(
    private readonly target: Target,
    private readonly bodies: string[],
    private readonly rate: number,
    private readonly timeoutMs: number,
    /** a safety bound: a probe nobody stops ends by itself */
    private readonly maxDurationMs = 60 * 60 * 1000,
  ) {
    if (bodies.length === 0) throw new Error('probe traffic needs at least one smoke case to send (staging.smoke.cases)');
  }

  start(endpoint: string, deployment: string): void {
    // the previous generator only has in-flight requests left; they end by their own timeout
    void this.generator?.stop();
    this.generator = new LoadGenerator({
      rate: this.rate,
      durationMs: this.maxDurationMs,
      maxInFlight: Math.max(8, Math.ceil(this.rate)),
      send: (seq) => this.target.score(endpoint, { body: this.bodies[seq % this.bodies.length], deployment, timeoutMs: this.timeoutMs }),
    }).start();
  }

  async stop(): Promise<void> {
    const generator = this.generator;
    this.generator = undefined;
    if (generator) await generator.stop();
  }
}
