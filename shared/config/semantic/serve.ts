import * as path from 'node:path';
import { show } from '../issues';
import { Checker, isFile } from './checker';

/** serve: the code folder, the scoring script inside it, and the optional files */
export function checkServe(checker: Checker): void {
  const code = checker.ok(['serve', 'code']);
  const codeDir = typeof code === 'string' ? checker.checkPath(['serve', 'code'], code, 'folder') : undefined;
  const scriptRaw = checker.at(['serve', 'scoringScript']);
  // a wrong scoringScript is reported by the schema: no second issue about the default name
  const script = scriptRaw === undefined ? undefined : checker.ok(['serve', 'scoringScript']);
  if (codeDir !== undefined && (scriptRaw === undefined || typeof script === 'string')) {
    const name = typeof script === 'string' ? script : String(checker.defaults.at(['serve', 'scoringScript']));
    const file = path.resolve(codeDir, name);
    const rel = path.relative(codeDir, file);
    if (script !== undefined && (path.isAbsolute(name) || rel.startsWith('..'))) {
      checker.issue(['serve', 'scoringScript'], `must be a file inside serve.code, relative to it (got ${show(name)})`);
    } else if (!isFile(file)) {
      if (script === undefined) {
        checker.issue(
          ['serve', 'code'],
          `no scoring script '${name}' in this folder (looked for ${file}; set serve.scoringScript if it has another name)`,
        );
      } else {
        checker.issue(['serve', 'scoringScript'], `scoring script '${name}' not found in serve.code (looked for ${file})`);
      }
    }
  }
  for (const key of ['requirements', 'dockerfile']) {
    const file = checker.ok(['serve', key]);
    if (typeof file === 'string') checker.checkPath(['serve', key], file, 'file');
  }
}
