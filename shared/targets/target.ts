import { isRecord } from '../json';

/**
 * The Target port: where deployments run and how traffic is split between them.
 * Adapters: local (process | docker runtime behind the modelship router) and kubernetes.
 * The target is the source of truth for what is deployed.
 */
export interface ModelRef {
  name: string;
  /** as the registry spells it (see registry/version.ts) */
  version: string;
}

/** a ModelRef read back from a target's stored JSON; versions stored as numbers become strings */
export function modelRef(raw: unknown): ModelRef | undefined {
  if (!isRecord(raw) || typeof raw.name !== 'string') return undefined;
  if (typeof raw.version === 'string') return { name: raw.name, version: raw.version };
  if (typeof raw.version === 'number') return { name: raw.name, version: String(raw.version) };
  return undefined;
}

export interface DeploymentSpec {
  /** deployment name within the endpoint, e.g. `blue` */
  name: string;
  model: ModelRef;
  /** folder with the model files (AZUREML_MODEL_DIR), for runtimes that run from files */
  modelDir: string;
  /** folder with the scoring code and the script name inside it */
  codeDir: string;
  scoringScript: string;
  /** image pinned by digest, for image runtimes */
  image?: string;
  readyPath: string;
  scorePath: string;
  readyTimeout: number;
}

export type DeploymentHealth = 'starting' | 'ready' | 'restarting' | 'dead';

export interface DeploymentInfo {
  name: string;
  model: ModelRef;
  image?: string;
  health: DeploymentHealth;
  /** how often the runtime restarted it since it became ready */
  restarts: number;
  createdAt: string;
}

/** The rollout in progress, kept by the target so that a later job can promote or roll back. */
export interface RolloutRecord {
  candidate: string;
  stable: string;
  model: ModelRef;
  /** index of the next step to run when resumed */
  nextStep: number;
  status: 'running' | 'paused';
  startedAt: string;
}

/** Durable facts about the endpoint beyond deployments and traffic. */
/** the verdicts of the last rollout that ran an analysis, in short lines (shared/report/verdicts.ts) */
export interface AnalysisRecord {
  version: string;
  outcome: 'promoted' | 'rolled-back' | 'paused';
  /** ISO time the command ended */
  at: string;
  lines: string[];
}

export interface EndpointRecord {
  rollout?: RolloutRecord;
  /** the verdicts of the last rollout, for `status` */
  analysis?: AnalysisRecord;
  /** the model version production served before the last promotion (for `rollback`) */
  previous?: ModelRef & { image?: string; promotedAt?: string };
}

export interface EndpointState {
  endpoint: string;
  /** base URL clients call, e.g. http://127.0.0.1:8080 */
  url: string;
  deployments: DeploymentInfo[];
  /** percent per deployment; sums to 100 when any deployment takes traffic */
  traffic: Record<string, number>;
  /** percent of live requests mirrored per deployment */
  mirror: Record<string, number>;
  record: EndpointRecord;
}

export interface ScoreRequest {
  body: string;
  /** route to this deployment only (not mirrored), as Azure ML's deployment header */
  deployment?: string;
  timeoutMs: number;
}

export interface ScoreResponse {
  status: number;
  body: string;
  /** the deployment that answered, from the x-modelship-deployment header */
  deployment?: string;
  latencyMs: number;
}

/**
 * One live request mirrored to a deployment that takes no traffic, with both answers: the
 * one the client got and the mirror's. The shadow step compares them.
 */
export interface MirroredPair {
  /** the request body, as the client sent it */
  request: string;
  /** the deployment whose answer the client got */
  served: string;
  reference: { status: number; body: string };
  /** the mirror's answer; absent when it did not answer (refused, reset, timeout) */
  mirrored?: { status: number; body: string };
}

export interface Target {
  /** a human name for logs, e.g. `local/process` */
  readonly description: string;
  state(endpoint: string): Promise<EndpointState>;
  /** start the deployment and wait until it is ready; throws with its last log lines if not */
  createDeployment(endpoint: string, spec: DeploymentSpec): Promise<void>;
  /** drain (weight must be 0) and remove */
  deleteDeployment(endpoint: string, name: string): Promise<void>;
  /**
   * apply weights (and mirror shares) atomically; resolves with the share each deployment
   * really gets, read back (which may differ from the asked one where `approximateWeights`)
   */
  setTraffic(endpoint: string, traffic: Record<string, number>, mirror?: Record<string, number>): Promise<Record<string, number>>;
  setRecord(endpoint: string, record: EndpointRecord): Promise<void>;
  /** true where weights are realised approximately (replica ratios): only which deployments take traffic must match */
  approximateWeights?(endpoint: string): boolean;
  score(endpoint: string, request: ScoreRequest): Promise<ScoreResponse>;
  /**
   * Where the router can pair mirrored answers (the local target): mirror `share` percent
   * of live requests to `deployment`, weights unchanged, keeping each mirror answer with
   * the answer the client got; 0 stops mirroring.
   */
  mirrorPaired?(endpoint: string, deployment: string, share: number): Promise<void>;
  /** the pairs kept since the last call (then forgotten), and how many mirrored requests could not be paired */
  takeMirroredPairs?(endpoint: string, deployment: string): Promise<{ pairs: MirroredPair[]; unpaired: number }>;
  /** remove everything this target created for the endpoint */
  destroy(endpoint: string): Promise<void>;
}

/** the header that names (in a request) or reports (in an answer) the deployment, as Azure ML's azureml-model-deployment */
export const DEPLOYMENT_HEADER = 'x-modelship-deployment';

/** A lock on an endpoint, held for the duration of a command that changes it (a Lease on Kubernetes). */
export interface EndpointLocker {
  /** resolves with the release function; rejects at once, naming the holder, when another command holds it */
  acquireLock(endpoint: string, holder: string): Promise<() => Promise<void>>;
}
