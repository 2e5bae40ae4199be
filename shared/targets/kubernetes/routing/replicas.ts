import type { V1Deployment } from '@kubernetes/client-node';
import { poolServiceObject } from '../objects';
import { LABELS } from '../names';
import { planReplicas } from '../replicas';
import { specOf } from '../workloads';
import { RoutingScope, TrafficRouter, WeightChange, describeWeights } from './router';

/**
 * routing: replicas. The endpoint's Service selects the pods of every deployment in its
 * pool, so a deployment's share is its ready replicas over the pool's: approximate (10%
 * of 5 replicas is 1 pod of 6, 16.7%), and the real share is what is reported. No header
 * routing (the deployment header reaches a deployment through its own Service) and no
 * proxy in the path whose metrics Prometheus could read.
 */
export const replicasRouter: TrafficRouter = {
  mode: 'replicas',
  kinds: [],
  canMirror: false,
  exactWeights: false,
  metrics: undefined,

  async setWeights(scope: RoutingScope, change: WeightChange): Promise<Record<string, number>> {
    const { api, endpoint, namespace, workloads, log } = scope;
    const { traffic, deployments } = change;
    await api.apply(poolServiceObject(endpoint, namespace));
    const names = [...deployments.keys()];
    const deployment = (name: string) => deployments.get(name) as V1Deployment;
    const stable = change.stable !== undefined && deployments.has(change.stable) ? change.stable : undefined;
    const plan = planReplicas(scope.replicas, traffic, stable);
    const grow = names.filter((n) => (traffic[n] ?? 0) > 0);
    // the stable one at 0% (the last canary step) leaves the pool but keeps its replicas until
    // it is removed, so a rollback has its capacity; anything else without weight goes to 0
    const leaving = names.filter((n) => n === stable && n in traffic && traffic[n] === 0);
    const dropped = names.filter((n) => !grow.includes(n) && !leaving.includes(n));
    // first everything that gains or keeps traffic, ready; only then what loses it
    for (const name of grow) await workloads.resize(endpoint, namespace, deployment(name), plan.replicas[name], true);
    const problems: string[] = [];
    for (const name of grow) {
      const problem = await workloads.waitReady(endpoint, namespace, name, specOf(deployment(name)).readyTimeout, {
        abort: !change.restoring,
      });
      if (problem) problems.push(problem);
    }
    if (problems.length) log(`${endpoint}: restoring traffic although not every pod is ready:\n${problems.join('\n')}`);
    const pool = await workloads.readPool(endpoint, namespace);
    const unconfirmed = grow.filter((n) => (pool[n] ?? 0) !== plan.replicas[n]);
    if (unconfirmed.length && !change.restoring) {
      log(`${endpoint}: the pool does not have the planned ready pods (${JSON.stringify(pool)} for ${JSON.stringify(plan.replicas)})`);
      return shareOf(pool, Object.keys(traffic));
    }
    for (const name of leaving) {
      await workloads.resize(endpoint, namespace, deployment(name), scope.replicas, false);
      // a rolling update: its pods in the pool go once the replacements outside it are ready
      await workloads.waitReady(endpoint, namespace, name, specOf(deployment(name)).readyTimeout, { abort: !change.restoring });
    }
    for (const name of dropped) {
      const dropping = deployment(name);
      // only what was in the pool: a new deployment outside it (a blue-green preview) keeps its pods for probe traffic
      if ((dropping.spec?.replicas ?? 1) > 0 && dropping.spec?.template?.metadata?.labels?.[LABELS.pool] !== undefined)
        await workloads.resize(endpoint, namespace, dropping, 0, false);
    }
    // scaling down is asynchronous: wait (bounded) until the pool holds only what takes traffic
    const deadline = Date.now() + Math.max(...[...leaving, ...dropped].map((n) => specOf(deployment(n)).readyTimeout), 0);
    let after = await workloads.readPool(endpoint, namespace);
    let stray = Object.keys(after).filter((n) => !grow.includes(n) && after[n] > 0);
    while (stray.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, Math.min(scope.pollMs, 250)));
      after = await workloads.readPool(endpoint, namespace);
      stray = Object.keys(after).filter((n) => !grow.includes(n) && after[n] > 0);
    }
    if (stray.length)
      log(
        `${endpoint}: ${stray.join(', ')} still ${stray.length === 1 ? 'has' : 'have'} ready pods in the pool (${JSON.stringify(after)})`,
      );
    const share = shareOf(after, Object.keys(traffic));
    const desc = grow.map((n) => `${n} ${after[n] ?? 0}`).join(' + ');
    log(
      `${endpoint}: replicas ${desc} → real share ${describeWeights(share)} (asked ${describeWeights(traffic)})${leaving.length ? `; ${leaving.join(', ')} out of the pool with its ${scope.replicas} replicas kept` : ''}`,
    );
    return share;
  },

  setHeaderRoute(): Promise<boolean> {
    return Promise.resolve(false);
  },

  forget(): Promise<void> {
    return Promise.resolve();
  },

  verify(): Promise<void> {
    // the pool was read back from the pods' readiness: nothing else to wait for
    return Promise.resolve();
  },
};

/** ready pods per deployment → percent of requests, to 0.1 (every asked deployment listed) */
function shareOf(pool: Record<string, number>, names: string[]): Record<string, number> {
  const sum = Object.values(pool).reduce((a, b) => a + b, 0);
  return Object.fromEntries(
    [...new Set([...names, ...Object.keys(pool)])].map((n) => [n, sum ? Math.round(((pool[n] ?? 0) / sum) * 1000) / 10 : 0]),
  );
}
