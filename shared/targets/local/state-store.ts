import * as fs from 'node:fs';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { DeploymentSpec, EndpointRecord } from '../target';

/**
 * Files of one local endpoint, all under `<stateDir>/<endpoint>/`:
 * - state.json        deployments, weights, record (the source of truth; written atomically)
 * - host-config.json  how the endpoint host is to run (port, runtime), from the config
 * - host.json         the running host: pid, admin port, admin token (mode 0600)
 * - host.log, logs/   the host's and each deployment's output
 */
export interface PersistedDeployment {
  spec: DeploymentSpec;
  port: number;
  createdAt: string;
}

export interface PersistedEndpoint {
  version: 1;
  endpoint: string;
  deployments: PersistedDeployment[];
  traffic: Record<string, number>;
  mirror: Record<string, number>;
  record: EndpointRecord;
}

export interface HostConfig {
  endpoint: string;
  port: number;
  runtime: 'process' | 'docker';
  python: string;
  /** whether the endpoint requires a key; the key itself travels in the environment only */
  auth: boolean;
  /** variables of the host's environment its scoring processes get besides the allowlist (target.local.passEnv) */
  passEnv?: string[];
}

export interface HostInfo {
  pid: number;
  adminPort: number;
  token: string;
  startedAt: string;
  epoch: string;
  port: number;
}

export function endpointDir(stateDir: string, endpoint: string): string {
  return path.join(stateDir, endpoint);
}

export const files = {
  state: (dir: string) => path.join(dir, 'state.json'),
  hostConfig: (dir: string) => path.join(dir, 'host-config.json'),
  hostInfo: (dir: string) => path.join(dir, 'host.json'),
  hostLog: (dir: string) => path.join(dir, 'host.log'),
  logs: (dir: string) => path.join(dir, 'logs'),
};

export function readJsonIfExists<T>(file: string): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as T;
  } catch (err: unknown) {
    throw new Error(
      `${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); move it away to start the endpoint afresh`,
    );
  }
}

/** the state folder and its files are the user's alone: logs hold model output, state the rollout */
export const STATE_DIR_MODE = 0o700;
export const STATE_FILE_MODE = 0o600;

/**
 * Write a state file whole or not at all (a temp file, fsync, rename): after a failure the
 * previous content is still there. A failure names the file and what to do, as Node's own
 * errors often name neither (`ENOSPC: no space left on device, write`).
 */
export async function writeJsonAtomic(file: string, value: unknown, mode = STATE_FILE_MODE): Promise<void> {
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: STATE_DIR_MODE });
    await writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n', { mode, fsync: true });
  } catch (err: unknown) {
    throw stateWriteError(file, err);
  }
}

/** the same, synchronously, for the small files a command writes (host-config.json, the lock's holder) */
export function writeStateFileSync(file: string, text: string, mode = STATE_FILE_MODE): void {
  try {
    writeFileAtomic.sync(file, text, { mode, fsync: true });
  } catch (err: unknown) {
    throw stateWriteError(file, err);
  }
}

/** filesystem errors that say the state folder cannot take writes, and what to check for each */
const WRITE_FAILURES: Partial<Record<string, { seen: string; check: (dir: string) => string }>> = {
  ENOSPC: {
    seen: 'no space left on device (ENOSPC)',
    check: (dir) => `free space on the filesystem that holds ${dir} (\`df -h ${dir}\`), or point target.local.stateDir at another one`,
  },
  EDQUOT: {
    seen: 'disk quota exceeded (EDQUOT)',
    check: (dir) => `the disk quota of this user on the filesystem that holds ${dir} (\`quota\`, \`df -h ${dir}\`)`,
  },
  EROFS: {
    seen: 'read-only file system (EROFS)',
    check: (dir) => `that ${dir} is on a writable filesystem, or point target.local.stateDir at one`,
  },
  EACCES: { seen: 'permission denied (EACCES)', check: (dir) => `that this user may write in ${dir} (\`ls -ld ${dir}\`)` },
  EPERM: { seen: 'operation not permitted (EPERM)', check: (dir) => `that this user may write in ${dir} (\`ls -ld ${dir}\`)` },
};

/** a state file that could not be written (atomically: its previous content is unchanged); `code` is the filesystem's */
export class StateWriteError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'StateWriteError';
  }
}

export function stateWriteError(file: string, err: unknown): StateWriteError {
  if (err instanceof StateWriteError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const known = code !== undefined ? WRITE_FAILURES[code] : undefined;
  const dir = path.dirname(file);
  const seen = known?.seen ?? (err instanceof Error ? err.message : String(err));
  const check = known ? known.check(dir) : `that ${dir} is writable`;
  return new StateWriteError(`cannot write ${file}: ${seen}; the file is as it was before this write; check ${check}`, file, code);
}

export function emptyEndpoint(endpoint: string): PersistedEndpoint {
  return { version: 1, endpoint, deployments: [], traffic: {}, mirror: {}, record: {} };
}
