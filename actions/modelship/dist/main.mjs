import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  STEP_COMMANDS,
  fail,
  init_outputs,
  init_step_commands
} from "./chunk-PDEVIPKO.mjs";
import {
  require_core
} from "./chunk-7MXHAEZX.mjs";
import "./chunk-WDZLRBAN.mjs";
import "./chunk-BUVPXBVP.mjs";
import {
  VERSION_RULE,
  init_version,
  versionString
} from "./chunk-7P44BJD4.mjs";
import {
  errorMessage,
  init_errors
} from "./chunk-3S33VBNX.mjs";
import {
  __commonJS,
  __esm,
  __toESM
} from "./chunk-T3KQOK7T.mjs";

// shared/host.ts
function definedEnv(env) {
  const out = {};
  for (const [name, value] of Object.entries(env)) if (value !== void 0) out[name] = value;
  return out;
}
var SecretMasker;
var init_host = __esm({
  "shared/host.ts"() {
    "use strict";
    SecretMasker = class {
      secrets = /* @__PURE__ */ new Set();
      add(value) {
        if (value && value.length >= 3) this.secrets.add(value);
      }
      mask(text) {
        let out = text;
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join("***");
        return out;
      }
    };
  }
});

// actions/modelship/src/github-host.ts
import * as path from "node:path";
function seconds(since) {
  return ((Date.now() - since) / 1e3).toFixed(1);
}
var core, GitHubHost;
var init_github_host = __esm({
  "actions/modelship/src/github-host.ts"() {
    "use strict";
    core = __toESM(require_core());
    init_host();
    GitHubHost = class {
      /**
       * @param envOverlay values the core reads as environment variables, set from inputs (secrets
       *   among them); they win over the process environment
       * @param workspace annotation paths are made relative to it (GITHUB_WORKSPACE), as GitHub links them
       */
      constructor(envOverlay, workspace) {
        this.envOverlay = envOverlay;
        this.workspace = workspace;
      }
      envOverlay;
      workspace;
      masker = new SecretMasker();
      registered = /* @__PURE__ */ new Set();
      info(message) {
        core.info(this.safe(message));
      }
      warn(message, where) {
        core.warning(this.safe(message), this.annotation(where));
      }
      error(message, where) {
        core.error(this.safe(message), this.annotation(where));
      }
      debug(message) {
        core.debug(this.safe(message));
      }
      /**
       * A message masked, whose lines cannot be read as workflow commands: the runner acts on
       * `::name ...::` and the older `##[name]` at the start of any line, and messages relay text
       * modelship does not control (model answers, deployment and pod logs, event payloads).
       */
      safe(message) {
        return this.masker.mask(message).replace(/^(\s*)(::|##\[)/gm, (_all, space, marker) => `${space}${marker[0]}​${marker.slice(1)}`);
      }
      async group(name, fn) {
        const started = Date.now();
        core.startGroup(name);
        let value;
        try {
          value = await fn();
        } catch (err) {
          core.endGroup();
          core.info(`${name}: FAILED after ${seconds(started)}s`);
          throw err;
        }
        core.endGroup();
        core.info(`${name}: done in ${seconds(started)}s`);
        return value;
      }
      setSecret(value) {
        if (!value || this.registered.has(value)) return;
        this.registered.add(value);
        core.setSecret(value);
        this.masker.add(value);
      }
      env(name) {
        return Object.prototype.hasOwnProperty.call(this.envOverlay, name) ? this.envOverlay[name] : process.env[name];
      }
      childEnv() {
        return definedEnv({ ...process.env, ...this.envOverlay });
      }
      /** annotation properties for a place in a file */
      annotation(where) {
        if (!where) return void 0;
        const rel = path.relative(this.workspace, path.resolve(where.file));
        const file = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : where.file;
        return { title: "modelship", file, startLine: where.line, startColumn: where.col };
      }
    };
  }
});

// shared/step-inputs.ts
function choiceInput(raw, inputName, allowed, makeError) {
  if (!allowed.includes(raw))
    throw makeError(`input '${inputName}' takes one of ${allowed.join(", ")} (got '${raw}')`);
  return raw;
}
function versionInput(raw, inputName, makeError) {
  if (!raw) return void 0;
  const version = versionString(raw);
  if (version === void 0) {
    throw makeError(
      `input '${inputName}' takes a model version (${VERSION_RULE}), or nothing for model.version of the config (got ${JSON.stringify(raw)})`
    );
  }
  return version;
}
var init_step_inputs = __esm({
  "shared/step-inputs.ts"() {
    "use strict";
    init_version();
  }
});

// actions/modelship/src/inputs.ts
function readInputs(source) {
  const input = (name) => source.get(name);
  const secretInput = (name) => {
    const value = input(name);
    if (value) source.secret(value);
    return value;
  };
  const registryPassword = secretInput("registry-password");
  const endpointKey = secretInput("endpoint-key");
  const githubToken = secretInput("github-token");
  const inputError = (message) => new InputError(message);
  const command = choiceInput(input("command") || "run", "command", COMMANDS, inputError);
  const modelVersion = versionInput(input("model-version"), "model-version", inputError);
  const forceRaw = input("force");
  let force = false;
  if (forceRaw) {
    if (TRUE.includes(forceRaw)) force = true;
    else if (!FALSE.includes(forceRaw)) throw new InputError(`input 'force' takes true or false (got '${forceRaw}')`);
  }
  const clientId = input("azure-client-id");
  const tenantId = input("azure-tenant-id");
  const subscriptionId = input("azure-subscription-id");
  if (Boolean(clientId) !== Boolean(tenantId)) {
    throw new InputError(
      `inputs 'azure-client-id' and 'azure-tenant-id' go together (OIDC login needs both; only ${clientId ? "azure-client-id" : "azure-tenant-id"} is set)`
    );
  }
  const registryUsername = input("registry-username");
  if (Boolean(registryUsername) !== Boolean(registryPassword)) {
    throw new InputError(
      `inputs 'registry-username' and 'registry-password' go together (only ${registryUsername ? "registry-username" : "registry-password"} is set)`
    );
  }
  const environment = input("environment").trim();
  const deploymentRaw = input("github-deployment") || "auto";
  let githubDeployment;
  if (deploymentRaw === "auto") githubDeployment = environment !== "";
  else if (TRUE.includes(deploymentRaw)) githubDeployment = true;
  else if (FALSE.includes(deploymentRaw)) githubDeployment = false;
  else throw new InputError(`input 'github-deployment' takes auto, true or false (got '${deploymentRaw}')`);
  if (githubDeployment && !environment) {
    throw new InputError(
      "input 'github-deployment' is true, but 'environment' is empty: name the GitHub environment the deployment is for"
    );
  }
  if (githubDeployment && !githubToken) {
    throw new InputError("input 'github-deployment' is on, but 'github-token' is empty: pass a token that may write deployments");
  }
  return {
    command,
    config: input("config") || "modelship.yaml",
    modelVersion,
    workingDirectory: source.resolvePath(input("working-directory") || "."),
    force,
    azure: clientId ? { clientId, tenantId } : void 0,
    azureSubscriptionId: subscriptionId || void 0,
    registry: registryUsername ? { username: registryUsername, password: registryPassword } : void 0,
    endpointKey: endpointKey || void 0,
    githubToken: githubToken || void 0,
    environment: environment || void 0,
    githubDeployment
  };
}
var COMMANDS, InputError, TRUE, FALSE;
var init_inputs = __esm({
  "actions/modelship/src/inputs.ts"() {
    "use strict";
    init_step_commands();
    init_step_inputs();
    COMMANDS = STEP_COMMANDS;
    InputError = class extends Error {
      constructor(message) {
        super(message);
        this.name = "InputError";
      }
    };
    TRUE = ["true", "True", "TRUE"];
    FALSE = ["false", "False", "FALSE"];
  }
});

// actions/modelship/src/main.ts
import * as path2 from "node:path";
var require_main = __commonJS({
  "actions/modelship/src/main.ts"() {
    var core2 = __toESM(require_core());
    init_errors();
    init_github_host();
    init_inputs();
    init_outputs();
    async function main() {
      const env = {};
      const host = new GitHubHost(env, process.env.GITHUB_WORKSPACE || process.cwd());
      let inputs;
      try {
        inputs = readInputs({ get: (name) => core2.getInput(name), secret: (v) => host.setSecret(v), resolvePath: (p) => path2.resolve(p) });
      } catch (err) {
        return fail(host.masker.mask(errorMessage(err)));
      }
      const { runAction } = await import("./run-CEZHXMNO.mjs");
      await runAction(inputs, host, env);
    }
    main().catch((err) => {
      core2.setFailed(`modelship: ${errorMessage(err)}`);
    });
  }
});
export default require_main();
