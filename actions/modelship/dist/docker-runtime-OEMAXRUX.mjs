import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  DockerRuntime,
  LABELS,
  demux,
  init_docker_runtime,
  ownerId,
  removeOwnedContainers
} from "./chunk-6LZPFVWB.mjs";
import "./chunk-T3KQOK7T.mjs";
init_docker_runtime();
export {
  DockerRuntime,
  LABELS,
  demux,
  ownerId,
  removeOwnedContainers
};
