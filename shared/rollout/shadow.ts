import * as fs from 'node:fs';
import { ShadowConfig } from '../config/types';
import { StageError, errorMessage } from '../errors';
import { formatP, formatPercent } from '../analysis/judge';
import { OutputSample, addOutputs, comparePair, describeBody, emptySample } from '../analysis/agreement';
import { chiSquareHomogeneity, ksTwoSample, wilsonInterval } from '../analysis/statistics';
import { EventSink, ShadowDisagreement, ShadowDrift } from '../report/events';
import { MirroredPair, Target } from '../targets/target';
import { formatDuration } from '../config/duration';

/** an answer as far as the comparison needs it */
interface Answer {
  status: number;
  body: string;
}

/**
 * The shadow step: before the new deployment takes any live request, the same requests go
 * to it and to the stable deployment (by the deployment header, so it works on every
 * target) and each pair of answers is compared. A retrained model that answers 200 with
 * wrong predictions fails here, where error rates and latency see nothing:
 * - agreement: the lower bound of the Wilson interval of the agreement rate at
 *   `confidence` must reach `minAgreement`; fewer than `minSamples` pairs is
 *   inconclusive, never a pass;
 * - drift: the new deployment's outputs on the same requests must not differ in
 *   distribution from the stable one's (chi-square on class labels, two-sample
 *   Kolmogorov-Smirnov on numbers), so a model that collapses to one class fails even
 *   when no reference answer is "right".
 * A pair whose stable answer is not a success has no reference and is not counted; a
 * pair whose new answer is not a success disagrees.
 */
export interface ShadowInput {
  endpoint: string;
  stable: string;
  candidate: string;
  /** distinct request bodies (JSON texts) */
  bodies: string[];
  settings: ShadowConfig;
  timeoutMs: number;
}

export interface ShadowDeps {
  target: Target;
  events: EventSink;
  log: (line: string) => void;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** why the command was cancelled, once it was: the step stops collecting and is inconclusive */
  cancelled?: () => string | undefined;
}

export interface ShadowResult {
  verdict: 'pass' | 'fail' | 'inconclusive';
  /** why not pass; empty on pass */
  reasons: string[];
}

/** answers shown in a report are cut to this many characters */
const SHOWN_ANSWER = 200;
/** disagreements listed in a report */
const LISTED = 10;
/** numbers each side needs before the KS test says anything */
const MIN_NUMBERS_FOR_DRIFT = 20;
/** how often mirrored pairs are taken from the router while live requests are mirrored */
const MIRROR_POLL_MS = 1_000;
/** a progress line at most this often while mirroring */
const MIRROR_PROGRESS_MS = 10_000;

/** the distinct bodies of the requests file (JSON Lines) and the smoke requests; a line that is not JSON is an error naming it */
export function shadowBodies(requestsFile: string | undefined, smokeRequests: readonly string[]): string[] {
  const seen = new Set<string>();
  const bodies: string[] = [];
  const add = (text: string, where: string): void => {
    let canonical: string;
    try {
      canonical = JSON.stringify(JSON.parse(text));
    } catch (err: unknown) {
      throw new StageError(
        'reading the shadow requests',
        `${where} is not JSON: ${errorMessage(err)}`,
        'rollout.shadow.requests: one JSON document per line',
      );
    }
    if (seen.has(canonical)) return;
    seen.add(canonical);
    bodies.push(text);
  };
  if (requestsFile) {
    fs.readFileSync(requestsFile, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim()) add(line, `${requestsFile}:${i + 1}`);
      });
  }
  for (const file of smokeRequests) add(fs.readFileSync(file, 'utf8'), file);
  return bodies;
}

/** mirroring live requests to one deployment with their answers paired, where the target can */
interface MirrorPairing {
  /** mirror `share` percent of live requests (0 stops) */
  mirror(share: number): Promise<void>;
  take(): Promise<{ pairs: MirroredPair[]; unpaired: number }>;
}

function mirrorPairing(target: Target, endpoint: string, deployment: string): MirrorPairing | undefined {
  if (!target.mirrorPaired || !target.takeMirroredPairs) return undefined;
  const [mirror, take] = [target.mirrorPaired.bind(target), target.takeMirroredPairs.bind(target)];
  return { mirror: (share) => mirror(endpoint, deployment, share), take: () => take(endpoint, deployment) };
}

