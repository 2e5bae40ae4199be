import * as path from 'node:path';
import { SchemaDefaults } from './defaults';
import { parseDuration } from './duration';
import { bundledSchema } from './schema';
import { asObject } from './yaml-source';
import {
  AzureMlProbeConfig,
  AzureMlRegistryConfig,
  AzureMlTargetConfig,
  MlflowRegistryConfig,
  KubernetesRouting,
  LatencyUnit,
  KubernetesTargetConfig,
  ModelshipConfig,
  PrometheusQueries,
  RolloutStep,
  RolloutStrategy,
  SmokeCaseConfig,
} from './types';

/**
 * Turns a validated modelship.yaml into the ModelshipConfig of types.ts: the schema's
 * defaults filled in (SchemaDefaults; no default is written here), relative paths made
 * absolute from the config file's folder, durations in milliseconds, linear steps
 * expanded. The few defaults that depend on another key, which the schema cannot hold,
 * are computed here and say so.
 */

/**
 * The file after the schema's defaults are filled in. A key is optional here when the
 * schema gives it no default (it is optional in the file and has no value when absent).
 */
interface ConfigFile {
  endpoint: string;
  model: {
    registry: 'local' | 'azureml' | 'mlflow';
    name: string;
    version: string | number;
    tags: Record<string, string>;
    local: { path: string };
    // the same keys as resolved; paths and URLs are made absolute and trimmed by resolution
    azureml?: AzureMlRegistryConfig;
    mlflow?: MlflowRegistryConfig;
  };
  // as resolved, but the duration as written
  serve: Omit<ModelshipConfig['serve'], 'readyTimeout'> & { readyTimeout: string };
  image?: { repository: string };
  target: {
    kind: 'local' | 'kubernetes' | 'azureml';
    local: {
      runtime: 'process' | 'docker';
      port: number;
      stagingPort?: number;
      stateDir: string;
      python: string;
      auth?: { keyEnv: string };
      passEnv: string[];
    };
    kubernetes: KubernetesFile;
    azureml: AzureMlTargetFile;
  };
  staging: {
    smoke: {
      cases: Array<{ name: string; request: string; expect?: string; tolerance: number }>;
      maxLatencyP95?: string;
      repeat: number;
      timeout: string;
    };
  };
  rollout: {
    strategy: RolloutStrategy;
    /** not read from here: see resolveSteps */
    steps?: RolloutStep[] | number;
    bake: string;
    mirror: number;
    onCancel: 'rollback' | 'pause';
    analysis: {
      interval: string;
      minRequests: number;
      maxErrorRate: number;
      maxLatencyP99?: string;
      compareToBaseline: boolean;
      probe?: { rate: number };
    };
    shadow?: {
      requests?: string;
      compare: { paths: string[]; tolerance: number };
      minAgreement: number;
      minSamples: number;
      confidence: number;
      driftAlpha: number;
      concurrency: number;
      reportBodies: boolean;
      mirror: number;
      duration: string;
    };
  };
}

interface ProbeFile {
  initialDelay: string;
  period: string;
  timeout: string;
  failureThreshold: number;
  successThreshold: number;
}

/** target.azureml as written, defaults filled; the workspace keys may come from model.azureml */
interface AzureMlTargetFile {
  subscriptionId?: string;
  resourceGroup?: string;
  workspace?: string;
  resourceManagerUrl: string;
  instanceType: string;
  instanceCount: number;
  authMode: AzureMlTargetConfig['authMode'];
  requestSettings: { requestTimeout: string; maxConcurrentRequestsPerInstance: number };
  livenessProbe: ProbeFile;
  readinessProbe: ProbeFile;
  environment?: string;
  stagingEndpoint: boolean;
  provisioningTimeout: string;
  pollInterval: string;
  lockTtl: string;
  metrics: { source: 'monitor' | 'probe'; ingestionDelay: string };
}

interface IngressFile {
  host?: string;
  className: string;
  path: string;
}

