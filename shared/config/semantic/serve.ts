import * as path from 'node:path';
import { show } from '../issues';
import { Checker, isFile } from './checker';

/** serve: the code folder, the scoring script inside it, and the optional files */
export function checkServe(c: Checker): void {
  const code = c.ok(['serve', 'code']);
  const codeDir = typeof code === 'string' ? c.checkPath(['serve', 'code'], code, 'folder') : undefined;
  const scriptRaw = c.at(['serve', 'scoringScript']);
  // a wrong scoringScript is reported by the schema: no second issue about the default name
  const script = scriptRaw === undefined ? undefined : c.ok(['serve', 'scoringScript']);
  if (codeDir !== undefined && (scriptRaw === undefined || typeof script === 'string')) {
    const name = typeof script === 'string' ? script : String(c.defaults.at(['serve', 'scoringScript']));
    const file = path.resolve(codeDir, name);
    const rel = path.relative(codeDir, file);
    if (script !== undefined && (path.isAbsolute(name) || rel.startsWith('..'))) {
      c.issue(['serve', 'scoringScript'], `must be a file inside serve.code, relative to it (got ${show(name)})`);
    } else if (!isFile(file)) {
      if (script === undefined) {
        c.issue(
          ['serve', 'code'],
          `no scoring script '${name}' in this folder (looked for ${file}; set serve.scoringScript if it has another name)`,
        );
      } else {
        c.issue(['serve', 'scoringScript'], `scoring script '${name}' not found in serve.code (looked for ${file})`);
      }
    }
  }
  for (const key of ['requirements', 'dockerfile']) {
    const v = c.ok(['serve', key]);
    if (typeof v === 'string') c.checkPath(['serve', key], v, 'file');
  }
}
