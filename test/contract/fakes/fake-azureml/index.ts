/**
 * A FAKE Azure Resource Manager (ARM) for Azure Machine Learning: the workspace model registry
 * (model containers and versions), workspace datastores, and read access to the models of an
 * Azure ML registry. It is not Azure: it is an HTTP(S) server on 127.0.0.1 written from the
 * public REST specification, strict enough that a request the real service would reject fails.
 *
 * Specification (api-version 2024-10-01, the only one accepted by default):
 *   Azure/azure-rest-api-specs specification/machinelearningservices/resource-manager/
 *   Microsoft.MachineLearningServices/stable/2024-10-01/mfe.json (model containers and versions,
 *   datastores, registry models), machineLearningServices.json (workspace GET, the
 *   WorkspaceNameParameter and PaginationParameter), and
 *   specification/common-types/resource-management/v3/types.json (Resource, SystemData,
 *   ErrorResponse, the api-version / subscription / resource group parameters).
 *   The request bodies are validated with JSON Schemas hand-written from those files (schemas.ts).
 *
 * What it enforces, in the order ARM does: api-version (400 MissingApiVersionParameter /
 * InvalidApiVersionParameter / NoRegisteredProviderFound), the bearer token (401 with a
 * WWW-Authenticate challenge), injected faults, the subscription (400 InvalidSubscriptionId,
 * 404 SubscriptionNotFound, 401 InvalidAuthenticationTokenTenant), RBAC (403 AuthorizationFailed,
 * before any existence check), the resource group (404 ResourceGroupNotFound), the workspace or
 * registry (404 ResourceNotFound), then the resource provider's rules (schema: 400 ValidationError
 * naming the property; content type 415; unparsable JSON 400 InvalidRequestContent; unknown
 * asset 404 UserError; changing an immutable field of a model version 409 UserError; a skip token
 * it did not issue 400 UserError).
 *
 * Deviations from the real service (known, deliberate):
 * - The JWT signature is not verified (the tokens come from another fake); `aud` must be the
 *   fake's own origin (with or without a trailing slash), `exp`/`nbf` are checked without clock
 *   skew unless `clockSkewSeconds` is set, `oid` is required, `tid` only when the subscription was
 *   seeded with a tenant. The issuer is not checked.
 * - RBAC is off until a test assigns a role (every authenticated principal may do everything);
 *   then only role assignments made through the fake count (no groups, no deny assignments, no
 *   PIM, no management-group scopes). The registry asset action name
 *   (Microsoft.MachineLearningServices/registries/assets/read) follows the AzureML Registry User
 *   role definition; the real RP may check a finer action.
 * - Throttling, 5xx and connection resets happen only when injected; they are applied after
 *   authentication. x-ms-ratelimit-remaining-subscription-reads/-writes are counters of this fake.
 * - Paging: nextLink carries `$skipToken` (as the spec's examples do; the swagger names the
 *   parameter `$skip`, which the fake accepts too). Tokens are remembered in memory, bound to the
 *   path and filters they were issued for, and paging is by position over the live collection.
 *   `$top` caps the total across pages. Datastore `count` is capped by the fake's page size.
 * - Model version list filters: `description` is an exact match, `tags`/`properties` terms are
 *   `key` (present) or `key=value` (equal), all terms must hold; `feed` is accepted and ignored.
 *   `$orderBy` accepts only `createdtime|modifiedtime [asc|desc]` (default `createdtime desc`).
 * - PUT of a model version whose container does not exist creates the container (as the Azure ML
 *   SDKs rely on; `requireModelContainerForVersionPut` makes it a 404 instead). The operations are
 *   synchronous (the spec declares no long-running operation for workspace model PUTs).
 * - A model version is immutable except description, tags, stage, isArchived and added
 *   properties; an immutable field left out of an update body is taken as unchanged.
 * - Error bodies always carry `details` and `additionalInfo` arrays. RP errors use code UserError
 *   with the inner kind (NotFoundError, BadArgument, Conflict) in additionalInfo; the schema error
 *   keeps the service's code and "One or more validation errors occured." but, unlike the real
 *   service, names every failing property in the message and in `details`.
 * - listSecrets on a datastore with credentialsType None answers 400 UserError (the real service's
 *   exact answer is not documented; the Azure ML SDK never asks).
 * - Only AzureBlob datastores; only GET/PUT of model containers and versions, GET/list of
 *   datastores and listSecrets, GET of workspaces and registries, GET/list of registry model
 *   versions. Other operations of the spec answer 501 NotImplementedByFake.
 * - Registry asset ids are `azureml://registries/{registry}/models/{name}/versions/{version}`, as
 *   the real service returns them (not ARM ids); `registryIdStyle: 'arm'` changes that.
 * - The workspace's discoveryUrl points at the fake; other workspace properties are plausible
 *   constants.
 *
 * ONLINE ENDPOINTS (off unless `online` / enableOnlineEndpoints(); online/*.ts). Written from mfe.json
 * 2024-10-01 (EnvironmentVersion, OnlineEndpoint, OnlineDeployment/ManagedOnlineDeployment, ProbeSettings,
 * OnlineRequestSettings, EndpointAuthKeys/Token, DeploymentLogs(Request), the LRO headers), common-types v3
 * TrackedResource/Sku/ManagedServiceIdentity, Azure ML's "Troubleshoot online endpoint deployment and
 * scoring" (status codes, ResourceNotReady, OutOfQuota, OperationCanceled) and Azure Monitor Metrics - List
 * 2023-10-01 with "Supported metrics for Microsoft.MachineLearningServices/workspaces/onlineEndpoints".
 * Paths: workspaces/{ws}/environments/{n}/versions/{v} (PUT, GET); onlineEndpoints (GET list),
 * onlineEndpoints/{e} (PUT, GET, DELETE), .../listKeys, .../token, .../regenerateKeys (POST);
 * onlineEndpoints/{e}/deployments (GET list), .../deployments/{d} (PUT, GET, DELETE), .../getLogs (POST);
 * {endpoint id}/providers/Microsoft.Insights/metrics (GET, api-version 2023-10-01 only);
 * /subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{loc}/mfeOperationsStatus|mfeOperationResults/{id}.
 * Deviations (deliberate):
 * - Operations: PUT answers 201/200 with Azure-AsyncOperation, Location, Retry-After (retryAfterSeconds,
 *   default 1; the spec allows 10-600) and x-ms-async-operation-timeout; DELETE answers 202 with Location and
 *   Retry-After. An operation stays InProgress for the first minOperationPolls polls (status URL, results URL
 *   or GET of the resource all count) and until its work is done; the resource's provisioningState changes
 *   when the operation ends. A failed/canceled operation's results URL answers 400 with its error. Operation
 *   status URLs are not checked against RBAC. Lists are one page (no nextLink).
 * - Rules enforced synchronously (400 UserError/BadArgument unless said): names (endpoint: a letter first,
 *   3-32 letters/digits/hyphens, not ending with a hyphen; deployment: a letter first, 3-32); location equals
 *   the workspace's; ARM tag limits (codes InvalidTagCount, InvalidTagNameCharacters, InvalidTagNameLength,
 *   InvalidTagValueLength: reconstructed); traffic integers 0..100 summing to 100 or 0, naming existing
 *   deployments (Succeeded when > 0); mirrorTraffic 0..50, at most one deployment > 0, existing, Succeeded,
 *   with 0% live traffic; a PUT replaces both maps (an omitted map is empty: every deployment at 0%, no
 *   mirror). A deployment with live or mirror traffic cannot be deleted. 409 UserError/Conflict for any write
 *   to an endpoint (or its deployment) while an operation of the endpoint or one of its deployments runs.
 *   authMode may change on update (the spec marks only `keys` create-only; `keys` on update are ignored).
 *   listKeys answers 400 unless authMode is Key, token 400 unless AMLToken (reconstructed messages).
 *   Token expiryTimeUtc / refreshAfterTimeUtc are epoch seconds (int64 in the spec), expiry 1 h.
 * - Deployments: Managed only (other endpointComputeType 501); instanceType one of MANAGED_INSTANCE_TYPES
 *   (default Standard_F4s_v2), immutable; sku.capacity 1..20; requestTimeout <= PT3M; probe period/timeout
 *   >= 1 s; scaleSettings Default only; environmentId and model must be ARM ids of a workspace environment
 *   version / model version that exist (404 UserError otherwise; azureml:// registry ids are refused). The
 *   environment must have an image and an inferenceConfig with all three routes (no image build: 501; no
 *   inferenceConfig: 501, the fake has no azureml-inference-server); codeConfiguration with an
 *   inferenceConfig is refused. Route.path must contain a letter, digit or underscore (the spec's pattern
 *   [a-zA-Z0-9_]): '/' is refused. Environment versions are immutable but for description/tags/stage/isArchived (409).
 * - Containers: one container per deployment whatever sku.capacity (capacity only multiplies the
 *   concurrency limit). Host networking (TEST-ENV.md): the container gets a free 127.0.0.1 port through
 *   PORT and MODELSHIP_HOST=127.0.0.1 (`portEnv`), not the inferenceConfig port (`network: 'publish'`
 *   publishes that port on 127.0.0.1 instead). The model is the modelFiles hook's folder, bind-mounted
 *   read-only at /var/azureml-app/azureml-models/{name}/{version} = AZUREML_MODEL_DIR. Readiness uses
 *   readinessProbe (defaults of the spec: period PT10S, failureThreshold 30, initialDelay PT10S here);
 *   liveness and startup probes are validated but not run. Not ready or exited: the operation fails with
 *   ResourceNotReady and getLogs(InferenceServer) returns the dead container's output. An update starts
 *   the new container, waits for it to be ready, then removes the old one; a failed update keeps the old
 *   one serving with the old settings and the state Failed. Containers carry the label
 *   modelship.fake-azureml=1 and the fake instance's id; stop() and deletes remove them.
 * - Injected failures (injectOnlineFault): outOfQuota (`when: 'initial'`: the PUT answers 400 OutOfQuota;
 *   default: the operation fails with OutOfQuota, as the troubleshooting guide lists it among deployment
 *   operation errors), neverReady (the readiness path is replaced), canceled (OperationCanceled), failed
 *   (code/message). 429/5xx of throttle()/injectFault() apply to every new path, operation URLs included.
 * - Data plane: one HTTPS listener per endpoint (same certificate as ARM); scoringUri https://127.0.0.1:PORT/score,
 *   swaggerUri .../swagger.json (answers 404). Key: Bearer primary/secondary key; AMLToken: Bearer token from
 *   /token; AADToken: Entra JWT with aud https://ml.azure.com, unexpired, signature unchecked, plus RBAC
 *   .../onlineEndpoints/score/action when RBAC is on. 401 bodies are {"message"} (reconstructed). Routing by
 *   azureml-model-deployment (any deployment with a running container, also at 0%, never mirrored; unknown:
 *   404) or weighted random over the live traffic; mirror copies with probability mirror%. No traffic: 404
 *   "No valid deployments to route to...". A non-2xx model answer becomes 424 with ms-azureml-model-error-
 *   statuscode/-reason and the model's body (`modelErrors: 'relay'` passes it through); requestTimeout: 408;
 *   more than maxConcurrentRequestsPerInstance x capacity in flight: 429 (no queue); no answer: 502.
 *   Answers carry azureml-model-deployment and x-request-id (kept when the client sent a GUID).
 * - Metrics: one Azure Monitor "minute" is metricsGrainMs (default 60000); interval PTnM means n grains and
 *   the answer's `interval` is the real bucket (e.g. PT1S). Metrics RequestsPerMinute (dimensions deployment,
 *   statusCode, statusCodeClass, modelStatusCode), RequestLatency and RequestLatency_P50/P90/P95/P99
 *   (deployment); mirror copies count for their deployment (not documented by the service). Buckets become
 *   visible metricsIngestionDelayMs after they end; empty or not yet visible buckets are {timeStamp} only.
 *   `metricnames` is required; `$filter` supports `dim eq 'v'` joined by and/or ('*' splits); unknown
 *   metric, dimension, aggregation, interval or timespan: 400 {code: BadRequest, message} (Azure Monitor's
 *   shape). RBAC action Microsoft.Insights/metrics/read (Reader / Monitoring Reader; not AzureML Data Scientist).
 */
