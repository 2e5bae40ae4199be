import { Host, SecretMasker, SourceLocation, definedEnv } from '../../shared/host';

/**
 * The CLI's Host: log lines go to stderr (stdout is kept for results and `--json`),
 * each stage is a titled section with its duration, and every secret is masked.
 */
export class CliHost implements Host {
  readonly masker = new SecretMasker();
  private depth = 0;

  constructor(
    private readonly out: NodeJS.WritableStream = process.stderr,
    private readonly verbose = false,
  ) {}

  private write(line: string): void {
    const stamp = new Date().toISOString().slice(11, 19);
    const indent = '  '.repeat(this.depth);
    for (const text of this.masker.mask(line).split('\n')) this.out.write(`${stamp} ${indent}${text}\n`);
  }

  info(message: string): void {
    this.write(message);
  }
  warn(message: string, where?: SourceLocation): void {
    this.write(`warning: ${where ? `${formatWhere(where)}: ` : ''}${message}`);
  }
  error(message: string, where?: SourceLocation): void {
    this.write(`error: ${where ? `${formatWhere(where)}: ` : ''}${message}`);
  }
  debug(message: string): void {
    if (this.verbose) this.write(`debug: ${message}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.write(`== ${name}`);
    const started = Date.now();
    this.depth += 1;
    try {
      const value = await fn();
      this.depth -= 1;
      this.write(`== ${name}: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
      return value;
    } catch (err: unknown) {
      this.depth -= 1;
      this.write(`== ${name}: FAILED after ${((Date.now() - started) / 1000).toFixed(1)}s`);
      throw err;
    }
  }
  setSecret(value: string): void {
    this.masker.add(value);
  }
  env(name: string): string | undefined {
    return process.env[name];
  }
  childEnv(): Record<string, string> {
    return definedEnv(process.env);
  }
}

function formatWhere(where: SourceLocation): string {
  return [where.file, where.line, where.col].filter((x) => x !== undefined).join(':');
}
