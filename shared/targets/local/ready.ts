import * as http from 'node:http';

export interface ReadyWait {
  port: number;
  path: string;
  timeoutMs: number;
  /** resolves with a description when the deployment stops before it is ready */
  exited?: Promise<string>;
  pollMs?: number;
}

/** Poll `GET http://127.0.0.1:port/path` until it answers 200; fail on exit or deadline. */
export async function waitUntilReady(readiness: ReadyWait): Promise<void> {
  const deadline = Date.now() + readiness.timeoutMs;
  let gone: string | undefined;
  void readiness.exited?.then((why) => (gone = why));
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (gone) throw new Error(`it ${gone} before answering GET ${readiness.path}`);
    const status = await probe(readiness.port, readiness.path).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (status === 200) return;
    last = typeof status === 'number' ? `GET ${readiness.path} answered ${status}` : status;
    await new Promise((r) => setTimeout(r, readiness.pollMs ?? 100));
  }
  if (gone) throw new Error(`it ${gone} before answering GET ${readiness.path}`);
  throw new Error(`not ready within ${readiness.timeoutMs} ms (${last}); check serve.readyPath and serve.readyTimeout`);
}

function probe(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: 2000, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('readiness probe timed out')));
    req.on('error', reject);
  });
}
