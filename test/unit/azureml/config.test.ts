import * as fs from 'node:fs';
import { configIssues } from '../../helpers/config-issues';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigText } from '../../../shared/config/load';
import { parseDuration } from '../../../shared/config/duration';
import schema from '../../../shared/config/modelship.schema.json';

/** target.kind: azureml in modelship.yaml: defaults, the workspace from the registry, and errors that name the file, line and key */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-azureml-config-'));
fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
fs.writeFileSync(path.join(dir, 'src', 'score.py'), 'def init():\n    pass\n');
const file = path.join(dir, 'modelship.yaml');
const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

const BASE = `endpoint: diabetes
model:
  name: diabetes-model
serve:
  code: ./src
image:
  repository: myregistry.azurecr.io/models/diabetes
`;
const WORKSPACE = `    subscriptionId: ${SUBSCRIPTION}
    resourceGroup: ml-rg
    workspace: prod-ws
`;

const issues = (yaml: string): string[] => configIssues(yaml, file);

type SchemaNode = { default?: unknown; properties?: Record<string, SchemaNode> };
const targetSchema = (schema.properties.target.properties as Record<string, SchemaNode>).azureml;

describe('target.kind: azureml', () => {
  it('resolves every documented default', () => {
    const { config } = loadConfigText(`${BASE}target:\n  kind: azureml\n  azureml:\n${WORKSPACE}`, file);
    const props = targetSchema.properties ?? {};
    const ms = (key: string, node: Record<string, SchemaNode>) => parseDuration(String(node[key].default));
    const probe = (name: string) => {
      const p = props[name].properties ?? {};
      return {
        initialDelay: ms('initialDelay', p),
        period: ms('period', p),
        timeout: ms('timeout', p),
        failureThreshold: p.failureThreshold.default,
        successThreshold: p.successThreshold.default,
      };
    };
    const request = props.requestSettings.properties ?? {};
    const metrics = props.metrics.properties ?? {};
    expect(config.target.azureml).toStrictEqual({
      subscriptionId: SUBSCRIPTION,
      resourceGroup: 'ml-rg',
      workspace: 'prod-ws',
      resourceManagerUrl: props.resourceManagerUrl.default,
      instanceType: props.instanceType.default,
      instanceCount: props.instanceCount.default,
      authMode: props.authMode.default,
      requestTimeout: ms('requestTimeout', request),
      maxConcurrentRequestsPerInstance: request.maxConcurrentRequestsPerInstance.default,
      livenessProbe: probe('livenessProbe'),
      readinessProbe: probe('readinessProbe'),
      stagingEndpoint: props.stagingEndpoint.default,
      provisioningTimeout: ms('provisioningTimeout', props),
      pollInterval: ms('pollInterval', props),
      lockTtl: ms('lockTtl', props),
      metrics: { source: metrics.source.default, ingestionDelay: ms('ingestionDelay', metrics) },
    });
  });

  it('takes the workspace of an Azure ML workspace registry', () => {
    const { config } = loadConfigText(
      `${BASE.replace('model:\n', `model:\n  registry: azureml\n  azureml: { subscriptionId: ${SUBSCRIPTION}, resourceGroup: reg-rg, workspace: models-ws }\n`)}target:\n  kind: azureml\n`,
      file,
    );
    expect(config.target.azureml).toMatchObject({ subscriptionId: SUBSCRIPTION, resourceGroup: 'reg-rg', workspace: 'models-ws' });
  });

  it('reads every setting as written', () => {
    const { config } = loadConfigText(
      `${BASE}target:
  kind: azureml
  azureml:
${WORKSPACE}    resourceManagerUrl: https://management.chinacloudapi.cn/
    instanceType: Standard_F4s_v2
    instanceCount: 3
    authMode: aml_token
    requestSettings: { requestTimeout: 90s, maxConcurrentRequestsPerInstance: 4 }
    readinessProbe: { initialDelay: 500ms, period: 2s, timeout: 1s, failureThreshold: 5 }
    environment: azureml:serving:7
    stagingEndpoint: true
    provisioningTimeout: 45m
    pollInterval: 2s
    lockTtl: 2h
    metrics: { source: probe, ingestionDelay: 5m }
`,
      file,
    );
    expect(config.target.azureml).toMatchObject({
      resourceManagerUrl: 'https://management.chinacloudapi.cn',
      instanceType: 'Standard_F4s_v2',
      instanceCount: 3,
      authMode: 'aml_token',
      requestTimeout: 90_000,
      maxConcurrentRequestsPerInstance: 4,
      readinessProbe: { initialDelay: 500, period: 2000, timeout: 1000, failureThreshold: 5, successThreshold: 1 },
      environment: 'azureml:serving:7',
      stagingEndpoint: true,
      provisioningTimeout: 45 * 60_000,
      pollInterval: 2000,
      lockTtl: 2 * 3_600_000,
      metrics: { source: 'probe', ingestionDelay: 5 * 60_000 },
    });
  });

  it('names the file, line and key of a wrong setting', () => {
    expect(issues(`${BASE}target:\n  kind: azureml\n  azureml:\n${WORKSPACE}    authMode: token\n    instanceCount: 0\n`)).toEqual([
      `${file}:14:15 target.azureml.authMode: must be one of: key, aml_token, aad_token (got 'token')`,
      `${file}:15:20 target.azureml.instanceCount: must be an integer from 1 to 100 (got 0)`,
    ]);
    expect(issues(`${BASE}target:\n  kind: azureml\n  azureml:\n${WORKSPACE}    environment: serving:3\n`)).toEqual([
      `${file}:14:18 target.azureml.environment: must be azureml:<name>:<version> or the ARM id of an environment version (got 'serving:3')`,
    ]);
  });

  it('warns when a step is too short for Azure Monitor to publish a minute of it', () => {
    const { warnings } = loadConfigText(`${BASE}target:\n  kind: azureml\n  azureml:\n${WORKSPACE}rollout:\n  bake: 2m\n`, file);
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      expect.stringMatching(
        /^rollout\.bake: a step bakes 120s, less than Azure Monitor's one-minute grain plus .*ingestionDelay \(180s\).*Bake at least 5m/,
      ),
    ]);
    expect(loadConfigText(`${BASE}target:\n  kind: azureml\n  azureml:\n${WORKSPACE}rollout:\n  bake: 5m\n`, file).warnings).toEqual([]);
    const probeOnly = `${BASE}target:\n  kind: azureml\n  azureml:\n${WORKSPACE}    metrics: { source: probe }\nrollout:\n  bake: 30s\n`;
    expect(loadConfigText(probeOnly, file).warnings).toEqual([]);
  });
});
