import * as fs from 'node:fs';
import * as path from 'node:path';

/** The TypeScript sources of a front end's src/ folder, for contract tests that read what the code uses. */
export function frontEndSources(srcDir: string): { sources: Array<{ file: string; text: string }>; allSource: string } {
  const sources = fs
    .readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(srcDir, f), 'utf8') }));
  return { sources, allSource: sources.map((s) => s.text).join('\n') };
}

export const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
/** the first capture group of every match */
export const matches = (text: string, re: RegExp): string[] => [...text.matchAll(re)].map((m) => m[1]);
