import { KubernetesRouting } from '../../../config/types';
import { gatewayApiRouter } from './gateway-api';
import { nginxIngressRouter } from './nginx-ingress';
import { replicasRouter } from './replicas';
import { TrafficRouter } from './router';

/** one line per routing mode: adding a mode is a new file and a line here (and its name in the schema) */
export const ROUTERS: Record<KubernetesRouting, TrafficRouter> = {
  replicas: replicasRouter,
  'nginx-ingress': nginxIngressRouter,
  'gateway-api': gatewayApiRouter,
};

export type { TrafficRouter, RoutingScope, WeightChange } from './router';
