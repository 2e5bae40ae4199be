/**
 * The Host port: everything the core needs from the front end that runs it (CLI,
 * GitHub Action, Azure DevOps task). The core never writes to stdout or reads the
 * environment itself.
 */
export interface SourceLocation {
  file: string;
  line?: number;
  col?: number;
}

export interface Host {
  info(message: string): void;
  warn(message: string, where?: SourceLocation): void;
  error(message: string, where?: SourceLocation): void;
  debug(message: string): void;
  /** a named, collapsible section of the log (a stage) */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** register a value that must be masked in every later log line */
  setSecret(value: string): void;
  /** the value of an environment variable the config names (e.g. an endpoint key) */
  env(name: string): string | undefined;
  /**
   * the environment of the processes the core starts (the local target's endpoint host):
   * the front end's environment, with the step's credentials the front end holds in memory
   */
  childEnv(): Record<string, string>;
}

/** a process environment without unset entries */
export function definedEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) out[name] = value;
  return out;
}

/** Replaces every registered secret in a string; front ends use it before printing. */
export class SecretMasker {
  private readonly secrets = new Set<string>();
  add(value: string): void {
    // very short values would mask ordinary words; Actions and ADO skip them too
    if (value && value.length >= 3) this.secrets.add(value);
  }
  mask(text: string): string {
    let out = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
    return out;
  }
}
