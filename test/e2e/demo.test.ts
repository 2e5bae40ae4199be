import { spawn } from 'node:child_process';
import * as path from 'node:path';

/**
 * The README's main job, exactly as a user runs it (`npm run demo` runs this script):
 * v1 shipped, v2 promoted under live load, v3 rolled back automatically, and v4 (HTTP
 * 200 with wrong numbers) stopped by the shadow step on mirrored live requests.
 */
jest.setTimeout(300_000);

it('the demo ships v1, promotes v2 under load, rolls back v3 and stops v4 in the shadow step', async () => {
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
  expect(stderr).toMatch(/v2 promoted, v3 rolled back automatically, v4 stopped in the shadow step/);
  // v4's summary: the shadow step failed on pairs of live requests, below the 95% agreement asked
  const shadow = stdout.match(/### Shadow step: fail \(agreement (\d+\.\d)% on (\d+) pairs, (\d+) of them mirrored live requests/);
  expect(shadow).not.toBeNull();
  expect(Number(shadow?.[1])).toBeLessThan(95);
  expect(Number(shadow?.[3])).toBeGreaterThanOrEqual(199);
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
