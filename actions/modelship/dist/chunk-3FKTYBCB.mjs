import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  init_reference,
  init_registry_retry,
  registryBaseUrl,
  registryRetry
} from "./chunk-PVLJS6RC.mjs";
import {
  init_retry,
  withRetry
} from "./chunk-YRPBQVCG.mjs";
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/image/credentials.ts
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
function isAzureContainerRegistry(registry) {
  return /\.azurecr\.(io|cn|us)$/i.test(registry.replace(/:\d+$/, ""));
}
async function resolveCredential(registry, options) {
  const user = options.env("MODELSHIP_REGISTRY_USERNAME");
  const pass = options.env("MODELSHIP_REGISTRY_PASSWORD");
  if (user && pass) {
    options.setSecret(pass);
    return { username: user, password: pass, source: "environment (MODELSHIP_REGISTRY_USERNAME / MODELSHIP_REGISTRY_PASSWORD)" };
  }
  const fromFile = dockerConfigCredential(registry, options);
  if (fromFile) return fromFile;
  if (isAzureContainerRegistry(registry) && options.azureCredential) {
    return acrCredential(registry, options.azureCredential(), { tenantId: options.azureTenantId, setSecret: options.setSecret });
  }
  return void 0;
}
function dockerConfigCredential(registry, options) {
  const dir = options.env("DOCKER_CONFIG") || path.join(os.homedir(), ".docker");
  const file = path.join(dir, "config.json");
  let cfg;
  try {
    cfg = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return void 0;
  }
  const keys = [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`];
  const entry = keys.map((k) => cfg.auths?.[k]).find((e) => e !== void 0);
  if (!entry) {
    if (cfg.credHelpers?.[registry] || cfg.credsStore)
      options.log?.(
        `${file} uses a credential helper, which modelship does not run; set MODELSHIP_REGISTRY_USERNAME / MODELSHIP_REGISTRY_PASSWORD instead`
      );
    return void 0;
  }
  let username = entry.username;
  let password = entry.password;
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const i = decoded.indexOf(":");
    username = decoded.slice(0, i);
    password = decoded.slice(i + 1);
  }
  if (entry.identitytoken) {
    username = ACR_TOKEN_USER;
    password = entry.identitytoken;
  }
  if (!username || !password) return void 0;
  options.setSecret(password);
  if (entry.auth) options.setSecret(entry.auth);
  return { username, password, source: `Docker config file ${file}` };
}
async function acrCredential(registry, credential, options) {
  const aad = await credential.getToken("https://management.azure.com/.default");
  if (!aad)
    throw new Error(`Azure AD returned no token for ${registry}; check the Azure login (azure-client-id / azure-tenant-id, or az login)`);
  options.setSecret(aad.token);
  const form = new URLSearchParams({ grant_type: "access_token", service: registry.replace(/:\d+$/, ""), access_token: aad.token });
  if (options.tenantId) form.set("tenant", options.tenantId);
  const url = `${options.baseUrl ?? registryBaseUrl(registry)}/oauth2/exchange`;
  const res = await withRetry(
    `exchanging an Azure AD token at ${url}`,
    () => fetch(url, {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      signal: AbortSignal.timeout(15e3)
    }),
    registryRetry(options.retry)
  );
  if (res.status === 401 || res.status === 403) {
    throw new Error(
      `ACR ${registry} refused the Azure AD token (${res.status}); check that the identity has the AcrPush role on the registry`
    );
  }
  if (!res.ok) throw new Error(`ACR token exchange at ${url} answered ${res.status}`);
  const body = await res.json();
  if (!body.refresh_token) throw new Error(`ACR token exchange at ${url} returned no refresh_token`);
  options.setSecret(body.refresh_token);
  return { username: ACR_TOKEN_USER, password: body.refresh_token, source: "Azure AD token exchanged for an ACR refresh token" };
}
var ACR_TOKEN_USER;
var init_credentials = __esm({
  "shared/image/credentials.ts"() {
    "use strict";
    init_reference();
    init_registry_retry();
    init_retry();
    ACR_TOKEN_USER = "00000000-0000-0000-0000-000000000000";
  }
});

export {
  isAzureContainerRegistry,
  resolveCredential,
  init_credentials
};
