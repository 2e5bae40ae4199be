import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ModelshipConfig, SmokeCaseConfig } from '../../shared/config/types';
import { compareJson } from '../../shared/smoke/compare';
import { runSmoke, SendScore } from '../../shared/smoke/smoke';
import type { ScoreResponse } from '../../shared/targets/target';

type SmokeConfig = ModelshipConfig['staging']['smoke'];

describe('compareJson', () => {
  test('equal documents have no differences', () => {
    const doc = { result: [1, 2.5, { a: 'x', b: null, c: true }], label: 'a' };
    expect(compareJson(doc, structuredClone(doc), 0)).toEqual([]);
  });

  test('numbers are equal within the absolute tolerance, inclusive', () => {
    expect(compareJson({ p: [152.1] }, { p: [152.105] }, 0.01)).toEqual([]);
    expect(compareJson(1, 1.5, 0.5)).toEqual([]);
    expect(compareJson({ result: [152.1] }, { result: [160.4] }, 0.01)).toEqual([
      '$.result[0]: expected 152.1, got 160.4 (tolerance 0.01)',
    ]);
    expect(compareJson(3, 3.0000001, 0)).toEqual(['$: expected 3, got 3.0000001 (tolerance 0)']);
  });

  test('strings, booleans and null must match exactly', () => {
    expect(compareJson({ label: 'a' }, { label: 'b' }, 1)).toEqual(['$.label: expected "a", got "b"']);
    expect(compareJson({ ok: true }, { ok: false }, 1)).toEqual(['$.ok: expected true, got false']);
    expect(compareJson({ v: null }, { v: 0 }, 1)).toEqual(['$.v: expected null, got 0']);
  });

  test('types that differ are reported without a cascade', () => {
    expect(compareJson({ x: [1, 2] }, { x: { a: 1 } }, 0)).toEqual(['$.x: expected an array of 2 items, got an object']);
    expect(compareJson('152', 152, 0)).toEqual(['$: expected "152", got 152']);
    expect(compareJson({ a: 1 }, 'text', 0)).toEqual(['$: expected an object, got "text"']);
  });

  test('array length differences', () => {
    expect(compareJson({ items: [1, 2, 3] }, { items: [1, 2] }, 0)).toEqual(['$.items: expected 3 items, got 2']);
  });

  test('missing and unexpected keys', () => {
    expect(compareJson({ x: 1, z: 2 }, { z: 2, y: 3 }, 0)).toEqual(['$.x: missing', '$.y: unexpected key']);
  });

  test('keys that are not identifiers are quoted in the path', () => {
    expect(compareJson({ 'my key': { 'a-b': 1 } }, { 'my key': { 'a-b': 2 } }, 0)).toEqual([
      '$["my key"]["a-b"]: expected 1, got 2 (tolerance 0)',
    ]);
  });

  test('several differences are all listed, in document order', () => {
    const expected = { predictions: [1, 2, 3], model: 'v1' };
    const actual = { predictions: [1, 2.2, 4], model: 'v2' };
    expect(compareJson(expected, actual, 0.1)).toEqual([
      '$.predictions[1]: expected 2, got 2.2 (tolerance 0.1)',
      '$.predictions[2]: expected 3, got 4 (tolerance 0.1)',
      '$.model: expected "v1", got "v2"',
    ]);
  });

  test('a custom root path prefixes every difference', () => {
    expect(compareJson([1], [2], 0, 'answer')).toEqual(['answer[0]: expected 1, got 2 (tolerance 0)']);
  });
});

