import { Cancellation, sleepUnlessCancelled } from '../cancellation';
import { Clock } from '../clock';
import { StageError, errorMessage } from '../errors';
import { AnalysisThresholds, Verdict, formatMs, formatPercent, judge } from '../analysis/judge';
import { MetricsSnapshot, MetricsSource, diffCounters } from '../analysis/metrics';
import { compareWithBaseline } from '../analysis/baseline';
import { RetryError, withRetry } from '../retry';
import { EndpointRecord, EndpointState, ModelRef, RolloutRecord, Target } from '../targets/target';
import { EventSink, ModelshipEvent } from '../report/events';
import { formatDuration } from '../config/duration';
import { PlannedStep } from './plan';

/**
 * The rollout engine: pure logic over a Target, a MetricsSource and a Clock. It shifts
 * traffic step by step, analyses the new deployment at every step, and promotes it or
 * rolls back. All time goes through deps.clock, so tests run it in virtual time.
 *
 * Safety rules: the stable deployment keeps running (and in the traffic map) until
 * promotion, so a rollback is one traffic change; nothing is deleted before the target
 * has confirmed the weights that make it unneeded.
 */

/** optional synthetic requests to the new deployment during analysis */
export interface ProbeTraffic {
  start(endpoint: string, deployment: string): void;
  stop(): Promise<void>;
}

export interface RolloutDeps {
  target: Target;
  metrics: MetricsSource;
  clock: Clock;
  events: EventSink;
  log: (line: string) => void;
  probe?: ProbeTraffic;
  /** a cancelled command stops at the next analysis check and puts all traffic back on the stable deployment */
  cancellation?: Cancellation;
}

export interface RolloutPlanInput {
  endpoint: string;
  /** the deployment that serves production now */
  stable: string;
  /** the new deployment (created, ready, with no traffic, or resumed mid-rollout) */
  candidate: string;
  /** the candidate's model version, stored in the rollout record */
  model: ModelRef;
  steps: PlannedStep[];
  /** index of the first step to run: 0, or the record's nextStep when resuming */
  startAt: number;
  /** how long each step is analysed (ms) */
  bake: number;
  /** a cancellation (not a lost lock): roll back (default), or keep the weights and record the rollout paused */
  onCancel?: 'rollback' | 'pause';
  /** compareToBaseline: the new deployment is also compared with the stable one in each window */
  analysis: AnalysisThresholds & { interval: number; compareToBaseline?: boolean };
}

export interface RolloutOutcome {
  result: 'promoted' | 'rolled-back' | 'paused';
  reason?: string;
}

/** attempts at the traffic change of a rollback, the one call that must not give up early */
const ROLLBACK_ATTEMPTS = 3;
/** what to change when a step could not be judged for want of requests */
const TOO_FEW_REQUESTS_HINT =
  ' (too few requests reached the new deployment to judge it: send it live traffic, lengthen rollout.bake, lower rollout.analysis.minRequests, or add rollout.analysis.probe)';

/** failed metrics or state reads in a row before a step gives up as inconclusive (as Argo Rollouts' consecutiveErrorLimit) */
export const CONSECUTIVE_ERROR_LIMIT = 4;
const ROLLBACK_BACKOFF_MS = 1000;

export async function runRollout(input: RolloutPlanInput, deps: RolloutDeps): Promise<RolloutOutcome> {
  return new Rollout(input, deps).run();
}

/** a step that did not pass: the reason, for humans, with the step, the weight and the figures */
type StepFailure = string;

class Rollout {
  /** the endpoint record as last read or written; `previous` is carried through every write */
  private record: EndpointRecord = {};
  private startedAt = '';
  private readonly total: number;

  constructor(
    private readonly input: RolloutPlanInput,
    private readonly deps: RolloutDeps,
  ) {
    this.total = input.steps.length;
  }

