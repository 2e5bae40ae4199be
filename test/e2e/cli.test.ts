import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { freePorts, makeProject, quickRolloutConfig, TestProject } from '../helpers/project';
import { malformedCases, writeFixtureFolder } from '../fixtures/config/malformed-cases';
import type { ModelVersion } from '../../shared/registry/registry';
import type { ReportDocument } from '../../shared/report/report';
import type { EndpointState } from '../../shared/targets/target';

/** what `--json` prints: the outcome of a command, or the data of `status` and `model list` */
interface OutcomeJson {
  result: string;
  reason?: string;
}
interface StatusJson {
  production: EndpointState;
  staging: EndpointState;
}

/** The `modelship` command run as a process, the way a user or a runner runs it. */
jest.setTimeout(180_000);

describe('modelship CLI: invalid configuration', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-bad-'));
  beforeAll(() => writeFixtureFolder(dir));

  it.each(malformedCases.map((c) => [c.name, c] as const))('%s: exit 2 with FILE:LINE:COL key', async (_name, c) => {
    const file = path.join(dir, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.yaml`);
    fs.writeFileSync(file, c.yaml);
    const r = await runCli(['validate', '-c', file]);
    expect(r.code).toBe(2);
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const keyPart = c.key ? ` ${c.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:` : '';
    const issue = r.stderr.match(new RegExp(`^${escaped}:${c.line}:\\d+${keyPart} (.*)$`, 'm'));
    expect(issue).not.toBeNull();
    expect(issue?.[1]).toMatch(c.message);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['rollout', '--bogus'])).code).toBe(2);
    expect((await runCli(['deploy', '-c', 'x.yaml'])).code).toBe(2); // --stage is required
    expect((await runCli(['nonsense'])).code).toBe(2);
  });

  it('a missing config file exits 2 and names it', async () => {
    const r = await runCli(['status', '-c', path.join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml');
  });
});

describe('modelship CLI: the whole story on the local target', () => {
  let project: TestProject;
  const outputs: string[] = [];
  const cli = async (...args: string[]) => {
    const r = await runCli([...args, '-c', project.configFile], { env: { MS_TEST_ENDPOINT_KEY: 'k3y-that-must-not-leak' } });
    outputs.push(r.stdout, r.stderr);
    return r;
  };

  beforeAll(async () => {
    const [port, stagingPort] = await freePorts(2);
    project = makeProject(quickRolloutConfig(port, stagingPort, 'MS_TEST_ENDPOINT_KEY'));
  });

  afterAll(async () => {
    await cli('down');
  });

  it('registers versions and lists them', async () => {
    const r1 = await cli('model', 'register', '--path', project.models('good1'), '--tag', 'stage=approved', '--description', 'first');
    expect(r1.code).toBe(0);
    expect(r1.stdout.trim()).toBe('1');
    expect((await cli('model', 'register', '--path', project.models('good2'))).stdout.trim()).toBe('2');
    const list = await cli('model', 'list', '--json');
    const versions = JSON.parse(list.stdout) as ModelVersion[];
    expect(versions.map((v) => v.version)).toEqual(['1', '2']);
    expect(versions[0].tags).toEqual({ stage: 'approved' });
  });

  it('run ships v1 (staging, smoke, first production deployment), then reports no change', async () => {
    const detect = await cli('detect', '--json', '--model-version', '1');
    expect(JSON.parse(detect.stdout)).toMatchObject({ result: 'deployed', newVersion: true });
    const run = await cli('run', '--model-version', '1', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ result: 'promoted', model: { version: '1' } });
    expect(run.stderr).toMatch(/== smoke/);
    const again = await cli('run', '--model-version', '1', '--json');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as OutcomeJson).result).toBe('no-change');
  });

  it('run rolls out v2 with probe traffic, prints the summary table, and writes report and summary files', async () => {
    const report = path.join(project.dir, 'out', 'report.json');
    const summary = path.join(project.dir, 'out', 'summary.md');
    const run = await cli('run', '--model-version', '2', '--report', report, '--summary', summary);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\| step \| weight \| requests \| error rate \| p99 \| verdict \|/);
    expect(run.stdout).toMatch(/promoted/);
    expect(fs.readFileSync(summary, 'utf8')).toBe(run.stdout);
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as ReportDocument;
    expect(json.result).toBe('promoted');
    expect(json.events.some((e) => e.type === 'analysis')).toBe(true);
    const status = JSON.parse((await cli('status', '--json')).stdout) as StatusJson;
    expect(status.production.traffic).toEqual({ green: 100 });
    expect(status.staging.deployments.map((d) => d.model.version)).toEqual(['2']);
  });

  it('run of a failing version exits 1 and says it was rolled back, and why', async () => {
    expect((await cli('model', 'register', '--path', project.models('failing'))).stdout.trim()).toBe('3');
    const run = await cli('run', '--model-version', '3', '--json');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as OutcomeJson;
    expect(out.result).toBe('rolled-back');
    expect(out.reason).toMatch(/error rate/);
    const status = JSON.parse((await cli('status', '--json')).stdout) as StatusJson;
    expect(status.production.traffic).toEqual({ green: 100 });
  });

  it('rollback after promotion redeploys the previous version', async () => {
    const r = await cli('rollback', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'rolled-back', model: { version: '1' } });
    const status = JSON.parse((await cli('status', '--json')).stdout) as StatusJson;
    const serving = status.production.deployments.filter((d) => status.production.traffic[d.name] === 100);
    expect(serving.map((d) => d.model.version)).toEqual(['1']);
    const nothing = await cli('rollback');
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/nothing to roll back to/);
  });

  it('the endpoint key is required and never printed', async () => {
    const port = (JSON.parse((await cli('status', '--json')).stdout) as StatusJson).production.url;
    const denied = await fetch(`${port}/score`, { method: 'POST', body: '{"data":[1]}' });
    expect(denied.status).toBe(401);
    const ok = await fetch(`${port}/score`, {
      method: 'POST',
      body: '{"data":[1]}',
      headers: { authorization: 'Bearer k3y-that-must-not-leak' },
    });
    expect(ok.status).toBe(200);
    const files = fs.readdirSync(path.join(project.dir, '.modelship'), { recursive: true }) as string[];
    for (const f of files) {
      const p = path.join(project.dir, '.modelship', f);
      if (fs.statSync(p).isFile()) expect(fs.readFileSync(p, 'utf8')).not.toContain('k3y-that-must-not-leak');
    }
    const noKey = await runCli(['status', '-c', project.configFile], { env: { MS_TEST_ENDPOINT_KEY: '' } });
    // status reads the admin API only: no key needed; scoring would need it
    expect(noKey.code).toBe(0);
    // nothing any command printed contains the key
    expect(outputs.length).toBeGreaterThan(20);
    for (const o of outputs) expect(o).not.toContain('k3y-that-must-not-leak');
  });
});
