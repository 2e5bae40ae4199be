/**
 * Errors the core raises on purpose. `ConfigError` and `UsageError` map to exit code 2;
 * `StageError` says what was being done and what to check, and maps to exit code 1.
 */
export interface ConfigIssue {
  file: string;
  line: number;
  col: number;
  /** dotted key path, e.g. `rollout.analysis.interval`; empty for the document root */
  path: string;
  message: string;
}

export function formatConfigIssue(issue: ConfigIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.col}`;
  return issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where} ${issue.message}`;
}

export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map(formatConfigIssue).join('\n'));
    this.name = 'ConfigError';
  }
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A failed stage, as one message: `doing` is what was being done, `reason` why it failed,
 * `check` what the user should look at.
 */
export class StageError extends Error {
  constructor(doing: string, reason: string, check?: string) {
    super(`${doing} failed: ${reason}${check ? `\n  check: ${check}` : ''}`);
    this.name = 'StageError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** the first line of a message, trimmed: for one-line summaries of multi-line errors */
export function firstLine(text: string): string {
  return (text.split(/\r?\n/)[0] ?? '').trim();
}
