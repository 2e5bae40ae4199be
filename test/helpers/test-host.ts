import { Host, SecretMasker, definedEnv } from '../../shared/host';

/** A Host that keeps every line (masked), for assertions; optionally echoes them. */
export class TestHost implements Host {
  readonly lines: string[] = [];
  readonly masker = new SecretMasker();
  constructor(
    private readonly envVars: Record<string, string | undefined> = {},
    private readonly echo = process.env.MODELSHIP_TEST_ECHO === '1',
  ) {}
  private push(line: string): void {
    const masked = this.masker.mask(line);
    this.lines.push(masked);
    if (this.echo) process.stderr.write(`${masked}\n`);
  }
  info(m: string): void {
    this.push(m);
  }
  warn(m: string): void {
    this.push(`warning: ${m}`);
  }
  error(m: string): void {
    this.push(`error: ${m}`);
  }
  debug(m: string): void {
    this.push(`debug: ${m}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.push(`== ${name}`);
    return fn();
  }
  setSecret(v: string): void {
    this.masker.add(v);
  }
  env(name: string): string | undefined {
    return this.envVars[name];
  }
  childEnv(): Record<string, string> {
    return definedEnv({ ...process.env, ...this.envVars });
  }
  text(): string {
    return this.lines.join('\n');
  }
}
