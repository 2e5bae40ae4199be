import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where the package's own files are. Sources run from `shared/...ts` under jest and
 * from `dist/shared/...js` in production; assets (the Python scoring server) live in
 * the source tree, and child processes always run compiled files from dist/.
 */
let cachedRoot: string | undefined;

export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      const name = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name;
      if (name === 'modelship') return (cachedRoot = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the modelship package root above ${__dirname}`);
    dir = parent;
  }
}

/** the compiled JavaScript file for a source path like `shared/targets/local/endpoint-host` */
export function compiledEntry(sourcePathNoExt: string): string {
  const file = path.join(packageRoot(), 'dist', `${sourcePathNoExt}.js`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return file;
}

export function scoringServerPath(): string {
  return path.join(packageRoot(), 'shared', 'serve', 'score_server.py');
}
