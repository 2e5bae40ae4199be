import { createHash } from 'node:crypto';
import { JSONPath } from 'jsonpath-plus';
import { compareJson } from '../smoke/compare';

/**
 * Whether two deployments give the same answer to the same request: the parts of the
 * answers the user selects with JSONPath (`$.labels`, `$.predictions[*].class`; the whole
 * answer by default), numbers equal within an absolute tolerance, everything else exactly.
 * Script expressions in paths are off: paths come from the config, answers from a model.
 */
export interface CompareSettings {
  /** JSONPath expressions; empty: the whole answer */
  paths: readonly string[];
  /** absolute tolerance for numbers */
  tolerance: number;
}

export interface PairVerdict {
  agree: boolean;
  /** why not, e.g. `$.label: expected "low", got "high"` */
  differences: string[];
}

/** the values the paths select in `answer`, one list per path (the whole answer for no paths) */
export function selectValues(answer: unknown, paths: readonly string[]): unknown[][] {
  if (paths.length === 0) return [[answer]];
  return paths.map((path) => JSONPath<unknown[]>({ path, json: answer as object, wrap: true, eval: false }));
}

/** compare the stable deployment's answer (the reference) with the new one's, as JSON texts */
export function comparePair(stableBody: string, candidateBody: string, settings: CompareSettings): PairVerdict {
  const stable = parse(stableBody);
  const candidate = parse(candidateBody);
  if (!candidate.ok) return { agree: false, differences: ['the new deployment answered something that is not JSON'] };
  if (!stable.ok) return { agree: false, differences: ['the stable deployment answered something that is not JSON'] };
  const expected = selectValues(stable.value, settings.paths);
  const actual = selectValues(candidate.value, settings.paths);
  const differences: string[] = [];
  settings.paths.forEach((path, i) => {
    if (expected[i].length !== actual[i].length)
      differences.push(`${path}: ${expected[i].length} values from stable, ${actual[i].length} from the new one`);
    else if (expected[i].length === 1) differences.push(...compareJson(expected[i][0], actual[i][0], settings.tolerance, path));
    else differences.push(...compareJson(expected[i], actual[i], settings.tolerance, path));
  });
  if (settings.paths.length === 0) differences.push(...compareJson(stable.value, candidate.value, settings.tolerance));
  return { agree: differences.length === 0, differences };
}

/** the outputs of one deployment, by kind, for the drift tests: class labels and numbers */
export interface OutputSample {
  labels: Record<string, number>;
  numbers: number[];
}

export function emptySample(): OutputSample {
  return { labels: {}, numbers: [] };
}

/** add the selected values of one answer to a sample: strings and booleans are labels, numbers are numbers */
export function addOutputs(sample: OutputSample, body: string, paths: readonly string[]): void {
  const parsed = parse(body);
  if (!parsed.ok) return;
  const visit = (value: unknown): void => {
    if (typeof value === 'number' && Number.isFinite(value)) sample.numbers.push(value);
    else if (typeof value === 'string' || typeof value === 'boolean') {
      const label = String(value);
      sample.labels[label] = (sample.labels[label] ?? 0) + 1;
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const values of selectValues(parsed.value, paths)) values.forEach(visit);
}

/** what a report may show of a request body: a hash, and the first characters unless full bodies are allowed */
export function describeBody(body: string, full: boolean, keep = 120): { sha256: string; text: string } {
  const sha256 = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { sha256, text: full || body.length <= keep ? body : `${body.slice(0, keep)}… (${body.length} characters)` };
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
