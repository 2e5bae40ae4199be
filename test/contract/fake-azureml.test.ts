import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeAzureResourceManager, armPath, mintFakeAccessToken, validateAgainst } from './fakes/fake-azureml';

/**
 * Tests of the FAKE Azure Resource Manager for Azure Machine Learning itself
 * (test/contract/fakes/fake-azureml), over real HTTP on 127.0.0.1 with Node's fetch: the ARM
 * front-door behaviour (api-version, bearer token, RBAC, throttling, not-found codes) and the
 * Microsoft.MachineLearningServices 2024-10-01 operations the registry adapter relies on.
 */
jest.setTimeout(30_000);

type Json = Record<string, unknown>;

interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

const SUB = '0b1f6471-1bf0-4dda-aec3-111122223333';
const OTHER_SUB = '0b1f6471-1bf0-4dda-aec3-999999999999';
const RG = 'rg-ml';
const WS = { subscriptionId: SUB, resourceGroup: RG, workspace: 'ws-main' };
const REG = { subscriptionId: SUB, resourceGroup: RG, registry: 'reg-shared' };
const API = 'api-version=2024-10-01';
const BASE = new Date('2024-01-01T00:00:00Z').getTime();
const HOUR = 3600_000;

const fake = new FakeAzureResourceManager({ pageSize: 7 });
const wsPath = (rest = '') => armPath(WS, rest);

function token(claims: Record<string, unknown> = {}): string {
  return mintFakeAccessToken({ aud: fake.origin, oid: 'oid-builder', ...claims });
}

