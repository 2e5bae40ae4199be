import { formatMs, formatP, formatPercent } from '../analysis/judge';
import { AnalysisRecord } from '../targets/target';
import { EventOf, ModelshipEvent } from './events';

/**
 * The verdicts of a rollout in a few short lines, kept in the endpoint record so that
 * `modelship status` (any later job, any front end) shows why the last rollout went the
 * way it did: the shadow step's agreement and drift, and each traffic step's last check
 * with its comparison against stable. Lines are short because Azure ML keeps each as a
 * tag of at most 256 characters.
 */
export const MAX_ANALYSIS_LINES = 8;
export const MAX_ANALYSIS_LINE = 240;

/** the summary of this run's analysis events; undefined when the run analysed nothing */
export function analysisRecord(
  events: readonly ModelshipEvent[],
  facts: { version: string; outcome: AnalysisRecord['outcome']; at: number; reason?: string },
): AnalysisRecord | undefined {
  const lines: string[] = [];
  const shadow = [...events].reverse().find((e): e is EventOf<'shadow'> => e.type === 'shadow');
  if (shadow) lines.push(shadowLine(shadow));
  const lastPerStep = new Map<number, EventOf<'analysis'>>();
  for (const e of events) if (e.type === 'analysis') lastPerStep.set(e.step, e);
  if (lines.length === 0 && lastPerStep.size === 0) return undefined;
  for (const e of lastPerStep.values()) lines.push(stepLine(e));
  if (facts.reason && facts.outcome === 'rolled-back') lines.push(`why: ${facts.reason}`);
  const kept = lines.length > MAX_ANALYSIS_LINES ? [...lines.slice(0, MAX_ANALYSIS_LINES - 1), lines[lines.length - 1]] : lines;
  return {
    version: facts.version,
    outcome: facts.outcome,
    at: new Date(facts.at).toISOString(),
    lines: kept.map(cut),
  };
}

/** status lines for a kept summary */
export function describeAnalysis(record: AnalysisRecord): string[] {
  return [`  last rollout: v${record.version} ${record.outcome} at ${record.at}`, ...record.lines.map((line) => `    ${line}`)];
}

function shadowLine(e: EventOf<'shadow'>): string {
  const drift = e.drift.map((d) => `${d.kind} drift p ${formatP(d.pValue)}`).join(', ');
  return `shadow: ${e.verdict}, agreement ${formatPercent(e.rate)} on ${e.pairs} pairs${e.mirrored ? ` (${e.mirrored} mirrored)` : ''}, ${formatPercent(e.confidence, 0)} interval ${formatPercent(e.lower)}–${formatPercent(e.upper)}, need ${formatPercent(e.minAgreement)}${drift ? `; ${drift}` : ''}`;
}

function stepLine(e: EventOf<'analysis'>): string {
  const base = e.baseline
    ? `; against stable: ${e.baseline.verdict} (errors p ${formatP(e.baseline.errorP)}, latency p ${formatP(e.baseline.latencyP)})`
    : '';
  return `step ${e.step} (${e.weight}%): ${e.verdict}, ${e.requests} requests, errors ${formatPercent(e.errorRate, 2)}, p99 ${e.p99Ms === undefined ? '-' : formatMs(e.p99Ms)}${base}`;
}

function cut(line: string): string {
  return line.length <= MAX_ANALYSIS_LINE ? line : `${line.slice(0, MAX_ANALYSIS_LINE - 1)}…`;
}
