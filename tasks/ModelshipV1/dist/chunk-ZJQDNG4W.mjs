import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/paths.ts
import * as fs from "node:fs";
import * as path from "node:path";
function bundleDir() {
  return fs.existsSync(path.join(__msDirname, BUNDLE_MARKER)) ? __msDirname : void 0;
}
function packageRoot() {
  if (cachedRoot) return cachedRoot;
  let dir = __msDirname;
  for (; ; ) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      const name = JSON.parse(fs.readFileSync(pkg, "utf8")).name;
      if (name === "modelship") return cachedRoot = dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the modelship package root above ${__msDirname}`);
    dir = parent;
  }
}
function compiledEntry(sourcePathNoExt) {
  const bundle = bundleDir();
  const file = bundle ? path.join(bundle, `${path.basename(sourcePathNoExt)}.js`) : path.join(packageRoot(), "dist", `${sourcePathNoExt}.js`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`${bundle ? "npm run bundle:action" : "npm run build"}\` first`);
  return file;
}
function scoringServerPath() {
  const bundle = bundleDir();
  return bundle ? path.join(bundle, "score_server.py") : path.join(packageRoot(), "shared", "serve", "score_server.py");
}
var cachedRoot, BUNDLE_MARKER;
var init_paths = __esm({
  "shared/paths.ts"() {
    "use strict";
    BUNDLE_MARKER = "modelship-bundle.json";
  }
});

export {
  compiledEntry,
  scoringServerPath,
  init_paths
};
