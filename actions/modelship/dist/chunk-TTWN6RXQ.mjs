import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/json.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isStringRecord(value) {
  return isRecord(value) && Object.values(value).every((v) => typeof v === "string");
}
function getIgnoringCase(record, key) {
  if (key in record) return record[key];
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(record)) if (name.toLowerCase() === wanted) return value;
  return void 0;
}
var init_json = __esm({
  "shared/json.ts"() {
    "use strict";
  }
});

export {
  isRecord,
  isStringRecord,
  getIgnoringCase,
  init_json
};
