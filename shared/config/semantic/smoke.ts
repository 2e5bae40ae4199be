import * as fs from 'node:fs';
import { Segment } from '../issues';
import { Checker } from './checker';

/** staging.smoke.cases: unique names, request and expect files that exist and hold JSON */
export function checkSmoke(checker: Checker): void {
  const cases = checker.ok(['staging', 'smoke', 'cases']);
  if (!Array.isArray(cases)) return;
  const names = new Map<string, number>();
  for (let i = 0; i < cases.length; i++) {
    const base: Segment[] = ['staging', 'smoke', 'cases', i];
    const name = checker.ok([...base, 'name']);
    if (typeof name === 'string') {
      const first = names.get(name);
      if (first !== undefined) {
        checker.issue([...base, 'name'], `duplicate case name '${name}' (case names must be unique; first used by cases[${first}])`);
      } else names.set(name, i);
    }
    for (const key of ['request', 'expect']) {
      const written = checker.ok([...base, key]);
      if (typeof written !== 'string') continue;
      const file = checker.checkPath([...base, key], written, 'file');
      if (file === undefined) continue;
      try {
        JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (err: unknown) {
        checker.issue([...base, key], `file '${written}' does not hold valid JSON (${err instanceof Error ? err.message : String(err)})`);
      }
    }
  }
}
