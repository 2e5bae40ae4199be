import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { SchemaViolation } from './errors';
import { ONLINE_SCHEMAS } from './online/schemas';

/**
 * JSON Schemas (draft-07, for ajv 8) written by hand from the published REST specification:
 *
 *   Azure/azure-rest-api-specs, specification/machinelearningservices/resource-manager/
 *   Microsoft.MachineLearningServices/stable/2024-10-01/
 *     mfe.json                    ModelContainer(Resource), ModelVersion(Resource), AssetBase,
 *                                 AssetContainer, ResourceBase, FlavorData, Datastore(Resource),
 *                                 AzureBlobDatastore, AzureDatastore, DatastoreCredentials and its
 *                                 five kinds, DatastoreSecrets and its four kinds, *ArmPaginatedResult
 *     machineLearningServices.json Workspace (only the parts the fake answers with)
 *   specification/common-types/resource-management/v3/types.json
 *                                 ProxyResource, Resource, SystemData, ErrorResponse, ErrorDetail
 *
 * Swagger composes with allOf and puts `additionalProperties: false` on every part; in JSON
 * Schema that would reject the properties of the other parts, so each composed definition is
 * flattened here (the union of its parts' properties, `additionalProperties: false` where the
 * spec says so). `x-nullable: true` becomes a union with "null". `readOnly` properties are
 * accepted in a request but never required (the server ignores them, as ARM services do).
 */

const nullableString = { type: ['string', 'null'] };
/** `type: object, additionalProperties: {type: string, x-nullable}, x-nullable` (tags, properties, flavor data) */
const stringMap = { type: ['object', 'null'], additionalProperties: { type: ['string', 'null'] } };

const assetProvisioningState = { type: 'string', enum: ['Succeeded', 'Failed', 'Canceled', 'Creating', 'Updating', 'Deleting'] };
const createdByType = { type: 'string', enum: ['User', 'Application', 'ManagedIdentity', 'Key'] };

/** common-types v3 SystemData (no additionalProperties in the spec: open) */
const systemData = {
  type: 'object',
  properties: {
    createdBy: { type: 'string' },
    createdByType,
    createdAt: { type: 'string', format: 'date-time' },
    lastModifiedBy: { type: 'string' },
    lastModifiedByType: createdByType,
    lastModifiedAt: { type: 'string', format: 'date-time' },
  },
};

/** common-types v3 Resource (via ProxyResource): all read-only */
const proxyResourceProperties = {
  id: { type: 'string', readOnly: true },
  name: { type: 'string', readOnly: true },
  type: { type: 'string', readOnly: true },
  systemData: { ...systemData, readOnly: true },
};

/** mfe.json ResourceBase */
const resourceBaseProperties = {
  description: nullableString,
  properties: stringMap,
  tags: stringMap,
};

/** mfe.json FlavorData */
const flavorData = {
  type: ['object', 'null'],
  properties: { data: stringMap },
  additionalProperties: false,
};

/** mfe.json ModelVersion = AssetBase (= ResourceBase + isAnonymous, isArchived) + own properties */
export const modelVersionProperties = {
  type: 'object',
  properties: {
    ...resourceBaseProperties,
    isAnonymous: { type: 'boolean', default: false },
    isArchived: { type: 'boolean', default: false },
    flavors: { type: ['object', 'null'], additionalProperties: flavorData },
    jobName: nullableString,
    modelType: nullableString,
    modelUri: nullableString,
    provisioningState: { ...assetProvisioningState, readOnly: true },
    stage: nullableString,
  },
  additionalProperties: false,
};

/** mfe.json ModelVersionResource */
export const modelVersionResource = {
  type: 'object',
  required: ['properties'],
  properties: { ...proxyResourceProperties, properties: modelVersionProperties },
  additionalProperties: false,
};

/** mfe.json ModelContainer = AssetContainer (= ResourceBase + isArchived, latestVersion, nextVersion) + provisioningState */
export const modelContainerProperties = {
  type: 'object',
  properties: {
    ...resourceBaseProperties,
    isArchived: { type: 'boolean', default: false },
    latestVersion: { ...nullableString, readOnly: true },
    nextVersion: { ...nullableString, readOnly: true },
    provisioningState: { ...assetProvisioningState, readOnly: true },
  },
  additionalProperties: false,
};

