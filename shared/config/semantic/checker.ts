import * as fs from 'node:fs';
import * as path from 'node:path';
import { SchemaDefaults } from '../defaults';
import { parseDuration } from '../duration';
import { IssueReport, Segment } from '../issues';
import { YamlSource } from '../yaml-source';

/**
 * What every semantic check works with: the document (with positions), the issues found
 * so far, and the schema's defaults. A check reads a value with `ok` (undefined when the
 * schema already reported it: one problem, one issue) and reports with `issue`, which
 * names the file, line and key.
 */
export class Checker {
  constructor(
    private readonly source: YamlSource,
    private readonly report: IssueReport,
    /** the schema's defaults, for a key the file leaves out */
    readonly defaults: SchemaDefaults,
    /** the folder of the config file: relative paths start there */
    readonly dir: string,
  ) {}

  /** the value at `segs` as written (undefined when absent) */
  at(segs: readonly Segment[]): unknown {
    return this.source.at(segs);
  }

  /** the value at `segs` unless an issue was already reported for it */
  ok(segs: readonly Segment[]): unknown {
    return this.report.isBad(segs) ? undefined : this.at(segs);
  }

  /**
   * The value in effect at `segs`: as written when it is fine, the schema's default when
   * the key is absent, undefined when the written value was already reported.
   */
  effective(segs: readonly Segment[]): unknown {
    return this.ok(segs) ?? (this.at(segs) === undefined ? this.defaults.at(segs) : undefined);
  }

  isBad(segs: readonly Segment[]): boolean {
    return this.report.isBad(segs);
  }

  /** whether a key inside the mapping at `segs` already has an issue */
  hasIssuesWithin(segs: readonly Segment[]): boolean {
    return this.report.hasErrorsWithin(segs);
  }

  /** an error at the value of `segs` (or its key when empty, or the nearest ancestor when absent) */
  issue(segs: readonly Segment[], message: string): void {
    this.report.markBad(segs);
    this.report.error(segs, this.source.valuePos(segs), message);
  }

  /** a warning at the value of `segs`: the file still loads */
  warn(segs: readonly Segment[], message: string): void {
    this.report.warning(segs, this.source.valuePos(segs), message);
  }

  /** the milliseconds of the duration at `segs` when it is written and fine */
  durationMs(segs: readonly Segment[]): number | undefined {
    const value = this.ok(segs);
    return typeof value === 'string' ? parseDuration(value) : undefined;
  }

  /** the milliseconds of the duration in effect at `segs`: as written when fine, else the schema's default */
  effectiveMs(segs: readonly Segment[]): number | undefined {
    const value = this.effective(segs);
    return typeof value === 'string' ? parseDuration(value) : undefined;
  }

  /** the absolute path when `raw` (relative to the config folder) is an existing `kind`, else an issue */
  checkPath(segs: readonly Segment[], raw: string, kind: 'file' | 'folder'): string | undefined {
    const abs = path.resolve(this.dir, raw);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (!stat) {
      this.issue(segs, `${kind} '${raw}' does not exist (looked for ${abs})`);
      return undefined;
    }
    if (kind === 'folder' ? !stat.isDirectory() : !stat.isFile()) {
      this.issue(segs, `'${raw}' is not a ${kind} (${abs})`);
      return undefined;
    }
    return abs;
  }
}

export function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
