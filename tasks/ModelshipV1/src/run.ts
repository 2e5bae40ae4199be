import { AzureLogin, azureCredentialOptions } from '../../../shared/azure/login';
import { defaultAzureLogin } from '../../../shared/azure/default-login';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tl from 'azure-pipelines-task-lib/task';
import YAML from 'yaml';
import { CommandRun } from '../../../shared/command';
import { ModelshipConfig } from '../../../shared/config/types';
import { errorMessage } from '../../../shared/errors';
import { openStep, publishStepOutputs, runStepCommand } from '../../../shared/front-end';
import { renderTimeline } from '../../../shared/report/timeline';
import { parseAzureDevOpsPayload } from '../../../shared/trigger/azure-devops';
import { AzureDevOpsHost } from './ado-host';
import { azureCredential } from './azure';
import { TaskInputs } from './inputs';
import { fail, output } from './outputs';

/** the task's own notes on top of the credentials every step hands the core */
function noteConnections(inputs: TaskInputs, config: ModelshipConfig, host: AzureDevOpsHost): void {
  if (inputs.registry) {
    host.info(
      `container registry: user ${inputs.registry.username} from service connection ${inputs.registry.connection}${inputs.registry.server ? ` (${inputs.registry.server})` : ''}`,
    );
  }
  if (inputs.kubernetes && config.target.kind !== 'kubernetes') {
    host.info(`kubernetesServiceConnection ${inputs.kubernetes.connection}: not used by target.kind ${config.target.kind}`);
  }
}

/**
 * The Kubernetes service connection as a kubeconfig file of this step (mode 0600, in the
 * agent's temp folder), handed to the core as KUBECONFIG. target.kubernetes.kubeconfig in
 * the config file still wins.
 */
function useKubernetesConnection(inputs: TaskInputs, config: ModelshipConfig, host: AzureDevOpsHost, env: Record<string, string>): void {
  const kubernetes = inputs.kubernetes;
  if (!kubernetes || config.target.kind !== 'kubernetes') return;
  const file = path.join(stepTempDir(), 'kubeconfig');
  let text: string;
  if (kubernetes.type === 'Kubeconfig') {
    const doc = YAML.parse(kubernetes.kubeconfig) as Record<string, unknown>;
    if (kubernetes.context) doc['current-context'] = kubernetes.context;
    text = YAML.stringify(doc);
  } else {
    text = YAML.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: kubernetes.connection,
          cluster: {
            server: kubernetes.server,
            ...(kubernetes.certificateAuthorityData ? { 'certificate-authority-data': kubernetes.certificateAuthorityData } : {}),
            // the connection's "Accept untrusted certificates" box
            ...(kubernetes.acceptUntrustedCerts ? { 'insecure-skip-tls-verify': true } : {}),
          },
        },
      ],
      users: [{ name: kubernetes.connection, user: { token: kubernetes.token } }],
      contexts: [{ name: kubernetes.connection, context: { cluster: kubernetes.connection, user: kubernetes.connection } }],
      'current-context': kubernetes.connection,
    });
  }
  fs.writeFileSync(file, text, { mode: 0o600 });
  env.KUBECONFIG = file;
  host.info(
    `Kubernetes: ${kubernetes.type} login from service connection ${kubernetes.connection}${config.target.kubernetes?.kubeconfig ? ' (target.kubernetes.kubeconfig in the config file takes precedence)' : ''}`,
  );
}

/** a folder of this step's own under the agent's temp folder (cleaned by the agent after the job) */
function stepTempDir(): string {
  const base = tl.getVariable('Agent.TempDirectory') || os.tmpdir();
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, 'modelship-'));
}

/**
 * The task once its inputs are read (main.ts loads this module only then): load the
 * config, give the core its environment and credentials, run the command with the
 * shared core, and map the outcome to output variables, the summary and the result.
 */
export async function runTask(inputs: TaskInputs, host: AzureDevOpsHost, env: Record<string, string>): Promise<void> {
  const step = { workingDirectory: inputs.workingDirectory, configFile: inputs.configFile, names: inputNames };
  const opened = await openStep(step, inputs, host, env);
  if (!opened.ok) return fail(opened.message);
  const config = opened.config;
  noteConnections(inputs, config, host);
  useKubernetesConnection(inputs, config, host, env);

  let azureLogin: () => AzureLogin = () => defaultAzureLogin((n) => host.env(n));
  if (inputs.azure) {
    const login = inputs.azure;
    try {
      const credential = await azureCredential(login, azureCredentialOptions(host.env('AZURE_AUTHORITY_HOST')));
      azureLogin = () => ({
        credential,
        source: `the Azure Resource Manager service connection ${login.connection} (${login.scheme}, client ${login.clientId})`,
      });
    } catch (err: unknown) {
      return fail(host.masker.mask(`Azure login with service connection ${inputs.azure.connection}: ${errorMessage(err)}`));
    }
    host.info(
      `Azure: ${inputs.azure.scheme} login as client ${inputs.azure.clientId} in tenant ${inputs.azure.tenantId} (service connection ${inputs.azure.connection})`,
    );
  }

  const options = { modelVersion: inputs.modelVersion, force: inputs.force, azureLogin };
  const run = await runStepCommand(inputs.command, config, host, options, 'modelVersion', () =>
    parseAzureDevOpsPayload(inputs.webhookPayload),
  );
  if (!run.ok) return fail(host.masker.mask(run.message));
  publish(run, host);
}

/** the names of the task's inputs that messages of the core mention */
const inputNames = { workingDirectory: 'workingDirectory', endpointKey: 'endpointKey' };

/** the task's output variable names (task.json) for the values of a run */
const OUTPUT_NAMES = {
  result: 'result',
  newVersion: 'newVersion',
  modelName: 'modelName',
  modelVersion: 'modelVersion',
  image: 'image',
  digest: 'digest',
} as const;

function publish(run: Extract<CommandRun, { ok: true }>, host: AzureDevOpsHost): void {
  const { ctx, outcome } = run;
  publishStepOutputs(run, OUTPUT_NAMES, output);

  const dir = stepTempDir();
  const reportFile = path.join(dir, 'modelship-report.json');
  fs.writeFileSync(reportFile, run.reportJson + '\n');
  output('report', reportFile);

  const timeline = renderTimeline(ctx.report);
  const summary = host.masker.mask(`${timeline ? `${run.markdown}\n\n${timeline}` : run.markdown}\n`);
  // the agent names the summary section after the file
  const summaryFile = path.join(dir, `modelship ${ctx.report.command}.md`);
  fs.writeFileSync(summaryFile, summary);
  tl.uploadSummary(summaryFile);

  if (run.exitCode !== 0)
    tl.setResult(tl.TaskResult.Failed, host.masker.mask(outcome.reason ?? `modelship ${ctx.report.command}: ${outcome.result}`));
  else tl.setResult(tl.TaskResult.Succeeded, `modelship ${ctx.report.command}: ${outcome.result}`);
}
