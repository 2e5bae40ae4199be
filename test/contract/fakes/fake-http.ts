import * as http from 'node:http';
import * as https from 'node:https';
import { AddressInfo } from 'node:net';

/**
 * What the fake HTTP services of the contract tests share: listening on loopback (HTTP, or
 * HTTPS with the test CA's certificate), closing with every keep-alive connection, and
 * injected faults matched by method and path.
 */

/** a glob over a URL path: `*` matches within one segment, `**` across segments; a trailing `/` is optional */
export function globToRegExp(glob: string, flags = ''): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i += 1) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i += 1;
    } else if (ch === '*') re += '[^/]*';
    else re += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}/?$`, flags);
}

/** which requests a fault answers, and how many times */
export interface FaultMatch {
  /** HTTP method to match; default any */
  method?: string;
  /** a RegExp, or a glob (see globToRegExp) */
  path: string | RegExp;
  /** how many matching requests it answers (default 1; Infinity for all) */
  count?: number;
}

export interface FaultHandle {
  /** matching requests still to be answered with the fault */
  readonly remaining: number;
  /** matching requests answered with the fault so far */
  readonly hits: number;
}

/** the faults a test injected, in order; the first one that matches a request answers it */
export class FaultBook<S extends FaultMatch> {
  private readonly faults: Array<{ spec: S; pattern: RegExp; remaining: number; hits: number }> = [];

  /** @param globFlags RegExp flags for glob paths (e.g. 'i' where the service's paths are case-insensitive) */
  constructor(private readonly globFlags = '') {}

  inject(spec: S): FaultHandle {
    const fault = {
      spec,
      pattern: typeof spec.path === 'string' ? globToRegExp(spec.path, this.globFlags) : spec.path,
      remaining: spec.count ?? 1,
      hits: 0,
    };
    this.faults.push(fault);
    return {
      get remaining() {
        return fault.remaining;
      },
      get hits() {
        return fault.hits;
      },
    };
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** the fault that answers this request (counted as a hit), or undefined */
  take(method: string, path: string): S | undefined {
    const fault = this.faults.find(
      (f) => f.remaining > 0 && (f.spec.method === undefined || f.spec.method.toUpperCase() === method) && f.pattern.test(path),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    return fault.spec;
  }
}

/** listen on 127.0.0.1 on a port the system picks; HTTPS with `tls` */
export async function listenOnLoopback(
  listener: http.RequestListener,
  tls?: { key: string; cert: string },
): Promise<{ server: http.Server; origin: string }> {
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener);
  return { server, origin: await listenServer(server, tls ? 'https' : 'http') };
}

/** start `server` on 127.0.0.1 on a port the system picks; resolves with its origin */
export async function listenServer(server: http.Server, scheme: 'http' | 'https' = 'http'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** close the listener and every open (keep-alive) connection */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