interface KubernetesFile {
  kubeconfig?: string;
  context?: string;
  auth: 'kubeconfig' | 'azure';
  namespace?: string;
  staging: { namespace?: string; replicas: number };
  routing: KubernetesRouting;
  replicas: number;
  resources: { cpu: string; memory: string };
  autoscale?: { min: number; max: number; cpuUtilization: number };
  /** present when written; `resolveKubernetes` fills an absent one for nginx-ingress */
  ingress?: IngressFile;
  gateway?: { name: string; namespace?: string; sectionName?: string; hostnames: string[] };
  imagePullSecret?: string;
  pullCredential?: { usernameEnv?: string; passwordEnv?: string; reusePushCredentials?: boolean };
  url?: string;
  scaleDownDelay: string;
  preStopDelay: string;
  leaseSeconds: number;
  prometheus?: { url: string; queries: Partial<PrometheusQueries>; latencyUnit?: LatencyUnit };
}

function ms(text: string): number {
  const value = parseDuration(text);
  // the file's durations are validated; a schema default that is no duration is a bug of the schema
  if (value === undefined) throw new Error(`not a duration: '${text}'`);
  return value;
}

/** `raw` must have passed the schema and the semantic checks */
export function resolveConfig(raw: unknown, file: string, defaults: SchemaDefaults): ModelshipConfig {
  const filled = defaults.fill<ConfigFile>([], raw);
  const dir = path.dirname(path.resolve(file));
  const abs = (p: string) => path.resolve(dir, p);

  const local = filled.target.local;
  const smoke = filled.staging.smoke;
  const rollout = filled.rollout;
  const analysis = rollout.analysis;

  const cases: SmokeCaseConfig[] = smoke.cases.map((smokeCase) => ({
    name: smokeCase.name,
    request: abs(smokeCase.request),
    ...(smokeCase.expect !== undefined ? { expect: abs(smokeCase.expect) } : {}),
    tolerance: smokeCase.tolerance,
  }));

  return {
    file: path.resolve(file),
    dir,
    endpoint: filled.endpoint,
    model: {
      registry: filled.model.registry,
      name: filled.model.name,
      version: String(filled.model.version),
      tags: filled.model.tags,
      local: { path: abs(filled.model.local.path) },
      ...(filled.model.registry === 'azureml' && filled.model.azureml ? { azureml: resolveAzureml(filled.model.azureml, abs) } : {}),
      ...(filled.model.registry === 'mlflow' && filled.model.mlflow
        ? {
            mlflow: {
              ...filled.model.mlflow,
              trackingUri: filled.model.mlflow.trackingUri.replace(/\/+$/, ''),
              cacheDir: abs(filled.model.mlflow.cacheDir),
            },
          }
        : {}),
    },
    serve: {
      code: abs(filled.serve.code),
      scoringScript: filled.serve.scoringScript,
      ...(filled.serve.requirements !== undefined ? { requirements: abs(filled.serve.requirements) } : {}),
      baseImage: filled.serve.baseImage,
      ...(filled.serve.dockerfile !== undefined ? { dockerfile: abs(filled.serve.dockerfile) } : {}),
      readyPath: filled.serve.readyPath,
      scorePath: filled.serve.scorePath,
      readyTimeout: ms(filled.serve.readyTimeout),
    },
    ...(filled.image ? { image: { repository: filled.image.repository } } : {}),
    target: {
      kind: filled.target.kind,
      local: {
        runtime: local.runtime,
        port: local.port,
        // not in the schema: the default depends on port
        stagingPort: local.stagingPort ?? local.port + 1,
        stateDir: abs(local.stateDir),
        // a bare command is looked up on PATH; anything with a slash is a path
        python: local.python.includes('/') ? abs(local.python) : local.python,
        ...(local.auth ? { authKeyEnv: local.auth.keyEnv } : {}),
        passEnv: [...local.passEnv],
      },
      ...(filled.target.kind === 'kubernetes' ? { kubernetes: resolveKubernetes(filled.target.kubernetes, abs, defaults) } : {}),
      ...(filled.target.kind === 'azureml' ? { azureml: resolveAzuremlTarget(filled.target.azureml, filled.model) } : {}),
    },
    staging: {
      smoke: {
        cases,
        ...(smoke.maxLatencyP95 !== undefined ? { maxLatencyP95: ms(smoke.maxLatencyP95) } : {}),
        repeat: smoke.repeat,
        timeout: ms(smoke.timeout),
      },
    },
    rollout: {
      strategy: rollout.strategy,
      // as written: an absent one gets the default of the strategy in effect (which may be a default itself)
      steps: resolveSteps(rollout.strategy, writtenSteps(raw), defaults),
      bake: ms(rollout.bake),
      mirror: rollout.mirror,
      onCancel: rollout.onCancel,
      analysis: {
        interval: ms(analysis.interval),
        minRequests: analysis.minRequests,
        maxErrorRate: analysis.maxErrorRate,
        ...(analysis.maxLatencyP99 !== undefined ? { maxLatencyP99: ms(analysis.maxLatencyP99) } : {}),
        compareToBaseline: analysis.compareToBaseline,
        ...(analysis.probe ? { probe: { rate: analysis.probe.rate } } : {}),
      },
      ...(rollout.shadow
        ? {
            shadow: {
              ...(rollout.shadow.requests !== undefined ? { requests: abs(rollout.shadow.requests) } : {}),
              paths: [...rollout.shadow.compare.paths],
              tolerance: rollout.shadow.compare.tolerance,
              minAgreement: rollout.shadow.minAgreement,
              minSamples: rollout.shadow.minSamples,
              confidence: rollout.shadow.confidence,
              driftAlpha: rollout.shadow.driftAlpha,
              concurrency: rollout.shadow.concurrency,
              reportBodies: rollout.shadow.reportBodies,
              mirror: rollout.shadow.mirror,
              durationMs: ms(rollout.shadow.duration),
            },
          }
        : {}),
    },
  };
}

