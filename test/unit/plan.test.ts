import type { ModelshipConfig } from '../../shared/config/types';
import { planSteps } from '../../shared/rollout/plan';

type RolloutConfig = ModelshipConfig['rollout'];

function cfg(over: Partial<RolloutConfig>): RolloutConfig {
  return {
    strategy: 'canary',
    steps: [10, 50, 100],
    onCancel: 'rollback',
    bake: 30_000,
    mirror: 0,
    analysis: { interval: 5000, minRequests: 20, maxErrorRate: 0.01, compareToBaseline: false },
    ...over,
  };
}

const shift = (weight: number) => ({ kind: 'shift', weight, mirror: 0, preview: false });
const pause = { kind: 'pause' };

describe('planSteps', () => {
  test('canary: the configured steps in order', () => {
    expect(planSteps(cfg({ steps: [10, 50, 100] }))).toEqual([shift(10), shift(50), shift(100)]);
  });

  test('canary: a final 100 is appended when the last number is below 100', () => {
    expect(planSteps(cfg({ steps: [10, 50] }))).toEqual([shift(10), shift(50), shift(100)]);
    expect(planSteps(cfg({ steps: [99] }))).toEqual([shift(99), shift(100)]);
    expect(planSteps(cfg({ steps: [] }))).toEqual([shift(100)]);
  });

  test('canary: pauses stay where they are; the 100 is appended after a trailing pause', () => {
    expect(planSteps(cfg({ steps: [10, 'pause', 50] }))).toEqual([shift(10), pause, shift(50), shift(100)]);
    expect(planSteps(cfg({ steps: [10, 50, 'pause'] }))).toEqual([shift(10), shift(50), pause, shift(100)]);
  });

  test('canary: a pause after the last shift (at 100) pauses before promotion', () => {
    expect(planSteps(cfg({ steps: [10, 100, 'pause'] }))).toEqual([shift(10), shift(100), pause]);
  });

  test('linear: the (expanded) steps as given', () => {
    expect(planSteps(cfg({ strategy: 'linear', steps: [25, 50, 75, 100] }))).toEqual([shift(25), shift(50), shift(75), shift(100)]);
    expect(planSteps(cfg({ strategy: 'linear', steps: [33, 66] }))).toEqual([shift(33), shift(66), shift(100)]);
  });

  test('blue-green: a preview at 0% with the mirror share, then 100%; configured steps ignored', () => {
    expect(planSteps(cfg({ strategy: 'blue-green', mirror: 20, steps: [10, 'pause'] }))).toEqual([
      { kind: 'shift', weight: 0, mirror: 20, preview: true },
      shift(100),
    ]);
    expect(planSteps(cfg({ strategy: 'blue-green', mirror: 0 }))).toEqual([
      { kind: 'shift', weight: 0, mirror: 0, preview: true },
      shift(100),
    ]);
  });

  test('all-at-once: 100%', () => {
    expect(planSteps(cfg({ strategy: 'all-at-once', steps: [10, 50] }))).toEqual([shift(100)]);
  });

  test('weights outside 0..100 or not whole are refused', () => {
    expect(() => planSteps(cfg({ steps: [10, 150] }))).toThrow('rollout step must be an integer percent from 0 to 100 (got 150)');
    expect(() => planSteps(cfg({ steps: [12.5] }))).toThrow(/got 12.5/);
    expect(() => planSteps(cfg({ strategy: 'blue-green', mirror: -1 }))).toThrow(/mirror share/);
  });
});
