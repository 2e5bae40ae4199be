import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runNode } from './cli';

/**
 * The bundled Azure Pipelines task (tasks/ModelshipV1/dist/main.js) run with node the way the
 * agent runs it: every input task.json declares as INPUT_<NAME> (its default unless the step
 * sets it), the service connections the step may use as ENDPOINT_* variables,
 * AGENT_TEMPDIRECTORY and SYSTEM_DEFAULTWORKINGDIRECTORY; bounded in time. The agent reads
 * `##vso[...]` logging commands from stdout; the run's outputs, result and summaries are
 * parsed from them.
 */
export const TASK_DIR = path.resolve(__dirname, '..', '..', 'tasks', 'ModelshipV1');
export const TASK_DIST = path.join(TASK_DIR, 'dist');

export interface TaskInputSpec {
  name: string;
  defaultValue?: string;
  /** e.g. string, pickList, connectedService:AzureRM */
  type?: string;
}

/** the inputs task.json declares, with their defaults */
export function declaredTaskInputs(taskDir = TASK_DIR): TaskInputSpec[] {
  return (JSON.parse(fs.readFileSync(path.join(taskDir, 'task.json'), 'utf8')) as { inputs: TaskInputSpec[] }).inputs;
}

export interface TaskRun {
  stdout: string;
  stderr: string;
  code: number;
  /** output variables set with ##vso[task.setvariable ...;isOutput=true] */
  outputs: Record<string, string>;
  /** the result and message of ##vso[task.complete] */
  complete?: { result: string; message: string };
  /** the files attached with ##vso[task.uploadsummary] */
  summaries: string[];
}

/**
 * A service connection as the agent hands it to a step that names it: ENDPOINT_URL_<id>,
 * ENDPOINT_AUTH_<id> (JSON of scheme and parameters), ENDPOINT_AUTH_SCHEME_<id>,
 * ENDPOINT_AUTH_PARAMETER_<id>_<KEY> and ENDPOINT_DATA_<id>_<KEY>.
 */
export interface ServiceConnection {
  /** the connection's id (a GUID; the step's input holds it) */
  id: string;
  url?: string;
  scheme: string;
  parameters: Record<string, string>;
  data?: Record<string, string>;
}

export function endpointEnv(c: ServiceConnection): Record<string, string> {
  const env: Record<string, string> = {
    [`ENDPOINT_AUTH_${c.id}`]: JSON.stringify({ parameters: c.parameters, scheme: c.scheme }),
    [`ENDPOINT_AUTH_SCHEME_${c.id}`]: c.scheme,
  };
  if (c.url !== undefined) env[`ENDPOINT_URL_${c.id}`] = c.url;
  for (const [k, v] of Object.entries(c.parameters)) env[`ENDPOINT_AUTH_PARAMETER_${c.id}_${k.toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(c.data ?? {})) env[`ENDPOINT_DATA_${c.id}_${k.toUpperCase()}`] = v;
  return env;
}

/** a Docker Registry service connection of type "Others" (user name and password) */
export function dockerRegistryConnection(o: { id: string; registry: string; username: string; password: string }): ServiceConnection {
  return {
    id: o.id,
    url: `https://${o.registry}/`,
    scheme: 'UsernamePassword',
    parameters: { username: o.username, password: o.password, registry: o.registry },
  };
}

