import * as core from '@actions/core';
import type { TokenCredential } from '@azure/core-auth';
import { errorMessage } from '../../../shared/errors';

/**
 * Azure login without a stored secret: the job's GitHub OIDC token is the client
 * assertion of a federated credential on the app registration (or managed identity)
 * named by azure-client-id.
 */
export const AZURE_AUDIENCE = 'api://AzureADTokenExchange';

export class OidcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OidcError';
  }
}

/** the job's OIDC token for Azure; every token is a secret */
async function githubIdToken(setSecret: (value: string) => void): Promise<string> {
  try {
    const token = await core.getIDToken(AZURE_AUDIENCE);
    setSecret(token);
    return token;
  } catch (err: unknown) {
    const msg = errorMessage(err);
    // the runner sets these two variables only for jobs allowed to request a token
    if (/ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/.test(msg)) {
      throw new OidcError(
        'Azure login with OIDC needs a GitHub ID token, and this job may not request one: add `permissions: id-token: write` to the workflow (or to the job)',
      );
    }
    throw new OidcError(`Azure login with OIDC: getting the GitHub ID token failed: ${msg}`);
  }
}

/**
 * A credential for the core. One token is requested now, so that a missing permission
 * fails the step at once instead of in the middle of a build; Azure AD gets a fresh one
 * each time it needs an assertion (GitHub's tokens are short-lived).
 */
export async function azureOidcCredential(
  login: { clientId: string; tenantId: string },
  setSecret: (value: string) => void,
  options: { authorityHost?: string; disableInstanceDiscovery?: boolean } = {},
): Promise<TokenCredential> {
  await githubIdToken(setSecret);
  // loaded here: only steps with an Azure login need @azure/identity
  const { ClientAssertionCredential } = await import('@azure/identity');
  return new ClientAssertionCredential(login.tenantId, login.clientId, () => githubIdToken(setSecret), options);
}
