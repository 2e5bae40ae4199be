import { formatDuration, parseDuration } from '../duration';
import { show } from '../issues';
import { Checker } from './checker';

/** rollout: canary steps, bake against interval, what blue-green needs, settings that do nothing */
export function checkRollout(c: Checker): void {
  const strategy = c.effective(['rollout', 'strategy']);
  const steps = c.ok(['rollout', 'steps']);
  if (strategy === 'canary' && Array.isArray(steps)) {
    if (steps[0] === 'pause')
      c.issue(['rollout', 'steps', 0], `'pause' may not be the first step (a pause holds the traffic of the step before it)`);
    let last: number | undefined;
    steps.forEach((s: unknown, i: number) => {
      if (typeof s !== 'number' || c.isBad(['rollout', 'steps', i])) return;
      if (last !== undefined && s <= last) c.issue(['rollout', 'steps', i], `steps must increase: ${s} after ${last}`);
      last = s;
    });
  }

  const bakeSegs = ['rollout', 'bake'];
  const intervalSegs = ['rollout', 'analysis', 'interval'];
  const bakeRaw = c.at(bakeSegs);
  const intervalRaw = c.at(intervalSegs);
  const bake = bakeRaw === undefined ? defaultMs(c, bakeSegs) : c.durationMs(bakeSegs);
  const interval = intervalRaw === undefined ? defaultMs(c, intervalSegs) : c.durationMs(intervalSegs);
  if (bake !== undefined && interval !== undefined && bake > 0 && interval > 0 && interval > bake) {
    if (intervalRaw !== undefined) {
      c.issue(intervalSegs, `must be at most rollout.bake, ${formatDuration(bake)} (got ${show(intervalRaw)})`);
    } else {
      c.issue(
        bakeSegs,
        `must be at least rollout.analysis.interval, ${String(c.defaults.at(intervalSegs))} by default (got ${show(bakeRaw)})`,
      );
    }
  }

  const mirror = c.ok(['rollout', 'mirror']);
  const mirrorRaw = c.at(['rollout', 'mirror']);
  const probe = c.at(['rollout', 'analysis', 'probe']);
  if (strategy === 'blue-green' && probe === undefined && (mirrorRaw === undefined || mirrorRaw === 0)) {
    c.issue(
      ['rollout', 'strategy'],
      'blue-green needs rollout.analysis.probe or rollout.mirror > 0: the new deployment gets no live traffic before the switch',
    );
  }
  if (typeof mirror === 'number' && mirror > 0 && typeof strategy === 'string' && strategy !== 'blue-green') {
    c.warn(['rollout', 'mirror'], `mirror applies to the blue-green preview only (ignored for strategy '${strategy}')`);
  }
  if (c.ok(['rollout', 'analysis', 'compareToBaseline']) === true) {
    c.warn(['rollout', 'analysis', 'compareToBaseline'], 'compareToBaseline is planned and not applied yet');
  }
}

/** the schema's default of a duration key, in milliseconds */
function defaultMs(c: Checker, segs: string[]): number | undefined {
  const text = c.defaults.at(segs);
  return typeof text === 'string' ? parseDuration(text) : undefined;
}
