import type { V1ConfigMap } from '@kubernetes/client-node';
import { EndpointRecord } from '../target';
import { KubeApi } from './kube-api';
import { CONFIGMAP_KIND } from './kinds';
import { ANNOTATIONS, endpointNames } from './names';
import { stateObject } from './objects';

/**
 * The endpoint's durable state, as annotations of one ConfigMap: the weights and mirror
 * shares last confirmed by the router (the real shares), when each deployment stopped
 * taking traffic (so that nothing is removed before the data plane has drained it), and
 * the rollout record.
 */
export interface StoredState {
  traffic: Record<string, number>;
  mirror: Record<string, number>;
  /** ISO time a deployment's weight last went to 0, by deployment */
  drainedAt: Record<string, string>;
  record: EndpointRecord;
}

export class EndpointStore {
  constructor(private readonly api: KubeApi) {}

  async read(endpoint: string, namespace: string): Promise<StoredState> {
    const configMap = await this.api.read<V1ConfigMap>({ ...CONFIGMAP_KIND, namespace, name: endpointNames(endpoint).state });
    const annotations = configMap?.metadata?.annotations ?? {};
    return {
      traffic: parseJson<Record<string, number>>(annotations[ANNOTATIONS.traffic]) ?? {},
      mirror: parseJson<Record<string, number>>(annotations[ANNOTATIONS.mirror]) ?? {},
      drainedAt: parseJson<Record<string, string>>(annotations[ANNOTATIONS.drainedAt]) ?? {},
      record: parseJson<EndpointRecord>(annotations[ANNOTATIONS.record]) ?? {},
    };
  }

  async write(endpoint: string, namespace: string, state: StoredState): Promise<void> {
    await this.api.apply(stateObject(endpoint, namespace, state));
  }
}

export function parseJson<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
