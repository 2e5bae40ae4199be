import { AzurePipelinesCredential, ClientSecretCredential, TokenCredential } from '@azure/identity';
import { AzureLogin } from './inputs';

/**
 * An Azure credential for the core from the AzureRM service connection. Workload identity
 * federation needs no stored secret: Azure DevOps issues an OIDC token for the service
 * connection (through System.AccessToken), which Azure AD exchanges for the app's token.
 */
export function azureCredential(
  login: AzureLogin,
  options: { authorityHost?: string; disableInstanceDiscovery?: boolean } = {},
): TokenCredential {
  if (login.scheme === 'WorkloadIdentityFederation') {
    return new AzurePipelinesCredential(login.tenantId, login.clientId, login.connection, login.systemAccessToken, options);
  }
  return new ClientSecretCredential(login.tenantId, login.clientId, login.clientSecret, options);
}
