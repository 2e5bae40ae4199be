/**
 * The environment of the processes the local target starts (the endpoint host, and the
 * scoring processes that run the user's model code). A CI runner's environment is full of
 * credentials (GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN, SYSTEM_ACCESSTOKEN, AZURE_CLIENT_SECRET,
 * the registry password): none of them may reach model code. So the children get an
 * allowlist, not the runner's environment: what a Python or Node process needs to run
 * (paths, locale, temp folders, CA bundles, proxies, thread settings), plus the variables the
 * user names in target.local.passEnv.
 */
const ALLOWED = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  'TERM',
  'HOSTNAME',
  'LD_LIBRARY_PATH',
  'NODE_OPTIONS',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'VIRTUAL_ENV',
  'CONDA_PREFIX',
  'CONDA_DEFAULT_ENV',
  'DOCKER_HOST',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CONFIG',
  'XDG_RUNTIME_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
]);

/** families of harmless settings: locale, Python's own, numeric libraries' threads, GPUs, the test suite's guard */
const ALLOWED_PREFIXES = ['LC_', 'PYTHON', 'OMP_', 'MKL_', 'OPENBLAS_', 'CUDA_', 'NVIDIA_', 'MODELSHIP_TEST_'];

/** the registry login the endpoint host needs to pull images (docker runtime); never its deployments */
export const REGISTRY_CREDENTIAL_VARS = ['MODELSHIP_REGISTRY_USERNAME', 'MODELSHIP_REGISTRY_PASSWORD'] as const;

export function isAllowedVariable(name: string): boolean {
  return ALLOWED.has(name) || ALLOWED_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** the allowlisted part of `env`, plus the variables named in `pass` that are set */
export function safeEnvironment(env: Record<string, string | undefined>, pass: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const extra = new Set(pass);
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && (isAllowedVariable(name) || extra.has(name))) out[name] = value;
  }
  return out;
}
