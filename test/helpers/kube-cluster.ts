import * as fs from 'node:fs';
import * as path from 'node:path';
import { dockerTestEnv } from './test-env';
import { LocalModelRegistry } from '../../shared/registry/local';
import { CliResult, runCli } from './cli';
import { TestProject } from './project';

/** A project on a Kubernetes cluster (the fake API server or a real one), driven through the CLI. */
export type Routing = 'replicas' | 'nginx-ingress' | 'gateway-api';

export interface ClusterUnderTest {
  kubeconfig: string;
  namespace: string;
  repository: string;
  baseImage: string;
  env: Record<string, string>;
}

export function configYaml(c: ClusterUnderTest, endpoint: string, routing: Routing, extra = ''): string {
  return `endpoint: ${endpoint}
model:
  name: test-model
serve:
  code: ./src
  readyTimeout: 40s
  baseImage: ${c.baseImage}
image:
  repository: ${c.repository}
target:
  kind: kubernetes
  kubernetes:
    kubeconfig: ${c.kubeconfig}
    namespace: ${c.namespace}
    routing: ${routing}
    replicas: 2
    leaseSeconds: 4
    # the fake's data plane applies changes at once unless a test says otherwise
    scaleDownDelay: 1s
    preStopDelay: 1s
${c.env.TEST_PULL_USERNAME ? '    pullCredential: { usernameEnv: TEST_PULL_USERNAME, passwordEnv: TEST_PULL_PASSWORD }\n' : ''}    resources: { cpu: 100m, memory: 128Mi }${routing === 'gateway-api' ? '\n    gateway: { name: shared, namespace: gateways }' : ''}${routing === 'nginx-ingress' ? '\n    ingress: { host: models.test }\n    autoscale: { min: 2, max: 4 }' : ''}${extra}
staging:
  smoke:
    repeat: 2
    cases:
      - { name: sum, request: smoke/request.json }
rollout:
  strategy: canary
  steps: [10, 50, 100]
  bake: 1s
  analysis:
    interval: 500ms
    minRequests: 5
    maxErrorRate: 0.05
    probe: { rate: 20 }
`;
}

export async function register(project: TestProject, model: string): Promise<string> {
  const registry = new LocalModelRegistry(path.join(project.dir, 'registry'));
  return (await registry.register({ name: 'test-model', source: project.models(model), tags: {} })).version;
}

export function cli(c: ClusterUnderTest, project: TestProject, args: string[], timeoutMs = 240_000): Promise<CliResult> {
  return runCli([...args, '--config', project.configFile], { cwd: project.dir, env: c.env, timeoutMs });
}

export function output(r: CliResult): string {
  return `${r.stdout}\n${r.stderr}`;
}

export function expectExit(r: CliResult, code: number): void {
  if (r.code !== code) throw new Error(`exit ${r.code}, expected ${code}:\n${output(r).slice(-6000)}`);
}

/**
 * The project settings for a fake API server: a kubeconfig for it, a repository of the test
 * registry, and the registry login twice (the runner pushes with one, the cluster pulls with
 * the pull credential, the same user here).
 */
export function fakeCluster(
  fake: { kubeconfig(o: { file: string; context: string; namespace: string }): string },
  repository: string,
): ClusterUnderTest {
  const env = dockerTestEnv();
  const kubeconfig = path.join(fs.mkdtempSync('/tmp/ms-kubeconfig-'), 'kubeconfig');
  fake.kubeconfig({ file: kubeconfig, context: 'fake', namespace: 'models' });
  return {
    kubeconfig,
    namespace: 'models',
    repository: `${env.registry}/modelship-tests/${repository}`,
    baseImage: env.baseImage,
    env: {
      MODELSHIP_REGISTRY_USERNAME: env.username,
      MODELSHIP_REGISTRY_PASSWORD: env.password,
      TEST_PULL_USERNAME: env.username,
      TEST_PULL_PASSWORD: env.password,
    },
  };
}