export async function runShadow(input: ShadowInput, deps: ShadowDeps): Promise<ShadowResult> {
  const { endpoint, stable, candidate, bodies, settings } = input;
  const { log, target } = deps;
  const pairing = settings.mirror > 0 ? mirrorPairing(target, endpoint, candidate) : undefined;
  const mirroring = pairing !== undefined;
  log(
    `shadow: ${bodies.length} distinct ${bodies.length === 1 ? 'request' : 'requests'} to '${stable}' (stable) and '${candidate}' (new) by the deployment header${mirroring ? `, and ${settings.mirror}% of live requests mirrored to '${candidate}' until ${settings.minSamples} pairs or ${formatDuration(settings.durationMs)}` : ''}; comparing ${settings.paths.length ? settings.paths.join(', ') : 'the whole answer'}${settings.tolerance ? ` (numbers within ${settings.tolerance})` : ''}`,
  );
  if (settings.mirror > 0 && !mirroring)
    log(`  shadow: target ${target.description} cannot pair mirrored answers; the step replays requests only`);
  const send = async (body: string, deployment: string): Promise<Answer | undefined> => {
    try {
      return await target.score(endpoint, { body, deployment, timeoutMs: input.timeoutMs });
    } catch {
      return undefined;
    }
  };
  let pairs = 0;
  let agreements = 0;
  let noReference = 0;
  let mirrored = 0;
  let unpaired = 0;
  let done = 0;
  const stableOut: OutputSample = emptySample();
  const candidateOut: OutputSample = emptySample();
  const disagreements: ShadowDisagreement[] = [];
  const milestones = new Set([0.25, 0.5, 0.75].map((f) => Math.ceil(bodies.length * f)));

  /** one request's two answers: counted, compared, listed when they disagree */
  const judgePair = (body: string, reference: Answer | undefined, answer: Answer | undefined): void => {
    if (!reference || reference.status < 200 || reference.status >= 300) {
      noReference += 1;
      return;
    }
    pairs += 1;
    let differences: string[];
    if (!answer || answer.status < 200 || answer.status >= 300) {
      differences = [answer ? `the new deployment answered ${answer.status}` : 'the new deployment did not answer'];
    } else {
      differences = comparePair(reference.body, answer.body, settings).differences;
      addOutputs(stableOut, reference.body, settings.paths);
      addOutputs(candidateOut, answer.body, settings.paths);
    }
    if (differences.length === 0) {
      agreements += 1;
      return;
    }
    if (disagreements.length < LISTED)
      disagreements.push({
        request: describeBody(body, settings.reportBodies),
        stable: cut(reference.body),
        candidate: answer ? cut(answer.body) : '(no answer)',
        differences: differences.slice(0, 5),
      });
  };

  const one = async (body: string): Promise<void> => {
    const [reference, answer] = await Promise.all([send(body, stable), send(body, candidate)]);
    done += 1;
    if (milestones.has(done) && done < bodies.length)
      log(`  shadow: ${done}/${bodies.length} pairs, ${agreements} of ${pairs} agree so far`);
    judgePair(body, reference, answer);
  };

  const takeMirrored = async (from: MirrorPairing): Promise<void> => {
    const taken = await from.take();
    unpaired += taken.unpaired;
    for (const pair of taken.pairs) {
      // a pair served by another deployment than the stable one has no reference answer
      if (pair.served !== stable) {
        noReference += 1;
        continue;
      }
      mirrored += 1;
      judgePair(pair.request, pair.reference, pair.mirrored);
    }
  };

  let stopReason: string | undefined;
  await pairing?.mirror(settings.mirror);
  try {
    // a bounded pool: `concurrency` pairs in flight
    let next = 0;
    const workers = Array.from({ length: Math.min(settings.concurrency, bodies.length) }, async () => {
      while (next < bodies.length) await one(bodies[next++]);
    });
    await Promise.all(workers);
    if (pairing) {
      // a fixed sample size (minSamples) or the time limit ends the collection, never the
      // agreement seen so far: stopping on a good-looking verdict would bias the gate
      const started = deps.now();
      let lastProgress = started;
      for (;;) {
        await takeMirrored(pairing);
        if (pairs >= settings.minSamples) break;
        stopReason = deps.cancelled?.();
        if (stopReason !== undefined) {
          log(`  shadow: stopped collecting mirrored requests: cancelled (${stopReason})`);
          break;
        }
        const now = deps.now();
        if (now - started >= settings.durationMs) break;
        if (now - lastProgress >= MIRROR_PROGRESS_MS) {
          lastProgress = now;
          log(
            `  shadow: ${mirrored} mirrored pairs after ${formatDuration(now - started)}, ${pairs}/${settings.minSamples} pairs in all, ${agreements} agree`,
          );
        }
        await deps.sleep(Math.min(MIRROR_POLL_MS, settings.durationMs - (now - started)));
      }
    }
  } finally {
    if (pairing) {
      await pairing.mirror(0);
      await takeMirrored(pairing);
    }
  }

  const rate = pairs > 0 ? agreements / pairs : 0;
  const interval = wilsonInterval(agreements, pairs, settings.confidence);
  const drift = driftTests(stableOut, candidateOut);
  const reasons: string[] = [];
  let verdict: ShadowResult['verdict'] = 'pass';
  const described = `agreement ${formatPercent(rate)} on ${pairs} pairs${mirrored ? `, ${mirrored} of them mirrored,` : ''} (${formatPercent(settings.confidence, 0)} interval ${formatPercent(interval.lower)}–${formatPercent(interval.upper)})`;
  if (stopReason !== undefined) {
    verdict = 'inconclusive';
    reasons.push(`cancelled (${stopReason}) after ${pairs} pairs`);
  } else if (pairs < settings.minSamples) {
    verdict = 'inconclusive';
    reasons.push(
      `${pairs} pairs with a stable answer, need ${settings.minSamples}${noReference ? ` (${noReference} requests had no successful stable answer)` : ''}${unpaired ? ` (${unpaired} mirrored requests could not be paired: too large, or no answer to the client)` : ''}: ${mirroring ? `mirror a larger share of live requests (rollout.shadow.mirror), allow a longer rollout.shadow.duration, or add` : 'add'} recorded requests to rollout.shadow.requests`,
    );
  } else {
    if (interval.lower < settings.minAgreement)
      reasons.push(`${described}: its lower bound is below minAgreement ${formatPercent(settings.minAgreement)}`);
    for (const test of drift)
      if (test.pValue < settings.driftAlpha)
        reasons.push(
          `the new deployment's ${test.kind === 'labels' ? 'class labels are distributed differently (chi-square' : 'numbers are distributed differently (Kolmogorov-Smirnov'} ${test.statistic.toFixed(3)}, p ${formatP(test.pValue)} < ${settings.driftAlpha}): ${test.summary}`,
        );
    if (reasons.length) verdict = 'fail';
  }
  deps.events.emit({
    type: 'shadow',
    at: deps.now(),
    stable,
    candidate,
    requests: bodies.length,
    mirrored,
    pairs,
    agreements,
    noReference,
    rate,
    lower: interval.lower,
    upper: interval.upper,
    confidence: settings.confidence,
    minAgreement: settings.minAgreement,
    drift,
    verdict,
    reasons: [...reasons],
    disagreements,
  });
  log(
    `shadow: ${described}, need the lower bound >= ${formatPercent(settings.minAgreement)}${drift.length ? `; drift ${drift.map((d) => `${d.kind} p ${formatP(d.pValue)}`).join(', ')}` : ''} -> ${verdict}`,
  );
  for (const d of disagreements.slice(0, 3)) log(`  shadow disagreement on request ${d.request.sha256}: ${d.differences.join('; ')}`);
  return { verdict, reasons };
}

