import { JsonObject, KubeObject, deepCopy, isObject, kubeTime, randomSuffix, templateHash } from './fake-kube-core';
import { EventRecorder } from './fake-kube-events';
import { rollingParams } from './fake-kube-resources';
import { Store } from './fake-kube-store';

/**
 * The deployment controller and replica set controller, simulated from the Kubernetes
 * "Deployments" documentation and the controller's documented status semantics:
 *
 * - one ReplicaSet per pod template (`<deployment>-<pod-template-hash>`, revision
 *   annotations), pods `<replicaset>-<5 random>` labelled `pod-template-hash`, owned by it;
 * - RollingUpdate honours maxSurge / maxUnavailable (new pods first, old ones removed as
 *   the new ones become available); Recreate removes every old pod before creating new ones;
 * - status: observedGeneration, replicas, updatedReplicas, readyReplicas,
 *   availableReplicas, unavailableReplicas (omitted when 0, as the API omits empty
 *   integers), conditions Available and Progressing with the real reasons, including
 *   ProgressDeadlineExceeded after progressDeadlineSeconds (real seconds) without progress;
 * - ScalingReplicaSet events on the Deployment.
 *
 * Runs a few ms after every Deployment or Pod change, and every 250 ms for the deadlines.
 */

const REVISION = 'deployment.kubernetes.io/revision';

interface Progress {
  /** the counts last seen: a change is progress */
  tuple: string;
}

function ownedBy(obj: KubeObject, uid: unknown): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.controller === true);
}

function condition(pod: KubeObject, type: string): JsonObject | undefined {
  const st = isObject(pod.status) ? pod.status : {};
  return Array.isArray(st.conditions) ? (st.conditions.find((c) => isObject(c) && c.type === type) as JsonObject | undefined) : undefined;
}

