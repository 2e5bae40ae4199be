import { formatDuration } from '../duration';
import { show } from '../issues';
import { Checker } from './checker';

/** rollout: canary steps, bake against interval, what blue-green needs, settings that do nothing */
export function checkRollout(checker: Checker): void {
  const strategy = checker.effective(['rollout', 'strategy']);
  const steps = checker.ok(['rollout', 'steps']);
  if (strategy === 'canary' && Array.isArray(steps)) {
    if (steps[0] === 'pause')
      checker.issue(['rollout', 'steps', 0], `'pause' may not be the first step (a pause holds the traffic of the step before it)`);
    let last: number | undefined;
    steps.forEach((step: unknown, i: number) => {
      if (typeof step !== 'number' || checker.isBad(['rollout', 'steps', i])) return;
      if (last !== undefined && step <= last) checker.issue(['rollout', 'steps', i], `steps must increase: ${step} after ${last}`);
      last = step;
    });
  }

  const bakeSegs = ['rollout', 'bake'];
  const intervalSegs = ['rollout', 'analysis', 'interval'];
  const bakeRaw = checker.at(bakeSegs);
  const intervalRaw = checker.at(intervalSegs);
  const bake = checker.effectiveMs(bakeSegs);
  const interval = checker.effectiveMs(intervalSegs);
  if (bake !== undefined && interval !== undefined && bake > 0 && interval > 0 && interval > bake) {
    if (intervalRaw !== undefined) {
      checker.issue(intervalSegs, `must be at most rollout.bake, ${formatDuration(bake)} (got ${show(intervalRaw)})`);
    } else {
      checker.issue(
        bakeSegs,
        `must be at least rollout.analysis.interval, ${String(checker.defaults.at(intervalSegs))} by default (got ${show(bakeRaw)})`,
      );
    }
  }

  const mirror = checker.ok(['rollout', 'mirror']);
  const mirrorRaw = checker.at(['rollout', 'mirror']);
  const probe = checker.at(['rollout', 'analysis', 'probe']);
  if (strategy === 'blue-green' && probe === undefined && (mirrorRaw === undefined || mirrorRaw === 0)) {
    checker.issue(
      ['rollout', 'strategy'],
      'blue-green needs rollout.analysis.probe or rollout.mirror > 0: the new deployment gets no live traffic before the switch',
    );
  }
  if (typeof mirror === 'number' && mirror > 0 && typeof strategy === 'string' && strategy !== 'blue-green') {
    checker.warn(['rollout', 'mirror'], `mirror applies to the blue-green preview only (ignored for strategy '${strategy}')`);
  }
  checkShadow(checker);
}

/** rollout.shadow: its requests file exists, its paths select without scripts, the planned mirror is said to be planned */
function checkShadow(checker: Checker): void {
  const shadow = ['rollout', 'shadow'];
  if (checker.at(shadow) === undefined) return;
  const requests = checker.ok([...shadow, 'requests']);
  if (typeof requests === 'string') checker.checkPath([...shadow, 'requests'], requests, 'file');
  const paths = checker.ok([...shadow, 'compare', 'paths']);
  if (Array.isArray(paths))
    paths.forEach((path: unknown, i: number) => {
      const segs = [...shadow, 'compare', 'paths', i];
      if (typeof path !== 'string' || checker.isBad(segs)) return;
      // script and filter expressions would run code on a model's answer: they are off
      if (/\(/.test(path))
        checker.issue(
          segs,
          `JSONPath filter and script expressions ('(...)') are not evaluated; select by names, indexes and * (got ${show(path)})`,
        );
    });
  const mirror = checker.ok([...shadow, 'mirror']);
  const kind = checker.effective(['target', 'kind']);
  if (typeof mirror === 'number' && mirror > 0 && kind !== 'local')
    checker.warn(
      [...shadow, 'mirror'],
      `only the local target's router pairs mirrored answers; on target '${String(kind)}' the shadow step replays requests (rollout.shadow.requests and the smoke requests)`,
    );
}