export { FakeAzureResourceManager } from './server';
export type { FakeAzureResourceManagerOptions, FakeArmRequest, FaultSpec, FaultHandle } from './server';
export { mintFakeAccessToken, BUILT_IN_ROLES, decodeJwt } from './auth';
export type { AccessTokenClaims, RoleDefinition } from './auth';
export { validateAgainst } from './schemas';
export type { SchemaName } from './schemas';
export { ArmError } from './errors';
export type { ArmErrorBody } from './errors';
export type {
  WorkspaceRef,
  RegistryRef,
  AssetScopeRef,
  WorkspaceSeed,
  RegistrySeed,
  DatastoreSeed,
  DatastoreCredentialsSeed,
  ModelSeed,
  ModelVersionSeed,
} from './store';
export { PROVIDER } from './store';
export { MANAGED_INSTANCE_TYPES } from './online/online';
export type { OnlineOptions, OnlineFaultSpec } from './online/online';
export type { ScoringRequestRecord } from './online/data-plane';
export type { RegistryAuth } from './online/containers';
export { CONTAINER_LABEL, INSTANCE_LABEL } from './online/containers';

/** the ARM path of a workspace, a registry, or (with `rest`) something below it */
export function armPath(
  ref: { subscriptionId: string; resourceGroup: string } & ({ workspace: string } | { registry: string }),
  rest = '',
): string {
  const parent = 'workspace' in ref ? `workspaces/${ref.workspace}` : `registries/${ref.registry}`;
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.MachineLearningServices/${parent}${rest}`;
}
