import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  errorMessage,
  firstLine,
  init_errors
} from "./chunk-3S33VBNX.mjs";
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/clock.ts
var realClock;
var init_clock = __esm({
  "shared/clock.ts"() {
    "use strict";
    realClock = {
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
    };
  }
});

// shared/retry.ts
async function withRetry(doing, call, options = {}) {
  const policy = {
    attempts: Math.max(1, options.attempts ?? DEFAULT_RETRY_POLICY.attempts),
    firstDelayMs: options.firstDelayMs ?? DEFAULT_RETRY_POLICY.firstDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    budgetMs: options.budgetMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs
  };
  const clock = options.clock ?? realClock;
  const retriable = options.retriable ?? isTransient;
  const describe = options.describe ?? describeOutcome;
  const discard = options.discard ?? discardResponse;
  const check = options.check ?? "that the service is running and reachable from this machine";
  const started = clock.now();
  for (let attempt = 1; ; attempt++) {
    let outcome;
    try {
      outcome = { ok: true, value: await call(attempt) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (!retriable(outcome)) {
      if (outcome.ok) return outcome.value;
      throw outcome.error;
    }
    const seen = describe(outcome);
    if (outcome.ok) await discard(outcome.value);
    const elapsed = clock.now() - started;
    const giveUp = (reason, limit) => new RetryError(doing, seen, attempt, elapsed, reason, limit, check, outcome);
    if (attempt >= policy.attempts) throw giveUp("attempts", "");
    const asked = retryAfterMs(outcome.ok ? outcome.value : outcome.error, clock.now());
    if (asked !== void 0 && policy.maxRetryAfterMs !== void 0 && asked > policy.maxRetryAfterMs)
      throw giveUp(
        "retry-after",
        `the server asks to wait ${formatWait(asked)} (Retry-After), longer than the ${formatWait(policy.maxRetryAfterMs)} modelship waits`
      );
    const backoff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
    const wait = Math.max(backoff, asked ?? 0);
    if (policy.budgetMs !== void 0 && elapsed + wait > policy.budgetMs)
      throw giveUp(
        "budget",
        `another retry (in ${formatWait(wait)}${asked !== void 0 && asked >= backoff ? ", as Retry-After asks" : ""}) would pass the time budget of ${formatWait(policy.budgetMs)} (${formatWait(elapsed)} spent)`
      );
    options.log?.(
      `${doing}: ${seen} (attempt ${attempt}/${policy.attempts}); retry ${attempt}/${policy.attempts - 1} in ${formatWait(wait)}${asked !== void 0 && asked >= backoff ? " as Retry-After asks" : ""}`
    );
    await clock.sleep(wait);
  }
}
function retryAfterMs(source, now) {
  for (let current = source, depth = 0; isObject(current) && depth < 4; depth++) {
    for (const headers of [current.headers, isObject(current.response) ? current.response.headers : void 0]) {
      const found = fromHeaders(headers, now);
      if (found !== void 0) return found;
    }
    current = current.cause;
  }
  return void 0;
}
function fromHeaders(headers, now) {
  const ms = headerValue(headers, "retry-after-ms") ?? headerValue(headers, "x-ms-retry-after-ms");
  if (ms !== void 0 && /^\d+(\.\d+)?$/.test(ms)) return Number(ms);
  const value = headerValue(headers, "retry-after");
  if (value === void 0) return void 0;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function headerValue(headers, name) {
  if (!isObject(headers)) return void 0;
  let raw;
  if (typeof headers.get === "function") raw = headers.get.call(headers, name);
  else {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    raw = key === void 0 ? void 0 : headers[key];
  }
  if (Array.isArray(raw)) raw = raw[0];
  if (typeof raw === "number") return String(raw);
  if (typeof raw !== "string" || raw.trim() === "") return void 0;
  return raw.trim();
}
function isRetriableStatus(status) {
  return status === 429 || status >= 500;
}
function errorCode(err, accept = () => true) {
  for (let current = err, depth = 0; isObject(current) && depth < 4; depth++) {
    if (typeof current.code === "string" && accept(current.code)) return current.code;
    current = current.cause;
  }
  return void 0;
}
function networkErrorCode(err) {
  return errorCode(err, (code) => NETWORK_CODES.has(code));
}
function isTransient(outcome) {
  if (outcome.ok) return outcome.value instanceof Response && isRetriableStatus(outcome.value.status);
  const err = outcome.error;
  if (networkErrorCode(err) !== void 0) return true;
  if (err instanceof Error && err.name === "TimeoutError") return true;
  const status = isObject(err) ? httpStatus(err) ?? httpStatus(err.response) : void 0;
  return status !== void 0 && isRetriableStatus(status);
}
function isTransientFetch(outcome) {
  return !outcome.ok || isRetriableStatus(outcome.value.status);
}
function describeOutcome(outcome) {
  if (outcome.ok) return outcome.value instanceof Response ? `answered ${outcome.value.status}` : "an answer to try again";
  const code = networkErrorCode(outcome.error);
  if (code) return code;
  const cause = isObject(outcome.error) && outcome.error.cause instanceof Error ? outcome.error.cause : outcome.error;
  return firstLine(errorMessage(cause));
}
function httpStatus(value) {
  if (!isObject(value)) return void 0;
  for (const key of ["status", "statusCode", "code"]) {
    const status = value[key];
    if (typeof status === "number" && status >= 100 && status < 600) return status;
  }
  return void 0;
}
async function discardResponse(value) {
  if (value instanceof Response) await value.body?.cancel().catch(() => void 0);
}
function isObject(value) {
  return typeof value === "object" && value !== null;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function formatWait(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 12e4) return `${(ms / 1e3).toFixed(1).replace(/\.0$/, "")} s`;
  const seconds = Math.round(ms % 6e4 / 1e3);
  return `${Math.floor(ms / 6e4)} min${seconds ? ` ${seconds} s` : ""}`;
}
var DEFAULT_RETRY_POLICY, RetryError, NETWORK_CODES;
var init_retry = __esm({
  "shared/retry.ts"() {
    "use strict";
    init_clock();
    init_errors();
    DEFAULT_RETRY_POLICY = { attempts: 4, firstDelayMs: 500, maxDelayMs: 8e3, maxRetryAfterMs: 6e4 };
    RetryError = class extends Error {
      constructor(doing, seen, attempts, elapsedMs, reason, limit, check, last) {
        super(`${doing} failed after ${plural(attempts, "attempt")} (${seen})${limit ? `; ${limit}` : ""}; check ${check}`);
        this.doing = doing;
        this.seen = seen;
        this.attempts = attempts;
        this.elapsedMs = elapsedMs;
        this.reason = reason;
        this.limit = limit;
        this.check = check;
        this.last = last;
        this.name = "RetryError";
      }
      doing;
      seen;
      attempts;
      elapsedMs;
      reason;
      limit;
      check;
      last;
      /** the error the last attempt threw, if it threw */
      get lastError() {
        return this.last.ok ? void 0 : this.last.error;
      }
    };
    NETWORK_CODES = /* @__PURE__ */ new Set([
      "ECONNREFUSED",
      "ECONNRESET",
      "ECONNABORTED",
      "ETIMEDOUT",
      "EPIPE",
      "EAI_AGAIN",
      "EHOSTUNREACH",
      "ENETUNREACH",
      "UND_ERR_SOCKET",
      "UND_ERR_CONNECT_TIMEOUT",
      "UND_ERR_HEADERS_TIMEOUT",
      "UND_ERR_BODY_TIMEOUT"
    ]);
  }
});

export {
  realClock,
  init_clock,
  RetryError,
  withRetry,
  errorCode,
  networkErrorCode,
  isTransientFetch,
  init_retry
};
