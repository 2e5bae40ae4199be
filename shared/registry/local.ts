import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, errorMessage } from '../errors';
import { ModelRegistry, ModelSelector, ModelVersion, RegisterRequest } from './registry';
import { LATEST } from './version';

/**
 * The local model registry: a plain folder, the embedded default.
 *
 *   <root>/<model>/<version>/meta.json
 *   <root>/<model>/<version>/files/...
 *
 * A version appears in one `rename` of a fully written temp folder, so readers never see
 * half a version and concurrent registrations (other processes included) each get their
 * own number: a rename onto a taken number fails and the writer moves on to the next one.
 */
export interface LocalModelFile {
  /** relative to the version's files/ folder, `/`-separated */
  path: string;
  sha256: string;
  size: number;
}

export interface LocalModelMeta {
  name: string;
  version: number;
  tags: Record<string, string>;
  description?: string;
  registeredAt: string;
  files: LocalModelFile[];
}

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
const VERSION_DIR = /^[1-9][0-9]*$/;
const INCOMING_PREFIX = '.incoming-';
/** enough for many concurrent writers; each retry re-reads the folder, so numbers advance quickly */
const MAX_RENAME_ATTEMPTS = 100;

export class LocalModelRegistry implements ModelRegistry {
  readonly description: string;
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.description = `local registry ${this.root}`;
  }

  async list(name: string): Promise<ModelVersion[]> {
    const modelDir = this.modelDir(name);
    const versions = await versionNumbers(modelDir);
    const out: ModelVersion[] = [];
    for (const version of versions)
      out.push(toModelVersion(name, version, await readMeta(path.join(modelDir, String(version), 'meta.json'))));
    return out;
  }

  async resolve(selector: ModelSelector): Promise<ModelVersion | undefined> {
    const versions = await this.list(selector.name);
    if (selector.version === LATEST) {
      const wanted = Object.entries(selector.tags);
      const matching = versions.filter((v) => wanted.every(([k, val]) => v.tags[k] === val));
      return matching[matching.length - 1];
    }
    return versions.find((v) => v.version === selector.version);
  }

  async register(request: RegisterRequest): Promise<ModelVersion> {
    const modelDir = this.modelDir(request.name);
    const source = path.resolve(request.source);
    const sourceStat = await fs.promises.stat(source).catch((err: unknown) => {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT'
          ? `cannot register model '${request.name}': the source ${source} does not exist`
          : `cannot register model '${request.name}': cannot read the source ${source}: ${errorMessage(err)}`,
      );
    });
    if (sourceStat.isDirectory() && isInside(modelDir, source)) {
      throw new UsageError(`cannot register model '${request.name}': the source ${source} contains the registry folder ${modelDir}`);
    }

    await fs.promises.mkdir(modelDir, { recursive: true });
    const incoming = path.join(modelDir, `${INCOMING_PREFIX}${crypto.randomBytes(8).toString('hex')}`);
    try {
      const filesDir = path.join(incoming, 'files');
      await fs.promises.mkdir(filesDir, { recursive: true });
      const files: LocalModelFile[] = [];
      if (sourceStat.isDirectory()) {
        await copyTree(source, filesDir, '', files, new Set([await fs.promises.realpath(source)]));
      } else if (sourceStat.isFile()) {
        files.push(await copyFile(source, path.join(filesDir, path.basename(source)), path.basename(source)));
      } else {
        throw new UsageError(`cannot register model '${request.name}': the source ${source} is neither a file nor a folder`);
      }
      if (files.length === 0) throw new UsageError(`cannot register model '${request.name}': the source folder ${source} holds no files`);
      files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

      const registeredAt = new Date().toISOString();
      let version = nextVersion(await versionNumbers(modelDir));
      for (let attempt = 1; ; attempt++) {
        const meta: LocalModelMeta = {
          name: request.name,
          version,
          tags: { ...request.tags },
          ...(request.description !== undefined ? { description: request.description } : {}),
          registeredAt,
          files,
        };
        // meta.json carries the number, so it is rewritten before each attempt
        await fs.promises.writeFile(path.join(incoming, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
        try {
          await fs.promises.rename(incoming, path.join(modelDir, String(version)));
          return toModelVersion(request.name, version, meta);
        } catch (err: unknown) {
          const code = (err as NodeJS.ErrnoException).code;
          if ((code !== 'EEXIST' && code !== 'ENOTEMPTY') || attempt >= MAX_RENAME_ATTEMPTS) {
            throw new Error(`cannot register model '${request.name}' as version ${version} in ${modelDir}: ${errorMessage(err)}`);
          }
          version = Math.max(version + 1, nextVersion(await versionNumbers(modelDir)));
        }
      }
    } catch (err: unknown) {
      await fs.promises.rm(incoming, { recursive: true, force: true }).catch(() => undefined);
      throw err;
    }
  }

  async materialize(name: string, version: string): Promise<string> {
    if (!VERSION_DIR.test(version))
      throw new Error(`model '${name}' version ${version} is not in the ${this.description} (its versions are whole numbers)`);
    const dir = path.join(this.modelDir(name), version, 'files');
    const stat = await fs.promises.stat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) throw new Error(`model '${name}' version ${version} is not in the ${this.description} (no folder ${dir})`);
    return dir;
  }

  private modelDir(name: string): string {
    if (!MODEL_NAME.test(name)) {
      throw new UsageError(
        `invalid model name '${name}': use letters, digits, '.', '_' or '-', starting with a letter or digit (at most 255 characters)`,
      );
    }
    return path.join(this.root, name);
  }
}

