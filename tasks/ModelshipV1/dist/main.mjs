import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  STEP_COMMANDS,
  fail,
  init_outputs,
  init_step_commands,
  require_task
} from "./chunk-PF755MFG.mjs";
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

// tasks/ModelshipV1/src/ado-host.ts
function seconds(since) {
  return ((Date.now() - since) / 1e3).toFixed(1);
}
var tl, AzureDevOpsHost;
var init_ado_host = __esm({
  "tasks/ModelshipV1/src/ado-host.ts"() {
    "use strict";
    tl = __toESM(require_task());
    init_host();
    AzureDevOpsHost = class {
      /** @param envOverlay values the core reads as environment variables, set from inputs (secrets among them); they win over the process environment */
      constructor(envOverlay) {
        this.envOverlay = envOverlay;
      }
      envOverlay;
      masker = new SecretMasker();
      registered = /* @__PURE__ */ new Set();
      info(message) {
        console.log(this.safe(message));
      }
      warn(message, where) {
        tl.logIssue(tl.IssueType.Warning, this.masker.mask(message), where?.file, where?.line, where?.col);
      }
      error(message, where) {
        tl.logIssue(tl.IssueType.Error, this.masker.mask(message), where?.file, where?.line, where?.col);
      }
      debug(message) {
        tl.debug(this.masker.mask(message));
      }
      async group(name, fn) {
        const started = Date.now();
        console.log(`##[group]${this.safe(name)}`);
        let value;
        try {
          value = await fn();
        } catch (err) {
          console.log("##[endgroup]");
          this.info(`${name}: FAILED after ${seconds(started)}s`);
          throw err;
        }
        console.log("##[endgroup]");
        this.info(`${name}: done in ${seconds(started)}s`);
        return value;
      }
      setSecret(value) {
        if (!value || this.registered.has(value)) return;
        this.registered.add(value);
        tl.setSecret(value);
        this.masker.add(value);
      }
      env(name) {
        return Object.prototype.hasOwnProperty.call(this.envOverlay, name) ? this.envOverlay[name] : process.env[name];
      }
      childEnv() {
        return definedEnv({ ...process.env, ...this.envOverlay });
      }
      /**
       * A line for the log, masked, that cannot be read as a logging command: the agent acts on
       * `##vso[` anywhere in a line and on `##[` at its start, and lines may carry values from an
       * untrusted payload.
       */
      safe(message) {
        return this.masker.mask(message).replace(/##(vso)?\[/gi, (m) => `#​${m.slice(1)}`);
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

// tasks/ModelshipV1/src/inputs.ts
function readInputs(source) {
  const input = (name) => source.get(name).trim();
  const secretInput = (name) => {
    const value = source.get(name);
    if (value) source.secret(value);
    return value;
  };
  const connectionInput = (name, secretKeys) => {
    const id = input(name);
    if (!id) return void 0;
    const endpoint = source.endpoint(id);
    if (!endpoint) {
      throw new InputError(
        `input '${name}': the agent passed no service connection '${id}' to this step (check that it exists and that this pipeline is authorized to use it)`
      );
    }
    for (const key of secretKeys) if (endpoint.params[key]) source.secret(endpoint.params[key]);
    return { id, endpoint };
  };
  const endpointKey = secretInput("endpointKey");
  const docker = connectionInput("dockerRegistryServiceConnection", ["password"]);
  const arm = connectionInput("azureSubscription", ["serviceprincipalkey"]);
  const k8s = connectionInput("kubernetesServiceConnection", []);
  const kubernetes = k8s ? kubernetesLogin(k8s.id, k8s.endpoint, (value) => source.secret(value)) : void 0;
  const inputError = (message) => new InputError(message);
  const command = choiceInput(input("command") || "run", "command", COMMANDS, inputError);
  const modelVersion = versionInput(input("modelVersion"), "modelVersion", inputError);
  const forceRaw = input("force").toLowerCase();
  if (forceRaw && forceRaw !== "true" && forceRaw !== "false")
    throw new InputError(`input 'force' takes true or false (got '${forceRaw}')`);
  let registry;
  if (docker) {
    const { username, password, registry: server } = docker.endpoint.params;
    if (!username || !password) {
      throw new InputError(
        `input 'dockerRegistryServiceConnection': service connection '${docker.id}' has no user name and password (use a Docker Registry connection of type "Others" or "Docker Hub", or the Azure connection for ACR)`
      );
    }
    registry = { connection: docker.id, server: server || docker.endpoint.url || "", username, password };
  }
  let azure;
  let azureSubscriptionId;
  if (arm) {
    const params = arm.endpoint.params;
    const tenantId = params.tenantid ?? "";
    const clientId = params.serviceprincipalid ?? "";
    if (!tenantId || !clientId)
      throw new InputError(`input 'azureSubscription': service connection '${arm.id}' has no tenant or service principal id`);
    if (arm.endpoint.scheme === "WorkloadIdentityFederation") {
      const token = source.variable("System.AccessToken") ?? "";
      if (token) source.secret(token);
      if (!token) {
        throw new InputError(
          `input 'azureSubscription': workload identity federation needs the job's System.AccessToken; map it to the step (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken))`
        );
      }
      azure = { scheme: "WorkloadIdentityFederation", connection: arm.id, tenantId, clientId, systemAccessToken: token };
    } else if (arm.endpoint.scheme === "ServicePrincipal" && params.serviceprincipalkey) {
      azure = { scheme: "ServicePrincipal", connection: arm.id, tenantId, clientId, clientSecret: params.serviceprincipalkey };
    } else {
      throw new InputError(
        `input 'azureSubscription': service connection '${arm.id}' uses ${arm.endpoint.scheme ?? "no"} authorization${params.authenticationType ? ` (${params.authenticationType})` : ""}; modelship takes workload identity federation or a service principal with a secret`
      );
    }
    azureSubscriptionId = arm.endpoint.data("subscriptionId") || void 0;
  }
  return {
    command,
    configFile: input("configFile") || "modelship.yaml",
    modelVersion,
    workingDirectory: source.resolvePath(input("workingDirectory") || "."),
    force: forceRaw === "true",
    azure,
    azureSubscriptionId,
    kubernetes,
    registry,
    endpointKey: endpointKey || void 0,
    webhookPayload: input("webhookPayload") || void 0
  };
}
function param(endpoint, name) {
  const key = Object.keys(endpoint.params).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === void 0 ? void 0 : endpoint.params[key];
}
function kubernetesLogin(id, endpoint, secret) {
  const type = endpoint.data("authorizationType") ?? (param(endpoint, "kubeconfig") ? "Kubeconfig" : void 0);
  if (type === "Kubeconfig") {
    const kubeconfig = param(endpoint, "kubeconfig");
    if (!kubeconfig) throw new InputError(`input 'kubernetesServiceConnection': service connection '${id}' has no kubeconfig`);
    secret(kubeconfig);
    return { connection: id, type, kubeconfig, context: param(endpoint, "clusterContext") || void 0 };
  }
  if (type === "ServiceAccount") {
    const encoded = param(endpoint, "apiToken");
    if (!encoded || !endpoint.url)
      throw new InputError(`input 'kubernetesServiceConnection': service connection '${id}' has no server URL or token`);
    secret(encoded);
    const token = Buffer.from(encoded, "base64").toString("utf8").trim();
    secret(token);
    return {
      connection: id,
      type,
      server: endpoint.url,
      token,
      certificateAuthorityData: param(endpoint, "serviceAccountCertificate") || void 0,
      acceptUntrustedCerts: (endpoint.data("acceptUntrustedCerts") ?? "").toLowerCase() === "true"
    };
  }
  throw new InputError(
    `input 'kubernetesServiceConnection': service connection '${id}' uses ${type ?? "an unknown"} authorization; modelship takes Kubeconfig or Service Account connections (for AKS with Azure sign-in, set target.kubernetes.auth: azure and the azureSubscription input instead)`
  );
}
var COMMANDS, InputError;
var init_inputs = __esm({
  "tasks/ModelshipV1/src/inputs.ts"() {
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
  }
});

// tasks/ModelshipV1/src/main.ts
import * as path from "node:path";
var require_main = __commonJS({
  "tasks/ModelshipV1/src/main.ts"() {
    var tl2 = __toESM(require_task());
    init_errors();
    init_ado_host();
    init_inputs();
    init_outputs();
    function endpoint(id) {
      const auth = tl2.getEndpointAuthorization(id, true);
      const url = tl2.getEndpointUrl(id, true);
      if (!auth && !url) return void 0;
      return {
        url,
        scheme: auth?.scheme,
        params: auth?.parameters ?? {},
        data: (key) => tl2.getEndpointDataParameter(id, key, true)
      };
    }
    var SECRET_VARIABLES = /* @__PURE__ */ new Set(["System.AccessToken"]);
    async function main() {
      const env = {};
      const host = new AzureDevOpsHost(env);
      const base = tl2.getVariable("System.DefaultWorkingDirectory") || process.cwd();
      let inputs;
      try {
        inputs = readInputs({
          get: (name) => tl2.getInput(name) ?? "",
          endpoint,
          // tl.getVariable prints `name=value` in a debug line before anything could mask it:
          // secret variables are read from the environment the step maps them to instead
          variable: (name) => SECRET_VARIABLES.has(name) ? process.env[name.replace(/\./g, "_").toUpperCase()] : tl2.getVariable(name),
          secret: (v) => host.setSecret(v),
          resolvePath: (p) => path.resolve(base, p)
        });
      } catch (err) {
        return fail(host.masker.mask(errorMessage(err)));
      }
      const { runTask } = await import("./run-RJFSCILI.mjs");
      await runTask(inputs, host, env);
    }
    main().catch((err) => {
      tl2.setResult(tl2.TaskResult.Failed, `modelship: ${errorMessage(err)}`);
    });
  }
});
export default require_main();
