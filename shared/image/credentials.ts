import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { registryBaseUrl } from './reference';
import { RegistryRetry, registryRetry } from './registry-retry';
import { withRetry } from '../retry';

/**
 * Where registry credentials come from, in order: the environment
 * (MODELSHIP_REGISTRY_USERNAME / MODELSHIP_REGISTRY_PASSWORD), a Docker config file
 * (DOCKER_CONFIG or ~/.docker/config.json), and for Azure Container Registry an Azure AD
 * token exchanged for an ACR refresh token. `source` says which one was used, for error
 * messages; the secret itself is never part of any message.
 */
export interface RegistryCredential {
  username: string;
  password: string;
  /** e.g. "environment (MODELSHIP_REGISTRY_USERNAME)" */
  source: string;
}

export interface CredentialOptions {
  env: (name: string) => string | undefined;
  /** registers every secret read or derived, so front ends mask it */
  setSecret: (value: string) => void;
  /** for ACR: the credential of the run's Azure login (see azure/login.ts) */
  azureCredential?: () => TokenCredential;
  /** for ACR: the tenant the token comes from, when known */
  azureTenantId?: string;
  log?: (line: string) => void;
}

/** ACR's fixed user name for refresh-token logins */
export const ACR_TOKEN_USER = '00000000-0000-0000-0000-000000000000';

export function isAzureContainerRegistry(registry: string): boolean {
  return /\.azurecr\.(io|cn|us)$/i.test(registry.replace(/:\d+$/, ''));
}

export async function resolveCredential(registry: string, options: CredentialOptions): Promise<RegistryCredential | undefined> {
  const user = options.env('MODELSHIP_REGISTRY_USERNAME');
  const pass = options.env('MODELSHIP_REGISTRY_PASSWORD');
  if (user && pass) {
    options.setSecret(pass);
    return { username: user, password: pass, source: 'environment (MODELSHIP_REGISTRY_USERNAME / MODELSHIP_REGISTRY_PASSWORD)' };
  }
  const fromFile = dockerConfigCredential(registry, options);
  if (fromFile) return fromFile;
  if (isAzureContainerRegistry(registry) && options.azureCredential) {
    return acrCredential(registry, options.azureCredential(), { tenantId: options.azureTenantId, setSecret: options.setSecret });
  }
  return undefined;
}

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

export function dockerConfigCredential(
  registry: string,
  options: Pick<CredentialOptions, 'env' | 'setSecret' | 'log'>,
): RegistryCredential | undefined {
  const dir = options.env('DOCKER_CONFIG') || path.join(os.homedir(), '.docker');
  const file = path.join(dir, 'config.json');
  let cfg: DockerConfigFile;
  try {
    cfg = JSON.parse(fs.readFileSync(file, 'utf8')) as DockerConfigFile;
  } catch {
    return undefined;
  }
  const keys = [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`];
  const entry = keys.map((k) => cfg.auths?.[k]).find((e) => e !== undefined);
  if (!entry) {
    if (cfg.credHelpers?.[registry] || cfg.credsStore)
      options.log?.(
        `${file} uses a credential helper, which modelship does not run; set MODELSHIP_REGISTRY_USERNAME / MODELSHIP_REGISTRY_PASSWORD instead`,
      );
    return undefined;
  }
  let username = entry.username;
  let password = entry.password;
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    username = decoded.slice(0, i);
    password = decoded.slice(i + 1);
  }
  if (entry.identitytoken) {
    username = ACR_TOKEN_USER;
    password = entry.identitytoken;
  }
  if (!username || !password) return undefined;
  options.setSecret(password);
  if (entry.auth) options.setSecret(entry.auth);
  return { username, password, source: `Docker config file ${file}` };
}

/**
 * ACR: exchange an Azure AD access token for an ACR refresh token
 * (POST /oauth2/exchange, grant_type=access_token), which `docker push` and the
 * registry's token endpoint accept as the password of the user 0000...0000.
 */
export async function acrCredential(
  registry: string,
  credential: TokenCredential,
  options: { tenantId?: string; setSecret: (value: string) => void; baseUrl?: string; retry?: RegistryRetry },
): Promise<RegistryCredential> {
  const aad = await credential.getToken('https://management.azure.com/.default');
  if (!aad)
    throw new Error(`Azure AD returned no token for ${registry}; check the Azure login (azure-client-id / azure-tenant-id, or az login)`);
  options.setSecret(aad.token);
  const form = new URLSearchParams({ grant_type: 'access_token', service: registry.replace(/:\d+$/, ''), access_token: aad.token });
  if (options.tenantId) form.set('tenant', options.tenantId);
  const url = `${options.baseUrl ?? registryBaseUrl(registry)}/oauth2/exchange`;
  const res = await withRetry(
    `exchanging an Azure AD token at ${url}`,
    () =>
      fetch(url, {
        method: 'POST',
        body: form,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        signal: AbortSignal.timeout(15_000),
      }),
    registryRetry(options.retry),
  );
  if (res.status === 401 || res.status === 403) {
    throw new Error(
      `ACR ${registry} refused the Azure AD token (${res.status}); check that the identity has the AcrPush role on the registry`,
    );
  }
  if (!res.ok) throw new Error(`ACR token exchange at ${url} answered ${res.status}`);
  const body = (await res.json()) as { refresh_token?: string };
  if (!body.refresh_token) throw new Error(`ACR token exchange at ${url} returned no refresh_token`);
  options.setSecret(body.refresh_token);
  return { username: ACR_TOKEN_USER, password: body.refresh_token, source: 'Azure AD token exchanged for an ACR refresh token' };
}
