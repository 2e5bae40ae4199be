/**
 * A raw HTTP client for the fake API server's tests: a request with its bearer token, the
 * answer's status, text, JSON body (empty when it is no JSON) and headers.
 */
export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  body: Json;
  text: string;
  headers: Headers;
}

export async function kubeRequest(
  server: { url: string; token: string },
  method: string,
  urlPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${server.url}${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: Json = {};
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    // text/plain (logs, proxied answers)
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** a server-side apply of `obj` by field manager `manager` */
export function kubeApply(
  server: { url: string; token: string },
  urlPath: string,
  obj: unknown,
  manager: string,
  force = false,
): Promise<Answer> {
  return kubeRequest(
    server,
    'PATCH',
    `${urlPath}?fieldManager=${manager}${force ? '&force=true' : ''}`,
    typeof obj === 'string' ? obj : JSON.stringify(obj),
    {
      'content-type': 'application/apply-patch+yaml',
    },
  );
}

/** polls `fn` until it gives a value (not undefined or false), or fails naming `what` and the last error */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 40_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (err: unknown) {
      last = String(err);
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
