import type { V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import type { KubeApi } from './kube-api';

/**
 * Waiting for a Deployment to be ready, and failing fast with the evidence when it will
 * not be: pod events and the last log lines go into the error.
 */

const REVISION = 'deployment.kubernetes.io/revision';

/** container states that do not get better by waiting */
const HOPELESS_WAITING = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
]);

export interface RolloutProgress {
  done: boolean;
  ready: number;
  desired: number;
  /** a reason to stop waiting now */
  hopeless?: string;
}

export function deploymentProgress(deployment: V1Deployment, pods: V1Pod[]): RolloutProgress {
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status ?? {};
  const observed = (status.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0);
  const ready = status.availableReplicas ?? 0;
  const done = observed && (status.updatedReplicas ?? 0) >= desired && ready >= desired && (status.replicas ?? 0) <= desired;
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') {
    return {
      done: false,
      ready,
      desired,
      hopeless: `ProgressDeadlineExceeded: ${progressing.message ?? 'no progress within progressDeadlineSeconds'}`,
    };
  }
  return { done, ready, desired, hopeless: done ? undefined : podTrouble(pods) };
}

/**
 * The pods of the Deployment's newest ReplicaSet (highest revision): pods of older ones are
 * on their way out during a rolling update and say nothing about the current template.
 * Without the ReplicaSets (a Role that cannot list them), every pod.
 */
export function newestReplicaSetPods(replicaSets: V1ReplicaSet[] | undefined, pods: V1Pod[]): V1Pod[] {
  if (!replicaSets?.length) return pods;
  const revision = (rs: V1ReplicaSet) => Number(rs.metadata?.annotations?.[REVISION] ?? 0);
  const newest = [...replicaSets].sort((a, b) => revision(b) - revision(a))[0];
  const uid = newest.metadata?.uid;
  return pods.filter((pod) => (pod.metadata?.ownerReferences ?? []).some((ref) => ref.uid === uid || ref.name === newest.metadata?.name));
}

/** the first pod problem that waiting will not fix, e.g. `pod x: CrashLoopBackOff (restarted 2 times)` */
export function podTrouble(pods: V1Pod[]): string | undefined {
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '?';
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable')
      return `pod ${name} is unschedulable: ${scheduled.message ?? ''}`.trim();
    for (const container of pod.status?.containerStatuses ?? []) {
      const waiting = container.state?.waiting;
      if (waiting?.reason && HOPELESS_WAITING.has(waiting.reason)) {
        return `pod ${name}: ${waiting.reason}${container.restartCount ? ` (restarted ${container.restartCount} times)` : ''}${waiting.message ? `: ${waiting.message}` : ''}`;
      }
      // the CURRENT state only: a container OOM-killed once that now runs is history, not trouble
      if (container.state?.running) continue;
      const last = container.state?.terminated ?? container.lastState?.terminated;
      if (last?.reason === 'OOMKilled') return `pod ${name}: OOMKilled (raise target.kubernetes.resources.memory)`;
    }
  }
  return undefined;
}

/** events and last log lines of the deployment's pods, for an error message */
export async function podDiagnostics(api: KubeApi, namespace: string, pods: V1Pod[], maxPods = 2): Promise<string> {
  const out: string[] = [];
  for (const pod of pods.slice(0, maxPods)) {
    const name = pod.metadata?.name ?? '?';
    out.push(`pod ${name} (${pod.status?.phase ?? 'unknown'}):`);
    try {
      const events = await api.podEvents(namespace, name);
      events.sort((a, b) => String(a.lastTimestamp ?? a.eventTime ?? '').localeCompare(String(b.lastTimestamp ?? b.eventTime ?? '')));
      for (const event of events.slice(-8))
        out.push(
          `  event ${event.type ?? ''} ${event.reason ?? ''}${event.count && event.count > 1 ? ` (x${event.count})` : ''}: ${event.message ?? ''}`,
        );
    } catch (err: unknown) {
      out.push(`  (events unavailable: ${err instanceof Error ? err.message : String(err)})`);
    }
    const restarted = (pod.status?.containerStatuses ?? []).some((c) => (c.restartCount ?? 0) > 0);
    const started = (pod.status?.containerStatuses ?? []).some((c) => c.state?.running || c.state?.terminated || c.lastState?.terminated);
    if (!started) continue;
    try {
      const log = await api.podLog(namespace, name, { tailLines: 20, previous: restarted });
      const lines = log
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(-20);
      if (lines.length) out.push(`  last log lines${restarted ? ' (previous container)' : ''}:`, ...lines.map((l) => `    ${l}`));
    } catch (err: unknown) {
      out.push(`  (log unavailable: ${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return out.join('\n');
}
