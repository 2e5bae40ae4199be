import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { TestProject, freePorts, makeProject, quickRolloutConfig } from '../helpers/project';
import type { HostInfo } from '../../shared/targets/local/state-store';

/**
 * What the processes the local target starts inherit from a CI runner's environment: the
 * endpoint host and the model code get an allowlist and the variables the user passes
 * (target.local.passEnv), never the runner's tokens, cloud secrets or the registry password.
 */
jest.setTimeout(120_000);

const SECRETS = {
  GITHUB_TOKEN: 'ghs_runner-token-0123456789',
  ACTIONS_RUNTIME_TOKEN: 'actions-runtime-token-0123456789',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-0123456789',
  SYSTEM_ACCESSTOKEN: 'ado-access-token-0123456789',
  AZURE_CLIENT_SECRET: 'azure-client-secret-0123456789',
  MODELSHIP_REGISTRY_PASSWORD: 'registry-password-0123456789',
};

let project: TestProject;
let dump: string;

beforeAll(async () => {
  const [port, stagingPort] = await freePorts(2);
  const yaml = quickRolloutConfig(port, stagingPort);
  const local = `    stagingPort: ${stagingPort}\n`;
  if (!yaml.includes(local)) throw new Error('quickRolloutConfig changed: update this test');
  project = makeProject(yaml.replace(local, `${local}    passEnv: [MS_ENV_DUMP]\n`), 'ms-child-env-');
  dump = path.join(project.dir, 'model-env.json');
});

afterAll(async () => {
  await runCli(['down', '-c', project.configFile], { cwd: project.dir });
});

it("neither the endpoint host nor the model code sees the runner's credentials; passEnv reaches the model; the state folder is private", async () => {
  const env = { ...SECRETS, MS_ENV_DUMP: dump };
  expect(
    (await runCli(['model', 'register', '--path', project.models('good1'), '-c', project.configFile], { cwd: project.dir, env })).code,
  ).toBe(0);
  const run = await runCli(['run', '-c', project.configFile], { cwd: project.dir, env });
  expect(run.code).toBe(0);

  // the model's init() wrote the environment it got
  const modelEnv = JSON.parse(fs.readFileSync(dump, 'utf8')) as Record<string, string>;
  expect(modelEnv.MS_ENV_DUMP).toBe(dump);
  expect(modelEnv.PATH).toBeDefined();
  for (const name of Object.keys(SECRETS)) expect(modelEnv).not.toHaveProperty(name);

  // the endpoint host's own environment, as the kernel has it
  for (const endpoint of ['testep', 'testep-staging']) {
    const info = JSON.parse(fs.readFileSync(path.join(project.dir, '.modelship', endpoint, 'host.json'), 'utf8')) as HostInfo;
    const hostEnv = fs.readFileSync(`/proc/${info.pid}/environ`, 'utf8');
    for (const [name, value] of Object.entries(SECRETS)) {
      expect({ name, inHost: hostEnv.includes(value) }).toEqual({ name, inHost: false });
    }
  }
  // nor any file of the state folder, nor the output
  const files = fs.readdirSync(path.join(project.dir, '.modelship'), { recursive: true }).map(String);
  for (const file of files) {
    const full = path.join(project.dir, '.modelship', file);
    const stat = fs.statSync(full);
    // the state folder is the user's alone: folders 0700, files 0600 (lock folders are proper-lockfile's)
    if (!file.endsWith('.lock'))
      expect({ file, mode: (stat.mode & 0o777).toString(8) }).toEqual({ file, mode: stat.isFile() ? '600' : '700' });
    if (!stat.isFile()) continue;
    const text = fs.readFileSync(full, 'utf8');
    for (const value of Object.values(SECRETS)) expect({ file, leaks: text.includes(value) }).toEqual({ file, leaks: false });
  }
  for (const value of Object.values(SECRETS)) expect(run.stdout + run.stderr).not.toContain(value);
});
