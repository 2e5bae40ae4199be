import type { VerdictStatus } from '../analysis/judge';

/**
 * What happened during a command, as events. The rollout engine and the pipeline emit
 * them; the report collects them into the JSON report and the markdown summary.
 * Every event carries `at`, milliseconds since the epoch on the command's clock.
 * Step numbers are 1-based positions in the planned steps (pauses included), as the
 * log lines print them ("step 2/3").
 */
export type RunResult = 'promoted' | 'rolled-back' | 'paused' | 'no-change' | 'deployed' | 'failed';

export type StageStatus = 'start' | 'done' | 'failed' | 'skipped';

export interface StageEvent {
  type: 'stage';
  at: number;
  stage: string;
  status: StageStatus;
  message?: string;
}

export interface StepEvent {
  type: 'step';
  at: number;
  /** 1-based step number */
  index: number;
  total: number;
  /** the new deployment's share of live traffic, percent */
  weight: number;
  /** percent of live requests mirrored to the new deployment */
  mirror: number;
  preview: boolean;
}

/** weights (and mirror shares) the target confirmed */
export interface TrafficEvent {
  type: 'traffic';
  at: number;
  traffic: Record<string, number>;
  mirror: Record<string, number>;
}

export interface AnalysisEvent {
  type: 'analysis';
  at: number;
  /** 1-based step number */
  step: number;
  weight: number;
  /** the deployment analysed (the new one) */
  deployment: string;
  /** 1-based number of this check within the step */
  interval: number;
  /** time since the step's analysis window started */
  elapsedMs: number;
  requests: number;
  errors: number;
  errorRate: number;
  p99Ms?: number;
  verdict: VerdictStatus;
  reasons: string[];
  /** compareToBaseline: the new deployment against the stable one in the same window */
  baseline?: {
    verdict: 'pass' | 'marginal' | 'fail' | 'inconclusive';
    stableRequests: number;
    stableErrorRate: number;
    /** one-sided p-values: the new one's error rate, its latency, higher than stable's */
    errorP: number;
    latencyP: number;
    stableP50Ms?: number;
    p50Ms?: number;
  };
}

export interface PauseEvent {
  type: 'pause';
  at: number;
  /** 1-based number of the pause step */
  step: number;
}

export interface RollbackEvent {
  type: 'rollback';
  at: number;
  reason: string;
}

export interface PromoteEvent {
  type: 'promote';
  at: number;
  /** the deployment that now takes all traffic */
  deployment: string;
}

export interface ResultEvent {
  type: 'result';
  at: number;
  result: RunResult;
  reason?: string;
}

export interface SmokeCaseResult {
  name: string;
  passed: boolean;
  failures: string[];
}

export interface SmokeEvent {
  type: 'smoke';
  at: number;
  cases: SmokeCaseResult[];
  p95Ms?: number;
  passed: boolean;
}

export interface ShadowDisagreement {
  /** the request: a hash, and its first characters unless rollout.shadow.reportBodies */
  request: { sha256: string; text: string };
  /** the two answers, cut */
  stable: string;
  candidate: string;
  differences: string[];
}

export interface ShadowDrift {
  kind: 'labels' | 'numbers';
  statistic: number;
  pValue: number;
  /** the two distributions in a few words */
  summary: string;
}

/** the shadow step: the new deployment's answers compared with the stable one's on the same requests */
export interface ShadowEvent {
  type: 'shadow';
  at: number;
  stable: string;
  candidate: string;
  /** distinct requests sent to both */
  requests: number;
  /** live requests the router mirrored to the new deployment and paired (local target) */
  mirrored: number;
  /** pairs with a successful stable answer */
  pairs: number;
  agreements: number;
  /** requests the stable deployment did not answer with a success (not counted) */
  noReference: number;
  rate: number;
  /** the Wilson interval of the agreement rate at `confidence` */
  lower: number;
  upper: number;
  confidence: number;
  minAgreement: number;
  drift: ShadowDrift[];
  verdict: VerdictStatus;
  reasons: string[];
  /** the first disagreements */
  disagreements: ShadowDisagreement[];
}

export interface InfoEvent {
  type: 'info';
  at: number;
  message: string;
  /** a warning is shown in the summary */
  level?: 'warning';
}

export type ModelshipEvent =
  | StageEvent
  | StepEvent
  | TrafficEvent
  | AnalysisEvent
  | PauseEvent
  | RollbackEvent
  | PromoteEvent
  | ResultEvent
  | SmokeEvent
  | ShadowEvent
  | InfoEvent;

export type ModelshipEventType = ModelshipEvent['type'];

/** the event of one type, e.g. `EventOf<'analysis'>` */
export type EventOf<T extends ModelshipEventType> = Extract<ModelshipEvent, { type: T }>;

export interface EventSink {
  emit(event: ModelshipEvent): void;
}
