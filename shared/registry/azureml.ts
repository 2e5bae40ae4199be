import type { TokenCredential } from '@azure/core-auth';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArmClient, ArmRequestError } from '../azure/arm-client';
import { BlobAuth, BlobContainerRef, containerClient, downloadTree, uploadTree } from '../azure/blob-store';
import { StageError, UsageError, errorMessage } from '../errors';
import { RetryError, withRetry } from '../retry';
import { isRecord, isStringRecord } from '../json';
import { AzureMlRegistryConfig } from '../config/types';
import { ModelRegistry, ModelSelector, ModelVersion, RegisterRequest } from './registry';
import { LATEST, compareVersions } from './version';
import { VersionCache, formatBytes } from './version-cache';

/**
 * Azure Machine Learning as the model registry: the model versions of a workspace (or of
 * an Azure ML registry shared by several workspaces), through the Azure Resource Manager
 * REST API of Microsoft.MachineLearningServices (api-version 2024-10-01), and their files
 * through the workspace's datastores in Azure Blob Storage.
 *
 * - `latest` is the most recently created active version that carries every configured
 *   tag (and the configured stage), as Azure ML's own `@latest` is the newest by creation
 *   time, not the highest version string. Archived versions are never selected.
 * - `materialize` downloads a version's files once into the cache folder (a temporary
 *   folder renamed into place, so a partial download never counts as done).
 * - `register` uploads the files to the workspace's default datastore under
 *   `LocalUpload/<content hash>/` (where the Azure ML SDK puts them) and creates the
 *   version the model's `nextVersion` names.
 */
export const AZUREML_API_VERSION = '2024-10-01';

/** model.azureml of the config */
export type AzureMlRegistrySettings = AzureMlRegistryConfig;

export interface AzureMlRegistryOptions {
  settings: AzureMlRegistrySettings;
  credential: TokenCredential;
  /** for messages: where the credential comes from */
  credentialSource: string;
  log: (line: string) => void;
  /** tests: a shorter backoff */
  firstRetryDelayMs?: number;
}

/** the ARM resource of a model version (the fields this adapter reads) */
interface ArmModelVersion {
  name: string;
  systemData?: { createdAt?: string };
  properties?: {
    modelUri?: string;
    tags?: Record<string, unknown>;
    description?: string | null;
    isArchived?: boolean;
    stage?: string | null;
  };
}

interface ArmDatastore {
  name: string;
  properties?: {
    datastoreType?: string;
    accountName?: string;
    containerName?: string;
    endpoint?: string;
    protocol?: string;
    isDefault?: boolean;
    credentials?: { credentialsType?: string };
  };
}

/** where a model version's files are: a datastore of a workspace and a path in it */
interface DatastorePath {
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
  datastore: string;
  path: string;
}

export class AzureMlModelRegistry implements ModelRegistry {
  readonly description: string;
  readonly eventOrigin: string;
  private readonly arm: ArmClient;
  private readonly cache: VersionCache;
  private readonly scopePath: string;
  private readonly settings: AzureMlRegistrySettings;

  constructor(private readonly options: AzureMlRegistryOptions) {
    this.settings = options.settings;
    const providers = `/subscriptions/${seg(this.settings.subscriptionId)}/resourceGroups/${seg(this.settings.resourceGroup)}/providers/Microsoft.MachineLearningServices`;
    this.scopePath = this.settings.workspace
      ? `${providers}/workspaces/${seg(this.settings.workspace)}`
      : `${providers}/registries/${seg(this.settings.registryName ?? '')}`;
    this.eventOrigin = decodeURIComponent(this.scopePath);
    this.description = this.settings.workspace
      ? `Azure ML workspace '${this.settings.workspace}' (resource group ${this.settings.resourceGroup}, subscription ${this.settings.subscriptionId})`
      : `Azure ML registry '${this.settings.registryName ?? ''}' (resource group ${this.settings.resourceGroup}, subscription ${this.settings.subscriptionId})`;
    this.cache = new VersionCache(this.settings.cacheDir, this.eventOrigin, options.log);
    this.arm = new ArmClient({
      resourceManagerUrl: this.settings.resourceManagerUrl,
      credential: options.credential,
      credentialSource: options.credentialSource,
      apiVersion: AZUREML_API_VERSION,
      log: options.log,
      firstDelayMs: options.firstRetryDelayMs,
    });
  }

