import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where the package's own files are. Sources run from `shared/...ts` under jest and
 * from `dist/shared/...js` in production; assets (the Python scoring server) live in
 * the source tree, and child processes always run compiled files from dist/.
 */
let cachedRoot: string | undefined;

/**
 * A bundle (the GitHub Action's or the Azure Pipelines task's dist/) has no package around
 * it: it carries its process entries (`endpoint-host.js`) and assets (`score_server.py`)
 * beside its files and marks that folder with this file. Code bundled there sees the
 * bundle's folder as __dirname, whichever of its files (entries, split chunks) holds it;
 * source and dist/ runs never have the marker beside them.
 */
export const BUNDLE_MARKER = 'modelship-bundle.json';

function bundleDir(): string | undefined {
  return fs.existsSync(path.join(__dirname, BUNDLE_MARKER)) ? __dirname : undefined;
}

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

/** the compiled JavaScript file for a source path like `src/endpoint-host/endpoint-host` */
export function compiledEntry(sourcePathNoExt: string): string {
  const bundle = bundleDir();
  const file = bundle
    ? path.join(bundle, `${path.basename(sourcePathNoExt)}.js`)
    : path.join(packageRoot(), 'dist', `${sourcePathNoExt}.js`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`${bundle ? 'npm run bundle:action' : 'npm run build'}\` first`);
  return file;
}

export function scoringServerPath(): string {
  const bundle = bundleDir();
  return bundle ? path.join(bundle, 'score_server.py') : path.join(packageRoot(), 'shared', 'serve', 'score_server.py');
}
