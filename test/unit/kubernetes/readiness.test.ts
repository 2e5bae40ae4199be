import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { deploymentProgress, newestReplicaSetPods, podTrouble } from '../../../shared/targets/kubernetes/readiness';

/** When waiting for a Deployment stops early, and what it says (statuses as the API server reports them). */
const deployment = (status: V1Deployment['status'], replicas = 2, generation = 3): V1Deployment => ({
  metadata: { name: 'ep-green', generation },
  spec: { replicas, selector: {}, template: {} },
  status,
});
const pod = (status: V1Pod['status']): V1Pod => ({ metadata: { name: 'ep-green-abc12' }, status });

describe('deploymentProgress', () => {
  it('is done when the controller has seen the change and every replica is updated and available', () => {
    expect(deploymentProgress(deployment({ observedGeneration: 3, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }), []).done).toBe(
      true,
    );
    // an older generation observed: the status is about the previous spec
    expect(deploymentProgress(deployment({ observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }), []).done).toBe(
      false,
    );
    // old pods still around during a rolling update
    expect(deploymentProgress(deployment({ observedGeneration: 3, replicas: 3, updatedReplicas: 2, availableReplicas: 2 }), []).done).toBe(
      false,
    );
    // the API server leaves zero counts out
    expect(deploymentProgress(deployment({ observedGeneration: 3, replicas: 2 }), [])).toEqual({
      done: false,
      ready: 0,
      desired: 2,
      hopeless: undefined,
    });
  });

  it('stops at ProgressDeadlineExceeded', () => {
    const d = deployment({
      observedGeneration: 3,
      conditions: [
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'ReplicaSet "ep-green-7d9c" has timed out progressing.',
        },
      ],
    });
    expect(deploymentProgress(d, []).hopeless).toBe('ProgressDeadlineExceeded: ReplicaSet "ep-green-7d9c" has timed out progressing.');
  });
});

describe('podTrouble', () => {
  const waiting = (reason: string, message?: string, restartCount = 0) =>
    pod({
      phase: 'Pending',
      containerStatuses: [{ name: 'model', image: 'i', imageID: '', ready: false, restartCount, state: { waiting: { reason, message } } }],
    });

  it.each([
    [
      'CrashLoopBackOff',
      'back-off 10s restarting failed container',
      3,
      /^pod ep-green-abc12: CrashLoopBackOff \(restarted 3 times\): back-off 10s/,
    ],
    ['ImagePullBackOff', 'Back-off pulling image "r/m@sha256:0"', 0, /^pod ep-green-abc12: ImagePullBackOff: Back-off pulling image/],
    ['ErrImagePull', 'manifest unknown', 0, /^pod ep-green-abc12: ErrImagePull: manifest unknown/],
    ['CreateContainerConfigError', 'secret "x" not found', 0, /CreateContainerConfigError: secret "x" not found/],
  ])('%s is hopeless', (reason, message, restarts, expected) => {
    expect(podTrouble([waiting(reason, message, restarts)])).toMatch(expected);
  });

  it('ContainerCreating is not: it is worth waiting for', () => {
    expect(podTrouble([waiting('ContainerCreating')])).toBeUndefined();
  });

  it('OOMKilled now says to raise the memory; a container OOM-killed once that runs again is history, not trouble', () => {
    const status = (state: object) =>
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'model',
            image: 'i',
            imageID: '',
            ready: false,
            restartCount: 1,
            state,
            lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
          },
        ],
      });
    expect(podTrouble([status({ terminated: { reason: 'OOMKilled', exitCode: 137 } })])).toBe(
      'pod ep-green-abc12: OOMKilled (raise target.kubernetes.resources.memory)',
    );
    // the kubelet waits before the restart: the last termination says why
    expect(podTrouble([status({ waiting: { reason: 'ContainerCreating' } })])).toBe(
      'pod ep-green-abc12: OOMKilled (raise target.kubernetes.resources.memory)',
    );
    // restarted and running: waiting for readiness is right (a rollback must not abort on it)
    expect(podTrouble([status({ running: {} })])).toBeUndefined();
  });

  it("an unschedulable pod, with the scheduler's message", () => {
    const p = pod({
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/1 nodes are available: 1 Insufficient cpu.' },
      ],
    });
    expect(podTrouble([p])).toBe('pod ep-green-abc12 is unschedulable: 0/1 nodes are available: 1 Insufficient cpu.');
  });
});

describe('newestReplicaSetPods', () => {
  const rs = (name: string, revision: string, uid: string) => ({
    metadata: { name, uid, annotations: { 'deployment.kubernetes.io/revision': revision } },
  });
  const owned = (name: string, owner: string, uid: string, status: V1Pod['status']): V1Pod => ({
    metadata: { name, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid, controller: true }] },
    status,
  });
  it('judges only the pods of the highest revision: an old pod OOM-killed during a rolling update does not stop the wait', () => {
    const oomOld = owned('ep-green-old-1', 'ep-green-old', 'u1', {
      containerStatuses: [
        {
          name: 'model',
          image: 'i',
          imageID: '',
          ready: false,
          restartCount: 1,
          state: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
        },
      ],
    });
    const fresh = owned('ep-green-new-1', 'ep-green-new', 'u2', {
      containerStatuses: [{ name: 'model', image: 'i', imageID: '', ready: false, restartCount: 0, state: { running: {} } }],
    });
    const current = newestReplicaSetPods([rs('ep-green-old', '3', 'u1'), rs('ep-green-new', '4', 'u2')], [oomOld, fresh]);
    expect(current.map((p) => p.metadata?.name)).toEqual(['ep-green-new-1']);
    expect(podTrouble(current)).toBeUndefined();
    // without the ReplicaSets (a Role that cannot list them) every pod is judged
    expect(podTrouble(newestReplicaSetPods(undefined, [oomOld, fresh]))).toMatch(/OOMKilled/);
  });
});