  async run(): Promise<RolloutOutcome> {
    const { endpoint, stable, candidate, startAt, steps } = this.input;
    if (!Number.isInteger(startAt) || startAt < 0 || startAt > steps.length) {
      throw new Error(`cannot start the rollout on ${endpoint} at step ${startAt + 1}: the plan has ${steps.length} steps`);
    }
    if (stable === candidate) throw new Error(`the new and the stable deployment are both '${stable}'`);
    let state: EndpointState;
    try {
      state = await this.deps.target.state(endpoint);
    } catch (err: unknown) {
      throw new Error(`reading the state of endpoint ${endpoint} before the rollout failed (nothing was changed): ${errorMessage(err)}`);
    }
    for (const name of [stable, candidate]) {
      if (!state.deployments.some((d) => d.name === name)) {
        throw new Error(
          `cannot roll out on ${endpoint}: it has no deployment '${name}' (it has ${state.deployments.map((d) => `'${d.name}'`).join(', ') || 'none'}); nothing was changed`,
        );
      }
    }
    this.record = state.record;
    const limitation = this.deps.metrics.limitation;
    if (limitation) {
      // said loudly: the analysis passes versions it cannot judge
      this.deps.log(`warning: ${limitation}`);
      this.emit({ type: 'info', at: this.now(), message: limitation, level: 'warning' });
    }
    const existing = state.record.rollout;
    // a resumed rollout keeps the time it started
    this.startedAt =
      existing && existing.candidate === candidate && existing.stable === stable
        ? existing.startedAt
        : new Date(this.deps.clock.now()).toISOString();

    for (let i = startAt; i < steps.length; i++) {
      const step = steps[i];
      if (step.kind === 'pause') {
        try {
          await this.storeRollout(i + 1, 'paused');
        } catch (err: unknown) {
          return this.rollBack(`step ${i + 1}/${this.total} (pause): storing the paused rollout failed: ${errorMessage(err)}`);
        }
        this.emit({ type: 'pause', at: this.now(), step: i + 1 });
        this.deps.log(
          i + 1 < steps.length
            ? `step ${i + 1}/${this.total}: paused with the new deployment '${candidate}' at its current traffic; \`modelship promote\` continues at step ${i + 2}, \`modelship rollback\` abandons`
            : `step ${i + 1}/${this.total}: paused before promotion; \`modelship promote\` promotes '${candidate}', \`modelship rollback\` abandons`,
        );
        return { result: 'paused' };
      }
      if (this.pauseOnCancel()) return this.pauseCancelled(i);
      const cancelled = this.deps.cancellation?.reason;
      if (cancelled !== undefined) return this.rollBack(`cancelled (${cancelled}) before step ${i + 1}/${this.total}`);
      const failure = await this.runShift(i, step.weight, step.mirror, step.preview);
      // a step cut short by the cancellation is run again by whoever promotes the paused rollout
      if (failure !== undefined && this.pauseOnCancel()) return this.pauseCancelled(i);
      if (failure !== undefined) return this.rollBack(failure);
    }
    return this.promote();
  }

  private now(): number {
    return this.deps.clock.now();
  }

  /** cancelled (not fenced) with rollout.onCancel pause */
  private pauseOnCancel(): boolean {
    const cancellation = this.deps.cancellation;
    return this.input.onCancel === 'pause' && cancellation?.reason !== undefined && !cancellation.fenced;
  }

  /** cancelled at step `index`: the weights stay, the rollout is recorded paused there, for a later job */
  private async pauseCancelled(index: number): Promise<RolloutOutcome> {
    const reason = this.deps.cancellation?.reason ?? 'cancelled';
    try {
      await this.storeRollout(index, 'paused');
    } catch (err: unknown) {
      return this.rollBack(
        `cancelled (${reason}) at step ${index + 1}/${this.total}, and storing the paused rollout failed: ${errorMessage(err)}`,
      );
    }
    this.emit({ type: 'pause', at: this.now(), step: index + 1 });
    const message = `cancelled (${reason}): rollout paused at step ${index + 1}/${this.total} with the new deployment '${this.input.candidate}' at its current traffic (rollout.onCancel: pause); \`modelship promote\` runs step ${index + 1} again and goes on, \`modelship rollback\` abandons`;
    this.deps.log(message);
    this.emit({ type: 'info', at: this.now(), message, level: 'warning' });
    return { result: 'paused', reason: message };
  }

  private approximate(): boolean {
    return this.deps.target.approximateWeights?.(this.input.endpoint) ?? false;
  }

  private emit(event: ModelshipEvent): void {
    this.deps.events.emit(event);
  }

