import { AnalysisRecord, EndpointRecord, ModelRef, RolloutRecord } from '../target';

/**
 * What modelship keeps on the Azure ML resources themselves, as ARM tags, so that any later
 * job (another runner, another front end) can promote, roll back or read the status:
 * - on the endpoint: the rollout in progress, the version served before the last promotion,
 *   and the lock (holder and expiry);
 * - on each deployment: the model it serves and the image it runs.
 * ARM limits a tag value to 256 characters and a name to 512 without `<>%&\?/`, so each
 * fact is its own tag rather than one JSON document.
 */
export const TAG_PREFIX = 'modelship.';

const ROLLOUT = {
  candidate: 'modelship.rollout.candidate',
  stable: 'modelship.rollout.stable',
  model: 'modelship.rollout.model',
  version: 'modelship.rollout.version',
  nextStep: 'modelship.rollout.nextStep',
  status: 'modelship.rollout.status',
  startedAt: 'modelship.rollout.startedAt',
} as const;

const PREVIOUS = {
  model: 'modelship.previous.model',
  version: 'modelship.previous.version',
  image: 'modelship.previous.image',
  promotedAt: 'modelship.previous.promotedAt',
} as const;

const ANALYSIS = {
  version: 'modelship.analysis.version',
  outcome: 'modelship.analysis.outcome',
  at: 'modelship.analysis.at',
  /** followed by the line's index: one tag per line of the verdicts */
  line: 'modelship.analysis.line',
} as const;
const ANALYSIS_OUTCOMES: ReadonlySet<string> = new Set<AnalysisRecord['outcome']>(['promoted', 'rolled-back', 'paused']);

export const LOCK_TAGS = { holder: 'modelship.lock.holder', expires: 'modelship.lock.expires' } as const;

const DEPLOYMENT = {
  model: 'modelship.model',
  version: 'modelship.version',
  image: 'modelship.image',
  createdAt: 'modelship.createdAt',
} as const;

/** ARM's limit on a tag value */
export const MAX_TAG_VALUE = 256;

export function recordFromTags(tags: Record<string, string>): EndpointRecord {
  const record: EndpointRecord = {};
  const status = tags[ROLLOUT.status];
  const nextStep = Number(tags[ROLLOUT.nextStep]);
  if (
    tags[ROLLOUT.candidate] &&
    tags[ROLLOUT.stable] &&
    tags[ROLLOUT.model] &&
    tags[ROLLOUT.version] &&
    (status === 'running' || status === 'paused') &&
    Number.isInteger(nextStep)
  ) {
    const rollout: RolloutRecord = {
      candidate: tags[ROLLOUT.candidate],
      stable: tags[ROLLOUT.stable],
      model: { name: tags[ROLLOUT.model], version: tags[ROLLOUT.version] },
      nextStep,
      status,
      startedAt: tags[ROLLOUT.startedAt] ?? '',
    };
    record.rollout = rollout;
  }
  if (tags[PREVIOUS.model] && tags[PREVIOUS.version]) {
    record.previous = {
      name: tags[PREVIOUS.model],
      version: tags[PREVIOUS.version],
      ...(tags[PREVIOUS.image] ? { image: tags[PREVIOUS.image] } : {}),
      ...(tags[PREVIOUS.promotedAt] ? { promotedAt: tags[PREVIOUS.promotedAt] } : {}),
    };
  }
  const outcome = tags[ANALYSIS.outcome];
  if (tags[ANALYSIS.version] && outcome && ANALYSIS_OUTCOMES.has(outcome)) {
    const lines: string[] = [];
    for (let i = 0; tags[`${ANALYSIS.line}${i}`] !== undefined; i++) lines.push(tags[`${ANALYSIS.line}${i}`]);
    record.analysis = {
      version: tags[ANALYSIS.version],
      outcome: outcome as AnalysisRecord['outcome'],
      at: tags[ANALYSIS.at] ?? '',
      lines,
    };
  }
  return record;
}