function resolveAzureml(azureml: NonNullable<ConfigFile['model']['azureml']>, abs: (relative: string) => string): AzureMlRegistryConfig {
  return {
    subscriptionId: azureml.subscriptionId,
    resourceGroup: azureml.resourceGroup,
    ...(azureml.workspace !== undefined ? { workspace: azureml.workspace } : {}),
    ...(azureml.registryName !== undefined ? { registryName: azureml.registryName } : {}),
    ...(azureml.stage !== undefined ? { stage: azureml.stage } : {}),
    resourceManagerUrl: azureml.resourceManagerUrl.replace(/\/+$/, ''),
    cacheDir: abs(azureml.cacheDir),
  };
}

/** the semantic checks made sure the workspace is named here or by an Azure ML workspace registry */
function resolveAzuremlTarget(azureml: AzureMlTargetFile, model: ConfigFile['model']): AzureMlTargetConfig {
  const registry = model.registry === 'azureml' && model.azureml?.workspace ? model.azureml : undefined;
  const probe = (written: ProbeFile): AzureMlProbeConfig => ({
    initialDelay: ms(written.initialDelay),
    period: ms(written.period),
    timeout: ms(written.timeout),
    failureThreshold: written.failureThreshold,
    successThreshold: written.successThreshold,
  });
  return {
    subscriptionId: azureml.subscriptionId ?? registry?.subscriptionId ?? '',
    resourceGroup: azureml.resourceGroup ?? registry?.resourceGroup ?? '',
    workspace: azureml.workspace ?? registry?.workspace ?? '',
    resourceManagerUrl: azureml.resourceManagerUrl.replace(/\/+$/, ''),
    instanceType: azureml.instanceType,
    instanceCount: azureml.instanceCount,
    authMode: azureml.authMode,
    requestTimeout: ms(azureml.requestSettings.requestTimeout),
    maxConcurrentRequestsPerInstance: azureml.requestSettings.maxConcurrentRequestsPerInstance,
    livenessProbe: probe(azureml.livenessProbe),
    readinessProbe: probe(azureml.readinessProbe),
    ...(azureml.environment !== undefined ? { environment: azureml.environment } : {}),
    stagingEndpoint: azureml.stagingEndpoint,
    provisioningTimeout: ms(azureml.provisioningTimeout),
    pollInterval: ms(azureml.pollInterval),
    lockTtl: ms(azureml.lockTtl),
    metrics: { source: azureml.metrics.source, ingestionDelay: ms(azureml.metrics.ingestionDelay) },
  };
}

