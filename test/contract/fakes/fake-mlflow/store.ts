/**
 * The state of the FAKE MLflow server: registered models, model versions, aliases, tags and the
 * files behind the artifacts proxy, plus the JSON renderings of the entities as the MLflow 2.x
 * SQLAlchemy model registry store and `message_to_json` produce them
 * (mlflow/store/model_registry/dbmodels/models.py, mlflow/entities/model_registry/*.py to_proto,
 * mlflow/utils/proto_json_utils.py): unset optional fields and EMPTY LISTS ARE LEFT OUT of the
 * JSON (`tags`, `aliases`, `latest_versions`, `model_versions`, `files` are absent, not []), int64
 * fields are JSON numbers, `version` is a string.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SearchableVersion } from './search';

export type Stage = 'None' | 'Staging' | 'Production' | 'Archived';
export type VersionStatus = 'READY' | 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION';

/** mlflow/entities/model_registry/model_version_stages.py */
export const ALL_STAGES: Stage[] = ['None', 'Staging', 'Production', 'Archived'];
export const canonicalStage = (stage: string): Stage | undefined => ALL_STAGES.find((s) => s.toLowerCase() === stage.toLowerCase());

export interface ModelSeed {
  description?: string;
  tags?: Record<string, string>;
  /** alias -> version; may name versions added later */
  aliases?: Record<string, string | number>;
  /** epoch milliseconds; default the fake's clock */
  creationTimestamp?: number;
  lastUpdatedTimestamp?: number;
}

/** files of a version: relative path -> content, or a local folder copied recursively */
export type FilesSeed = Record<string, string | Buffer> | string;

export interface VersionSeed {
  /** default: the model's highest version + 1 (versions are integers in MLflow's own registry) */
  version?: number | string;
  creationTimestamp?: number;
  /** default: creationTimestamp */
  lastUpdatedTimestamp?: number;
  /** default 'None' (case-insensitive, canonicalized as the server does) */
  stage?: string;
  /** default READY */
  status?: VersionStatus;
  statusMessage?: string;
  description?: string;
  userId?: string;
  tags?: Record<string, string>;
  /**
   * the version's source URI. Default `mlflow-artifacts:/<experimentId>/<runId>/artifacts/model`
   * (served by the fake's artifacts proxy). `models:/<name>/<version>` is resolved as the server
   * does at registration (the download URI becomes that version's). Anything else (s3://, dbfs:/,
   * wasbs://, runs:/...) is stored and returned as is, and the fake serves no file for it.
   */
  source?: string;
  /** default: a random 32-hex run id (none when the source is not an mlflow-artifacts one and no runId is given) */
  runId?: string;
  runLink?: string;
  /** experiment id of the default source (default '1') */
  experimentId?: string;
  /** files served through the artifacts proxy under the source's path (needs a proxied source) */
  files?: FilesSeed;
}

export interface VersionRecord {
  name: string;
  version: number;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  description?: string;
  userId?: string;
  stage: Stage;
  source: string;
  /** set when registration resolved the source (models:/ URIs) */
  storageLocation?: string;
  runId?: string;
  runLink?: string;
  status: VersionStatus;
  statusMessage?: string;
  tags: Map<string, string>;
}

export interface ModelRecord {
  name: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  description?: string;
  tags: Map<string, string>;
  /** alias -> version, in the order they were set */
  aliases: Map<string, number>;
  versions: Map<number, VersionRecord>;
}

export const toSearchable = (v: VersionRecord): SearchableVersion => ({
  name: v.name,
  version: v.version,
  source: v.source,
  runId: v.runId,
  tags: v.tags,
});

/** the path below the artifacts root that a proxied artifact URI names, or undefined when the proxy does not serve it */
export function proxiedArtifactPath(uri: string): string | undefined {
  if (/^mlflow-artifacts:/i.test(uri)) {
    // mlflow-artifacts:/1/run/artifacts/model or mlflow-artifacts://host:port/1/run/artifacts/model
    const rest = uri.slice('mlflow-artifacts:'.length);
    const p = rest.startsWith('//') ? rest.slice(2).replace(/^[^/]*/, '') : rest;
    return decodeURIComponent(p.split(/[?#]/)[0]).replace(/^\/+/, '').replace(/\/+$/, '');
  }
  const anchor = '/api/2.0/mlflow-artifacts/artifacts/';
  if (/^https?:\/\//i.test(uri)) {
    const pathname = new URL(uri).pathname;
    const at = pathname.indexOf(anchor);
    if (at >= 0)
      return decodeURIComponent(pathname.slice(at + anchor.length))
        .replace(/^\/+/, '')
        .replace(/\/+$/, '');
  }
  return undefined;
}

function readFolder(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full));
    }
  };
  if (!fs.statSync(root).isDirectory()) throw new Error(`fake MLflow seed: '${root}' is not a folder`);
  walk(root);
  return out;
}

