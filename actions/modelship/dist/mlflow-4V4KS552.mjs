import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  VersionCache,
  init_version_cache
} from "./chunk-D52D2E22.mjs";
import {
  init_json,
  isRecord
} from "./chunk-TTWN6RXQ.mjs";
import {
  RetryError,
  init_retry,
  isTransientFetch,
  withRetry
} from "./chunk-YRPBQVCG.mjs";
import {
  LATEST,
  compareVersions,
  init_version
} from "./chunk-7P44BJD4.mjs";
import {
  StageError,
  UsageError,
  errorMessage,
  init_errors
} from "./chunk-3S33VBNX.mjs";
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/registry/mlflow.ts
import * as fs from "node:fs";
import * as path from "node:path";
function trackingBaseUrl(trackingUri) {
  const trimmed = trackingUri.trim().replace(/\/+$/, "");
  if (/^azureml:\/\//i.test(trimmed)) return `https://${trimmed.slice("azureml://".length)}`;
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  throw new UsageError(`model.mlflow.trackingUri must be an http(s):// or azureml:// URI (got ${JSON.stringify(trackingUri)})`);
}
function proxiedPath(uri) {
  const m = /^mlflow-artifacts:(?:\/\/[^/]*)?\/(.+)$/.exec(uri);
  return m ? m[1].replace(/\/+$/, "") : void 0;
}
function quoteFilterValue(value) {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new UsageError(`model name ${JSON.stringify(value)} holds both quote characters, which an MLflow search filter cannot express`);
}
function tagsOf(v) {
  return Object.fromEntries((v.tags ?? []).map((t) => [t.key, t.value]));
}
function toModelVersion(v) {
  const created = Number(v.creation_timestamp);
  return {
    name: v.name,
    version: String(v.version),
    tags: tagsOf(v),
    ...v.description ? { description: v.description } : {},
    registeredAt: Number.isFinite(created) && created > 0 ? new Date(created).toISOString() : ""
  };
}
var AZUREML_MLFLOW_SCOPE, PAGE_SIZE, MlflowModelRegistry;
var init_mlflow = __esm({
  "shared/registry/mlflow.ts"() {
    init_errors();
    init_retry();
    init_json();
    init_version();
    init_version_cache();
    AZUREML_MLFLOW_SCOPE = "https://management.azure.com/.default";
    PAGE_SIZE = 200;
    MlflowModelRegistry = class {
      constructor(options) {
        this.options = options;
        this.settings = options.settings;
        this.baseUrl = trackingBaseUrl(this.settings.trackingUri);
        this.description = `MLflow registry at ${this.baseUrl}`;
        this.cache = new VersionCache(this.settings.cacheDir, this.baseUrl, options.log);
        if (this.settings.stage) {
          const replacement = this.settings.stage.toLowerCase() === "production" ? "champion" : "challenger";
          options.warn(
            `model.mlflow.stage '${this.settings.stage}' selects by MLflow model stage, which MLflow deprecated: give the version an alias (e.g. '${replacement}') and set model.mlflow.alias instead`
          );
        }
      }
      options;
      description;
      baseUrl;
      settings;
      cache;
      eventSkipReason(event) {
        const { alias, stage } = this.settings;
        const said = (value) => typeof value === "string" ? `'${value.slice(0, 64)}'` : "none";
        if (alias !== void 0 && event.alias !== alias) {
          return event.alias === void 0 ? `the event sets no alias, and model.mlflow.alias ships '${alias}'` : `the event moved alias ${said(event.alias)}, and model.mlflow.alias ships '${alias}'`;
        }
        if (stage !== void 0 && (typeof event.stage !== "string" || event.stage.toLowerCase() !== stage.toLowerCase())) {
          return `the event moves the version to stage ${said(event.stage)}, and model.mlflow.stage ships '${stage}'`;
        }
        return void 0;
      }
      async list(name) {
        const versions = await this.search(name);
        return versions.map(toModelVersion);
      }
      async resolve(selector) {
        const { alias, stage } = this.settings;
        if (selector.version !== LATEST) {
          const found = await this.get(
            "model-versions/get",
            { name: selector.name, version: selector.version },
            `reading ${selector.name} v${selector.version}`,
            { notFound: true }
          );
          return found?.model_version ? this.selectable(found.model_version, `${selector.name} v${selector.version}`) : void 0;
        }
        if (alias) {
          const found = await this.get(
            "registered-models/alias",
            { name: selector.name, alias },
            `reading alias '${alias}' of ${selector.name}`,
            { notFound: true }
          );
          const version = found?.model_version;
          if (!version) return void 0;
          const missing = Object.entries(selector.tags).filter(([k, v]) => tagsOf(version)[k] !== v);
          if (missing.length) {
            this.options.log(
              `${selector.name}@${alias} is v${version.version}, which lacks ${missing.map(([k, v]) => `${k}=${v}`).join(", ")}`
            );
            return void 0;
          }
          return this.selectable(version, `${selector.name}@${alias} (v${version.version})`);
        }
        const wanted = Object.entries(selector.tags);
        const candidates = (await this.search(selector.name)).filter(
          (v) => (v.status ?? "READY") === "READY" && (v.current_stage ?? "None") !== "Archived" && (stage === void 0 || (v.current_stage ?? "None").toLowerCase() === stage.toLowerCase()) && wanted.every(([k, val]) => tagsOf(v)[k] === val)
        );
        const newest = candidates[candidates.length - 1];
        return newest ? toModelVersion(newest) : void 0;
      }
      register() {
        return Promise.reject(
          new UsageError(
            "modelship does not register models in MLflow: register them where they are trained (mlflow.register_model), then ship them with modelship"
          )
        );
      }
      async materialize(name, version) {
        const doing = `downloading ${name} v${version} from the ${this.description}`;
        return this.cache.files(name, version, async (filesDir) => {
          const answer = await this.get(
            "model-versions/get-download-uri",
            { name, version },
            `${doing}: asking where its artifacts are`
          );
          const uri = answer?.artifact_uri ?? "";
          const artifactPath = proxiedPath(uri);
          if (artifactPath === void 0) {
            const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1] ?? "(none)";
            throw new StageError(
              doing,
              `its artifacts are at ${JSON.stringify(uri)} (scheme ${scheme}), which the tracking server does not proxy and modelship does not read`,
              "serve artifacts through the tracking server (mlflow server --serve-artifacts, artifacts at mlflow-artifacts:/), or register the version from a proxied run"
            );
          }
          this.options.log(`downloading ${name} v${version} from ${uri}`);
          const summary = await this.downloadTree(artifactPath, filesDir, doing);
          if (summary.files === 0) throw new StageError(doing, `the tracking server lists no files at ${uri}`);
          return summary;
        });
      }
      /** every version of a model, oldest first (by version number) */
      async search(name) {
        const out = [];
        let pageToken;
        for (let page = 1; page <= 1e3; page++) {
          const answer = await this.get(
            "model-versions/search",
            {
              filter: `name = ${quoteFilterValue(name)}`,
              max_results: String(PAGE_SIZE),
              order_by: "version_number DESC",
              ...pageToken ? { page_token: pageToken } : {}
            },
            `listing the versions of model '${name}'${page > 1 ? ` (page ${page})` : ""}`
          );
          out.push(...(answer?.model_versions ?? []).filter((v) => v.name === name));
          pageToken = answer?.next_page_token || void 0;
          if (!pageToken) break;
        }
        return out.sort((a, b) => compareVersions(a.version, b.version));
      }
      /** a version that may ship: READY and not archived */
      selectable(version, what) {
        if ((version.current_stage ?? "None") === "Archived") {
          throw new StageError(
            `selecting ${what} in the ${this.description}`,
            "that version is archived, and archived versions are never shipped"
          );
        }
        if ((version.status ?? "READY") !== "READY") {
          throw new StageError(
            `selecting ${what} in the ${this.description}`,
            `that version's status is ${version.status}, not READY`,
            "wait for its registration to finish"
          );
        }
        return toModelVersion(version);
      }
      async downloadTree(artifactPath, destDir, doing) {
        let files = 0;
        let bytes = 0;
        const walk = async (dirPath, relative) => {
          const listing = await this.request(
            `${this.baseUrl}/api/2.0/mlflow-artifacts/artifacts?path=${encodeURIComponent(dirPath)}`,
            `${doing}: listing ${dirPath}`
          );
          const entries = listing?.files ?? [];
          if (entries.length === 0 && relative === "") {
            const body = await this.fetchFile(dirPath, `${doing}: reading ${dirPath}`);
            if (body) {
              await fs.promises.mkdir(destDir, { recursive: true });
              await fs.promises.writeFile(path.join(destDir, path.posix.basename(dirPath)), body);
              files += 1;
              bytes += body.length;
            }
            return;
          }
          for (const entry of entries) {
            const name = path.posix.basename(entry.path);
            const childRelative = relative ? `${relative}/${name}` : name;
            const target = path.resolve(destDir, childRelative);
            if (!name || name === ".." || !target.startsWith(path.resolve(destDir) + path.sep))
              throw new StageError(doing, `refusing the artifact path ${JSON.stringify(entry.path)}`);
            const childPath = `${dirPath.replace(/\/+$/, "")}/${name}`;
            if (entry.is_dir) {
              await walk(childPath, childRelative);
            } else {
              const body = await this.fetchFile(childPath, `${doing}: reading ${childPath}`);
              await fs.promises.mkdir(path.dirname(target), { recursive: true });
              await fs.promises.writeFile(target, body ?? Buffer.alloc(0));
              files += 1;
              bytes += body?.length ?? 0;
            }
          }
        };
        await walk(artifactPath, "");
        return { files, bytes };
      }
      async fetchFile(artifactPath, doing) {
        const url = `${this.baseUrl}/api/2.0/mlflow-artifacts/artifacts/${artifactPath.split("/").map(encodeURIComponent).join("/")}`;
        const res = await this.send(url, doing);
        if (res.status === 404) return void 0;
        if (!res.ok) throw await this.answerError(res, doing);
        return Buffer.from(await res.arrayBuffer());
      }
      async get(endpoint, query, doing, opts = {}) {
        const url = `${this.baseUrl}/api/2.0/mlflow/${endpoint}?${new URLSearchParams(query).toString()}`;
        return this.request(url, doing, opts);
      }
      async request(url, doing, opts = {}) {
        const res = await this.send(url, doing);
        if (opts.notFound && (res.status === 404 || res.status === 400)) {
          const text2 = await res.text();
          if (res.status === 404 || /alias .* not found/i.test(text2)) return void 0;
          throw this.errorFrom(res.status, text2, doing);
        }
        if (!res.ok) throw await this.answerError(res, doing);
        const text = await res.text();
        try {
          return JSON.parse(text);
        } catch {
          throw new StageError(doing, `the ${this.description} answered ${res.status} with a body that is not JSON`);
        }
      }
      async send(url, doing) {
        const headers = { accept: "application/json", ...await this.authHeader(doing) };
        try {
          return await withRetry(doing, () => fetch(url, { headers, signal: AbortSignal.timeout(3e4) }), {
            attempts: 4,
            firstDelayMs: 500,
            ...this.options.retry,
            log: (line) => this.options.log(line),
            retriable: isTransientFetch
          });
        } catch (err) {
          if (err instanceof RetryError)
            throw new StageError(
              doing,
              `no usable answer from ${this.baseUrl} after ${err.attempts} attempts (${err.seen})${err.limit ? `; ${err.limit}` : ""}`,
              `that the tracking server is running and reachable (model.mlflow.trackingUri)`
            );
          throw err;
        }
      }
      async answerError(res, doing) {
        return this.errorFrom(res.status, await res.text().catch(() => ""), doing);
      }
      errorFrom(status, text, doing) {
        let code = `HTTP ${status}`;
        let message = text.slice(0, 300);
        try {
          const body = JSON.parse(text);
          if (isRecord(body)) {
            if (typeof body.error_code === "string" || typeof body.error_code === "number") code = String(body.error_code);
            if (typeof body.message === "string") message = body.message;
          }
        } catch {
        }
        const s = this.settings;
        const check = status === 401 || status === 403 && s.auth === "bearer" && /token/i.test(message) ? s.auth === "basic" ? `the credentials in ${s.usernameEnv} / ${s.passwordEnv} (model.mlflow.auth: basic)` : s.auth === "bearer" ? `the token in ${s.tokenEnv} (model.mlflow.auth: bearer)` : s.auth === "azure" ? "the Azure login of this run (it needs a role on the workspace)" : "model.mlflow.auth: the server asks for credentials (basic or bearer)" : status === 403 ? "the permissions of this identity on the registered model (MLflow: READ at least)" : status === 404 ? "model.name and the version, alias or stage the config selects" : void 0;
        return new StageError(doing, `the ${this.description} answered ${status} ${code}: ${message.split("\n")[0]}`, check);
      }
      async authHeader(doing) {
        const s = this.settings;
        const need = (name) => {
          const value = this.options.env(name);
          if (!value)
            throw new StageError(
              doing,
              `model.mlflow.auth is ${s.auth}, but ${name} is not set`,
              `set ${name} (a secret) in the step's environment`
            );
          this.options.setSecret(value);
          return value;
        };
        switch (s.auth) {
          case "none":
            return {};
          case "basic":
            return { authorization: `Basic ${Buffer.from(`${need(s.usernameEnv)}:${need(s.passwordEnv)}`).toString("base64")}` };
          case "bearer":
            return { authorization: `Bearer ${need(s.tokenEnv)}` };
          case "azure": {
            if (!this.options.azureLogin) throw new StageError(doing, "model.mlflow.auth is azure, but this run has no Azure login");
            const login = this.options.azureLogin();
            const token = await login.credential.getToken(AZUREML_MLFLOW_SCOPE).catch((err) => {
              throw new StageError(`${doing}: getting an Azure token`, `${login.source}: ${errorMessage(err).split("\n")[0]}`);
            });
            if (!token) throw new StageError(`${doing}: getting an Azure token`, `${login.source} returned no token`);
            this.options.setSecret(token.token);
            return { authorization: `Bearer ${token.token}` };
          }
        }
      }
    };
  }
});
init_mlflow();
export {
  AZUREML_MLFLOW_SCOPE,
  MlflowModelRegistry,
  proxiedPath,
  trackingBaseUrl
};
