/**
 * Bounded retries with exponential backoff for calls to registries: network errors and
 * 5xx / 429 answers are retried; anything else is returned or thrown at once.
 */
export interface RetryOptions {
  attempts?: number;
  firstDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

/** every attempt failed; `last` is what the last one saw (a status or a network error code) */
export class RetryExhaustedError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly last: string,
  ) {
    super(message);
  }
}

export async function withRetry(doing: string, call: () => Promise<Response>, options: RetryOptions = {}): Promise<Response> {
  const attempts = options.attempts ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let delay = options.firstDelayMs ?? 500;
  let last = '';
  for (let i = 1; i <= attempts; i++) {
    try {
      const res = await call();
      if (res.status < 500 && res.status !== 429) return res;
      last = `answered ${res.status}`;
      await res.body?.cancel();
    } catch (err: unknown) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      last = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
    }
    if (i < attempts) {
      options.log?.(`${doing}: ${last}; retry ${i}/${attempts - 1} in ${delay} ms`);
      await sleep(delay);
      delay *= 2;
    }
  }
  throw new RetryExhaustedError(
    `${doing} failed after ${attempts} attempts (${last}); check that the registry is running and reachable`,
    attempts,
    last,
  );
}
