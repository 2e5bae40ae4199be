import type { V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { KubernetesTargetConfig } from '../../config/types';
import { DeploymentSpec, modelRef } from '../target';
import { parseJson } from './endpoint-store';
import { KubeApi } from './kube-api';
import { DEPLOYMENT_KIND, REPLICASET_KIND } from './kinds';
import { ANNOTATIONS, LABELS, endpointLabels, endpointNames, labelValue, selector } from './names';
import { deploymentObject } from './objects';
import { deploymentProgress, newestReplicaSetPods, podDiagnostics } from './readiness';

/**
 * The Deployments of an endpoint: applying one, resizing it (replica counts and pool
 * membership), and waiting for it to be ready with the evidence of why it is not.
 */
export interface WorkloadsOptions {
  api: KubeApi;
  config: KubernetesTargetConfig;
  containerPort: number;
  log: (line: string) => void;
  pollMs: number;
}

export interface ReadyWait {
  /** false: a problem is returned instead of thrown (a rollback restores routing whatever the pods say) */
  abort: boolean;
}

export class Workloads {
  constructor(private readonly options: WorkloadsOptions) {}

  /** the endpoint's Deployments by deployment name */
  async byName(endpoint: string, namespace: string): Promise<Map<string, V1Deployment>> {
    const deployments = await this.options.api.list<V1Deployment>(
      DEPLOYMENT_KIND.apiVersion,
      DEPLOYMENT_KIND.kind,
      namespace,
      selector(endpointLabels(endpoint)),
    );
    return new Map(deployments.map((d) => [specOf(d).name, d]));
  }

  async apply(input: {
    endpoint: string;
    namespace: string;
    spec: DeploymentSpec;
    replicas?: number;
    inPool: boolean;
    pullSecret?: string;
    createdAt: string;
  }): Promise<V1Deployment> {
    return this.options.api.apply(
      deploymentObject({
        ...input,
        containerPort: this.options.containerPort,
        resources: this.options.config.resources,
        preStopSeconds: this.options.config.preStopSeconds,
      }),
    );
  }

  /** a Deployment applied again with another replica count or pool membership (same template otherwise) */
  async resize(endpoint: string, namespace: string, deployment: V1Deployment, replicas: number, inPool: boolean): Promise<void> {
    const current = deployment.spec?.replicas ?? 1;
    const currentlyInPool = deployment.spec?.template?.metadata?.labels?.[LABELS.pool] !== undefined;
    if (current === replicas && currentlyInPool === inPool) return;
    await this.apply({
      endpoint,
      namespace,
      spec: specOf(deployment),
      replicas,
      inPool,
      pullSecret: deployment.spec?.template?.spec?.imagePullSecrets?.[0]?.name,
      createdAt: deployment.metadata?.annotations?.[ANNOTATIONS.createdAt] ?? deployment.metadata?.creationTimestamp?.toString() ?? '',
    });
  }

  /**
   * Wait until the Deployment's newest ReplicaSet is ready. Stops early on a problem that
   * waiting will not fix, judged on the pods' current state (a container OOM-killed once
   * that runs again is not one). With `abort: false`, returns the problem instead.
   */
  async waitReady(
    endpoint: string,
    namespace: string,
    name: string,
    timeoutMs: number,
    wait: ReadyWait = { abort: true },
  ): Promise<string | undefined> {
    const { api, log, pollMs } = this.options;
    const objectName = endpointNames(endpoint).deployment(name);
    const labels = { [LABELS.endpoint]: labelValue(endpoint), [LABELS.deployment]: labelValue(name) };
    const deadline = Date.now() + timeoutMs;
    let lastLog = 0;
    let canListReplicaSets = true;
    for (;;) {
      const deployment = await api.read<V1Deployment>({ ...DEPLOYMENT_KIND, namespace, name: objectName });
      if (!deployment) throw new Error(`Deployment ${namespace}/${objectName} disappeared while waiting for it`);
      const pods = await api.pods(namespace, selector(labels));
      let replicaSets: V1ReplicaSet[] | undefined;
      if (canListReplicaSets) {
        try {
          replicaSets = await api.list<V1ReplicaSet>(REPLICASET_KIND.apiVersion, REPLICASET_KIND.kind, namespace, selector(labels));
        } catch (err: unknown) {
          // an older Role without replicasets: judge every pod
          canListReplicaSets = false;
          log(`${endpoint}: cannot list ReplicaSets (${err instanceof Error ? err.message : String(err)}); judging every pod of '${name}'`);
        }
      }
      const current = newestReplicaSetPods(replicaSets, pods);
      const progress = deploymentProgress(deployment, current);
      if (progress.done) {
        log(`${endpoint}: '${name}' ready (${progress.ready}/${progress.desired} pods)`);
        return undefined;
      }
      const timedOut = Date.now() >= deadline;
      if (progress.hopeless || timedOut) {
        const why =
          progress.hopeless ??
          `not ready within ${Math.round(timeoutMs / 1000)} s (serve.readyTimeout): ${progress.ready}/${progress.desired} pods available`;
        const evidence = await podDiagnostics(api, namespace, current);
        const problem = `Deployment ${namespace}/${objectName} ('${name}') ${wait.abort ? 'failed' : 'is not ready'}: ${why}${evidence ? `\n${evidence}` : ''}`;
        if (wait.abort) throw new Error(problem);
        return problem;
      }
      if (Date.now() - lastLog >= 5000) {
        log(`${endpoint}: waiting for '${name}': ${progress.ready}/${progress.desired} pods available`);
        lastLog = Date.now();
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** ready, non-terminating pods behind the endpoint's pool Service, per deployment (what its endpoints hold) */
  async readPool(endpoint: string, namespace: string): Promise<Record<string, number>> {
    const pods = await this.options.api.pods(
      namespace,
      selector({ [LABELS.endpoint]: labelValue(endpoint), [LABELS.pool]: labelValue(endpoint) }),
    );
    const pool: Record<string, number> = {};
    for (const pod of pods) {
      if (!podReady(pod) || pod.metadata?.deletionTimestamp) continue;
      const name = deploymentOfPod(pod);
      pool[name] = (pool[name] ?? 0) + 1;
    }
    return pool;
  }
}

export function podReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function deploymentOfPod(pod: V1Pod): string {
  return (
    pod.spec?.containers?.[0]?.env?.find((e) => e.name === 'MODELSHIP_DEPLOYMENT')?.value ??
    pod.metadata?.labels?.[LABELS.deployment] ??
    '?'
  );
}

/** the DeploymentSpec a Deployment was made from (what resize needs to apply it again) */
export function specOf(deployment: V1Deployment): DeploymentSpec {
  const container = deployment.spec?.template?.spec?.containers?.[0];
  const model = modelRef(parseJson<unknown>(deployment.metadata?.annotations?.[ANNOTATIONS.model])) ?? {
    name: deployment.metadata?.labels?.[LABELS.model] ?? '?',
    version: deployment.metadata?.labels?.[LABELS.version] ?? '?',
  };
  return {
    name: container?.env?.find((e) => e.name === 'MODELSHIP_DEPLOYMENT')?.value ?? deployment.metadata?.labels?.[LABELS.deployment] ?? '?',
    model,
    modelDir: '',
    codeDir: '',
    scoringScript: '',
    image: deployment.metadata?.annotations?.[ANNOTATIONS.image] ?? container?.image,
    readyPath: container?.readinessProbe?.httpGet?.path ?? '/',
    scorePath: '',
    readyTimeout: Math.max(1, deployment.spec?.progressDeadlineSeconds ?? 60) * 1000,
  };
}
