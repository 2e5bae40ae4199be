import { AzureLogin, azureCredentialOptions, lazyCredential } from './login';

/**
 * The Azure login when a front end has no login of its own: @azure/identity's
 * DefaultAzureCredential (environment variables AZURE_CLIENT_ID / AZURE_TENANT_ID /
 * AZURE_CLIENT_SECRET or a federated token file, workload identity, managed identity, then
 * the Azure CLI). The library reads those variables itself; `env` is the front end's view
 * of the environment, for the authority host.
 */
export function defaultAzureLogin(env: (name: string) => string | undefined): AzureLogin {
  const options = azureCredentialOptions(env('AZURE_AUTHORITY_HOST'));
  return {
    // made when a token is first asked for: most runs never load @azure/identity
    credential: lazyCredential(async () => {
      const { DefaultAzureCredential } = await import('@azure/identity');
      return new DefaultAzureCredential(options);
    }),
    source:
      'DefaultAzureCredential (AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, workload or managed identity, or the Azure CLI login)',
  };
}
