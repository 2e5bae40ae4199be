import { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import { mintFakeAccessToken } from '../../contract/fakes/fake-azureml';
import { BIN, CliResult, runCli, runNode } from '../cli';
import { TestProject, makeProject } from '../project';
import { dockerTestEnv } from '../test-env';
import { AzureWorld, TENANT_ID } from './azure-world';
import { testCa } from './test-ca';

/**
 * Projects that ship Azure ML model versions to managed online endpoints of the fake
 * workspace (startAzureWorld({ online: true })), the CLI run as a user runs it, live load from
 * a second process, and what another client of the workspace sees. Shared by the contract and
 * end-to-end suites of the azureml target.
 */
export interface EndpointJson {
  location?: string;
  identity?: { type: string };
  tags?: Record<string, string>;
  properties: {
    authMode?: string;
    traffic?: Record<string, number>;
    mirrorTraffic?: Record<string, number>;
    scoringUri?: string;
    provisioningState?: string;
  };
}

export interface DeploymentJson {
  tags?: Record<string, string>;
  properties: { model?: string; environmentId?: string; provisioningState?: string };
}

/** live traffic: 10 kinds of request, 3 of them with an input above 100 (the input-sensitive model fails on those) */
export const LIVE_BODIES = Array.from({ length: 10 }, (_, i) => JSON.stringify({ data: [i, i + 1, i < 3 ? 150 + i : i + 2] }));

export const createdAt = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

export const output = (r: { stdout: string; stderr: string }): string => `${r.stdout}\n${r.stderr}`;

export function expectExit(r: CliResult, code: number): void {
  if (r.code !== code) throw new Error(`exit ${r.code}, expected ${code}:\n${output(r).split('\n').slice(-60).join('\n')}`);
}

export interface ProjectOptions {
  /** more lines of target.azureml (indented by 4) */
  target?: string;
  /** the rollout section's lines (indented by 2) */
  rollout?: string;
}

const DEFAULT_ROLLOUT = `  strategy: canary
  steps: [10, 50, 100]
  bake: 8s
  analysis: { interval: 2s, minRequests: 15, maxErrorRate: 0.02, probe: { rate: 5 } }
`;

export class OnlineEndpoints {
  readonly docker = dockerTestEnv();

  constructor(readonly world: AzureWorld) {}

  /** a project whose model lives in the fake workspace and ships to online endpoint `endpoint` */
  project(model: string, endpoint: string, prefix: string, opts: ProjectOptions = {}): TestProject {
    const yaml = `endpoint: ${endpoint}
model:
  registry: azureml
  name: ${model}
  tags: { stage: approved }
${this.world.modelBlock()}serve:
  code: ./src
  baseImage: ${this.docker.baseImage}
image:
  repository: ${this.docker.registry}/modelship-tests/aml-${process.pid}
target:
${this.world.targetBlock(`    instanceType: Standard_DS2_v2
    requestSettings: { requestTimeout: 10s, maxConcurrentRequestsPerInstance: 16 }
    readinessProbe: { initialDelay: 1s, period: 1s, failureThreshold: 15 }
    livenessProbe: { initialDelay: 1s, period: 1s }
    pollInterval: 1s
${opts.target ?? '    provisioningTimeout: 3m\n    metrics: { ingestionDelay: 1s }\n'}`)}staging:
  smoke:
    cases:
      - { name: known input, request: smoke/request.json }
rollout:
${opts.rollout ?? DEFAULT_ROLLOUT}`;
    const project = makeProject(yaml, prefix);
    fs.writeFileSync(path.join(project.dir, 'bodies.jsonl'), `${LIVE_BODIES.join('\n')}\n`);
    return project;
  }

  /** the environment of a user's shell: the Azure service principal and the registry login */
  userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return this.world.cliEnv({
      MODELSHIP_REGISTRY_USERNAME: this.docker.username,
      MODELSHIP_REGISTRY_PASSWORD: this.docker.password,
      ...extra,
    });
  }

  cli(project: TestProject, args: string[], timeoutMs = 300_000): Promise<CliResult> {
    return runCli([...args, '-c', project.configFile], { cwd: project.dir, env: this.userEnv(), timeoutMs });
  }

  /** `modelship load` in its own process, as live traffic for the length of a command */
  startLoad(project: TestProject): { stop: () => Promise<CliResult> } {
    let child: ChildProcess | undefined;
    const done = runNode(BIN, ['load', '-c', project.configFile, '--bodies', 'bodies.jsonl', '--rate', '30', '--duration', '5m'], {
      cwd: project.dir,
      env: { ...process.env, ...this.userEnv() },
      timeoutMs: 400_000,
      onSpawn: (c) => (child = c),
    });
    return {
      stop: async () => {
        child?.kill('SIGTERM');
        return done;
      },
    };
  }

  endpoint(name: string): EndpointJson | undefined {
    return this.world.arm.onlineEndpoint(this.world.workspace, name) as EndpointJson | undefined;
  }

  deployment(endpoint: string, name: string): DeploymentJson | undefined {
    return this.world.arm.onlineDeployment(this.world.workspace, endpoint, name) as DeploymentJson | undefined;
  }

  /** ARM writes since `from` to this endpoint (its deployments included), as METHOD, the path below the endpoint, and the body */
  writes(endpoint: string, from: number): Array<{ method: string; below: string; body: unknown }> {
    const marker = `/onlineEndpoints/${endpoint}`;
    return this.world.arm.requests
      .filter((r) => Date.parse(r.at) >= from && r.path.includes(marker) && (r.method === 'PUT' || r.method === 'DELETE'))
      .map((r) => ({ method: r.method, below: r.path.slice(r.path.indexOf(marker) + marker.length), body: r.body }));
  }

  /** a call to the fake ARM as another client of the workspace makes it (over the test CA) */
  armCall(method: string, below: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const token = mintFakeAccessToken({ aud: this.world.arm.origin, tid: TENANT_ID, oid: this.world.objectId });
    const url = new URL(`${this.world.arm.origin}${this.world.workspaceId}${below}`);
    url.searchParams.set('api-version', '2024-10-01');
    const text = body === undefined ? '' : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          ca: testCa().caCert,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
        },
        (res) => {
          let answer = '';
          res.on('data', (c: Buffer) => (answer += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: answer ? (JSON.parse(answer) as unknown) : undefined }));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }

  /** the endpoint's keys, as another client of the workspace reads them */
  async keys(endpoint: string): Promise<string[]> {
    const keys = (await this.armCall('POST', `/onlineEndpoints/${endpoint}/listKeys`)).body as { primaryKey: string; secondaryKey: string };
    return [keys.primaryKey, keys.secondaryKey];
  }

  /** PUT the endpoint as read, with `tags` replaced (what another tool writing the lock tag does), and wait for the operation */
  async writeTags(endpoint: string, tags: Record<string, string>): Promise<void> {
    const current = this.endpoint(endpoint);
    if (!current) throw new Error(`no endpoint ${endpoint}`);
    const res = await this.armCall('PUT', `/onlineEndpoints/${endpoint}`, {
      location: current.location,
      identity: { type: current.identity?.type ?? 'SystemAssigned' },
      tags,
      properties: {
        authMode: current.properties.authMode ?? 'Key',
        traffic: current.properties.traffic ?? {},
        mirrorTraffic: current.properties.mirrorTraffic ?? {},
      },
    });
    if (res.status >= 300) throw new Error(`PUT endpoint: ${res.status} ${JSON.stringify(res.body)}`);
    // reading the endpoint as a client polls it, until the operation ends
    for (let i = 0; i < 60; i++) {
      const read = (await this.armCall('GET', `/onlineEndpoints/${endpoint}`)).body as EndpointJson;
      if (read.properties.provisioningState === 'Succeeded') return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the endpoint update did not finish');
  }
}
