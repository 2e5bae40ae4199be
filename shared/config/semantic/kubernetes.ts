import { Checker } from './checker';

/** target.kubernetes: read with target.kind kubernetes only; routing decides which blocks apply */
export function checkKubernetes(checker: Checker): void {
  const kube = ['target', 'kubernetes'];
  if (checker.at(['target', 'kind']) !== 'kubernetes') {
    if (checker.at(kube) !== undefined) checker.issue(kube, `is only read when target.kind is 'kubernetes'`);
    return;
  }
  if (checker.at(['image']) === undefined) {
    checker.issue(
      ['target', 'kind'],
      `target 'kubernetes' runs images: add image: { repository: <registry>/<path> } (a registry the cluster can pull from)`,
    );
  }
  const kubeconfig = checker.ok([...kube, 'kubeconfig']);
  if (typeof kubeconfig === 'string') checker.checkPath([...kube, 'kubeconfig'], kubeconfig, 'file');
  // a routing the schema refused is checked as the default one
  const routing = checker.ok([...kube, 'routing']) ?? checker.defaults.at([...kube, 'routing']);
  if (routing === 'replicas' && checker.at([...kube, 'autoscale']) !== undefined) {
    checker.issue(
      [...kube, 'autoscale'],
      `cannot be used with routing 'replicas', where replica counts are the traffic split (use routing 'nginx-ingress' or 'gateway-api')`,
    );
  }
  const min = checker.ok([...kube, 'autoscale', 'min']);
  const max = checker.ok([...kube, 'autoscale', 'max']);
  if (typeof min === 'number' && typeof max === 'number' && min > max)
    checker.issue([...kube, 'autoscale', 'min'], `must be at most autoscale.max (${max})`);
  if (routing === 'gateway-api' && checker.at([...kube, 'gateway']) === undefined) {
    checker.issue(
      [...kube, 'routing'],
      `routing 'gateway-api' needs target.kubernetes.gateway: { name: <Gateway>, namespace: <its namespace> }`,
    );
  }
  if (routing !== 'gateway-api' && checker.at([...kube, 'gateway']) !== undefined)
    checker.issue([...kube, 'gateway'], `is only read with routing 'gateway-api'`);
  if (routing !== 'nginx-ingress' && checker.at([...kube, 'ingress']) !== undefined)
    checker.issue([...kube, 'ingress'], `is only read with routing 'nginx-ingress'`);
  const mirror = checker.ok(['rollout', 'mirror']);
  if (typeof mirror === 'number' && mirror > 0 && routing !== 'gateway-api') {
    checker.issue(
      ['rollout', 'mirror'],
      `routing '${typeof routing === 'string' ? routing : JSON.stringify(routing)}' cannot mirror a share of requests (only 'gateway-api' can); use rollout.analysis.probe for preview traffic`,
    );
  }
  const prometheus = [...kube, 'prometheus'];
  if (checker.at(prometheus) === undefined && checker.at(['rollout', 'analysis', 'probe']) === undefined) {
    checker.issue(
      ['target', 'kind'],
      `the kubernetes target needs metrics for the analysis: set rollout.analysis.probe (measured by modelship) or target.kubernetes.prometheus`,
    );
  } else if (checker.at(prometheus) === undefined) {
    checker.warn(
      ['rollout', 'analysis', 'probe'],
      `without target.kubernetes.prometheus the analysis sees only modelship's probe traffic (replayed smoke bodies), not live requests: a version that fails only on some real inputs can pass`,
    );
  }
  if (routing === 'replicas' && checker.at(prometheus) !== undefined) {
    const missing = ['requests', 'errors', 'latencyBuckets'].filter((q) => checker.at([...prometheus, 'queries', q]) === undefined);
    if (missing.length)
      checker.issue(
        [...prometheus],
        `routing 'replicas' has no ingress or gateway whose series could be read by default: set queries.${missing.join(', queries.')} (per-pod series of your model server or service mesh)`,
      );
  }
  const pull = [...kube, 'pullCredential'];
  if (checker.at(pull) !== undefined) {
    const reuse = checker.at([...pull, 'reusePushCredentials']) === true;
    const named = ['usernameEnv', 'passwordEnv'].filter((k) => checker.at([...pull, k]) !== undefined);
    if (reuse && named.length)
      checker.issue(pull, `set either usernameEnv and passwordEnv (a pull-only token) or reusePushCredentials: true, not both`);
    else if (!reuse && named.length !== 2)
      checker.issue(
        pull,
        `needs both usernameEnv and passwordEnv (the variables holding a pull-only token), or reusePushCredentials: true`,
      );
  }
  const drain = checker.durationMs([...kube, 'scaleDownDelay']);
  if (drain !== undefined && drain > 3_600_000) checker.issue([...kube, 'scaleDownDelay'], `must be at most 1h`);
  const preStop = checker.durationMs([...kube, 'preStopDelay']);
  if (preStop !== undefined && preStop > 300_000)
    checker.issue([...kube, 'preStopDelay'], `must be at most 5m (it delays every pod's stop)`);
}
