import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import { ArmOperationError, ArmRequestError } from '../../azure/arm-client';
import { AzureMlTargetConfig } from '../../config/types';
import { DeploymentCounters, MetricsSnapshot, MetricsSource, emptyCounters, recordRequest } from '../../analysis/metrics';
import { StageError, errorMessage } from '../../errors';
import {
  DeploymentHealth,
  DeploymentInfo,
  DeploymentSpec,
  EndpointLocker,
  EndpointRecord,
  EndpointState,
  ModelRef,
  ScoreRequest,
  ScoreResponse,
  Target,
} from '../target';
import { LockTag, deploymentFacts, deploymentTags, lockFromTags, recordFromTags, withLockTags, withRecordTags } from './endpoint-tags';
import { AuthModeWire, OnlineDeploymentResource, OnlineEndpointResource, OnlineEndpointsApi, ProbeWire, isoDuration } from './online-api';
import { takesTraffic, trafficRuleViolations } from './traffic-rules';

/**
 * The Azure ML target: each endpoint is a managed online endpoint of the workspace, each
 * deployment a managed online deployment in it, and the endpoint's own `traffic` and
 * `mirrorTraffic` maps split the requests. Every change of the endpoint is a read of the
 * whole resource, a change of its maps or tags, the rules checked, and a PUT of the whole
 * resource carrying both maps (Azure ML drops every deployment to 0% when an update leaves
 * the traffic map out); what is read back after the operation is what the engine sees.
 *
 * The rollout record and the lock are tags of the endpoint (endpoint-tags.ts), the model and
 * image of each deployment tags of the deployment, so that any later job can promote, roll
 * back or read the status. The deployment header is Azure ML's `azureml-model-deployment`.
 *
 * It is also a MetricsSource of the requests it sends itself (smoke and probe traffic):
 * the fast signal beside Azure Monitor, or the only one with `metrics.source: probe`.
 */
export const AZUREML_DEPLOYMENT_HEADER = 'azureml-model-deployment';

/** environments modelship registers are named after the endpoint */
export const ENVIRONMENT_PREFIX = 'modelship-';

const LOG_TAIL_LINES = 30;

const AUTH_MODE_WIRE: Record<AzureMlTargetConfig['authMode'], AuthModeWire> = {
  key: 'Key',
  aml_token: 'AMLToken',
  aad_token: 'AADToken',
};

export interface AzureMlTargetOptions {
  api: OnlineEndpointsApi;
  config: AzureMlTargetConfig;
  /** the Azure ML asset id of a model version when the registry is Azure ML; undefined: the image carries the model */
  modelAssetId: (model: ModelRef) => string | undefined;
  /** an Entra ID token for https://ml.azure.com (authMode aad_token) */
  entraToken: () => Promise<string>;
  setSecret: (value: string) => void;
  log: (line: string) => void;
  /** port of the scoring server in the image */
  containerPort: number;
  /** the inference config's routes (Azure ML refuses a path without a letter, digit or '_', such as '/') */
  routes: { ready: string; score: string };
  now?: () => number;
}

interface DataPlane {
  scoringUri: string;
  authMode: AuthModeWire;
  credential?: { value: string; refreshAt: number };
}

export class AzureMlTarget implements Target, EndpointLocker, MetricsSource {
  readonly description: string;
  private readonly api: OnlineEndpointsApi;
  private readonly config: AzureMlTargetConfig;
  private readonly now: () => number;
  private readonly counters = new Map<string, Record<string, DeploymentCounters>>();
  private readonly epoch = randomUUID();
  /** the lock identity this command holds, per endpoint */
  private readonly held = new Map<string, string>();
  private readonly dataPlanes = new Map<string, DataPlane>();
  private location?: string;

  constructor(private readonly options: AzureMlTargetOptions) {
    this.api = options.api;
    this.config = options.config;
    this.now = options.now ?? Date.now;
    this.description = `azureml/${this.config.workspace}`;
  }