/** mfe.json ModelContainerResource */
export const modelContainerResource = {
  type: 'object',
  required: ['properties'],
  properties: { ...proxyResourceProperties, properties: modelContainerProperties },
  additionalProperties: false,
};

// ---- datastores ----

const secretsOf = (secretsType: string, valueProperty: string) => ({
  type: 'object',
  required: ['secretsType'],
  properties: { secretsType: { type: 'string', const: secretsType }, [valueProperty]: nullableString },
  additionalProperties: false,
});

/** mfe.json DatastoreSecrets, discriminated by secretsType (SecretsType enum) */
export const datastoreSecrets = {
  type: 'object',
  required: ['secretsType'],
  properties: { secretsType: { type: 'string', enum: ['AccountKey', 'Certificate', 'Sas', 'ServicePrincipal'] } },
  discriminator: { propertyName: 'secretsType' },
  oneOf: [
    secretsOf('AccountKey', 'key'),
    secretsOf('Certificate', 'certificate'),
    secretsOf('Sas', 'sasToken'),
    secretsOf('ServicePrincipal', 'clientSecret'),
  ],
};

const uuid = { type: 'string', format: 'uuid' };
const requiredText = { type: 'string', minLength: 1, pattern: '[a-zA-Z0-9_]' };

/** mfe.json DatastoreCredentials, discriminated by credentialsType (CredentialsType enum) */
export const datastoreCredentials = {
  type: 'object',
  required: ['credentialsType'],
  properties: { credentialsType: { type: 'string', enum: ['AccountKey', 'Certificate', 'None', 'Sas', 'ServicePrincipal'] } },
  discriminator: { propertyName: 'credentialsType' },
  oneOf: [
    {
      type: 'object',
      required: ['credentialsType', 'secrets'],
      properties: { credentialsType: { type: 'string', const: 'AccountKey' }, secrets: secretsOf('AccountKey', 'key') },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['credentialsType', 'clientId', 'secrets', 'tenantId', 'thumbprint'],
      properties: {
        credentialsType: { type: 'string', const: 'Certificate' },
        authorityUrl: nullableString,
        clientId: uuid,
        resourceUrl: nullableString,
        secrets: secretsOf('Certificate', 'certificate'),
        tenantId: uuid,
        thumbprint: requiredText,
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['credentialsType'],
      properties: { credentialsType: { type: 'string', const: 'None' } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['credentialsType', 'secrets'],
      properties: { credentialsType: { type: 'string', const: 'Sas' }, secrets: secretsOf('Sas', 'sasToken') },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['credentialsType', 'clientId', 'secrets', 'tenantId'],
      properties: {
        credentialsType: { type: 'string', const: 'ServicePrincipal' },
        authorityUrl: nullableString,
        clientId: uuid,
        resourceUrl: nullableString,
        secrets: secretsOf('ServicePrincipal', 'clientSecret'),
        tenantId: uuid,
      },
      additionalProperties: false,
    },
  ],
};

/**
 * mfe.json AzureBlobDatastore = AzureDatastore + Datastore (= ResourceBase + credentials,
 * datastoreType, isDefault) + own properties. The fake models only datastoreType AzureBlob of
 * the DatastoreType enum (AzureBlob, AzureDataLakeGen1, AzureDataLakeGen2, AzureFile, OneLake).
 */
export const azureBlobDatastoreProperties = {
  type: 'object',
  required: ['credentials', 'datastoreType'],
  properties: {
    ...resourceBaseProperties,
    credentials: datastoreCredentials,
    datastoreType: { type: 'string', const: 'AzureBlob' },
    isDefault: { type: 'boolean', readOnly: true },
    resourceGroup: nullableString,
    subscriptionId: nullableString,
    accountName: nullableString,
    containerName: nullableString,
    endpoint: nullableString,
    protocol: nullableString,
    serviceDataAccessAuthIdentity: { type: 'string', enum: ['None', 'WorkspaceSystemAssignedIdentity', 'WorkspaceUserAssignedIdentity'] },
  },
  additionalProperties: false,
};

/** mfe.json DatastoreResource (AzureBlob only) */
export const datastoreResource = {
  type: 'object',
  required: ['properties'],
  properties: { ...proxyResourceProperties, properties: azureBlobDatastoreProperties },
  additionalProperties: false,
};

const paginated = (items: object) => ({
  type: 'object',
  properties: { nextLink: { type: 'string' }, value: { type: 'array', items } },
  additionalProperties: false,
});

export const modelVersionPage = paginated(modelVersionResource);
export const datastorePage = paginated(datastoreResource);

/** machineLearningServices.json Workspace: only what the fake answers with is checked (the spec's object is open) */
export const workspaceResource = {
  type: 'object',
  required: ['id', 'name', 'type', 'location', 'properties'],
  properties: {
    ...proxyResourceProperties,
    location: { type: 'string' },
    tags: { type: 'object', additionalProperties: { type: 'string' } },
    kind: { type: 'string' },
    properties: {
      type: 'object',
      properties: {
        workspaceId: { type: 'string', readOnly: true },
        provisioningState: { type: 'string', readOnly: true },
        friendlyName: { type: 'string' },
        description: { type: 'string' },
        storageAccount: { type: 'string' },
        keyVault: { type: 'string' },
        applicationInsights: { type: 'string' },
        containerRegistry: { type: 'string' },
        discoveryUrl: { type: 'string' },
        mlFlowTrackingUri: { type: 'string', readOnly: true },
      },
    },
  },
};

/** common-types v3 ErrorResponse */
export const errorResponse = {
  type: 'object',
  required: ['error'],
  properties: { error: { $ref: '#/definitions/ErrorDetail' } },
  definitions: {
    ErrorDetail: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        target: { type: 'string' },
        details: { type: 'array', items: { $ref: '#/definitions/ErrorDetail' } },
        additionalInfo: {
          type: 'array',
          items: { type: 'object', properties: { type: { type: 'string' }, info: { type: 'object' } } },
        },
      },
    },
  },
};

