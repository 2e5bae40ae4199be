import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  init_json,
  isRecord
} from "./chunk-TTWN6RXQ.mjs";
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/targets/process-alive.ts
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
var init_process_alive = __esm({
  "shared/targets/process-alive.ts"() {
    "use strict";
  }
});

// shared/targets/target.ts
function modelRef(raw) {
  if (!isRecord(raw) || typeof raw.name !== "string") return void 0;
  if (typeof raw.version === "string") return { name: raw.name, version: raw.version };
  if (typeof raw.version === "number") return { name: raw.name, version: String(raw.version) };
  return void 0;
}
var DEPLOYMENT_HEADER;
var init_target = __esm({
  "shared/targets/target.ts"() {
    "use strict";
    init_json();
    DEPLOYMENT_HEADER = "x-modelship-deployment";
  }
});

export {
  modelRef,
  DEPLOYMENT_HEADER,
  init_target,
  pidAlive,
  init_process_alive
};
