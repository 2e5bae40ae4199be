import * as fs from 'node:fs';
import type { ModelshipConfig, SmokeCaseConfig } from '../config/types';
import { errorMessage } from '../errors';
import type { ScoreResponse } from '../targets/target';
import { compareJson } from './compare';

/**
 * Smoke tests against a deployment: known inputs, expected outputs, a latency limit.
 * The caller decides where requests go (`send`), so the same code checks a staging
 * endpoint, one deployment behind the router, or a fake in unit tests.
 */
export type SendScore = (body: string, timeoutMs: number) => Promise<ScoreResponse>;

export interface SmokeCaseResult {
  name: string;
  passed: boolean;
  failures: string[];
  latenciesMs: number[];
}

export interface SmokeReport {
  passed: boolean;
  cases: SmokeCaseResult[];
  /** nearest-rank p95 over the latencies of every answered request; absent when none was answered */
  p95Ms?: number;
  maxLatencyP95?: number;
  latencyPassed: boolean;
}

/** how much of an unexpected answer goes into a failure message */
const BODY_EXCERPT = 300;

export async function runSmoke(
  cfg: ModelshipConfig['staging']['smoke'],
  send: SendScore,
  log: (line: string) => void,
): Promise<SmokeReport> {
  const cases: SmokeCaseResult[] = [];
  for (const smokeCase of cfg.cases) cases.push(await runCase(smokeCase, cfg.repeat, cfg.timeout, send, log));

  const all = cases.flatMap((c) => c.latenciesMs);
  const p95Ms = percentile(all, 95);
  const max = cfg.maxLatencyP95;
  // no answered request means no latency evidence: that is not a pass
  const latencyPassed = max === undefined || (p95Ms !== undefined && p95Ms <= max);
  const casesPassed = cases.every((c) => c.passed);
  const passed = casesPassed && latencyPassed;

  const failedCases = cases.filter((c) => !c.passed).length;
  const latencyText =
    p95Ms === undefined
      ? 'no latency measured'
      : `p95 ${ms(p95Ms)}${max === undefined ? '' : latencyPassed ? ` <= ${ms(max)}` : ` over the limit ${ms(max)}`}`;
  const parts = [
    `${cases.length} case${cases.length === 1 ? '' : 's'}`,
    `${all.length} answered request${all.length === 1 ? '' : 's'}`,
    latencyText,
  ];
  if (failedCases > 0) parts.unshift(`${failedCases} of ${cases.length} case${cases.length === 1 ? '' : 's'} failed`);
  if (max !== undefined && p95Ms === undefined) parts.push(`maxLatencyP95 ${ms(max)} cannot be checked`);
  log(`smoke: ${passed ? 'pass' : 'FAIL'} (${parts.join(', ')})`);

  return { passed, cases, ...(p95Ms !== undefined ? { p95Ms } : {}), ...(max !== undefined ? { maxLatencyP95: max } : {}), latencyPassed };
}

async function runCase(
  smokeCase: SmokeCaseConfig,
  repeat: number,
  timeoutMs: number,
  send: SendScore,
  log: (line: string) => void,
): Promise<SmokeCaseResult> {
  const result: SmokeCaseResult = { name: smokeCase.name, passed: false, failures: [], latenciesMs: [] };
  let body: string;
  let expected: { value: unknown } | undefined;
  try {
    body = await fs.promises.readFile(smokeCase.request, 'utf8');
    if (smokeCase.expect !== undefined) expected = { value: await readJson(smokeCase.expect) };
  } catch (err: unknown) {
    result.failures.push(errorMessage(err));
    logCase(result, 0, repeat, log);
    return result;
  }

  // failures are counted per distinct message, so 5 identical 500s read as one line
  const seen = new Map<string, number>();
  const note = (msg: string): void => {
    seen.set(msg, (seen.get(msg) ?? 0) + 1);
  };
  let good = 0;
  for (let i = 0; i < repeat; i++) {
    let res: ScoreResponse;
    try {
      res = await send(body, timeoutMs);
    } catch (err: unknown) {
      note(`request failed: ${errorMessage(err)}`);
      continue;
    }
    result.latenciesMs.push(res.latencyMs);
    const problems = checkAnswer(res, expected, smokeCase.tolerance);
    problems.forEach(note);
    if (problems.length === 0) good += 1;
  }

  for (const [msg, count] of seen) result.failures.push(repeat > 1 ? `${msg} (${count} of ${repeat} requests)` : msg);
  result.passed = result.failures.length === 0;
  logCase(result, good, repeat, log);
  return result;
}

function checkAnswer(res: ScoreResponse, expected: { value: unknown } | undefined, tolerance: number): string[] {
  if (res.status < 200 || res.status > 299) return [`status ${res.status}: ${excerpt(res.body)}`];
  let actual: unknown;
  try {
    actual = JSON.parse(res.body);
  } catch {
    return [`answer is not JSON: ${excerpt(res.body)}`];
  }
  return expected === undefined ? [] : compareJson(expected.value, actual, tolerance);
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err: unknown) {
    throw new Error(`cannot read the expected answer ${file}: ${errorMessage(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err: unknown) {
    throw new Error(`the expected answer ${file} is not valid JSON: ${errorMessage(err)}`);
  }
}

function logCase(result: SmokeCaseResult, good: number, repeat: number, log: (line: string) => void): void {
  const p95 = percentile(result.latenciesMs, 95);
  const stats = `${good}/${repeat}${p95 === undefined ? '' : `, p95 ${ms(p95)}`}`;
  log(`smoke '${result.name}': ${result.passed ? 'pass' : 'FAIL'} (${stats})`);
  for (const failure of result.failures) log(`  - ${failure}`);
}

/** exact nearest-rank percentile: the smallest value with at least `percent`% of values at or below it */
function percentile(values: number[], percent: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1];
}

function excerpt(body: string): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  if (oneLine.length === 0) return '(empty body)';
  return oneLine.length > BODY_EXCERPT ? `${oneLine.slice(0, BODY_EXCERPT)}…` : oneLine;
}

function ms(value: number): string {
  return `${value.toFixed(1)}ms`;
}
