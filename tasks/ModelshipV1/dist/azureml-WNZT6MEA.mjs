import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  AZUREML_API_VERSION,
  AzureMlModelRegistry,
  init_azureml
} from "./chunk-WDB43DFD.mjs";
import "./chunk-7RNKJZ2Z.mjs";
import "./chunk-AI3D5PHV.mjs";
import "./chunk-D52D2E22.mjs";
import "./chunk-TTWN6RXQ.mjs";
import "./chunk-YRPBQVCG.mjs";
import "./chunk-7P44BJD4.mjs";
import "./chunk-3S33VBNX.mjs";
import "./chunk-7VOS6VXA.mjs";
import "./chunk-T3KQOK7T.mjs";
init_azureml();
export {
  AZUREML_API_VERSION,
  AzureMlModelRegistry
};
