import { JsonObject, KubeObject, deepCopy, isObject, kubeTime } from './fake-kube-core';
import { EventRecorder } from './fake-kube-events';
import { resourceByKind } from './fake-kube-resources';
import { Store } from './fake-kube-store';

/**
 * A trivial horizontal pod autoscaler controller for the FAKE Kubernetes API server, from
 * the Kubernetes "Horizontal Pod Autoscaling" documentation and the controller's documented
 * status: the fake has no metrics server, so no HPA can compute a replica count from its
 * metrics, and what the real controller then does is all this one does:
 *
 * - a target with `spec.replicas: 0` is left alone (condition ScalingActive False,
 *   ScalingDisabled), as autoscaling is disabled for it;
 * - a Deployment whose spec.replicas is above maxReplicas or below minReplicas (default 1)
 *   is rescaled to the bound at once (AbleToScale True SucceededRescale, a SuccessfulRescale
 *   event "New size: N; reason: Current number of replicas above Spec.MaxReplicas", and
 *   status.lastScaleTime); the write is an Update of spec.replicas by the field manager
 *   `horizontal-pod-autoscaler`, so a later server-side apply that sets another replica
 *   count conflicts with it (or takes it over with force), as with the real controller;
 * - within the bounds the count is held: AbleToScale True SucceededGetScale, ScalingActive
 *   False with the failure reason of the first metric (FailedGetResourceMetric for the
 *   default cpu metric), desiredReplicas kept at its last value (0 until a first rescale),
 *   currentReplicas the target's spec.replicas; FailedGetResourceMetric and
 *   FailedComputeMetricsReplicas warning events at most every 15 s per HPA;
 * - a scaleTargetRef naming no Deployment: AbleToScale False FailedGetScale.
 *
 * Runs every 500 ms over at most 500 HPAs a pass; stops on close.
 *
 * Deviations: the real controller writes through the Deployment's `scale` subresource as
 * `kube-controller-manager` (managedFields subresource "scale") and resyncs every 15 s;
 * status.currentMetrics (entries of `type: ""` when metrics fail) is not written; only
 * apps/v1 Deployment targets are understood.
 */

export const HPA_FIELD_MANAGER = 'horizontal-pod-autoscaler';
const PERIOD_MS = 500;
const MAX_PER_PASS = 500;
const EVENT_EVERY_MS = 15_000;
const SOURCE = { component: 'horizontal-pod-autoscaler' };

const METRIC_FAILURE: Record<string, { reason: string; message: (m: JsonObject) => string }> = {
  Resource: {
    reason: 'FailedGetResourceMetric',
    message: (m) => {
      const name = isObject(m.resource) ? String(m.resource.name) : 'cpu';
      return `the HPA was unable to compute the replica count: failed to get ${name} utilization: unable to get metrics for resource ${name}: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)`;
    },
  },
  ContainerResource: {
    reason: 'FailedGetContainerResourceMetric',
    message: () =>
      'the HPA was unable to compute the replica count: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)',
  },
  Pods: {
    reason: 'FailedGetPodsMetric',
    message: () =>
      'the HPA was unable to compute the replica count: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered',
  },
  Object: {
    reason: 'FailedGetObjectMetric',
    message: () =>
      'the HPA was unable to compute the replica count: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered',
  },
  External: {
    reason: 'FailedGetExternalMetric',
    message: () =>
      'the HPA was unable to compute the replica count: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered',
  },
};

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  lastTransitionTime?: unknown;
}