function driftTests(stable: OutputSample, candidate: OutputSample): ShadowDrift[] {
  const tests: ShadowDrift[] = [];
  const labels = new Set([...Object.keys(stable.labels), ...Object.keys(candidate.labels)]);
  if (labels.size >= 2) {
    const result = chiSquareHomogeneity(stable.labels, candidate.labels);
    tests.push({
      kind: 'labels',
      statistic: result.statistic,
      pValue: result.pValue,
      summary: `stable ${labelShares(stable.labels)}, new ${labelShares(candidate.labels)}`,
    });
  }
  if (stable.numbers.length >= MIN_NUMBERS_FOR_DRIFT && candidate.numbers.length >= MIN_NUMBERS_FOR_DRIFT) {
    const result = ksTwoSample(stable.numbers, candidate.numbers);
    tests.push({
      kind: 'numbers',
      statistic: result.statistic,
      pValue: result.pValue,
      summary: `stable median ${median(stable.numbers)}, new median ${median(candidate.numbers)}`,
    });
  }
  return tests;
}

function labelShares(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4);
  return top.map(([label, n]) => `${label} ${formatPercent(n / Math.max(total, 1), 0)}`).join(' / ') || 'none';
}

function median(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Number(value.toPrecision(4)).toString();
}

function cut(text: string): string {
  return text.length <= SHOWN_ANSWER ? text : `${text.slice(0, SHOWN_ANSWER)}… (${text.length} characters)`;
}
