import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { StageError } from '../../errors';
import { withBearerToken } from './kubeconfig-token';

/**
 * How modelship reaches the cluster: a kubeconfig (a file, KUBECONFIG or
 * ~/.kube/config, and a context), the in-cluster service account, and for AKS with
 * Entra ID integration an Entra ID token that replaces the context's user.
 */
export interface ConnectionOptions {
  kubeconfig?: string;
  context?: string;
  auth: 'kubeconfig' | 'azure';
  env: (name: string) => string | undefined;
  azureCredential?: () => TokenCredential;
  setSecret: (value: string) => void;
  log?: (line: string) => void;
  /** how often the Entra ID token's expiry is checked (tests shorten it) */
  tokenCheckMs?: number;
}

/** an Entra ID token is replaced when it has less than this left */
const TOKEN_REFRESH_MARGIN_MS = 10 * 60_000;

/** the well-known application id of the AKS Entra ID server (the token's audience) */
export const AKS_ENTRA_SCOPE = '6dae42f8-4368-4678-94ff-3960e28e3630/.default';

export interface Connection {
  /** the loaded kubeconfig, for the API clients */
  kc: KubeConfig;
  /** namespace of the context, when it names one */
  namespace?: string;
  /** e.g. `context prod at https://…` or `in-cluster service account at https://…` */
  describe: string;
}

export async function connect(options: ConnectionOptions): Promise<Connection> {
  const kubeConfig = new KubeConfig();
  let source: string;
  // KUBECONFIG from the front end's environment (the task writes its own), not process.env
  const fromEnv = (options.env('KUBECONFIG') ?? '').split(path.delimiter).filter((f) => f !== '' && fs.existsSync(f));
  const home = path.join(os.homedir(), '.kube', 'config');
  try {
    if (options.kubeconfig) {
      kubeConfig.loadFromFile(options.kubeconfig);
      source = options.kubeconfig;
    } else if (fromEnv.length) {
      // as kubectl does: the files merged, the first one's current context wins
      kubeConfig.loadFromFile(fromEnv[0]);
      for (const file of fromEnv.slice(1)) {
        const more = new KubeConfig();
        more.loadFromFile(file);
        kubeConfig.mergeConfig(more, true);
      }
      source = `KUBECONFIG (${fromEnv.join(path.delimiter)})`;
    } else if (options.env('KUBERNETES_SERVICE_HOST')) {
      kubeConfig.loadFromCluster();
      source = 'the in-cluster service account';
    } else if (fs.existsSync(home)) {
      kubeConfig.loadFromFile(home);
      source = home;
    } else {
      throw new Error(
        `no kubeconfig: target.kubernetes.kubeconfig is not set, KUBECONFIG names no existing file${options.env('KUBECONFIG') ? ` (${options.env('KUBECONFIG')})` : ''}, ${home} does not exist, and this is not a pod (KUBERNETES_SERVICE_HOST is not set)`,
      );
    }
  } catch (err: unknown) {
    throw new StageError(
      'connecting to the cluster',
      err instanceof Error ? err.message : String(err),
      'target.kubernetes.kubeconfig, KUBECONFIG (azure/aks-set-context, a Kubernetes service connection), or run inside a cluster',
    );
  }
  if (options.context) {
    if (!kubeConfig.getContextObject(options.context)) {
      const known = kubeConfig.getContexts().map((c) => c.name);
      throw new StageError(
        'connecting to the cluster',
        `context '${options.context}' is not in ${source} (contexts: ${known.join(', ') || 'none'})`,
        'target.kubernetes.context',
      );
    }
    kubeConfig.setCurrentContext(options.context);
  }
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) {
    throw new StageError(
      'connecting to the cluster',
      `${source} has no cluster for context '${kubeConfig.getCurrentContext()}'`,
      'target.kubernetes.kubeconfig and target.kubernetes.context, or KUBECONFIG',
    );
  }
  const contextName = kubeConfig.getCurrentContext();
  registerUserSecrets(kubeConfig, options.setSecret);
  if (options.auth === 'azure') await useEntraToken(kubeConfig, options);
  const context = kubeConfig.getContextObject(contextName);
  return {
    kc: kubeConfig,
    namespace: context?.namespace,
    describe: `${contextName && contextName !== 'inClusterContext' ? `context ${contextName}` : source} at ${cluster.server}`,
  };
}

