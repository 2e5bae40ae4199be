import { ShuffledBlocks, neverReached } from '../../shared/targets/local/router';
import { seeded } from '../helpers/seeded';

// chi-square critical values at significance 0.001, by degrees of freedom (N kinds - 1)
const CHI2_CRITICAL_0_001: Record<number, number> = { 1: 10.828, 2: 13.816, 6: 22.458, 9: 27.877, 19: 43.82 };

/**
 * Goodness of fit of the kinds the canary saw against the whole traffic's mix of kinds:
 * sum over kinds of (observed - expected)^2 / expected.
 */
function chiSquare(canaryByKind: number[], allByKind: number[]): number {
  const canary = canaryByKind.reduce((a, b) => a + b, 0);
  const all = allByKind.reduce((a, b) => a + b, 0);
  let chi2 = 0;
  for (let k = 0; k < allByKind.length; k++) {
    const expected = (canary * allByKind[k]) / all;
    chi2 += (canaryByKind[k] - expected) ** 2 / expected;
  }
  return chi2;
}

/** a client cycling through `kinds` kinds of request; returns what the canary (index 1) saw */
function cycle(choose: () => number, kinds: number, requests: number): { canaryByKind: number[]; allByKind: number[] } {
  const canaryByKind = new Array<number>(kinds).fill(0);
  const allByKind = new Array<number>(kinds).fill(0);
  for (let i = 0; i < requests; i++) {
    const kind = i % kinds;
    allByKind[kind] += 1;
    if (choose() === 1) canaryByKind[kind] += 1;
  }
  return { canaryByKind, allByKind };
}

/** the previous chooser, smooth weighted round robin: exact but periodic (the negative control) */
function smoothRoundRobin(weights: number[]): () => number {
  const current = weights.map(() => 0);
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let best = 0;
    for (let i = 0; i < weights.length; i++) {
      current[i] += weights[i];
      if (current[i] > current[best]) best = i;
    }
    current[best] -= total;
    return best;
  };
}

const REQUESTS = 2000;

describe('router chooser: shuffled blocks', () => {
  describe.each([10, 50])('canary at %i%%', (share) => {
    it.each([2, 3, 7, 10, 20])(
      'a client cycling through %i kinds of request gives the canary the same mix of kinds as the whole traffic (chi-square, p = 0.001, 2000 requests, seeded)',
      (kinds) => {
        const blocks = new ShuffledBlocks([100 - share, share], seeded(1000 * share + kinds));
        const { canaryByKind, allByKind } = cycle(() => blocks.next(), kinds, REQUESTS);
        // 2000 requests are 20 whole blocks: the canary's count is exact
        expect(canaryByKind.reduce((a, b) => a + b, 0)).toBe((REQUESTS * share) / 100);
        // every kind reached the canary, in a proportion the uniform mix explains at p = 0.001
        expect(Math.min(...canaryByKind)).toBeGreaterThan(0);
        expect(chiSquare(canaryByKind, allByKind)).toBeLessThan(CHI2_CRITICAL_0_001[kinds - 1]);
      },
    );
  });

  it('the same test fails the previous exact round robin (the test has the power to see aliasing)', () => {
    for (const [share, kinds] of [
      [10, 10],
      [10, 20],
      [50, 2],
    ]) {
      const { canaryByKind, allByKind } = cycle(smoothRoundRobin([100 - share, share]), kinds, REQUESTS);
      expect(chiSquare(canaryByKind, allByKind)).toBeGreaterThan(CHI2_CRITICAL_0_001[kinds - 1] * 10);
    }
  });

  it.each([[[90, 10]], [[50, 50]], [[70, 20, 10]], [[99, 1]], [[0, 100]]])(
    'weights %j: every aligned window of 100 decisions is exact; any 100 consecutive decisions stay within ±2·w·(100−w)/100',
    (weights) => {
      const blocks = new ShuffledBlocks(weights, seeded(7));
      const picks = Array.from({ length: 20_000 }, () => blocks.next());
      for (let start = 0; start < picks.length; start += 100) {
        const window = picks.slice(start, start + 100);
        weights.forEach((w, i) => expect(window.filter((p) => p === i).length).toBe(w));
      }
      // sliding windows: the stated worst-case tolerance
      weights.forEach((w, i) => {
        const bound = (2 * w * (100 - w)) / 100;
        let inWindow = picks.slice(0, 100).filter((p) => p === i).length;
        let worst = Math.abs(inWindow - w);
        for (let end = 100; end < picks.length; end++) {
          inWindow += (picks[end] === i ? 1 : 0) - (picks[end - 100] === i ? 1 : 0);
          worst = Math.max(worst, Math.abs(inWindow - w));
        }
        expect(worst).toBeLessThanOrEqual(bound);
      });
    },
  );

  it('a retry excludes the failed deployment, goes by weight among the others, and leaves the block exact', () => {
    const blocks = new ShuffledBlocks([80, 15, 5], seeded(3));
    const retries = [0, 0, 0];
    const primary = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) {
      primary[blocks.next()] += 1;
      if (i % 2 === 0) {
        const other = blocks.nextExcept(0);
        expect(other).not.toBe(0);
        retries[other] += 1;
      }
    }
    expect(primary).toEqual([8000, 1500, 500]);
    // 15:5 among the others, within a few standard deviations of 3750 / 1250
    expect(Math.abs(retries[1] - 3750)).toBeLessThan(150);
    expect(new ShuffledBlocks([100, 0], seeded(1)).nextExcept(0)).toBe(-1);
    expect(new ShuffledBlocks([0, 0], seeded(1)).next()).toBe(-1);
  });

  it('rejects weights that are not non-negative integers', () => {
    expect(() => new ShuffledBlocks([50.5, 49.5])).toThrow(RangeError);
    expect(() => new ShuffledBlocks([-1, 101])).toThrow(RangeError);
  });
});

describe('router retry rule: only a request that never reached the deployment', () => {
  it('retries a refused connection, nothing else (a written request may have been processed)', () => {
    expect(neverReached('ECONNREFUSED')).toBe(true);
    for (const code of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', undefined])
      expect(neverReached(code)).toBe(false);
  });
});
