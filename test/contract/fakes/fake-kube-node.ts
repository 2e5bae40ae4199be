import * as http from 'node:http';
import * as net from 'node:net';
import Docker from 'dockerode';
import { JsonObject, KubeError, KubeObject, deepCopy, errors, isObject, kubeTime, parseQuantity } from './fake-kube-core';
import { EventRecorder } from './fake-kube-events';
import { imageTag } from './fake-kube-resources';
import { Store } from './fake-kube-store';

/**
 * The fake's one node: a scheduler that checks resource requests against the node's
 * allocatable, and a "kubelet" that runs each pod as a REAL Docker container (dockerode),
 * pulls images with the pod's imagePullSecrets, runs the startup/readiness/liveness probes,
 * restarts exited containers with a back-off, and records the events a real kubelet and
 * scheduler record.
 *
 * Adaptations to one machine without a cluster network (deliberate deviations):
 * - Every pod runs on the HOST network and all pods share the loopback interface, so two
 *   pods cannot both listen on their declared containerPort. The fake allocates a free
 *   port per pod and gives the container `PORT=<that port>` and `MODELSHIP_HOST=127.0.0.1`
 *   (overriding the spec's env); the declared containerPort (e.g. 5001, name `http`) maps
 *   to that port for probes and for the service proxy. podIP and hostIP are 127.0.0.1.
 * - Only the first container of a pod runs; further containers and init containers are
 *   not run (their statuses mirror the first one's).
 * - The crash back-off is 1 s, 2 s, 4 s, capped at 8 s (the real kubelet: 10 s doubling to
 *   5 min), so tests see CrashLoopBackOff and restarts within seconds; it resets after a
 *   container ran 16 s. Image pull back-off is the same.
 * - Startup and readiness probes are polled every 250 ms until they pass, so readiness is
 *   seen at once (then readiness and liveness run once per periodSeconds, as real). Failures
 *   count at most once per periodSeconds, so failureThreshold x periodSeconds keeps its real
 *   meaning (a liveness or startup probe kills the container after that long) and Unhealthy
 *   events come at most once per period.
 * - Containers run under Docker's init (tini) as PID 1, so a process that installs no SIGTERM
 *   handler still exits on SIGTERM. In a real pod it is PID 1, ignores SIGTERM and is killed
 *   only when the grace period ends; here only a process that ignores SIGTERM explicitly waits.
 * - A pod's loopback port is never given to another pod of the same fake, so a request that a
 *   lagging data plane still sends to a deleted pod is refused, as it would be.
 *
 * Graceful termination, as the API server and the kubelet do it: every way a pod is deleted
 * (DELETE, deletecollection, the deployment controller's scale-down and rollout, the garbage
 * collector of a deleted Deployment) goes through `Store.remove`, which hands pods to the
 * node (`Store.setDeleter`, in the constructor). The pod gets `metadata.deletionTimestamp` (now + grace) and
 * `deletionGracePeriodSeconds`, stays readable, and its Ready condition turns False; the
 * kubelet records `Killing`, runs the container's `lifecycle.preStop` hook (`sleep.seconds`,
 * `exec.command` through docker exec, `httpGet`) while the container keeps serving, sends
 * SIGTERM, sends SIGKILL when the grace left runs out (at least 2 s after the hook, as the
 * kubelet's minimum), removes the container and then the pod object. The grace period is
 * `?gracePeriodSeconds` / DeleteOptions.gracePeriodSeconds, else the pod's
 * `terminationGracePeriodSeconds` (defaulted to 30); it caps the hook and the stop together.
 * The pod goes at once when the grace period is 0, when it was never scheduled and when it
 * has finished (Succeeded/Failed). A second delete of a terminating pod changes nothing,
 * except that a grace period of 0 removes it at once. A failed hook is a `FailedPreStopHook`
 * Warning event and the stop goes on.
 */

export const CONTAINER_LABEL = 'dev.modelship.fake-kube';
const TICK_MS = 250;
const MAX_BACKOFF_MS = 8_000;
const BACKOFF_RESET_MS = 16_000;
const MAX_CAPTURED_LOG = 1024 * 1024;
const PULL_TIMEOUT_MS = 120_000;

type ContainerState = JsonObject;

interface ProbeState {
  failures: number;
  successes: number;
  lastCounted: number;
  lastRun: number;
}

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
  lastTransitionTime: string;
}

class PodRuntime {
  readonly key: string;
  scheduled = false;
  unschedulable?: string;
  lastSchedulingEvent = 0;
  port = 0;
  startTime?: string;
  container?: Docker.Container;
  containerId?: string;
  imageId?: string;
  /** increments for every container started: stale callbacks of an old container are ignored */
  instance = 0;
  state: ContainerState = { waiting: { reason: 'ContainerCreating' } };
  lastState: ContainerState = {};
  restartCount = 0;
  everStarted = false;
  runningSince = 0;
  started = false;
  ready = false;
  /** the logs of the last terminated container */
  lastLogs?: string;
  backoffMs = 0;
  pullBackoffMs = 0;
  oomNext = false;
  stopped = false;
  /** deleted gracefully: the kubelet is stopping it (no restarts, no probes) */
  terminating = false;
  probing = false;
  probeTimer?: NodeJS.Timeout;
  readonly timers = new Set<NodeJS.Timeout>();
  readonly probes: Record<'startup' | 'readiness' | 'liveness', ProbeState> = {
    startup: { failures: 0, successes: 0, lastCounted: 0, lastRun: 0 },
    readiness: { failures: 0, successes: 0, lastCounted: 0, lastRun: 0 },
    liveness: { failures: 0, successes: 0, lastCounted: 0, lastRun: 0 },
  };
  readonly conditions = new Map<string, Condition>();
  proxied = 0;

  constructor(
    readonly ns: string,
    readonly name: string,
    readonly uid: string,
    readonly created: number,
  ) {
    this.key = `${ns}/${name}`;
  }

  setCondition(type: string, status: 'True' | 'False', reason?: string, message?: string): void {
    const old = this.conditions.get(type);
    this.conditions.set(type, {
      type,
      status,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
      lastTransitionTime: old && old.status === status ? old.lastTransitionTime : kubeTime(),
    });
  }

  clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = undefined;
  }
}

export interface NodeOptions {
  docker: Docker;
  store: Store;
  events: EventRecorder;
  instanceId: string;
  nodeName: string;
  allocatable: { cpu: string; memory: string };
}

export interface LogQuery {
  container?: string;
  previous: boolean;
  tailLines?: number;
  limitBytes?: number;
  timestamps: boolean;
  sinceSeconds?: number;
}

function podContainers(pod: KubeObject): JsonObject[] {
  const spec = isObject(pod.spec) ? pod.spec : {};
  return Array.isArray(spec.containers) ? spec.containers.filter(isObject) : [];
}

/** a container's name (validated to be a string on write); '' when there is no container */
function containerName(c: JsonObject | undefined): string {
  return typeof c?.name === 'string' ? c.name : '';
}

