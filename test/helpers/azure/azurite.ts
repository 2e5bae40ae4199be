import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { BlobServiceClient, StorageSharedKeyCredential, type StoragePipelineOptions } from '@azure/storage-blob';
import { testCa } from './test-ca';

/** Azurite's well-known development account and its published key (not a secret). */
export const AZURITE_ACCOUNT_NAME = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const LOOPBACK_ONLY = path.resolve(__dirname, '..', 'loopback-only.js');

export interface Azurite {
  /** https://127.0.0.1:PORT/devstoreaccount1 */
  url: string;
  port: number;
  accountName: string;
  accountKey: string;
  pid: number;
  /** milliseconds from spawn to the first answer */
  startMs: number;
  /** kill it by its pid and remove its data directory */
  stop(): Promise<void>;
}

export interface StartAzuriteOptions {
  /** loopback-only guard log for the Azurite process (it is always preloaded with the guard) */
  netlog?: string;
  /** give up after this long (default 30 s) */
  timeoutMs?: number;
}

/** environment for a child process: no proxy settings (they would route loopback calls elsewhere) */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(https?|all|no)_proxy$/i.test(k)) delete env[k];
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** NODE_OPTIONS that preloads the loopback-only guard (kept with whatever NODE_OPTIONS already holds) */
export function guardNodeOptions(existing = process.env.NODE_OPTIONS): string {
  const req = /\s/.test(LOOPBACK_ONLY) ? `--require "${LOOPBACK_ONLY}"` : `--require ${LOOPBACK_ONLY}`;
  if (!existing) return req;
  return existing.includes(LOOPBACK_ONLY) ? existing : `${existing} ${req}`;
}

/**
 * Environment for a child process (the CLI, a script) that talks to the fake Entra ID / Azurite:
 * - trusts the test CA (NODE_EXTRA_CA_CERTS) and preloads the loopback-only guard (NODE_OPTIONS),
 *   logging refusals to `netlog`;
 * - AZURE_AUTHORITY_HOST = the fake Entra ID (read by every @azure/identity credential);
 * - none of the parent's Azure/MSAL/managed-identity settings: AZURE_* (client/tenant/secret,
 *   AZURE_REGIONAL_AUTHORITY_NAME, AZURE_FEDERATED_TOKEN_FILE, AZURE_TOKEN_CREDENTIALS...),
 *   MSAL_FORCE_REGION, REGION_NAME, IDENTITY_ENDPOINT/IDENTITY_HEADER/IDENTITY_SERVER_THUMBPRINT,
 *   IMDS_ENDPOINT, MSI_ENDPOINT/MSI_SECRET, SYSTEM_OIDCREQUESTURI, ACTIONS_ID_TOKEN_REQUEST_*;
 *   a region makes MSAL rewrite the token endpoint host (or ask IMDS), the others select a
 *   managed identity source that is not on this machine;
 * - no HTTP(S)_PROXY / NO_PROXY;
 * then `env` on top (undefined removes a variable).
 */
