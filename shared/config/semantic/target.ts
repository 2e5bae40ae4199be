import { Checker } from './checker';
import { checkAzuremlTarget } from './azureml-target';
import { checkKubernetes } from './kubernetes';

/** the targets this version can deploy to (the schema also names the planned ones, for editors) */
const AVAILABLE_TARGETS = ['local', 'kubernetes', 'azureml'];

export function checkTargetKind(checker: Checker): void {
  const kind = checker.ok(['target', 'kind']);
  if (typeof kind === 'string' && !AVAILABLE_TARGETS.includes(kind)) {
    checker.issue(['target', 'kind'], `target '${kind}' is not available in this version (available: ${AVAILABLE_TARGETS.join(', ')})`);
  }
}

/** target: the kubernetes and azureml blocks, then the local target's runtime and ports */
export function checkTarget(checker: Checker): void {
  checkKubernetes(checker);
  checkAzuremlTarget(checker);
  const runtime = checker.ok(['target', 'local', 'runtime']);
  if (runtime === 'docker' && checker.at(['image']) === undefined) {
    checker.issue(
      ['target', 'local', 'runtime'],
      `runtime 'docker' needs an image repository (add image: { repository: localhost:5000/models/<name> })`,
    );
  }
  const port = checker.effective(['target', 'local', 'port']);
  if (typeof port !== 'number') return;
  const stagingPort = checker.ok(['target', 'local', 'stagingPort']);
  if (typeof stagingPort === 'number' && stagingPort === port) {
    checker.issue(['target', 'local', 'stagingPort'], `must differ from port (both are ${port})`);
  } else if (checker.at(['target', 'local', 'stagingPort']) === undefined && port === 65535) {
    // stagingPort's default depends on port: resolve.ts computes it, port + 1
    checker.issue(
      ['target', 'local', 'port'],
      `leaves no room for the default stagingPort, port + 1 = 65536 (set target.local.stagingPort)`,
    );
  }
}
