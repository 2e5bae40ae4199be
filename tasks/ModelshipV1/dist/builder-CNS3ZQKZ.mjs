import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  buildContext,
  contentTag,
  contextTar,
  init_build_context
} from "./chunk-J42IEFZ4.mjs";
import {
  formatImageRef,
  init_reference,
  init_registry_retry,
  parseImageRef,
  registryBaseUrl,
  registryRetry
} from "./chunk-PVLJS6RC.mjs";
import {
  RetryError,
  init_retry,
  withRetry
} from "./chunk-YRPBQVCG.mjs";
import {
  StageError,
  errorMessage,
  firstLine,
  init_errors
} from "./chunk-3S33VBNX.mjs";
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/image/registry-client.ts
var MANIFEST_TYPES, RegistryAuthError, RegistryClient;
var init_registry_client = __esm({
  "shared/image/registry-client.ts"() {
    "use strict";
    init_reference();
    init_registry_retry();
    init_retry();
    MANIFEST_TYPES = [
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.distribution.manifest.v2+json"
    ].join(", ");
    RegistryAuthError = class extends Error {
    };
    RegistryClient = class {
      constructor(registry, credential, retry = {}, baseUrl = registryBaseUrl(registry)) {
        this.registry = registry;
        this.credential = credential;
        this.retry = retry;
        this.baseUrl = baseUrl;
      }
      registry;
      credential;
      retry;
      baseUrl;
      bearer;
      /** the digest of a tag, or undefined when the registry does not have it */
      async manifestDigest(ref) {
        const reference = ref.digest ?? ref.tag ?? "latest";
        const url = `${this.baseUrl}/v2/${ref.repository}/manifests/${reference}`;
        const doing = `asking ${this.registry} for ${formatImageRef(ref)}`;
        let res = await withRetry(
          doing,
          () => fetch(url, { method: "HEAD", headers: this.headers(), signal: AbortSignal.timeout(15e3) }),
          registryRetry(this.retry)
        );
        if (res.status === 401) {
          await this.authenticate(res.headers.get("www-authenticate") ?? "", `repository:${ref.repository}:pull`);
          res = await withRetry(
            doing,
            () => fetch(url, { method: "HEAD", headers: this.headers(), signal: AbortSignal.timeout(15e3) }),
            registryRetry(this.retry)
          );
        }
        if (res.status === 404) return void 0;
        if (res.status === 401 || res.status === 403) throw this.authError(res.status);
        if (!res.ok) throw new Error(`${doing}: answered ${res.status}`);
        const digest = res.headers.get("docker-content-digest");
        if (!digest) throw new Error(`${doing}: the answer has no Docker-Content-Digest header`);
        return digest;
      }
      /** the layer digests of a manifest (for tests and checks) */
      async layers(ref) {
        const url = `${this.baseUrl}/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag ?? "latest"}`;
        const get = () => fetch(url, { headers: { ...this.headers(), accept: MANIFEST_TYPES }, signal: AbortSignal.timeout(15e3) });
        let res = await withRetry(`reading the manifest of ${formatImageRef(ref)}`, get, registryRetry(this.retry));
        if (res.status === 401) {
          await this.authenticate(res.headers.get("www-authenticate") ?? "", `repository:${ref.repository}:pull`);
          res = await withRetry(`reading the manifest of ${formatImageRef(ref)}`, get, registryRetry(this.retry));
        }
        if (!res.ok)
          throw res.status === 401 || res.status === 403 ? this.authError(res.status) : new Error(`reading the manifest of ${formatImageRef(ref)}: ${res.status}`);
        const manifest = await res.json();
        return (manifest.layers ?? []).map((l) => l.digest);
      }
      headers() {
        const headers = { accept: MANIFEST_TYPES };
        if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
        else if (this.credential)
          headers.authorization = `Basic ${Buffer.from(`${this.credential.username}:${this.credential.password}`).toString("base64")}`;
        return headers;
      }
      authError(status) {
        const who = this.credential ? `credentials from ${this.credential.source}` : "no credentials (none found in MODELSHIP_REGISTRY_USERNAME / MODELSHIP_REGISTRY_PASSWORD or the Docker config file)";
        return new RegistryAuthError(
          `${this.registry} refused access (${status}) with ${who}; check the user name and password, and the user's rights on the repository`
        );
      }
      async authenticate(challenge, scope) {
        if (/^basic/i.test(challenge)) {
          if (!this.credential) throw this.authError(401);
          return;
        }
        if (!/^bearer/i.test(challenge))
          throw new Error(`${this.registry} asked for an unknown authentication scheme: ${challenge.split(" ")[0]}`);
        const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
        if (!params.realm) throw new Error(`${this.registry} sent a Bearer challenge without a realm`);
        const realm = new URL(params.realm);
        let res;
        if (this.credential && this.credential.username === "00000000-0000-0000-0000-000000000000") {
          const form = new URLSearchParams({
            grant_type: "refresh_token",
            service: params.service ?? this.registry,
            scope,
            refresh_token: this.credential.password
          });
          res = await withRetry(
            `getting a registry token from ${realm.origin}`,
            () => fetch(realm, { method: "POST", body: form, signal: AbortSignal.timeout(15e3) }),
            registryRetry(this.retry)
          );
        } else {
          if (params.service) realm.searchParams.set("service", params.service);
          realm.searchParams.set("scope", scope);
          const headers = {};
          if (this.credential)
            headers.authorization = `Basic ${Buffer.from(`${this.credential.username}:${this.credential.password}`).toString("base64")}`;
          res = await withRetry(
            `getting a registry token from ${realm.origin}`,
            () => fetch(realm, { headers, signal: AbortSignal.timeout(15e3) }),
            registryRetry(this.retry)
          );
        }
        if (res.status === 401 || res.status === 403) throw this.authError(res.status);
        if (!res.ok) throw new Error(`the token endpoint ${realm.origin}${realm.pathname} answered ${res.status}`);
        const body = await res.json();
        const token = body.access_token ?? body.token;
        if (!token) throw new Error(`the token endpoint ${realm.origin}${realm.pathname} returned no token`);
        this.bearer = token;
      }
    };
  }
});