  private async storeRollout(nextStep: number, status: RolloutRecord['status']): Promise<void> {
    const { candidate, stable, model, endpoint } = this.input;
    const record: EndpointRecord = { ...this.record, rollout: { candidate, stable, model, nextStep, status, startedAt: this.startedAt } };
    await this.deps.target.setRecord(endpoint, record);
    this.record = record;
  }

  /** One traffic step with its analysis; resolves with the failure, or undefined when it passed. */
  private async runShift(index: number, weight: number, mirror: number, preview: boolean): Promise<StepFailure | undefined> {
    const { endpoint, stable, candidate } = this.input;
    const { target, metrics, probe, log } = this.deps;
    const position = `${index + 1}/${this.total}`;
    const label = `step ${position} (${weight}%${mirror ? `, mirror ${mirror}%` : ''}${preview ? ', preview' : ''})`;
    let doing = 'reading the endpoint state';
    let probing = false;
    try {
      const before = await target.state(endpoint);
      this.record = before.record;
      const restartsAtStart = before.deployments.find((d) => d.name === candidate)?.restarts ?? 0;
      doing = 'storing the rollout record';
      await this.storeRollout(index, 'running');

      this.emit({ type: 'step', at: this.now(), index: index + 1, total: this.total, weight, mirror, preview });
      log(
        `step ${position}: new ${weight}% / stable ${100 - weight}%${mirror ? `, mirror ${mirror}% of live requests to new` : ''}${preview ? ' (preview)' : ''}`,
      );
      doing = 'setting traffic';
      const asked = { [stable]: 100 - weight, [candidate]: weight };
      const askedMirror = mirror ? { [candidate]: mirror } : {};
      const got = await target.setTraffic(endpoint, asked, askedMirror);
      const mismatch = weightMismatch(asked, got, this.approximate());
      if (mismatch) return `${label}: ${mismatch}`;
      if (weightMismatch(asked, got))
        log(`  served share: new ${got[candidate] ?? 0}% / stable ${got[stable] ?? 0}% (the target splits by replica counts)`);
      this.emit({ type: 'traffic', at: this.now(), traffic: { ...got }, mirror: askedMirror });

      // the window starts once the router applies the step's weights
      doing = 'reading metrics';
      const baseline = await metrics.snapshot(endpoint);
      const windowStart = this.now();
      if (probe) {
        doing = 'starting probe traffic';
        probe.start(endpoint, candidate);
        probing = true;
      }
      return await this.analyse(
        { stepNumber: index + 1, position, label, weight, baseline, windowStart, restartsAtStart },
        (d) => (doing = d),
      );
    } catch (err: unknown) {
      return `${label}: ${doing} failed: ${errorMessage(err)}`;
    } finally {
      if (probing && probe) {
        try {
          await probe.stop();
        } catch (err: unknown) {
          log(`  stopping probe traffic failed (ignored): ${errorMessage(err)}`);
        }
      }
    }
  }

