import { randomUUID } from 'node:crypto';

/**
 * The in-memory state of the FAKE Azure Resource Manager: subscriptions > resource groups >
 * workspaces (models, versions, datastores) and registries (models, versions), plus how each
 * record is rendered as the ARM JSON the real service answers with (mfe.json 2024-10-01).
 */

export const PROVIDER = 'Microsoft.MachineLearningServices';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** machineLearningServices.json WorkspaceNameParameter */
export const WORKSPACE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;
/** registries.json RegistryNameParameter */
export const REGISTRY_NAME = /^[a-zA-Z0-9][a-zA-Z0-9\-_]{2,32}$/;
/** mfe.json: the `name` path parameter of PUT models/{name}, models/{name}/versions/{version}, datastores/{name} */
export const ASSET_NAME = /^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$/;

export type CreatedByType = 'User' | 'Application' | 'ManagedIdentity' | 'Key';

export interface Audit {
  createdAt: Date;
  createdBy: string;
  createdByType: CreatedByType;
  lastModifiedAt: Date;
  lastModifiedBy: string;
  lastModifiedByType: CreatedByType;
}

export interface SystemDataJson {
  createdAt: string;
  createdBy: string;
  createdByType: CreatedByType;
  lastModifiedAt: string;
  lastModifiedBy: string;
  lastModifiedByType: CreatedByType;
}

export function systemDataOf(a: Audit): SystemDataJson {
  return {
    createdAt: a.createdAt.toISOString(),
    createdBy: a.createdBy,
    createdByType: a.createdByType,
    lastModifiedAt: a.lastModifiedAt.toISOString(),
    lastModifiedBy: a.lastModifiedBy,
    lastModifiedByType: a.lastModifiedByType,
  };
}

// ---- references and seeds (the control API) ----

export interface WorkspaceRef {
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
}

export interface RegistryRef {
  subscriptionId: string;
  resourceGroup: string;
  registry: string;
}

export type AssetScopeRef = WorkspaceRef | RegistryRef;

export const isRegistryRef = (r: AssetScopeRef): r is RegistryRef => 'registry' in r;

export interface AuditSeed {
  /** ISO time or Date; default: the fake's clock, one millisecond after the previous seed */
  createdAt?: string | Date;
  lastModifiedAt?: string | Date;
  createdBy?: string;
  createdByType?: CreatedByType;
}

export interface WorkspaceSeed extends WorkspaceRef {
  location: string;
  tags?: Record<string, string>;
  friendlyName?: string;
  description?: string;
  /** the storage account ARM id; default one in the same resource group */
  storageAccount?: string;
}

export interface RegistrySeed extends RegistryRef {
  location: string;
  tags?: Record<string, string>;
}

export type DatastoreCredentialsSeed =
  | { credentialsType: 'AccountKey'; key: string }
  | { credentialsType: 'Sas'; sasToken: string }
  | { credentialsType: 'None' }
  | {
      credentialsType: 'ServicePrincipal';
      clientId: string;
      tenantId: string;
      clientSecret: string;
      authorityUrl?: string;
      resourceUrl?: string;
    }
  | {
      credentialsType: 'Certificate';
      clientId: string;
      tenantId: string;
      thumbprint: string;
      certificate: string;
      authorityUrl?: string;
      resourceUrl?: string;
    };

export interface DatastoreSeed extends AuditSeed {
  name: string;
  /** AzureBlob only (the fake models no other DatastoreType) */
  datastoreType?: 'AzureBlob';
  accountName: string;
  containerName: string;
  /** e.g. `core.windows.net`, or `127.0.0.1:10000` for an Azurite emulator */
  endpoint?: string;
  /** `https` (default) or `http` */
  protocol?: string;
  credentials: DatastoreCredentialsSeed;
  isDefault?: boolean;
  description?: string | null;
  tags?: Record<string, string>;
  properties?: Record<string, string>;
  serviceDataAccessAuthIdentity?: 'None' | 'WorkspaceSystemAssignedIdentity' | 'WorkspaceUserAssignedIdentity';
}