/** requests of a pod (a container's limits stand for its missing requests, as the API server defaults them) */
export function podRequests(pod: KubeObject): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of podContainers(pod)) {
    const res = isObject(c.resources) ? c.resources : {};
    const req = isObject(res.requests) ? res.requests : {};
    const lim = isObject(res.limits) ? res.limits : {};
    cpu += parseQuantity(req.cpu ?? lim.cpu) ?? 0;
    memory += parseQuantity(req.memory ?? lim.memory) ?? 0;
  }
  return { cpu, memory };
}

export function demuxDockerLog(buf: Buffer): string {
  // non-TTY containers: frames of [stream, 0, 0, 0, size32] + payload
  if (buf.length >= 8 && buf[0] <= 2 && buf[1] === 0 && buf[2] === 0 && buf[3] === 0) {
    const out: Buffer[] = [];
    let i = 0;
    while (i + 8 <= buf.length) {
      const size = buf.readUInt32BE(i + 4);
      out.push(buf.subarray(i + 8, i + 8 + size));
      i += 8 + size;
    }
    return Buffer.concat(out).toString('utf8');
  }
  return buf.toString('utf8');
}

function tailText(text: string, lines?: number, limitBytes?: number): string {
  let out = text;
  if (lines !== undefined) {
    const all = out.split('\n');
    const trailing = all[all.length - 1] === '' ? all.pop() : undefined;
    out = all.slice(Math.max(0, all.length - lines)).join('\n') + (trailing !== undefined && lines > 0 ? '\n' : '');
  }
  if (limitBytes !== undefined && Buffer.byteLength(out) > limitBytes) out = Buffer.from(out).subarray(0, limitBytes).toString('utf8');
  return out;
}

async function freePort(used: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    if (!used.has(port)) {
      used.add(port);
      return port;
    }
  }
  throw new Error('no free port');
}

/** resolves after `ms` (or at once for ms <= 0) without keeping the process alive */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    setTimeout(resolve, ms).unref();
  });
}

/**
 * The grace period of a DELETE (`?gracePeriodSeconds` or DeleteOptions.gracePeriodSeconds):
 * undefined when not given; a negative one counts as 1, as the API server's pod strategy does.
 */
export function parseGracePeriod(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw errors.badRequest(`gracePeriodSeconds: Invalid value: ${JSON.stringify(v)}: must be an integer`);
  return n < 0 ? 1 : n;
}

/**
 * The loopback port a Service's targetPort (or a probe's port) reaches on a pod whose
 * container listens on `loopback` (its PORT): a declared containerPort, by number or name,
 * maps to it; so does any port of a pod that declares none. Anything else is not served
 * (`declared: false`; `port` is the number asked for, or absent for an unknown name).
 */
export function podTargetPort(pod: KubeObject, port: unknown, loopback: number | undefined): { port?: number; declared: boolean } {
  const ports = podContainers(pod).flatMap((c) => (Array.isArray(c.ports) ? c.ports.filter(isObject) : []));
  let number: number | undefined;
  if (typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))) number = Number(port);
  else {
    const p = ports.find((x) => x.name === port);
    if (!p) return { declared: false };
    number = Number(p.containerPort);
  }
  const declared = ports.some((x) => Number(x.containerPort) === number);
  if ((declared || ports.length === 0) && loopback !== undefined && loopback > 0) return { port: loopback, declared: true };
  return { port: number, declared: false };
}

function periodOf(probe: JsonObject): number {
  return Math.max(1, Number(probe.periodSeconds ?? 10)) * 1000;
}

function errMessage(err: unknown): string {
  const e = err as { json?: { message?: string }; message?: string };
  return e?.json?.message ?? (err instanceof Error ? err.message : String(err));
}

/** the registry host of an image reference (docker.io when it has none) */
export function imageRegistry(image: string): string {
  const first = image.split('/')[0];
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io';
}

export class FakeNode {
  private readonly pods = new Map<string, PodRuntime>();
  private readonly usedPorts = new Set<number>();
  private readonly inflight = new Set<Promise<unknown>>();
  private scheduleTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private closed = false;
  private closedSignal!: () => void;
  private readonly closing = new Promise<void>((r) => (this.closedSignal = r));
  private allocatable: { cpu: number; memory: number };
  private startedContainers = false;

  constructor(private readonly o: NodeOptions) {
    this.allocatable = this.parseAllocatable(o.allocatable);
    o.store.onChange((type, obj) => {
      if (obj.kind !== 'Pod' || this.closed) return;
      if (type === 'ADDED') this.admit(obj);
      else if (type === 'DELETED') this.evict(obj);
    });
    // every deletion of a pod: the node terminates it gracefully and removes the object at the end
    o.store.setDeleter('Pod', (ns, name) => this.deletePod(ns, name));
  }

  /**
   * Delete a pod as the API server and the kubelet do: at once when the grace period is 0,
   * the pod was never scheduled or has finished; else mark it terminating and stop it (preStop,
   * SIGTERM, SIGKILL) in the background. Returns the pod as the DELETE answers it (terminating,
   * or as deleted), undefined when there is none.
   */
  deletePod(ns: string, name: string, gracePeriodSeconds?: number): KubeObject | undefined {
    const pod = this.o.store.peek('Pod', ns, name);
    if (!pod) return undefined;
    const rt = this.pods.get(`${ns}/${name}`);
    const spec = isObject(pod.spec) ? pod.spec : {};
    const grace = gracePeriodSeconds ?? (typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30);
    const phase = isObject(pod.status) ? pod.status.phase : undefined;
    if (this.closed || grace <= 0 || !rt || rt.uid !== pod.metadata.uid || !rt.scheduled || phase === 'Succeeded' || phase === 'Failed')
      return this.o.store.removeNow('Pod', ns, name);
    if (rt.terminating) return deepCopy(pod);
    rt.terminating = true;
    const since = Date.now();
    const marked = this.o.store.put({
      ...pod,
      metadata: { ...pod.metadata, deletionTimestamp: kubeTime(since + grace * 1000), deletionGracePeriodSeconds: grace },
    });
    rt.clearTimers();
    rt.ready = false;
    this.writeStatus(rt);
    this.track(this.terminate(rt, grace, since));
    return this.o.store.get('Pod', ns, name) ?? marked;
  }

