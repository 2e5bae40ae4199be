import * as crypto from 'node:crypto';
import * as https from 'node:https';
import type * as net from 'node:net';
import { testCa } from '../../helpers/azure/test-ca';

/**
 * A FAKE Microsoft Entra ID (Azure AD) token service over HTTPS on 127.0.0.1, written from the
 * Microsoft identity platform documentation: the OAuth 2.0 client credentials flow
 * (`POST /{tenant}/oauth2/v2.0/token`, grant_type=client_credentials, with a client secret or
 * a client assertion: workload identity federation), the OpenID Connect discovery document MSAL
 * reads from a non-Microsoft authority host (`GET /{tenant}/v2.0/.well-known/openid-configuration`),
 * and the instance discovery document (`GET /common/discovery/instance`; MSAL only asks
 * login.microsoftonline.com for it, never the authority host, so it is here for completeness).
 * It is not Entra ID: it knows only what a test registers, and answers errors with the service's
 * JSON shape `{error, error_description, error_codes, timestamp, trace_id, correlation_id, error_uri}`
 * and AADSTS codes (90002 unknown tenant, 700016 unknown application, 7000215 wrong secret,
 * 7000218 no client credential, 70021 no matching federated identity credential, 700024 assertion
 * outside its validity, 50027 malformed assertion, 1002012 scope without /.default, 70011 invalid
 * scope, 500011 unknown resource, 70003 unsupported grant, 900144 missing parameter, 900561 wrong
 * method, 90033 transient failure). Today's Entra ID reports federated credential mismatches with
 * finer codes (700211 issuer, 700212 audience, 700213 subject); this fake uses the older general
 * AADSTS70021 for all three, with the same details in the description.
 *
 * The access tokens it issues are JWTs whose signature is a DUMMY (random bytes, not a signature):
 * fine for clients (which never verify access tokens) and for Azurite's `--oauth basic` (which
 * checks claims only), useless against anything that verifies signatures. Their claims follow
 * v1.0 app-only tokens (`iss` https://sts.windows.net/{tid}/, `appid`, `appidacr`, `oid`, `tid`,
 * `idtyp` app) plus the v2.0 `azp`/`azpacr`; `aud` is the requested scope without `/.default`.
 * A token requested for `https://storage.azure.com/.default` is therefore accepted by Azurite's
 * basic OAuth check (issuer prefix https://sts.windows.net/, audience https://storage.azure.com).
 *
 * Client assertions (federated credentials): a JWT whose `iss`, `sub` and `aud` must match one of
 * the app's registered federated identity credentials exactly (case-sensitive, as Entra ID does
 * since 2025), within its `nbf`/`exp` window. Its signature is verified only when the test
 * registered a public key for the issuer (`trustIssuer`): real Entra ID fetches the issuer's JWKS,
 * which this fake cannot do.
 */

export interface FederatedCredential {
  name?: string;
  issuer: string;
  subject: string;
  /** default ['api://AzureADTokenExchange'] */
  audiences?: string[];
}

export interface FakeEntraAppInput {
  tenantId: string;
  clientId: string;
  /** the service principal's object id, the `oid` of its tokens (default: a random UUID) */
  objectId?: string;
  secrets?: string[];
  federatedCredentials?: FederatedCredential[];
  /** app roles granted to the service principal: the `roles` claim of its tokens */
  roles?: string[];
}

export interface FakeEntraApp {
  tenantId: string;
  clientId: string;
  objectId: string;
  secrets: string[];
  federatedCredentials: FederatedCredential[];
  roles: string[];
}

/** one request as received, without secrets or assertions */
export interface FakeEntraRequest {
  method: string;
  path: string;
  tenant?: string;
  grantType?: string;
  clientId?: string;
  scope?: string;
  /** how the client authenticated: client_secret (post or basic), client_assertion, none */
  clientAuth?: 'client_secret' | 'client_assertion' | 'none';
  /** issuer and subject of a client assertion */
  assertion?: { iss?: string; sub?: string; aud?: unknown };
  status: number;
  /** e.g. 'AADSTS7000215' for an error answer */
  errorCode?: string;
}

export interface FakeEntraFailure {
  /** 503 (default), 500 or 429 */
  status?: number;
  /** Retry-After header, in seconds */
  retryAfterSeconds?: number;
}

