import type { V1Deployment } from '@kubernetes/client-node';
import { KubernetesRouting, KubernetesTargetConfig, LatencyUnit, PrometheusQueries } from '../../../config/types';
import { KubeApi } from '../kube-api';
import { ObjectKind } from '../kinds';
import { Workloads } from '../workloads';

/**
 * How an endpoint's traffic is split between its deployments: one implementation per
 * routing mode (one file each, registered in ./index.ts), the way Flagger pairs a router
 * with the metrics its proxy exports.
 */
export interface RoutingScope {
  api: KubeApi;
  endpoint: string;
  namespace: string;
  config: KubernetesTargetConfig;
  /** replicas of a serving deployment */
  replicas: number;
  workloads: Workloads;
  log: (line: string) => void;
  pollMs: number;
}

export interface WeightChange {
  /** percent per deployment, summing to 100 */
  traffic: Record<string, number>;
  /** percent of requests mirrored per deployment */
  mirror: Record<string, number>;
  /** the endpoint's Deployments by deployment name */
  deployments: Map<string, V1Deployment>;
  /** the deployment that served before this change: the rollout's stable one, else the heaviest */
  stable?: string;
  /** all traffic back on the stable deployment (a rollback): readiness problems are reported, never abort it */
  restoring: boolean;
}

export interface TrafficRouter {
  readonly mode: KubernetesRouting;
  /** kinds of the routing objects it owns: destroy removes them, the Role must grant them */
  readonly kinds: readonly ObjectKind[];
  readonly canMirror: boolean;
  /** false: the split is approximate (replica ratios); the real share is what is reported */
  readonly exactWeights: boolean;
  /** analysis queries over the series of the proxy this mode routes through; undefined: no proxy in the path */
  readonly metrics?: { queries: PrometheusQueries; latencyUnit: LatencyUnit };
  /** apply the weights; resolves with the share of requests each deployment really gets, read back */
  setWeights(scope: RoutingScope, change: WeightChange): Promise<Record<string, number>>;
  /**
   * Make `deployment` reachable with the deployment header while it has no weight, so that
   * probe, shadow and preview traffic reach it through target.kubernetes.url. False where
   * the mode has no header routing (then the API server's service proxy reaches it).
   */
  setHeaderRoute(scope: RoutingScope, deployment: string, change: WeightChange): Promise<boolean>;
  /** stop routing anything to `deployment` (its header route), before it is removed */
  forget(scope: RoutingScope, deployment: string, change: WeightChange): Promise<void>;
  /** resolves when the data plane serves the last change (bounded); rejects naming what it saw */
  verify(scope: RoutingScope, timeoutMs: number): Promise<void>;
}

/** `names` joined as `a 10%, b 90%` */
export function describeWeights(weights: Record<string, number>): string {
  return Object.entries(weights)
    .map(([name, weight]) => `${name} ${weight}%`)
    .join(', ');
}
