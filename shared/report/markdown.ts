import { formatMs, formatP, formatPercent } from '../analysis/judge';
import { AnalysisEvent, EventOf, ModelshipEvent, StepEvent } from './events';
import { formatDuration } from '../config/duration';
import { ReportDocument, RunReport } from './report';

/**
 * The markdown summary of a command (stdout of `run`/`rollout`/`promote`/`rollback`,
 * `--summary FILE`, the job summary of the Action and the task): the result and model
 * version, why it was rolled back or failed, smoke results, and one row per rollout step.
 */
export function renderMarkdown(report: RunReport | ReportDocument): string {
  const doc = report instanceof RunReport ? report.toJSON() : report;
  const events = doc.events;
  const lines: string[] = [];

  const model = doc.model ? ` ${doc.model.name} v${doc.model.version}` : '';
  lines.push(`## modelship ${doc.command}: ${doc.result ?? 'in progress'}${model}`);
  lines.push('');
  const facts = [`endpoint \`${doc.endpoint}\``];
  if (doc.image) facts.push(`image \`${doc.image}\``);
  if (doc.durationMs !== null) facts.push(`took ${formatDuration(doc.durationMs)}`);
  lines.push(facts.join(' · '));

  const reason = doc.reason ?? lastOf(events, 'rollback')?.reason;
  if (reason && doc.result !== 'promoted') {
    lines.push('');
    for (const line of reason.split('\n')) lines.push(`> ${line}`);
  }

  const warnings = [
    ...new Set(events.filter((e): e is EventOf<'info'> => e.type === 'info' && e.level === 'warning').map((e) => e.message)),
  ];
  if (warnings.length) {
    lines.push('');
    for (const warning of warnings) lines.push(`> **Warning:** ${warning}`);
  }

  const stages = events.filter((e): e is EventOf<'stage'> => e.type === 'stage' && e.status !== 'start');
  if (stages.length) {
    lines.push('');
    lines.push(`Stages: ${stages.map((s) => `${s.stage} ${s.status}`).join(' · ')}`);
  }

  const smoke = lastOf(events, 'smoke');
  if (smoke) {
    lines.push('');
    lines.push(
      `### Smoke tests: ${smoke.passed ? 'passed' : 'failed'}${smoke.p95Ms !== undefined ? ` (p95 ${formatMs(smoke.p95Ms)})` : ''}`,
    );
    if (smoke.cases.length) {
      lines.push('');
      lines.push('| case | result | failures |');
      lines.push('| --- | --- | --- |');
      for (const smokeCase of smoke.cases)
        lines.push(`| ${cell(smokeCase.name)} | ${smokeCase.passed ? 'pass' : 'fail'} | ${cell(smokeCase.failures.join('; '))} |`);
    }
  }

  const shadow = lastOf(events, 'shadow');
  if (shadow) {
    lines.push('');
    lines.push(
      `### Shadow step: ${shadow.verdict} (agreement ${formatPercent(shadow.rate)} on ${shadow.pairs} pairs${shadow.mirrored ? `, ${shadow.mirrored} of them mirrored live requests` : ''}, ${formatPercent(shadow.confidence, 0)} interval ${formatPercent(shadow.lower)}–${formatPercent(shadow.upper)}, need ${formatPercent(shadow.minAgreement)})`,
    );
    for (const drift of shadow.drift)
      lines.push(
        '',
        `- output drift (${drift.kind}): statistic ${drift.statistic.toFixed(3)}, p ${formatP(drift.pValue)}; ${cell(drift.summary)}`,
      );
    if (shadow.disagreements.length) {
      lines.push('');
      lines.push('| request | stable | new | differences |');
      lines.push('| --- | --- | --- | --- |');
      for (const d of shadow.disagreements)
        lines.push(
          `| \`${d.request.sha256}\` ${cell(d.request.text)} | ${cell(d.stable)} | ${cell(d.candidate)} | ${cell(d.differences.join('; '))} |`,
        );
    }
  }

  const rows = stepRows(events);
  if (rows.length) {
    lines.push('');
    lines.push('### Rollout');
    lines.push('');
    lines.push('| step | weight | requests | error rate | p99 | verdict |');
    lines.push('| --- | --- | --- | --- | --- | --- |');
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  }

  const pause = lastOf(events, 'pause');
  const promoted = lastOf(events, 'promote');
  const tail: string[] = [];
  if (doc.result === 'paused' && pause)
    tail.push(`Paused at step ${pause.step}: \`modelship promote\` continues the rollout, \`modelship rollback\` abandons it.`);
  if (promoted && doc.result === 'promoted') tail.push(`\`${promoted.deployment}\` takes 100% of traffic.`);
  if (tail.length) {
    lines.push('');
    lines.push(...tail);
  }
  return lines.join('\n');
}

/** one row per step that started, from the last analysis of that step (dashes when it was never analysed) */
function stepRows(events: ModelshipEvent[]): string[][] {
  const steps = new Map<number, { step?: StepEvent; analysis?: AnalysisEvent }>();
  for (const event of events) {
    if (event.type === 'step') steps.set(event.index, { ...steps.get(event.index), step: event });
    else if (event.type === 'analysis') steps.set(event.step, { ...steps.get(event.step), analysis: event });
  }
  return [...steps.entries()]
    .sort(([a], [b]) => a - b)
    .map(([stepNumber, { step, analysis }]) => {
      const weight = step?.weight ?? analysis?.weight ?? 0;
      const extras = [step?.preview ? 'preview' : '', step?.mirror ? `mirror ${step.mirror}%` : ''].filter(Boolean);
      const weightCell = `${weight}%${extras.length ? ` (${extras.join(', ')})` : ''}`;
      const stepCell = step ? `${stepNumber}/${step.total}` : String(stepNumber);
      if (!analysis) return [stepCell, weightCell, '—', '—', '—', 'not analysed'];
      return [
        stepCell,
        weightCell,
        groupThousands(analysis.requests),
        formatPercent(analysis.errorRate, 2),
        analysis.p99Ms === undefined ? '—' : formatMs(analysis.p99Ms).replace('ms', ' ms'),
        cell(analysis.reasons.length ? `${analysis.verdict}: ${analysis.reasons.join('; ')}` : analysis.verdict),
      ];
    });
}

function lastOf<T extends ModelshipEvent['type']>(events: ModelshipEvent[], type: T): EventOf<T> | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event.type === type) return event as EventOf<T>;
  }
  return undefined;
}

/** text safe inside a table cell */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
