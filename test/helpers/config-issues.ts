import { loadConfigText } from '../../shared/config/load';
import { ConfigError, formatConfigIssue } from '../../shared/errors';

/** the formatted issues of loading `yaml` as `file` ("FILE:LINE:COL key: problem"), none when it loads */
export function configIssues(yaml: string, file: string): string[] {
  try {
    loadConfigText(yaml, file);
  } catch (err: unknown) {
    if (err instanceof ConfigError) return err.issues.map(formatConfigIssue);
    throw err;
  }
  return [];
}
