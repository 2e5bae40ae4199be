/**
 * Error shapes and error codes of the FAKE Azure Resource Manager (see index.ts for the
 * spec files and the list of deviations).
 *
 * Every error body has the ARM shape of common-types/resource-management/v3/types.json
 * #/definitions/ErrorResponse: `{"error":{"code","message","target"?,"details":[],"additionalInfo":[]}}`.
 * The codes and message texts below are the ones the real front door (ARM) and the
 * Microsoft.MachineLearningServices resource provider are publicly seen to return:
 * - MissingApiVersionParameter, InvalidApiVersionParameter, NoRegisteredProviderFound,
 *   InvalidSubscriptionId, SubscriptionNotFound, ResourceGroupNotFound, ResourceNotFound,
 *   AuthenticationFailed, InvalidAuthenticationToken, ExpiredAuthenticationToken,
 *   InvalidAuthenticationTokenAudience, InvalidAuthenticationTokenTenant, AuthorizationFailed,
 *   SubscriptionRequestsThrottled, InvalidRequestContent, UnsupportedMediaType: ARM front door.
 * - ValidationError ("One or more validation errors occured.", the typo is the service's) for a
 *   request body the RP cannot bind; UserError for the RP's other 4xx answers: the Azure ML
 *   management front end (reconstructed: public traces show the codes, not every message).
 */

export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorDetail[];
  additionalInfo?: ArmAdditionalInfo[];
}

export interface ArmAdditionalInfo {
  type: string;
  info: unknown;
}

export interface ArmErrorBody {
  error: {
    code: string;
    message: string;
    target?: string;
    details: ArmErrorDetail[];
    additionalInfo: ArmAdditionalInfo[];
  };
}

/** an error answer: thrown inside the fake's handlers, turned into the HTTP response by the server */
export class ArmError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target?: string;
  readonly details: ArmErrorDetail[];
  readonly additionalInfo: ArmAdditionalInfo[];
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    opts: { target?: string; details?: ArmErrorDetail[]; additionalInfo?: ArmAdditionalInfo[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.target = opts.target;
    this.details = opts.details ?? [];
    this.additionalInfo = opts.additionalInfo ?? [];
    this.headers = opts.headers ?? {};
  }

  body(): ArmErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.target !== undefined ? { target: this.target } : {}),
        details: this.details,
        additionalInfo: this.additionalInfo,
      },
    };
  }
}

const PROVIDER = 'Microsoft.MachineLearningServices';

// ---- api-version (ARM front door, checked before authentication) ----

export const missingApiVersion = () =>
  new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');

/** a value that is not an api-version at all (not yyyy-mm-dd[-preview]) */
export const invalidApiVersion = (given: string, supported: string[]) =>
  new ArmError(
    400,
    'InvalidApiVersionParameter',
    `The api-version '${given}' is invalid. The supported versions are '${supported.join(',')}'.`,
  );

/** a well-formed api-version the resource type does not support */
export const noRegisteredProvider = (given: string, location: string, resourceType: string, supported: string[]) =>
  new ArmError(
    400,
    'NoRegisteredProviderFound',
    `No registered resource provider found for location '${location}' and API version '${given}' for type '${resourceType}'. ` +
      `The supported api-versions are '${supported.join(', ')}'. The supported locations are '${location}'.`,
  );

// ---- authentication (401) ----

export interface AuthChallenge {
  authorizationUri: string;
  description: string;
}

function challenge(c: AuthChallenge): Record<string, string> {
  return {
    'www-authenticate': `Bearer authorization_uri="${c.authorizationUri}", error="invalid_token", error_description="${c.description}"`,
  };
}

export const authHeaderMissing = (authorizationUri: string) =>
  new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
    headers: challenge({ authorizationUri, description: "The authentication failed because of missing 'Authorization' header." }),
  });

export const authHeaderInvalidFormat = (authorizationUri: string) =>
  new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format.", {
    headers: challenge({ authorizationUri, description: "The 'Authorization' header is provided in an invalid format." }),
  });

export const tokenInvalid = (authorizationUri: string, why: string) =>
  new ArmError(401, 'InvalidAuthenticationToken', `The access token is invalid. (fake: ${why})`, {
    headers: challenge({ authorizationUri, description: 'The access token is invalid.' }),
  });

export const tokenExpired = (authorizationUri: string, exp: Date, now: Date) =>
  new ArmError(
    401,
    'ExpiredAuthenticationToken',
    `The access token expiry UTC time '${exp.toISOString()}' is earlier than current UTC time '${now.toISOString()}'.`,
    { headers: challenge({ authorizationUri, description: 'The access token has expired.' }) },
  );

export const tokenWrongAudience = (authorizationUri: string, aud: string, allowed: string[]) =>
  new ArmError(
    401,
    'InvalidAuthenticationTokenAudience',
    `The access token has been obtained for wrong audience or resource '${aud}'. ` +
      `It should exactly match with one of the allowed audiences ${allowed.map((a) => `'${a}'`).join(',')}.`,
    { headers: challenge({ authorizationUri, description: 'The access token has been obtained for wrong audience or resource.' }) },
  );

