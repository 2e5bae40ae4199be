import type { TokenCredential } from '@azure/core-auth';
import { AzureLogin } from './inputs';

/**
 * An Azure credential for the core from the AzureRM service connection. Workload identity
 * federation needs no stored secret: Azure DevOps issues an OIDC token for the service
 * connection (through System.AccessToken), which Azure AD exchanges for the app's token.
 */
export async function azureCredential(
  login: AzureLogin,
  options: { authorityHost?: string; disableInstanceDiscovery?: boolean } = {},
): Promise<TokenCredential> {
  // loaded here: only steps with an azureSubscription connection need @azure/identity
  const { AzurePipelinesCredential, ClientSecretCredential } = await import('@azure/identity');
  if (login.scheme === 'WorkloadIdentityFederation') {
    return new AzurePipelinesCredential(login.tenantId, login.clientId, login.connection, login.systemAccessToken, options);
  }
  return new ClientSecretCredential(login.tenantId, login.clientId, login.clientSecret, options);
}
