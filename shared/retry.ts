import { Clock, realClock } from './clock';
import { errorMessage, firstLine } from './errors';

/**
 * The one retry helper of the codebase: bounded attempts, exponential backoff with a cap,
 * an optional time budget, and the server's Retry-After honoured (delta-seconds or an
 * HTTP date, read from a fetch Response or from an error that carries headers, such as
 * @kubernetes/client-node's ApiException). Each retry logs one line: what was being done,
 * what the attempt saw, the attempt number and the wait. When it gives up, the error
 * names the same, and what to check.
 *
 * Libraries with retry policies of their own (the Azure SDK pipelines) keep them.
 */
export interface RetryPolicy {
  /** attempts in all, the first one included */
  attempts: number;
  /** the wait before the first retry, doubled before each further one */
  firstDelayMs: number;
  /** the longest backoff wait */
  maxDelayMs: number;
  /** how long one call may take in all, attempts and waits included: a retry whose wait would pass it is not made */
  budgetMs?: number;
  /** a Retry-After longer than this is not waited for: the call fails at once, saying so */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, firstDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** what one attempt ended with */
export type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface RetryOptions<T> extends Partial<RetryPolicy> {
  /** the time and the waits; tests pass a virtual clock (shared/clock.ts) */
  clock?: Clock;
  log?: (line: string) => void;
  /**
   * Whether an outcome is a transient failure worth another attempt. Default: a fetch
   * Response 429 or 5xx, and an error that is a network failure, a timeout, or carries such
   * a status. An outcome that is not retriable ends the call at once: a value is returned, an
   * error thrown as it is.
   */
  retriable?: (outcome: AttemptOutcome<T>) => boolean;
  /** what an outcome was, for log lines and messages (default: `answered 503`, a network error code, the error's message) */
  describe?: (outcome: AttemptOutcome<T>) => string;
  /** what the user should check when the retries run out, e.g. "that the registry is running and reachable" */
  check?: string;
  /** a value that is retried is let go of first (default: a fetch Response's body is cancelled) */
  discard?: (value: T) => Promise<void> | void;
}

export type GiveUpReason = 'attempts' | 'budget' | 'retry-after';

/** every attempt allowed failed; `seen` is what the last one saw, `last` its outcome */
export class RetryError extends Error {
  constructor(
    readonly doing: string,
    readonly seen: string,
    readonly attempts: number,
    readonly elapsedMs: number,
    readonly reason: GiveUpReason,
    /** why no further attempt was made, beyond the attempt count; empty when the attempts ran out */
    readonly limit: string,
    readonly check: string,
    readonly last: AttemptOutcome<unknown>,
  ) {
    super(`${doing} failed after ${plural(attempts, 'attempt')} (${seen})${limit ? `; ${limit}` : ''}; check ${check}`);
    this.name = 'RetryError';
  }

