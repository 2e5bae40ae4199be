import * as path from 'node:path';
import { CliResult, runCli } from '../helpers/cli';
import { TestProject, freePorts, makeProject, rolloutConfig } from '../helpers/project';
import { LoadGenerator, LoadSummary } from '../../shared/traffic/load';
import { scoreOnce } from '../../shared/traffic/http-score';
import { eventInReport } from '../helpers/report-file';
import type { EventOf } from '../../shared/report/events';
import type { EndpointState } from '../../shared/targets/target';

/**
 * The shadow step fed by live traffic on the local target, through the CLI: while a client
 * calls the production endpoint, the router copies half of its requests to the new
 * deployment, keeps both answers, and the step compares them. No recorded requests file:
 * only the smoke request is replayed, so the verdict rests on the mirrored pairs. The
 * client cycles through 300 inputs in order (a periodic pattern), 10% of which a wrong
 * version misclassifies; the client only ever gets the stable deployment's answers.
 */
jest.setTimeout(240_000);

let project: TestProject;
let port: number;

const cli = (args: string[]): Promise<CliResult> => runCli([...args, '-c', project.configFile], { cwd: project.dir, timeoutMs: 200_000 });

const shadowOf = (report: string): EventOf<'shadow'> | undefined => eventInReport(report, 'shadow');

async function production(): Promise<EndpointState> {
  return (JSON.parse((await cli(['status', '--json'])).stdout) as { production: EndpointState }).production;
}

/** run a CLI command while 40 requests/s cycle through 300 inputs on the production endpoint */
async function underLoad(args: string[]): Promise<{ run: CliResult; load: LoadSummary }> {
  const load = new LoadGenerator({
    rate: 40,
    durationMs: 150_000,
    maxInFlight: 16,
    send: (seq) => {
      const i = seq % 300;
      return scoreOnce({
        url: `http://127.0.0.1:${port}/score`,
        body: JSON.stringify({ data: [i, (i * 7) % 13, (i * 3) % 5] }),
        timeoutMs: 10_000,
      });
    },
  }).start();
  try {
    const run = await cli(args);
    return { run, load: await load.stop() };
  } catch (err: unknown) {
    await load.stop();
    throw err;
  }
}

beforeAll(async () => {
  let stagingPort: number;
  [port, stagingPort] = await freePorts(2);
  project = makeProject(
    rolloutConfig({
      port,
      stagingPort,
      rollout: `  strategy: canary
  steps: [50, 100]
  bake: 2s
  analysis: { interval: 1s, minRequests: 3, maxErrorRate: 0.05 }
  shadow:
    compare: { paths: [$.label] }
    mirror: 50
    duration: 90s
    minAgreement: 0.97
    minSamples: 200`,
    }),
    'ms-mirror-',
  );
  for (const model of ['classify-a', 'classify-wrong', 'classify-b'])
    expect((await cli(['model', 'register', '--path', project.models(model)])).code).toBe(0);
  expect((await cli(['run', '--model-version', '1'])).code).toBe(0);
});

afterAll(async () => {
  await cli(['down']);
});

it('a version wrong on 10% of inputs is stopped by the live pairs it answered in the shadow, its answers never reaching the client', async () => {
  const report = path.join(project.dir, 'wrong.json');
  const { run, load } = await underLoad(['run', '--model-version', '2', '--report', report]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/shadow: 1 distinct request .*, and 50% of live requests mirrored to 'green' until 200 pairs or 90s/);
  expect(run.stderr).toMatch(
    /shadow step fail: agreement \d+\.\d% on 2\d\d pairs, 2\d\d of them mirrored, .*: its lower bound is below minAgreement 97\.0%/,
  );
  const shadow = shadowOf(report);
  expect(shadow?.verdict).toBe('fail');
  // the sample size is fixed: collection stops once 200 pairs are in (a poll may bring a few more)
  expect(shadow?.mirrored).toBeGreaterThanOrEqual(199);
  expect(shadow?.pairs).toBeLessThan(300);
  // a fair sample of a periodic client: about 10% of the mirrored inputs are misclassified
  expect(shadow?.rate).toBeGreaterThan(0.8);
  expect(shadow?.rate).toBeLessThan(0.97);
  expect(shadow?.disagreements[0].request.text).toMatch(/^\{"data":\[\d*3,/);
  // every client request was answered, and only by the stable deployment
  expect(load.failed).toBe(0);
  expect(Object.keys(load.byDeployment)).toEqual(['blue']);
  const state = await production();
  expect(state.traffic).toEqual({ blue: 100 });
  expect(state.mirror).toEqual({});
  expect(state.deployments.map((d) => d.name)).toEqual(['blue']);
});

it('an equal version passes on live pairs and rolls out; status shows the verdicts', async () => {
  const report = path.join(project.dir, 'equal.json');
  const { run, load } = await underLoad(['run', '--model-version', '3', '--report', report]);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/shadow: agreement 100\.0% on 2\d\d pairs, 2\d\d of them mirrored, .* -> pass/);
  const shadow = shadowOf(report);
  expect(shadow).toMatchObject({ verdict: 'pass', reasons: [] });
  expect(shadow?.mirrored).toBeGreaterThanOrEqual(199);
  expect(load.failed).toBe(0);
  expect((await production()).traffic).toEqual({ green: 100 });
  const status = await cli(['status']);
  expect(status.stderr + status.stdout).toMatch(/last rollout: v3 promoted/);
  expect(status.stderr + status.stdout).toMatch(/shadow: pass, agreement 100\.0% on 2\d\d pairs \(2\d\d mirrored\)/);
  expect(status.stderr + status.stdout).toMatch(/step 1 \(50%\): pass/);
});