export const tokenWrongTenant = (authorizationUri: string, issuer: string, tenantId: string) =>
  new ArmError(
    401,
    'InvalidAuthenticationTokenTenant',
    `The access token is from the wrong issuer '${issuer}'. It must match the tenant 'https://sts.windows.net/${tenantId}/' ` +
      `associated with this subscription. Please use the authority (URL) '${authorizationUri.replace(/\/+$/, '')}/${tenantId}' to get the token.`,
    {
      headers: challenge({
        authorizationUri: `${authorizationUri.replace(/\/+$/, '')}/${tenantId}`,
        description: 'The access token is from the wrong issuer.',
      }),
    },
  );

// ---- authorization (403) ----

export const authorizationFailed = (client: string, objectId: string, action: string, scope: string) =>
  new ArmError(
    403,
    'AuthorizationFailed',
    `The client '${client}' with object id '${objectId}' does not have authorization to perform action '${action}' ` +
      `over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );

// ---- containers of the resource (ARM front door) ----

export const invalidSubscriptionId = (subscriptionId: string) =>
  new ArmError(400, 'InvalidSubscriptionId', `The provided subscription identifier '${subscriptionId}' is malformed or invalid.`);

export const subscriptionNotFound = (subscriptionId: string) =>
  new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);

export const resourceGroupNotFound = (resourceGroup: string) =>
  new ArmError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`);

/** a tracked resource (workspace, registry) that does not exist */
export const resourceNotFound = (type: 'workspaces' | 'registries', name: string, resourceGroup: string) =>
  new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${PROVIDER}/${type}/${name}' under resource group '${resourceGroup}' was not found. ` +
      'For more details please go to https://aka.ms/ARMResourceNotFoundFix',
  );

export const invalidResourceType = (resourceType: string, apiVersion: string) =>
  new ArmError(
    404,
    'InvalidResourceType',
    `The resource type '${resourceType}' could not be found in the namespace '${PROVIDER}' for api version '${apiVersion}'.`,
  );

// ---- request body (ARM front door) ----

export const unsupportedMediaType = (contentType: string) =>
  new ArmError(
    415,
    'UnsupportedMediaType',
    `The content media type '${contentType}' is not supported. Only 'application/json' is supported.`,
  );

export const invalidRequestContent = (why: string) =>
  new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${why}'.`);

// ---- the resource provider (Azure ML management front end) ----

export interface SchemaViolation {
  /** dotted path in the request body, e.g. `properties.isArchived` */
  path: string;
  message: string;
}

/** a body that does not match the published schema */
export const validationError = (violations: SchemaViolation[]) =>
  new ArmError(
    400,
    'ValidationError',
    `One or more validation errors occured. ${violations.map((v) => `${v.path}: ${v.message}`).join('; ')}`,
    {
      target: 'Unable to parse request body One or more validation errors occured.',
      details: violations.map((v) => ({ code: 'ValidationError', target: v.path, message: `${v.path}: ${v.message}` })),
    },
  );

/** any other 4xx of the resource provider: code UserError with the kind in additionalInfo */
export const userError = (status: number, innerCode: string, message: string, target?: string) =>
  new ArmError(status, 'UserError', message, {
    ...(target !== undefined ? { target } : {}),
    additionalInfo: [{ type: 'InnerError', info: { code: innerCode } }],
  });

export const notFound = (what: string) => userError(404, 'NotFoundError', `Not found: ${what}.`);

/** spec-defined operation the fake does not implement: fails loudly rather than pretending */
export const notImplementedByFake = (method: string, path: string) =>
  new ArmError(
    501,
    'NotImplementedByFake',
    `The FAKE Azure Resource Manager does not implement ${method} ${path}. Extend test/contract/fakes/fake-azureml if the client needs it.`,
  );

// ---- injected faults ----

export const throttled = (kind: 'read' | 'write', subscriptionId: string, actor: string, retryAfterSeconds: number, code?: string) =>
  new ArmError(
    429,
    code ?? 'SubscriptionRequestsThrottled',
    `Number of '${kind}' requests for subscription '${subscriptionId}' actor '${actor}' exceeded. ` +
      `Please try again after '${retryAfterSeconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
  );

export const internalServerError = (trackingId: string, correlationId: string, at: Date) =>
  new ArmError(
    500,
    'InternalServerError',
    `Encountered internal server error. Diagnostic information: timestamp '${at.toISOString().replace(/[-:]|\.\d+/g, '')}', ` +
      `tracking id '${trackingId}', request correlation id '${correlationId}'.`,
  );

export const serviceUnavailable = () =>
  new ArmError(503, 'ServiceUnavailable', 'The service is currently unavailable. Please retry the request later.');
