import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  STATE_LOCK_DIRS,
  STATE_MAIN_PID,
  init_leftovers,
  releaseLocksOf
} from "./chunk-5PGLPSKP.mjs";
import {
  require_core
} from "./chunk-7MXHAEZX.mjs";
import "./chunk-WDZLRBAN.mjs";
import "./chunk-BUVPXBVP.mjs";
import {
  errorMessage,
  init_errors
} from "./chunk-3S33VBNX.mjs";
import {
  __commonJS,
  __toESM
} from "./chunk-T3KQOK7T.mjs";

// actions/modelship/src/post.ts
var require_post = __commonJS({
  "actions/modelship/src/post.ts"() {
    var core = __toESM(require_core());
    init_errors();
    init_leftovers();
    function post() {
      const pid = Number(core.getState(STATE_MAIN_PID));
      const raw = core.getState(STATE_LOCK_DIRS);
      const dirs = raw ? JSON.parse(raw) : [];
      const released = releaseLocksOf(pid, dirs);
      for (const dir of released)
        core.info(`modelship post: released the endpoint lock in ${dir} that the main step (pid ${pid}) held when it stopped`);
      if (released.length === 0)
        core.info("modelship post: nothing to clean (the main step left no endpoint lock, and it writes no credential files)");
    }
    try {
      post();
    } catch (err) {
      core.warning(`modelship post: ${errorMessage(err)}`);
    }
  }
});
export default require_post();
