import * as path from 'node:path';
import * as core from '@actions/core';
import { SecretMasker, SourceLocation, definedEnv } from '../../../shared/host';
import type { MaskingHost } from '../../../shared/command';

/**
 * The core's Host on a GitHub runner: log lines through @actions/core, a collapsible
 * group per stage, annotations that point at the config file's line, and secrets
 * registered with the runner (`::add-mask::`) and masked here too (the runner masks
 * the log; the report and the job summary are masked by us).
 */
export class GitHubHost implements MaskingHost {
  readonly masker = new SecretMasker();
  private readonly registered = new Set<string>();

  /**
   * @param envOverlay values the core reads as environment variables, set from inputs (secrets
   *   among them); they win over the process environment
   * @param workspace annotation paths are made relative to it (GITHUB_WORKSPACE), as GitHub links them
   */
  constructor(
    private readonly envOverlay: Record<string, string>,
    private readonly workspace: string,
  ) {}

  info(message: string): void {
    core.info(this.safe(message));
  }
  warn(message: string, where?: SourceLocation): void {
    core.warning(this.safe(message), this.annotation(where));
  }
  error(message: string, where?: SourceLocation): void {
    core.error(this.safe(message), this.annotation(where));
  }
  debug(message: string): void {
    core.debug(this.safe(message));
  }

  /**
   * A message masked, whose lines cannot be read as workflow commands: the runner acts on
   * `::name ...::` and the older `##[name]` at the start of any line, and messages relay text
   * modelship does not control (model answers, deployment and pod logs, event payloads).
   */
  safe(message: string): string {
    return this.masker
      .mask(message)
      .replace(/^(\s*)(::|##\[)/gm, (_all, space: string, marker: string) => `${space}${marker[0]}\u200b${marker.slice(1)}`);
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    core.startGroup(name);
    let value: T;
    try {
      value = await fn();
    } catch (err: unknown) {
      core.endGroup();
      // outside the group, so a collapsed log still shows where it failed
      core.info(`${name}: FAILED after ${seconds(started)}s`);
      throw err;
    }
    core.endGroup();
    core.info(`${name}: done in ${seconds(started)}s`);
    return value;
  }

  setSecret(value: string): void {
    // a value may be registered more than once (by several sources); tell the runner once
    if (!value || this.registered.has(value)) return;
    this.registered.add(value);
    core.setSecret(value);
    this.masker.add(value);
  }

  env(name: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.envOverlay, name) ? this.envOverlay[name] : process.env[name];
  }

  childEnv(): Record<string, string> {
    return definedEnv({ ...process.env, ...this.envOverlay });
  }

  /** annotation properties for a place in a file */
  annotation(where?: SourceLocation): core.AnnotationProperties | undefined {
    if (!where) return undefined;
    const rel = path.relative(this.workspace, path.resolve(where.file));
    const file = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : where.file;
    return { title: 'modelship', file, startLine: where.line, startColumn: where.col };
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