/** an Azure Resource Manager service connection, with workload identity federation or a service principal secret */
export function azureRmConnection(
  o: { id: string; tenantId: string; clientId: string; subscriptionId: string; subscriptionName?: string } & (
    { scheme: 'WorkloadIdentityFederation'; issuer: string; subject: string } | { scheme: 'ServicePrincipal'; clientSecret: string }
  ),
): ServiceConnection {
  const parameters: Record<string, string> =
    o.scheme === 'WorkloadIdentityFederation'
      ? {
          tenantid: o.tenantId,
          serviceprincipalid: o.clientId,
          workloadIdentityFederationIssuer: o.issuer,
          workloadIdentityFederationSubject: o.subject,
        }
      : { tenantid: o.tenantId, serviceprincipalid: o.clientId, authenticationType: 'spnKey', serviceprincipalkey: o.clientSecret };
  return {
    id: o.id,
    url: 'https://management.azure.com/',
    scheme: o.scheme,
    parameters,
    data: {
      subscriptionId: o.subscriptionId,
      subscriptionName: o.subscriptionName ?? 'test subscription',
      environment: 'AzureCloud',
      scopeLevel: 'Subscription',
      creationMode: 'Manual',
    },
  };
}

/** a logging command's data, unescaped as the agent does (the task library escapes % as %AZP25) */
export function unescapeData(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%AZP25/g, '%');
}

/** the logging commands the agent acts on: it reads the first `##vso[` of a line, and ignores the rest of that line */
export function commandsOf(stdout: string): string[] {
  return stdout.split('\n').flatMap((l) => {
    const m = /##vso\[([a-z.]+)/.exec(l);
    return m ? [m[1]] : [];
  });
}

/** `base` without anything a real agent around the tests could have set */
export function cleanEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!/^(INPUT_|ENDPOINT_|SECRET_|AGENT_|SYSTEM_|BUILD_|TF_BUILD|VSTS_)/.test(k)) env[k] = v;
  return env;
}

export interface TaskOptions {
  /** the working directory and SYSTEM_DEFAULTWORKINGDIRECTORY */
  cwd: string;
  /** the step's `inputs:` (service connection inputs hold the connection's id) */
  inputs: Record<string, string>;
  /** the service connections the agent passes to the step */
  connections?: ServiceConnection[];
  /** the environment the agent starts from (default this process's); agent variables in it are dropped */
  baseEnv?: NodeJS.ProcessEnv;
  /** more environment: the step's `env:`, system variables (e.g. SYSTEM_OIDCREQUESTURI) */
  env?: Record<string, string>;
  /** the bundle's folder (default the committed tasks/ModelshipV1/dist) */
  dist?: string;
  /** the step is killed (SIGKILL) after this long; default 180 s */
  timeoutMs?: number;
}

export async function runTask(opts: TaskOptions): Promise<TaskRun> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-agent-temp-'));
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(opts.baseEnv),
    TF_BUILD: 'True',
    AGENT_TEMPDIRECTORY: temp,
    SYSTEM_DEFAULTWORKINGDIRECTORY: opts.cwd,
  };
  for (const c of opts.connections ?? []) Object.assign(env, endpointEnv(c));
  Object.assign(env, opts.env);
  // as the agent does: every declared input, with its default unless the step sets it
  for (const i of declaredTaskInputs())
    env[`INPUT_${i.name.replace(/[ .]/g, '_').toUpperCase()}`] = opts.inputs[i.name] ?? i.defaultValue ?? '';
  const { stdout, stderr, code } = await runNode(path.join(opts.dist ?? TASK_DIST, 'main.js'), [], {
    cwd: opts.cwd,
    env,
    timeoutMs: opts.timeoutMs ?? 180_000,
  });
  const outputs: Record<string, string> = {};
  for (const m of stdout.matchAll(/^##vso\[task\.setvariable variable=([^;\]]+);isOutput=true;issecret=false;\](.*)$/gm))
    outputs[m[1]] = unescapeData(m[2]);
  const complete = /^##vso\[task\.complete result=([A-Za-z]+);\](.*)$/m.exec(stdout);
  const summaries = [...stdout.matchAll(/^##vso\[task\.uploadsummary\](.*)$/gm)].map((m) => unescapeData(m[1]));
  return {
    stdout,
    stderr,
    code,
    outputs,
    complete: complete ? { result: complete[1], message: unescapeData(complete[2]) } : undefined,
    summaries,
  };
}
