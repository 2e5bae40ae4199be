import * as path from 'node:path';
import { SchemaDefaults } from './defaults';
import { parseDuration } from './duration';
import { bundledSchema } from './schema';
import { asObject } from './yaml-source';
import {
  AzureMlRegistryConfig,
  KubernetesRouting,
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
    azureml?: {
      subscriptionId: string;
      resourceGroup: string;
      workspace?: string;
      registryName?: string;
      stage?: string;
      resourceManagerUrl: string;
      cacheDir: string;
    };
  };
  serve: {
    code: string;
    scoringScript: string;
    requirements?: string;
    baseImage: string;
    dockerfile?: string;
    readyPath: string;
    scorePath: string;
    readyTimeout: string;
  };
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
    };
    kubernetes: KubernetesFile;
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
    analysis: {
      interval: string;
      minRequests: number;
      maxErrorRate: number;
      maxLatencyP99?: string;
      compareToBaseline: boolean;
      probe?: { rate: number };
    };
  };
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
  url?: string;
  leaseSeconds: number;
  prometheus?: { url: string; queries: PrometheusQueries };
}

/** `raw` must have passed the schema and the semantic checks */
export function resolveConfig(raw: unknown, file: string, defaults: SchemaDefaults): ModelshipConfig {
  const f = defaults.fill<ConfigFile>([], raw);
  const dir = path.dirname(path.resolve(file));
  const abs = (p: string) => path.resolve(dir, p);
  const ms = (text: string): number => {
    const value = parseDuration(text);
    // the file's durations are validated; a schema default that is no duration is a bug of the schema
    if (value === undefined) throw new Error(`not a duration: '${text}'`);
    return value;
  };

  const local = f.target.local;
  const smoke = f.staging.smoke;
  const rollout = f.rollout;
  const analysis = rollout.analysis;

  const cases: SmokeCaseConfig[] = smoke.cases.map((c) => ({
    name: c.name,
    request: abs(c.request),
    ...(c.expect !== undefined ? { expect: abs(c.expect) } : {}),
    tolerance: c.tolerance,
  }));

  return {
    file: path.resolve(file),
    dir,
    endpoint: f.endpoint,
    model: {
      registry: f.model.registry,
      name: f.model.name,
      version: String(f.model.version),
      tags: f.model.tags,
      local: { path: abs(f.model.local.path) },
      ...(f.model.registry === 'azureml' && f.model.azureml ? { azureml: resolveAzureml(f.model.azureml, abs) } : {}),
    },
    serve: {
      code: abs(f.serve.code),
      scoringScript: f.serve.scoringScript,
      ...(f.serve.requirements !== undefined ? { requirements: abs(f.serve.requirements) } : {}),
      baseImage: f.serve.baseImage,
      ...(f.serve.dockerfile !== undefined ? { dockerfile: abs(f.serve.dockerfile) } : {}),
      readyPath: f.serve.readyPath,
      scorePath: f.serve.scorePath,
      readyTimeout: ms(f.serve.readyTimeout),
    },
    ...(f.image ? { image: { repository: f.image.repository } } : {}),
    target: {
      kind: f.target.kind,
      local: {
        runtime: local.runtime,
        port: local.port,
        // not in the schema: the default depends on port
        stagingPort: local.stagingPort ?? local.port + 1,
        stateDir: abs(local.stateDir),
        // a bare command is looked up on PATH; anything with a slash is a path
        python: local.python.includes('/') ? abs(local.python) : local.python,
        ...(local.auth ? { authKeyEnv: local.auth.keyEnv } : {}),
      },
      ...(f.target.kind === 'kubernetes' ? { kubernetes: resolveKubernetes(f.target.kubernetes, abs, defaults) } : {}),
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
      analysis: {
        interval: ms(analysis.interval),
        minRequests: analysis.minRequests,
        maxErrorRate: analysis.maxErrorRate,
        ...(analysis.maxLatencyP99 !== undefined ? { maxLatencyP99: ms(analysis.maxLatencyP99) } : {}),
        compareToBaseline: analysis.compareToBaseline,
        ...(analysis.probe ? { probe: { rate: analysis.probe.rate } } : {}),
      },
    },
  };
}

function resolveAzureml(a: NonNullable<ConfigFile['model']['azureml']>, abs: (p: string) => string): AzureMlRegistryConfig {
  return {
    subscriptionId: a.subscriptionId,
    resourceGroup: a.resourceGroup,
    ...(a.workspace !== undefined ? { workspace: a.workspace } : {}),
    ...(a.registryName !== undefined ? { registryName: a.registryName } : {}),
    ...(a.stage !== undefined ? { stage: a.stage } : {}),
    resourceManagerUrl: a.resourceManagerUrl.replace(/\/+$/, ''),
    cacheDir: abs(a.cacheDir),
  };
}

function resolveKubernetes(k: KubernetesFile, abs: (p: string) => string, defaults: SchemaDefaults): KubernetesTargetConfig {
  return {
    ...(k.kubeconfig !== undefined ? { kubeconfig: abs(k.kubeconfig) } : {}),
    ...(k.context !== undefined ? { context: k.context } : {}),
    auth: k.auth,
    ...(k.namespace !== undefined ? { namespace: k.namespace } : {}),
    ...(k.staging.namespace !== undefined ? { stagingNamespace: k.staging.namespace } : {}),
    routing: k.routing,
    replicas: k.replicas,
    stagingReplicas: k.staging.replicas,
    resources: { cpu: k.resources.cpu, memory: k.resources.memory },
    ...(k.autoscale ? { autoscale: { min: k.autoscale.min, max: k.autoscale.max, cpuUtilization: k.autoscale.cpuUtilization } } : {}),
    // the Ingresses exist with nginx-ingress routing only, written or not: their settings' defaults then
    ...(k.routing === 'nginx-ingress'
      ? { ingress: resolveIngress(k.ingress ?? defaults.fill<IngressFile>(['target', 'kubernetes', 'ingress'], {})) }
      : {}),
    ...(k.gateway
      ? {
          gateway: {
            name: k.gateway.name,
            ...(k.gateway.namespace ? { namespace: k.gateway.namespace } : {}),
            ...(k.gateway.sectionName ? { sectionName: k.gateway.sectionName } : {}),
            hostnames: k.gateway.hostnames,
          },
        }
      : {}),
    ...(k.imagePullSecret !== undefined ? { imagePullSecret: k.imagePullSecret } : {}),
    ...(k.url !== undefined ? { url: k.url.replace(/\/+$/, '') } : {}),
    leaseSeconds: k.leaseSeconds,
    ...(k.prometheus ? { prometheus: { url: k.prometheus.url.replace(/\/+$/, ''), queries: { ...k.prometheus.queries } } } : {}),
  };
}

function resolveIngress(i: IngressFile): KubernetesTargetConfig['ingress'] {
  return { ...(i.host ? { host: i.host } : {}), className: i.className, path: i.path };
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
      const n = typeof given === 'number' ? given : 0;
      return Array.from({ length: n }, (_, i) => Math.round((100 * (i + 1)) / n));
    }
    case 'blue-green':
    case 'all-at-once':
      return [];
  }
}