  /** the kubelet's side of a graceful deletion: preStop, SIGTERM, SIGKILL when the grace runs out, then the pod object goes */
  private async terminate(rt: PodRuntime, graceSeconds: number, since: number): Promise<void> {
    const deadline = since + graceSeconds * 1000;
    const pod = this.pod(rt);
    const c = pod ? podContainers(pod)[0] : undefined;
    const cname = containerName(c);
    const container = rt.container;
    const aborted = () => rt.stopped || this.closed;
    if (container && pod && rt.state.running !== undefined) {
      this.event(rt, 'Normal', 'Killing', `Stopping container ${cname}`, cname);
      const lifecycle = c && isObject(c.lifecycle) ? c.lifecycle : {};
      const hook = isObject(lifecycle.preStop) ? lifecycle.preStop : undefined;
      if (hook) {
        const failure = await Promise.race([
          this.preStop(rt, pod, hook, deadline),
          pause(deadline - Date.now()).then(() => undefined),
          this.closing.then(() => undefined),
        ]);
        if (aborted()) return;
        if (failure !== undefined) this.event(rt, 'Warning', 'FailedPreStopHook', `PreStopHook failed: ${failure}`, cname);
      }
      // the grace period left; the kubelet always grants at least 2 s between SIGTERM and SIGKILL
      const stopWindow = Math.max(deadline - Date.now(), 2_000);
      try {
        await container.kill({ signal: 'SIGTERM' });
      } catch {
        // exited meanwhile
      }
      const exited = await Promise.race([
        container.wait().then(
          () => true,
          () => true,
        ),
        pause(stopWindow).then(() => false),
        this.closing.then(() => true),
      ]);
      if (aborted()) return;
      if (!exited) {
        try {
          await container.kill({ signal: 'SIGKILL' });
          await container.wait();
        } catch {
          // exited meanwhile
        }
      }
      try {
        const info = await container.inspect();
        const exitCode = info.State.ExitCode;
        rt.state = {
          terminated: {
            exitCode,
            reason: exitCode === 0 ? 'Completed' : 'Error',
            startedAt: rt.runningSince ? kubeTime(rt.runningSince) : kubeTime(),
            finishedAt:
              info.State.FinishedAt && !info.State.FinishedAt.startsWith('0001') ? kubeTime(Date.parse(info.State.FinishedAt)) : kubeTime(),
            containerID: `docker://${container.id}`,
          },
        };
      } catch {
        rt.state = { terminated: { exitCode: 137, reason: 'Error', finishedAt: kubeTime(), containerID: `docker://${container.id}` } };
      }
      if (aborted()) return;
      this.writeStatus(rt);
    }
    if (aborted()) return;
    rt.container = undefined;
    if (container) await removeContainer(container);
    if (aborted()) return;
    const current = this.o.store.peek('Pod', rt.ns, rt.name);
    if (current && current.metadata.uid === rt.uid) this.o.store.removeNow('Pod', rt.ns, rt.name);
  }

  /** a container's preStop hook; the failure message, or undefined when it succeeded */
  private async preStop(rt: PodRuntime, pod: KubeObject, hook: JsonObject, deadline: number): Promise<string | undefined> {
    if (isObject(hook.sleep)) {
      await pause(Number(hook.sleep.seconds ?? 0) * 1000);
      return undefined;
    }
    if (isObject(hook.exec) || isObject(hook.httpGet)) {
      const timeoutSeconds = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
      const r = await this.runProbe(rt, pod, { ...hook, timeoutSeconds });
      return r.ok ? undefined : r.message;
    }
    return 'fake-kube runs sleep, exec and httpGet preStop hooks only';
  }

  setAllocatable(a: { cpu: string; memory: string }): void {
    this.allocatable = this.parseAllocatable(a);
    this.scheduleSoon();
  }

  private parseAllocatable(a: { cpu: string; memory: string }): { cpu: number; memory: number } {
    const cpu = parseQuantity(a.cpu);
    const memory = parseQuantity(a.memory);
    if (cpu === undefined || memory === undefined) throw new Error(`invalid allocatable ${JSON.stringify(a)}`);
    return { cpu, memory };
  }

  /** the loopback port that a pod's containerPort maps to (undefined before it is scheduled) */
  podPort(ns: string, name: string): number | undefined {
    const rt = this.pods.get(`${ns}/${name}`);
    return rt && rt.port > 0 ? rt.port : undefined;
  }

  proxiedRequests(podName: string, ns?: string): number {
    let n = 0;
    for (const rt of this.pods.values()) if (rt.name === podName && (ns === undefined || rt.ns === ns)) n += rt.proxied;
    return n + (this.proxiedGone.get(ns === undefined ? podName : `${ns}/${podName}`) ?? 0);
  }

  private readonly proxiedGone = new Map<string, number>();

  countProxied(ns: string, name: string): void {
    const rt = this.pods.get(`${ns}/${name}`);
    if (rt) rt.proxied++;
    else {
      // a pod that lagging endpoints still list
      this.proxiedGone.set(name, (this.proxiedGone.get(name) ?? 0) + 1);
      this.proxiedGone.set(`${ns}/${name}`, (this.proxiedGone.get(`${ns}/${name}`) ?? 0) + 1);
    }
  }

  /** stop a pod's container as the kernel or a user would; `oom` reports it as OOMKilled */
  async killContainer(podName: string, opts: { oom?: boolean; namespace?: string } = {}): Promise<void> {
    const rt = [...this.pods.values()].find((p) => p.name === podName && (opts.namespace === undefined || p.ns === opts.namespace));
    if (!rt) throw new Error(`fake-kube: no pod ${podName}`);
    if (!rt.container) throw new Error(`fake-kube: pod ${podName} has no running container (state ${JSON.stringify(rt.state)})`);
    rt.oomNext = opts.oom === true;
    try {
      await rt.container.kill();
    } catch (err: unknown) {
      rt.oomNext = false;
      throw new Error(`fake-kube: killing the container of ${podName} failed: ${errMessage(err)}`);
    }
  }

  // ---- pod admission and scheduling ---------------------------------------------------

  private admit(pod: KubeObject): void {
    const rt = new PodRuntime(String(pod.metadata.namespace), String(pod.metadata.name), String(pod.metadata.uid), Date.now());
    this.pods.set(rt.key, rt);
    this.scheduleSoon();
  }

  private evict(pod: KubeObject): void {
    const key = `${String(pod.metadata.namespace)}/${String(pod.metadata.name)}`;
    const rt = this.pods.get(key);
    if (!rt || rt.uid !== pod.metadata.uid) return;
    rt.stopped = true;
    rt.clearTimers();
    this.pods.delete(key);
    this.proxiedGone.set(rt.name, (this.proxiedGone.get(rt.name) ?? 0) + rt.proxied);
    this.proxiedGone.set(rt.key, (this.proxiedGone.get(rt.key) ?? 0) + rt.proxied);
    if (rt.container) {
      this.o.events.record(pod, 'Normal', 'Killing', `Stopping container ${containerName(podContainers(pod)[0])}`, {
        component: 'kubelet',
        host: this.o.nodeName,
      });
      const c = rt.container;
      rt.container = undefined;
      this.track(removeContainer(c));
    }
    // rt.port stays in usedPorts: no other pod of this fake gets it (see the header comment)
    this.scheduleSoon();
  }

  private scheduleSoon(): void {
    if (this.closed || this.scheduleTimer) return;
    this.scheduleTimer = setTimeout(() => {
      this.scheduleTimer = undefined;
      this.schedule();
    }, 5);
  }

