import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, ConfigIssue } from '../errors';
import { SchemaDefaults } from './defaults';
import { IssueReport } from './issues';
import { resolveConfig } from './resolve';
import { SchemaValidator, bundledSchema } from './schema';
import { Checker, runSemanticChecks } from './semantic';
import { ModelshipConfig } from './types';
import { YamlSource } from './yaml-source';

/**
 * Reads modelship.yaml into a ModelshipConfig: YAML with positions (yaml-source.ts) ->
 * JSON Schema (schema.ts) -> the checks the schema cannot make (semantic/) -> the schema's
 * defaults, absolute paths and milliseconds (defaults.ts, resolve.ts). Every problem
 * found is reported at once, each at the file, line and column of the node it is about.
 */

export interface LoadedConfig {
  config: ModelshipConfig;
  /** problems that do not stop the load (e.g. accepted but unused settings) */
  warnings: ConfigIssue[];
}

export interface LoadOptions {
  /**
   * The JSON Schema the file is validated against and whose defaults are applied; default:
   * the schema that ships with modelship (modelship.schema.json). Tests pass a modified copy.
   */
  schema?: object;
}

export async function loadConfig(file: string, options: LoadOptions = {}): Promise<LoadedConfig> {
  // a file that cannot be read is not a config problem: the fs error propagates as is
  const text = await fs.promises.readFile(file, 'utf8');
  return loadConfigText(text, file, options);
}

/** Same as loadConfig, from text; relative paths resolve from dirname(file). */
export function loadConfigText(text: string, file: string, options: LoadOptions = {}): LoadedConfig {
  const schema = options.schema ?? bundledSchema;
  const defaults = SchemaDefaults.of(schema);
  const report = new IssueReport(file);
  const source = YamlSource.parse(text, report);
  if (!source) throw new ConfigError(report.sortedErrors());
  SchemaValidator.of(schema).check(source, report);
  runSemanticChecks(new Checker(source, report, defaults, path.dirname(path.resolve(file))));
  if (report.hasErrors) throw new ConfigError(report.sortedErrors());
  return { config: resolveConfig(source.data, file, defaults), warnings: report.sortedWarnings() };
}

export { resolveSteps } from './resolve';
