/**
 * Durations as written in modelship.yaml and on the command line: a number and a unit,
 * `250ms`, `1.5s`, `30s`, `5m`, `1h`. The same pattern is in modelship.schema.json.
 */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** milliseconds (rounded to whole ms), or undefined when `text` is not a duration */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

/**
 * A duration string that parseDuration reads back to the same milliseconds: the largest
 * unit that divides `ms` exactly (`300000` -> `5m`), else seconds with decimals
 * (`1500` -> `1.5s`), else milliseconds.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`not a duration: ${ms} ms`);
  const whole = Math.round(ms);
  if (whole === 0) return '0ms';
  for (const unit of ['h', 'm', 's'] as const) {
    if (whole % UNIT_MS[unit] === 0) return `${whole / UNIT_MS[unit]}${unit}`;
  }
  if (whole >= 1000) return `${(whole / 1000).toFixed(3).replace(/0+$/, '')}s`;
  return `${whole}ms`;
}
