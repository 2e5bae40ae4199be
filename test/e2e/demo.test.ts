import { spawn } from 'node:child_process';
import * as path from 'node:path';

/**
 * The README's main job, exactly as a user runs it (`npm run demo` runs this script):
 * v1 shipped, v2 promoted under live load, v3 rolled back automatically.
 */
jest.setTimeout(300_000);

it('the demo ships v1, promotes v2 under load and rolls back v3', async () => {
  const root = path.resolve(__dirname, '..', '..');
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['scripts/demo.sh'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 280_000);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve({ code: c ?? 1, stdout, stderr });
    });
  });
  if (code !== 0) process.stderr.write(stderr.slice(-4000));
  expect(code).toBe(0);
  expect(stderr).toMatch(/v2 promoted, v3 rolled back automatically/);
  // the summaries: v2 promoted, v3 rolled back with its reason
  expect(stdout).toMatch(/promoted/);
  expect(stdout).toMatch(/rolled back|rolled-back/i);
  expect(stdout).toMatch(/error rate/);
  // the load's per-deployment counts: the stable deployment (green, v2) failed nothing
  const green = stdout.match(/ {2}green: (\d+) ok, (\d+) failed/);
  expect(green).not.toBeNull();
  expect(Number(green?.[1])).toBeGreaterThan(0);
  expect(Number(green?.[2])).toBe(0);
});