  async list(name: string): Promise<ModelVersion[]> {
    const raw = await this.listRaw(name);
    return raw.map((v) => toModelVersion(name, v));
  }

  async resolve(selector: ModelSelector): Promise<ModelVersion | undefined> {
    if (selector.version === LATEST) {
      const wanted = Object.entries(selector.tags);
      const stage = this.settings.stage;
      const matching = (await this.listRaw(selector.name)).filter(
        (v) => wanted.every(([k, val]) => v.properties?.tags?.[k] === val) && (stage === undefined || v.properties?.stage === stage),
      );
      const newest = matching[matching.length - 1];
      return newest ? toModelVersion(selector.name, newest) : undefined;
    }
    const found = await this.getVersion(selector.name, selector.version);
    if (!found) return undefined;
    if (found.properties?.isArchived) {
      throw new StageError(
        `selecting ${selector.name} v${selector.version} in the ${this.description}`,
        'that version is archived, and archived versions are never shipped',
        `restore it in the workspace (az ml model restore --name ${selector.name} --version ${selector.version}) or select another version`,
      );
    }
    return toModelVersion(selector.name, found);
  }

  async register(request: RegisterRequest): Promise<ModelVersion> {
    const doing = `registering model '${request.name}' in the ${this.description}`;
    if (!this.settings.workspace) {
      throw new UsageError(
        `${doing}: modelship registers models in a workspace; register in a workspace and share the version to the registry (az ml model share)`,
      );
    }
    const source = path.resolve(request.source);
    const stat = await fs.promises.stat(source).catch(() => undefined);
    if (!stat || (!stat.isFile() && !stat.isDirectory()))
      throw new UsageError(`${doing}: the source ${source} is neither a file nor a folder`);

    const datastore = await this.defaultDatastore(doing);
    const hash = await contentHash(source);
    const container = containerClient(blobRef(datastore, doing), await this.blobAuth(datastore, doing));
    const prefix = `LocalUpload/${hash.slice(0, 32)}`;
    this.options.log(`uploading ${source} to datastore '${datastore.name}' (${prefix}/)`);
    const uploaded = await uploadTree(container, source, prefix).catch((err: unknown) => {
      throw new StageError(`${doing}: uploading the files to datastore '${datastore.name}'`, errorMessage(err), storageCheck(datastore));
    });
    if (uploaded.files === 0) throw new UsageError(`${doing}: the source folder ${source} holds no files`);
    const modelUri = `azureml://subscriptions/${this.settings.subscriptionId}/resourcegroups/${this.settings.resourceGroup}/workspaces/${this.settings.workspace}/datastores/${datastore.name}/paths/${uploaded.blobPath}`;

    // the model's nextVersion is the service's counter; a version taken meanwhile by another
    // writer answers 409 (a version's files are immutable), and the next number is tried at once
    try {
      return await withRetry(
        `${doing} as the next version`,
        async () => {
          const modelContainer = await this.arm.find<{ properties?: { nextVersion?: string | null } }>(
            `${this.scopePath}/models/${seg(request.name)}`,
            `${doing}: reading the model`,
          );
          const version = modelContainer?.properties?.nextVersion ?? '1';
          const body = {
            properties: {
              modelUri,
              modelType: 'custom_model',
              tags: { ...request.tags },
              ...(request.description !== undefined ? { description: request.description } : {}),
            },
          };
          const created = await this.arm.put<ArmModelVersion>(
            `${this.versionPath(request.name, version)}`,
            body,
            `${doing} as version ${version}`,
          );
          this.options.log(`registered ${request.name} v${created.name} (${uploaded.files} files, ${formatBytes(uploaded.bytes)})`);
          return toModelVersion(request.name, created);
        },
        {
          attempts: 5,
          firstDelayMs: 0,
          maxDelayMs: 0,
          log: this.options.log,
          retriable: (outcome) => !outcome.ok && outcome.error instanceof ArmRequestError && outcome.error.info.status === 409,
          describe: (outcome) =>
            !outcome.ok && outcome.error instanceof ArmRequestError
              ? `the version was taken meanwhile (${outcome.error.info.status} ${outcome.error.info.code})`
              : 'an answer',
        },
      );
    } catch (err: unknown) {
      if (!(err instanceof RetryError)) throw err;
      throw new StageError(
        doing,
        `${err.attempts} version numbers in a row were taken by other writers meanwhile (last: ${errorMessage(err.lastError)})`,
        'whether other jobs register versions of this model at the same time; run the command again',
      );
    }
  }