export function azureChildEnv(
  opts: { authorityHost?: string; netlog?: string; env?: Record<string, string | undefined> } = {},
): NodeJS.ProcessEnv {
  const env = childEnv();
  for (const k of Object.keys(env)) {
    if (/^(AZURE_|MSAL_|IDENTITY_|MSI_|IMDS_|ACTIONS_ID_TOKEN_REQUEST_)/.test(k) || k === 'REGION_NAME' || k === 'SYSTEM_OIDCREQUESTURI')
      delete env[k];
  }
  env.NODE_EXTRA_CA_CERTS = testCa().caCertPath;
  env.NODE_OPTIONS = guardNodeOptions(env.NODE_OPTIONS);
  if (opts.netlog) env.MODELSHIP_TEST_NETLOG = opts.netlog;
  else delete env.MODELSHIP_TEST_NETLOG;
  if (opts.authorityHost) env.AZURE_AUTHORITY_HOST = opts.authorityHost;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function probe(port: number, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port, path: `/${AZURITE_ACCOUNT_NAME}?comp=list`, ca, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/**
 * Start Azurite's blob service (the real emulator, from node_modules) over HTTPS with the test CA's
 * certificate and `--oauth basic`, on 127.0.0.1 and a port it picks, with data in a temp dir.
 * Flags: `--disableTelemetry` (Azurite otherwise sends usage telemetry to Application Insights on
 * the internet), `--skipApiVersionCheck` (@azure/storage-blob 12.34 sends x-ms-version 2026-10-06,
 * newer than Azurite 3.37 knows: it would answer 400 InvalidHeaderValue), `--silent` (no access log).
 * No `--loose`: listing, uploading and downloading work without it.
 * The process runs with the loopback-only guard preloaded.
 */
export async function startAzurite(opts: StartAzuriteOptions = {}): Promise<Azurite> {
  const ca = testCa();
  const location = fs.mkdtempSync(path.join(os.tmpdir(), 'modelship-azurite-'));
  const main = fs.realpathSync(path.resolve(__dirname, '..', '..', '..', 'node_modules', '.bin', 'azurite-blob'));
  const args = [
    main,
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
    '--location',
    location,
    '--silent',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--oauth',
    'basic',
    '--cert',
    ca.certPath,
    '--key',
    ca.keyPath,
  ];
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: location,
    env: childEnv({
      NODE_OPTIONS: guardNodeOptions(),
      MODELSHIP_TEST_NETLOG: opts.netlog,
      AZURITE_ACCOUNTS: undefined,
      NODE_EXTRA_CA_CERTS: undefined,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited: string | undefined;
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  child.on('exit', (code, signal) => (exited = `exited (${signal ?? code})`));

  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    fs.rmSync(location, { recursive: true, force: true });
  };

  try {
    const deadline = started + (opts.timeoutMs ?? 30_000);
    // "Azurite Blob service successfully listens on https://127.0.0.1:PORT"
    let port = 0;
    while (!port) {
      if (exited) throw new Error(`azurite-blob ${exited}: ${output}`);
      if (Date.now() > deadline) throw new Error(`azurite-blob did not start within ${opts.timeoutMs ?? 30_000} ms: ${output}`);
      const m = output.match(/successfully listens on https:\/\/127\.0\.0\.1:(\d+)/);
      if (m) port = Number(m[1]);
      else await new Promise((r) => setTimeout(r, 25));
    }
    // an unauthenticated list answers 403: the service is up and speaks TLS with the test certificate
    for (;;) {
      const status = await probe(port, ca.caCert).catch(() => 0);
      if (status === 403) break;
      if (exited) throw new Error(`azurite-blob ${exited}: ${output}`);
      if (Date.now() > deadline) throw new Error(`azurite-blob on port ${port} does not answer (last status ${status}): ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return {
      url: `https://127.0.0.1:${port}/${AZURITE_ACCOUNT_NAME}`,
      port,
      accountName: AZURITE_ACCOUNT_NAME,
      accountKey: AZURITE_ACCOUNT_KEY,
      pid: child.pid as number,
      startMs: Date.now() - started,
      stop: kill,
    };
  } catch (e) {
    await kill();
    throw e;
  }
}

/**
 * A BlobServiceClient for Azurite from THIS process (which does not have NODE_EXTRA_CA_CERTS):
 * shared key, and the test CA as the only trusted root (core-rest-pipeline's `tlsOptions`, which
 * @azure/storage-blob passes through to its pipeline although StoragePipelineOptions does not declare it).
 */
export function azuriteSharedKeyClient(azurite: Pick<Azurite, 'url' | 'accountName' | 'accountKey'>): BlobServiceClient {
  const options = { tlsOptions: { ca: testCa().caCert }, retryOptions: { maxTries: 1 } } as StoragePipelineOptions;
  return new BlobServiceClient(azurite.url, new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey), options);
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * Seed a container: create it (if missing) and upload every file under `folder`, named by its
 * path relative to `folder` (forward slashes) under `prefix`. Returns the blob names.
 */
export async function seedContainer(
  azurite: Pick<Azurite, 'url' | 'accountName' | 'accountKey'>,
  container: string,
  folder: string,
  prefix = '',
): Promise<string[]> {
  const containerClient = azuriteSharedKeyClient(azurite).getContainerClient(container);
  await containerClient.createIfNotExists();
  const names: string[] = [];
  for (const rel of listFiles(folder)) {
    const name = prefix ? `${prefix.replace(/\/+$/, '')}/${rel}` : rel;
    await containerClient.getBlockBlobClient(name).uploadFile(path.join(folder, rel));
    names.push(name);
  }
  return names;
}
