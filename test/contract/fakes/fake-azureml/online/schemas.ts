/**
 * JSON Schemas (draft-07, ajv 8) hand-written from Azure/azure-rest-api-specs
 * specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2024-10-01/mfe.json:
 *   EnvironmentVersion(Resource), InferenceContainerProperties, Route, BuildContext, IntellectualProperty,
 *   OnlineEndpoint, EndpointPropertiesBase, EndpointAuthKeys, OnlineEndpointTrackedResource,
 *   OnlineDeployment, EndpointDeploymentPropertiesBase, ManagedOnlineDeployment, OnlineDeploymentTrackedResource,
 *   ProbeSettings, OnlineRequestSettings, OnlineScaleSettings (DefaultScaleSettings / TargetUtilizationScaleSettings),
 *   CodeConfiguration, DataCollector, Collection, RequestLogging, DeploymentLogsRequest, RegenerateEndpointKeysRequest,
 * and common-types/resource-management/v3 TrackedResource, Sku, SkuTier, managedidentity.json ManagedServiceIdentity.
 * Composition (allOf) is flattened as in ../schemas.ts; `x-nullable` becomes a union with null; int32 becomes
 * an integer bounded to the int32 range; `format: duration` is an ISO 8601 duration (checked by ../schemas.ts).
 */

const nullableString = { type: ['string', 'null'] };
const stringMap = { type: ['object', 'null'], additionalProperties: { type: ['string', 'null'] } };
const int32 = { type: 'integer', minimum: -2147483648, maximum: 2147483647 };
const int32Map = { type: ['object', 'null'], additionalProperties: int32 };
const duration = { type: 'string', format: 'duration' };
const nullableDuration = { type: ['string', 'null'], format: 'duration' };
const createdByType = { type: 'string', enum: ['User', 'Application', 'ManagedIdentity', 'Key'] };
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
const proxyResourceProperties = {
  id: { type: 'string', readOnly: true },
  name: { type: 'string', readOnly: true },
  type: { type: 'string', readOnly: true },
  systemData: { ...systemData, readOnly: true },
};
/** common-types v3 TrackedResource: tags (map of string) and location (required) */
const trackedResourceProperties = {
  ...proxyResourceProperties,
  tags: { type: 'object', additionalProperties: { type: 'string' } },
  location: { type: 'string' },
};

/** mfe.json Route */
const route = {
  type: 'object',
  required: ['path', 'port'],
  properties: { path: { type: 'string', minLength: 1, pattern: '[a-zA-Z0-9_]' }, port: int32 },
  additionalProperties: false,
};

/** mfe.json EnvironmentVersion = AssetBase + own properties */
export const environmentVersionProperties = {
  type: 'object',
  properties: {
    description: nullableString,
    properties: stringMap,
    tags: stringMap,
    isAnonymous: { type: 'boolean' },
    isArchived: { type: 'boolean' },
    autoRebuild: { type: 'string', enum: ['Disabled', 'OnBaseImageUpdate'] },
    build: {
      type: 'object',
      required: ['contextUri'],
      properties: {
        contextUri: { type: 'string', minLength: 1, pattern: '[a-zA-Z0-9_]' },
        dockerfilePath: { type: 'string' },
      },
      additionalProperties: false,
    },
    condaFile: { type: 'string' },
    environmentType: { type: 'string', enum: ['Curated', 'UserCreated'], readOnly: true },
    image: { type: 'string' },
    inferenceConfig: {
      type: 'object',
      properties: { livenessRoute: route, readinessRoute: route, scoringRoute: route },
      additionalProperties: false,
    },
    intellectualProperty: {
      type: 'object',
      required: ['publisher'],
      properties: {
        protectionLevel: { type: 'string', enum: ['All', 'None'] },
        publisher: { type: 'string', minLength: 1, pattern: '[a-zA-Z0-9_]' },
      },
      additionalProperties: false,
    },
    osType: { type: 'string', enum: ['Linux', 'Windows'] },
    provisioningState: { type: 'string', readOnly: true },
    stage: nullableString,
  },
  additionalProperties: false,
};

