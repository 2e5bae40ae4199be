/**
 * The validated, resolved configuration. Durations are milliseconds, paths are absolute
 * (resolved from the config file's folder), defaults are filled in. `config/load.ts`
 * turns `modelship.yaml` into this; the JSON Schema in `config/modelship.schema.json`
 * describes the file itself.
 */
export type RolloutStrategy = 'canary' | 'linear' | 'blue-green' | 'all-at-once';

/** A step of a canary: a traffic percentage for the new deployment (1..100), or a pause. */
export type RolloutStep = number | 'pause';

export interface SmokeCaseConfig {
  name: string;
  /** absolute path of the request body (JSON) */
  request: string;
  /** absolute path of the expected answer (JSON); absent: any 2xx JSON answer passes */
  expect?: string;
  /** absolute tolerance for numbers in the answer */
  tolerance: number;
}

export interface ModelshipConfig {
  /** absolute path of the config file, for error messages */
  file: string;
  /** folder of the config file */
  dir: string;
  endpoint: string;
  model: {
    registry: 'local' | 'azureml' | 'mlflow';
    name: string;
    /** 'latest', or a version as the registry spells it (the local registry's are whole numbers) */
    version: string;
    tags: Record<string, string>;
    local: { path: string };
    /** present exactly when registry is azureml */
    azureml?: AzureMlRegistryConfig;
    /** present exactly when registry is mlflow */
    mlflow?: MlflowRegistryConfig;
  };
  serve: {
    code: string;
    /** relative to `code` */
    scoringScript: string;
    requirements?: string;
    baseImage: string;
    dockerfile?: string;
    /** readiness/liveness path of the scoring server */
    readyPath: string;
    /** scoring path of the scoring server */
    scorePath: string;
    /** time a new deployment gets to answer readyPath with 200 */
    readyTimeout: number;
  };
  image?: { repository: string };
  target: {
    kind: 'local' | 'kubernetes' | 'azureml';
    local: {
      runtime: 'process' | 'docker';
      /** production endpoint port on 127.0.0.1 */
      port: number;
      /** staging endpoint port; default port + 1 */
      stagingPort: number;
      /** where endpoint state, logs and the host's admin file live */
      stateDir: string;
      /** python interpreter for the process runtime */
      python: string;
      /** when set, endpoints require `Authorization: Bearer <value of this env var>` */
      authKeyEnv?: string;
      /** variables the scoring processes get besides the safe allowlist */
      passEnv: string[];
    };
    /** present when kind is kubernetes */
    kubernetes?: KubernetesTargetConfig;
    /** present when kind is azureml */
    azureml?: AzureMlTargetConfig;
  };
  staging: {
    smoke: {
      cases: SmokeCaseConfig[];
      /** p95 latency limit over all smoke requests (ms) */
      maxLatencyP95?: number;
      /** how many times each case is sent */
      repeat: number;
      /** per-request timeout (ms) */
      timeout: number;
    };
  };
  rollout: {
    strategy: RolloutStrategy;
    /** canary: explicit steps; linear: generated from `steps` count; others: derived */
    steps: RolloutStep[];
    bake: number;
    /** percent of live requests mirrored to the new deployment during a blue-green preview */
    mirror: number;
    /** a cancelled rollout: all traffic back on stable, or left paused for a later job */
    onCancel: 'rollback' | 'pause';
    analysis: {
      interval: number;
      minRequests: number;
      maxErrorRate: number;
      maxLatencyP99?: number;
      compareToBaseline: boolean;
      probe?: { rate: number };
    };
    /** present when the config asks for a shadow step */
    shadow?: ShadowConfig;
  };
}

/** rollout.shadow: answers of the new deployment compared with the stable one's before live traffic */
export interface ShadowConfig {
  /** absolute path of a JSON Lines file of request bodies */
  requests?: string;
  /** JSONPath expressions; empty: the whole answer */
  paths: string[];
  tolerance: number;
  minAgreement: number;
  minSamples: number;
  confidence: number;
  driftAlpha: number;
  concurrency: number;
  reportBodies: boolean;
  /** percent of live requests mirrored and paired during the step (local target); 0: none */
  mirror: number;
  /** the longest time mirrored pairs are collected, in ms */
  durationMs: number;
}

export type KubernetesRouting = 'replicas' | 'nginx-ingress' | 'gateway-api';

