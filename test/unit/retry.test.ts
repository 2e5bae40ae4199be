import { VirtualClock } from '../../shared/clock';
import { AttemptOutcome, RetryError, RetryOptions, retryAfterMs, withRetry } from '../../shared/retry';

/**
 * The retry helper in virtual time: every wait advances a VirtualClock at once, and the
 * waits it asked for are recorded, so backoff, cap, budget and Retry-After are checked
 * exactly, without a real sleep.
 */
class RecordingClock extends VirtualClock {
  readonly waits: number[] = [];
  override async sleep(ms: number): Promise<void> {
    this.waits.push(ms);
    await super.sleep(ms);
  }
}

/**
 * An error as @kubernetes/client-node's ApiException carries an API server's answer: the
 * status in `code`, the headers as a plain record (client-node is ESM-only, which these
 * CommonJS tests cannot load; the contract tests run the real one against the fake API server).
 */
function apiException(code: number, headers: Record<string, string>): Error {
  return Object.assign(new Error(`HTTP-Code: ${code}`), { code, body: {}, headers });
}

/** what a refused connection looks like from fetch: a TypeError whose cause carries the code */
function refused(): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
}

/** a call that gives `outcomes` in turn (a value or a thrown error), counting its calls */
function scripted<T>(outcomes: Array<AttemptOutcome<T>>): { call: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    call: async () => {
      const outcome = outcomes[Math.min(calls, outcomes.length - 1)];
      calls += 1;
      if (!outcome) throw new Error('no outcome scripted');
      if (outcome.ok) return outcome.value;
      throw outcome.error;
    },
    calls: () => calls,
  };
}

const fail = (error: unknown): AttemptOutcome<never> => ({ ok: false, error });
const answer = <T>(value: T): AttemptOutcome<T> => ({ ok: true, value });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
}