export class HpaController {
  private readonly timer: NodeJS.Timeout;
  private readonly lastEvent = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly events: EventRecorder,
  ) {
    this.timer = setInterval(() => this.sync(), PERIOD_MS);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
  }

  /** one pass over the HPAs (the timer calls it) */
  sync(): void {
    if (this.closed) return;
    for (const hpa of this.store.peekAll('HorizontalPodAutoscaler').slice(0, MAX_PER_PASS)) {
      try {
        this.reconcile(hpa);
      } catch {
        // the next pass tries again, as the controller's work queue does
      }
    }
  }

  private reconcile(live: KubeObject): void {
    const hpa = deepCopy(live);
    const ns = String(hpa.metadata.namespace);
    const name = String(hpa.metadata.name);
    const spec = isObject(hpa.spec) ? hpa.spec : {};
    const status: JsonObject = isObject(hpa.status) ? deepCopy(hpa.status) : {};
    const conditions: JsonObject[] = Array.isArray(status.conditions) ? status.conditions.filter(isObject) : [];
    // the lastTransitionTime moves only when the status of the condition changes
    const setCondition = (c: Condition) => {
      const i = conditions.findIndex((x) => x.type === c.type);
      const old = i >= 0 ? conditions[i] : undefined;
      const next: JsonObject = { ...c, lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : kubeTime() };
      if (old) conditions.splice(i, 1, next);
      else conditions.push(next);
    };
    const writeStatus = (s: JsonObject) => {
      status.conditions = conditions;
      this.store.putStatus('HorizontalPodAutoscaler', ns, name, { ...status, ...s });
    };
    const ref = isObject(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
    const group = (typeof ref.apiVersion === 'string' ? ref.apiVersion : '').split('/')[0];
    const target =
      ref.kind === 'Deployment' && group === 'apps' && typeof ref.name === 'string'
        ? this.store.peek('Deployment', ns, ref.name)
        : undefined;
    if (!target) {
      const message =
        ref.kind === 'Deployment' && group === 'apps'
          ? `the HPA controller was unable to get the target's current scale: deployments.apps ${JSON.stringify(ref.name)} not found`
          : `the HPA controller was unable to get the target's current scale: no matches for kind ${JSON.stringify(ref.kind)} in group ${JSON.stringify(group)}`;
      setCondition({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message });
      this.event(hpa, 'FailedGetScale', message);
      return writeStatus({});
    }
    const targetSpec = isObject(target.spec) ? target.spec : {};
    const current = typeof targetSpec.replicas === 'number' ? targetSpec.replicas : 1;
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
    const max = typeof spec.maxReplicas === 'number' ? spec.maxReplicas : current;
    setCondition({
      type: 'AbleToScale',
      status: 'True',
      reason: 'SucceededGetScale',
      message: "the HPA controller was able to get the target's current scale",
    });
    if (current === 0 && min !== 0) {
      setCondition({
        type: 'ScalingActive',
        status: 'False',
        reason: 'ScalingDisabled',
        message: 'scaling is disabled since the replica count of the target is zero',
      });
      return writeStatus({ currentReplicas: current, desiredReplicas: 0 });
    }
    const desired = current > max ? max : current < min ? min : undefined;
    if (desired === undefined) {
      const metrics =
        Array.isArray(spec.metrics) && spec.metrics.length > 0
          ? spec.metrics.filter(isObject)
          : [{ type: 'Resource', resource: { name: 'cpu' } }];
      const first = metrics[0] ?? { type: 'Resource' };
      const failure = METRIC_FAILURE[String(first.type)] ?? METRIC_FAILURE.Resource;
      const message = failure.message(first);
      setCondition({ type: 'ScalingActive', status: 'False', reason: failure.reason, message });
      this.event(hpa, failure.reason, message.replace(/^the HPA was unable to compute the replica count: /, ''));
      this.event(
        hpa,
        'FailedComputeMetricsReplicas',
        `invalid metrics (${metrics.length} invalid out of ${metrics.length}), first error is: ${message.replace(/^the HPA was unable to compute the replica count: /, '')}`,
      );
      return writeStatus({
        currentReplicas: current,
        desiredReplicas: typeof status.desiredReplicas === 'number' ? status.desiredReplicas : 0,
      });
    }
    const reason =
      current > max ? 'Current number of replicas above Spec.MaxReplicas' : 'Current number of replicas below Spec.MinReplicas';
    try {
      const next = deepCopy(target);
      (next.spec as JsonObject).replicas = desired;
      this.store.replace(resourceByKind('Deployment'), ns, String(target.metadata.name), next, { manager: HPA_FIELD_MANAGER });
    } catch (err: unknown) {
      const message = `the HPA controller was unable to update the target scale: ${err instanceof Error ? err.message : String(err)}`;
      setCondition({ type: 'AbleToScale', status: 'False', reason: 'FailedUpdateScale', message });
      this.events.record(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${message}`, SOURCE);
      return writeStatus({ currentReplicas: current });
    }
    setCondition({
      type: 'AbleToScale',
      status: 'True',
      reason: 'SucceededRescale',
      message: `the HPA controller was able to update the target scale to ${desired}`,
    });
    this.events.record(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`, SOURCE);
    writeStatus({ currentReplicas: current, desiredReplicas: desired, lastScaleTime: kubeTime() });
  }

  /** a warning event, at most every 15 s per HPA and reason (the real controller syncs every 15 s) */
  private event(hpa: KubeObject, reason: string, message: string): void {
    const key = `${String(hpa.metadata.uid)}/${reason}`;
    const now = Date.now();
    if (now - (this.lastEvent.get(key) ?? 0) < EVENT_EVERY_MS) return;
    if (this.lastEvent.size > 10_000) this.lastEvent.clear();
    this.lastEvent.set(key, now);
    this.events.record(hpa, 'Warning', reason, message, SOURCE);
  }
}