export interface ModelSeed extends AuditSeed {
  name: string;
  description?: string | null;
  tags?: Record<string, string>;
  properties?: Record<string, string>;
  isArchived?: boolean;
}

export interface ModelVersionSeed extends AuditSeed {
  /** versions are strings: "3", "2024-05-01.1" (modelType defaults to custom_model for seeds) */
  version: string;
  modelUri?: string | null;
  modelType?: string | null;
  description?: string | null;
  tags?: Record<string, string>;
  properties?: Record<string, string>;
  isArchived?: boolean;
  isAnonymous?: boolean;
  flavors?: Record<string, { data?: Record<string, string> | null } | null> | null;
  jobName?: string | null;
  stage?: string | null;
}

// ---- records ----

export interface ModelVersionRecord {
  version: string;
  /** mfe.json ModelVersion properties, as stored (without provisioningState) */
  props: ModelVersionProps;
  audit: Audit;
  seq: number;
}

export interface ModelVersionProps {
  description: string | null;
  tags: Record<string, string | null>;
  properties: Record<string, string | null>;
  isArchived: boolean;
  isAnonymous: boolean;
  flavors: Record<string, { data?: Record<string, string | null> | null } | null> | null;
  jobName: string | null;
  modelType: string | null;
  modelUri: string | null;
  stage: string | null;
}

export interface ModelRecord {
  name: string;
  description: string | null;
  tags: Record<string, string | null>;
  properties: Record<string, string | null>;
  isArchived: boolean;
  audit: Audit;
  versions: Map<string, ModelVersionRecord>;
}

export interface DatastoreRecord {
  name: string;
  seed: DatastoreSeed;
  audit: Audit;
  seq: number;
}

export interface WorkspaceRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  friendlyName: string;
  description: string;
  storageAccount: string;
  workspaceId: string;
  audit: Audit;
  models: Map<string, ModelRecord>;
  datastores: Map<string, DatastoreRecord>;
}

export interface RegistryRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  audit: Audit;
  models: Map<string, ModelRecord>;
}

export interface ResourceGroupRecord {
  name: string;
  location: string;
  workspaces: Map<string, WorkspaceRecord>; // key: lower-case name
  registries: Map<string, RegistryRecord>; // key: lower-case name
}

export interface SubscriptionRecord {
  subscriptionId: string;
  tenantId?: string;
  resourceGroups: Map<string, ResourceGroupRecord>; // key: lower-case name
}

export class FakeArmStore {
  readonly subscriptions = new Map<string, SubscriptionRecord>(); // key: lower-case id
  private seq = 0;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  addSubscription(subscriptionId: string, tenantId?: string): SubscriptionRecord {
    if (!GUID.test(subscriptionId))
      throw new Error(`fake ARM seed: subscription id '${subscriptionId}' is not a GUID (ARM answers InvalidSubscriptionId)`);
    const key = subscriptionId.toLowerCase();
    let sub = this.subscriptions.get(key);
    if (!sub) {
      sub = { subscriptionId, tenantId, resourceGroups: new Map() };
      this.subscriptions.set(key, sub);
    } else if (tenantId !== undefined) {
      sub.tenantId = tenantId;
    }
    return sub;
  }

  addResourceGroup(subscriptionId: string, name: string, location: string): ResourceGroupRecord {
    if (!/^[-\w._()]{1,90}$/.test(name) || name.endsWith('.'))
      throw new Error(`fake ARM seed: '${name}' is not a valid resource group name`);
    const sub = this.subscriptions.get(subscriptionId.toLowerCase()) ?? this.addSubscription(subscriptionId);
    let rg = sub.resourceGroups.get(name.toLowerCase());
    if (!rg) {
      rg = { name, location, workspaces: new Map(), registries: new Map() };
      sub.resourceGroups.set(name.toLowerCase(), rg);
    }
    return rg;
  }

