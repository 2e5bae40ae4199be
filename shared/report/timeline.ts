import { ReportDocument, RunReport } from './report';

/**
 * A small chart of a rollout over time: the new deployment's share of traffic and its
 * error rate, one point per analysis (plus the moment of a rollback), as a mermaid
 * xychart that GitHub renders in job summaries and markdown files. Pure: events in,
 * text out.
 */
export interface TimelinePoint {
  /** seconds since the command started */
  seconds: number;
  /** the new deployment's share of live traffic, percent */
  weight: number;
  /** its error rate over the analysis window, percent */
  errorRate: number;
  /** the last point of its step (kept when the chart is thinned out) */
  stepEnd: boolean;
}

/** the most points a chart shows; longer rollouts keep the end of every step and thin the rest */
export const MAX_TIMELINE_POINTS = 40;

export function timelinePoints(doc: ReportDocument): TimelinePoint[] {
  const started = Date.parse(doc.startedAt);
  const points: TimelinePoint[] = [];
  let lastStep: number | undefined;
  for (const event of doc.events) {
    if (event.type === 'analysis') {
      if (points.length && lastStep !== event.step) points[points.length - 1].stepEnd = true;
      lastStep = event.step;
      points.push({ seconds: (event.at - started) / 1000, weight: event.weight, errorRate: event.errorRate * 100, stepEnd: false });
    } else if (event.type === 'rollback' && points.length) {
      // traffic leaves the new deployment: the chart ends at 0% with the rate that caused it
      points[points.length - 1].stepEnd = true;
      points.push({ seconds: (event.at - started) / 1000, weight: 0, errorRate: points[points.length - 1].errorRate, stepEnd: true });
    }
  }
  if (points.length) points[points.length - 1].stepEnd = true;
  return thin(points, MAX_TIMELINE_POINTS);
}

function thin(points: TimelinePoint[], max: number): TimelinePoint[] {
  if (points.length <= max) return points;
  const kept = points.filter((p) => p.stepEnd).length;
  const stride = Math.ceil(points.length / Math.max(1, max - kept));
  return points.filter((p, i) => p.stepEnd || i % stride === 0);
}

/** The chart as a markdown section, or undefined when the command analysed nothing (no rollout steps). */
export function renderTimeline(report: RunReport | ReportDocument): string | undefined {
  const doc = report instanceof RunReport ? report.toJSON() : report;
  const points = timelinePoints(doc);
  if (points.length === 0) return undefined;
  const model = doc.model ? ` of ${doc.model.name} v${doc.model.version}` : '';
  const top = Math.max(100, Math.ceil(Math.max(...points.map((p) => p.errorRate))));
  return [
    '### Timeline',
    '',
    '```mermaid',
    // blue: weight, red: error rate (xychart lines take the palette's colours in order)
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#2563eb, #dc2626"}}}}%%',
    'xychart-beta',
    `  title "Rollout${model}: weight and error rate (%)"`,
    `  x-axis "seconds since start" [${points.map((p) => `"${formatNumber(p.seconds, 1)}"`).join(', ')}]`,
    `  y-axis "percent" 0 --> ${top}`,
    `  line [${points.map((p) => formatNumber(p.weight, 1)).join(', ')}]`,
    `  line [${points.map((p) => formatNumber(p.errorRate, 2)).join(', ')}]`,
    '```',
    '',
    `Blue: the new deployment's share of traffic (%). Red: its error rate (%).${doc.result === 'rolled-back' ? ' The last point is the rollback.' : ''}`,
  ].join('\n');
}

/** 12 -> "12", 12.5 -> "12.5", 0.3333 -> "0.33" */
function formatNumber(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}