function nextVersion(existing: number[]): number {
  return existing.length === 0 ? 1 : existing[existing.length - 1] + 1;
}

/** version numbers present in a model folder, ascending; temp folders and stray entries ignored */
async function versionNumbers(modelDir: string): Promise<number[]> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(modelDir, { withFileTypes: true });
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`cannot read the model folder ${modelDir}: ${errorMessage(err)}`);
  }
  return entries
    .filter((e) => e.isDirectory() && VERSION_DIR.test(e.name))
    .map((e) => Number(e.name))
    .filter((n) => Number.isSafeInteger(n))
    .sort((a, b) => a - b);
}

async function readMeta(file: string): Promise<LocalModelMeta> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err: unknown) {
    throw new Error(`broken model version: cannot read ${file}: ${errorMessage(err)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err: unknown) {
    throw new Error(`broken model version: ${file} is not valid JSON: ${errorMessage(err)}`);
  }
  const problem = metaProblem(raw);
  if (problem) throw new Error(`broken model version: ${file}: ${problem}`);
  return raw as LocalModelMeta;
}

function metaProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected a JSON object';
  const meta = raw as Record<string, unknown>;
  if (typeof meta.name !== 'string') return '`name` must be a string';
  if (typeof meta.registeredAt !== 'string') return '`registeredAt` must be a string';
  if (meta.description !== undefined && typeof meta.description !== 'string') return '`description` must be a string';
  const tags = meta.tags;
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) return '`tags` must be an object';
  for (const [key, value] of Object.entries(tags)) if (typeof value !== 'string') return `tag '${key}' must be a string`;
  if (!Array.isArray(meta.files)) return '`files` must be a list';
  return undefined;
}

/** the folder name is the version: meta.json is written by us, the folder is what readers see */
function toModelVersion(name: string, version: number, meta: LocalModelMeta): ModelVersion {
  return {
    name,
    version: String(version),
    tags: { ...meta.tags },
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    registeredAt: meta.registeredAt,
  };
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function copyFile(from: string, to: string, relPath: string): Promise<LocalModelFile> {
  await fs.promises.copyFile(from, to);
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(to)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { path: relPath, sha256: hash.digest('hex'), size };
}

/** copies a folder's contents; symbolic links are followed (their targets are copied), loops are refused */
async function copyTree(fromDir: string, toDir: string, relDir: string, files: LocalModelFile[], seen: Set<string>): Promise<void> {
  const entries = await fs.promises.readdir(fromDir);
  for (const name of entries.sort()) {
    const from = path.join(fromDir, name);
    const to = path.join(toDir, name);
    const rel = relDir ? `${relDir}/${name}` : name;
    const stat = await fs.promises.stat(from);
    if (stat.isDirectory()) {
      const real = await fs.promises.realpath(from);
      if (seen.has(real)) throw new UsageError(`cannot register ${from}: it links back to a folder being copied`);
      await fs.promises.mkdir(to);
      await copyTree(from, to, rel, files, new Set([...seen, real]));
    } else if (stat.isFile()) {
      files.push(await copyFile(from, to, rel));
    }
    // sockets, FIFOs and devices are not model files: skipped
  }
}