// ---- compiled validators ----

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, discriminator: true });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('date-time', {
  type: 'string',
  validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)),
});

/** ISO 8601 duration as .NET's XmlConvert.ToTimeSpan reads it (PnDTnHnMn.nS, PnW) */
export const ISO_DURATION =
  /^-?P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
ajv.addFormat('duration', { type: 'string', validate: (s: string) => ISO_DURATION.test(s) });

const SCHEMAS = {
  ModelVersionResource: modelVersionResource,
  ModelContainerResource: modelContainerResource,
  DatastoreResource: datastoreResource,
  DatastoreSecrets: datastoreSecrets,
  ModelVersionResourceArmPaginatedResult: modelVersionPage,
  DatastoreResourceArmPaginatedResult: datastorePage,
  Workspace: workspaceResource,
  ErrorResponse: errorResponse,
  ...ONLINE_SCHEMAS,
} as const;

export type SchemaName = keyof typeof SCHEMAS;

const compiled = new Map<SchemaName, ValidateFunction>();

function validatorFor(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = ajv.compile(SCHEMAS[name]);
    compiled.set(name, v);
  }
  return v;
}

function dotted(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function violationOf(schemaName: string, e: ErrorObject): SchemaViolation {
  const at = dotted(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path: join(at, String(params.missingProperty)), message: `is required by ${schemaName} and missing` };
    case 'additionalProperties':
      return {
        path: join(at, String(params.additionalProperty)),
        message: `is not a property of ${schemaName} at '${at || '(body)'}' in the published schema (additionalProperties: false)`,
      };
    case 'type':
      return {
        path: at || '(body)',
        message: `must be of type ${Array.isArray(params.type) ? params.type.join(' or ') : String(params.type)}`,
      };
    case 'enum':
      return { path: at || '(body)', message: `must be one of ${JSON.stringify(params.allowedValues)}` };
    case 'const':
      return { path: at || '(body)', message: `must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { path: at || '(body)', message: e.message ?? `fails ${e.keyword}` };
  }
}

/** the schema violations of `value` against the named definition, each naming the property path */
export function validateAgainst(name: SchemaName, value: unknown): SchemaViolation[] {
  const validate = validatorFor(name);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: SchemaViolation[] = [];
  for (const e of validate.errors ?? []) {
    // oneOf/discriminator summaries repeat what the branch errors already say
    if (e.keyword === 'oneOf' && (validate.errors ?? []).length > 1) continue;
    const v = violationOf(name, e);
    const key = `${v.path}\u0000${v.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
