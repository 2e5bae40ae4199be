import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/registry/version-cache.ts
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
function safeSegment(value) {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) ? value : `${value.replace(/[^A-Za-z0-9._-]/g, "_")}-${sha(value).slice(0, 8)}`;
}
function sourceFolder(source) {
  const name = source.replace(/\/+$/, "").split("/").pop() ?? "registry";
  return `${safeSegment(name.replace(/[:]/g, "_") || "registry")}-${sha(source.toLowerCase()).slice(0, 10)}`;
}
function sha(text) {
  return crypto.createHash("sha256").update(text).digest("hex");
}
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
var COMPLETE_MARKER, VersionCache;
var init_version_cache = __esm({
  "shared/registry/version-cache.ts"() {
    "use strict";
    COMPLETE_MARKER = ".modelship-download-complete";
    VersionCache = class {
      /**
       * @param cacheDir the configured cache folder
       * @param source what the versions come from (a workspace id, a tracking URL): one subfolder each
       * @param log progress lines
       */
      constructor(cacheDir, source, log) {
        this.cacheDir = cacheDir;
        this.source = source;
        this.log = log;
      }
      cacheDir;
      source;
      log;
      /**
       * The folder holding the files of `name` `version`: the cached one, or a new download by
       * `fill`, which writes the files into the folder it is given and says what it wrote.
       */
      async files(name, version, fill) {
        const dir = path.join(this.cacheDir, sourceFolder(this.source), safeSegment(name), safeSegment(version));
        const files = path.join(dir, "files");
        if (fs.existsSync(path.join(dir, COMPLETE_MARKER))) {
          this.log(`${name} v${version}: files already downloaded (${files})`);
          return files;
        }
        await fs.promises.mkdir(path.dirname(dir), { recursive: true });
        const incoming = `${dir}.incoming-${crypto.randomBytes(6).toString("hex")}`;
        try {
          const summary = await fill(path.join(incoming, "files"));
          await fs.promises.writeFile(path.join(incoming, COMPLETE_MARKER), `${JSON.stringify({ name, version, ...summary })}
`);
          await fs.promises.rm(dir, { recursive: true, force: true });
          await fs.promises.rename(incoming, dir);
          this.log(`downloaded ${name} v${version}: ${summary.files} files, ${formatBytes(summary.bytes)}`);
          return files;
        } finally {
          await fs.promises.rm(incoming, { recursive: true, force: true }).catch(() => void 0);
        }
      }
    };
  }
});

export {
  VersionCache,
  formatBytes,
  init_version_cache
};