  private schedule(): void {
    if (this.closed) return;
    let used = { cpu: 0, memory: 0 };
    for (const rt of this.pods.values()) {
      if (!rt.scheduled) continue;
      const pod = this.o.store.peek('Pod', rt.ns, rt.name);
      if (!pod) continue;
      const r = podRequests(pod);
      used = { cpu: used.cpu + r.cpu, memory: used.memory + r.memory };
    }
    let waiting = false;
    for (const rt of [...this.pods.values()].filter((p) => !p.scheduled).sort((a, b) => a.created - b.created)) {
      const pod = this.o.store.peek('Pod', rt.ns, rt.name);
      if (!pod) continue;
      const req = podRequests(pod);
      const insufficient: string[] = [];
      if (used.cpu + req.cpu > this.allocatable.cpu + 1e-9) insufficient.push('Insufficient cpu');
      if (used.memory + req.memory > this.allocatable.memory) insufficient.push('Insufficient memory');
      if (insufficient.length > 0) {
        waiting = true;
        const message = `0/1 nodes are available: ${insufficient.map((i) => `1 ${i}`).join(', ')}. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`;
        if (message !== rt.unschedulable || Date.now() - rt.lastSchedulingEvent > 5_000) {
          rt.lastSchedulingEvent = Date.now();
          this.o.events.record(pod, 'Warning', 'FailedScheduling', message, { component: 'default-scheduler' });
        }
        rt.unschedulable = message;
        rt.setCondition('PodScheduled', 'False', 'Unschedulable', message);
        this.writeStatus(rt);
        continue;
      }
      used = { cpu: used.cpu + req.cpu, memory: used.memory + req.memory };
      rt.scheduled = true;
      rt.unschedulable = undefined;
      const bound = this.o.store.put({ ...pod, spec: { ...(pod.spec as JsonObject), nodeName: this.o.nodeName } });
      this.o.events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${rt.ns}/${rt.name} to ${this.o.nodeName}`, {
        component: 'default-scheduler',
      });
      rt.setCondition('PodScheduled', 'True');
      rt.startTime = kubeTime();
      this.track(this.startPod(rt));
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = waiting ? setTimeout(() => this.schedule(), 1_000) : undefined;
  }

  // ---- the kubelet ----------------------------------------------------------------------

  private track<T>(p: Promise<T>): void {
    const tracked = p.catch(() => undefined).finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }

  private later(rt: PodRuntime, ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      rt.timers.delete(t);
      if (!rt.stopped && !this.closed) fn();
    }, ms);
    rt.timers.add(t);
  }

  private pod(rt: PodRuntime): KubeObject | undefined {
    const p = this.o.store.peek('Pod', rt.ns, rt.name);
    return p && p.metadata.uid === rt.uid ? p : undefined;
  }

  private event(rt: PodRuntime, type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    const pod = this.pod(rt);
    if (pod)
      this.o.events.record(
        pod,
        type,
        reason,
        message,
        { component: 'kubelet', host: this.o.nodeName },
        container ? `spec.containers{${container}}` : undefined,
      );
  }

  private gone(rt: PodRuntime): boolean {
    return rt.stopped || rt.terminating || this.closed;
  }

  private async startPod(rt: PodRuntime): Promise<void> {
    rt.port = await freePort(this.usedPorts);
    this.writeStatus(rt);
    await this.startContainer(rt);
  }

  private backoff(rt: PodRuntime, which: 'backoffMs' | 'pullBackoffMs'): number {
    rt[which] = rt[which] ? Math.min(rt[which] * 2, MAX_BACKOFF_MS) : 1_000;
    return rt[which];
  }

  private async startContainer(rt: PodRuntime): Promise<void> {
    const pod = this.pod(rt);
    if (!pod || this.gone(rt)) return;
    const c = podContainers(pod)[0];
    const cname = String(c.name);
    const image = String(c.image);
    let env: string[];
    try {
      env = this.containerEnv(pod, c, rt);
    } catch (err: unknown) {
      const msg = errMessage(err);
      rt.state = { waiting: { reason: 'CreateContainerConfigError', message: msg } };
      this.event(rt, 'Warning', 'Failed', `Error: ${msg}`, cname);
      this.writeStatus(rt);
      this.later(rt, this.backoff(rt, 'backoffMs'), () => this.track(this.startContainer(rt)));
      return;
    }
    if (!(await this.ensureImage(rt, pod, c))) return;
    if (this.gone(rt)) return;
    const expand = (s: string) =>
      s.replace(/\$\(([-._a-zA-Z][-._a-zA-Z0-9]*)\)/g, (m: string, v: string) => {
        const hit = [...env].reverse().find((e) => e.startsWith(`${v}=`));
        return hit ? hit.slice(v.length + 1) : m;
      });
    const res = isObject(c.resources) ? c.resources : {};
    const limits = isObject(res.limits) ? res.limits : {};
    const memory = parseQuantity(limits.memory);
    const cpu = parseQuantity(limits.cpu);
    let container: Docker.Container;
    this.startedContainers = true;
    try {
      container = await this.o.docker.createContainer({
        name: `fake-kube-${this.o.instanceId}-${rt.name}-${rt.restartCount}`.slice(0, 200),
        Image: image,
        ...(Array.isArray(c.command) ? { Entrypoint: c.command.map((x) => expand(String(x))) } : {}),
        ...(Array.isArray(c.args) ? { Cmd: c.args.map((x) => expand(String(x))) } : {}),
        ...(typeof c.workingDir === 'string' ? { WorkingDir: c.workingDir } : {}),
        Env: env,
        Labels: { [CONTAINER_LABEL]: this.o.instanceId, [`${CONTAINER_LABEL}.pod`]: rt.name, [`${CONTAINER_LABEL}.namespace`]: rt.ns },
        HostConfig: {
          NetworkMode: 'host',
          // tini as PID 1 (see the header comment)
          Init: true,
          ...(memory ? { Memory: Math.max(6 * 1024 * 1024, Math.floor(memory)) } : {}),
          ...(cpu ? { NanoCpus: Math.floor(cpu * 1e9) } : {}),
        },
      });
    } catch (err: unknown) {
      const msg = errMessage(err);
      rt.state = { waiting: { reason: 'CreateContainerError', message: msg } };
      this.event(rt, 'Warning', 'Failed', `Error: ${msg}`, cname);
      this.writeStatus(rt);
      this.later(rt, this.backoff(rt, 'backoffMs'), () => this.track(this.startContainer(rt)));
      return;
    }
    if (this.gone(rt)) return removeContainer(container);
    rt.container = container;
    rt.containerId = container.id;
    this.event(rt, 'Normal', 'Created', `Created container: ${cname}`, cname);
    const instance = ++rt.instance;
    try {
      await container.start();
    } catch (err: unknown) {
      const msg = errMessage(err);
      this.event(rt, 'Warning', 'Failed', `Error: failed to start container "${cname}": ${msg}`, cname);
      await this.onExit(rt, instance, container, { reason: 'StartError', exitCode: 128, message: msg });
      return;
    }
    if (this.gone(rt)) return removeContainer(container);
    this.event(rt, 'Normal', 'Started', `Started container ${cname}`, cname);
    rt.everStarted = true;
    rt.runningSince = Date.now();
    rt.state = { running: { startedAt: kubeTime() } };
    rt.started = !isObject(c.startupProbe);
    rt.ready = rt.started && !isObject(c.readinessProbe);
    for (const p of Object.values(rt.probes)) Object.assign(p, { failures: 0, successes: 0, lastCounted: 0, lastRun: 0 });
    this.writeStatus(rt);
    rt.probeTimer = setInterval(() => void this.probeTick(rt, instance), TICK_MS);
    container.wait().then(
      () => this.track(this.onExit(rt, instance, container)),
      () => this.track(this.onExit(rt, instance, container)),
    );
  }

  private async onExit(
    rt: PodRuntime,
    instance: number,
    container: Docker.Container,
    startError?: { reason: string; exitCode: number; message: string },
  ): Promise<void> {
    // a terminating pod's container is stopped and removed by terminate()
    if (rt.stopped || rt.terminating || instance !== rt.instance) return;
    if (rt.probeTimer) clearInterval(rt.probeTimer);
    rt.probeTimer = undefined;
    let exitCode = startError?.exitCode ?? -1;
    let oom = false;
    let startedAt = rt.runningSince ? kubeTime(rt.runningSince) : kubeTime();
    let finishedAt = kubeTime();
    if (!startError) {
      try {
        const info = await container.inspect();
        exitCode = info.State.ExitCode;
        oom = info.State.OOMKilled;
        if (info.State.StartedAt && !info.State.StartedAt.startsWith('0001')) startedAt = kubeTime(Date.parse(info.State.StartedAt));
        if (info.State.FinishedAt && !info.State.FinishedAt.startsWith('0001')) finishedAt = kubeTime(Date.parse(info.State.FinishedAt));
      } catch {
        // removed meanwhile
      }
    }
    if (rt.oomNext) {
      oom = true;
      rt.oomNext = false;
    }
    let logs = '';
    try {
      logs = demuxDockerLog(await container.logs({ stdout: true, stderr: true, follow: false }));
      if (logs.length > MAX_CAPTURED_LOG) logs = logs.slice(logs.length - MAX_CAPTURED_LOG);
    } catch {
      // no logs
    }
    if (rt.terminating) return;
    await removeContainer(container);
    if (rt.stopped || rt.terminating || instance !== rt.instance) return;
    const pod = this.pod(rt);
    if (!pod) return;
    const c = podContainers(pod)[0];
    const cname = String(c.name);
    const reason = startError?.reason ?? (oom ? 'OOMKilled' : exitCode === 0 ? 'Completed' : 'Error');
    rt.lastState = {
      terminated: {
        exitCode,
        reason,
        ...(startError ? { message: startError.message } : {}),
        startedAt,
        finishedAt,
        containerID: `docker://${container.id}`,
      },
    };
    rt.lastLogs = logs;
    rt.container = undefined;
    rt.ready = false;
    rt.started = false;
    rt.restartCount++;
    if (rt.runningSince && Date.now() - rt.runningSince > BACKOFF_RESET_MS) rt.backoffMs = 0;
    const restartPolicy = (pod.spec as JsonObject).restartPolicy;
    const policy = typeof restartPolicy === 'string' ? restartPolicy : 'Always';
    if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) {
      rt.restartCount--;
      rt.state = rt.lastState;
      rt.lastState = {};
      this.writeStatus(rt, exitCode === 0 ? 'Succeeded' : 'Failed');
      return;
    }
    const wait = this.backoff(rt, 'backoffMs');
    rt.state = {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${wait / 1000}s restarting failed container=${cname} pod=${rt.name}_${rt.ns}(${rt.uid})`,
      },
    };
    this.event(rt, 'Warning', 'BackOff', `Back-off restarting failed container ${cname} in pod ${rt.name}_${rt.ns}(${rt.uid})`, cname);
    this.writeStatus(rt);
    this.later(rt, wait, () => this.track(this.startContainer(rt)));
  }

  private async imagePresent(image: string): Promise<{ present: boolean; id?: string }> {
    try {
      const info = await this.o.docker.getImage(image).inspect();
      return { present: true, id: info.RepoDigests?.[0] ?? info.Id };
    } catch {
      return { present: false };
    }
  }

  private pullAuth(
    rt: PodRuntime,
    pod: KubeObject,
    image: string,
  ): { username: string; password: string; serveraddress: string } | undefined {
    const registry = imageRegistry(image);
    const secrets = (pod.spec as JsonObject).imagePullSecrets;
    const missing: string[] = [];
    let found: { username: string; password: string; serveraddress: string } | undefined;
    for (const ref of Array.isArray(secrets) ? secrets : []) {
      const name = isObject(ref) ? String(ref.name) : '';
      const secret = this.o.store.peek('Secret', rt.ns, name);
      if (!secret) {
        missing.push(name);
        continue;
      }
      const data = isObject(secret.data) ? secret.data : {};
      let auths: JsonObject = {};
      try {
        if (secret.type === 'kubernetes.io/dockerconfigjson' && typeof data['.dockerconfigjson'] === 'string') {
          const cfg = JSON.parse(Buffer.from(data['.dockerconfigjson'], 'base64').toString('utf8')) as unknown;
          auths = isObject(cfg) && isObject(cfg.auths) ? cfg.auths : {};
        } else if (secret.type === 'kubernetes.io/dockercfg' && typeof data['.dockercfg'] === 'string') {
          const cfg = JSON.parse(Buffer.from(data['.dockercfg'], 'base64').toString('utf8')) as unknown;
          auths = isObject(cfg) ? cfg : {};
        }
      } catch {
        continue;
      }
      for (const [host, entry] of Object.entries(auths)) {
        const h = host.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
        if (h !== registry || !isObject(entry) || found) continue;
        let username = typeof entry.username === 'string' ? entry.username : '';
        let password = typeof entry.password === 'string' ? entry.password : '';
        if ((!username || !password) && typeof entry.auth === 'string') {
          const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
          username = decoded.slice(0, decoded.indexOf(':'));
          password = decoded.slice(decoded.indexOf(':') + 1);
        }
        found = { username, password, serveraddress: registry };
      }
    }
    if (missing.length > 0)
      this.event(
        rt,
        'Warning',
        'FailedToRetrieveImagePullSecret',
        `Unable to retrieve some image pull secrets (${missing.join(', ')}); attempting to pull the image may not succeed.`,
      );
    return found;
  }

  private async ensureImage(rt: PodRuntime, pod: KubeObject, c: JsonObject): Promise<boolean> {
    const image = String(c.image);
    const cname = String(c.name);
    const policy = typeof c.imagePullPolicy === 'string' ? c.imagePullPolicy : imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
    const local = await this.imagePresent(image);
    if (this.gone(rt)) return false;
    if (policy === 'Never' && !local.present) {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      rt.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } };
      this.event(rt, 'Warning', 'ErrImageNeverPull', msg, cname);
      this.writeStatus(rt);
      this.later(rt, this.backoff(rt, 'pullBackoffMs'), () => this.track(this.startContainer(rt)));
      return false;
    }
    if (local.present && policy !== 'Always') {
      rt.imageId = local.id;
      if (rt.restartCount === 0 && rt.instance === 0)
        this.event(rt, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, cname);
      return true;
    }
    this.event(rt, 'Normal', 'Pulling', `Pulling image "${image}"`, cname);
    const started = Date.now();
    let pullTimer: NodeJS.Timeout | undefined;
    try {
      const authconfig = this.pullAuth(rt, pod, image);
      await Promise.race([
        (async () => {
          const stream = await this.o.docker.pull(image, authconfig ? { authconfig } : {});
          await new Promise<void>((resolve, reject) =>
            this.o.docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())),
          );
        })(),
        new Promise<never>(
          (_, reject) =>
            (pullTimer = setTimeout(() => reject(new Error(`pull did not finish within ${PULL_TIMEOUT_MS / 1000} s`)), PULL_TIMEOUT_MS)),
        ),
        this.closing,
      ]);
    } catch (err: unknown) {
      if (this.gone(rt)) return false;
      const msg = errMessage(err);
      rt.state = { waiting: { reason: 'ErrImagePull', message: msg } };
      this.event(rt, 'Warning', 'Failed', `Failed to pull image "${image}": ${msg}`, cname);
      this.event(rt, 'Warning', 'Failed', 'Error: ErrImagePull', cname);
      this.writeStatus(rt);
      const wait = this.backoff(rt, 'pullBackoffMs');
      this.later(rt, Math.min(500, wait / 2), () => {
        rt.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ErrImagePull: ${msg}` } };
        this.event(rt, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, cname);
        this.event(rt, 'Warning', 'Failed', 'Error: ImagePullBackOff', cname);
        this.writeStatus(rt);
      });
      this.later(rt, wait, () => this.track(this.startContainer(rt)));
      return false;
    } finally {
      clearTimeout(pullTimer);
    }
    if (this.gone(rt)) return false;
    rt.pullBackoffMs = 0;
    rt.imageId = (await this.imagePresent(image)).id;
    const secs = ((Date.now() - started) / 1000).toFixed(3);
    this.event(rt, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${secs}s (${secs}s including waiting)`, cname);
    return true;
  }

  /** the container's environment: the spec's env and envFrom, then PORT and MODELSHIP_HOST */
  private containerEnv(pod: KubeObject, c: JsonObject, rt: PodRuntime): string[] {
    const out: Array<[string, string]> = [['HOSTNAME', rt.name]];
    const ns = rt.ns;
    const configMap = (name: string, optional: boolean): Record<string, string> | undefined => {
      const cm = this.o.store.peek('ConfigMap', ns, name);
      if (!cm) {
        if (optional) return undefined;
        throw new KubeError(0, 'CreateContainerConfigError', `configmap "${name}" not found`);
      }
      return isObject(cm.data) ? (cm.data as Record<string, string>) : {};
    };
    const secret = (name: string, optional: boolean): Record<string, string> | undefined => {
      const s = this.o.store.peek('Secret', ns, name);
      if (!s) {
        if (optional) return undefined;
        throw new KubeError(0, 'CreateContainerConfigError', `secret "${name}" not found`);
      }
      const data = isObject(s.data) ? s.data : {};
      return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString('utf8')]));
    };
    for (const from of Array.isArray(c.envFrom) ? c.envFrom.filter(isObject) : []) {
      const prefix = typeof from.prefix === 'string' ? from.prefix : '';
      const ref = isObject(from.configMapRef) ? from.configMapRef : isObject(from.secretRef) ? from.secretRef : undefined;
      if (!ref) continue;
      const data = isObject(from.configMapRef)
        ? configMap(String(ref.name), ref.optional === true)
        : secret(String(ref.name), ref.optional === true);
      for (const [k, v] of Object.entries(data ?? {})) out.push([`${prefix}${k}`, v]);
    }
    const lookup = (name: string) => [...out].reverse().find(([k]) => k === name)?.[1];
    for (const e of Array.isArray(c.env) ? c.env.filter(isObject) : []) {
      const name = String(e.name);
      if (typeof e.value === 'string') {
        out.push([name, e.value.replace(/\$\(([-._a-zA-Z][-._a-zA-Z0-9]*)\)/g, (m: string, v: string) => lookup(v) ?? m)]);
        continue;
      }
      const vf = isObject(e.valueFrom) ? e.valueFrom : undefined;
      if (!vf) {
        out.push([name, '']);
        continue;
      }
      if (isObject(vf.configMapKeyRef)) {
        const ref = vf.configMapKeyRef;
        const data = configMap(String(ref.name), ref.optional === true);
        const v = data?.[String(ref.key)];
        if (v === undefined && ref.optional !== true)
          throw new KubeError(
            0,
            'CreateContainerConfigError',
            `couldn't find key ${String(ref.key)} in ConfigMap ${ns}/${String(ref.name)}`,
          );
        if (v !== undefined) out.push([name, v]);
      } else if (isObject(vf.secretKeyRef)) {
        const ref = vf.secretKeyRef;
        const data = secret(String(ref.name), ref.optional === true);
        const v = data?.[String(ref.key)];
        if (v === undefined && ref.optional !== true)
          throw new KubeError(0, 'CreateContainerConfigError', `couldn't find key ${String(ref.key)} in Secret ${ns}/${String(ref.name)}`);
        if (v !== undefined) out.push([name, v]);
      } else if (isObject(vf.fieldRef)) {
        const path = String(vf.fieldRef.fieldPath);
        const md = pod.metadata;
        const label = path.match(/^metadata\.(labels|annotations)\['(.+)'\]$/);
        const value = label
          ? String((label[1] === 'labels' ? md.labels : md.annotations)?.[label[2]] ?? '')
          : ((
              {
                'metadata.name': rt.name,
                'metadata.namespace': ns,
                'metadata.uid': rt.uid,
                'spec.nodeName': this.o.nodeName,
                'spec.serviceAccountName': 'default',
                'status.podIP': '127.0.0.1',
                'status.hostIP': '127.0.0.1',
                'status.podIPs': '127.0.0.1',
                'status.hostIPs': '127.0.0.1',
              } as Record<string, string>
            )[path] ?? '');
        out.push([name, value]);
      } else if (isObject(vf.resourceFieldRef)) {
        const res = isObject(c.resources) ? c.resources : {};
        const [kind, resName] = String(vf.resourceFieldRef.resource).split('.');
        const m = isObject(res[kind]) ? res[kind] : {};
        const q = parseQuantity(m[resName]);
        out.push([name, q === undefined ? '' : String(resName === 'cpu' ? Math.ceil(q) : Math.floor(q))]);
      }
    }
    // the adaptation to a shared loopback (see the header comment)
    out.push(['PORT', String(rt.port)], ['MODELSHIP_HOST', '127.0.0.1']);
    const merged = new Map<string, string>();
    for (const [k, v] of out) merged.set(k, v);
    return [...merged].map(([k, v]) => `${k}=${v}`);
  }

  // ---- probes ---------------------------------------------------------------------------

  /** the loopback port a probe or the proxy reaches for a container port (a number or a port name) */
  resolvePort(pod: KubeObject, port: unknown, rt?: PodRuntime): { port?: number; declared: boolean } {
    const runtime = rt ?? this.pods.get(`${String(pod.metadata.namespace)}/${String(pod.metadata.name)}`);
    return podTargetPort(pod, port, runtime && runtime.port > 0 ? runtime.port : undefined);
  }

  private async runProbe(rt: PodRuntime, pod: KubeObject, probe: JsonObject): Promise<{ ok: boolean; message: string }> {
    const timeoutMs = Math.max(1, Number(probe.timeoutSeconds ?? 1)) * 1000;
    if (isObject(probe.httpGet)) {
      const hg = probe.httpGet;
      const { port } = this.resolvePort(pod, hg.port, rt);
      const path = typeof hg.path === 'string' && hg.path ? hg.path : '/';
      const url = `http://127.0.0.1:${port ?? 0}${path}`;
      if (port === undefined) return { ok: false, message: `Get "${url}": port ${JSON.stringify(hg.port)} is not a container port` };
      const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.31', Accept: '*/*' };
      for (const h of Array.isArray(hg.httpHeaders) ? hg.httpHeaders.filter(isObject) : []) headers[String(h.name)] = String(h.value);
      return new Promise((resolve) => {
        const req = http.get({ host: '127.0.0.1', port, path, headers, timeout: timeoutMs }, (res) => {
          res.resume();
          const code = res.statusCode ?? 0;
          resolve(
            code >= 200 && code < 400 ? { ok: true, message: '' } : { ok: false, message: `HTTP probe failed with statuscode: ${code}` },
          );
        });
        req.on('timeout', () => req.destroy(new Error(`context deadline exceeded (Client.Timeout exceeded while awaiting headers)`)));
        req.on('error', (err: NodeJS.ErrnoException) => {
          const detail = err.code === 'ECONNREFUSED' ? `dial tcp 127.0.0.1:${port}: connect: connection refused` : err.message;
          resolve({ ok: false, message: `Get "${url}": ${detail}` });
        });
      });
    }
    if (isObject(probe.tcpSocket)) {
      const { port } = this.resolvePort(pod, probe.tcpSocket.port, rt);
      return new Promise((resolve) => {
        const sock = net.connect({ host: '127.0.0.1', port: port ?? 0 });
        const t = setTimeout(() => {
          sock.destroy();
          resolve({ ok: false, message: `dial tcp 127.0.0.1:${port}: i/o timeout` });
        }, timeoutMs);
        sock.once('connect', () => {
          clearTimeout(t);
          sock.destroy();
          resolve({ ok: true, message: '' });
        });
        sock.once('error', () => {
          clearTimeout(t);
          resolve({ ok: false, message: `dial tcp 127.0.0.1:${port}: connect: connection refused` });
        });
      });
    }
    if (isObject(probe.exec) && Array.isArray(probe.exec.command) && rt.container) {
      try {
        const exec = await rt.container.exec({ Cmd: probe.exec.command.map(String), AttachStdout: true, AttachStderr: true });
        const stream = await exec.start({});
        const out: Buffer[] = [];
        await Promise.race([
          new Promise<void>((resolve) => {
            stream.on('data', (b: Buffer) => out.push(b));
            stream.on('end', () => resolve());
            stream.on('error', () => resolve());
          }),
          new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
        ]);
        const info = await exec.inspect();
        return info.ExitCode === 0
          ? { ok: true, message: '' }
          : { ok: false, message: demuxDockerLog(Buffer.concat(out)).trim() || `command terminated with exit code ${info.ExitCode}` };
      } catch (err: unknown) {
        return { ok: false, message: errMessage(err) };
      }
    }
    return { ok: false, message: 'fake-kube runs httpGet, tcpSocket and exec probes only' };
  }

  /** one failure, counted at most once per periodSeconds */
  private countFailure(st: ProbeState, probe: JsonObject): boolean {
    st.successes = 0;
    const now = Date.now();
    if (st.lastCounted && now - st.lastCounted < periodOf(probe)) return false;
    st.lastCounted = now;
    st.failures++;
    return true;
  }

  private async probeTick(rt: PodRuntime, instance: number): Promise<void> {
    if (rt.probing || this.gone(rt) || instance !== rt.instance) return;
    const pod = this.pod(rt);
    if (!pod) return;
    const c = podContainers(pod)[0];
    const cname = String(c.name);
    rt.probing = true;
    const before = { ready: rt.ready, started: rt.started };
    try {
      const since = Date.now() - rt.runningSince;
      const due = (p: JsonObject) => since >= Number(p.initialDelaySeconds ?? 0) * 1000;
      const kill = async (which: string) => {
        this.event(rt, 'Normal', 'Killing', `Container ${cname} failed ${which} probe, will be restarted`, cname);
        try {
          await rt.container?.kill();
        } catch {
          // exited meanwhile
        }
      };
      if (!rt.started) {
        const sp = isObject(c.startupProbe) ? c.startupProbe : undefined;
        if (!sp) rt.started = true;
        else if (due(sp)) {
          const r = await this.runProbe(rt, pod, sp);
          if (instance !== rt.instance || this.gone(rt)) return;
          if (r.ok) {
            rt.started = true;
            rt.probes.startup.failures = 0;
          } else if (this.countFailure(rt.probes.startup, sp)) {
            this.event(rt, 'Warning', 'Unhealthy', `Startup probe failed: ${r.message}`, cname);
            if (rt.probes.startup.failures >= Number(sp.failureThreshold ?? 3)) return void (await kill('startup'));
          }
        }
      }
      if (rt.started) {
        const rp = isObject(c.readinessProbe) ? c.readinessProbe : undefined;
        const st = rt.probes.readiness;
        // polled every tick until ready (readiness is seen at once), then once per period
        if (!rp) rt.ready = true;
        else if (due(rp) && (!rt.ready || Date.now() - st.lastRun >= periodOf(rp))) {
          st.lastRun = Date.now();
          const r = await this.runProbe(rt, pod, rp);
          if (instance !== rt.instance || this.gone(rt)) return;
          if (r.ok) {
            st.failures = 0;
            st.lastCounted = 0;
            st.successes++;
            if (!rt.ready && st.successes >= Number(rp.successThreshold ?? 1)) rt.ready = true;
          } else if (this.countFailure(st, rp)) {
            this.event(rt, 'Warning', 'Unhealthy', `Readiness probe failed: ${r.message}`, cname);
            if (st.failures >= Number(rp.failureThreshold ?? 3)) rt.ready = false;
          }
        }
        const lp = isObject(c.livenessProbe) ? c.livenessProbe : undefined;
        const lst = rt.probes.liveness;
        // liveness: once per period, as the kubelet does
        if (lp && due(lp) && Date.now() - lst.lastRun >= periodOf(lp)) {
          lst.lastRun = Date.now();
          const r = await this.runProbe(rt, pod, lp);
          if (instance !== rt.instance || this.gone(rt)) return;
          if (r.ok) {
            lst.failures = 0;
            lst.lastCounted = 0;
          } else if (this.countFailure(lst, lp)) {
            this.event(rt, 'Warning', 'Unhealthy', `Liveness probe failed: ${r.message}`, cname);
            if (lst.failures >= Number(lp.failureThreshold ?? 3)) return void (await kill('liveness'));
          }
        }
      }
    } finally {
      rt.probing = false;
      if (!this.gone(rt) && instance === rt.instance && (before.ready !== rt.ready || before.started !== rt.started)) this.writeStatus(rt);
    }
  }

  // ---- status ---------------------------------------------------------------------------

  private writeStatus(rt: PodRuntime, terminalPhase?: 'Succeeded' | 'Failed'): void {
    const pod = this.pod(rt);
    if (!pod || this.closed) return;
    const containers = podContainers(pod);
    const old = isObject(pod.status) ? pod.status : {};
    if (rt.scheduled) {
      rt.setCondition('PodReadyToStartContainers', 'True');
      rt.setCondition('Initialized', 'True');
      const unready = `containers with unready status: [${containers.map((c) => String(c.name)).join(' ')}]`;
      rt.setCondition('Ready', rt.ready ? 'True' : 'False', rt.ready ? undefined : 'ContainersNotReady', rt.ready ? undefined : unready);
      rt.setCondition(
        'ContainersReady',
        rt.ready ? 'True' : 'False',
        rt.ready ? undefined : 'ContainersNotReady',
        rt.ready ? undefined : unready,
      );
    }
    const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
    const conditions = order
      .map((t) => rt.conditions.get(t))
      .filter((c): c is Condition => c !== undefined)
      .map((c) => ({ ...c, lastProbeTime: null }));
    const statuses = containers.map((c) => ({
      name: String(c.name),
      image: String(c.image),
      imageID: rt.imageId ?? '',
      ...(rt.containerId && rt.container ? { containerID: `docker://${rt.containerId}` } : {}),
      ready: rt.ready,
      started: rt.state.running !== undefined && rt.started,
      restartCount: rt.restartCount,
      state: rt.state,
      lastState: rt.lastState,
    }));
    const requests = podRequests(pod);
    const limited = containers.every(
      (c) =>
        isObject(c.resources) &&
        isObject(c.resources.limits) &&
        c.resources.limits.cpu !== undefined &&
        c.resources.limits.memory !== undefined,
    );
    const status: JsonObject = {
      phase: terminalPhase ?? (rt.everStarted ? 'Running' : 'Pending'),
      conditions,
      ...(rt.scheduled
        ? {
            hostIP: '127.0.0.1',
            hostIPs: [{ ip: '127.0.0.1' }],
            podIP: '127.0.0.1',
            podIPs: [{ ip: '127.0.0.1' }],
            startTime: rt.startTime,
          }
        : {}),
      ...(rt.scheduled ? { containerStatuses: statuses } : {}),
      qosClass: requests.cpu === 0 && requests.memory === 0 ? 'BestEffort' : limited ? 'Guaranteed' : 'Burstable',
    };
    if (old.phase === 'Succeeded' || old.phase === 'Failed') status.phase = old.phase;
    this.o.store.putStatus('Pod', rt.ns, rt.name, status);
  }

  // ---- logs -----------------------------------------------------------------------------

  async logs(ns: string, name: string, q: LogQuery): Promise<string> {
    const pod = this.o.store.peek('Pod', ns, name);
    if (!pod) throw errors.notFound('pods', '', name);
    const containers = podContainers(pod);
    const cname = q.container ?? containerName(containers[0]);
    if (q.container === undefined && containers.length > 1)
      throw errors.badRequest(
        `a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => String(c.name)).join(' ')}]`,
      );
    const index = containers.findIndex((c) => c.name === cname);
    if (index < 0) throw errors.badRequest(`container ${cname} is not valid for pod ${name}`);
    const rt = this.pods.get(`${ns}/${name}`);
    if (index > 0) return '';
    const waiting = rt && isObject(rt.state.waiting) ? String(rt.state.waiting.reason) : 'ContainerCreating';
    if (q.previous) {
      if (!rt || rt.lastLogs === undefined) throw errors.badRequest(`previous terminated container "${cname}" in pod "${name}" not found`);
      return tailText(rt.lastLogs, q.tailLines, q.limitBytes);
    }
    if (rt?.container) {
      try {
        const buf = await rt.container.logs({
          stdout: true,
          stderr: true,
          follow: false,
          timestamps: q.timestamps,
          ...(q.tailLines !== undefined ? { tail: q.tailLines } : {}),
          ...(q.sinceSeconds !== undefined ? { since: Math.floor(Date.now() / 1000) - q.sinceSeconds } : {}),
        });
        return tailText(demuxDockerLog(buf), undefined, q.limitBytes);
      } catch {
        // the container exited meanwhile: its captured logs follow
      }
    }
    if (rt?.lastLogs !== undefined) return tailText(rt.lastLogs, q.tailLines, q.limitBytes);
    throw errors.badRequest(`container "${cname}" in pod "${name}" is waiting to start: ${waiting}`);
  }

  // ---- shutdown -------------------------------------------------------------------------

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closedSignal();
    if (this.scheduleTimer) clearTimeout(this.scheduleTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const rt of this.pods.values()) {
      rt.stopped = true;
      rt.clearTimers();
      if (rt.container) this.track(removeContainer(rt.container));
    }
    for (let i = 0; i < 5 && this.inflight.size > 0; i++) await Promise.allSettled([...this.inflight]);
    this.pods.clear();
    // a fake that never started a container does not need the engine to close
    if (!this.startedContainers) return;
    let last: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await removeLabelled(this.o.docker, this.o.instanceId);
        return;
      } catch (err: unknown) {
        last = err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`fake-kube: removing the containers labelled ${CONTAINER_LABEL}=${this.o.instanceId} failed: ${errMessage(last)}`);
  }
}

export async function removeContainer(c: Docker.Container): Promise<void> {
  try {
    await c.remove({ force: true });
  } catch {
    // gone already
  }
}

/** remove every container of one fake-kube instance */
export async function removeLabelled(docker: Docker, instanceId: string): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${CONTAINER_LABEL}=${instanceId}`] } });
  await Promise.allSettled(list.map((c) => removeContainer(docker.getContainer(c.Id))));
}