export const environmentVersionResource = {
  type: 'object',
  required: ['properties'],
  properties: { ...proxyResourceProperties, properties: environmentVersionProperties },
  additionalProperties: false,
};

/** common-types v3 managedidentity.json ManagedServiceIdentity */
const managedServiceIdentity = {
  type: 'object',
  required: ['type'],
  properties: {
    principalId: { type: 'string', format: 'uuid', readOnly: true },
    tenantId: { type: 'string', format: 'uuid', readOnly: true },
    type: { type: 'string', enum: ['None', 'SystemAssigned', 'UserAssigned', 'SystemAssigned,UserAssigned'] },
    userAssignedIdentities: {
      type: ['object', 'null'],
      additionalProperties: {
        type: ['object', 'null'],
        properties: {
          principalId: { type: 'string', format: 'uuid', readOnly: true },
          clientId: { type: 'string', format: 'uuid', readOnly: true },
        },
        additionalProperties: false,
      },
    },
  },
};

/** common-types v3 Sku */
const sku = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string' },
    tier: { type: 'string', enum: ['Free', 'Basic', 'Standard', 'Premium'] },
    size: { type: 'string' },
    family: { type: 'string' },
    capacity: int32,
  },
};

/** mfe.json OnlineEndpoint = EndpointPropertiesBase + own properties */
export const onlineEndpointProperties = {
  type: 'object',
  required: ['authMode'],
  properties: {
    authMode: { type: 'string', enum: ['AMLToken', 'Key', 'AADToken'] },
    description: nullableString,
    keys: {
      type: ['object', 'null'],
      properties: { primaryKey: nullableString, secondaryKey: nullableString },
      additionalProperties: false,
    },
    properties: stringMap,
    scoringUri: { ...nullableString, readOnly: true },
    swaggerUri: { ...nullableString, readOnly: true },
    compute: nullableString,
    mirrorTraffic: int32Map,
    provisioningState: { type: 'string', readOnly: true },
    publicNetworkAccess: { type: 'string', enum: ['Enabled', 'Disabled'] },
    traffic: int32Map,
  },
  additionalProperties: false,
};

export const onlineEndpointTrackedResource = {
  type: 'object',
  required: ['location', 'properties'],
  properties: {
    ...trackedResourceProperties,
    identity: managedServiceIdentity,
    kind: { type: 'string' },
    properties: onlineEndpointProperties,
    sku,
  },
  additionalProperties: false,
};

/** mfe.json ProbeSettings */
const probeSettings = {
  type: ['object', 'null'],
  properties: {
    failureThreshold: int32,
    initialDelay: nullableDuration,
    period: duration,
    successThreshold: int32,
    timeout: duration,
  },
  additionalProperties: false,
};

/** mfe.json OnlineScaleSettings, discriminated by scaleType */
const scaleSettings = {
  oneOf: [
    { type: 'null' },
    { type: 'object', required: ['scaleType'], properties: { scaleType: { const: 'Default' } }, additionalProperties: false },
    {
      type: 'object',
      required: ['scaleType'],
      properties: {
        scaleType: { const: 'TargetUtilization' },
        maxInstances: int32,
        minInstances: int32,
        pollingInterval: duration,
        targetUtilizationPercentage: int32,
      },
      additionalProperties: false,
    },
  ],
};

/** mfe.json DataCollector */
const dataCollector = {
  type: ['object', 'null'],
  required: ['collections'],
  properties: {
    collections: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          clientId: nullableString,
          dataCollectionMode: { type: 'string', enum: ['Enabled', 'Disabled'] },
          dataId: nullableString,
          samplingRate: { type: 'number' },
        },
        additionalProperties: false,
      },
    },
    requestLogging: {
      type: 'object',
      properties: { captureHeaders: { type: ['array', 'null'], items: { type: 'string' } } },
      additionalProperties: false,
    },
    rollingRate: { type: 'string', enum: ['Year', 'Month', 'Day', 'Hour', 'Minute'] },
  },
  additionalProperties: false,
};

