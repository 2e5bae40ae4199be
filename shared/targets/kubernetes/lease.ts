import * as os from 'node:os';
import type { V1Lease } from '@kubernetes/client-node';
import { KubeApi, KubeApiError, ObjectRef } from './kube-api';
import { LEASE_KIND } from './kinds';
import { endpointNames } from './names';
import { leaseObject } from './objects';
import { pidAlive } from '../process-alive';

/**
 * The command lock of a Kubernetes endpoint: a coordination.k8s.io Lease, used the way
 * client-go's leader election uses it.
 *
 * - Expiry is judged on OUR clock: a Lease held by someone else counts as abandoned only
 *   when its record (resourceVersion) has not changed for leaseDurationSeconds since we
 *   first saw it. Another runner's renewTime is never compared with our clock (skew).
 *   A holder that is a process of this machine that no longer exists is taken over at once.
 * - Every write carries the resourceVersion read (a concurrent writer gets 409).
 * - Fencing: a renewal that finds another holder, or renewals failing for a whole lease
 *   duration, call `onLost`; the command then stops at its next step boundary without
 *   changing the endpoint further.
 */
export interface LeaseLockOptions {
  api: KubeApi;
  namespace: string;
  endpoint: string;
  seconds: number;
  log: (line: string) => void;
  onLost?: (reason: string) => void;
  /** our clock, in ms (tests drive it) */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class LeaseLock {
  private readonly ref: ObjectRef;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: LeaseLockOptions) {
    this.ref = { ...LEASE_KIND, namespace: options.namespace, name: endpointNames(options.endpoint).lease };
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** the identity written into the Lease: who, where, which process (so that a dead local holder is recognised) */
  static identity(holder: string): string {
    return `${holder} (${os.hostname()} pid ${process.pid})`;
  }

  async acquire(holder: string): Promise<() => Promise<void>> {
    const identity = LeaseLock.identity(holder);
    let lease = await this.take(identity);
    let lastRenewed = this.now();
    let stopped = false;
    let lost = false;
    let renewing: Promise<void> = Promise.resolve();
    const { endpoint, seconds, log } = this.options;
    const loseIt = (reason: string) => {
      if (lost) return;
      lost = true;
      log(`${endpoint}: ${reason}`);
      this.options.onLost?.(reason);
    };
    const renew = async () => {
      try {
        lease = await this.options.api.replace(this.object(identity, lease.metadata?.resourceVersion, leaseTime(lease.spec?.acquireTime)));
        lastRenewed = this.now();
      } catch (err: unknown) {
        if (err instanceof KubeApiError && err.code === 409) {
          const current = await this.options.api.read<V1Lease>(this.ref).catch(() => undefined);
          if (current?.spec?.holderIdentity === identity) {
            lease = current;
            return;
          }
          loseIt(
            `lost the Lease ${this.ref.namespace}/${this.ref.name}: '${current?.spec?.holderIdentity || 'nobody'}' holds it now; this command stops at the next step boundary`,
          );
          return;
        }
        const message = err instanceof Error ? err.message : String(err);
        if (this.now() - lastRenewed >= seconds * 1000)
          loseIt(
            `could not renew the Lease ${this.ref.namespace}/${this.ref.name} for ${seconds} s (last: ${message}); another command may take it, so this one stops at the next step boundary`,
          );
        else log(`${endpoint}: renewing the Lease failed (retried in ${Math.round(seconds / 3)} s): ${message}`);
      }
    };
    const timer = setInterval(
      () => {
        if (!stopped && !lost) renewing = renew();
      },
      (seconds * 1000) / 3,
    );
    timer.unref();
    return async () => {
      stopped = true;
      clearInterval(timer);
      await renewing;
      if (lost) return;
      // give it up at once, so that the next command need not wait for the expiry
      const current = await this.options.api.read<V1Lease>(this.ref);
      if (current?.spec?.holderIdentity === identity) {
        await this.options.api
          .replace({ ...current, spec: { ...current.spec, holderIdentity: '', leaseDurationSeconds: 1 } })
          .catch(() => undefined);
      }
    };
  }

  private async take(identity: string): Promise<V1Lease> {
    const { api, endpoint, seconds, log } = this.options;
    let current = await api.read<V1Lease>(this.ref);
    if (!current) {
      try {
        return await api.create(this.object(identity));
      } catch (err: unknown) {
        if (!(err instanceof KubeApiError && err.code === 409)) throw err;
        current = await api.read<V1Lease>(this.ref);
        // a create retried after a lost answer may have succeeded the first time
        if (current?.spec?.holderIdentity === identity) return current;
        if (!current) throw err;
      }
    }
    // ours already (a create whose answer was lost, a retried command of this process)
    if (current.spec?.holderIdentity === identity) return api.replace(this.object(identity, current.metadata?.resourceVersion));
    // watch the record on our clock: only one that stays unchanged for a lease duration is abandoned
    let observed = current;
    let observedAt = this.now();
    let announced = false;
    for (;;) {
      const held = observed.spec?.holderIdentity;
      const duration = (observed.spec?.leaseDurationSeconds ?? seconds) * 1000;
      const deadLocal = held ? deadLocalHolder(held) : undefined;
      const free = !held || deadLocal !== undefined || this.now() - observedAt >= duration;
      if (free) {
        if (deadLocal !== undefined)
          log(`${endpoint}: taking over the Lease of '${held}': process ${deadLocal} of this machine no longer exists`);
        else if (held)
          log(`${endpoint}: taking over the Lease of '${held}': not renewed for ${Math.round(duration / 1000)} s by this runner's clock`);
        try {
          return await api.replace(this.object(identity, observed.metadata?.resourceVersion));
        } catch (err: unknown) {
          // someone else took it between our read and our write
          if (err instanceof KubeApiError && err.code === 409) return this.busy(await api.read<V1Lease>(this.ref));
          throw err;
        }
      }
      if (!announced) {
        log(
          `${endpoint}: the Lease ${this.ref.namespace}/${this.ref.name} is held by '${held}'; watching for up to ${Math.round(duration / 1000)} s whether it is renewed`,
        );
        announced = true;
      }
      await this.sleep(Math.min(1000, duration / 4));
      const next = await api.read<V1Lease>(this.ref);
      if (!next) {
        try {
          return await api.create(this.object(identity));
        } catch (err: unknown) {
          if (err instanceof KubeApiError && err.code === 409) return this.busy(await api.read<V1Lease>(this.ref));
          throw err;
        }
      }
      if (next.metadata?.resourceVersion !== observed.metadata?.resourceVersion) {
        // renewed or handed over: a live holder keeps it, a released one is free
        if (next.spec?.holderIdentity && next.spec.holderIdentity === observed.spec?.holderIdentity) return this.busy(next);
        observed = next;
        observedAt = this.now();
      }
    }
  }

  private object(identity: string, resourceVersion?: string, acquiredAt?: string): V1Lease {
    const { endpoint, namespace, seconds } = this.options;
    return leaseObject(endpoint, namespace, identity, seconds, new Date(), resourceVersion, acquiredAt);
  }

  private busy(lease: V1Lease | undefined): never {
    const since = leaseTime(lease?.spec?.acquireTime);
    throw new Error(
      `endpoint ${this.options.endpoint} is busy: '${lease?.spec?.holderIdentity || 'another modelship command'}' holds its Lease ${this.ref.namespace}/${this.ref.name}${since ? ` since ${since}` : ''} and renews it; wait for it to finish (a Lease that is not renewed is taken over after ${lease?.spec?.leaseDurationSeconds ?? this.options.seconds} s)`,
    );
  }
}

/** the pid of a holder that ran on this machine and is gone, or undefined */
function deadLocalHolder(identity: string): number | undefined {
  const match = /\((\S+) pid (\d+)\)$/.exec(identity);
  if (!match || match[1] !== os.hostname()) return undefined;
  const pid = Number(match[2]);
  return pid !== process.pid && !pidAlive(pid) ? pid : undefined;
}

/** client-node turns MicroTime into Date objects; accept both */
export function leaseTime(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}