  private async analyse(
    step: {
      stepNumber: number;
      position: string;
      label: string;
      weight: number;
      baseline: MetricsSnapshot;
      windowStart: number;
      restartsAtStart: number;
    },
    setDoing: (doing: string) => void,
  ): Promise<StepFailure | undefined> {
    const { endpoint, candidate, bake } = this.input;
    const { interval, minRequests, maxErrorRate, maxLatencyP99 } = this.input.analysis;
    const thresholds: AnalysisThresholds = { minRequests, maxErrorRate, maxLatencyP99 };
    const { target, metrics, clock, log } = this.deps;
    const tag = `  [step ${step.position} ${step.weight}%]`;
    // checks at every interval and one at the end of the bake; at least one check
    const every = interval > 0 ? Math.min(interval, Math.max(bake, 0)) : Math.max(bake, 0);
    const checks = every > 0 ? Math.ceil(bake / every) : 1;
    let baseline = step.baseline;
    let last: Verdict | undefined;
    let readErrors = 0;
    for (let check = 1; check <= checks; check++) {
      const dueAt = step.windowStart + Math.min(check * every, bake);
      await sleepUnlessCancelled(clock, Math.max(0, dueAt - clock.now()), this.deps.cancellation);
      const elapsed = clock.now() - step.windowStart;
      const cancelled = this.deps.cancellation?.reason;
      if (cancelled !== undefined)
        return `${step.label}: cancelled (${cancelled}) after ${formatDuration(elapsed)} of ${formatDuration(bake)}`;

      setDoing('reading metrics');
      let snap: MetricsSnapshot;
      let state: EndpointState;
      try {
        snap = await metrics.snapshot(endpoint);
        setDoing('reading the endpoint state');
        state = await target.state(endpoint);
        readErrors = 0;
      } catch (err: unknown) {
        // one failed read says nothing about the new version: skip this check, and give up
        // (inconclusive, never a pass) only after CONSECUTIVE_ERROR_LIMIT failures in a row
        readErrors += 1;
        const what = `${tag} ${formatDuration(elapsed)}/${formatDuration(bake)} reading metrics or state failed (${readErrors} of ${CONSECUTIVE_ERROR_LIMIT} in a row): ${errorMessage(err)}`;
        log(what);
        this.emit({ type: 'info', at: this.now(), message: what.trim() });
        if (readErrors >= CONSECUTIVE_ERROR_LIMIT)
          return `${step.label}: inconclusive: metrics or state could not be read ${readErrors} times in a row (last: ${errorMessage(err)}), after ${formatDuration(elapsed)} of ${formatDuration(bake)}`;
        // the step ends with a check that read: the last one is tried again, one interval on
        if (check === checks) {
          check -= 1;
          await sleepUnlessCancelled(clock, Math.max(every, 1000), this.deps.cancellation);
        }
        continue;
      }
      if (snap.epoch !== baseline.epoch) {
        // counters started again from zero during this step (the weights were restored with
        // the source), so the new epoch's counts all belong to the step: count from zero
        const message = `metrics source restarted (epoch ${baseline.epoch} -> ${snap.epoch}): the analysis window of step ${step.position} starts again`;
        log(`${tag} ${message}`);
        this.emit({ type: 'info', at: this.now(), message });
        baseline = { ...snap, deployments: {} };
      }
      const window = diffCounters(snap.deployments[candidate], baseline.deployments[candidate]);
      const verdict = judge(window, thresholds);
      const fast = snap.fast ? judge(diffCounters(snap.fast[candidate], baseline.fast?.[candidate]), thresholds) : undefined;
      if (fast?.status === 'fail') {
        // the fast signal (probe traffic) already shows the failure the main one will publish later
        verdict.reasons = [
          ...fast.reasons.map((reason) => `probe traffic: ${reason}`),
          ...(verdict.status === 'fail' ? verdict.reasons : []),
        ];
        verdict.status = 'fail';
      }

      // against the stable deployment in the same window (while both take live traffic); the thresholds stay the floor
      const versus =
        this.input.analysis.compareToBaseline && step.weight > 0 && step.weight < 100
          ? compareWithBaseline(
              window,
              diffCounters(snap.deployments[this.input.stable], baseline.deployments[this.input.stable]),
              minRequests,
            )
          : undefined;
      if (versus?.verdict === 'fail') {
        verdict.reasons = [
          ...versus.reasons.map((reason) => `against stable: ${reason}`),
          ...(verdict.status === 'fail' ? verdict.reasons : []),
        ];
        verdict.status = 'fail';
      }
      const health = healthProblem(state, candidate, step.restartsAtStart);
      if (health) {
        // a dead or restarted candidate fails the step whatever its figures say
        verdict.reasons = [health, ...(verdict.status === 'fail' ? verdict.reasons : [])];
        verdict.status = 'fail';
      }

      log(
        `${tag} ${formatDuration(elapsed)}/${formatDuration(bake)} requests ${verdict.requests} errors ${verdict.errors} (${formatPercent(verdict.errorRate, 2)}) p99 ${verdict.p99Ms === undefined ? '-' : formatMs(verdict.p99Ms)}${fast ? ` | probe requests ${fast.requests} errors ${fast.errors}` : ''}${versus ? ` | against stable: ${versus.verdict}${versus.verdict === 'marginal' ? ` (${versus.reasons.join('; ')})` : ''}` : ''} -> ${verdict.status}${verdict.reasons.length ? ` (${verdict.reasons.join('; ')})` : ''}`,
      );
      this.emit({
        type: 'analysis',
        at: this.now(),
        step: step.stepNumber,
        weight: step.weight,
        deployment: candidate,
        interval: check,
        elapsedMs: elapsed,
        requests: verdict.requests,
        errors: verdict.errors,
        errorRate: verdict.errorRate,
        p99Ms: verdict.p99Ms,
        verdict: verdict.status,
        reasons: [...verdict.reasons],
        ...(versus
          ? {
              baseline: {
                verdict: versus.verdict,
                stableRequests: versus.stableRequests,
                stableErrorRate: versus.stableErrorRate,
                errorP: versus.errorP,
                stableP50Ms: versus.stableP50Ms,
                p50Ms: versus.p50Ms,
                latencyP: versus.latencyP,
              },
            }
          : {}),
      });
      if (verdict.status === 'fail')
        return `${step.label}: ${verdict.reasons.join('; ')}, after ${formatDuration(elapsed)} of ${formatDuration(bake)}`;
      last = verdict;
    }
    // no data is not success: the step passes only with a pass at the end of the bake
    if (!last || last.status !== 'pass') {
      const tooFew = last !== undefined && last.requests < minRequests;
      return `${step.label}: inconclusive after ${formatDuration(bake)}: ${last?.reasons.join('; ') ?? 'no analysis'}${tooFew ? TOO_FEW_REQUESTS_HINT : ''}`;
    }
    return undefined;
  }