  async materialize(name: string, version: string): Promise<string> {
    const doing = `downloading ${name} v${version} from the ${this.description}`;
    return this.cache.files(name, version, async (filesDir) => {
      const found = await this.getVersion(name, version);
      if (!found) throw new StageError(doing, `${name} v${version} is not in the ${this.description}`);
      const uri = found.properties?.modelUri ?? '';
      const location = this.datastorePath(uri, doing);
      const datastore = await this.arm.get<ArmDatastore>(
        `/subscriptions/${seg(location.subscriptionId)}/resourceGroups/${seg(location.resourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/${seg(location.workspace)}/datastores/${seg(location.datastore)}`,
        `${doing}: reading datastore '${location.datastore}'`,
      );
      const container = containerClient(blobRef(datastore, doing), await this.blobAuth(datastore, doing, location));
      this.options.log(`downloading ${name} v${version} from datastore '${datastore.name}' path ${location.path}`);
      const summary = await downloadTree(container, location.path, filesDir).catch((err: unknown) => {
        throw new StageError(
          doing,
          `reading ${location.path} in datastore '${datastore.name}': ${errorMessage(err)}`,
          storageCheck(datastore),
        );
      });
      if (summary.files === 0) {
        throw new StageError(doing, `datastore '${datastore.name}' holds no files at ${location.path} (the version's modelUri is ${uri})`);
      }
      return summary;
    });
  }

  private versionPath(name: string, version: string): string {
    return `${this.scopePath}/models/${seg(name)}/versions/${seg(version)}`;
  }

  private async listRaw(name: string): Promise<ArmModelVersion[]> {
    const items = await this.arm.list<ArmModelVersion>(
      `${this.scopePath}/models/${seg(name)}/versions`,
      `listing the versions of model '${name}' in the ${this.description}`,
      {
        listViewType: 'ActiveOnly',
      },
    );
    // oldest first: by creation time, then by version for versions created in the same instant
    return items
      .filter((v) => !v.properties?.isArchived)
      .sort((a, b) => (a.systemData?.createdAt ?? '').localeCompare(b.systemData?.createdAt ?? '') || compareVersions(a.name, b.name));
  }

  private getVersion(name: string, version: string): Promise<ArmModelVersion | undefined> {
    return this.arm.find<ArmModelVersion>(this.versionPath(name, version), `reading ${name} v${version} in the ${this.description}`);
  }

  private async defaultDatastore(doing: string): Promise<ArmDatastore> {
    const list = await this.arm.list<ArmDatastore>(`${this.scopePath}/datastores`, `${doing}: finding the default datastore`, {
      isDefault: 'true',
    });
    const found = list.find((d) => d.properties?.isDefault) ?? list[0];
    if (!found)
      throw new StageError(
        doing,
        'the workspace has no default datastore',
        'the workspace: every workspace has workspaceblobstore unless it was removed',
      );
    return found;
  }

  /** how to reach the datastore's container: the run's token, or the secret the workspace keeps for it */
  private async blobAuth(datastore: ArmDatastore, doing: string, at?: DatastorePath): Promise<BlobAuth> {
    const kind = datastore.properties?.credentials?.credentialsType ?? 'None';
    if (kind === 'None') return { kind: 'token', credential: this.options.credential };
    if (kind !== 'AccountKey' && kind !== 'Sas') {
      throw new StageError(
        doing,
        `datastore '${datastore.name}' uses ${kind} credentials, which modelship does not read`,
        'use an identity-based datastore (no credentials: the run identity needs Storage Blob Data Reader) or one with an account key or SAS token',
      );
    }
    const workspacePath = at
      ? `/subscriptions/${seg(at.subscriptionId)}/resourceGroups/${seg(at.resourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/${seg(at.workspace)}`
      : this.scopePath;
    const secrets = await this.arm.post<Record<string, unknown>>(
      `${workspacePath}/datastores/${seg(datastore.name)}/listSecrets`,
      {},
      `${doing}: reading the ${kind} secret of datastore '${datastore.name}'`,
    );
    if (kind === 'AccountKey' && typeof secrets.key === 'string') return { kind: 'accountKey', key: secrets.key };
    if (kind === 'Sas' && typeof secrets.sasToken === 'string') return { kind: 'sas', sasToken: secrets.sasToken };
    throw new StageError(doing, `datastore '${datastore.name}' returned no ${kind} secret`);
  }