/** mfe.json ManagedOnlineDeployment = OnlineDeployment + EndpointDeploymentPropertiesBase (Managed only) */
export const managedOnlineDeploymentProperties = {
  type: 'object',
  required: ['endpointComputeType'],
  properties: {
    codeConfiguration: {
      type: ['object', 'null'],
      required: ['scoringScript'],
      properties: { codeId: nullableString, scoringScript: { type: 'string', minLength: 1, pattern: '[a-zA-Z0-9_]' } },
      additionalProperties: false,
    },
    description: nullableString,
    environmentId: nullableString,
    environmentVariables: stringMap,
    properties: stringMap,
    appInsightsEnabled: { type: 'boolean' },
    dataCollector,
    egressPublicNetworkAccess: { type: 'string', enum: ['Enabled', 'Disabled'] },
    // the EndpointComputeType enum also has Kubernetes and AzureMLCompute: the fake models Managed only (checked by the server)
    endpointComputeType: { type: 'string', enum: ['Managed', 'Kubernetes', 'AzureMLCompute'] },
    instanceType: nullableString,
    livenessProbe: probeSettings,
    model: nullableString,
    modelMountPath: nullableString,
    provisioningState: { type: 'string', readOnly: true },
    readinessProbe: probeSettings,
    startupProbe: probeSettings,
    requestSettings: {
      type: ['object', 'null'],
      properties: { maxConcurrentRequestsPerInstance: int32, maxQueueWait: duration, requestTimeout: duration },
      additionalProperties: false,
    },
    scaleSettings,
    // KubernetesOnlineDeployment only; rejected for Managed by the server
    containerResourceRequirements: { type: ['object', 'null'] },
  },
  additionalProperties: false,
};

export const onlineDeploymentTrackedResource = {
  type: 'object',
  required: ['location', 'properties'],
  properties: {
    ...trackedResourceProperties,
    identity: managedServiceIdentity,
    kind: { type: 'string' },
    properties: managedOnlineDeploymentProperties,
    sku,
  },
  additionalProperties: false,
};

/** mfe.json DeploymentLogsRequest */
export const deploymentLogsRequest = {
  type: 'object',
  properties: {
    containerType: { type: 'string', enum: ['StorageInitializer', 'InferenceServer', 'ModelDataCollector'] },
    tail: { type: ['integer', 'null'], minimum: -2147483648, maximum: 2147483647 },
  },
  additionalProperties: false,
};

/** mfe.json RegenerateEndpointKeysRequest */
export const regenerateEndpointKeysRequest = {
  type: 'object',
  required: ['keyType'],
  properties: { keyType: { type: 'string', enum: ['Primary', 'Secondary'] }, keyValue: nullableString },
  additionalProperties: false,
};

const paginated = (items: object) => ({
  type: 'object',
  properties: { nextLink: { type: 'string' }, value: { type: 'array', items } },
  additionalProperties: false,
});

export const ONLINE_SCHEMAS = {
  EnvironmentVersionResource: environmentVersionResource,
  OnlineEndpointTrackedResource: onlineEndpointTrackedResource,
  OnlineDeploymentTrackedResource: onlineDeploymentTrackedResource,
  DeploymentLogsRequest: deploymentLogsRequest,
  RegenerateEndpointKeysRequest: regenerateEndpointKeysRequest,
  OnlineEndpointTrackedResourceArmPaginatedResult: paginated(onlineEndpointTrackedResource),
  OnlineDeploymentTrackedResourceArmPaginatedResult: paginated(onlineDeploymentTrackedResource),
} as const;