describe('runSmoke', () => {
  let dir: string;
  let lines: string[];
  const log = (line: string): void => {
    lines.push(line);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-smoke-'));
    lines = [];
    fs.writeFileSync(path.join(dir, 'request.json'), '{"data": [[1, 2]]}');
    fs.writeFileSync(path.join(dir, 'expected.json'), '{"predictions": [152.1]}');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function smokeCase(over: Partial<SmokeCaseConfig> = {}): SmokeCaseConfig {
    return {
      name: 'known input',
      request: path.join(dir, 'request.json'),
      expect: path.join(dir, 'expected.json'),
      tolerance: 0.01,
      ...over,
    };
  }

  function config(over: Partial<SmokeConfig> = {}): SmokeConfig {
    return { cases: [smokeCase()], repeat: 5, timeout: 2000, ...over };
  }

  /** a fake endpoint: answers from a list (the last one repeats), recording what it was sent */
  function fakeSend(answers: Array<Partial<ScoreResponse> | Error>): SendScore & { calls: Array<{ body: string; timeoutMs: number }> } {
    const calls: Array<{ body: string; timeoutMs: number }> = [];
    const send = async (body: string, timeoutMs: number): Promise<ScoreResponse> => {
      const a = answers[Math.min(calls.length, answers.length - 1)];
      calls.push({ body, timeoutMs });
      if (a instanceof Error) throw a;
      return { status: 200, body: '', latencyMs: 10, ...a };
    };
    return Object.assign(send, { calls });
  }

  test('a correct answer passes; each case is sent `repeat` times with the request body and timeout', async () => {
    const send = fakeSend([{ body: '{"predictions": [152.1]}', latencyMs: 12.1 }]);
    const report = await runSmoke(config(), send, log);

    expect(report).toEqual({
      passed: true,
      cases: [{ name: 'known input', passed: true, failures: [], latenciesMs: [12.1, 12.1, 12.1, 12.1, 12.1] }],
      p95Ms: 12.1,
      latencyPassed: true,
    });
    expect(send.calls).toHaveLength(5);
    expect(send.calls.every((c) => c.body === '{"data": [[1, 2]]}' && c.timeoutMs === 2000)).toBe(true);
    expect(lines[0]).toBe("smoke 'known input': pass (5/5, p95 12.1ms)");
    expect(lines[lines.length - 1]).toMatch(/^smoke: pass \(/);
  });

  test('a value beyond the tolerance fails with the difference, once for identical repeats', async () => {
    const report = await runSmoke(config(), fakeSend([{ body: '{"predictions": [160.4]}' }]), log);
    expect(report.passed).toBe(false);
    expect(report.cases[0].passed).toBe(false);
    expect(report.cases[0].failures).toEqual(['$.predictions[0]: expected 152.1, got 160.4 (tolerance 0.01) (5 of 5 requests)']);
    expect(lines).toContain("smoke 'known input': FAIL (0/5, p95 10.0ms)");
    expect(lines).toContain('  - $.predictions[0]: expected 152.1, got 160.4 (tolerance 0.01) (5 of 5 requests)');
    expect(lines[lines.length - 1]).toMatch(/^smoke: FAIL \(1 of 1 case failed/);
  });

  test('a value within the tolerance passes', async () => {
    const report = await runSmoke(config({ cases: [smokeCase({ tolerance: 1 })] }), fakeSend([{ body: '{"predictions": [152.9]}' }]), log);
    expect(report.passed).toBe(true);
  });

  test('a case without `expect` passes on any 2xx JSON answer', async () => {
    const report = await runSmoke(
      config({ cases: [smokeCase({ expect: undefined })] }),
      fakeSend([{ status: 201, body: '{"anything": 1}' }]),
      log,
    );
    expect(report.passed).toBe(true);
  });

  test('a 500 fails with the status and the start of the body (at most 300 characters)', async () => {
    const long = `{"error": "math domain error", "trace": "${'x'.repeat(1000)}"}`;
    const report = await runSmoke(config({ repeat: 1 }), fakeSend([{ status: 500, body: long }]), log);
    expect(report.passed).toBe(false);
    const [failure] = report.cases[0].failures;
    expect(failure.startsWith('status 500: {"error": "math domain error"')).toBe(true);
    expect(failure).toHaveLength('status 500: '.length + 300 + 1); // 300 characters and an ellipsis
    expect(report.cases[0].failures).toHaveLength(1);
  });

  test('only some failing repeats are counted as such', async () => {
    const send = fakeSend([
      { body: '{"predictions": [152.1]}' },
      { status: 503, body: '{"status": "initializing"}' },
      { body: '{"predictions": [152.1]}' },
    ]);
    const report = await runSmoke(config({ repeat: 3 }), send, log);
    expect(report.cases[0].failures).toEqual(['status 503: {"status": "initializing"} (1 of 3 requests)']);
    expect(lines[0]).toMatch(/^smoke 'known input': FAIL \(2\/3/);
  });

  test('an answer that is not JSON fails', async () => {
    const report = await runSmoke(config({ repeat: 1 }), fakeSend([{ body: '<html>Bad Gateway</html>' }]), log);
    expect(report.cases[0].failures).toEqual(['answer is not JSON: <html>Bad Gateway</html>']);
    expect(report.passed).toBe(false);
  });

  test('a thrown send (timeout, refused) is a failure with its message and no latency', async () => {
    const report = await runSmoke(
      config({ repeat: 2 }),
      fakeSend([new Error('no answer from http://127.0.0.1:1/score within 2000 ms')]),
      log,
    );
    expect(report.passed).toBe(false);
    expect(report.cases[0].failures).toEqual(['request failed: no answer from http://127.0.0.1:1/score within 2000 ms (2 of 2 requests)']);
    expect(report.cases[0].latenciesMs).toEqual([]);
    expect(report.p95Ms).toBeUndefined();
  });

  test('p95 over all requests (nearest rank) above maxLatencyP95 fails the run even when every answer is right', async () => {
    // 20 latencies 1..20 ms: nearest-rank p95 is the 19th value
    const answers = Array.from({ length: 20 }, (_, i) => ({ body: '{"predictions": [152.1]}', latencyMs: i + 1 }));
    const send = fakeSend(answers);
    const cfg = config({ repeat: 10, maxLatencyP95: 18, cases: [smokeCase(), smokeCase({ name: 'second' })] });
    const report = await runSmoke(cfg, send, log);

    expect(report.cases.every((c) => c.passed)).toBe(true);
    expect(report.p95Ms).toBe(19);
    expect(report.maxLatencyP95).toBe(18);
    expect(report.latencyPassed).toBe(false);
    expect(report.passed).toBe(false);
    expect(lines[lines.length - 1]).toContain('p95 19.0ms over the limit 18.0ms');

    const ok = await runSmoke({ ...cfg, maxLatencyP95: 19 }, fakeSend(answers), log);
    expect(ok.latencyPassed).toBe(true);
    expect(ok.passed).toBe(true);
  });

  test('a latency limit with no answered request is not a pass', async () => {
    const report = await runSmoke(
      config({ repeat: 1, maxLatencyP95: 500 }),
      fakeSend([new Error('connect ECONNREFUSED 127.0.0.1:9')]),
      log,
    );
    expect(report.latencyPassed).toBe(false);
  });

  test('request and expect files are read once; a missing file fails the case naming it', async () => {
    const readSpy = jest.spyOn(fs.promises, 'readFile');
    try {
      await runSmoke(config({ repeat: 4 }), fakeSend([{ body: '{"predictions": [152.1]}' }]), log);
      expect(readSpy).toHaveBeenCalledTimes(2);
    } finally {
      readSpy.mockRestore();
    }

    const missing = path.join(dir, 'nope.json');
    const send = fakeSend([{ body: '{}' }]);
    const report = await runSmoke(config({ cases: [smokeCase({ expect: missing })] }), send, log);
    expect(report.cases[0].failures).toEqual([expect.stringContaining(`cannot read the expected answer ${missing}`)]);
    expect(send.calls).toHaveLength(0);
  });

  test('an expected file that is not JSON fails the case naming it', async () => {
    fs.writeFileSync(path.join(dir, 'expected.json'), '{ broken');
    const report = await runSmoke(config(), fakeSend([{ body: '{}' }]), log);
    expect(report.cases[0].failures[0]).toContain(`the expected answer ${path.join(dir, 'expected.json')} is not valid JSON`);
  });
});
