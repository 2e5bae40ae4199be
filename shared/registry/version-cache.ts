import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The download cache of the remote registries (Azure ML, MLflow): one folder per source,
 * model and version, `<dir>/files` holding the version's files. A download goes to a
 * temporary folder that is renamed into place with a completion marker, so a partial
 * download (a killed job, a full disk) never counts as done: the next command downloads
 * it again.
 */
const COMPLETE_MARKER = '.modelship-download-complete';

export interface DownloadSummary {
  files: number;
  bytes: number;
}

export class VersionCache {
  /**
   * @param cacheDir the configured cache folder
   * @param source what the versions come from (a workspace id, a tracking URL): one subfolder each
   * @param log progress lines
   */
  constructor(
    private readonly cacheDir: string,
    private readonly source: string,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * The folder holding the files of `name` `version`: the cached one, or a new download by
   * `fill`, which writes the files into the folder it is given and says what it wrote.
   */
  async files(name: string, version: string, fill: (filesDir: string) => Promise<DownloadSummary>): Promise<string> {
    const dir = path.join(this.cacheDir, sourceFolder(this.source), safeSegment(name), safeSegment(version));
    const files = path.join(dir, 'files');
    if (fs.existsSync(path.join(dir, COMPLETE_MARKER))) {
      this.log(`${name} v${version}: files already downloaded (${files})`);
      return files;
    }
    await fs.promises.mkdir(path.dirname(dir), { recursive: true });
    const incoming = `${dir}.incoming-${crypto.randomBytes(6).toString('hex')}`;
    try {
      const summary = await fill(path.join(incoming, 'files'));
      await fs.promises.writeFile(path.join(incoming, COMPLETE_MARKER), `${JSON.stringify({ name, version, ...summary })}\n`);
      await fs.promises.rm(dir, { recursive: true, force: true });
      await fs.promises.rename(incoming, dir);
      this.log(`downloaded ${name} v${version}: ${summary.files} files, ${formatBytes(summary.bytes)}`);
      return files;
    } finally {
      await fs.promises.rm(incoming, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

/** a folder name for a model name or version (registries allow characters a file system may not) */
function safeSegment(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) ? value : `${value.replace(/[^A-Za-z0-9._-]/g, '_')}-${sha(value).slice(0, 8)}`;
}

/** one folder per source: its last path segment, readable, and a hash that tells sources apart */
function sourceFolder(source: string): string {
  const name = source.replace(/\/+$/, '').split('/').pop() ?? 'registry';
  return `${safeSegment(name.replace(/[:]/g, '_') || 'registry')}-${sha(source.toLowerCase()).slice(0, 10)}`;
}

function sha(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