export class DeploymentController {
  private readonly dirty = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly tick: NodeJS.Timeout;
  private readonly progress = new Map<string, Progress>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly events: EventRecorder,
  ) {
    store.onChange((type, obj, old) => {
      if (this.closed) return;
      if (obj.kind === 'Deployment' && type === 'DELETED') {
        this.collect(obj);
        this.progress.delete(`${String(obj.metadata.namespace)}/${String(obj.metadata.name)}`);
      } else if (obj.kind === 'Deployment') {
        // our own status writes change nothing that needs another pass
        if (
          type === 'MODIFIED' &&
          old &&
          JSON.stringify({ ...old, status: null, metadata: { ...old.metadata, resourceVersion: null } }) ===
            JSON.stringify({ ...obj, status: null, metadata: { ...obj.metadata, resourceVersion: null } })
        )
          return;
        this.mark(`${String(obj.metadata.namespace)}/${String(obj.metadata.name)}`);
      } else if (obj.kind === 'Pod') {
        const owner = this.deploymentOfPod(obj);
        if (owner) this.mark(owner);
      }
    });
    this.tick = setInterval(() => {
      for (const d of this.store.peekAll('Deployment')) {
        const st = isObject(d.status) ? d.status : {};
        const conds = Array.isArray(st.conditions) ? st.conditions.filter(isObject) : [];
        const p = conds.find((c) => c.type === 'Progressing');
        // only deployments still progressing can time out; minReadySeconds makes pods available later
        if (!p || p.reason !== 'NewReplicaSetAvailable' || (isObject(d.spec) && Number(d.spec.minReadySeconds ?? 0) > 0))
          this.mark(`${String(d.metadata.namespace)}/${String(d.metadata.name)}`);
      }
    }, 250);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.tick);
    if (this.timer) clearTimeout(this.timer);
  }

  /** the garbage collector: a deleted Deployment's replica sets and their pods go at once (propagation Background) */
  private collect(d: KubeObject): void {
    const ns = String(d.metadata.namespace);
    for (const rs of this.store.peekAll('ReplicaSet', ns).filter((r) => ownedBy(r, d.metadata.uid))) {
      for (const pod of this.store.peekAll('Pod', ns).filter((p) => ownedBy(p, rs.metadata.uid)))
        this.store.remove('Pod', ns, String(pod.metadata.name));
      this.store.remove('ReplicaSet', ns, String(rs.metadata.name));
    }
  }

  private deploymentOfPod(pod: KubeObject): string | undefined {
    const rsRef = (pod.metadata.ownerReferences ?? []).find((r) => r.kind === 'ReplicaSet' && r.controller);
    if (!rsRef) return undefined;
    const rs = this.store.peek('ReplicaSet', String(pod.metadata.namespace), rsRef.name);
    const dRef = rs?.metadata.ownerReferences?.find((r) => r.kind === 'Deployment');
    return dRef ? `${String(pod.metadata.namespace)}/${dRef.name}` : undefined;
  }

  private mark(key: string): void {
    this.dirty.add(key);
    if (!this.timer)
      this.timer = setTimeout(() => {
        this.timer = undefined;
        const keys = [...this.dirty];
        this.dirty.clear();
        for (const k of keys) {
          try {
            this.reconcile(k);
          } catch (err: unknown) {
            // a controller error must not take the fake down; the next pass retries
            process.stderr.write(`fake-kube: deployment controller: ${k}: ${err instanceof Error ? err.stack : String(err)}\n`);
          }
        }
      }, 5);
  }

  private reconcile(key: string): void {
    if (this.closed) return;
    const [ns, name] = key.split('/');
    const d = this.store.peek('Deployment', ns, name);
    const allRs = this.store.peekAll('ReplicaSet', ns);
    if (!d) return;
    const spec = d.spec as JsonObject;
    const template = spec.template as JsonObject;
    const desired = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const minReady = Number(spec.minReadySeconds ?? 0) * 1000;
    const hash = templateHash(template);
    const owned = allRs.filter((r) => ownedBy(r, d.metadata.uid));
    const maxRevision = Math.max(0, ...owned.map((r) => Number(r.metadata.annotations?.[REVISION] ?? 0)));
    let newRs = owned.find((r) => r.metadata.labels?.['pod-template-hash'] === hash);
    let createdRs = false;
    if (!newRs) {
      const tmeta = isObject(template.metadata) ? template.metadata : {};
      newRs = this.store.put({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${name}-${hash}`,
          namespace: ns,
          labels: { ...((tmeta.labels as Record<string, string>) ?? {}), 'pod-template-hash': hash },
          annotations: { [REVISION]: String(maxRevision + 1), 'deployment.kubernetes.io/desired-replicas': String(desired) },
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'Deployment', name, uid: String(d.metadata.uid), controller: true, blockOwnerDeletion: true },
          ],
        },
        spec: {
          replicas: 0,
          minReadySeconds: spec.minReadySeconds ?? 0,
          selector: {
            ...(spec.selector as JsonObject),
            matchLabels: { ...(((spec.selector as JsonObject).matchLabels as Record<string, string>) ?? {}), 'pod-template-hash': hash },
          },
          template: {
            ...template,
            metadata: { ...tmeta, labels: { ...((tmeta.labels as Record<string, string>) ?? {}), 'pod-template-hash': hash } },
          },
        },
      });
      createdRs = true;
      owned.push(newRs);
    } else if (Number(newRs.metadata.annotations?.[REVISION] ?? 0) < maxRevision) {
      // a rollback to an earlier template: its replica set becomes the newest revision
      newRs = this.store.put({
        ...newRs,
        metadata: { ...newRs.metadata, annotations: { ...newRs.metadata.annotations, [REVISION]: String(maxRevision + 1) } },
      });
    }
    const newRsName = String(newRs.metadata.name);
    const revision = String(newRs.metadata.annotations?.[REVISION] ?? '1');
    if (d.metadata.annotations?.[REVISION] !== revision)
      this.store.put({ ...d, metadata: { ...d.metadata, annotations: { ...d.metadata.annotations, [REVISION]: revision } } });

    // active pods only, as the ReplicaSet controller counts them (FilterActivePods): a terminating
    // pod is replaced at once and is not in status.replicas
    const podsOf = (rs: KubeObject) =>
      this.store.peekAll('Pod', ns).filter((p) => ownedBy(p, rs.metadata.uid) && !p.metadata.deletionTimestamp);
    const isReady = (p: KubeObject) => condition(p, 'Ready')?.status === 'True';
    const isAvailable = (p: KubeObject) => {
      const c = condition(p, 'Ready');
      return c?.status === 'True' && (minReady === 0 || Date.now() - Date.parse(String(c.lastTransitionTime)) >= minReady);
    };
    const oldRss = owned.filter((r) => r !== newRs);
    let newPods = podsOf(newRs);
    const oldPods = () => oldRss.flatMap(podsOf);
    const before = new Map(owned.map((r) => [String(r.metadata.name), podsOf(r).length]));

    const deletePods = (pods: KubeObject[], n: number) => {
      // unscheduled first, then not ready, then the youngest
      const ranked = [...pods].sort((a, b) => {
        const score = (p: KubeObject) => (condition(p, 'PodScheduled')?.status !== 'True' ? 0 : !isReady(p) ? 1 : 2);
        return score(a) - score(b) || String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp));
      });
      for (const p of ranked.slice(0, Math.max(0, n))) this.store.remove('Pod', ns, String(p.metadata.name));
    };
    const createPods = (n: number) => {
      for (let i = 0; i < n; i++) this.createPod(d, newRs, hash);
    };

    const strategy = isObject(spec.strategy) ? spec.strategy : {};
    const { maxSurge, maxUnavailable } = rollingParams(spec);
    if (strategy.type === 'Recreate') {
      const old = oldPods();
      if (old.length > 0) deletePods(old, old.length);
      else if (newPods.length < desired) createPods(desired - newPods.length);
      else if (newPods.length > desired) deletePods(newPods, newPods.length - desired);
    } else {
      let old = oldPods();
      if (newPods.length > desired) deletePods(newPods, newPods.length - desired);
      else if (newPods.length < desired) {
        const room = desired + maxSurge - (newPods.length + old.length);
        createPods(Math.min(desired - newPods.length, Math.max(0, room)));
      }
      newPods = podsOf(newRs);
      if (old.length > 0) {
        const minAvailable = desired - maxUnavailable;
        const newUnavailable = newPods.filter((p) => !isAvailable(p)).length;
        let maxScaledDown = newPods.length + old.length - minAvailable - newUnavailable;
        if (maxScaledDown > 0) {
          const unhealthy = old.filter((p) => !isAvailable(p)).slice(0, maxScaledDown);
          deletePods(unhealthy, unhealthy.length);
          maxScaledDown -= unhealthy.length;
          old = oldPods();
          const available = newPods.filter(isAvailable).length + old.filter(isAvailable).length;
          deletePods(old, Math.min(old.length, available - minAvailable, maxScaledDown));
        }
      }
    }

    // replica sets: spec.replicas follows the pods they have now; old empty ones beyond the history limit go
    newPods = podsOf(newRs);
    for (const rs of owned) {
      const pods = podsOf(rs);
      const n = pods.length;
      const was = before.get(String(rs.metadata.name)) ?? 0;
      if (n !== was)
        this.events.record(
          d,
          'Normal',
          'ScalingReplicaSet',
          `Scaled ${n > was ? 'up' : 'down'} replica set ${String(rs.metadata.name)} from ${was} to ${n}`,
          { component: 'deployment-controller' },
        );
      const current = this.store.peek('ReplicaSet', ns, String(rs.metadata.name));
      if (current && (current.spec as JsonObject).replicas !== n)
        this.store.put({ ...current, spec: { ...(current.spec as JsonObject), replicas: n } });
      const rsStatus = {
        replicas: n,
        fullyLabeledReplicas: n,
        readyReplicas: pods.filter(isReady).length,
        availableReplicas: pods.filter(isAvailable).length,
        observedGeneration: rs.metadata.generation ?? 1,
      };
      this.store.putStatus(
        'ReplicaSet',
        ns,
        String(rs.metadata.name),
        Object.fromEntries(Object.entries(rsStatus).filter(([, v]) => v !== 0)),
      );
    }
    const limit = typeof spec.revisionHistoryLimit === 'number' ? spec.revisionHistoryLimit : 10;
    const emptyOld = oldRss
      .filter((r) => podsOf(r).length === 0)
      .sort((a, b) => Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0));
    for (const rs of emptyOld.slice(0, Math.max(0, emptyOld.length - limit))) this.store.remove('ReplicaSet', ns, String(rs.metadata.name));

    // status
    const all = [...newPods, ...oldPods()];
    const ready = all.filter(isReady).length;
    const available = all.filter(isAvailable).length;
    const updated = newPods.length;
    const replicas = all.length;
    // as the controller computes it: replicas the replica sets want minus the available ones
    const unavailable = Math.max(0, replicas - available);
    const prev = isObject(d.status) ? d.status : {};
    const prevConds = Array.isArray(prev.conditions) ? prev.conditions.filter(isObject) : [];
    const now = kubeTime();
    const cond = (type: string, status: 'True' | 'False', reason: string, message: string, touch: boolean) => {
      const old = prevConds.find((c) => c.type === type);
      const sameStatus = old?.status === status;
      return {
        type,
        status,
        lastUpdateTime: touch || !old || old.reason !== reason ? now : old.lastUpdateTime,
        lastTransitionTime: sameStatus && old ? old.lastTransitionTime : now,
        reason,
        message,
      };
    };
    const minAvailableForCondition = desired - (strategy.type === 'Recreate' ? 0 : maxUnavailable);
    const availableCond =
      available >= minAvailableForCondition
        ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', false)
        : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', false);
    const tuple = JSON.stringify([newRsName, updated, ready, available, replicas, desired]);
    const p = this.progress.get(key);
    const progressed = !p || p.tuple !== tuple;
    this.progress.set(key, { tuple });
    const complete = updated === desired && replicas === desired && available === desired;
    const prevProgressing = prevConds.find((c) => c.type === 'Progressing');
    const deadlineMs = Number(spec.progressDeadlineSeconds ?? 600) * 1000;
    let progressing;
    if (createdRs) progressing = cond('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${newRsName}"`, true);
    else if (complete)
      progressing = cond(
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "${newRsName}" has successfully progressed.`,
        prevProgressing?.reason !== 'NewReplicaSetAvailable',
      );
    else if (progressed) progressing = cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRsName}" is progressing.`, true);
    else if (prevProgressing?.reason === 'ProgressDeadlineExceeded') progressing = prevProgressing;
    else if (prevProgressing && Date.now() - Date.parse(String(prevProgressing.lastUpdateTime)) > deadlineMs)
      progressing = cond('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${newRsName}" has timed out progressing.`, true);
    else
      progressing = prevProgressing ?? cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRsName}" is progressing.`, true);
    const status: JsonObject = {
      observedGeneration: d.metadata.generation ?? 1,
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: unavailable,
    };
    for (const k of Object.keys(status)) if (status[k] === 0) delete status[k];
    status.conditions = [availableCond, progressing];
    this.store.putStatus('Deployment', ns, name, deepCopy(status));
  }

  private createPod(d: KubeObject, rs: KubeObject, hash: string): void {
    const template = (d.spec as JsonObject).template as JsonObject;
    const tmeta = isObject(template.metadata) ? template.metadata : {};
    const ns = String(d.metadata.namespace);
    let name = `${String(rs.metadata.name)}-${randomSuffix(5)}`;
    while (this.store.peek('Pod', ns, name)) name = `${String(rs.metadata.name)}-${randomSuffix(5)}`;
    this.store.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        generateName: `${String(rs.metadata.name)}-`,
        namespace: ns,
        labels: { ...((tmeta.labels as Record<string, string>) ?? {}), 'pod-template-hash': hash },
        ...(isObject(tmeta.annotations) ? { annotations: { ...(tmeta.annotations as Record<string, string>) } } : {}),
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: String(rs.metadata.name),
            uid: String(rs.metadata.uid),
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: deepCopy(template.spec),
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
  }
}