export interface KubernetesTargetConfig {
  /** absolute path of a kubeconfig file; absent: KUBECONFIG, ~/.kube/config, then the in-cluster service account */
  kubeconfig?: string;
  /** kubeconfig context; absent: the current context */
  context?: string;
  /** `azure`: an Entra ID token (AKS with Entra ID integration) replaces the kubeconfig user */
  auth: 'kubeconfig' | 'azure';
  /** production namespace; absent: the context's namespace, else `default` */
  namespace?: string;
  /** staging namespace; absent: the production namespace (the staging endpoint is `<endpoint>-staging`) */
  stagingNamespace?: string;
  routing: KubernetesRouting;
  /** replicas of a production deployment (the stable one keeps them during a canary) */
  replicas: number;
  stagingReplicas: number;
  resources: { cpu: string; memory: string };
  autoscale?: { min: number; max: number; cpuUtilization: number };
  /** nginx-ingress routing */
  ingress?: { host?: string; className: string; path: string };
  /** gateway-api routing: the Gateway the HTTPRoute attaches to */
  gateway?: { name: string; namespace?: string; sectionName?: string; hostnames: string[] };
  /** an existing image pull Secret; absent: one is created from pullCredential when set */
  imagePullSecret?: string;
  /** a read-only pull credential from the environment, or the push credentials when the user opts in */
  pullCredential?: { usernameEnv: string; passwordEnv: string } | { reusePushCredentials: true };
  /** ms a deployment that lost its traffic keeps running before it is scaled down or removed */
  scaleDownDelay: number;
  /** seconds a stopping pod keeps serving (preStop sleep); 0: no hook */
  preStopSeconds: number;
  /** smoke and probe traffic go to this URL (with the deployment header) instead of the API server's service proxy */
  url?: string;
  /** seconds a command's Lease lasts without renewal: how long a killed command blocks the next one */
  leaseSeconds: number;
  /** Prometheus HTTP API for analysis metrics; absent: the probe traffic's own measurements */
  prometheus?: { url: string; queries: Partial<PrometheusQueries>; latencyUnit?: LatencyUnit };
}

export type LatencyUnit = 'seconds' | 'milliseconds';

/** PromQL with placeholders {namespace}, {service} (the deployment's Service) and {ingress}; one series per scraped instance */
export interface PrometheusQueries {
  requests: string;
  errors: string;
  /** a histogram's cumulative buckets, with an `le` label */
  latencyBuckets: string;
}

/** model.azureml: the Azure Machine Learning model registry */
export interface AzureMlRegistryConfig {
  subscriptionId: string;
  resourceGroup: string;
  /** the models of this workspace; exactly one of workspace and registryName is set */
  workspace?: string;
  /** the models of this Azure ML registry (shared across workspaces) */
  registryName?: string;
  /** only versions whose Azure ML `stage` equals this count for `latest` */
  stage?: string;
  /** Azure Resource Manager's base URL, without a trailing slash (sovereign clouds have their own) */
  resourceManagerUrl: string;
  /** absolute path of the folder downloaded versions are kept in */
  cacheDir: string;
}

export interface AzureMlProbeConfig {
  /** milliseconds */
  initialDelay: number;
  period: number;
  timeout: number;
  failureThreshold: number;
  successThreshold: number;
}

/** target.azureml: Azure Machine Learning managed online endpoints */
export interface AzureMlTargetConfig {
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
  /** without a trailing slash */
  resourceManagerUrl: string;
  instanceType: string;
  instanceCount: number;
  authMode: 'key' | 'aml_token' | 'aad_token';
  /** milliseconds */
  requestTimeout: number;
  maxConcurrentRequestsPerInstance: number;
  livenessProbe: AzureMlProbeConfig;
  readinessProbe: AzureMlProbeConfig;
  /** an existing environment version (azureml:name:version or ARM id); absent: the pushed image */
  environment?: string;
  /** staging is a separate <endpoint>-staging endpoint instead of a 0% deployment in production */
  stagingEndpoint: boolean;
  /** milliseconds */
  provisioningTimeout: number;
  pollInterval: number;
  lockTtl: number;
  metrics: { source: 'monitor' | 'probe'; ingestionDelay: number };
}

/** model.mlflow: an MLflow Model Registry */
export interface MlflowRegistryConfig {
  /** http(s):// or azureml:// */
  trackingUri: string;
  /** ship the version this alias points to */
  alias?: string;
  /** deprecated MLflow stage: the newest version in it */
  stage?: string;
  auth: 'none' | 'basic' | 'bearer' | 'azure';
  usernameEnv: string;
  passwordEnv: string;
  tokenEnv: string;
  /** absolute path of the folder downloaded versions are kept in */
  cacheDir: string;
}