export function filesOf(seed: FilesSeed): Map<string, Buffer> {
  if (typeof seed === 'string') return readFolder(seed);
  const out = new Map<string, Buffer>();
  for (const [p, content] of Object.entries(seed)) out.set(p, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  return out;
}

/** a normalized relative artifact path (no leading/trailing slash, no empty or '.' segments) */
export function normalizeArtifactPath(p: string): string {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.includes('..')) throw new Error(`fake MLflow seed: artifact path '${p}' climbs out of its root`);
  return parts.join('/');
}

export interface ArtifactEntry {
  path: string;
  isDir: boolean;
  size?: number;
}

/** the artifact root the proxy serves (`mlflow server --artifacts-destination`), as a flat map of files */
export class ArtifactTree {
  private readonly files = new Map<string, Buffer>();

  put(p: string, content: Buffer): void {
    const key = normalizeArtifactPath(p);
    if (key === '') throw new Error('fake MLflow seed: empty artifact path');
    for (const existing of this.files.keys()) {
      if (existing.startsWith(`${key}/`)) throw new Error(`fake MLflow seed: '${key}' is already a folder`);
      if (key.startsWith(`${existing}/`)) throw new Error(`fake MLflow seed: '${existing}' is already a file`);
    }
    this.files.set(key, content);
  }

  file(p: string): Buffer | undefined {
    return this.files.get(normalizeArtifactPath(p));
  }

  isDir(p: string): boolean {
    const key = normalizeArtifactPath(p);
    if (key === '') return true;
    for (const f of this.files.keys()) if (f.startsWith(`${key}/`)) return true;
    return false;
  }

  /** the direct children of a folder, sorted by path as LocalArtifactRepository.list_artifacts does; [] for a file or nothing */
  list(p: string): ArtifactEntry[] {
    const key = normalizeArtifactPath(p);
    if (!this.isDir(key)) return [];
    const prefix = key === '' ? '' : `${key}/`;
    const children = new Map<string, ArtifactEntry>();
    for (const [f, content] of this.files) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      const child = `${prefix}${name}`;
      if (slash < 0) children.set(child, { path: child, isDir: false, size: content.length });
      else if (!children.has(child)) children.set(child, { path: child, isDir: true });
    }
    return [...children.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** every file path, sorted */
  all(): string[] {
    return [...this.files.keys()].sort();
  }
}

/** ModelVersion.to_proto via message_to_json; `withAliases`: only get / get-by-alias / latest-versions fill them */
export function modelVersionJson(v: VersionRecord, aliases: string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: v.name,
    version: String(v.version),
    creation_timestamp: v.creationTimestamp,
    last_updated_timestamp: v.lastUpdatedTimestamp,
  };
  if (v.userId !== undefined) out.user_id = v.userId;
  out.current_stage = v.stage;
  if (v.description !== undefined) out.description = v.description;
  out.source = v.source;
  if (v.runId !== undefined) out.run_id = v.runId;
  out.status = v.status;
  if (v.statusMessage) out.status_message = v.statusMessage;
  if (v.tags.size > 0) out.tags = [...v.tags].map(([key, value]) => ({ key, value }));
  if (v.runLink !== undefined) out.run_link = v.runLink;
  if (aliases !== undefined && aliases.length > 0) out.aliases = aliases;
  return out;
}

export function aliasesOf(m: ModelRecord, version: number): string[] {
  return [...m.aliases].filter(([, v]) => v === version).map(([a]) => a);
}

/** SqlRegisteredModel.to_mlflow_entity: the highest version of each stage, in the order stages first appear */
export function latestVersions(m: ModelRecord): VersionRecord[] {
  const latest = new Map<Stage, VersionRecord>();
  for (const v of [...m.versions.values()].sort((a, b) => a.version - b.version)) {
    const current = latest.get(v.stage);
    if (current === undefined || current.version < v.version) latest.set(v.stage, v);
  }
  return [...latest.values()];
}

/** RegisteredModel.to_proto via message_to_json; latest_versions carry no aliases (the SQL store leaves them empty) */
export function registeredModelJson(m: ModelRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: m.name,
    creation_timestamp: m.creationTimestamp,
    last_updated_timestamp: m.lastUpdatedTimestamp,
  };
  if (m.description !== undefined) out.description = m.description;
  const latest = latestVersions(m);
  if (latest.length > 0) out.latest_versions = latest.map((v) => modelVersionJson(v, undefined));
  if (m.tags.size > 0) out.tags = [...m.tags].map(([key, value]) => ({ key, value }));
  if (m.aliases.size > 0) out.aliases = [...m.aliases].map(([alias, version]) => ({ alias, version: String(version) }));
  return out;
}