  private async promote(): Promise<RolloutOutcome> {
    const { endpoint, stable, candidate, model } = this.input;
    const { target, log } = this.deps;
    let doing = 'reading the endpoint state';
    let state: EndpointState;
    try {
      state = await target.state(endpoint);
      this.record = state.record;
      doing = 'setting traffic';
      const asked = { [candidate]: 100 };
      const got = await target.setTraffic(endpoint, asked, {});
      const mismatch = weightMismatch(asked, got, this.approximate());
      if (mismatch) return this.rollBack(`promotion of '${candidate}' to 100%: ${mismatch}`);
      this.emit({ type: 'traffic', at: this.now(), traffic: { ...got }, mirror: {} });
    } catch (err: unknown) {
      return this.rollBack(`promotion of '${candidate}' to 100%: ${doing} failed: ${errorMessage(err)}`);
    }

    const old = state.deployments.find((d) => d.name === stable);
    const previous: EndpointRecord['previous'] = old
      ? { name: old.model.name, version: old.model.version, ...(old.image ? { image: old.image } : {}) }
      : this.record.previous;
    // the final record BEFORE the old deployment goes: a crash in between leaves a finished
    // promotion with a leftover, never a record of a rollout whose stable deployment is gone
    try {
      const record: EndpointRecord = { ...this.record, previous, rollout: undefined };
      await target.setRecord(endpoint, record);
      this.record = record;
    } catch (err: unknown) {
      throw new StageError(
        `storing the promotion of '${candidate}' on ${endpoint}`,
        `'${candidate}' (${model.name} v${model.version}) takes 100% of traffic, but the endpoint record still shows a rollout in progress: ${errorMessage(err)}`,
        `\`modelship status\`; the next command (promote, rollback or a rerun) sees that the promotion finished`,
      );
    }
    try {
      await target.deleteDeployment(endpoint, stable);
    } catch (err: unknown) {
      // it takes no traffic; the next command removes it as a leftover
      const message = `removing the old deployment '${stable}' failed (it takes no traffic; the next command removes it): ${errorMessage(err)}`;
      log(message);
      this.emit({ type: 'info', at: this.now(), message });
    }
    this.emit({ type: 'promote', at: this.now(), deployment: candidate });
    log(
      `promoted: '${candidate}' (${model.name} v${model.version}) takes 100% of traffic; removed '${stable}'${old ? ` (${old.model.name} v${old.model.version})` : ''}`,
    );
    return { result: 'promoted' };
  }

