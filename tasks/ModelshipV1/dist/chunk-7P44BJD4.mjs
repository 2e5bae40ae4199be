import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/registry/version.ts
function versionString(raw) {
  if (typeof raw === "number") return Number.isSafeInteger(raw) && raw >= 1 ? String(raw) : void 0;
  if (typeof raw !== "string") return void 0;
  const text = raw.trim();
  return VERSION_PATTERN.test(text) ? text : void 0;
}
function compareVersions(a, b) {
  const intA = /^[0-9]+$/.test(a);
  const intB = /^[0-9]+$/.test(b);
  if (intA && intB) return Number(a) - Number(b) || a.localeCompare(b);
  if (intA !== intB) return intA ? -1 : 1;
  return a.localeCompare(b, "en", { numeric: true });
}
var LATEST, VERSION_PATTERN, VERSION_RULE;
var init_version = __esm({
  "shared/registry/version.ts"() {
    "use strict";
    LATEST = "latest";
    VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
    VERSION_RULE = "letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters";
  }
});

export {
  LATEST,
  VERSION_RULE,
  versionString,
  compareVersions,
  init_version
};
