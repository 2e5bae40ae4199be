import { ConfigIssue } from '../errors';

/**
 * The problems a load finds: errors (the file is refused) and warnings (accepted but
 * unused settings), each at a file, line, column and key path. Shared by every stage of
 * the loader: YAML parsing, schema validation and the semantic checks.
 */

/** a key of a mapping or an index of a list, along a key path */
export type Segment = string | number;

export interface Position {
  line: number;
  col: number;
}

/** ['rollout', 'steps', 0] -> 'rollout.steps[0]' */
export function keyPath(segs: readonly Segment[]): string {
  let out = '';
  for (const seg of segs) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

/** a value as a message shows it after "got" */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const flow = JSON.stringify(value).replace(/,/g, ', ').replace(/:/g, ': ').replace(/"/g, '');
  if (flow.length <= 40) return flow;
  return Array.isArray(value) ? `a list of ${value.length}` : 'a mapping';
}

export class IssueReport {
  private readonly errors: ConfigIssue[] = [];
  private readonly warns: ConfigIssue[] = [];
  /** key paths that already have an issue: later checks leave them alone (one problem, one issue) */
  private readonly bad = new Set<string>();

  constructor(readonly file: string) {}

  error(segs: readonly Segment[], pos: Position, message: string): void {
    this.errors.push(this.located(segs, pos, message));
  }

  warning(segs: readonly Segment[], pos: Position, message: string): void {
    this.warns.push(this.located(segs, pos, message));
  }

  markBad(segs: readonly Segment[]): void {
    this.bad.add(keyPath(segs));
  }

  isBad(segs: readonly Segment[]): boolean {
    return this.bad.has(keyPath(segs));
  }

  /** whether an error was reported for a key inside the mapping at `segs` (an unknown key, a wrong value) */
  hasErrorsWithin(segs: readonly Segment[]): boolean {
    const prefix = keyPath(segs);
    return this.errors.some((e) => e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`));
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** the errors in file order */
  sortedErrors(): ConfigIssue[] {
    return sortIssues(this.errors);
  }

  /** the warnings in file order */
  sortedWarnings(): ConfigIssue[] {
    return sortIssues(this.warns);
  }

  private located(segs: readonly Segment[], pos: Position, message: string): ConfigIssue {
    return { file: this.file, line: pos.line, col: pos.col, path: keyPath(segs), message };
  }
}

/** by line, then column; issues at one place keep the order they were found in */
function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => a.issue.line - b.issue.line || a.issue.col - b.issue.col || a.i - b.i)
    .map((x) => x.issue);
}