function resolveKubernetes(
  kubernetes: KubernetesFile,
  abs: (relative: string) => string,
  defaults: SchemaDefaults,
): KubernetesTargetConfig {
  return {
    ...(kubernetes.kubeconfig !== undefined ? { kubeconfig: abs(kubernetes.kubeconfig) } : {}),
    ...(kubernetes.context !== undefined ? { context: kubernetes.context } : {}),
    auth: kubernetes.auth,
    ...(kubernetes.namespace !== undefined ? { namespace: kubernetes.namespace } : {}),
    ...(kubernetes.staging.namespace !== undefined ? { stagingNamespace: kubernetes.staging.namespace } : {}),
    routing: kubernetes.routing,
    replicas: kubernetes.replicas,
    stagingReplicas: kubernetes.staging.replicas,
    resources: { cpu: kubernetes.resources.cpu, memory: kubernetes.resources.memory },
    ...(kubernetes.autoscale
      ? { autoscale: { min: kubernetes.autoscale.min, max: kubernetes.autoscale.max, cpuUtilization: kubernetes.autoscale.cpuUtilization } }
      : {}),
    // the Ingresses exist with nginx-ingress routing only, written or not: their settings' defaults then
    ...(kubernetes.routing === 'nginx-ingress'
      ? { ingress: resolveIngress(kubernetes.ingress ?? defaults.fill<IngressFile>(['target', 'kubernetes', 'ingress'], {})) }
      : {}),
    ...(kubernetes.gateway
      ? {
          gateway: {
            name: kubernetes.gateway.name,
            ...(kubernetes.gateway.namespace ? { namespace: kubernetes.gateway.namespace } : {}),
            ...(kubernetes.gateway.sectionName ? { sectionName: kubernetes.gateway.sectionName } : {}),
            hostnames: kubernetes.gateway.hostnames,
          },
        }
      : {}),
    ...(kubernetes.imagePullSecret !== undefined ? { imagePullSecret: kubernetes.imagePullSecret } : {}),
    ...(kubernetes.pullCredential ? { pullCredential: resolvePullCredential(kubernetes.pullCredential) } : {}),
    ...(kubernetes.url !== undefined ? { url: kubernetes.url.replace(/\/+$/, '') } : {}),
    scaleDownDelay: ms(kubernetes.scaleDownDelay),
    preStopSeconds: Math.ceil(ms(kubernetes.preStopDelay) / 1000),
    leaseSeconds: kubernetes.leaseSeconds,
    ...(kubernetes.prometheus
      ? {
          prometheus: {
            url: kubernetes.prometheus.url.replace(/\/+$/, ''),
            queries: { ...kubernetes.prometheus.queries },
            ...(kubernetes.prometheus.latencyUnit ? { latencyUnit: kubernetes.prometheus.latencyUnit } : {}),
          },
        }
      : {}),
  };
}

/** the semantic checks made sure it is one of the two forms */
function resolvePullCredential(
  credential: NonNullable<KubernetesFile['pullCredential']>,
): NonNullable<KubernetesTargetConfig['pullCredential']> {
  if (credential.reusePushCredentials) return { reusePushCredentials: true };
  return { usernameEnv: credential.usernameEnv ?? '', passwordEnv: credential.passwordEnv ?? '' };
}

function resolveIngress(ingress: IngressFile): KubernetesTargetConfig['ingress'] {
  return { ...(ingress.host ? { host: ingress.host } : {}), className: ingress.className, path: ingress.path };
}

function writtenSteps(raw: unknown): RolloutStep[] | number | undefined {
  const rollout = asObject(asObject(raw)?.rollout);
  return rollout?.steps as RolloutStep[] | number | undefined;
}

/**
 * canary: as given; linear: N equal steps round(100*i/N); blue-green and all-at-once: none.
 * Absent steps are the schema's default for the strategy: a conditional default (the
 * `then` of that strategy), applied to a rollout that names the strategy, so that a
 * defaulted strategy gets its own steps.
 */
export function resolveSteps(
  strategy: RolloutStrategy,
  steps: RolloutStep[] | number | undefined,
  defaults: SchemaDefaults = SchemaDefaults.of(bundledSchema),
): RolloutStep[] {
  const given = steps ?? defaults.fill<Partial<ConfigFile['rollout']>>(['rollout'], { strategy }).steps;
  switch (strategy) {
    case 'canary':
      return Array.isArray(given) ? [...given] : [];
    case 'linear': {
      const count = typeof given === 'number' ? given : 0;
      return Array.from({ length: count }, (_, i) => Math.round((100 * (i + 1)) / count));
    }
    case 'blue-green':
    case 'all-at-once':
      return [];
  }
}