async function call(
  method: string,
  urlPath: string,
  opts: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const url = urlPath.startsWith('http') ? urlPath : `${fake.origin}${urlPath}`;
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const tok = opts.token === undefined ? token() : opts.token;
  if (tok !== null) headers.authorization = `Bearer ${tok}`;
  if (opts.body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

const errorOf = (a: Answer) =>
  (a.body.error ?? {}) as { code?: string; message?: string; details?: { target?: string }[]; additionalInfo?: unknown[] };

/** follows nextLink to the end, checking every page against the paginated schema; returns every page */
async function allPages(
  first: string,
  schema: 'ModelVersionResourceArmPaginatedResult' | 'DatastoreResourceArmPaginatedResult',
): Promise<Json[]> {
  const pages: Json[] = [];
  let next: string | undefined = first;
  while (next !== undefined) {
    const a = await call('GET', next);
    expect(a.status).toBe(200);
    expect(validateAgainst(schema, a.body)).toEqual([]);
    pages.push(a.body);
    next = a.body.nextLink as string | undefined;
    if (pages.length > 50) throw new Error('paging does not end');
  }
  return pages;
}

beforeAll(async () => {
  await fake.start();
  fake.addWorkspace({ ...WS, location: 'westeurope' });
  fake.addDatastore(WS, {
    name: 'workspaceblobstore',
    accountName: 'devstoreaccount1',
    containerName: 'azureml-blobstore-test',
    endpoint: '127.0.0.1:10000',
    protocol: 'https',
    isDefault: true,
    credentials: {
      credentialsType: 'AccountKey',
      key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
    },
    createdAt: new Date(BASE),
  });
  fake.addDatastore(WS, {
    name: 'sasstore',
    accountName: 'acct2',
    containerName: 'c2',
    credentials: { credentialsType: 'Sas', sasToken: 'sv=2022-11-02&sig=fake' },
    createdAt: new Date(BASE + HOUR),
  });
  fake.addDatastore(WS, {
    name: 'identitystore',
    accountName: 'acct3',
    containerName: 'c3',
    credentials: { credentialsType: 'None' },
    createdAt: new Date(BASE + 2 * HOUR),
  });
  for (let i = 0; i < 5; i += 1) {
    fake.addDatastore(WS, {
      name: `extra${i}`,
      accountName: 'acct',
      containerName: `x${i}`,
      credentials: { credentialsType: 'None' },
      createdAt: new Date(BASE + (3 + i) * HOUR),
    });
  }
  // 30 versions of "churn": distinct creation times, every 6th archived, three non-integer versions
  for (let i = 1; i <= 30; i += 1) {
    fake.addModelVersion(WS, 'churn', {
      version: i <= 27 ? String(i) : `2024-05-01.${i - 27}`,
      modelUri: `azureml://datastores/workspaceblobstore/paths/models/churn/${i}/`,
      isArchived: i % 6 === 0,
      tags: i === 3 || i === 10 ? { stage: 'prod', owner: 'team-a' } : { owner: 'team-a' },
      createdAt: new Date(BASE + i * HOUR),
    });
  }
  fake.addRegistry({ ...REG, location: 'westeurope' });
  for (let i = 1; i <= 3; i += 1) {
    fake.addModelVersion(REG, 'shared-model', {
      version: String(i),
      modelUri: `azureml://registries/reg-shared/models/shared-model/versions/${i}`,
      createdAt: new Date(BASE + i * HOUR),
    });
  }
});

afterAll(async () => {
  await fake.stop();
});

afterEach(() => {
  fake.clearFaults();
  fake.clearRoleAssignments();
  fake.rbacEnforced = false;
  fake.pageSize = 7;
});

describe('authentication', () => {
  test('a request without Authorization is 401 AuthenticationFailed with a Bearer challenge', async () => {
    const a = await call('GET', `${wsPath()}?${API}`, { token: null });
    expect(a.status).toBe(401);
    expect(errorOf(a).code).toBe('AuthenticationFailed');
    expect(errorOf(a).details).toEqual([]);
    expect(errorOf(a).additionalInfo).toEqual([]);
    const challenge = a.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(
      /^Bearer authorization_uri="https:\/\/login\.windows\.net\/", error="invalid_token", error_description="[^"]+"$/,
    );
    expect(a.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a malformed, a wrongly addressed and an expired token are rejected with their own codes', async () => {
    const notJwt = await call('GET', `${wsPath()}?${API}`, { token: 'not-a-jwt' });
    expect([notJwt.status, errorOf(notJwt).code]).toEqual([401, 'InvalidAuthenticationToken']);
    const basic = await call('GET', `${wsPath()}?${API}`, { token: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect([basic.status, errorOf(basic).code]).toEqual([401, 'AuthenticationFailed']);
    const wrongAud = await call('GET', `${wsPath()}?${API}`, { token: token({ aud: 'https://management.azure.com/' }) });
    expect([wrongAud.status, errorOf(wrongAud).code]).toEqual([401, 'InvalidAuthenticationTokenAudience']);
    expect(errorOf(wrongAud).message).toContain(`'${fake.origin}/'`);
    const expired = await call('GET', `${wsPath()}?${API}`, { token: token({ exp: Math.floor(Date.now() / 1000) - 10 }) });
    expect([expired.status, errorOf(expired).code]).toEqual([401, 'ExpiredAuthenticationToken']);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const noOid = await call('GET', `${wsPath()}?${API}`, { token: mintFakeAccessToken({ aud: fake.origin, oid: '' }) });
    expect(noOid.status).toBe(401);
  });

  test('the audience is accepted with and without a trailing slash', async () => {
    const bare = await call('GET', `${wsPath()}?${API}`, { token: token({ aud: fake.origin }) });
    const slash = await call('GET', `${wsPath()}?${API}`, { token: token({ aud: `${fake.origin}/` }) });
    expect([bare.status, slash.status]).toEqual([200, 200]);
  });

  test('a subscription seeded with a tenant rejects tokens of another tenant', async () => {
    const sub = '0b1f6471-1bf0-4dda-aec3-aaaaaaaaaaaa';
    const tenant = '11111111-2222-4333-8444-555555555555';
    fake.addSubscription(sub, { tenantId: tenant });
    fake.addWorkspace({ subscriptionId: sub, resourceGroup: 'rg-t', workspace: 'ws-t', location: 'eastus' });
    const p = armPath({ subscriptionId: sub, resourceGroup: 'rg-t', workspace: 'ws-t' });
    const wrong = await call('GET', `${p}?${API}`, { token: token({ tid: '99999999-2222-4333-8444-555555555555' }) });
    expect([wrong.status, errorOf(wrong).code]).toEqual([401, 'InvalidAuthenticationTokenTenant']);
    const right = await call('GET', `${p}?${API}`, { token: token({ tid: tenant }) });
    expect(right.status).toBe(200);
  });
});

describe('api-version and the resource hierarchy', () => {
  test('a missing api-version is 400 MissingApiVersionParameter, checked before the token', async () => {
    const a = await call('GET', wsPath('/models/churn/versions'), { token: null });
    expect(a.status).toBe(400);
    expect(errorOf(a).code).toBe('MissingApiVersionParameter');
    expect(errorOf(a).message).toBe('The api-version query parameter (?api-version=) is required for all requests.');
  });

  test('a malformed api-version is InvalidApiVersionParameter, an unsupported one NoRegisteredProviderFound', async () => {
    const bad = await call('GET', `${wsPath('/models/churn/versions')}?api-version=latest`);
    expect([bad.status, errorOf(bad).code]).toEqual([400, 'InvalidApiVersionParameter']);
    const old = await call('GET', `${wsPath('/models/churn/versions')}?api-version=2019-05-01`);
    expect([old.status, errorOf(old).code]).toEqual([400, 'NoRegisteredProviderFound']);
    expect(errorOf(old).message).toContain("for type 'workspaces/models/versions'");
    expect(errorOf(old).message).toContain("'2024-10-01'");
    expect(errorOf(old).message).toContain("location 'westeurope'");
  });

  test('unknown subscription, resource group and workspace answer the ARM codes', async () => {
    const badSub = await call(
      'GET',
      `/subscriptions/not-a-guid/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/ws-main?${API}`,
    );
    expect([badSub.status, errorOf(badSub).code]).toEqual([400, 'InvalidSubscriptionId']);
    const noSub = await call('GET', `${armPath({ ...WS, subscriptionId: OTHER_SUB })}?${API}`);
    expect([noSub.status, errorOf(noSub).code]).toEqual([404, 'SubscriptionNotFound']);
    const noRg = await call('GET', `${armPath({ ...WS, resourceGroup: 'rg-nope' }, '/models/churn/versions')}?${API}`);
    expect([noRg.status, errorOf(noRg).code]).toEqual([404, 'ResourceGroupNotFound']);
    expect(errorOf(noRg).message).toBe("Resource group 'rg-nope' could not be found.");
    const noWs = await call('GET', `${armPath({ ...WS, workspace: 'ws-nope' })}?${API}`);
    expect([noWs.status, errorOf(noWs).code]).toEqual([404, 'ResourceNotFound']);
    expect(errorOf(noWs).message).toContain("'Microsoft.MachineLearningServices/workspaces/ws-nope' under resource group 'rg-ml'");
    for (const a of [badSub, noSub, noRg, noWs]) expect(validateAgainst('ErrorResponse', a.body)).toEqual([]);
  });

  test('the workspace GET matches the spec and names are case-insensitive in the hierarchy', async () => {
    const a = await call('GET', `${armPath({ ...WS, resourceGroup: 'RG-ML', workspace: 'WS-MAIN' })}?${API}`);
    expect(a.status).toBe(200);
    expect(validateAgainst('Workspace', a.body)).toEqual([]);
    expect(a.body.location).toBe('westeurope');
    expect(a.body.id).toBe(wsPath());
    expect(a.body.type).toBe('Microsoft.MachineLearningServices/workspaces');
  });
});

describe('model versions: list, paging, filters', () => {
  test('listing follows nextLink across pages of 7 until a last page without nextLink', async () => {
    const pages = await allPages(`${wsPath('/models/churn/versions')}?${API}&listViewType=All`, 'ModelVersionResourceArmPaginatedResult');
    expect(pages.map((p) => (p.value as unknown[]).length)).toEqual([7, 7, 7, 7, 2]);
    for (const p of pages.slice(0, -1)) {
      const next = new URL(p.nextLink as string);
      expect(next.origin).toBe(fake.origin);
      expect(next.searchParams.get('api-version')).toBe('2024-10-01');
      expect(next.searchParams.get('listViewType')).toBe('All');
      expect(next.searchParams.get('$skipToken')).toBeTruthy();
    }
    expect('nextLink' in pages[pages.length - 1]).toBe(false);
    const items = pages.flatMap((p) => p.value as Json[]);
    expect(new Set(items.map((v) => v.name)).size).toBe(30);
    // default order: newest first
    const created = items.map((v) => Date.parse((v.systemData as Json).createdAt as string));
    expect([...created].sort((x, y) => y - x)).toEqual(created);
    expect(items[0].name).toBe('2024-05-01.3');
    expect(items[0].id).toBe(wsPath('/models/churn/versions/2024-05-01.3'));
    expect(items[0].type).toBe('Microsoft.MachineLearningServices/workspaces/models/versions');
  });

  test('listViewType: ActiveOnly by default, ArchivedOnly, All; anything else is 400', async () => {
    const count = async (q: string) =>
      (await allPages(`${wsPath('/models/churn/versions')}?${API}${q}`, 'ModelVersionResourceArmPaginatedResult')).flatMap(
        (p) => p.value as Json[],
      );
    const active = await count('');
    const archived = await count('&listViewType=ArchivedOnly');
    const all = await count('&listViewType=All');
    expect([active.length, archived.length, all.length]).toEqual([25, 5, 30]);
    expect(active.every((v) => (v.properties as Json).isArchived === false)).toBe(true);
    expect(archived.map((v) => v.name).sort()).toEqual(['12', '18', '2024-05-01.3', '24', '6']);
    const bad = await call('GET', `${wsPath('/models/churn/versions')}?${API}&listViewType=Everything`);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('listViewType');
  });

  test('$orderBy createdtime desc with $top=1 is the latest active version; asc the oldest', async () => {
    const latest = await call('GET', `${wsPath('/models/churn/versions')}?${API}&$orderBy=createdtime%20desc&$top=1`);
    expect((latest.body.value as Json[]).map((v) => v.name)).toEqual(['2024-05-01.2']);
    expect('nextLink' in latest.body).toBe(false);
    const oldest = await call('GET', `${wsPath('/models/churn/versions')}?${API}&$orderBy=createdtime%20asc&$top=2`);
    expect((oldest.body.value as Json[]).map((v) => v.name)).toEqual(['1', '2']);
    const bad = await call('GET', `${wsPath('/models/churn/versions')}?${API}&$orderBy=version%20desc`);
    expect(bad.status).toBe(400);
  });

  test('filters: tags, version, offset', async () => {
    const prod = await call('GET', `${wsPath('/models/churn/versions')}?${API}&tags=stage=prod`);
    expect((prod.body.value as Json[]).map((v) => v.name).sort()).toEqual(['10', '3']);
    const both = await call('GET', `${wsPath('/models/churn/versions')}?${API}&tags=owner,stage=prod`);
    expect((both.body.value as Json[]).length).toBe(2);
    const one = await call('GET', `${wsPath('/models/churn/versions')}?${API}&version=2024-05-01.1`);
    expect((one.body.value as Json[]).map((v) => v.name)).toEqual(['2024-05-01.1']);
    const skipped = await call('GET', `${wsPath('/models/churn/versions')}?${API}&$orderBy=createdtime%20asc&offset=3&$top=1`);
    expect((skipped.body.value as Json[]).map((v) => v.name)).toEqual(['4']);
  });

  test('a skip token the fake did not issue, or one reused with other filters, is 400', async () => {
    const forged = await call('GET', `${wsPath('/models/churn/versions')}?${API}&$skipToken=eyJvZmZzZXQiOjd9`);
    expect(forged.status).toBe(400);
    expect(errorOf(forged).code).toBe('UserError');
    const first = await call('GET', `${wsPath('/models/churn/versions')}?${API}&listViewType=All`);
    const tokenValue = new URL(first.body.nextLink as string).searchParams.get('$skipToken') as string;
    const otherFilter = await call('GET', `${wsPath('/models/churn/versions')}?${API}&listViewType=ArchivedOnly&$skipToken=${tokenValue}`);
    expect(otherFilter.status).toBe(400);
    const samePath = await call('GET', `${wsPath('/models/churn/versions')}?${API}&listViewType=All&$skip=${tokenValue}`);
    expect(samePath.status).toBe(200);
    expect((samePath.body.value as Json[])[0].name).toBe('23'); // the 8th newest of 30
  });
});

describe('model containers and versions: PUT and GET', () => {
  const versionBody = (overrides: Json = {}) => ({
    properties: {
      modelUri: 'azureml://datastores/workspaceblobstore/paths/models/fraud/1/',
      modelType: 'custom_model',
      description: 'first',
      tags: { git: 'abc123' },
      properties: { 'modelship.digest': 'sha256:1' },
      isArchived: false,
      ...overrides,
    },
  });

  test('PUT of a new version is 201, creates the container, and GET returns the same resource', async () => {
    const created = await call('PUT', `${wsPath('/models/fraud/versions/2024-06-01.3')}?${API}`, { body: versionBody() });
    expect(created.status).toBe(201);
    expect(validateAgainst('ModelVersionResource', created.body)).toEqual([]);
    expect(created.body.id).toBe(wsPath('/models/fraud/versions/2024-06-01.3'));
    expect(created.body.name).toBe('2024-06-01.3');
    const sd = created.body.systemData as Json;
    expect(sd.createdBy).toBe('00000000-0000-4000-8000-0000000c11e7');
    expect(sd.createdByType).toBe('Application');
    expect(Number.isNaN(Date.parse(sd.createdAt as string))).toBe(false);
    expect((created.body.properties as Json).provisioningState).toBe('Succeeded');
    const got = await call('GET', `${wsPath('/models/fraud/versions/2024-06-01.3')}?${API}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    const container = await call('GET', `${wsPath('/models/fraud')}?${API}`);
    expect(container.status).toBe(200);
    expect((container.body.properties as Json).latestVersion).toBe('2024-06-01.3');
    expect((container.body.properties as Json).nextVersion).toBe('1');
  });

  test('PUT of an existing version is 200, keeps createdAt, and refuses to change its modelUri', async () => {
    const first = await call('PUT', `${wsPath('/models/fraud/versions/7')}?${API}`, { body: versionBody() });
    expect(first.status).toBe(201);
    await new Promise((r) => setTimeout(r, 5));
    const updated = await call('PUT', `${wsPath('/models/fraud/versions/7')}?${API}`, {
      body: versionBody({ tags: { git: 'abc123', promoted: 'true' }, description: 'second' }),
    });
    expect(updated.status).toBe(200);
    const [s1, s2] = [first.body.systemData as Json, updated.body.systemData as Json];
    expect(s2.createdAt).toBe(s1.createdAt);
    expect(Date.parse(s2.lastModifiedAt as string)).toBeGreaterThan(Date.parse(s1.lastModifiedAt as string));
    expect((updated.body.properties as Json).tags).toEqual({ git: 'abc123', promoted: 'true' });
    const moved = await call('PUT', `${wsPath('/models/fraud/versions/7')}?${API}`, {
      body: versionBody({ modelUri: 'azureml://datastores/workspaceblobstore/paths/elsewhere/' }),
    });
    expect(moved.status).toBe(409);
    expect(errorOf(moved).code).toBe('UserError');
    expect(errorOf(moved).message).toContain('modelUri');
    const altered = await call('PUT', `${wsPath('/models/fraud/versions/7')}?${API}`, {
      body: versionBody({ properties: { 'modelship.digest': 'sha256:2' } }),
    });
    expect(altered.status).toBe(409);
    expect(errorOf(altered).message).toContain('properties.modelship.digest');
  });

  test('a body that breaks the schema is 400 ValidationError naming the property', async () => {
    const wrongType = await call('PUT', `${wsPath('/models/fraud/versions/8')}?${API}`, { body: versionBody({ isArchived: 'yes' }) });
    expect(wrongType.status).toBe(400);
    expect(errorOf(wrongType).code).toBe('ValidationError');
    expect(errorOf(wrongType).message).toContain('properties.isArchived');
    expect(errorOf(wrongType).details?.map((d) => d.target)).toEqual(['properties.isArchived']);
    const typo = await call('PUT', `${wsPath('/models/fraud/versions/8')}?${API}`, { body: { properties: { modelURI: 'x' } } });
    expect(typo.status).toBe(400);
    expect(errorOf(typo).message).toContain('properties.modelURI');
    const flat = await call('PUT', `${wsPath('/models/fraud/versions/8')}?${API}`, { body: { modelUri: 'x' } });
    expect(flat.status).toBe(400);
    expect(errorOf(flat).message).toContain('properties: is required');
    expect(errorOf(flat).message).toContain('modelUri');
    const badTag = await call('PUT', `${wsPath('/models/fraud/versions/8')}?${API}`, { body: versionBody({ tags: { n: 1 } }) });
    expect(errorOf(badTag).message).toContain('properties.tags.n');
    // nothing was stored by the rejected requests
    expect(fake.modelVersion(WS, 'fraud', '8')).toBeUndefined();
  });

  test('read-only properties are accepted in a PUT and ignored', async () => {
    const a = await call('PUT', `${wsPath('/models/fraud/versions/9')}?${API}`, {
      body: {
        id: 'ignored',
        name: 'ignored',
        type: 'ignored',
        systemData: { createdBy: 'me' },
        ...versionBody({ provisioningState: 'Failed' }),
      },
    });
    expect(a.status).toBe(201);
    expect(a.body.name).toBe('9');
    expect((a.body.properties as Json).provisioningState).toBe('Succeeded');
  });

  test('content type and JSON syntax are checked; a bad model name is refused', async () => {
    const text = await call('PUT', `${wsPath('/models/fraud/versions/10')}?${API}`, {
      body: JSON.stringify(versionBody()),
      headers: { 'content-type': 'text/plain' },
    });
    expect([text.status, errorOf(text).code]).toEqual([415, 'UnsupportedMediaType']);
    const broken = await call('PUT', `${wsPath('/models/fraud/versions/10')}?${API}`, { body: '{"properties": {' });
    expect([broken.status, errorOf(broken).code]).toEqual([400, 'InvalidRequestContent']);
    const badName = await call('PUT', `${wsPath('/models/-bad/versions/1')}?${API}`, { body: versionBody() });
    expect(badName.status).toBe(400);
  });

  test('model container PUT is 201 then 200 and validates its body', async () => {
    const c1 = await call('PUT', `${wsPath('/models/ranker')}?${API}`, {
      body: { properties: { description: 'ranking model', tags: { team: 'search' } } },
    });
    expect(c1.status).toBe(201);
    expect(validateAgainst('ModelContainerResource', c1.body)).toEqual([]);
    const c2 = await call('PUT', `${wsPath('/models/ranker')}?${API}`, {
      body: { properties: { description: 'ranking model v2', isArchived: false } },
    });
    expect(c2.status).toBe(200);
    expect((c2.body.properties as Json).description).toBe('ranking model v2');
    const bad = await call('PUT', `${wsPath('/models/ranker')}?${API}`, { body: { properties: { stage: 'prod' } } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('properties.stage');
    const missing = await call('GET', `${wsPath('/models/nothing-here/versions/1')}?${API}`);
    expect([missing.status, errorOf(missing).code]).toEqual([404, 'UserError']);
  });

  test('with requireModelContainerForVersionPut, a version PUT before its container is 404', async () => {
    const strict = new FakeAzureResourceManager({ requireModelContainerForVersionPut: true });
    const origin = await strict.start();
    try {
      strict.addWorkspace({ ...WS, location: 'westeurope' });
      const tok = mintFakeAccessToken({ aud: origin, oid: 'oid-strict' });
      const put = (p: string, body: unknown) =>
        fetch(`${origin}${wsPath(p)}?${API}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await put('/models/late/versions/1', { properties: { modelUri: 'x' } })).status).toBe(404);
      expect((await put('/models/late', { properties: {} })).status).toBe(201);
      expect((await put('/models/late/versions/1', { properties: { modelUri: 'x' } })).status).toBe(201);
    } finally {
      await strict.stop();
    }
  });

  test('the request log keeps method, path, query, parsed body, status, action, and redacts the token', async () => {
    fake.clearRequests();
    await call('PUT', `${wsPath('/models/fraud/versions/11')}?${API}`, {
      body: versionBody(),
      headers: { 'x-ms-correlation-request-id': 'corr-1' },
    });
    expect(fake.requests).toHaveLength(1);
    const r = fake.requests[0];
    expect(r.method).toBe('PUT');
    expect(r.path).toBe(wsPath('/models/fraud/versions/11'));
    expect(r.query['api-version']).toBe('2024-10-01');
    expect((r.body as Json).properties).toMatchObject({ modelType: 'custom_model' });
    expect(r.status).toBe(201);
    expect(r.action).toBe('Microsoft.MachineLearningServices/workspaces/models/versions/write');
    expect(r.principalId).toBe('oid-builder');
    expect(r.headers.authorization).toBe('Bearer <redacted>');
    expect(r.headers['x-ms-correlation-request-id']).toBe('corr-1');
  });
});

describe('authorization (RBAC)', () => {
  const reader = () => token({ oid: 'oid-reader', appid: 'app-reader' });
  const scientist = () => token({ oid: 'oid-scientist', appid: 'app-scientist' });
  const nobody = () => token({ oid: 'oid-nobody', appid: 'app-nobody' });

  beforeEach(() => {
    fake.assignRole('oid-reader', 'Reader', `/subscriptions/${SUB}/resourceGroups/${RG}`);
    fake.assignRole('oid-scientist', 'AzureML Data Scientist', wsPath());
  });

  test('a Reader may GET but a PUT is 403 AuthorizationFailed naming the client, action and scope', async () => {
    const get = await call('GET', `${wsPath('/models/churn/versions/3')}?${API}`, { token: reader() });
    expect(get.status).toBe(200);
    const put = await call('PUT', `${wsPath('/models/churn/versions/99')}?${API}`, {
      token: reader(),
      body: { properties: { modelUri: 'x' } },
    });
    expect(put.status).toBe(403);
    expect(errorOf(put).code).toBe('AuthorizationFailed');
    expect(errorOf(put).message).toBe(
      `The client 'app-reader' with object id 'oid-reader' does not have authorization to perform action ` +
        `'Microsoft.MachineLearningServices/workspaces/models/versions/write' over scope '${wsPath('/models/churn/versions/99')}' ` +
        'or the scope is invalid. If access was recently granted, please refresh your credentials.',
    );
    const secrets = await call('POST', `${wsPath('/datastores/workspaceblobstore/listSecrets')}?${API}`, { token: reader() });
    expect(secrets.status).toBe(403);
    expect(errorOf(secrets).message).toContain("'Microsoft.MachineLearningServices/workspaces/datastores/listsecrets/action'");
  });

  test('a principal without a role gets 403 everywhere, even for a resource group that does not exist', async () => {
    const get = await call('GET', `${wsPath('/models/churn/versions')}?${API}`, { token: nobody() });
    expect([get.status, errorOf(get).code]).toEqual([403, 'AuthorizationFailed']);
    const noRg = await call('GET', `${armPath({ ...WS, resourceGroup: 'rg-nope' })}?${API}`, { token: nobody() });
    expect([noRg.status, errorOf(noRg).code]).toEqual([403, 'AuthorizationFailed']);
  });

  test('AzureML Data Scientist may write versions and list secrets, but not read the workspace resource itself', async () => {
    const put = await call('PUT', `${wsPath('/models/scored/versions/1')}?${API}`, {
      token: scientist(),
      body: { properties: { modelUri: 'azureml://x' } },
    });
    expect(put.status).toBe(201);
    expect((put.body.systemData as Json).createdBy).toBe('app-scientist');
    const secrets = await call('POST', `${wsPath('/datastores/workspaceblobstore/listSecrets')}?${API}`, { token: scientist() });
    expect(secrets.status).toBe(200);
    const ws = await call('GET', `${wsPath()}?${API}`, { token: scientist() });
    expect(ws.status).toBe(403);
    expect(errorOf(ws).message).toContain("'Microsoft.MachineLearningServices/workspaces/read'");
    // a role assigned on one workspace does not reach another
    fake.addWorkspace({ ...WS, workspace: 'ws-other', location: 'westeurope' });
    const other = await call('GET', `${armPath({ ...WS, workspace: 'ws-other' }, '/models/x/versions')}?${API}`, { token: scientist() });
    expect(other.status).toBe(403);
  });
});

describe('throttling and faults', () => {
  test('N injected 429s carry Retry-After, then the request succeeds', async () => {
    const handle = fake.throttle(
      { method: 'GET', path: '/subscriptions/*/resourceGroups/*/providers/*/workspaces/*/models/churn/versions' },
      2,
      3,
    );
    const url = `${wsPath('/models/churn/versions')}?${API}`;
    const a1 = await call('GET', url);
    const a2 = await call('GET', url);
    const a3 = await call('GET', url);
    expect([a1.status, a2.status, a3.status]).toEqual([429, 429, 200]);
    expect(a1.headers.get('retry-after')).toBe('3');
    expect(a1.headers.get('x-ms-ratelimit-remaining-subscription-reads')).toBe('0');
    expect(errorOf(a1).code).toBe('SubscriptionRequestsThrottled');
    expect(errorOf(a1).message).toContain("after '3' seconds");
    expect(handle.hits).toBe(2);
    expect(handle.remaining).toBe(0);
    // other paths and methods were not affected
    const other = await call('GET', `${wsPath('/models/churn/versions/1')}?${API}`);
    expect(other.status).toBe(200);
  });

  test('500 and 503 come with ARM error bodies, only for the matching method', async () => {
    fake.injectFault({ method: 'PUT', path: '**/models/*/versions/*', status: 503, retryAfterSeconds: 2 });
    fake.injectFault({ method: 'GET', path: '**/datastores', status: 500 });
    const get = await call('GET', `${wsPath('/models/churn/versions/1')}?${API}`);
    expect(get.status).toBe(200);
    const put = await call('PUT', `${wsPath('/models/flaky/versions/1')}?${API}`, { body: { properties: { modelUri: 'x' } } });
    expect([put.status, errorOf(put).code, put.headers.get('retry-after')]).toEqual([503, 'ServiceUnavailable', '2']);
    const list = await call('GET', `${wsPath('/datastores')}?${API}`);
    expect([list.status, errorOf(list).code]).toEqual([500, 'InternalServerError']);
    expect(validateAgainst('ErrorResponse', list.body)).toEqual([]);
    const again = await call('PUT', `${wsPath('/models/flaky/versions/1')}?${API}`, { body: { properties: { modelUri: 'x' } } });
    expect(again.status).toBe(201);
  });
});

describe('datastores', () => {
  test('list pages through every datastore and never returns a secret', async () => {
    fake.pageSize = 3;
    const pages = await allPages(`${wsPath('/datastores')}?${API}`, 'DatastoreResourceArmPaginatedResult');
    expect(pages.map((p) => (p.value as unknown[]).length)).toEqual([3, 3, 2]);
    const names = pages.flatMap((p) => (p.value as Json[]).map((d) => d.name));
    expect(new Set(names).size).toBe(8);
    const text = JSON.stringify(pages);
    expect(text).not.toContain('Eby8vdM02');
    expect(text).not.toContain('sig=fake');
  });

  test('isDefault=true finds workspaceblobstore with the endpoint and protocol the test set', async () => {
    const a = await call('GET', `${wsPath('/datastores')}?${API}&isDefault=true`);
    expect(a.status).toBe(200);
    const [d] = a.body.value as Json[];
    expect((a.body.value as Json[]).length).toBe(1);
    expect(d.name).toBe('workspaceblobstore');
    expect(d.properties).toMatchObject({
      isDefault: true,
      datastoreType: 'AzureBlob',
      accountName: 'devstoreaccount1',
      containerName: 'azureml-blobstore-test',
      endpoint: '127.0.0.1:10000',
      protocol: 'https',
      credentials: { credentialsType: 'AccountKey', secrets: { secretsType: 'AccountKey' } },
    });
    const names = await call('GET', `${wsPath('/datastores')}?${API}&names=sasstore,identitystore`);
    expect((names.body.value as Json[]).map((x) => x.name).sort()).toEqual(['identitystore', 'sasstore']);
    const bad = await call('GET', `${wsPath('/datastores')}?${API}&isDefault=yes`);
    expect(bad.status).toBe(400);
  });

  test('GET one datastore; listSecrets gives the key or the SAS token; None has no secrets; unknown is 404', async () => {
    const one = await call('GET', `${wsPath('/datastores/sasstore')}?${API}`);
    expect(one.status).toBe(200);
    expect(validateAgainst('DatastoreResource', one.body)).toEqual([]);
    const key = await call('POST', `${wsPath('/datastores/workspaceblobstore/listSecrets')}?${API}`);
    expect(key.status).toBe(200);
    expect(key.body).toEqual({
      secretsType: 'AccountKey',
      key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
    });
    expect(validateAgainst('DatastoreSecrets', key.body)).toEqual([]);
    const sas = await call('POST', `${wsPath('/datastores/sasstore/listSecrets')}?${API}`);
    expect(sas.body).toEqual({ secretsType: 'Sas', sasToken: 'sv=2022-11-02&sig=fake' });
    const none = await call('POST', `${wsPath('/datastores/identitystore/listSecrets')}?${API}`);
    expect([none.status, errorOf(none).code]).toEqual([400, 'UserError']);
    expect(errorOf(none).message).toContain("'None'");
    const missing = await call('GET', `${wsPath('/datastores/nope')}?${API}`);
    expect(missing.status).toBe(404);
    const getSecrets = await call('GET', `${wsPath('/datastores/sasstore/listSecrets')}?${API}`);
    expect(getSecrets.status).toBe(501);
  });
});

describe('registry variant', () => {
  const regPath = (rest = '') => armPath(REG, rest);

  test('list and get registry model versions, with azureml:// ids', async () => {
    const list = await call('GET', `${regPath('/models/shared-model/versions')}?${API}&$orderBy=createdtime%20asc`);
    expect(list.status).toBe(200);
    expect((list.body.value as Json[]).map((v) => v.name)).toEqual(['1', '2', '3']);
    expect(validateAgainst('ModelVersionResourceArmPaginatedResult', list.body)).toEqual([]);
    const one = await call('GET', `${regPath('/models/shared-model/versions/2')}?${API}`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe('azureml://registries/reg-shared/models/shared-model/versions/2');
    expect(one.body.type).toBe('Microsoft.MachineLearningServices/registries/models/versions');
  });

  test('an unknown registry is ResourceNotFound; writing to a registry version is not modelled (501)', async () => {
    const none = await call('GET', `${armPath({ ...REG, registry: 'reg-nope' }, '/models/shared-model/versions')}?${API}`);
    expect([none.status, errorOf(none).code]).toEqual([404, 'ResourceNotFound']);
    expect(errorOf(none).message).toContain('Microsoft.MachineLearningServices/registries/reg-nope');
    const put = await call('PUT', `${regPath('/models/shared-model/versions/4')}?${API}`, { body: { properties: {} } });
    expect(put.status).toBe(501);
  });

  test('registry assets need the registry asset action: a workspace Data Scientist is refused', async () => {
    fake.assignRole('oid-scientist', 'AzureML Data Scientist', `/subscriptions/${SUB}`);
    fake.assignRole('oid-reguser', 'AzureML Registry User', regPath());
    const denied = await call('GET', `${regPath('/models/shared-model/versions/1')}?${API}`, { token: token({ oid: 'oid-scientist' }) });
    expect(denied.status).toBe(403);
    expect(errorOf(denied).message).toContain("'Microsoft.MachineLearningServices/registries/assets/read'");
    const allowed = await call('GET', `${regPath('/models/shared-model/versions/1')}?${API}`, { token: token({ oid: 'oid-reguser' }) });
    expect(allowed.status).toBe(200);
  });
});

describe('HTTPS and shutdown', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-arm-tls-'));
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '1',
      '-subj',
      '/CN=modelship fake-arm test CA',
    );
    run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=127.0.0.1');
    fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
    run(
      'x509',
      '-req',
      '-in',
      'srv.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'srv.crt',
      '-days',
      '1',
      '-extfile',
      'ext.cnf',
    );
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('serves HTTPS with the given certificate; stop() closes keep-alive connections', async () => {
    const tlsFake = new FakeAzureResourceManager({
      tls: { key: fs.readFileSync(path.join(dir, 'srv.key'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'srv.crt'), 'utf8') },
    });
    const origin = await tlsFake.start();
    expect(origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    tlsFake.addWorkspace({ ...WS, location: 'northeurope' });
    const agent = new https.Agent({ keepAlive: true, ca: fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8') });
    const tok = mintFakeAccessToken({ aud: `${origin}/`, oid: 'oid-tls' });
    const get = () =>
      new Promise<{ status: number; body: Json }>((resolve, reject) => {
        const req = https.request(`${origin}${wsPath()}?${API}`, { agent, headers: { authorization: `Bearer ${tok}` } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json }));
        });
        req.on('error', reject);
        req.end();
      });
    const a = await get();
    expect(a.status).toBe(200);
    expect(a.body.location).toBe('northeurope');
    const started = Date.now();
    await tlsFake.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(get()).rejects.toThrow();
    agent.destroy();
  });
});
