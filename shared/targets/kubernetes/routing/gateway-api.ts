import { ROUTE_KIND } from '../kinds';
import { endpointNames } from '../names';
import { HttpRouteObject, httpRouteObject } from '../objects';
import { RoutingScope, TrafficRouter, WeightChange, describeWeights } from './router';

/**
 * routing: gateway-api. One HTTPRoute: a rule per deployment matching the deployment
 * header (header matches win over the path-only rule), and a path rule whose weighted
 * backendRefs are the traffic split, with RequestMirror filters for mirrored shares. A
 * change is served once the Gateway has accepted the route at its current generation
 * (status.parents[].conditions Accepted and ResolvedRefs), which `verify` waits for.
 * Default metrics: Istio's (the most common Gateway implementation exporting per-backend
 * series); other implementations set target.kubernetes.prometheus.queries.
 */
const ISTIO_SERIES = '{reporter="source",destination_service_namespace="{namespace}",destination_service_name="{service}"}';

export const gatewayApiRouter: TrafficRouter = {
  mode: 'gateway-api',
  kinds: [ROUTE_KIND],
  canMirror: true,
  exactWeights: true,
  metrics: {
    queries: {
      requests: `istio_requests_total${ISTIO_SERIES}`,
      errors: `istio_requests_total${ISTIO_SERIES.replace(/}$/, ',response_code=~"5.."}')}`,
      latencyBuckets: `istio_request_duration_milliseconds_bucket${ISTIO_SERIES}`,
    },
    latencyUnit: 'milliseconds',
  },

  async setWeights(scope: RoutingScope, change: WeightChange): Promise<Record<string, number>> {
    const { api, endpoint, namespace, log } = scope;
    const gateway = scope.config.gateway;
    if (!gateway) throw new Error(`routing 'gateway-api' needs target.kubernetes.gateway`);
    const names = endpointNames(endpoint);
    await api.apply(httpRouteObject(endpoint, namespace, gateway, change.traffic, change.mirror, [...change.deployments.keys()]));
    const route = await api.read<HttpRouteObject>({ ...ROUTE_KIND, namespace, name: names.route });
    const got: Record<string, number> = Object.fromEntries(Object.keys(change.traffic).map((n) => [n, 0]));
    // the weighted rule is the one without header matches
    const weighted = route?.spec?.rules?.find((r) => r.matches.every((m) => !m.headers?.length));
    for (const ref of weighted?.backendRefs ?? []) {
      const name = Object.keys(change.traffic).find((n) => names.deployment(n) === ref.name);
      if (name) got[name] = ref.weight ?? 1;
    }
    log(
      `${endpoint}: HTTPRoute ${names.route} weights ${describeWeights(got)}${Object.keys(change.mirror).length ? `, mirror ${JSON.stringify(change.mirror)}` : ''}`,
    );
    return got;
  },

  async setHeaderRoute(scope: RoutingScope, deployment: string, change: WeightChange): Promise<boolean> {
    const { api, endpoint, namespace, log } = scope;
    const gateway = scope.config.gateway;
    if (!gateway) throw new Error(`routing 'gateway-api' needs target.kubernetes.gateway`);
    // no route yet: the first deployment takes everything, nothing to preview
    if (!Object.values(change.traffic).some((w) => w > 0)) return false;
    const headerRoutes = [...new Set([...change.deployments.keys(), deployment])];
    await api.apply(httpRouteObject(endpoint, namespace, gateway, change.traffic, change.mirror, headerRoutes));
    log(
      `${endpoint}: HTTPRoute ${endpointNames(endpoint).route} routes requests with the deployment header '${deployment}' to it (weight 0)`,
    );
    await this.verify(scope, Math.max(30_000, scope.config.scaleDownDelay));
    return true;
  },

  async forget(scope: RoutingScope, deployment: string, change: WeightChange): Promise<void> {
    const gateway = scope.config.gateway;
    if (!gateway || !Object.values(change.traffic).some((w) => w > 0)) return;
    const rest = [...change.deployments.keys()].filter((n) => n !== deployment);
    const traffic = Object.fromEntries(Object.entries(change.traffic).filter(([n]) => n !== deployment));
    const mirror = Object.fromEntries(Object.entries(change.mirror).filter(([n]) => n !== deployment));
    await scope.api.apply(httpRouteObject(scope.endpoint, scope.namespace, gateway, traffic, mirror, rest));
  },

  async verify(scope: RoutingScope, timeoutMs: number): Promise<void> {
    const { api, endpoint, namespace, log } = scope;
    const gateway = scope.config.gateway;
    const name = endpointNames(endpoint).route;
    const deadline = Date.now() + timeoutMs;
    let seen = 'no status from the Gateway yet';
    let announced = false;
    for (;;) {
      const route = await api.read<HttpRouteObject>({ ...ROUTE_KIND, namespace, name });
      const generation = route?.metadata?.generation ?? 0;
      const parent = route?.status?.parents?.find(
        (p) => p.parentRef.name === gateway?.name && (p.parentRef.namespace ?? namespace) === (gateway?.namespace ?? namespace),
      );
      if (parent) {
        const condition = (type: string) => parent.conditions?.find((c) => c.type === type);
        const accepted = condition('Accepted');
        const resolved = condition('ResolvedRefs');
        const current = (c: typeof accepted) => c !== undefined && (c.observedGeneration ?? 0) >= generation;
        if (accepted?.status === 'True' && resolved?.status === 'True' && current(accepted) && current(resolved)) return;
        seen = [accepted, resolved]
          .filter((c) => c !== undefined)
          .map(
            (c) =>
              `${c.type}=${c.status}${c.reason ? ` (${c.reason}${c.message ? `: ${c.message}` : ''})` : ''} at generation ${c.observedGeneration ?? '?'}`,
          )
          .join(', ');
        if (resolved?.status === 'False' && current(resolved))
          throw new Error(`Gateway ${gateway?.name} did not resolve the backends of HTTPRoute ${namespace}/${name}: ${seen}`);
      }
      if (Date.now() >= deadline)
        throw new Error(
          `Gateway ${gateway?.name} has not accepted HTTPRoute ${namespace}/${name} at generation ${generation} within ${Math.round(timeoutMs / 1000)} s (${seen}); check the Gateway's controller and the route's status`,
        );
      if (!announced) log(`${endpoint}: waiting for Gateway ${gateway?.name} to accept HTTPRoute ${name} at generation ${generation}`);
      announced = true;
      await new Promise((r) => setTimeout(r, Math.min(scope.pollMs, 500)));
    }
  },
};