// shared/image/builder.ts
import { Readable } from "node:stream";
function follow(docker, stream, onEvent) {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err, events) => err ? reject(err) : resolve(events),
      (event) => onEvent(event)
    );
  });
}
var PUSH_RETRY, PushError, DockerImageBuilder;
var init_builder = __esm({
  "shared/image/builder.ts"() {
    init_build_context();
    init_reference();
    init_registry_client();
    init_errors();
    init_retry();
    PUSH_RETRY = { attempts: 4, firstDelayMs: 2e3, maxDelayMs: 16e3 };
    PushError = class extends Error {
      constructor(message, detail) {
        super(message);
        this.detail = detail;
        this.name = "PushError";
      }
      detail;
    };
    DockerImageBuilder = class {
      constructor(options) {
        this.options = options;
      }
      options;
      async build(req) {
        const ctx = buildContext(req.inputs);
        const tag = contentTag(req.repository, req.inputs.model.name, req.inputs.model.version, ctx.hash);
        const ref = parseImageRef(tag);
        const credential = await this.options.credential(ref.registry);
        const registry = new RegistryClient(ref.registry, credential, { ...this.options.retry, log: this.options.log });
        this.options.log(
          `image ${tag} (content hash ${ctx.hash.slice(0, 12)}; registry credentials: ${credential ? credential.source : "none"})`
        );
        if (!req.force) {
          const existing = await registry.manifestDigest(ref);
          if (existing) {
            this.options.log(`the registry already has this tag (${existing}): no build, no push`);
            return { tag, digest: existing, pinned: `${req.repository}@${existing}`, hash: ctx.hash, built: false, pushed: false };
          }
        }
        await this.checkEngine();
        if (!req.inputs.dockerfile) await this.checkBaseImage(req.inputs.baseImage);
        await this.runBuild(ctx, tag);
        const pushed = await this.push(tag, ref.registry, credential);
        const resolved = await registry.manifestDigest({ ...ref, tag: ref.tag });
        if (resolved !== pushed)
          throw new Error(`after the push, ${tag} resolves to ${resolved ?? "nothing"} in the registry, not to the pushed ${pushed}`);
        this.options.log(`pushed ${req.repository}@${pushed}`);
        return { tag, digest: pushed, pinned: `${req.repository}@${pushed}`, hash: ctx.hash, built: true, pushed: true };
      }
      async checkEngine() {
        try {
          await this.options.docker.ping();
        } catch (err) {
          throw new Error(
            `the Docker engine is not reachable (${err.message}); start it (\`sudo systemctl start docker\`, or \`dockerd &\`; in this repository \`bash scripts/test-env.sh\`) or point DOCKER_HOST at it`
          );
        }
      }
      async checkBaseImage(baseImage) {
        try {
          await this.options.docker.getImage(baseImage).inspect();
        } catch (err) {
          if (err.statusCode === 404) {
            throw new Error(
              `the base image ${baseImage} is not on this Docker engine; pull or build it first (\`docker pull ${baseImage}\`), or set serve.baseImage`
            );
          }
          throw err;
        }
      }
      async runBuild(ctx, tag) {
        const tarball = await contextTar(ctx);
        this.options.log(`building ${tag} (context ${(tarball.length / 1024).toFixed(0)} KiB)`);
        const stream = await this.options.docker.buildImage(Readable.from(tarball), { t: tag, rm: true, forcerm: true });
        let step = "";
        let stepOutput = [];
        const events = await follow(this.options.docker, stream, (event) => {
          const text = event.stream?.trimEnd();
          if (!text) return;
          for (const line of text.split("\n")) {
            if (/^Step \d+\/\d+ :/.test(line)) {
              step = line;
              stepOutput = [];
              this.options.log(`  ${line}`);
            } else if (!/^ ---> |^Removing intermediate container/.test(line)) {
              stepOutput.push(line);
              if (stepOutput.length > 30) stepOutput.shift();
            }
          }
        });
        const failed = events.find((e) => e.error);
        if (failed) {
          const message = failed.errorDetail?.message ?? failed.error;
          throw new Error(
            `the image build failed at ${step || "the start"}: ${message}${stepOutput.length ? `
--- output of that step ---
${stepOutput.join("\n")}` : ""}`
          );
        }
      }
      async push(tag, registry, credential) {
        const { clock, ...policy } = { ...PUSH_RETRY, ...this.options.pushRetry };
        try {
          return await withRetry(`pushing ${tag}`, () => this.pushOnce(tag, registry, credential), {
            ...policy,
            clock,
            log: this.options.log,
            // wrong credentials stay wrong; anything else (refused, reset, 5xx, timeouts) may pass on another try
            retriable: (outcome) => !outcome.ok && !(outcome.error instanceof RegistryAuthError),
            describe: (outcome) => outcome.ok ? "a push" : outcome.error instanceof PushError ? outcome.error.detail : firstLine(errorMessage(outcome.error))
          });
        } catch (err) {
          if (!(err instanceof RetryError)) throw err;
          throw new StageError(
            `pushing ${tag} to the registry ${registry}`,
            `${err.seen} (after ${err.attempts} attempts in ${(err.elapsedMs / 1e3).toFixed(1)} s${err.limit ? `; ${err.limit}` : ""})`,
            `that the registry ${registry} is running and reachable from the Docker engine that pushes; the image stays built on the engine, so running the command again only pushes`
          );
        }
      }
      async pushOnce(tag, registry, credential) {
        const ref = parseImageRef(tag);
        const authconfig = credential ? { username: credential.username, password: credential.password, serveraddress: registry } : void 0;
        this.options.log(`pushing ${tag}`);
        const stream = await this.options.docker.getImage(tag).push({ tag: ref.tag, authconfig });
        const reported = /* @__PURE__ */ new Set();
        const countdowns = /* @__PURE__ */ new Map();
        let digest;
        const events = await follow(this.options.docker, stream, (event) => {
          if (event.id && (event.status === "Pushed" || event.status === "Layer already exists") && !reported.has(event.id)) {
            reported.add(event.id);
            this.options.log(`  layer ${event.id}: ${event.status.toLowerCase()}`);
          }
          const retrying = event.id ? /^Retrying in (\d+) seconds?/.exec(event.status ?? "") : null;
          if (event.id && retrying) {
            const seconds = Number(retrying[1]);
            if (seconds > (countdowns.get(event.id) ?? 0))
              this.options.log(`  layer ${event.id}: the upload failed; the Docker engine tries it again in ${seconds} s`);
            countdowns.set(event.id, seconds);
          }
          if (event.aux?.Digest) digest = event.aux.Digest;
        });
        const failed = events.find((e) => e.error);
        if (failed) {
          const message = failed.errorDetail?.message ?? failed.error ?? "";
          if (/unauthorized|authentication required|denied|forbidden|401|403/i.test(message)) {
            const who = credential ? `credentials from ${credential.source}` : "no credentials";
            throw new RegistryAuthError(
              `${registry} refused the push with ${who}: ${firstLine(message)}; check the user name, password and push rights`
            );
          }
          throw new PushError(`pushing ${tag} failed: ${message}`, firstLine(message));
        }
        if (!digest) throw new PushError(`pushing ${tag} ended without a digest`, "the push ended without a digest");
        return digest;
      }
    };
  }
});
init_builder();
export {
  DockerImageBuilder,
  PUSH_RETRY
};
