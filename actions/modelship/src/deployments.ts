import { isIP } from 'node:net';
import { errorMessage } from '../../../shared/errors';
import type { ModelshipEvent } from '../../../shared/report/events';
import type { RunReport } from '../../../shared/report/report';
import type { StepCommand } from '../../../shared/step-commands';

/**
 * GitHub Deployments for the commands that change production: a deployment of the model
 * version to the step's GitHub environment, and its statuses as the command goes
 * (queued, in_progress with the current step, then success, failure, or in_progress for a
 * paused rollout), the previous deployment of the environment made inactive once the new
 * one serves. Progress comes from the report's events. Posting is best effort and
 * serialised: one request in flight, in_progress updates coalesced and at most one per
 * `progressIntervalMs`; a failing request is a warning and never touches the command.
 */

export type DeploymentStatusState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface NewDeployment {
  ref: string;
  task: string;
  environment: string;
  description: string;
  auto_merge: boolean;
  required_contexts: string[];
  transient_environment: boolean;
  payload: Record<string, string | null>;
}

export interface NewDeploymentStatus {
  state: DeploymentStatusState;
  description: string;
  log_url?: string;
  environment_url?: string;
  auto_inactive?: boolean;
}

/** the part of the deployments REST API modelship uses */
export interface DeploymentsApi {
  createDeployment(body: NewDeployment): Promise<{ id: number }>;
  createStatus(deploymentId: number, body: NewDeploymentStatus): Promise<void>;
  /** newest first */
  listDeployments(environment: string, perPage: number): Promise<Array<{ id: number }>>;
  latestStatus(deploymentId: number): Promise<DeploymentStatusState | undefined>;
}

export class DeploymentsApiError extends Error {
  constructor(
    readonly request: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'DeploymentsApiError';
  }
}

/** the commands that change production and report a deployment (`deploy` changes staging only) */
export const DEPLOYING_COMMANDS: ReadonlySet<StepCommand> = new Set<StepCommand>(['run', 'rollout', 'promote', 'rollback']);

export const DEPLOYMENT_TASK = 'deploy:model';
/** the API's limit for a status description */
export const MAX_DESCRIPTION = 140;

export interface DeploymentReporterOptions {
  command: StepCommand;
  environment: string;
  ref: string;
  /** the workflow run, for log_url */
  logUrl?: string;
  targetKind: string;
  strategy: string;
  /** the production endpoint's URL, asked once the new version serves */
  endpointUrl: () => Promise<string | undefined>;
  warn: (message: string) => void;
  info: (message: string) => void;
  progressIntervalMs?: number;
}

type Op =
  | { kind: 'create'; body: NewDeployment }
  /** `final`: the last word of the command (never coalesced or dropped) */
  | { kind: 'status'; state: DeploymentStatusState; description: string; final: boolean }
  | { kind: 'replace' };

export function clip(text: string, max = MAX_DESCRIPTION): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

/** an address GitHub users could open: not loopback, private, link-local or a cluster-internal name */
export function isPublicUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || /\.(local|internal|lan|home\.arpa)$/.test(host) || !host.includes('.')) {
    return isIP(host) === 6 ? publicV6(host) : false;
  }
  if (isIP(host) === 4) return publicV4(host);
  if (isIP(host) === 6) return publicV6(host);
  return true;
}

