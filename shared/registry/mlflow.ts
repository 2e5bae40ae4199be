import type { TokenCredential } from '@azure/core-auth';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StageError, UsageError, errorMessage } from '../errors';
import { Clock } from '../clock';
import { RetryError, RetryPolicy, isTransientFetch, withRetry } from '../retry';
import { isRecord } from '../json';
import { MlflowRegistryConfig } from '../config/types';
import { ModelRegistry, ModelSelector, ModelVersion } from './registry';
import { LATEST, compareVersions } from './version';
import { VersionCache } from './version-cache';

/**
 * The MLflow Model Registry as the source of versions, through MLflow's REST API 2.0:
 * an open-source tracking server, Databricks, or an Azure ML workspace's MLflow endpoint
 * (an `azureml://` tracking URI, with the run's Azure login).
 *
 * - Selection: a pinned version; an alias (`champion`: how current MLflow promotes
 *   models); the newest READY version carrying the configured tags; or, deprecated, the
 *   newest version in a stage (`Production`), with a warning naming aliases instead.
 *   Archived versions (stage `Archived`) and versions not READY are never selected.
 * - Download: the version's artifacts through the tracking server's artifact proxy
 *   (`mlflow-artifacts:`), after asking the server where they are (`get-download-uri`).
 *   A storage the toolkit cannot read (`s3://`, `dbfs:/`, `wasbs://`...) is an error that
 *   names the scheme. Files are cached per version, a partial download never counts.
 */
/** model.mlflow of the config */
export type MlflowRegistrySettings = MlflowRegistryConfig;

export interface MlflowRegistryOptions {
  settings: MlflowRegistrySettings;
  /** a variable the config names (credentials); the front end's view of the environment */
  env: (name: string) => string | undefined;
  setSecret: (value: string) => void;
  /** the run's Azure login, for azureml:// tracking URIs */
  azureLogin?: () => { credential: TokenCredential; source: string };
  log: (line: string) => void;
  warn: (line: string) => void;
  /** retries of the REST calls (default: 4 attempts, 0.5 s then doubling) */
  retry?: Partial<RetryPolicy> & { clock?: Clock };
}

/** the scope of Azure ML's MLflow endpoint: it takes Azure Resource Manager tokens */
export const AZUREML_MLFLOW_SCOPE = 'https://management.azure.com/.default';
const PAGE_SIZE = 200;

interface MlflowModelVersion {
  name: string;
  version: string;
  creation_timestamp?: number | string;
  current_stage?: string;
  description?: string;
  source?: string;
  status?: string;
  tags?: Array<{ key: string; value: string }>;
  aliases?: string[];
}

export class MlflowModelRegistry implements ModelRegistry {
  readonly description: string;
  private readonly baseUrl: string;
  private readonly settings: MlflowRegistrySettings;
  private readonly cache: VersionCache;

  constructor(private readonly options: MlflowRegistryOptions) {
    this.settings = options.settings;
    this.baseUrl = trackingBaseUrl(this.settings.trackingUri);
    this.description = `MLflow registry at ${this.baseUrl}`;
    this.cache = new VersionCache(this.settings.cacheDir, this.baseUrl, options.log);
    if (this.settings.stage) {
      const replacement = this.settings.stage.toLowerCase() === 'production' ? 'champion' : 'challenger';
      options.warn(
        `model.mlflow.stage '${this.settings.stage}' selects by MLflow model stage, which MLflow deprecated: give the version an alias (e.g. '${replacement}') and set model.mlflow.alias instead`,
      );
    }
  }

  eventSkipReason(event: { alias?: unknown; stage?: unknown }): string | undefined {
    const { alias, stage } = this.settings;
    const said = (value: unknown): string => (typeof value === 'string' ? `'${value.slice(0, 64)}'` : 'none');
    if (alias !== undefined && event.alias !== alias) {
      return event.alias === undefined
        ? `the event sets no alias, and model.mlflow.alias ships '${alias}'`
        : `the event moved alias ${said(event.alias)}, and model.mlflow.alias ships '${alias}'`;
    }
    if (stage !== undefined && (typeof event.stage !== 'string' || event.stage.toLowerCase() !== stage.toLowerCase())) {
      return `the event moves the version to stage ${said(event.stage)}, and model.mlflow.stage ships '${stage}'`;
    }
    return undefined;
  }

  async list(name: string): Promise<ModelVersion[]> {
    const versions = await this.search(name);
    return versions.map(toModelVersion);
  }