/** `tags` with the record's tags replaced by `record`'s (other tags, the user's included, kept) */
export function withRecordTags(tags: Record<string, string>, record: EndpointRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const ours = new Set<string>([...Object.values(ROLLOUT), ...Object.values(PREVIOUS)]);
  for (const [name, value] of Object.entries(tags)) if (!ours.has(name) && !name.startsWith('modelship.analysis.')) out[name] = value;
  const rollout = record.rollout;
  if (rollout) {
    out[ROLLOUT.candidate] = rollout.candidate;
    out[ROLLOUT.stable] = rollout.stable;
    out[ROLLOUT.model] = rollout.model.name;
    out[ROLLOUT.version] = rollout.model.version;
    out[ROLLOUT.nextStep] = String(rollout.nextStep);
    out[ROLLOUT.status] = rollout.status;
    out[ROLLOUT.startedAt] = rollout.startedAt;
  }
  const previous = record.previous;
  if (previous) {
    out[PREVIOUS.model] = previous.name;
    out[PREVIOUS.version] = previous.version;
    if (previous.image) out[PREVIOUS.image] = previous.image;
    if (previous.promotedAt) out[PREVIOUS.promotedAt] = previous.promotedAt;
  }
  const analysis = record.analysis;
  if (analysis) {
    out[ANALYSIS.version] = analysis.version;
    out[ANALYSIS.outcome] = analysis.outcome;
    out[ANALYSIS.at] = analysis.at;
    analysis.lines.forEach((line, i) => (out[`${ANALYSIS.line}${i}`] = line.slice(0, MAX_TAG_VALUE)));
  }
  return checkedTags(out);
}

export interface DeploymentTags {
  model: ModelRef;
  image?: string;
  createdAt: string;
}

export function deploymentTags(facts: DeploymentTags): Record<string, string> {
  return checkedTags({
    [DEPLOYMENT.model]: facts.model.name,
    [DEPLOYMENT.version]: facts.model.version,
    ...(facts.image ? { [DEPLOYMENT.image]: facts.image } : {}),
    [DEPLOYMENT.createdAt]: facts.createdAt,
  });
}

/** the facts a deployment's tags carry; undefined for a deployment modelship did not create */
export function deploymentFacts(tags: Record<string, string>): DeploymentTags | undefined {
  const name = tags[DEPLOYMENT.model];
  const version = tags[DEPLOYMENT.version];
  if (!name || !version) return undefined;
  return {
    model: { name, version },
    ...(tags[DEPLOYMENT.image] ? { image: tags[DEPLOYMENT.image] } : {}),
    createdAt: tags[DEPLOYMENT.createdAt] ?? '',
  };
}

export interface LockTag {
  holder: string;
  /** epoch milliseconds */
  expires: number;
}

export function lockFromTags(tags: Record<string, string>): LockTag | undefined {
  const holder = tags[LOCK_TAGS.holder];
  const expires = Date.parse(tags[LOCK_TAGS.expires] ?? '');
  return holder && Number.isFinite(expires) ? { holder, expires } : undefined;
}

export function withLockTags(tags: Record<string, string>, lock: LockTag | undefined): Record<string, string> {
  const out = { ...tags };
  delete out[LOCK_TAGS.holder];
  delete out[LOCK_TAGS.expires];
  if (lock) {
    out[LOCK_TAGS.holder] = lock.holder.slice(0, MAX_TAG_VALUE);
    out[LOCK_TAGS.expires] = new Date(lock.expires).toISOString();
  }
  return checkedTags(out);
}

/** a value over ARM's limit would make the whole PUT fail: refuse it here, naming the tag */
function checkedTags(tags: Record<string, string>): Record<string, string> {
  for (const [name, value] of Object.entries(tags)) {
    if (value.length > MAX_TAG_VALUE)
      throw new Error(
        `the tag ${name} would be ${value.length} characters long, over Azure's limit of ${MAX_TAG_VALUE}: '${value.slice(0, 40)}…'`,
      );
  }
  return tags;
}
