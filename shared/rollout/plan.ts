import { ModelshipConfig } from '../config/types';

/**
 * The steps of a rollout. A shift gives the new deployment `weight` percent of live
 * traffic (the stable one keeps the rest) and `mirror` percent of live requests as
 * copies; `preview` marks a step at 0% whose only traffic is mirrored or probe traffic.
 * A pause stops the rollout there until `modelship promote`.
 */
export type PlannedStep = { kind: 'shift'; weight: number; mirror: number; preview: boolean } | { kind: 'pause' };

export function planSteps(rollout: ModelshipConfig['rollout']): PlannedStep[] {
  switch (rollout.strategy) {
    case 'canary':
    case 'linear': {
      // the config loader expands `linear` into its equal steps; both arrive as a list here
      const steps: PlannedStep[] = [];
      let last: number | undefined;
      for (const step of rollout.steps) {
        if (step === 'pause') {
          steps.push({ kind: 'pause' });
          continue;
        }
        checkWeight(step);
        steps.push(shift(step));
        last = step;
      }
      // a rollout always ends at 100% with analysis, so the stable is never removed before
      if (last === undefined || last < 100) steps.push(shift(100));
      return steps;
    }
    case 'blue-green':
      checkWeight(rollout.mirror, 'mirror share');
      return [{ kind: 'shift', weight: 0, mirror: rollout.mirror, preview: true }, shift(100)];
    case 'all-at-once':
      return [shift(100)];
    default: {
      const unknown: never = rollout.strategy;
      throw new Error(`unknown rollout strategy '${String(unknown)}'`);
    }
  }
}

function shift(weight: number): PlannedStep {
  return { kind: 'shift', weight, mirror: 0, preview: false };
}

function checkWeight(weight: number, what = 'rollout step'): void {
  // the config loader validates; this guards callers that build a config in code
  if (!Number.isInteger(weight) || weight < 0 || weight > 100)
    throw new Error(`${what} must be an integer percent from 0 to 100 (got ${weight})`);
}
