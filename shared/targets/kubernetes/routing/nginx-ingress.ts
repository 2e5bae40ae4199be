import type { V1Ingress } from '@kubernetes/client-node';
import { INGRESS_KIND } from '../kinds';
import { endpointNames } from '../names';
import { NGINX_CANARY_WEIGHT, ingressObject } from '../objects';
import { RoutingScope, TrafficRouter, WeightChange } from './router';

/**
 * routing: nginx-ingress. A stable Ingress sends everything to one deployment's Service; a
 * canary Ingress (ingress-nginx's canary annotations) sends a weight to another, and every
 * request carrying the deployment header with its name. ingress-nginx applies a change
 * some time after the API server accepted it and publishes no status for it: what lost
 * traffic is removed only after target.kubernetes.scaleDownDelay.
 */
const INGRESS_NGINX_SERIES = '{exported_namespace="{namespace}",exported_service="{service}"}';

export const nginxIngressRouter: TrafficRouter = {
  mode: 'nginx-ingress',
  kinds: [INGRESS_KIND],
  canMirror: false,
  exactWeights: true,
  metrics: {
    queries: {
      requests: `nginx_ingress_controller_requests${INGRESS_NGINX_SERIES}`,
      errors: `nginx_ingress_controller_requests${INGRESS_NGINX_SERIES.replace(/}$/, ',status=~"5.."}')}`,
      latencyBuckets: `nginx_ingress_controller_request_duration_seconds_bucket${INGRESS_NGINX_SERIES}`,
    },
    latencyUnit: 'seconds',
  },

  async setWeights(scope: RoutingScope, change: WeightChange): Promise<Record<string, number>> {
    const { api, endpoint, namespace, log } = scope;
    const { traffic } = change;
    const names = endpointNames(endpoint);
    const cfg = scope.config.ingress ?? { className: 'nginx', path: '/' };
    const live = Object.entries(traffic).filter(([, w]) => w > 0);
    if (live.length > 2)
      throw new Error(`routing 'nginx-ingress' splits traffic between two deployments at most (asked ${JSON.stringify(traffic)})`);
    const currentBackend = backendOf(await api.read<V1Ingress>({ ...INGRESS_KIND, namespace, name: names.route }));
    const primary =
      live.find(([n]) => names.deployment(n) === currentBackend)?.[0] ??
      // a new endpoint: the heavier one is the stable backend
      [...live].sort((a, b) => b[1] - a[1])[0][0];
    const canary = live.find(([n]) => n !== primary);
    // the canary Ingress first when it gains weight, the stable one first when the canary goes away
    await api.apply(ingressObject(endpoint, namespace, cfg, primary));
    if (canary) await api.apply(ingressObject(endpoint, namespace, cfg, canary[0], canary[1]));
    // read back what the API server holds
    const readStable = await api.read<V1Ingress>({ ...INGRESS_KIND, namespace, name: names.route });
    const readCanary = await api.read<V1Ingress>({ ...INGRESS_KIND, namespace, name: names.canaryIngress });
    const got: Record<string, number> = Object.fromEntries(Object.keys(traffic).map((n) => [n, 0]));
    const stableName = Object.keys(traffic).find((n) => names.deployment(n) === backendOf(readStable));
    const canaryName = canary ? Object.keys(traffic).find((n) => names.deployment(n) === backendOf(readCanary)) : undefined;
    const canaryWeight = canaryName ? Number(readCanary?.metadata?.annotations?.[NGINX_CANARY_WEIGHT] ?? 0) : 0;
    if (stableName) got[stableName] = 100 - canaryWeight;
    if (canaryName) got[canaryName] = canaryWeight;
    // no canary: the stable Ingress was read back with the whole traffic, now the canary Ingress can go
    if (!canary && readCanary) await api.delete({ ...INGRESS_KIND, namespace, name: names.canaryIngress });
    log(
      `${endpoint}: Ingress ${names.route} → ${backendOf(readStable)}${canaryName ? `, canary Ingress ${names.canaryIngress} → ${backendOf(readCanary)} weight ${canaryWeight}` : ''}`,
    );
    return got;
  },

  async setHeaderRoute(scope: RoutingScope, deployment: string, change: WeightChange): Promise<boolean> {
    const { api, endpoint, namespace, log } = scope;
    const names = endpointNames(endpoint);
    const stableIngress = await api.read<V1Ingress>({ ...INGRESS_KIND, namespace, name: names.route });
    // no stable Ingress yet: the first deployment takes everything, nothing to preview
    if (!stableIngress || backendOf(stableIngress) === names.deployment(deployment)) return false;
    const canaryIngress = await api.read<V1Ingress>({ ...INGRESS_KIND, namespace, name: names.canaryIngress });
    const other = backendOf(canaryIngress);
    const otherWeight = Number(canaryIngress?.metadata?.annotations?.[NGINX_CANARY_WEIGHT] ?? 0);
    if (other && other !== names.deployment(deployment) && otherWeight > 0)
      throw new Error(
        `routing 'nginx-ingress' has one canary Ingress per host and path, and it sends ${otherWeight}% to ${other}: finish that rollout first`,
      );
    await api.apply(
      ingressObject(
        endpoint,
        namespace,
        scope.config.ingress ?? { className: 'nginx', path: '/' },
        deployment,
        change.traffic[deployment] ?? 0,
      ),
    );
    log(`${endpoint}: canary Ingress ${names.canaryIngress} at weight 0 routes requests with the deployment header '${deployment}' to it`);
    return true;
  },

  async forget(scope: RoutingScope, deployment: string): Promise<void> {
    const { api, endpoint, namespace } = scope;
    const names = endpointNames(endpoint);
    const canaryIngress = await api.read<V1Ingress>({ ...INGRESS_KIND, namespace, name: names.canaryIngress });
    // the canary Ingress of a deployment at 0% (its header route) goes with it
    if (backendOf(canaryIngress) === names.deployment(deployment))
      await api.delete({ ...INGRESS_KIND, namespace, name: names.canaryIngress });
  },

  verify(): Promise<void> {
    // ingress-nginx reports nothing per change: scaleDownDelay covers its sync
    return Promise.resolve();
  },
};

function backendOf(ingress: V1Ingress | undefined): string | undefined {
  return ingress?.spec?.rules?.[0]?.http?.paths?.[0]?.backend?.service?.name;
}