  /** the error the last attempt threw, if it threw */
  get lastError(): unknown {
    return this.last.ok ? undefined : this.last.error;
  }
}

/**
 * Run `call` until it gives an outcome that is not retriable, or the attempts, the time
 * budget or the patience for Retry-After run out (then a RetryError). `call` gets the
 * attempt number, from 1.
 */
export async function withRetry<T>(doing: string, call: (attempt: number) => Promise<T>, options: RetryOptions<T> = {}): Promise<T> {
  const policy: RetryPolicy = {
    attempts: Math.max(1, options.attempts ?? DEFAULT_RETRY_POLICY.attempts),
    firstDelayMs: options.firstDelayMs ?? DEFAULT_RETRY_POLICY.firstDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    budgetMs: options.budgetMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs,
  };
  const clock = options.clock ?? realClock;
  const retriable = options.retriable ?? isTransient;
  const describe = options.describe ?? describeOutcome;
  const discard = options.discard ?? discardResponse;
  const check = options.check ?? 'that the service is running and reachable from this machine';
  const started = clock.now();
  for (let attempt = 1; ; attempt++) {
    let outcome: AttemptOutcome<T>;
    try {
      outcome = { ok: true, value: await call(attempt) };
    } catch (error: unknown) {
      outcome = { ok: false, error };
    }
    if (!retriable(outcome)) {
      if (outcome.ok) return outcome.value;
      throw outcome.error;
    }
    const seen = describe(outcome);
    if (outcome.ok) await discard(outcome.value);
    const elapsed = clock.now() - started;
    const giveUp = (reason: GiveUpReason, limit: string) => new RetryError(doing, seen, attempt, elapsed, reason, limit, check, outcome);
    if (attempt >= policy.attempts) throw giveUp('attempts', '');
    const asked = retryAfterMs(outcome.ok ? outcome.value : outcome.error, clock.now());
    if (asked !== undefined && policy.maxRetryAfterMs !== undefined && asked > policy.maxRetryAfterMs)
      throw giveUp(
        'retry-after',
        `the server asks to wait ${formatWait(asked)} (Retry-After), longer than the ${formatWait(policy.maxRetryAfterMs)} modelship waits`,
      );
    const backoff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
    const wait = Math.max(backoff, asked ?? 0);
    if (policy.budgetMs !== undefined && elapsed + wait > policy.budgetMs)
      throw giveUp(
        'budget',
        `another retry (in ${formatWait(wait)}${asked !== undefined && asked >= backoff ? ', as Retry-After asks' : ''}) would pass the time budget of ${formatWait(policy.budgetMs)} (${formatWait(elapsed)} spent)`,
      );
    options.log?.(
      `${doing}: ${seen} (attempt ${attempt}/${policy.attempts}); retry ${attempt}/${policy.attempts - 1} in ${formatWait(wait)}${asked !== undefined && asked >= backoff ? ' as Retry-After asks' : ''}`,
    );
    await clock.sleep(wait);
  }
}

/**
 * The wait a server asks for, in ms: the Retry-After header as delta-seconds or an HTTP
 * date (relative to `now`), or Azure's retry-after-ms / x-ms-retry-after-ms. `source` is a
 * fetch Response, or an error with `headers` (a Headers object or a plain record, as
 * client-node's ApiException), with `response.headers`, or with such a `cause`.
 */
export function retryAfterMs(source: unknown, now: number): number | undefined {
  for (let current = source, depth = 0; isObject(current) && depth < 4; depth++) {
    for (const headers of [current.headers, isObject(current.response) ? current.response.headers : undefined]) {
      const found = fromHeaders(headers, now);
      if (found !== undefined) return found;
    }
    current = current.cause;
  }
  return undefined;
}

function fromHeaders(headers: unknown, now: number): number | undefined {
  const ms = headerValue(headers, 'retry-after-ms') ?? headerValue(headers, 'x-ms-retry-after-ms');
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Number(ms);
  const value = headerValue(headers, 'retry-after');
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** a header of a Headers object (fetch, Azure) or of a plain record (node:http, client-node), whatever its case */
function headerValue(headers: unknown, name: string): string | undefined {
  if (!isObject(headers)) return undefined;
  let raw: unknown;
  if (typeof headers.get === 'function') raw = (headers.get as (n: string) => unknown).call(headers, name);
  else {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    raw = key === undefined ? undefined : headers[key];
  }
  if (Array.isArray(raw)) raw = raw[0];
  if (typeof raw === 'number') return String(raw);
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  return raw.trim();
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** an HTTP status that says "try again later" */
export function isRetriableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The first string `code` (e.g. ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT) that `accept`
 * takes, looked for through the error's causes (fetch puts it in `cause`).
 */
export function errorCode(err: unknown, accept: (code: string) => boolean = () => true): string | undefined {
  for (let current = err, depth = 0; isObject(current) && depth < 4; depth++) {
    if (typeof current.code === 'string' && accept(current.code)) return current.code;
    current = current.cause;
  }
  return undefined;
}

/** the error code of a network failure, looked for through the error's causes */
export function networkErrorCode(err: unknown): string | undefined {
  return errorCode(err, (code) => NETWORK_CODES.has(code));
}

/** the default classification: HTTP 429/5xx answers, network failures, timeouts */
export function isTransient(outcome: AttemptOutcome<unknown>): boolean {
  if (outcome.ok) return outcome.value instanceof Response && isRetriableStatus(outcome.value.status);
  const err = outcome.error;
  if (networkErrorCode(err) !== undefined) return true;
  if (err instanceof Error && err.name === 'TimeoutError') return true;
  const status = isObject(err) ? (httpStatus(err) ?? httpStatus(err.response)) : undefined;
  return status !== undefined && isRetriableStatus(status);
}

/**
 * For calls to fetch: it throws only when no answer came (refused, reset, timed out, TLS),
 * always worth another try; an answer is retried when it is 429 or 5xx.
 */
export function isTransientFetch(outcome: AttemptOutcome<Response>): boolean {
  return !outcome.ok || isRetriableStatus(outcome.value.status);
}

/** for messages: `answered 503`, a network error code, or the error's first line */
export function describeOutcome(outcome: AttemptOutcome<unknown>): string {
  if (outcome.ok) return outcome.value instanceof Response ? `answered ${outcome.value.status}` : 'an answer to try again';
  const code = networkErrorCode(outcome.error);
  if (code) return code;
  const cause = isObject(outcome.error) && outcome.error.cause instanceof Error ? outcome.error.cause : outcome.error;
  return firstLine(errorMessage(cause));
}

/** the HTTP status an error carries: `status` (fetch-like, Azure), `statusCode` (dockerode), numeric `code` (client-node ApiException) */
function httpStatus(value: unknown): number | undefined {
  if (!isObject(value)) return undefined;
  for (const key of ['status', 'statusCode', 'code']) {
    const status = value[key];
    if (typeof status === 'number' && status >= 100 && status < 600) return status;
  }
  return undefined;
}

async function discardResponse(value: unknown): Promise<void> {
  if (value instanceof Response) await value.body?.cancel().catch(() => undefined);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** 250 ms, 1.5 s, 90 s, 2 min 5 s, 10 min */
export function formatWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${Math.floor(ms / 60_000)} min${seconds ? ` ${seconds} s` : ''}`;
}
