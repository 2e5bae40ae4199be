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

/** the ARM path of a workspace, a registry, or (with `rest`) something below it */
export function armPath(
  ref: { subscriptionId: string; resourceGroup: string } & ({ workspace: string } | { registry: string }),
  rest = '',
): string {
  const parent = 'workspace' in ref ? `workspaces/${ref.workspace}` : `registries/${ref.registry}`;
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.MachineLearningServices/${parent}${rest}`;
}