describe('withRetry', () => {
  let clock: RecordingClock;
  let lines: string[];
  const options = <T>(over: RetryOptions<T> = {}): RetryOptions<T> => ({ clock, log: (l) => lines.push(l), ...over });

  beforeEach(() => {
    clock = new RecordingClock();
    lines = [];
  });

  it('backs off exponentially between attempts and returns the first good outcome; one log line per retry', async () => {
    const s = scripted<string>([fail(refused()), fail(refused()), fail(refused()), answer('ok')]);
    const value = await withRetry('asking the registry for x:1', s.call, options({ attempts: 5, firstDelayMs: 100, maxDelayMs: 10_000 }));
    expect(value).toBe('ok');
    expect(s.calls()).toBe(4);
    expect(clock.waits).toEqual([100, 200, 400]);
    expect(lines).toEqual([
      'asking the registry for x:1: ECONNREFUSED (attempt 1/5); retry 1/4 in 100 ms',
      'asking the registry for x:1: ECONNREFUSED (attempt 2/5); retry 2/4 in 200 ms',
      'asking the registry for x:1: ECONNREFUSED (attempt 3/5); retry 3/4 in 400 ms',
    ]);
  });

  it('caps the backoff at maxDelayMs', async () => {
    const s = scripted<string>([fail(refused())]);
    await rejection(withRetry('reading x', s.call, options({ attempts: 6, firstDelayMs: 1_000, maxDelayMs: 3_000 })));
    expect(clock.waits).toEqual([1_000, 2_000, 3_000, 3_000, 3_000]);
    expect(s.calls()).toBe(6);
  });

  it('makes no retry whose wait would pass the time budget, and says so', async () => {
    // each attempt takes 500 ms of (virtual) time: attempts end at 0.5 s, 2 s and 4.5 s; 4.5 s + a 4 s wait passes 5 s
    let calls = 0;
    const call = async (): Promise<string> => {
      calls += 1;
      await clock.sleep(500);
      throw refused();
    };
    const started = clock.now();
    const err = await rejection(
      withRetry('pushing x:1', call, options({ attempts: 10, firstDelayMs: 1_000, maxDelayMs: 60_000, budgetMs: 5_000 })),
    );
    expect(calls).toBe(3);
    expect(clock.now() - started).toBeLessThanOrEqual(5_000);
    expect(err).toBeInstanceOf(RetryError);
    const retryError = err as RetryError;
    expect(retryError).toMatchObject({ reason: 'budget', attempts: 3, elapsedMs: 4_500, seen: 'ECONNREFUSED' });
    expect(retryError.message).toBe(
      'pushing x:1 failed after 3 attempts (ECONNREFUSED); another retry (in 4 s) would pass the time budget of 5 s (4.5 s spent); check that the service is running and reachable from this machine',
    );
  });

  it('waits as long as Retry-After asks in delta-seconds, from a fetch Response', async () => {
    const s = scripted<Response>([
      answer(new Response('busy', { status: 503, headers: { 'retry-after': '3' } })),
      answer(new Response('fine', { status: 200 })),
    ]);
    const res = await withRetry('getting a token', s.call, options({ firstDelayMs: 100 }));
    expect(res.status).toBe(200);
    expect(clock.waits).toEqual([3_000]);
    expect(lines).toEqual(['getting a token: answered 503 (attempt 1/4); retry 1/3 in 3 s as Retry-After asks']);
  });

  it('waits as long as Retry-After asks from an error that carries headers (client-node ApiException)', async () => {
    const throttled = apiException(429, { 'retry-after': '2' });
    const s = scripted<string>([fail(throttled), answer('applied')]);
    expect(await withRetry('applying Deployment models/green', s.call, options({ firstDelayMs: 200 }))).toBe('applied');
    expect(clock.waits).toEqual([2_000]);
  });

  it('waits until the HTTP date Retry-After names, on the injected clock', async () => {
    const at = new Date(clock.now() + 7_000).toUTCString();
    const s = scripted<Response>([
      answer(new Response(null, { status: 429, headers: { 'Retry-After': at } })),
      answer(new Response(null, { status: 204 })),
    ]);
    expect((await withRetry('listing versions', s.call, options({ firstDelayMs: 100 }))).status).toBe(204);
    expect(clock.waits).toEqual([7_000]);
  });

  it('keeps the backoff when Retry-After asks for less', async () => {
    const s = scripted<Response>([
      answer(new Response(null, { status: 503, headers: { 'retry-after': '1' } })),
      answer(new Response(null, { status: 200 })),
    ]);
    await withRetry('reading x', s.call, options({ firstDelayMs: 4_000 }));
    expect(clock.waits).toEqual([4_000]);
    expect(lines[0]).not.toContain('Retry-After');
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs: it fails at once, saying what the server asked', async () => {
    const s = scripted<Response>([answer(new Response(null, { status: 429, headers: { 'retry-after': '600' } }))]);
    const err = await rejection(withRetry('reading x', s.call, options({ maxRetryAfterMs: 60_000 })));
    expect(s.calls()).toBe(1);
    expect(clock.waits).toEqual([]);
    expect(err).toMatchObject({ reason: 'retry-after', attempts: 1 });
    expect((err as Error).message).toBe(
      'reading x failed after 1 attempt (answered 429); the server asks to wait 10 min (Retry-After), longer than the 60 s modelship waits; check that the service is running and reachable from this machine',
    );
  });

  it('returns an answer that is not retriable at once (404), without waiting', async () => {
    const s = scripted<Response>([answer(new Response('no such tag', { status: 404 })), answer(new Response(null, { status: 200 }))]);
    const res = await withRetry('asking the registry for x:1', s.call, options());
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('no such tag');
    expect(s.calls()).toBe(1);
    expect(clock.waits).toEqual([]);
  });

  it('throws an error that is not retriable at once, as it is', async () => {
    const forbidden = apiException(403, {});
    const s = scripted<string>([fail(forbidden), answer('never')]);
    expect(await rejection(withRetry('reading a Secret', s.call, options()))).toBe(forbidden);
    expect(s.calls()).toBe(1);
    expect(clock.waits).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('uses the retriable hook to classify outcomes, values included', async () => {
    const s = scripted<string>([answer('busy'), answer('busy'), answer('done')]);
    const value = await withRetry(
      'polling the operation',
      s.call,
      options({ firstDelayMs: 50, retriable: (o) => o.ok && o.value === 'busy', describe: () => 'still busy' }),
    );
    expect(value).toBe('done');
    expect(clock.waits).toEqual([50, 100]);
    expect(lines[1]).toBe('polling the operation: still busy (attempt 2/4); retry 2/3 in 100 ms');
  });

  it('when the attempts run out, the error names what was done, what the last attempt saw, and what to check', async () => {
    const s = scripted<Response>([answer(new Response('down', { status: 500 }))]);
    const err = await rejection(
      withRetry(
        'exchanging an Azure AD token at https://r.azurecr.io/oauth2/exchange',
        s.call,
        options({ attempts: 3, firstDelayMs: 10, check: 'that the registry is running and reachable' }),
      ),
    );
    expect(err).toBeInstanceOf(RetryError);
    expect((err as Error).message).toBe(
      'exchanging an Azure AD token at https://r.azurecr.io/oauth2/exchange failed after 3 attempts (answered 500); check that the registry is running and reachable',
    );
    expect(err).toMatchObject({ attempts: 3, reason: 'attempts', seen: 'answered 500', elapsedMs: 30 });
    expect(clock.waits).toEqual([10, 20]);
  });
});

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 0, 1);
  it.each([
    ['delta-seconds in a Headers object', new Response(null, { headers: { 'retry-after': '12' } }), 12_000],
    ['an HTTP date', new Response(null, { headers: { 'retry-after': new Date(now + 30_000).toUTCString() } }), 30_000],
    ['an HTTP date in the past', new Response(null, { headers: { 'retry-after': new Date(now - 30_000).toUTCString() } }), 0],
    ["Azure's x-ms-retry-after-ms", new Response(null, { headers: { 'x-ms-retry-after-ms': '1500', 'retry-after': '2' } }), 1_500],
    ['a plain record, any case (client-node)', apiException(429, { 'Retry-After': '4' }), 4_000],
    ['the response of an error (Azure RestError)', { response: { headers: new Headers({ 'retry-after': '5' }) } }, 5_000],
    ['the cause of an error', new Error('outer', { cause: apiException(503, { 'retry-after': '6' }) }), 6_000],
    ['garbage', new Response(null, { headers: { 'retry-after': 'soon' } }), undefined],
    ['no header', new Response(null), undefined],
  ])('%s', (_what, source, expected) => {
    expect(retryAfterMs(source, now)).toBe(expected);
  });
});
