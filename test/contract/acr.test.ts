import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { ACR_TOKEN_USER, acrCredential, isAzureContainerRegistry, resolveCredential } from '../../shared/image/credentials';
import { RegistryClient } from '../../shared/image/registry-client';
import { FakeAcr, startFakeAcr } from './fakes/fake-acr';

/** ACR login through an Azure AD token, against a FAKE ACR token endpoint. */
class StaticCredential implements TokenCredential {
  scopes: Array<string | string[]> = [];
  constructor(private readonly token: string) {}
  async getToken(scopes: string | string[], _o?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(scopes);
    return { token: this.token, expiresOnTimestamp: Date.now() + 3600_000 };
  }
}

describe('ACR token exchange (fake ACR)', () => {
  let acr: FakeAcr;
  const registry = 'modelshiptest.azurecr.io';
  const aadToken = 'aad-token-for-tests-0123456789';

  beforeEach(async () => {
    acr = await startFakeAcr({ service: registry, acceptAadToken: aadToken });
  });
  afterEach(() => acr.close());

  it('exchanges the Azure AD token for a refresh token and uses it for the registry token flow', async () => {
    const secrets: string[] = [];
    const credential = new StaticCredential(aadToken);
    const c = await acrCredential(registry, credential, { setSecret: (s) => secrets.push(s), baseUrl: acr.url, tenantId: 'tenant-1' });
    expect(c.username).toBe(ACR_TOKEN_USER);
    expect(c.password).toMatch(/^fake-refresh-/);
    expect(c.source).toMatch(/Azure AD/);
    expect(credential.scopes).toEqual(['https://management.azure.com/.default']);
    // the AAD token and the refresh token are both masked from then on
    expect(secrets).toEqual([aadToken, c.password]);

    acr.manifests.set('models/diabetes:diabetes-model-3-abcdef012345', 'sha256:' + 'a'.repeat(64));
    const client = new RegistryClient(registry, c, {}, acr.url);
    expect(await client.manifestDigest({ registry, repository: 'models/diabetes', tag: 'diabetes-model-3-abcdef012345' })).toBe(
      'sha256:' + 'a'.repeat(64),
    );
    expect(await client.manifestDigest({ registry, repository: 'models/diabetes', tag: 'missing' })).toBeUndefined();
    expect(acr.calls).toEqual([
      'POST /oauth2/exchange',
      'HEAD /v2/models/diabetes/manifests/diabetes-model-3-abcdef012345',
      'POST /oauth2/token',
      'HEAD /v2/models/diabetes/manifests/diabetes-model-3-abcdef012345',
      'HEAD /v2/models/diabetes/manifests/missing',
    ]);
  });

  it('a refused Azure AD token says what to check, without the token', async () => {
    const err = await acrCredential(registry, new StaticCredential('some-other-token-xyz'), {
      setSecret: () => undefined,
      baseUrl: acr.url,
    }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/refused the Azure AD token \(401\).*AcrPush/);
    expect(err?.message).not.toContain('some-other-token-xyz');
  });

  it('retries 5xx answers with backoff, within a bound', async () => {
    const retry = { firstDelayMs: 10 };
    acr.failNext = 2;
    const c = await acrCredential(registry, new StaticCredential(aadToken), { setSecret: () => undefined, baseUrl: acr.url, retry });
    expect(c.password).toMatch(/^fake-refresh-/);
    expect(acr.calls.filter((x) => x === 'POST /oauth2/exchange')).toHaveLength(3);
    acr.failNext = 100;
    await expect(
      acrCredential(registry, new StaticCredential(aadToken), { setSecret: () => undefined, baseUrl: acr.url, retry }),
    ).rejects.toThrow(/failed after 4 attempts \(answered 500\)/);
  });

  it('resolveCredential picks the Azure AD route for *.azurecr.io only, after environment and Docker config', async () => {
    expect(isAzureContainerRegistry('x.azurecr.io')).toBe(true);
    expect(isAzureContainerRegistry('localhost:5000')).toBe(false);
    const env: Record<string, string> = { DOCKER_CONFIG: '/nonexistent' };
    const fromEnv = await resolveCredential(registry, {
      env: (n) => ({ ...env, MODELSHIP_REGISTRY_USERNAME: 'u', MODELSHIP_REGISTRY_PASSWORD: 'p4ss' })[n],
      setSecret: () => undefined,
      azureCredential: () => new StaticCredential(aadToken),
    });
    expect(fromEnv?.source).toMatch(/environment/);
    const none = await resolveCredential('localhost:5000', {
      env: (n) => env[n],
      setSecret: () => undefined,
      azureCredential: () => new StaticCredential(aadToken),
    });
    expect(none).toBeUndefined();
  });
});
