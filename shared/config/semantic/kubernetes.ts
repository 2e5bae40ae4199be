import { Checker } from './checker';

/** target.kubernetes: read with target.kind kubernetes only; routing decides which blocks apply */
export function checkKubernetes(c: Checker): void {
  const k = ['target', 'kubernetes'];
  if (c.at(['target', 'kind']) !== 'kubernetes') {
    if (c.at(k) !== undefined) c.issue(k, `is only read when target.kind is 'kubernetes'`);
    return;
  }
  if (c.at(['image']) === undefined) {
    c.issue(
      ['target', 'kind'],
      `target 'kubernetes' runs images: add image: { repository: <registry>/<path> } (a registry the cluster can pull from)`,
    );
  }
  const kubeconfig = c.ok([...k, 'kubeconfig']);
  if (typeof kubeconfig === 'string') c.checkPath([...k, 'kubeconfig'], kubeconfig, 'file');
  // a routing the schema refused is checked as the default one
  const routing = c.ok([...k, 'routing']) ?? c.defaults.at([...k, 'routing']);
  if (routing === 'replicas' && c.at([...k, 'autoscale']) !== undefined) {
    c.issue(
      [...k, 'autoscale'],
      `cannot be used with routing 'replicas', where replica counts are the traffic split (use routing 'nginx-ingress' or 'gateway-api')`,
    );
  }
  const min = c.ok([...k, 'autoscale', 'min']);
  const max = c.ok([...k, 'autoscale', 'max']);
  if (typeof min === 'number' && typeof max === 'number' && min > max)
    c.issue([...k, 'autoscale', 'min'], `must be at most autoscale.max (${max})`);
  if (routing === 'gateway-api' && c.at([...k, 'gateway']) === undefined) {
    c.issue([...k, 'routing'], `routing 'gateway-api' needs target.kubernetes.gateway: { name: <Gateway>, namespace: <its namespace> }`);
  }
  if (routing !== 'gateway-api' && c.at([...k, 'gateway']) !== undefined)
    c.issue([...k, 'gateway'], `is only read with routing 'gateway-api'`);
  if (routing !== 'nginx-ingress' && c.at([...k, 'ingress']) !== undefined)
    c.issue([...k, 'ingress'], `is only read with routing 'nginx-ingress'`);
  const mirror = c.ok(['rollout', 'mirror']);
  if (typeof mirror === 'number' && mirror > 0 && routing !== 'gateway-api') {
    c.issue(
      ['rollout', 'mirror'],
      `routing '${typeof routing === 'string' ? routing : JSON.stringify(routing)}' cannot mirror a share of requests (only 'gateway-api' can); use rollout.analysis.probe for preview traffic`,
    );
  }
  if (c.at([...k, 'prometheus']) === undefined && c.at(['rollout', 'analysis', 'probe']) === undefined) {
    c.issue(
      ['target', 'kind'],
      `the kubernetes target needs metrics for the analysis: set rollout.analysis.probe (measured by modelship) or target.kubernetes.prometheus`,
    );
  }
}