  subscription(id: string): SubscriptionRecord | undefined {
    return this.subscriptions.get(id.toLowerCase());
  }

  resourceGroup(sub: string, rg: string): ResourceGroupRecord | undefined {
    return this.subscription(sub)?.resourceGroups.get(rg.toLowerCase());
  }

  workspace(ref: WorkspaceRef): WorkspaceRecord | undefined {
    return this.resourceGroup(ref.subscriptionId, ref.resourceGroup)?.workspaces.get(ref.workspace.toLowerCase());
  }

  registry(ref: RegistryRef): RegistryRecord | undefined {
    return this.resourceGroup(ref.subscriptionId, ref.resourceGroup)?.registries.get(ref.registry.toLowerCase());
  }

  models(ref: AssetScopeRef): Map<string, ModelRecord> | undefined {
    return isRegistryRef(ref) ? this.registry(ref)?.models : this.workspace(ref)?.models;
  }
}

export function newWorkspaceId(): string {
  return randomUUID();
}

// ---- ARM ids and JSON renderings ----

export const workspaceId = (w: { subscriptionId: string; resourceGroup: string; name: string }) =>
  `/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/${PROVIDER}/workspaces/${w.name}`;

export const registryArmId = (r: { subscriptionId: string; resourceGroup: string; name: string }) =>
  `/subscriptions/${r.subscriptionId}/resourceGroups/${r.resourceGroup}/providers/${PROVIDER}/registries/${r.name}`;

export function latestVersionOf(m: ModelRecord): ModelVersionRecord | undefined {
  // Azure ML's "latest" is the most recently created version (azure-ai-ml asks for
  // `$orderBy=createdtime desc&$top=1`), not the highest version string; archived ones are skipped
  const all = [...m.versions.values()].sort((a, b) => b.audit.createdAt.getTime() - a.audit.createdAt.getTime() || b.seq - a.seq);
  return all.find((v) => !v.props.isArchived) ?? all[0];
}

export function nextVersionOf(m: ModelRecord): string {
  let max = 0;
  for (const v of m.versions.keys()) if (/^\d+$/.test(v)) max = Math.max(max, Number(v));
  return String(max + 1);
}

export function modelContainerJson(parentId: string, parentType: 'workspaces' | 'registries', m: ModelRecord) {
  return {
    id: `${parentId}/models/${m.name}`,
    name: m.name,
    type: `${PROVIDER}/${parentType}/models`,
    properties: {
      description: m.description,
      tags: m.tags,
      properties: m.properties,
      isArchived: m.isArchived,
      latestVersion: latestVersionOf(m)?.version ?? null,
      nextVersion: nextVersionOf(m),
      provisioningState: 'Succeeded',
    },
    systemData: systemDataOf(m.audit),
  };
}

export function modelVersionJson(id: string, parentType: 'workspaces' | 'registries', v: ModelVersionRecord) {
  return {
    id,
    name: v.version,
    type: `${PROVIDER}/${parentType}/models/versions`,
    properties: { ...v.props, provisioningState: 'Succeeded' },
    systemData: systemDataOf(v.audit),
  };
}

