import { randomBytes } from 'node:crypto';
import { KubeObject, kubeTime } from './fake-kube-core';
import { Store } from './fake-kube-store';

/**
 * core/v1 Events as the kubelet, the scheduler and the deployment controller record them:
 * an event with the same object, reason, message and source is aggregated (count + 1,
 * lastTimestamp moved), as the client-go event correlator does.
 */
export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  private readonly byKey = new Map<string, string>();

  constructor(private readonly store: Store) {}

  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const ns = String(obj.metadata.namespace);
    const objName = String(obj.metadata.name);
    const corr = JSON.stringify([obj.kind, ns, objName, obj.metadata.uid, reason, message, source.component, fieldPath ?? '']);
    const now = kubeTime();
    const existingName = this.byKey.get(corr);
    const existing = existingName ? this.store.peek('Event', ns, existingName) : undefined;
    if (existing) {
      const next = {
        ...existing,
        metadata: { ...existing.metadata },
        count: (typeof existing.count === 'number' ? existing.count : 1) + 1,
        lastTimestamp: now,
      };
      this.store.put(next);
      return;
    }
    const name = `${objName}.${randomBytes(8).toString('hex')}`;
    this.byKey.set(corr, name);
    this.store.put({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: {
        kind: obj.kind,
        namespace: ns,
        name: objName,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    });
  }
}