  // ---- Target ----------------------------------------------------------------------------

  async state(endpoint: string): Promise<EndpointState> {
    const resource = await this.api.findEndpoint(endpoint);
    if (!resource) return { endpoint, url: '', deployments: [], traffic: {}, mirror: {}, record: {} };
    const deployments = await this.api.listDeployments(endpoint);
    return {
      endpoint,
      url: resource.properties.scoringUri ?? '',
      deployments: deployments.map((d) => deploymentInfo(d)),
      traffic: positive(resource.properties.traffic ?? {}),
      mirror: positive(resource.properties.mirrorTraffic ?? {}),
      record: recordFromTags(resource.tags ?? {}),
    };
  }

  async createDeployment(endpoint: string, spec: DeploymentSpec): Promise<void> {
    const doing = `creating deployment '${spec.name}' of online endpoint ${endpoint}`;
    if (!(await this.api.findEndpoint(endpoint))) await this.createEndpoint(endpoint, {});
    const environmentId = await this.environmentFor(endpoint, spec);
    const modelId = this.options.modelAssetId(spec.model);
    const body: OnlineDeploymentResource = {
      location: await this.workspaceLocation(),
      tags: deploymentTags({ model: spec.model, image: spec.image, createdAt: new Date(this.now()).toISOString() }),
      sku: { name: 'Default', capacity: this.config.instanceCount },
      properties: {
        endpointComputeType: 'Managed',
        ...(modelId ? { model: modelId } : {}),
        environmentId,
        instanceType: this.config.instanceType,
        description: `${spec.model.name} v${spec.model.version}, deployed by modelship`,
        requestSettings: {
          requestTimeout: isoDuration(this.config.requestTimeout),
          maxConcurrentRequestsPerInstance: this.config.maxConcurrentRequestsPerInstance,
        },
        livenessProbe: probeWire(this.config.livenessProbe),
        readinessProbe: probeWire(this.config.readinessProbe),
        appInsightsEnabled: false,
      },
    };
    this.options.log(
      `${endpoint}: creating deployment '${spec.name}' (${spec.model.name} v${spec.model.version}${modelId ? `, model ${modelId}` : ', model files in the image'}) on ${this.config.instanceCount} x ${this.config.instanceType}; Azure ML provisions instances in minutes`,
    );
    const started = this.now();
    try {
      await this.api.putDeployment(endpoint, spec.name, body, doing);
    } catch (err: unknown) {
      throw await this.provisioningFailure(endpoint, spec.name, doing, err);
    }
    this.options.log(`${endpoint}: deployment '${spec.name}' is ready after ${Math.round((this.now() - started) / 1000)} s`);
  }

  async deleteDeployment(endpoint: string, name: string): Promise<void> {
    const resource = await this.api.findEndpoint(endpoint);
    if (!resource) return;
    if (takesTraffic(name, resource.properties.traffic ?? {}, resource.properties.mirrorTraffic ?? {}))
      throw new StageError(
        `deleting deployment '${name}' of ${endpoint}`,
        `it still takes ${resource.properties.traffic?.[name] ?? 0}% of live traffic and ${resource.properties.mirrorTraffic?.[name] ?? 0}% of mirror traffic`,
        'move its traffic to another deployment first',
      );
    try {
      await this.api.deleteDeployment(endpoint, name);
    } catch (err: unknown) {
      if (err instanceof ArmRequestError && err.info.status === 404) return;
      throw err;
    }
    this.options.log(`${endpoint}: deleted deployment '${name}'`);
  }

  async setTraffic(
    endpoint: string,
    traffic: Record<string, number>,
    mirror: Record<string, number> = {},
  ): Promise<Record<string, number>> {
    const after = await this.updateEndpoint(endpoint, `setting the traffic of online endpoint ${endpoint}`, (next) => {
      next.properties.traffic = { ...traffic };
      next.properties.mirrorTraffic = positive(mirror);
    });
    return positive(after.properties.traffic ?? {});
  }

