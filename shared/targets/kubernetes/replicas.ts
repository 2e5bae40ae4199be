/**
 * Canary arithmetic of the `replicas` routing mode: the endpoint's Service spreads
 * requests over every ready pod of the deployments in its pool, so a deployment's share
 * is its replica count over the pool's. The stable deployment keeps its full count until
 * it leaves the pool; a canary at weight w gets max(1, round(total x w / 100)) replicas.
 */
export function canaryReplicas(total: number, weight: number): number {
  if (weight <= 0) return 0;
  if (weight >= 100) return total;
  return Math.max(1, Math.round((total * weight) / 100));
}

export interface ReplicaPlan {
  /** replicas per deployment in the pool (weight > 0) */
  replicas: Record<string, number>;
  /** the share of requests each deployment really gets, in percent (rounded to 0.1) */
  share: Record<string, number>;
}

/**
 * Replicas for a traffic map. `stable` (the deployment that already serves) keeps
 * `total` while it has any weight; every other deployment with weight gets the canary
 * count. A deployment with weight 0 leaves the pool.
 */
export function planReplicas(total: number, traffic: Record<string, number>, stable: string | undefined): ReplicaPlan {
  const replicas: Record<string, number> = {};
  for (const [name, weight] of Object.entries(traffic)) {
    if (weight <= 0) continue;
    replicas[name] = name === stable ? total : canaryReplicas(total, weight);
  }
  const sum = Object.values(replicas).reduce((a, b) => a + b, 0);
  const share: Record<string, number> = {};
  for (const name of Object.keys(traffic)) share[name] = sum === 0 ? 0 : Math.round(((replicas[name] ?? 0) / sum) * 1000) / 10;
  return { replicas, share };
}
