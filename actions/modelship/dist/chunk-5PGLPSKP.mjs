import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// actions/modelship/src/leftovers.ts
import * as fs from "node:fs";
import * as path from "node:path";
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function releaseLocksOf(pid, dirs) {
  if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) return [];
  const released = [];
  for (const dir of dirs) {
    const holderFile = path.join(dir, HOLDER_FILE);
    let holder;
    try {
      holder = JSON.parse(fs.readFileSync(holderFile, "utf8"));
    } catch {
      continue;
    }
    if (holder.pid !== pid) continue;
    fs.rmSync(path.join(dir, LOCK_DIR), { recursive: true, force: true });
    fs.rmSync(holderFile, { force: true });
    released.push(dir);
  }
  return released;
}
var STATE_MAIN_PID, STATE_LOCK_DIRS, LOCK_DIR, HOLDER_FILE;
var init_leftovers = __esm({
  "actions/modelship/src/leftovers.ts"() {
    "use strict";
    STATE_MAIN_PID = "main-pid";
    STATE_LOCK_DIRS = "lock-dirs";
    LOCK_DIR = "command.lock";
    HOLDER_FILE = "command-holder.json";
  }
});

export {
  STATE_MAIN_PID,
  STATE_LOCK_DIRS,
  releaseLocksOf,
  init_leftovers
};
