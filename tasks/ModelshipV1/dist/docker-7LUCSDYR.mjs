import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  require_docker
} from "./chunk-4PEBQKB4.mjs";
import "./chunk-HUCFEO6S.mjs";
import "./chunk-S653NXEM.mjs";
import "./chunk-7VOS6VXA.mjs";
import "./chunk-T3KQOK7T.mjs";
export default require_docker();
