import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  init_retry,
  isTransientFetch
} from "./chunk-YRPBQVCG.mjs";
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/image/reference.ts
function parseImageRef(ref) {
  const at = ref.indexOf("@");
  let rest = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) : void 0;
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf("/");
  if (slash < 0) throw new Error(`image reference '${ref}' names no registry host (expected e.g. localhost:5000/models/name)`);
  return { registry: rest.slice(0, slash), repository: rest.slice(slash + 1), tag, digest };
}
function formatImageRef(ref) {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
function registryBaseUrl(registry) {
  const host = registry.replace(/:\d+$/, "");
  const insecure = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  return `${insecure ? "http" : "https"}://${registry}`;
}
var init_reference = __esm({
  "shared/image/reference.ts"() {
    "use strict";
  }
});

// shared/image/registry-retry.ts
function registryRetry(retry = {}) {
  return {
    attempts: 4,
    firstDelayMs: 500,
    ...retry,
    retriable: isTransientFetch,
    check: "that the registry is running and reachable"
  };
}
var init_registry_retry = __esm({
  "shared/image/registry-retry.ts"() {
    "use strict";
    init_retry();
  }
});

export {
  parseImageRef,
  formatImageRef,
  registryBaseUrl,
  init_reference,
  registryRetry,
  init_registry_retry
};