  async resolve(selector: ModelSelector): Promise<ModelVersion | undefined> {
    const { alias, stage } = this.settings;
    if (selector.version !== LATEST) {
      const found = await this.get<{ model_version?: MlflowModelVersion }>(
        'model-versions/get',
        { name: selector.name, version: selector.version },
        `reading ${selector.name} v${selector.version}`,
        { notFound: true },
      );
      return found?.model_version ? this.selectable(found.model_version, `${selector.name} v${selector.version}`) : undefined;
    }
    if (alias) {
      const found = await this.get<{ model_version?: MlflowModelVersion }>(
        'registered-models/alias',
        { name: selector.name, alias },
        `reading alias '${alias}' of ${selector.name}`,
        { notFound: true },
      );
      const version = found?.model_version;
      if (!version) return undefined;
      const missing = Object.entries(selector.tags).filter(([k, v]) => tagsOf(version)[k] !== v);
      if (missing.length) {
        this.options.log(
          `${selector.name}@${alias} is v${version.version}, which lacks ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}`,
        );
        return undefined;
      }
      return this.selectable(version, `${selector.name}@${alias} (v${version.version})`);
    }
    const wanted = Object.entries(selector.tags);
    const candidates = (await this.search(selector.name)).filter(
      (v) =>
        (v.status ?? 'READY') === 'READY' &&
        (v.current_stage ?? 'None') !== 'Archived' &&
        (stage === undefined || (v.current_stage ?? 'None').toLowerCase() === stage.toLowerCase()) &&
        wanted.every(([k, val]) => tagsOf(v)[k] === val),
    );
    const newest = candidates[candidates.length - 1];
    return newest ? toModelVersion(newest) : undefined;
  }

  register(): Promise<ModelVersion> {
    return Promise.reject(
      new UsageError(
        'modelship does not register models in MLflow: register them where they are trained (mlflow.register_model), then ship them with modelship',
      ),
    );
  }

