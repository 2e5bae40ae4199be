/**
 * Bearer tokens and Azure RBAC for the FAKE Azure Resource Manager.
 *
 * Tokens: the fake decodes the JWT (header.payload.signature, base64url) and checks `aud`,
 * `exp`, `nbf` and, when the subscription was seeded with a tenant, `tid`. It does NOT check
 * the signature (the issuer is another fake; there is no key to check it against).
 *
 * RBAC: role definitions are the built-in ones as published (actions / notActions with the
 * ARM wildcard `*`, matched case-insensitively against the whole action string), assigned
 * to a principal (`oid` claim) at a scope (a resource id prefix).
 */

export interface AccessTokenClaims {
  aud?: unknown;
  iss?: unknown;
  exp?: unknown;
  nbf?: unknown;
  iat?: unknown;
  oid?: unknown;
  tid?: unknown;
  appid?: unknown;
  azp?: unknown;
  upn?: unknown;
  unique_name?: unknown;
  name?: unknown;
  idtyp?: unknown;
  [claim: string]: unknown;
}

export interface Principal {
  /** `oid`: the object id RBAC is assigned to */
  objectId: string;
  /** what ARM names in AuthorizationFailed: the user's upn, else the application id */
  clientLabel: string;
  /** systemData.createdBy */
  displayName: string;
  createdByType: 'User' | 'Application' | 'ManagedIdentity';
  tenantId?: string;
  claims: AccessTokenClaims;
}

function base64urlDecode(part: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new Error('a JWT segment is not base64url');
  return Buffer.from(part, 'base64url').toString('utf8');
}

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** decodes a compact JWS without verifying it; throws with the reason when it is not a JWT */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: AccessTokenClaims } {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error(`a JWT has 3 dot-separated segments, this has ${parts.length}`);
  const header = JSON.parse(base64urlDecode(parts[0])) as unknown;
  const claims = JSON.parse(base64urlDecode(parts[1])) as unknown;
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new Error('the JWT header is not a JSON object');
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Error('the JWT payload is not a JSON object');
  if (parts[2].length === 0) throw new Error('the JWT has no signature segment');
  return { header: header as Record<string, unknown>, claims: claims as AccessTokenClaims };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

export function principalOf(claims: AccessTokenClaims): Principal {
  const objectId = str(claims.oid) ?? str(claims.sub) ?? 'unknown';
  const appId = str(claims.appid) ?? str(claims.azp);
  const upn = str(claims.upn) ?? str(claims.unique_name);
  const isApp = claims.idtyp === 'app' || (upn === undefined && appId !== undefined);
  const createdByType = isApp ? (str(claims.xms_mirid) !== undefined ? 'ManagedIdentity' : 'Application') : 'User';
  return {
    objectId,
    clientLabel: upn ?? appId ?? objectId,
    displayName: isApp ? (appId ?? objectId) : (str(claims.name) ?? upn ?? objectId),
    createdByType,
    tenantId: str(claims.tid),
    claims,
  };
}

/**
 * Mints an unsigned-in-effect JWT for tests of the fake (the fake does not verify signatures).
 * The defaults make a service-principal token valid for one hour; pass `aud` = the fake's origin.
 */
export function mintFakeAccessToken(claims: AccessTokenClaims & { aud: string }, nowMs: number = Date.now()): string {
  const now = Math.floor(nowMs / 1000);
  const tid = typeof claims.tid === 'string' ? claims.tid : '72f988bf-0000-4000-8000-000000000001';
  const body: AccessTokenClaims = {
    iss: `https://sts.windows.net/${tid}/`,
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    tid,
    oid: '00000000-0000-4000-8000-00000000a11c',
    appid: '00000000-0000-4000-8000-0000000c11e7',
    idtyp: 'app',
    ...claims,
  };
  return `${base64urlJson({ alg: 'RS256', typ: 'JWT', kid: 'fake-entra-key' })}.${base64urlJson(body)}.${Buffer.from('fake-signature').toString('base64url')}`;
}

// ---- RBAC ----

export interface RoleDefinition {
  actions: string[];
  notActions: string[];
}

/** built-in role definitions as published (Microsoft.Authorization/roleDefinitions), the parts the fake needs */
export const BUILT_IN_ROLES: Record<string, RoleDefinition> = {
  Owner: { actions: ['*'], notActions: [] },
  Contributor: {
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write',
      'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action',
      'Microsoft.Purview/consents/write',
      'Microsoft.Purview/consents/delete',
    ],
  },
  Reader: { actions: ['*/read'], notActions: [] },
  // f6c7c914-8db3-469d-8ca1-694a8f32e121
  'AzureML Data Scientist': {
    actions: [
      'Microsoft.MachineLearningServices/workspaces/*/read',
      'Microsoft.MachineLearningServices/workspaces/*/action',
      'Microsoft.MachineLearningServices/workspaces/*/delete',
      'Microsoft.MachineLearningServices/workspaces/*/write',
    ],
    notActions: [
      'Microsoft.MachineLearningServices/workspaces/delete',
      'Microsoft.MachineLearningServices/workspaces/write',
      'Microsoft.MachineLearningServices/workspaces/computes/*/write',
      'Microsoft.MachineLearningServices/workspaces/computes/*/delete',
      'Microsoft.MachineLearningServices/workspaces/computes/listKeys/action',
      'Microsoft.MachineLearningServices/workspaces/listKeys/action',
      'Microsoft.MachineLearningServices/workspaces/hubs/write',
      'Microsoft.MachineLearningServices/workspaces/hubs/delete',
      'Microsoft.MachineLearningServices/workspaces/featurestores/write',
      'Microsoft.MachineLearningServices/workspaces/featurestores/delete',
    ],
  },
  // 43d0d8ad-25c7-4714-9337-8ba259a9fe05 (reads every resource's metrics: Microsoft.Insights/metrics/read)
  'Monitoring Reader': { actions: ['*/read', 'Microsoft.Support/*'], notActions: [] },
  // 1823dd4f-9b8c-4ab6-ab4e-7397a3684615
  'AzureML Registry User': {
    actions: ['Microsoft.MachineLearningServices/registries/read', 'Microsoft.MachineLearningServices/registries/assets/*'],
    notActions: [],
  },
};

function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

export function roleAllows(role: RoleDefinition, action: string): boolean {
  const granted = role.actions.some((a) => wildcardToRegExp(a).test(action));
  return granted && !role.notActions.some((a) => wildcardToRegExp(a).test(action));
}

/** true when `scope` is the assignment scope or below it (ARM resource ids compare case-insensitively) */
export function scopeCovers(assignmentScope: string, scope: string): boolean {
  const a = assignmentScope.replace(/\/+$/, '').toLowerCase();
  const s = scope.replace(/\/+$/, '').toLowerCase();
  return a === '' || s === a || s.startsWith(`${a}/`);
}
