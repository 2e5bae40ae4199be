import { REGISTRY_CREDENTIAL_VARS, safeEnvironment } from '../../shared/targets/local/child-env';

/** what the local target's child processes (endpoint host, model code) get of the runner's environment */
describe('safeEnvironment', () => {
  const runner = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    PYTHONPATH: '/opt/lib',
    OMP_NUM_THREADS: '2',
    HTTPS_PROXY: 'http://proxy:3128',
    NODE_EXTRA_CA_CERTS: '/etc/ca.pem',
    GITHUB_TOKEN: 'ghs_secret',
    ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
    SYSTEM_ACCESSTOKEN: 'ado-secret',
    AZURE_CLIENT_SECRET: 'azure-secret',
    AWS_SECRET_ACCESS_KEY: 'aws-secret',
    MODELSHIP_REGISTRY_USERNAME: 'ci',
    MODELSHIP_REGISTRY_PASSWORD: 'registry-secret',
    FEATURE_STORE_URL: 'https://features',
    UNSET: undefined,
  };

  it('keeps what a process needs to run and drops every credential', () => {
    expect(safeEnvironment(runner)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      PYTHONPATH: '/opt/lib',
      OMP_NUM_THREADS: '2',
      HTTPS_PROXY: 'http://proxy:3128',
      NODE_EXTRA_CA_CERTS: '/etc/ca.pem',
    });
  });

  it('adds the variables the user passes, and the registry login only when asked', () => {
    expect(safeEnvironment(runner, ['FEATURE_STORE_URL', 'NOT_SET'])).toMatchObject({ FEATURE_STORE_URL: 'https://features' });
    expect(safeEnvironment(runner, ['FEATURE_STORE_URL'])).not.toHaveProperty('MODELSHIP_REGISTRY_PASSWORD');
    expect(safeEnvironment(runner, REGISTRY_CREDENTIAL_VARS)).toMatchObject({ MODELSHIP_REGISTRY_PASSWORD: 'registry-secret' });
  });
});
