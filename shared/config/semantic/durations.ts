import { Segment, show } from '../issues';
import { Checker } from './checker';

/** a timer cannot wait longer than 2^31-1 ms (about 24.8 days); a day is a generous cap */
const MAX_DURATION_MS = 24 * 3_600_000;

/** the durations of the file (the schema checks their form; here, their range) */
const DURATION_PATHS: Segment[][] = [
  ['serve', 'readyTimeout'],
  ['staging', 'smoke', 'maxLatencyP95'],
  ['staging', 'smoke', 'timeout'],
  ['rollout', 'bake'],
  ['rollout', 'analysis', 'interval'],
  ['rollout', 'analysis', 'maxLatencyP99'],
  ['rollout', 'shadow', 'duration'],
  ['target', 'azureml', 'requestSettings', 'requestTimeout'],
  ['target', 'azureml', 'livenessProbe', 'initialDelay'],
  ['target', 'azureml', 'livenessProbe', 'period'],
  ['target', 'azureml', 'livenessProbe', 'timeout'],
  ['target', 'azureml', 'readinessProbe', 'initialDelay'],
  ['target', 'azureml', 'readinessProbe', 'period'],
  ['target', 'azureml', 'readinessProbe', 'timeout'],
  ['target', 'azureml', 'provisioningTimeout'],
  ['target', 'azureml', 'pollInterval'],
  ['target', 'azureml', 'lockTtl'],
  ['target', 'azureml', 'metrics', 'ingestionDelay'],
];

/** every duration written is more than 0 and at most a day */
export function checkDurations(checker: Checker): void {
  for (const segs of DURATION_PATHS) {
    const ms = checker.durationMs(segs);
    if (ms === undefined) continue;
    if (ms <= 0) checker.issue(segs, `must be a duration greater than 0 (got ${show(checker.at(segs))})`);
    else if (ms > MAX_DURATION_MS) checker.issue(segs, `must be a duration of at most 24h (got ${show(checker.at(segs))})`);
  }
}