  /**
   * All traffic back to the stable deployment, confirmed, then the new one removed and
   * the rollout forgotten (`previous` kept). Throws a StageError naming the stable
   * deployment if that fails, so that a person can act.
   */
  private async rollBack(reason: string): Promise<RolloutOutcome> {
    const { endpoint, stable, candidate } = this.input;
    const { target, clock, log } = this.deps;
    if (this.deps.cancellation?.fenced) {
      // another command may hold the endpoint now: changing its traffic would fight it
      throw new StageError(
        `rolling back endpoint ${endpoint}`,
        `${this.deps.cancellation.reason ?? 'the endpoint lock was lost'}; this command stopped without changing the endpoint any further (a rollback was due because ${reason})`,
        `\`modelship status\` shows who changed it since; \`modelship rollback\` puts all traffic back on '${stable}' once no other command runs`,
      );
    }
    log(`rolling back: ${reason}`);
    const asked = { [stable]: 100 };
    try {
      // any failure is worth another attempt here: this is the one change that must not give up early
      const got = await withRetry(
        `setting all traffic back on '${stable}'`,
        async () => {
          const back = await target.setTraffic(endpoint, asked, {});
          const mismatch = weightMismatch(asked, back, this.approximate());
          if (mismatch) throw new Error(mismatch);
          return back;
        },
        {
          attempts: ROLLBACK_ATTEMPTS,
          firstDelayMs: ROLLBACK_BACKOFF_MS,
          maxDelayMs: ROLLBACK_BACKOFF_MS * 4,
          clock,
          retriable: (outcome) => !outcome.ok,
          log: (line) => log(`  ${line}`),
        },
      );
      this.emit({ type: 'traffic', at: this.now(), traffic: { ...got }, mirror: {} });
    } catch (err: unknown) {
      const last = err instanceof RetryError ? `${errorMessage(err.lastError)} (after ${err.attempts} attempts)` : errorMessage(err);
      throw new StageError(
        `rolling back endpoint ${endpoint} to the stable deployment '${stable}'`,
        `${last}; the rollback was needed because ${reason}`,
        `live traffic may still reach the new deployment '${candidate}': set the traffic of '${stable}' to 100% (\`modelship rollback\`), then check \`modelship status\``,
      );
    }
    log(`all traffic back on the stable deployment '${stable}'`);
    let doing = `removing the new deployment '${candidate}'`;
    try {
      await target.deleteDeployment(endpoint, candidate);
      doing = 'clearing the rollout record';
      const record: EndpointRecord = { ...this.record, rollout: undefined };
      await target.setRecord(endpoint, record);
      this.record = record;
    } catch (err: unknown) {
      throw new StageError(
        `finishing the rollback of endpoint ${endpoint}`,
        `all traffic is back on the stable deployment '${stable}', but ${doing} failed: ${errorMessage(err)}; the rollback was needed because ${reason}`,
        `run \`modelship rollback\` to remove '${candidate}' and clear the rollout record`,
      );
    }
    this.emit({ type: 'rollback', at: this.now(), reason });
    log(`rolled back: removed '${candidate}'; '${stable}' serves all traffic`);
    return { result: 'rolled-back', reason };
  }
}

/** why the candidate cannot be trusted any more, or undefined */
function healthProblem(state: EndpointState, candidate: string, restartsAtStart: number): string | undefined {
  const deployment = state.deployments.find((x) => x.name === candidate);
  if (!deployment) return `deployment ${candidate} disappeared from the endpoint`;
  if (deployment.restarts > restartsAtStart) return `deployment ${candidate} died (restarts ${restartsAtStart} -> ${deployment.restarts})`;
  if (deployment.health === 'dead') return `deployment ${candidate} died (health dead)`;
  return undefined;
}

/** a message when the weights read back differ from the ones asked (a name missing counts as 0) */
/**
 * Why the weights read back are not the asked ones, or undefined. `approximate` (replica
 * ratios): only which deployments take traffic must match.
 */
export function weightMismatch(
  asked: Record<string, number>,
  got: Record<string, number> | undefined,
  approximate = false,
): string | undefined {
  const back = got ?? {};
  const names = new Set([...Object.keys(asked), ...Object.keys(back)]);
  for (const name of names) {
    const differs = approximate ? (asked[name] ?? 0) > 0 !== (back[name] ?? 0) > 0 : (asked[name] ?? 0) !== (back[name] ?? 0);
    if (differs) return `router did not confirm weights: asked ${formatWeights(asked)}, got ${formatWeights(back)}`;
  }
  return undefined;
}

function formatWeights(weights: Record<string, number>): string {
  const entries = Object.entries(weights);
  return entries.length ? entries.map(([name, pct]) => `${name} ${pct}%`).join(' / ') : 'none';
}
