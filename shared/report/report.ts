import { Clock, realClock } from '../clock';
import { ModelRef } from '../targets/target';
import { EventSink, ModelshipEvent, RunResult } from './events';

/**
 * The report of one command: its context and every event, in order. `toJSON()` is the
 * document `--report FILE` writes; `renderMarkdown` (markdown.ts) turns it into the
 * summary.
 */
export interface RunReportOptions {
  command: string;
  endpoint: string;
  /** the config file, as the user named it */
  configFile?: string;
  /** time source for startedAt / finishedAt; the real clock by default */
  clock?: Clock;
}

/**
 * The JSON report, schema version 1. Every key is always present (null when unknown),
 * in this order, so that tools and diffs can rely on its shape. Times are ISO 8601;
 * event times (`at`) are milliseconds since the epoch.
 */
export interface ReportDocument {
  schemaVersion: 1;
  command: string;
  endpoint: string;
  configFile: string | null;
  model: ModelRef | null;
  image: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  result: RunResult | null;
  reason: string | null;
  events: ModelshipEvent[];
}

/**
 * Told of every event as it is recorded (a copy), with the report (its model and image as
 * they are then). A listener must not throw or block: what it does with the event is its own
 * business (a front end posting progress somewhere); an error it throws is ignored.
 */
export type ReportListener = (event: ModelshipEvent, report: RunReport) => void;

export class RunReport implements EventSink {
  readonly command: string;
  readonly endpoint: string;
  readonly configFile?: string;
  /** the model version the command works on, once known */
  model?: ModelRef;
  /** the image reference (pinned by digest) the command built or deployed */
  image?: string;
  readonly startedAt: number;
  finishedAt?: number;
  result?: RunResult;
  reason?: string;
  private readonly clock: Clock;
  private readonly list: ModelshipEvent[] = [];
  private readonly listeners: ReportListener[] = [];

  constructor(opts: RunReportOptions) {
    this.command = opts.command;
    this.endpoint = opts.endpoint;
    this.configFile = opts.configFile;
    this.clock = opts.clock ?? realClock;
    this.startedAt = this.clock.now();
  }

  emit(event: ModelshipEvent): void {
    // a copy: an emitter that reuses its object must not rewrite history
    this.list.push(structuredClone(event));
    for (const listener of this.listeners) {
      try {
        listener(structuredClone(event), this);
      } catch {
        // a listener's failure is not the command's
      }
    }
  }

  /** call `listener` with every event from now on; answers the function that stops it */
  onEvent(listener: ReportListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  get events(): readonly ModelshipEvent[] {
    return this.list;
  }

  /** record the outcome of the command (and a `result` event) */
  finish(result: RunResult, reason?: string): void {
    this.result = result;
    this.reason = reason;
    this.finishedAt = this.clock.now();
    this.emit({ type: 'result', at: this.finishedAt, result, ...(reason !== undefined ? { reason } : {}) });
  }

  toJSON(): ReportDocument {
    return {
      schemaVersion: 1,
      command: this.command,
      endpoint: this.endpoint,
      configFile: this.configFile ?? null,
      model: this.model ? { name: this.model.name, version: this.model.version } : null,
      image: this.image ?? null,
      startedAt: new Date(this.startedAt).toISOString(),
      finishedAt: this.finishedAt === undefined ? null : new Date(this.finishedAt).toISOString(),
      durationMs: this.finishedAt === undefined ? null : this.finishedAt - this.startedAt,
      result: this.result ?? null,
      reason: this.reason ?? null,
      events: this.list.map((e) => structuredClone(e)),
    };
  }
}
