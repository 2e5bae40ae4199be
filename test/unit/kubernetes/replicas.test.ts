import { canaryReplicas, planReplicas } from '../../../shared/targets/kubernetes/replicas';

/**
 * Canary arithmetic of the replicas routing mode: canary = max(1, round(total x w / 100)),
 * and the stable deployment keeps `total` while it has weight. Expected values are worked
 * out by hand.
 */
describe('canaryReplicas(total, weight)', () => {
  // [total, weight, canary replicas, real canary share in % while stable keeps `total`]
  const table: Array<[number, number, number, number]> = [
    [1, 1, 1, 50],
    [1, 50, 1, 50],
    [1, 99, 1, 50],
    [1, 100, 1, 100],
    [2, 1, 1, 33.3],
    [2, 50, 1, 33.3],
    [2, 99, 2, 50],
    [2, 100, 2, 100],
    [3, 1, 1, 25],
    [3, 50, 2, 40],
    [3, 99, 3, 50],
    [3, 100, 3, 100],
    [10, 1, 1, 9.1],
    [10, 50, 5, 33.3],
    [10, 99, 10, 50],
    [10, 100, 10, 100],
  ];

  it.each(table)('total %i at %i%% → %i canary replicas, real share %f%%', (total, weight, replicas, share) => {
    expect(canaryReplicas(total, weight)).toBe(replicas);
    const traffic = weight === 100 ? { stable: 0, canary: 100 } : { stable: 100 - weight, canary: weight };
    const plan = planReplicas(total, traffic, 'stable');
    expect(plan.replicas.canary).toBe(replicas);
    expect(plan.replicas.stable).toBe(weight === 100 ? undefined : total);
    expect(plan.share.canary).toBe(share);
  });

  it('a weight of 0 takes a deployment out of the pool', () => {
    expect(canaryReplicas(10, 0)).toBe(0);
    const plan = planReplicas(4, { blue: 100, green: 0 }, 'green');
    expect(plan.replicas).toEqual({ blue: 4 });
    expect(plan.share).toEqual({ blue: 100, green: 0 });
  });

  it('the first deployment of an endpoint (no stable yet) gets the full count at 100%', () => {
    expect(planReplicas(3, { blue: 100 }, undefined)).toEqual({ replicas: { blue: 3 }, share: { blue: 100 } });
  });
});
