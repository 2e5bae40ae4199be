import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

/**
 * The Azure login of a run, made by the front end (the CLI's DefaultAzureCredential, the
 * Action's OIDC federated credential, the task's Azure Resource Manager service
 * connection) and handed to the core, which uses the one credential for everything Azure:
 * Azure Resource Manager, Blob Storage, Azure Container Registry, AKS.
 */
export interface AzureLogin {
  credential: TokenCredential;
  /** where the credential comes from, for messages: "the GitHub OIDC login (azure-client-id)" */
  source: string;
}

/**
 * A credential made at its first getToken: @azure/identity (with MSAL, most of a megabyte
 * bundled) is loaded by the runs that ask Azure for a token, not by every run that
 * might. A failure to make it is the failure of that getToken, and of every later one.
 */
export function lazyCredential(create: () => Promise<TokenCredential>): TokenCredential {
  let made: Promise<TokenCredential> | undefined;
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      made ??= create();
      return (await made).getToken(scopes, options);
    },
  };
}

/** Entra ID hosts whose metadata @azure/identity (MSAL) knows without asking the network */
const WELL_KNOWN_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'login.microsoftonline.us',
  'login.microsoftonline.de',
]);

/**
 * Options for every @azure/identity credential the front ends create, from the standard
 * `AZURE_AUTHORITY_HOST` (sovereign clouds, Azure Stack, a test authority). For a host
 * MSAL does not know, it would ask login.microsoftonline.com to validate it ("instance
 * discovery"), which a disconnected or sovereign environment cannot reach; such hosts are
 * trusted as configured, as Azure Stack's documentation asks.
 */
export function azureCredentialOptions(authorityHost: string | undefined): { authorityHost?: string; disableInstanceDiscovery?: boolean } {
  if (!authorityHost) return {};
  let host: string;
  try {
    host = new URL(authorityHost).hostname.toLowerCase();
  } catch {
    return { authorityHost };
  }
  return WELL_KNOWN_AUTHORITY_HOSTS.has(host) ? { authorityHost } : { authorityHost, disableInstanceDiscovery: true };
}
