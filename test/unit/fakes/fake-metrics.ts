import { bucketIndex, DeploymentCounters, emptyCounters, MetricsSnapshot, MetricsSource } from '../../../shared/analysis/metrics';
import type { VirtualClock } from '../../../shared/clock';
import type { ProbeTraffic } from '../../../shared/rollout/engine';
import type { FakeTarget } from './fake-target';

/** how a deployment behaves: requests/s it gets at 100% of live traffic, share of them that fail, latency */
export interface DeploymentProfile {
  ratePerSec: number;
  errorRate: number;
  latencyMs: number;
}

interface Accumulated {
  requests: number;
  errors: number;
}

/**
 * Metrics that evolve with virtual time: each advance of the clock adds, per deployment,
 * rate x elapsed x (its traffic share + its mirror share) requests, plus the probe rate
 * while a FakeProbe runs for it. Traffic is read from the FakeTarget at each advance, so
 * the counts follow the weights the engine set. `reset()` simulates a restarted source.
 */
export class FakeMetrics implements MetricsSource {
  private readonly profiles = new Map<string, DeploymentProfile>();
  /** exact (fractional) totals; snapshots report whole requests */
  private readonly totals = new Map<string, Accumulated>();
  private readonly probes = new Map<string, number>();
  private epochCount = 1;
  private last: number;
  snapshots = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly target: FakeTarget,
  ) {
    this.last = clock.now();
    clock.onAdvance((now) => this.advance(now));
  }

  profile(name: string, p: DeploymentProfile): this {
    this.profiles.set(name, p);
    return this;
  }

  /** change part of a profile from now on */
  update(name: string, p: Partial<DeploymentProfile>): void {
    const cur = this.profiles.get(name);
    if (!cur) throw new Error(`no profile for '${name}'`);
    this.profiles.set(name, { ...cur, ...p });
  }

  /** the source restarted: counters start again from zero under a new epoch */
  reset(): void {
    this.epochCount += 1;
    this.totals.clear();
  }

  get epoch(): string {
    return `epoch-${this.epochCount}`;
  }

  setProbe(deployment: string, ratePerSec: number | undefined): void {
    if (ratePerSec === undefined) this.probes.delete(deployment);
    else this.probes.set(deployment, ratePerSec);
  }

  async snapshot(endpoint: string): Promise<MetricsSnapshot> {
    if (endpoint !== this.target.endpoint) throw new Error(`no metrics for endpoint '${endpoint}'`);
    this.snapshots += 1;
    const deployments: Record<string, DeploymentCounters> = {};
    for (const name of this.target.deployments.keys()) {
      const c = emptyCounters();
      const t = this.totals.get(name);
      if (t) {
        c.requests = Math.floor(t.requests + 1e-9);
        c.errors = Math.floor(t.errors + 1e-9);
        c.latency[bucketIndex(this.profiles.get(name)?.latencyMs ?? 1)] = c.requests;
      }
      deployments[name] = c;
    }
    return { epoch: this.epoch, at: this.clock.now(), deployments };
  }

  private advance(now: number): void {
    const seconds = (now - this.last) / 1000;
    this.last = now;
    if (seconds <= 0) return;
    for (const name of this.target.deployments.keys()) {
      const p = this.profiles.get(name);
      if (!p) continue;
      const share = ((this.target.traffic[name] ?? 0) + (this.target.mirror[name] ?? 0)) / 100;
      const requests = p.ratePerSec * share * seconds + (this.probes.get(name) ?? 0) * seconds;
      const t = this.totals.get(name) ?? { requests: 0, errors: 0 };
      t.requests += requests;
      t.errors += requests * p.errorRate;
      this.totals.set(name, t);
    }
  }
}

/** ProbeTraffic that adds `ratePerSec` requests to the deployment's fake metrics while it runs */
export class FakeProbe implements ProbeTraffic {
  readonly calls: string[] = [];
  private running?: string;

  constructor(
    private readonly metrics: FakeMetrics,
    private readonly ratePerSec: number,
  ) {}

  start(endpoint: string, deployment: string): void {
    this.calls.push(`start ${endpoint} ${deployment}`);
    this.running = deployment;
    this.metrics.setProbe(deployment, this.ratePerSec);
  }

  async stop(): Promise<void> {
    this.calls.push('stop');
    if (this.running) this.metrics.setProbe(this.running, undefined);
    this.running = undefined;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }
}
