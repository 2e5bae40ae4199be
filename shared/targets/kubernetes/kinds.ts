/** apiVersion and kind of every object the Kubernetes target reads or writes */
export interface ObjectKind {
  apiVersion: string;
  kind: string;
}

export const DEPLOYMENT_KIND: ObjectKind = { apiVersion: 'apps/v1', kind: 'Deployment' };
export const REPLICASET_KIND: ObjectKind = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };
export const SERVICE_KIND: ObjectKind = { apiVersion: 'v1', kind: 'Service' };
export const HPA_KIND: ObjectKind = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' };
export const INGRESS_KIND: ObjectKind = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' };
export const ROUTE_KIND: ObjectKind = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute' };
export const CONFIGMAP_KIND: ObjectKind = { apiVersion: 'v1', kind: 'ConfigMap' };
export const SECRET_KIND: ObjectKind = { apiVersion: 'v1', kind: 'Secret' };
export const LEASE_KIND: ObjectKind = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' };
