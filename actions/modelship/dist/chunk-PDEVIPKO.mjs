import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  require_core
} from "./chunk-7MXHAEZX.mjs";
import {
  __esm,
  __toESM
} from "./chunk-T3KQOK7T.mjs";

// actions/modelship/src/outputs.ts
function output(name, value) {
  core.setOutput(name, value);
}
function fail(message) {
  output("result", "failed");
  core.setFailed(message);
}
var core;
var init_outputs = __esm({
  "actions/modelship/src/outputs.ts"() {
    "use strict";
    core = __toESM(require_core());
  }
});

// shared/step-commands.ts
var STEP_COMMANDS, TAKES_VERSION;
var init_step_commands = __esm({
  "shared/step-commands.ts"() {
    "use strict";
    STEP_COMMANDS = ["detect", "build", "deploy", "smoke", "rollout", "promote", "rollback", "status", "run"];
    TAKES_VERSION = /* @__PURE__ */ new Set(["detect", "build", "deploy", "smoke", "rollout", "run"]);
  }
});

export {
  STEP_COMMANDS,
  TAKES_VERSION,
  init_step_commands,
  output,
  fail,
  init_outputs
};