function publicV4(host: string): boolean {
  const [a, b] = host.split('.').map(Number);
  if (a === 0 || a === 10 || a === 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  return true;
}

function publicV6(host: string): boolean {
  if (host === '::1' || host === '::') return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (mapped) return publicV4(mapped[1]);
  return !/^(fc|fd|fe8|fe9|fea|feb)/.test(host);
}

const pct = (rate: number): string => `${Number((rate * 100).toFixed(2))}%`;

export class DeploymentReporter {
  private readonly ops: Op[] = [];
  private worker?: Promise<void>;
  private disabled = false;
  private deploymentId?: number;
  private model?: { name: string; version: string };
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  private progressPosted = false;
  /** a stage that may change production has started (the deployment is created once the version is known too) */
  private started = false;
  private created = false;
  private finalQueued = false;
  /** `rollback` redeployed the previous version: the deployment of that version succeeds */
  private restored = false;
  private readonly interval: number;

  constructor(
    private readonly api: DeploymentsApi,
    private readonly opts: DeploymentReporterOptions,
  ) {
    this.interval = opts.progressIntervalMs ?? 2000;
  }

  /** follow `report`; answers the function that stops following it */
  attach(report: RunReport): () => void {
    return report.onEvent((event, r) => this.onEvent(event, r));
  }

  /** wait for the requests still queued, at most `timeoutMs` */
  async finish(timeoutMs = 15_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const done = (async (): Promise<'done'> => {
      while (this.worker) await this.worker;
      return 'done';
    })();
    const first = await Promise.race([done, timeout]);
    clearTimeout(timer);
    if (first === 'timeout') {
      this.disabled = true;
      this.opts.warn(`GitHub deployments: the API did not answer within ${timeoutMs / 1000} s; the last statuses were not posted`);
    }
  }

  private onEvent(event: ModelshipEvent, report: RunReport): void {
    if (this.disabled || this.finalQueued) return;
    if (event.type === 'stage' && event.status === 'start' && this.changesProduction(event.stage)) this.started = true;
    if (!this.created && this.started && report.model && this.changes(event)) this.create(report);
    if (!this.created) return;
    const model = this.model;
    switch (event.type) {
      case 'stage':
        if (event.status === 'start') this.progress(this.stageText(event.stage));
        else if (event.status === 'failed') this.final('failure', `${event.stage} failed: ${event.message ?? 'see the log'}`);
        break;
      case 'step':
        this.progress(
          `${this.opts.strategy} step ${event.index}/${event.total}: ${event.weight}% of traffic${event.mirror ? `, ${event.mirror}% mirrored` : ''}`,
        );
        break;
      case 'analysis':
        this.progress(
          `${this.opts.strategy} ${event.weight}%, error rate ${pct(event.errorRate)}${event.p99Ms !== undefined ? `, p99 ${Math.round(event.p99Ms)} ms` : ''} (${event.requests} requests, ${event.verdict})`,
        );
        break;
      case 'shadow':
        this.progress(`shadow: ${pct(event.rate)} agreement on ${event.pairs} requests (${event.verdict})`);
        break;
      case 'pause':
        this.final('in_progress', `paused at step ${event.step}: waiting for \`promote\` (or \`rollback\`)`);
        break;
      case 'rollback':
        if (this.opts.command === 'rollback' && event.reason.startsWith('manual rollback from')) this.restored = true;
        else this.final('failure', `rolled back: ${event.reason}`);
        break;
      case 'result':
        switch (event.result) {
          case 'promoted':
            this.final('success', `${model?.name} v${model?.version} serves all traffic`);
            break;
          case 'paused':
            this.final('in_progress', `paused: ${event.reason ?? 'waiting for `promote`'}`);
            break;
          case 'rolled-back':
            if (this.restored) this.final('success', event.reason ?? `${model?.name} v${model?.version} restored`);
            else this.final('failure', `rolled back: ${event.reason ?? 'see the log'}`);
            break;
          case 'failed':
            this.final('failure', event.reason ?? `modelship ${this.opts.command} failed`);
            break;
          default:
            this.final('inactive', `nothing changed${event.reason ? `: ${event.reason}` : ''}`);
        }
        break;
      default:
        break;
    }
  }

  /**
   * whether the event shows the command under way in production: not a rollout that finds
   * production already serving the version (no-change), nor the start and end of its stage
   * alone. `run` is queued as soon as it goes to staging.
   */
  private changes(event: ModelshipEvent): boolean {
    switch (event.type) {
      case 'result':
        return event.result !== 'no-change' && event.result !== 'deployed';
      case 'stage':
        return this.opts.command === 'run' && event.status === 'start';
      case 'info':
        return false;
      default:
        return true;
    }
  }

  private changesProduction(stage: string): boolean {
    // `run` goes to production after its image is built; until then nothing is queued
    if (this.opts.command === 'run') return stage !== 'detect' && stage !== 'build';
    return true;
  }

  private stageText(stage: string): string {
    const model = this.model ? ` v${this.model.version}` : '';
    switch (stage) {
      case 'rollout':
        return `rolling out${model} (${this.opts.strategy})`;
      case 'promote':
        return `resuming the rollout${model}`;
      case 'rollback':
        return 'rolling back';
      case 'smoke':
        return `smoke tests of${model} on staging`;
      default:
        return `${stage}${model}`;
    }
  }

  private create(report: RunReport): void {
    this.created = true;
    const model = report.model!;
    this.model = { name: model.name, version: String(model.version) };
    const image = report.image ?? null;
    const at = image ? image.lastIndexOf('@') : -1;
    this.push({
      kind: 'create',
      body: {
        ref: this.opts.ref,
        task: DEPLOYMENT_TASK,
        environment: this.opts.environment,
        description: clip(`modelship ${this.opts.command}: ${model.name} v${model.version}`),
        auto_merge: false,
        required_contexts: [],
        transient_environment: false,
        payload: {
          model: model.name,
          version: String(model.version),
          image,
          digest: image && at > 0 ? image.slice(at + 1) : null,
          target: this.opts.targetKind,
          endpoint: report.endpoint,
        },
      },
    });
  }

  private progress(description: string): void {
    this.push({ kind: 'status', state: 'in_progress', description: clip(description), final: false });
  }

  private final(state: DeploymentStatusState, description: string): void {
    this.finalQueued = true;
    this.push({ kind: 'status', state, description: clip(description), final: true });
    if (state === 'success') this.push({ kind: 'replace' });
  }

  private push(op: Op): void {
    if (this.disabled) return;
    const isUpdate = (o: Op | undefined): o is Extract<Op, { kind: 'status' }> =>
      o?.kind === 'status' && o.state === 'in_progress' && !o.final;
    const isFinal = op.kind === 'status' && op.final;
    if (isUpdate(op)) {
      const last = this.ops[this.ops.length - 1];
      if (isUpdate(last)) {
        last.description = op.description;
        return;
      }
    } else if (isFinal) {
      // the last word supersedes the updates still waiting (one is kept when none was posted)
      const waiting = this.ops.filter(isUpdate);
      const keep = this.progressPosted ? undefined : waiting[waiting.length - 1];
      for (const o of waiting) if (o !== keep) this.ops.splice(this.ops.indexOf(o), 1);
    }
    this.ops.push(op);
    if (!this.worker) {
      this.worker = this.drain().finally(() => {
        this.worker = undefined;
      });
    }
  }

  private async drain(): Promise<void> {
    while (this.ops.length > 0 && !this.disabled) {
      const op = this.ops[0];
      if (op.kind === 'status' && op.state === 'in_progress') {
        const wait = this.lastProgressAt + this.interval - Date.now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue; // the queue may have changed meanwhile
        }
      }
      this.ops.shift();
      try {
        await this.perform(op);
      } catch (err: unknown) {
        this.failed(err, op);
      }
    }
    if (this.disabled) this.ops.length = 0;
  }

  private async perform(op: Op): Promise<void> {
    if (op.kind === 'create') {
      const created = await this.api.createDeployment(op.body);
      this.deploymentId = created.id;
      this.opts.info(
        `GitHub deployment ${created.id}: ${op.body.payload.model} v${op.body.payload.version} to the environment '${this.opts.environment}'`,
      );
      await this.api.createStatus(created.id, this.statusBody('queued', 'queued'));
      return;
    }
    const id = this.deploymentId;
    if (id === undefined) return;
    if (op.kind === 'status') {
      const body = this.statusBody(op.state, op.description);
      if (op.state === 'success') {
        const url = await this.opts.endpointUrl().catch(() => undefined);
        if (url && isPublicUrl(url)) body.environment_url = url;
        // the previous deployment is made inactive below, explicitly
        body.auto_inactive = false;
      }
      if (op.state === 'in_progress') {
        this.lastProgressAt = Date.now();
        this.progressPosted = true;
      }
      await this.api.createStatus(id, body);
      return;
    }
    // replace: the deployments of the environment this one supersedes become inactive (the
    // newest older one that succeeded, and older ones left queued or in progress, e.g. a paused rollout)
    const deployments = await this.api.listDeployments(this.opts.environment, 10);
    let successSeen = false;
    for (const d of deployments) {
      if (d.id >= id) continue;
      const state = await this.api.latestStatus(d.id);
      const stale = state === 'in_progress' || state === 'queued' || state === 'pending';
      if (state === 'success' && !successSeen) successSeen = true;
      else if (!stale) continue;
      await this.api.createStatus(
        d.id,
        this.statusBody('inactive', `replaced by deployment ${id} (${this.model?.name} v${this.model?.version})`),
      );
    }
  }

  private statusBody(state: DeploymentStatusState, description: string): NewDeploymentStatus {
    return { state, description: clip(description), ...(this.opts.logUrl ? { log_url: this.opts.logUrl } : {}) };
  }

  private failed(err: unknown, op: Op): void {
    const status = err instanceof DeploymentsApiError ? err.status : undefined;
    const request = err instanceof DeploymentsApiError ? `${err.request} answered ${status ?? 'an error'}: ` : '';
    if (status === 401 || status === 403 || status === 404) {
      this.disabled = true;
      this.opts.warn(
        `GitHub deployments: ${request}${errorMessage(err)}. The token (input github-token) may not write deployments: give the job \`permissions: deployments: write\`. The ${this.opts.command} is not affected; no more deployment statuses are posted.`,
      );
      return;
    }
    if (op.kind === 'create') this.disabled = true;
    this.opts.warn(
      `GitHub deployments: ${request}${errorMessage(err)} (${op.kind === 'create' ? 'no deployment is reported' : 'status not posted'}; the ${this.opts.command} is not affected)`,
    );
  }
}
