import * as tl from 'azure-pipelines-task-lib/task';
import { SecretMasker, SourceLocation, definedEnv } from '../../../shared/host';
import type { MaskingHost } from '../../../shared/command';

/**
 * The core's Host on an Azure Pipelines agent: log lines on stdout, a collapsible
 * `##[group]` per stage, warnings and errors as issues that point at the config file's
 * line, and secrets registered with the agent (`##vso[task.setsecret]`) and masked here
 * too (the agent masks the log; the report and the summary are masked by us).
 */
export class AzureDevOpsHost implements MaskingHost {
  readonly masker = new SecretMasker();
  private readonly registered = new Set<string>();

  /** @param envOverlay values the core reads as environment variables, set from inputs (secrets among them); they win over the process environment */
  constructor(private readonly envOverlay: Record<string, string>) {}

  info(message: string): void {
    console.log(this.safe(message));
  }
  warn(message: string, where?: SourceLocation): void {
    tl.logIssue(tl.IssueType.Warning, this.masker.mask(message), where?.file, where?.line, where?.col);
  }
  error(message: string, where?: SourceLocation): void {
    tl.logIssue(tl.IssueType.Error, this.masker.mask(message), where?.file, where?.line, where?.col);
  }
  debug(message: string): void {
    tl.debug(this.masker.mask(message));
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    console.log(`##[group]${this.safe(name)}`);
    let value: T;
    try {
      value = await fn();
    } catch (err: unknown) {
      console.log('##[endgroup]');
      // outside the group, so a collapsed log still shows where it failed
      this.info(`${name}: FAILED after ${seconds(started)}s`);
      throw err;
    }
    console.log('##[endgroup]');
    this.info(`${name}: done in ${seconds(started)}s`);
    return value;
  }

  setSecret(value: string): void {
    // a value may be registered more than once (by several sources); tell the agent once
    if (!value || this.registered.has(value)) return;
    this.registered.add(value);
    tl.setSecret(value);
    this.masker.add(value);
  }

  env(name: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.envOverlay, name) ? this.envOverlay[name] : process.env[name];
  }

  childEnv(): Record<string, string> {
    return definedEnv({ ...process.env, ...this.envOverlay });
  }

  /**
   * A line for the log, masked, that cannot be read as a logging command: the agent acts on
   * `##vso[` anywhere in a line and on `##[` at its start, and lines may carry values from an
   * untrusted payload.
   */
  safe(message: string): string {
    return this.masker.mask(message).replace(/##(vso)?\[/gi, (m) => `#\u200b${m.slice(1)}`);
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