export interface FakeEntra {
  /** https://127.0.0.1:PORT: the value for AZURE_AUTHORITY_HOST / `authorityHost` */
  url: string;
  port: number;
  /** register a tenant by its id (a GUID), optionally with verified domain names */
  addTenant(tenantId: string, opts?: { domains?: string[] }): void;
  addApp(app: FakeEntraAppInput): FakeEntraApp;
  addFederatedCredential(clientId: string, credential: FederatedCredential): void;
  /** verify the signature of client assertions from this issuer with this public key (RS256 / ES256) */
  trustIssuer(issuer: string, publicKey: crypto.KeyLike): void;
  /** lifetime of issued access tokens (expires_in), seconds; default 3599 */
  setTokenLifetime(seconds: number): void;
  /** answer the next `count` token requests with a transient failure */
  failNext(count: number, failure?: FakeEntraFailure): void;
  /** every request so far, in order */
  requests: FakeEntraRequest[];
  /** access tokens issued to this client (for this scope, or for any) */
  tokensIssued(clientId: string, scope?: string): number;
  close(): Promise<void>;
}

export interface StartFakeEntraOptions {
  /** TLS key and certificate; default: the test CA's 127.0.0.1 certificate */
  tls?: { key: string; cert: string };
  tokenLifetimeSeconds?: number;
  /** when set, only these resources (scope without /.default) can be asked for (AADSTS500011) */
  resources?: string[];
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const DEFAULT_FIC_AUDIENCE = 'api://AzureADTokenExchange';
/** clock skew Entra ID allows on assertion validity, seconds */
const SKEW_SECONDS = 300;

export function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** header and payload of a JWT, not verified; throws on a malformed token */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown>; signature: string } {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('not a JWT (expected three dot-separated parts)');
  const json = (s: string) => {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('JWT part is not a JSON object');
    return v as Record<string, unknown>;
  };
  return { header: json(parts[0]), payload: json(parts[1]), signature: parts[2] };
}

/**
 * A client assertion like the OIDC token a CI system (GitHub Actions, Azure Pipelines) hands to
 * a job: iss/sub/aud as given, iat/nbf now, exp after `lifetimeSeconds`. Signed RS256 (RSA key)
 * or ES256 (EC P-256 key) when `privateKey` is given, otherwise with a dummy signature.
 */
export function createClientAssertion(opts: {
  issuer: string;
  subject: string;
  audience?: string;
  lifetimeSeconds?: number;
  privateKey?: crypto.KeyObject;
  kid?: string;
  claims?: Record<string, unknown>;
  /** issue time, seconds since the epoch (default now) */
  now?: number;
}): string {
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const key = opts.privateKey;
  const alg = key ? (key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256') : 'RS256';
  const header = { typ: 'JWT', alg, ...(opts.kid ? { kid: opts.kid } : {}) };
  const payload = {
    jti: crypto.randomUUID(),
    iss: opts.issuer,
    sub: opts.subject,
    aud: opts.audience ?? DEFAULT_FIC_AUDIENCE,
    iat: now,
    nbf: now,
    exp: now + (opts.lifetimeSeconds ?? 300),
    ...opts.claims,
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = key
    ? crypto.sign('sha256', Buffer.from(signingInput), alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key)
    : crypto.randomBytes(32);
  return `${signingInput}.${base64url(signature)}`;
}

function verifyJwtSignature(token: string, header: Record<string, unknown>, key: crypto.KeyLike): boolean {
  const [h, p, s] = token.split('.');
  const input = Buffer.from(`${h}.${p}`);
  const sig = Buffer.from(s, 'base64url');
  try {
    if (header.alg === 'RS256') return crypto.verify('sha256', input, key, sig);
    if (header.alg === 'ES256') return crypto.verify('sha256', input, { key: key as crypto.KeyObject, dsaEncoding: 'ieee-p1363' }, sig);
  } catch {
    return false;
  }
  return false;
}

class EntraError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`AADSTS${code}: ${description}`);
  }
}