  async materialize(name: string, version: string): Promise<string> {
    const doing = `downloading ${name} v${version} from the ${this.description}`;
    return this.cache.files(name, version, async (filesDir) => {
      const answer = await this.get<{ artifact_uri?: string }>(
        'model-versions/get-download-uri',
        { name, version },
        `${doing}: asking where its artifacts are`,
      );
      const uri = answer?.artifact_uri ?? '';
      const artifactPath = proxiedPath(uri);
      if (artifactPath === undefined) {
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1] ?? '(none)';
        throw new StageError(
          doing,
          `its artifacts are at ${JSON.stringify(uri)} (scheme ${scheme}), which the tracking server does not proxy and modelship does not read`,
          'serve artifacts through the tracking server (mlflow server --serve-artifacts, artifacts at mlflow-artifacts:/), or register the version from a proxied run',
        );
      }
      this.options.log(`downloading ${name} v${version} from ${uri}`);
      const summary = await this.downloadTree(artifactPath, filesDir, doing);
      if (summary.files === 0) throw new StageError(doing, `the tracking server lists no files at ${uri}`);
      return summary;
    });
  }

  /** every version of a model, oldest first (by version number) */
  private async search(name: string): Promise<MlflowModelVersion[]> {
    const out: MlflowModelVersion[] = [];
    let pageToken: string | undefined;
    for (let page = 1; page <= 1000; page++) {
      const answer = await this.get<{ model_versions?: MlflowModelVersion[]; next_page_token?: string }>(
        'model-versions/search',
        {
          filter: `name = ${quoteFilterValue(name)}`,
          max_results: String(PAGE_SIZE),
          order_by: 'version_number DESC',
          ...(pageToken ? { page_token: pageToken } : {}),
        },
        `listing the versions of model '${name}'${page > 1 ? ` (page ${page})` : ''}`,
      );
      out.push(...(answer?.model_versions ?? []).filter((v) => v.name === name));
      pageToken = answer?.next_page_token || undefined;
      if (!pageToken) break;
    }
    return out.sort((a, b) => compareVersions(a.version, b.version));
  }

  /** a version that may ship: READY and not archived */
  private selectable(version: MlflowModelVersion, what: string): ModelVersion {
    if ((version.current_stage ?? 'None') === 'Archived') {
      throw new StageError(
        `selecting ${what} in the ${this.description}`,
        'that version is archived, and archived versions are never shipped',
      );
    }
    if ((version.status ?? 'READY') !== 'READY') {
      throw new StageError(
        `selecting ${what} in the ${this.description}`,
        `that version's status is ${version.status}, not READY`,
        'wait for its registration to finish',
      );
    }
    return toModelVersion(version);
  }

  private async downloadTree(artifactPath: string, destDir: string, doing: string): Promise<{ files: number; bytes: number }> {
    let files = 0;
    let bytes = 0;
    const walk = async (dirPath: string, relative: string): Promise<void> => {
      const listing = await this.request<{ files?: Array<{ path: string; is_dir?: boolean }> }>(
        `${this.baseUrl}/api/2.0/mlflow-artifacts/artifacts?path=${encodeURIComponent(dirPath)}`,
        `${doing}: listing ${dirPath}`,
      );
      const entries = listing?.files ?? [];
      if (entries.length === 0 && relative === '') {
        // not a folder: the path may name one file
        const body = await this.fetchFile(dirPath, `${doing}: reading ${dirPath}`);
        if (body) {
          await fs.promises.mkdir(destDir, { recursive: true });
          await fs.promises.writeFile(path.join(destDir, path.posix.basename(dirPath)), body);
          files += 1;
          bytes += body.length;
        }
        return;
      }
      for (const entry of entries) {
        const name = path.posix.basename(entry.path);
        const childRelative = relative ? `${relative}/${name}` : name;
        const target = path.resolve(destDir, childRelative);
        if (!name || name === '..' || !target.startsWith(path.resolve(destDir) + path.sep))
          throw new StageError(doing, `refusing the artifact path ${JSON.stringify(entry.path)}`);
        const childPath = `${dirPath.replace(/\/+$/, '')}/${name}`;
        if (entry.is_dir) {
          await walk(childPath, childRelative);
        } else {
          const body = await this.fetchFile(childPath, `${doing}: reading ${childPath}`);
          await fs.promises.mkdir(path.dirname(target), { recursive: true });
          await fs.promises.writeFile(target, body ?? Buffer.alloc(0));
          files += 1;
          bytes += body?.length ?? 0;
        }
      }
    };
    await walk(artifactPath, '');
    return { files, bytes };
  }

  private async fetchFile(artifactPath: string, doing: string): Promise<Buffer | undefined> {
    const url = `${this.baseUrl}/api/2.0/mlflow-artifacts/artifacts/${artifactPath.split('/').map(encodeURIComponent).join('/')}`;
    const res = await this.send(url, doing);
    if (res.status === 404) return undefined;
    if (!res.ok) throw await this.answerError(res, doing);
    return Buffer.from(await res.arrayBuffer());
  }

  private async get<T>(
    endpoint: string,
    query: Record<string, string>,
    doing: string,
    opts: { notFound?: boolean } = {},
  ): Promise<T | undefined> {
    const url = `${this.baseUrl}/api/2.0/mlflow/${endpoint}?${new URLSearchParams(query).toString()}`;
    return this.request<T>(url, doing, opts);
  }

  private async request<T>(url: string, doing: string, opts: { notFound?: boolean } = {}): Promise<T | undefined> {
    const res = await this.send(url, doing);
    if (opts.notFound && (res.status === 404 || res.status === 400)) {
      const text = await res.text();
      // an unknown version is a 404; an unknown alias is a 400 INVALID_PARAMETER_VALUE "... alias X not found."
      if (res.status === 404 || /alias .* not found/i.test(text)) return undefined;
      throw this.errorFrom(res.status, text, doing);
    }
    if (!res.ok) throw await this.answerError(res, doing);
    const text = await res.text();
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new StageError(doing, `the ${this.description} answered ${res.status} with a body that is not JSON`);
    }
  }

  private async send(url: string, doing: string): Promise<Response> {
    const headers = { accept: 'application/json', ...(await this.authHeader(doing)) };
    try {
      return await withRetry(doing, () => fetch(url, { headers, signal: AbortSignal.timeout(30_000) }), {
        attempts: 4,
        firstDelayMs: 500,
        ...this.options.retry,
        log: (line) => this.options.log(line),
        retriable: isTransientFetch,
      });
    } catch (err: unknown) {
      if (err instanceof RetryError)
        throw new StageError(
          doing,
          `no usable answer from ${this.baseUrl} after ${err.attempts} attempts (${err.seen})${err.limit ? `; ${err.limit}` : ''}`,
          `that the tracking server is running and reachable (model.mlflow.trackingUri)`,
        );
      throw err;
    }
  }

  private async answerError(res: Response, doing: string): Promise<StageError> {
    return this.errorFrom(res.status, await res.text().catch(() => ''), doing);
  }

  private errorFrom(status: number, text: string, doing: string): StageError {
    let code = `HTTP ${status}`;
    let message = text.slice(0, 300);
    try {
      const body: unknown = JSON.parse(text);
      if (isRecord(body)) {
        if (typeof body.error_code === 'string' || typeof body.error_code === 'number') code = String(body.error_code);
        if (typeof body.message === 'string') message = body.message;
      }
    } catch {
      // not JSON: the text is the message
    }
    const s = this.settings;
    const check =
      status === 401 || (status === 403 && s.auth === 'bearer' && /token/i.test(message))
        ? s.auth === 'basic'
          ? `the credentials in ${s.usernameEnv} / ${s.passwordEnv} (model.mlflow.auth: basic)`
          : s.auth === 'bearer'
            ? `the token in ${s.tokenEnv} (model.mlflow.auth: bearer)`
            : s.auth === 'azure'
              ? 'the Azure login of this run (it needs a role on the workspace)'
              : 'model.mlflow.auth: the server asks for credentials (basic or bearer)'
        : status === 403
          ? 'the permissions of this identity on the registered model (MLflow: READ at least)'
          : status === 404
            ? 'model.name and the version, alias or stage the config selects'
            : undefined;
    return new StageError(doing, `the ${this.description} answered ${status} ${code}: ${message.split('\n')[0]}`, check);
  }

  private async authHeader(doing: string): Promise<Record<string, string>> {
    const s = this.settings;
    const need = (name: string): string => {
      const value = this.options.env(name);
      if (!value)
        throw new StageError(
          doing,
          `model.mlflow.auth is ${s.auth}, but ${name} is not set`,
          `set ${name} (a secret) in the step's environment`,
        );
      this.options.setSecret(value);
      return value;
    };
    switch (s.auth) {
      case 'none':
        return {};
      case 'basic':
        return { authorization: `Basic ${Buffer.from(`${need(s.usernameEnv)}:${need(s.passwordEnv)}`).toString('base64')}` };
      case 'bearer':
        return { authorization: `Bearer ${need(s.tokenEnv)}` };
      case 'azure': {
        if (!this.options.azureLogin) throw new StageError(doing, 'model.mlflow.auth is azure, but this run has no Azure login');
        const login = this.options.azureLogin();
        const token = await login.credential.getToken(AZUREML_MLFLOW_SCOPE).catch((err: unknown) => {
          throw new StageError(`${doing}: getting an Azure token`, `${login.source}: ${errorMessage(err).split('\n')[0]}`);
        });
        if (!token) throw new StageError(`${doing}: getting an Azure token`, `${login.source} returned no token`);
        this.options.setSecret(token.token);
        return { authorization: `Bearer ${token.token}` };
      }
    }
  }
}

