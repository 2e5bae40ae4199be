import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `npm test` runs scripts/check-style.sh over the whole tree; this runs the same script
 * on probe files, to show that it fails on a lint error and on an unformatted file and
 * passes on clean code. The probes live inside the project (test/style-probe/, ignored by git) because
 * the type-aware rules need the files to be part of the TypeScript project.
 */
const root = path.resolve(__dirname, '..', '..');
const probeDir = path.join(root, 'test', 'style-probe');

const COLOUR_CODES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function write(file: string, text: string): void {
  fs.mkdirSync(probeDir, { recursive: true });
  fs.writeFileSync(path.join(probeDir, file), text);
}

function checkStyle(files: string[]): { status: number | null; output: string } {
  const args = files.map((f) => path.relative(root, path.join(probeDir, f)));
  const run = spawnSync('bash', ['scripts/check-style.sh', ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  // CI=true makes the tools colour their output: compare the text without the colour codes
  return { status: run.status, output: `${run.stdout}${run.stderr}`.replace(COLOUR_CODES, '') };
}

afterAll(() => fs.rmSync(probeDir, { recursive: true, force: true }));

const clean = `export async function ping(send: () => Promise<number>): Promise<number> {
  const answer = await send();
  return answer + 1;
}
`;

test('clean, formatted code passes the gate', () => {
  write('clean.ts', clean);
  const run = checkStyle(['clean.ts']);
  expect(run.output).toBe('');
  expect(run.status).toBe(0);
}, 320_000);

test('a floating promise, a non-exhaustive switch and an unformatted file each fail the gate', () => {
  write(
    'floating.ts',
    `export function fire(send: () => Promise<number>): void {
  send();
}
`,
  );
  write(
    'switch.ts',
    `export function label(kind: 'a' | 'b'): string {
  switch (kind) {
    case 'a':
      return 'A';
  }
  return '?';
}
`,
  );
  write('unformatted.ts', clean.replace('  const answer', 'const   answer'));
  const run = checkStyle(['floating.ts', 'switch.ts', 'unformatted.ts']);
  expect(run.status).not.toBe(0);
  expect(run.output).toMatch(/floating\.ts\n\s+2:3\s+error\s+Promises must be awaited[^\n]*@typescript-eslint\/no-floating-promises/);
  expect(run.output).toMatch(/switch\.ts\n\s+2:11\s+error[^\n]*@typescript-eslint\/switch-exhaustiveness-check/);
  expect(run.output).toMatch(/\[warn\] test\/style-probe\/unformatted\.ts/);
  expect(run.output).toContain("run 'npm run format'");
}, 320_000);
