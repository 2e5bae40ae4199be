import { DefaultAzureCredential } from '@azure/identity';
import { AzureLogin, azureCredentialOptions } from './login';

/**
 * The Azure login when a front end has no login of its own: @azure/identity's
 * DefaultAzureCredential (environment variables AZURE_CLIENT_ID / AZURE_TENANT_ID /
 * AZURE_CLIENT_SECRET or a federated token file, workload identity, managed identity, then
 * the Azure CLI). The library reads those variables itself; `env` is the front end's view
 * of the environment, for the authority host.
 */
export function defaultAzureLogin(env: (name: string) => string | undefined): AzureLogin {
  return {
    credential: new DefaultAzureCredential(azureCredentialOptions(env('AZURE_AUTHORITY_HOST'))),
    source:
      'DefaultAzureCredential (AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, workload or managed identity, or the Azure CLI login)',
  };
}