/**
 * The credentials of the current context's user, each registered as a secret so that no
 * log or error can show them: a token (inline or from its token-file), a password, the
 * client key (base64 data or a key file's contents).
 */
function registerUserSecrets(kubeConfig: KubeConfig, setSecret: (value: string) => void): void {
  const user = kubeConfig.getCurrentUser();
  if (!user) return;
  const values: Array<string | undefined> = [user.token, user.password, user.keyData];
  if (user.keyData) values.push(Buffer.from(user.keyData, 'base64').toString('utf8'));
  // client-node reads a token-file into `token` as it loads; a key file is read here
  try {
    if (user.keyFile) values.push(fs.readFileSync(user.keyFile, 'utf8'));
  } catch {
    // an unreadable file fails the connection later, with its own message
  }
  for (const value of values) {
    const trimmed = value?.trim();
    if (!trimmed) continue;
    setSecret(trimmed);
    // a PEM is logged line by line as often as whole: each line of its body too
    for (const line of trimmed.split('\n')) if (line.length >= 16 && !line.startsWith('-----')) setSecret(line.trim());
  }
}

/**
 * AKS with Entra ID integration: the kubeconfig's user runs kubelogin, which modelship
 * does not need; the same token comes from @azure/identity (workload identity, a service
 * principal, or az login) and replaces the user of the current context.
 */
async function useEntraToken(kubeConfig: KubeConfig, options: ConnectionOptions): Promise<void> {
  if (!options.azureCredential)
    throw new StageError(
      'connecting to the cluster',
      'target.kubernetes.auth is azure but no Azure credential is available',
      'sign in to Azure (azure/login, an AzureRM service connection, or AZURE_* variables)',
    );
  const credential = options.azureCredential();
  const fetchToken = async (): Promise<AccessToken> => {
    try {
      const accessToken = await credential.getToken(AKS_ENTRA_SCOPE);
      if (!accessToken) throw new Error('no token returned');
      options.setSecret(accessToken.token);
      return accessToken;
    } catch (err: unknown) {
      throw new StageError(
        'getting an Entra ID token for the AKS cluster',
        err instanceof Error ? err.message : String(err),
        'the Azure sign-in of this job, and that its identity has an AKS RBAC role on the cluster',
      );
    }
  };
  let current = await fetchToken();
  kubeConfig.loadFromOptions(
    withBearerToken(
      {
        clusters: kubeConfig.getClusters(),
        users: kubeConfig.getUsers(),
        contexts: kubeConfig.getContexts(),
        currentContext: kubeConfig.getCurrentContext(),
      },
      current.token,
    ),
  );
  // a long rollout outlives the token (about an hour): client-node reads the user's token at
  // every request, so replacing it in place renews every client made from this config
  const user = kubeConfig.getCurrentUser() as { token?: string } | null;
  let refreshing = false;
  const timer = setInterval(() => {
    if (refreshing || !user || current.expiresOnTimestamp - Date.now() > TOKEN_REFRESH_MARGIN_MS) return;
    refreshing = true;
    fetchToken()
      .then((renewed) => {
        current = renewed;
        user.token = renewed.token;
        options.log?.(`kubernetes: Entra ID token renewed (valid until ${new Date(renewed.expiresOnTimestamp).toISOString()})`);
      })
      .catch((err: unknown) =>
        options.log?.(`kubernetes: renewing the Entra ID token failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => (refreshing = false));
  }, options.tokenCheckMs ?? 60_000);
  timer.unref();
}
