import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliResult, runCli } from '../helpers/cli';
import { TestProject, freePorts, makeProject, rolloutConfig } from '../helpers/project';
import { eventInReport } from '../helpers/report-file';
import type { EventOf } from '../../shared/report/events';
import type { EndpointState } from '../../shared/targets/target';

/**
 * The shadow step on the local target, through the CLI: before a new version takes any
 * live request, 300 recorded requests and the smoke request go to the stable and the new
 * deployment by the deployment header, and the answers' labels are compared. A classifier
 * wrong on 10% of inputs (HTTP 200, normal latency) and one that collapsed to a single
 * class are stopped there; an equal one passes and rolls out.
 */
jest.setTimeout(180_000);

let project: TestProject;

const cli = (args: string[]): Promise<CliResult> => runCli([...args, '-c', project.configFile], { cwd: project.dir, timeoutMs: 150_000 });

const shadowOf = (report: string): EventOf<'shadow'> | undefined => eventInReport(report, 'shadow');

async function production(): Promise<EndpointState> {
  return (JSON.parse((await cli(['status', '--json'])).stdout) as { production: EndpointState }).production;
}

beforeAll(async () => {
  const [port, stagingPort] = await freePorts(2);
  project = makeProject(
    rolloutConfig({
      port,
      stagingPort,
      rollout: `  strategy: canary
  steps: [50, 100]
  bake: 2s
  analysis: { interval: 1s, minRequests: 3, maxErrorRate: 0.05, probe: { rate: 10 } }
  shadow:
    requests: shadow/requests.jsonl
    compare: { paths: [$.label] }
    minAgreement: 0.98
    minSamples: 200`,
    }),
    'ms-shadow-',
  );
  // recorded requests: first values 0..299 (10% of them end in 3), both labels frequent
  const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ data: [i, (i * 7) % 13, (i * 3) % 5] }));
  fs.mkdirSync(path.join(project.dir, 'shadow'));
  fs.writeFileSync(path.join(project.dir, 'shadow', 'requests.jsonl'), `${lines.join('\n')}\n`);
  for (const model of ['classify-a', 'classify-wrong', 'classify-one', 'classify-b'])
    expect((await cli(['model', 'register', '--path', project.models(model)])).code).toBe(0);
  const first = await cli(['run', '--model-version', '1']);
  expect(first.code).toBe(0);
});

afterAll(async () => {
  await cli(['down']);
});

it('a version wrong on 10% of inputs is stopped in the shadow step, before any live request reaches it', async () => {
  const report = path.join(project.dir, 'wrong.json');
  const r = await cli(['run', '--model-version', '2', '--report', report]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(
    /shadow: 301 distinct requests to 'blue' \(stable\) and 'green' \(new\) by the deployment header; comparing \$\.label/,
  );
  expect(r.stderr).toMatch(
    /shadow step fail: agreement 90\.\d% on 301 pairs \(95% interval 8\d\.\d%–9\d\.\d%\): its lower bound is below minAgreement 98\.0%/,
  );
  // no traffic step ever ran: the new version never served a live request
  expect(r.stderr).not.toMatch(/step 1\/2/);
  const shadow = shadowOf(report);
  expect(shadow).toMatchObject({ verdict: 'fail', pairs: 301, agreements: 271 });
  // the report lists disagreements with the request hashed and cut, and both answers
  expect(shadow?.disagreements.length).toBe(10);
  expect(shadow?.disagreements[0]).toEqual({
    request: { sha256: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown, text: expect.stringMatching(/^\{"data":\[\d*3,/) as unknown },
    stable: expect.stringMatching(/"label": "(high|low)"/) as unknown,
    candidate: expect.stringMatching(/"label": "(high|low)"/) as unknown,
    differences: [expect.stringMatching(/^\$\.label: expected "(high|low)", got "(high|low)"$/) as unknown],
  });
  const state = await production();
  expect(state.traffic).toEqual({ blue: 100 });
  expect(state.deployments.map((d) => d.name)).toEqual(['blue']);
});

it('a version that always predicts one class fails on drift as well as agreement', async () => {
  const report = path.join(project.dir, 'one.json');
  const r = await cli(['run', '--model-version', '3', '--report', report]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(
    /class labels are distributed differently \(chi-square [\d.]+, p (< 1e-16|= [\d.]+e-\d+) < 0\.001\): stable (high|low) \d+% \/ (high|low) \d+%, new low 100%/,
  );
  const shadow = shadowOf(report);
  expect(shadow?.drift).toEqual([expect.objectContaining({ kind: 'labels' })]);
  expect(shadow?.drift[0].pValue).toBeLessThan(0.001);
  expect((await production()).traffic).toEqual({ blue: 100 });
});

it('an equal version passes the shadow step and rolls out', async () => {
  const report = path.join(project.dir, 'equal.json');
  const r = await cli(['run', '--model-version', '4', '--report', report]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/shadow: agreement 100\.0% on 301 pairs .* -> pass/);
  expect(shadowOf(report)).toMatchObject({ verdict: 'pass', pairs: 301, agreements: 301, reasons: [] });
  expect(r.stdout).toMatch(/### Shadow step: pass/);
  expect((await production()).traffic).toEqual({ green: 100 });
});