function timestamp(d: Date): string {
  // Entra ID's format: "2016-01-09 02:02:12Z"
  return d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

export async function startFakeEntra(opts: StartFakeEntraOptions = {}): Promise<FakeEntra> {
  const tls = opts.tls ?? testCa();
  const tenants = new Map<string, { id: string; domains: string[] }>();
  const apps = new Map<string, FakeEntraApp>();
  const issuerKeys = new Map<string, crypto.KeyLike>();
  const issued = new Map<string, number>();
  let lifetime = opts.tokenLifetimeSeconds ?? 3599;
  let failures: { remaining: number; failure: FakeEntraFailure } = { remaining: 0, failure: {} };

  const findTenant = (name: string) => {
    const n = name.toLowerCase();
    for (const t of tenants.values()) if (t.id === n || t.domains.includes(n)) return t;
    return undefined;
  };

  const fake: FakeEntra = {
    url: '',
    port: 0,
    requests: [],
    addTenant(tenantId, o) {
      tenants.set(tenantId.toLowerCase(), { id: tenantId.toLowerCase(), domains: (o?.domains ?? []).map((d) => d.toLowerCase()) });
    },
    addApp(input) {
      if (!tenants.has(input.tenantId.toLowerCase())) throw new Error(`fake Entra: register tenant ${input.tenantId} before its apps`);
      const app: FakeEntraApp = {
        tenantId: input.tenantId.toLowerCase(),
        clientId: input.clientId,
        objectId: input.objectId ?? crypto.randomUUID(),
        secrets: [...(input.secrets ?? [])],
        federatedCredentials: [...(input.federatedCredentials ?? [])],
        roles: [...(input.roles ?? [])],
      };
      apps.set(input.clientId.toLowerCase(), app);
      return app;
    },
    addFederatedCredential(clientId, credential) {
      const app = apps.get(clientId.toLowerCase());
      if (!app) throw new Error(`fake Entra: no app ${clientId}`);
      app.federatedCredentials.push(credential);
    },
    trustIssuer(issuer, publicKey) {
      issuerKeys.set(issuer, publicKey);
    },
    setTokenLifetime(seconds) {
      lifetime = seconds;
    },
    failNext(count, failure = {}) {
      failures = { remaining: count, failure };
    },
    tokensIssued(clientId, scope) {
      let n = 0;
      for (const [k, v] of issued) {
        const [c, s] = k.split(' ');
        if (c === clientId.toLowerCase() && (scope === undefined || s === scope)) n += v;
      }
      return n;
    },
    close: async () => undefined,
  };

  function issueToken(app: FakeEntraApp, tenantId: string, resource: string, viaAssertion: boolean): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', kid: 'fake-entra-unsigned' };
    const payload: Record<string, unknown> = {
      aud: resource,
      iss: `https://sts.windows.net/${tenantId}/`,
      // Entra ID back-dates iat/nbf by five minutes
      iat: now - 300,
      nbf: now - 300,
      exp: now + lifetime,
      appid: app.clientId,
      appidacr: viaAssertion ? '2' : '1',
      azp: app.clientId,
      azpacr: viaAssertion ? '2' : '1',
      idp: `https://sts.windows.net/${tenantId}/`,
      idtyp: 'app',
      oid: app.objectId,
      sub: app.objectId,
      tid: tenantId,
      uti: base64url(crypto.randomBytes(16)),
      ver: '1.0',
      ...(app.roles.length ? { roles: app.roles } : {}),
    };
    // DUMMY signature: random bytes, see the comment at the top of this file
    const token = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url(crypto.randomBytes(64))}`;
    return { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token };
  }

  function tokenRequest(
    tenantName: string,
    form: URLSearchParams,
    basic: { id: string; secret: string } | undefined,
    entry: FakeEntraRequest,
  ): Record<string, unknown> {
    const tenant = findTenant(tenantName);
    if (!tenant) {
      throw new EntraError(
        400,
        'invalid_tenant',
        90002,
        `Tenant '${tenantName}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      );
    }
    const grantType = form.get('grant_type') ?? undefined;
    entry.grantType = grantType;
    if (!grantType)
      throw new EntraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
    if (grantType !== 'client_credentials')
      throw new EntraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);

    const clientId = form.get('client_id') ?? basic?.id;
    entry.clientId = clientId ?? undefined;
    if (!clientId)
      throw new EntraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");

    const scope = form.get('scope') ?? undefined;
    entry.scope = scope;
    if (!scope) throw new EntraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");

    const secret = form.get('client_secret') ?? basic?.secret;
    const assertion = form.get('client_assertion');
    const assertionType = form.get('client_assertion_type');
    entry.clientAuth = secret !== null && secret !== undefined ? 'client_secret' : assertion ? 'client_assertion' : 'none';

    const app = apps.get(clientId.toLowerCase());
    if (!app || app.tenantId !== tenant.id) {
      throw new EntraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }

    if (entry.clientAuth === 'client_secret') {
      if (!app.secrets.includes(secret as string)) {
        throw new EntraError(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
        );
      }
    } else if (entry.clientAuth === 'client_assertion') {
      if (assertionType !== JWT_BEARER) {
        throw new EntraError(
          400,
          'invalid_request',
          50027,
          `Invalid client_assertion_type '${assertionType ?? ''}': expected '${JWT_BEARER}'.`,
        );
      }
      checkAssertion(app, assertion as string, entry);
    } else {
      throw new EntraError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }

    const scopes = scope.trim().split(/\s+/);
    if (scopes.length !== 1) {
      throw new EntraError(
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' is not valid: a client credentials request names exactly one resource.`,
      );
    }
    if (!scopes[0].endsWith('/.default')) {
      throw new EntraError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scopes[0]} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const resource = scopes[0].slice(0, -'/.default'.length);
    if (!resource)
      throw new EntraError(
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' is not valid.`,
      );
    if (opts.resources && !opts.resources.includes(resource)) {
      throw new EntraError(
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${tenant.id}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      );
    }

    const body = issueToken(app, tenant.id, resource, entry.clientAuth === 'client_assertion');
    const key = `${app.clientId.toLowerCase()} ${scopes[0]}`;
    issued.set(key, (issued.get(key) ?? 0) + 1);
    return body;
  }

  function checkAssertion(app: FakeEntraApp, assertion: string, entry: FakeEntraRequest): void {
    let decoded: ReturnType<typeof decodeJwt>;
    try {
      decoded = decodeJwt(assertion);
    } catch {
      throw new EntraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
    }
    const { header, payload } = decoded;
    const iss = typeof payload.iss === 'string' ? payload.iss : undefined;
    const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
    const aud = payload.aud;
    entry.assertion = { iss, sub, aud };
    const now = Math.floor(Date.now() / 1000);
    const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
    const nbf = typeof payload.nbf === 'number' ? payload.nbf : typeof payload.iat === 'number' ? payload.iat : undefined;
    if (exp === undefined || now > exp + SKEW_SECONDS || (nbf !== undefined && now + SKEW_SECONDS < nbf)) {
      throw new EntraError(
        400,
        'invalid_client',
        700024,
        `Client assertion is not within its valid time range. Current time: ${new Date(now * 1000).toISOString()}, assertion valid from ${nbf === undefined ? 'unknown' : new Date(nbf * 1000).toISOString()}, expiry time of assertion ${exp === undefined ? 'unknown' : new Date(exp * 1000).toISOString()}.`,
      );
    }
    const audiences = Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : typeof aud === 'string' ? [aud] : [];
    const match = app.federatedCredentials.find(
      (fc) => fc.issuer === iss && fc.subject === sub && (fc.audiences ?? [DEFAULT_FIC_AUDIENCE]).some((a) => audiences.includes(a)),
    );
    if (!match) {
      throw new EntraError(
        401,
        'invalid_client',
        70021,
        `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss ?? ''}'. Assertion Subject: '${sub ?? ''}'. Assertion Audience: '${audiences.join(',')}'. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
      );
    }
    const key = iss ? issuerKeys.get(iss) : undefined;
    if (key && !verifyJwtSignature(assertion, header, key)) {
      throw new EntraError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
    }
  }

  function openIdConfiguration(base: string, tenantId: string): Record<string, unknown> {
    return {
      token_endpoint: `${base}/${tenantId}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/${tenantId}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      // MSAL accepts the discovery document only if the issuer has the authority's scheme, host and port
      issuer: `${base}/${tenantId}/v2.0`,
      request_uri_parameter_supported: false,
      authorization_endpoint: `${base}/${tenantId}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/${tenantId}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/${tenantId}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'acr',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'ver',
        'at_hash',
        'c_hash',
        'email',
      ],
      // the real document also names graph/other Microsoft hosts; left out so that nothing here points off the machine
    };
  }

  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://fake-entra');
      // answer with the host the client used, so the issuer matches its authority exactly
      const base = `https://${req.headers.host ?? `127.0.0.1:${fake.port}`}`;
      const entry: FakeEntraRequest = { method: req.method ?? 'GET', path: url.pathname, status: 0 };
      fake.requests.push(entry);
      const traceId = crypto.randomUUID();
      const correlationId = typeof req.headers['client-request-id'] === 'string' ? req.headers['client-request-id'] : crypto.randomUUID();
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        entry.status = status;
        const text = JSON.stringify(body);
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
          'cache-control': 'no-store, no-cache',
          'x-ms-request-id': traceId,
          'client-request-id': correlationId,
          ...headers,
        });
        res.end(text);
      };
      const fail = (e: EntraError) => {
        entry.errorCode = `AADSTS${e.code}`;
        const ts = timestamp(new Date());
        send(
          e.status,
          {
            error: e.error,
            error_description: `AADSTS${e.code}: ${e.description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${ts}`,
            error_codes: [e.code],
            timestamp: ts,
            trace_id: traceId,
            correlation_id: correlationId,
            error_uri: `${base}/error?code=${e.code}`,
          },
          e.headers,
        );
      };
      try {
        const segments = url.pathname.split('/').filter(Boolean);
        entry.tenant = segments[0];
        // GET /{tenant}/v2.0/.well-known/openid-configuration
        if (segments.length === 4 && segments[1] === 'v2.0' && segments[2] === '.well-known' && segments[3] === 'openid-configuration') {
          if (req.method !== 'GET')
            throw new EntraError(
              400,
              'invalid_request',
              900561,
              `The endpoint only accepts GET requests. Received a ${req.method} request.`,
            );
          const tenant = findTenant(segments[0]);
          if (!tenant) {
            throw new EntraError(
              400,
              'invalid_tenant',
              90002,
              `Tenant '${segments[0]}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
            );
          }
          return send(200, openIdConfiguration(base, tenant.id));
        }
        // GET /common/discovery/instance?api-version=1.1&authorization_endpoint=...
        if (url.pathname === '/common/discovery/instance' && req.method === 'GET') {
          entry.tenant = undefined;
          const host = new URL(base).host;
          return send(200, {
            tenant_discovery_endpoint: `${base}/{tenant}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
          });
        }
        // GET /{tenant}/discovery/v2.0/keys (no keys: the issued tokens are not signed)
        if (
          segments.length === 4 &&
          segments[1] === 'discovery' &&
          segments[2] === 'v2.0' &&
          segments[3] === 'keys' &&
          req.method === 'GET'
        ) {
          if (!findTenant(segments[0])) throw new EntraError(400, 'invalid_tenant', 90002, `Tenant '${segments[0]}' not found.`);
          return send(200, { keys: [] });
        }
        // POST /{tenant}/oauth2/v2.0/token
        if (segments.length === 4 && segments[1] === 'oauth2' && segments[2] === 'v2.0' && segments[3] === 'token') {
          if (req.method !== 'POST')
            throw new EntraError(
              400,
              'invalid_request',
              900561,
              `The endpoint only accepts POST, OPTIONS requests. Received a ${req.method} request.`,
            );
          if (failures.remaining > 0) {
            failures.remaining -= 1;
            const status = failures.failure.status ?? 503;
            const headers: Record<string, string> =
              failures.failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failures.failure.retryAfterSeconds) } : {};
            throw new EntraError(status, 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.', headers);
          }
          const contentType = String(req.headers['content-type'] ?? '');
          const form = contentType.startsWith('application/x-www-form-urlencoded')
            ? new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
            : new URLSearchParams();
          let basic: { id: string; secret: string } | undefined;
          const auth = req.headers.authorization;
          if (auth?.startsWith('Basic ')) {
            const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
            const i = decoded.indexOf(':');
            if (i > 0) basic = { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
          }
          return send(200, tokenRequest(segments[0], form, basic, entry));
        }
        entry.tenant = undefined;
        send(404, { error: 'not_found', error_description: `${req.method} ${url.pathname} is not part of the fake Entra ID` });
      } catch (e) {
        if (e instanceof EntraError) return fail(e);
        send(500, { error: 'server_error', error_description: `fake Entra ID: ${(e as Error).message}` });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  fake.port = (server.address() as net.AddressInfo).port;
  fake.url = `https://127.0.0.1:${fake.port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}
