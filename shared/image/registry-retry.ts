import { Clock } from '../clock';
import { RetryOptions, RetryPolicy, isTransientFetch } from '../retry';

/**
 * The retries of calls to container registries (the distribution API, ACR's token
 * exchange): 4 attempts, 0.5 s then doubling (3.5 s of waits in all); network errors,
 * timeouts and 429 / 5xx answers are retried, Retry-After honoured.
 */
export type RegistryRetry = Partial<RetryPolicy> & { clock?: Clock; log?: (line: string) => void };

export function registryRetry(retry: RegistryRetry = {}): RetryOptions<Response> {
  return {
    attempts: 4,
    firstDelayMs: 500,
    ...retry,
    retriable: isTransientFetch,
    check: 'that the registry is running and reachable',
  };
}
