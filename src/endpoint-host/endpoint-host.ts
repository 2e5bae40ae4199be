import * as fs from 'node:fs';
import { AUTH_KEY_ENV, EndpointHost } from '../../shared/targets/local/endpoint-host';
import { HostConfig, files, readJsonIfExists } from '../../shared/targets/local/state-store';

/**
 * The endpoint host's process entry: `node endpoint-host.js <endpoint-dir>`. The local
 * target starts it detached, one per endpoint; it reads its settings from the endpoint's
 * folder and its key from the environment, and runs until `modelship down` (or a signal).
 * The library (shared/targets/local/endpoint-host.ts) never touches the process itself.
 */
async function main(): Promise<void> {
  const dir = process.argv[2];
  // a log line that cannot be written (the state filesystem is full) is dropped: the endpoint keeps
  // serving; process.stdout would instead emit an 'error' that ends the process
  const log = (line: string): void => {
    try {
      fs.writeSync(1, `${new Date().toISOString()} ${line}\n`);
    } catch {
      // ENOSPC, EIO: nothing to tell it to
    }
  };
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  if (!dir) throw new Error('usage: endpoint-host <endpoint-dir>');
  const cfg = readJsonIfExists<HostConfig>(files.hostConfig(dir));
  if (!cfg) throw new Error(`${files.hostConfig(dir)} is missing`);
  const host = new EndpointHost(dir, cfg, process.env[AUTH_KEY_ENV] || undefined, log, process.env, (code) => process.exit(code));
  process.on('SIGTERM', () => void host.shutdown({ forget: false }));
  process.on('SIGINT', () => void host.shutdown({ forget: false }));
  await host.start();
}

main().catch((err: unknown) => {
  process.stderr.write(`${new Date().toISOString()} endpoint host failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