  async setRecord(endpoint: string, record: EndpointRecord): Promise<void> {
    await this.updateEndpoint(endpoint, `storing the rollout record on online endpoint ${endpoint}`, (next) => {
      next.tags = withRecordTags(next.tags ?? {}, record);
    });
  }

  async score(endpoint: string, req: ScoreRequest): Promise<ScoreResponse> {
    const plane = await this.dataPlane(endpoint);
    const started = performance.now();
    let answeredBy = req.deployment;
    try {
      const credential = await this.credential(endpoint, plane);
      const res = await fetch(plane.scoringUri, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${credential}`,
          ...(req.deployment ? { [AZUREML_DEPLOYMENT_HEADER]: req.deployment } : {}),
        },
        body: req.body,
        signal: AbortSignal.timeout(req.timeoutMs),
      });
      const body = await res.text();
      answeredBy = res.headers.get(AZUREML_DEPLOYMENT_HEADER) ?? req.deployment;
      const latencyMs = performance.now() - started;
      this.count(endpoint, answeredBy, latencyMs, isError(res.status));
      return { status: res.status, body, deployment: answeredBy, latencyMs };
    } catch (err: unknown) {
      this.count(endpoint, answeredBy, performance.now() - started, true);
      throw err;
    }
  }

  async destroy(endpoint: string): Promise<void> {
    if (!(await this.api.findEndpoint(endpoint))) return;
    this.options.log(`${endpoint}: deleting the online endpoint and its deployments`);
    await this.api.deleteEndpoint(endpoint);
    this.counters.delete(endpoint);
    this.dataPlanes.delete(endpoint);
  }

  // ---- MetricsSource: the requests this command sent --------------------------------------

  async snapshot(endpoint: string): Promise<MetricsSnapshot> {
    const copy: Record<string, DeploymentCounters> = {};
    for (const [name, counts] of Object.entries(this.counters.get(endpoint) ?? {}))
      copy[name] = { requests: counts.requests, errors: counts.errors, latency: [...counts.latency] };
    return { epoch: this.epoch, at: this.now(), deployments: copy };
  }

  // ---- EndpointLocker: tags on the endpoint -----------------------------------------------

  async acquireLock(endpoint: string, holder: string): Promise<() => Promise<void>> {
    const identity = `${holder} (${os.hostname()} pid ${process.pid}, ${randomUUID().slice(0, 8)})`;
    const lock = (): LockTag => ({ holder: identity, expires: this.now() + this.config.lockTtl });
    const current = await this.api.findEndpoint(endpoint);
    const other = lockFromTags(current?.tags ?? {});
    if (other && other.expires > this.now()) this.busy(endpoint, other);
    try {
      if (!current) {
        await this.createEndpoint(endpoint, withLockTags({}, lock()));
      } else {
        if (other)
          this.options.log(
            `${endpoint}: taking over the lock of '${other.holder}', expired at ${new Date(other.expires).toISOString()} (its command ended without releasing it)`,
          );
        await this.updateEndpoint(endpoint, `locking online endpoint ${endpoint}`, (next) => {
          next.tags = withLockTags(next.tags ?? {}, lock());
        });
      }
    } catch (err: unknown) {
      // Azure ML refuses a write while another operation on the endpoint runs: someone else is changing it
      if (err instanceof ArmRequestError && err.info.status === 409)
        this.busy(endpoint, lockFromTags((await this.api.findEndpoint(endpoint))?.tags ?? {}), err.info.message);
      throw err;
    }
    // two commands may have written the tag at once: the one whose write landed last holds it
    const after = lockFromTags((await this.api.findEndpoint(endpoint))?.tags ?? {});
    if (after?.holder !== identity) this.busy(endpoint, after);
    this.held.set(endpoint, identity);
    return async () => {
      if (this.held.get(endpoint) !== identity) return;
      this.held.delete(endpoint);
      const resource = await this.api.findEndpoint(endpoint);
      if (!resource || lockFromTags(resource.tags ?? {})?.holder !== identity) return;
      await this.updateEndpoint(endpoint, `unlocking online endpoint ${endpoint}`, (next) => {
        next.tags = withLockTags(next.tags ?? {}, undefined);
      });
    };
  }

  private busy(endpoint: string, lock: LockTag | undefined, conflict?: string): never {
    const who = lock
      ? `'${lock.holder}' holds its lock (the tag modelship.lock.holder) until ${new Date(lock.expires).toISOString()} unless it renews it`
      : `another command is changing it (Azure ML: ${conflict ?? 'conflict'})`;
    throw new Error(`endpoint ${endpoint} is busy: ${who}; wait for it to finish`);
  }

  // ---- the endpoint resource --------------------------------------------------------------

  private async workspaceLocation(): Promise<string> {
    this.location ??= await this.api.workspaceLocation();
    return this.location;
  }

  private async createEndpoint(endpoint: string, tags: Record<string, string>): Promise<void> {
    this.options.log(`${endpoint}: creating the online endpoint (auth mode ${AUTH_MODE_WIRE[this.config.authMode]})`);
    await this.api.putEndpoint(
      endpoint,
      {
        location: await this.workspaceLocation(),
        identity: { type: 'SystemAssigned' },
        tags,
        properties: {
          authMode: AUTH_MODE_WIRE[this.config.authMode],
          description: 'managed by modelship',
          traffic: {},
          mirrorTraffic: {},
          publicNetworkAccess: 'Enabled',
        },
      },
      `creating online endpoint ${endpoint}`,
    );
  }

  /**
   * GET the endpoint, change it, check Azure ML's rules, PUT all of it with both maps, and
   * answer what is read back. A lock this command holds is renewed by the same PUT.
   */
  private async updateEndpoint(
    endpoint: string,
    doing: string,
    change: (next: OnlineEndpointResource) => void,
  ): Promise<OnlineEndpointResource> {
    const current = await this.api.findEndpoint(endpoint);
    if (!current) throw new StageError(doing, `online endpoint ${endpoint} does not exist`, '`modelship status`');
    const next = writable(current);
    change(next);
    const identity = this.held.get(endpoint);
    if (identity && lockFromTags(next.tags ?? {})?.holder === identity)
      next.tags = withLockTags(next.tags ?? {}, { holder: identity, expires: this.now() + this.config.lockTtl });
    const names = (await this.api.listDeployments(endpoint)).map((d) => d.name ?? '');
    const problems = trafficRuleViolations(next.properties.traffic ?? {}, next.properties.mirrorTraffic ?? {}, names);
    if (problems.length)
      throw new StageError(doing, `Azure ML would refuse it: ${problems.join('; ')}`, 'the rollout steps and rollout.mirror');
    await this.api.putEndpoint(endpoint, next, doing);
    const after = await this.api.findEndpoint(endpoint);
    if (!after) throw new StageError(doing, `online endpoint ${endpoint} is gone after the update`);
    return after;
  }

  // ---- deployments ------------------------------------------------------------------------

  /** the environment version a deployment runs: the configured one, or the pushed image registered once per digest */
  private async environmentFor(endpoint: string, spec: DeploymentSpec): Promise<string> {
    const configured = this.config.environment;
    if (configured) {
      const short = /^azureml:([^:]+):([^:]+)$/.exec(configured);
      return short ? decodeURIComponent(this.api.environmentVersionPath(short[1], short[2])) : configured;
    }
    const image = spec.image;
    const digest = image ? /@sha256:([0-9a-f]{64})$/.exec(image)?.[1] : undefined;
    if (!image || !digest)
      throw new StageError(
        `preparing the environment of deployment '${spec.name}'`,
        `the deployment has no image pinned by digest (got ${image ?? 'none'})`,
        'image.repository in the config (modelship builds and pushes the image), or target.azureml.environment',
      );
    const name = `${ENVIRONMENT_PREFIX}${endpoint}`;
    const version = digest.slice(0, 16);
    const found = await this.api.findEnvironmentVersion(name, version);
    if (!found) {
      const port = this.options.containerPort;
      await this.api.putEnvironmentVersion(name, version, {
        properties: {
          image,
          osType: 'Linux',
          description: `serving image of ${spec.model.name} v${spec.model.version}, built by modelship`,
          inferenceConfig: {
            livenessRoute: { path: this.options.routes.ready, port },
            readinessRoute: { path: this.options.routes.ready, port },
            scoringRoute: { path: this.options.routes.score, port },
          },
        },
      });
      this.options.log(`registered environment ${name}:${version} (${image})`);
    } else if (found.properties.image !== image) {
      throw new StageError(
        `registering environment ${name}:${version}`,
        `it exists with another image (${found.properties.image}), and environment versions cannot change`,
        `archive environment ${name} version ${version} in the workspace`,
      );
    }
    return decodeURIComponent(this.api.environmentVersionPath(name, version));
  }

  /** the error of a failed provisioning: the service's code and message, and the tails of the deployment's logs */
  private async provisioningFailure(endpoint: string, name: string, doing: string, err: unknown): Promise<StageError> {
    const reason =
      err instanceof ArmOperationError
        ? `Azure ML: ${err.error.code}: ${err.error.message} (the operation ended ${err.status})`
        : err instanceof ArmRequestError
          ? `Azure ML: ${err.info.code}: ${err.info.message}`
          : errorMessage(err);
    const sections: string[] = [];
    for (const container of ['InferenceServer', 'StorageInitializer'] as const) {
      try {
        const text = (await this.api.logs(endpoint, name, container, LOG_TAIL_LINES)).trimEnd();
        if (text) sections.push(`${container} log (last lines):\n    ${text.split('\n').slice(-LOG_TAIL_LINES).join('\n    ')}`);
      } catch {
        // no logs (the deployment may never have started): the error says enough
      }
    }
    try {
      const endpointNow = await this.api.findEndpoint(endpoint);
      const exists = (await this.api.listDeployments(endpoint)).some((d) => d.name === name);
      if (exists && !takesTraffic(name, endpointNow?.properties.traffic ?? {}, endpointNow?.properties.mirrorTraffic ?? {})) {
        this.options.log(`${endpoint}: removing the failed deployment '${name}' (it took no traffic)`);
        await this.api.deleteDeployment(endpoint, name);
      }
    } catch (cleanup: unknown) {
      this.options.log(
        `${endpoint}: removing the failed deployment '${name}' failed (the next command removes it): ${errorMessage(cleanup)}`,
      );
    }
    return new StageError(
      doing,
      [reason, ...sections].join('\n  '),
      'the log lines above, target.azureml.instanceType and your quota, target.azureml.readinessProbe',
    );
  }

  // ---- data plane -------------------------------------------------------------------------

  private async dataPlane(endpoint: string): Promise<DataPlane> {
    const known = this.dataPlanes.get(endpoint);
    if (known) return known;
    const resource = await this.api.findEndpoint(endpoint);
    const scoringUri = resource?.properties.scoringUri;
    if (!resource || !scoringUri)
      throw new StageError(
        `calling online endpoint ${endpoint}`,
        'the endpoint does not exist or has no scoring URI yet',
        '`modelship status`',
      );
    const plane: DataPlane = { scoringUri, authMode: resource.properties.authMode };
    this.dataPlanes.set(endpoint, plane);
    return plane;
  }

  /** the key or token the endpoint's auth mode asks for, read once (tokens again when due) and masked */
  private async credential(endpoint: string, plane: DataPlane): Promise<string> {
    if (plane.credential && plane.credential.refreshAt > this.now()) return plane.credential.value;
    let value: string | undefined;
    let refreshAt = Number.POSITIVE_INFINITY;
    if (plane.authMode === 'Key') {
      value = (await this.api.listKeys(endpoint)).primaryKey;
    } else if (plane.authMode === 'AMLToken') {
      const token = await this.api.token(endpoint);
      value = token.accessToken;
      if (token.refreshAfterTimeUtc) refreshAt = token.refreshAfterTimeUtc * 1000;
    } else {
      value = await this.options.entraToken();
      refreshAt = this.now() + 30 * 60_000;
    }
    if (!value) throw new StageError(`authenticating to online endpoint ${endpoint}`, `Azure ML returned no ${plane.authMode} credential`);
    this.options.setSecret(value);
    plane.credential = { value, refreshAt };
    return value;
  }

  private count(endpoint: string, deployment: string | undefined, latencyMs: number, failed: boolean): void {
    let byName = this.counters.get(endpoint);
    if (!byName) this.counters.set(endpoint, (byName = {}));
    recordRequest((byName[deployment ?? '(unknown)'] ??= emptyCounters()), latencyMs, failed);
  }
}

/** 5xx, and Azure ML's own failures: 408 (request timeout) and 424 (the model's container answered an error) */
export function isError(status: number): boolean {
  return status >= 500 || status === 408 || status === 424;
}

function positive(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).filter(([, weight]) => weight > 0));
}

function probeWire(probe: AzureMlTargetConfig['livenessProbe']): ProbeWire {
  return {
    initialDelay: isoDuration(probe.initialDelay),
    period: isoDuration(probe.period),
    timeout: isoDuration(probe.timeout),
    failureThreshold: probe.failureThreshold,
    successThreshold: probe.successThreshold,
  };
}

/** the writable part of an endpoint as read, both maps always present */
function writable(current: OnlineEndpointResource): OnlineEndpointResource {
  const { authMode, description, traffic, mirrorTraffic, publicNetworkAccess } = current.properties;
  return {
    location: current.location,
    ...(current.identity ? { identity: { type: current.identity.type } } : {}),
    ...(current.kind ? { kind: current.kind } : {}),
    tags: { ...(current.tags ?? {}) },
    properties: {
      authMode,
      ...(description !== undefined ? { description } : {}),
      traffic: { ...(traffic ?? {}) },
      mirrorTraffic: { ...(mirrorTraffic ?? {}) },
      ...(publicNetworkAccess !== undefined ? { publicNetworkAccess } : {}),
    },
  };
}

const HEALTH: Record<string, DeploymentHealth> = {
  Succeeded: 'ready',
  Creating: 'starting',
  Updating: 'starting',
  Scaling: 'starting',
  Failed: 'dead',
  Canceled: 'dead',
  Deleting: 'dead',
};

/** what a deployment is: from modelship's tags, or (a deployment made elsewhere) from its model asset id */
function deploymentInfo(resource: OnlineDeploymentResource): DeploymentInfo {
  const facts = deploymentFacts(resource.tags ?? {});
  const model = facts?.model ?? modelFromAssetId(resource.properties.model) ?? { name: '(unknown model)', version: '?' };
  return {
    name: resource.name ?? '',
    model,
    ...(facts?.image ? { image: facts.image } : {}),
    health: HEALTH[resource.properties.provisioningState ?? ''] ?? 'starting',
    restarts: 0,
    createdAt: facts?.createdAt ?? '',
  };
}

/** `.../models/NAME/versions/VERSION` (ARM id or azureml:// asset id) */
export function modelFromAssetId(id: string | undefined): ModelRef | undefined {
  const match = /\/models\/([^/]+)\/versions\/([^/]+)$/.exec(id ?? '');
  return match ? { name: decodeURIComponent(match[1]), version: decodeURIComponent(match[2]) } : undefined;
}
