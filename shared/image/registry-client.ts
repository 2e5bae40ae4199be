import { ImageRef, formatImageRef, registryBaseUrl } from './reference';
import { RegistryCredential } from './credentials';
import { RegistryRetry, registryRetry } from './registry-retry';
import { withRetry } from '../retry';

/**
 * A small client of the OCI distribution API: does a tag exist, and what is its digest
 * (HEAD /v2/<name>/manifests/<reference>)? Handles the two auth schemes registries use:
 * Basic (htpasswd) and Bearer token challenges (Docker token auth, ACR).
 */
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export class RegistryAuthError extends Error {}

export class RegistryClient {
  private bearer?: string;

  constructor(
    private readonly registry: string,
    private readonly credential: RegistryCredential | undefined,
    private readonly retry: RegistryRetry = {},
    private readonly baseUrl = registryBaseUrl(registry),
  ) {}

  /** the digest of a tag, or undefined when the registry does not have it */
  async manifestDigest(ref: ImageRef): Promise<string | undefined> {
    const reference = ref.digest ?? ref.tag ?? 'latest';
    const url = `${this.baseUrl}/v2/${ref.repository}/manifests/${reference}`;
    const doing = `asking ${this.registry} for ${formatImageRef(ref)}`;
    let res = await withRetry(
      doing,
      () => fetch(url, { method: 'HEAD', headers: this.headers(), signal: AbortSignal.timeout(15_000) }),
      registryRetry(this.retry),
    );
    if (res.status === 401) {
      await this.authenticate(res.headers.get('www-authenticate') ?? '', `repository:${ref.repository}:pull`);
      res = await withRetry(
        doing,
        () => fetch(url, { method: 'HEAD', headers: this.headers(), signal: AbortSignal.timeout(15_000) }),
        registryRetry(this.retry),
      );
    }
    if (res.status === 404) return undefined;
    if (res.status === 401 || res.status === 403) throw this.authError(res.status);
    if (!res.ok) throw new Error(`${doing}: answered ${res.status}`);
    const digest = res.headers.get('docker-content-digest');
    if (!digest) throw new Error(`${doing}: the answer has no Docker-Content-Digest header`);
    return digest;
  }

  /** the layer digests of a manifest (for tests and checks) */
  async layers(ref: ImageRef): Promise<string[]> {
    const url = `${this.baseUrl}/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag ?? 'latest'}`;
    const get = () => fetch(url, { headers: { ...this.headers(), accept: MANIFEST_TYPES }, signal: AbortSignal.timeout(15_000) });
    let res = await withRetry(`reading the manifest of ${formatImageRef(ref)}`, get, registryRetry(this.retry));
    if (res.status === 401) {
      await this.authenticate(res.headers.get('www-authenticate') ?? '', `repository:${ref.repository}:pull`);
      res = await withRetry(`reading the manifest of ${formatImageRef(ref)}`, get, registryRetry(this.retry));
    }
    if (!res.ok)
      throw res.status === 401 || res.status === 403
        ? this.authError(res.status)
        : new Error(`reading the manifest of ${formatImageRef(ref)}: ${res.status}`);
    const manifest = (await res.json()) as { layers?: Array<{ digest: string }> };
    return (manifest.layers ?? []).map((l) => l.digest);
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { accept: MANIFEST_TYPES };
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    else if (this.credential)
      headers.authorization = `Basic ${Buffer.from(`${this.credential.username}:${this.credential.password}`).toString('base64')}`;
    return headers;
  }

  private authError(status: number): RegistryAuthError {
    const who = this.credential
      ? `credentials from ${this.credential.source}`
      : 'no credentials (none found in MODELSHIP_REGISTRY_USERNAME / MODELSHIP_REGISTRY_PASSWORD or the Docker config file)';
    return new RegistryAuthError(
      `${this.registry} refused access (${status}) with ${who}; check the user name and password, and the user's rights on the repository`,
    );
  }

  private async authenticate(challenge: string, scope: string): Promise<void> {
    if (/^basic/i.test(challenge)) {
      if (!this.credential) throw this.authError(401);
      return; // headers() sends Basic credentials already: the registry refused them
    }
    if (!/^bearer/i.test(challenge))
      throw new Error(`${this.registry} asked for an unknown authentication scheme: ${challenge.split(' ')[0]}`);
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (!params.realm) throw new Error(`${this.registry} sent a Bearer challenge without a realm`);
    const realm = new URL(params.realm);
    let res: Response;
    if (this.credential && this.credential.username === '00000000-0000-0000-0000-000000000000') {
      // refresh-token login (ACR, Docker identity tokens): POST form grant
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        service: params.service ?? this.registry,
        scope,
        refresh_token: this.credential.password,
      });
      res = await withRetry(
        `getting a registry token from ${realm.origin}`,
        () => fetch(realm, { method: 'POST', body: form, signal: AbortSignal.timeout(15_000) }),
        registryRetry(this.retry),
      );
    } else {
      if (params.service) realm.searchParams.set('service', params.service);
      realm.searchParams.set('scope', scope);
      const headers: Record<string, string> = {};
      if (this.credential)
        headers.authorization = `Basic ${Buffer.from(`${this.credential.username}:${this.credential.password}`).toString('base64')}`;
      res = await withRetry(
        `getting a registry token from ${realm.origin}`,
        () => fetch(realm, { headers, signal: AbortSignal.timeout(15_000) }),
        registryRetry(this.retry),
      );
    }
    if (res.status === 401 || res.status === 403) throw this.authError(res.status);
    if (!res.ok) throw new Error(`the token endpoint ${realm.origin}${realm.pathname} answered ${res.status}`);
    const body = (await res.json()) as { token?: string; access_token?: string };
    const token = body.access_token ?? body.token;
    if (!token) throw new Error(`the token endpoint ${realm.origin}${realm.pathname} returned no token`);
    this.bearer = token;
  }
}