/**
 * The https base of a tracking URI: as given, or, for Azure ML's `azureml://HOST/PATH`,
 * `https://HOST/PATH` (what the azureml-mlflow plugin does).
 */
export function trackingBaseUrl(trackingUri: string): string {
  const trimmed = trackingUri.trim().replace(/\/+$/, '');
  if (/^azureml:\/\//i.test(trimmed)) return `https://${trimmed.slice('azureml://'.length)}`;
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  throw new UsageError(`model.mlflow.trackingUri must be an http(s):// or azureml:// URI (got ${JSON.stringify(trackingUri)})`);
}

/** the path the artifact proxy serves for an artifact URI, or undefined when it is not proxied */
export function proxiedPath(uri: string): string | undefined {
  const m = /^mlflow-artifacts:(?:\/\/[^/]*)?\/(.+)$/.exec(uri);
  return m ? m[1].replace(/\/+$/, '') : undefined;
}

/** a string value of an MLflow search filter: MLflow has no escapes, so the quote must not occur in it */
function quoteFilterValue(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new UsageError(`model name ${JSON.stringify(value)} holds both quote characters, which an MLflow search filter cannot express`);
}

function tagsOf(v: MlflowModelVersion): Record<string, string> {
  return Object.fromEntries((v.tags ?? []).map((t) => [t.key, t.value]));
}

function toModelVersion(v: MlflowModelVersion): ModelVersion {
  const created = Number(v.creation_timestamp);
  return {
    name: v.name,
    version: String(v.version),
    tags: tagsOf(v),
    ...(v.description ? { description: v.description } : {}),
    registeredAt: Number.isFinite(created) && created > 0 ? new Date(created).toISOString() : '',
  };
}