  /** the datastore and path a modelUri names; models of a registry and job outputs are not read here */
  private datastorePath(uri: string, doing: string): DatastorePath {
    const long =
      /^azureml:\/\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/workspaces\/([^/]+)\/datastores\/([^/]+)\/paths\/(.+)$/i.exec(uri);
    if (long)
      return { subscriptionId: long[1], resourceGroup: long[2], workspace: long[3], datastore: long[4], path: decodeURIComponent(long[5]) };
    const short = /^azureml:\/\/datastores\/([^/]+)\/paths\/(.+)$/i.exec(uri);
    if (short && this.settings.workspace) {
      return {
        subscriptionId: this.settings.subscriptionId,
        resourceGroup: this.settings.resourceGroup,
        workspace: this.settings.workspace,
        datastore: short[1],
        path: decodeURIComponent(short[2]),
      };
    }
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1] ?? '(none)';
    throw new StageError(
      doing,
      `the version's files are at ${JSON.stringify(uri)}, which is not a datastore path (scheme ${scheme}); modelship downloads azureml://.../datastores/NAME/paths/PATH`,
      this.settings.registryName
        ? 'models of an Azure ML registry are referenced by the azureml target without a download; for an image build, register the version in a workspace'
        : 'register the version from files (az ml model create --path) rather than from a job output or a registry',
    );
  }
}

function toModelVersion(name: string, armVersion: ArmModelVersion): ModelVersion {
  const tags = armVersion.properties?.tags;
  const description = armVersion.properties?.description;
  return {
    name,
    version: armVersion.name,
    tags: isStringRecord(tags) ? { ...tags } : stringTags(tags),
    ...(typeof description === 'string' ? { description } : {}),
    registeredAt: armVersion.systemData?.createdAt ?? '',
  };
}

function stringTags(tags: unknown): Record<string, string> {
  if (!isRecord(tags)) return {};
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

function blobRef(datastore: ArmDatastore, doing: string): BlobContainerRef {
  const properties = datastore.properties ?? {};
  if (properties.datastoreType !== undefined && properties.datastoreType !== 'AzureBlob') {
    throw new StageError(
      doing,
      `datastore '${datastore.name}' is of type ${properties.datastoreType}; modelship reads model files from AzureBlob datastores`,
    );
  }
  if (!properties.accountName || !properties.containerName)
    throw new StageError(doing, `datastore '${datastore.name}' names no storage account or container`);
  return {
    accountName: properties.accountName,
    containerName: properties.containerName,
    endpoint: properties.endpoint ?? 'core.windows.net',
    protocol: properties.protocol ?? 'https',
  };
}

function storageCheck(datastore: ArmDatastore): string {
  const properties = datastore.properties ?? {};
  const kind = properties.credentials?.credentialsType ?? 'None';
  return kind === 'None'
    ? `that the identity of this run has Storage Blob Data Reader (Contributor to register) on storage account ${properties.accountName ?? '?'}, container ${properties.containerName ?? '?'}`
    : `the ${kind} credential of datastore '${datastore.name}' (it may have been rotated: update the datastore) and network access to storage account ${properties.accountName ?? '?'}`;
}

/** a path segment of an ARM URL */
function seg(value: string): string {
  return encodeURIComponent(value);
}

/** a hash of the files' relative paths and contents: the same files upload to the same place */
async function contentHash(source: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  const walk = async (file: string, relative: string): Promise<void> => {
    const stat = await fs.promises.stat(file);
    if (stat.isDirectory()) {
      for (const name of (await fs.promises.readdir(file)).sort()) await walk(path.join(file, name), `${relative}/${name}`);
    } else if (stat.isFile()) {
      hash.update(`${relative}\0${stat.size}\0`);
      hash.update(await fs.promises.readFile(file));
    }
  };
  await walk(source, path.basename(source));
  return hash.digest('hex');
}
