/**
 * A kubeconfig whose current context uses a bearer token instead of its user (for AKS
 * with Entra ID: the kubeconfig's user would run kubelogin). Plain data, so that it is
 * tested without a cluster; the other contexts and users are kept as they are.
 */
export interface KubeconfigData<C extends { name: string; user: string }, U extends { name: string }, K> {
  clusters: K[];
  users: U[];
  contexts: C[];
  currentContext: string;
}

export function withBearerToken<C extends { name: string; user: string }, U extends { name: string }, K>(
  kubeconfig: KubeconfigData<C, U, K>,
  token: string,
): KubeconfigData<C, U | { name: string; token: string }, K> {
  const current = kubeconfig.contexts.find((c) => c.name === kubeconfig.currentContext);
  if (!current) throw new Error(`the kubeconfig has no context '${kubeconfig.currentContext}'`);
  const userName = `modelship-entra-${current.name}`;
  return {
    clusters: kubeconfig.clusters,
    users: [...kubeconfig.users.filter((u) => u.name !== userName), { name: userName, token }],
    contexts: kubeconfig.contexts.map((c) => (c.name === current.name ? { ...c, user: userName } : c)),
    currentContext: kubeconfig.currentContext,
  };
}