/** GET shape of a datastore: the secrets are never returned (only their secretsType, as the spec example shows) */
export function datastoreJson(ws: WorkspaceRecord, d: DatastoreRecord) {
  const s = d.seed;
  const c = s.credentials;
  let credentials: Record<string, unknown>;
  switch (c.credentialsType) {
    case 'AccountKey':
      credentials = { credentialsType: 'AccountKey', secrets: { secretsType: 'AccountKey' } };
      break;
    case 'Sas':
      credentials = { credentialsType: 'Sas', secrets: { secretsType: 'Sas' } };
      break;
    case 'None':
      credentials = { credentialsType: 'None' };
      break;
    case 'ServicePrincipal':
      credentials = {
        credentialsType: 'ServicePrincipal',
        authorityUrl: c.authorityUrl ?? 'https://login.microsoftonline.com',
        clientId: c.clientId,
        resourceUrl: c.resourceUrl ?? 'https://storage.azure.com/',
        tenantId: c.tenantId,
        secrets: { secretsType: 'ServicePrincipal' },
      };
      break;
    case 'Certificate':
      credentials = {
        credentialsType: 'Certificate',
        authorityUrl: c.authorityUrl ?? 'https://login.microsoftonline.com',
        clientId: c.clientId,
        resourceUrl: c.resourceUrl ?? 'https://storage.azure.com/',
        tenantId: c.tenantId,
        thumbprint: c.thumbprint,
        secrets: { secretsType: 'Certificate' },
      };
      break;
  }
  return {
    id: `${workspaceId(ws)}/datastores/${d.name}`,
    name: d.name,
    type: `${PROVIDER}/workspaces/datastores`,
    properties: {
      description: s.description ?? null,
      tags: s.tags ?? {},
      properties: s.properties ?? {},
      isDefault: s.isDefault ?? false,
      credentials,
      datastoreType: 'AzureBlob',
      subscriptionId: ws.subscriptionId,
      resourceGroup: ws.resourceGroup,
      accountName: s.accountName,
      containerName: s.containerName,
      endpoint: s.endpoint ?? 'core.windows.net',
      protocol: s.protocol ?? 'https',
      serviceDataAccessAuthIdentity: s.serviceDataAccessAuthIdentity ?? 'None',
    },
    systemData: systemDataOf(d.audit),
  };
}

/** the body of POST .../datastores/{name}/listSecrets, or undefined for an identity-based (None) datastore */
export function datastoreSecretsJson(d: DatastoreRecord): Record<string, string> | undefined {
  const c = d.seed.credentials;
  switch (c.credentialsType) {
    case 'AccountKey':
      return { secretsType: 'AccountKey', key: c.key };
    case 'Sas':
      return { secretsType: 'Sas', sasToken: c.sasToken };
    case 'ServicePrincipal':
      return { secretsType: 'ServicePrincipal', clientSecret: c.clientSecret };
    case 'Certificate':
      return { secretsType: 'Certificate', certificate: c.certificate };
    case 'None':
      return undefined;
  }
}

export function workspaceJson(w: WorkspaceRecord, origin: string) {
  const rgId = `/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}`;
  return {
    id: workspaceId(w),
    name: w.name,
    type: `${PROVIDER}/workspaces`,
    location: w.location,
    tags: w.tags,
    kind: 'Default',
    sku: { name: 'Basic', tier: 'Basic' },
    identity: {
      type: 'SystemAssigned',
      principalId: '00000000-0000-4000-8000-00000000f00d',
      tenantId: '00000000-0000-4000-8000-000000000000',
    },
    properties: {
      workspaceId: w.workspaceId,
      friendlyName: w.friendlyName,
      description: w.description,
      provisioningState: 'Succeeded',
      storageAccount: w.storageAccount,
      keyVault: `${rgId}/providers/Microsoft.KeyVault/vaults/kv${w.name.replace(/[^a-zA-Z0-9]/g, '').slice(0, 20)}`,
      applicationInsights: `${rgId}/providers/Microsoft.insights/components/ai${w.name}`,
      containerRegistry: `${rgId}/providers/Microsoft.ContainerRegistry/registries/cr${w.name.replace(/[^a-zA-Z0-9]/g, '')}`,
      // the real value is https://{location}.api.azureml.ms/discovery; the fake points at itself
      discoveryUrl: `${origin}/discovery`,
      mlFlowTrackingUri: `azureml://${w.location}.api.azureml.ms/mlflow/v1.0${workspaceId(w)}`,
      publicNetworkAccess: 'Enabled',
      v1LegacyMode: false,
    },
    systemData: systemDataOf(w.audit),
  };
}
