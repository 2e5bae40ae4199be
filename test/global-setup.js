// Build dist/ once before any test: spawned processes (endpoint host, CLI) run compiled code.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
module.exports = async () => {
  if (process.env.MODELSHIP_SKIP_BUILD === '1') return;
  const root = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
};
