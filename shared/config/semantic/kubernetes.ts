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
  if (checker.at([...kube, 'prometheus']) === undefined && checker.at(['rollout', 'analysis', 'probe']) === undefined) {
    checker.issue(
      ['target', 'kind'],
      `the kubernetes target needs metrics for the analysis: set rollout.analysis.probe (measured by modelship) or target.kubernetes.prometheus`,
    );
  }
}
