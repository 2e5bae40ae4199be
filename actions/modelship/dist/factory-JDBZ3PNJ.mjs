import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  DEFAULT_CONTAINER_PORT,
  SCORING_SERVER_HEALTH_PATH,
  init_build_context
} from "./chunk-J42IEFZ4.mjs";
import {
  bucketIndex,
  emptyCounters,
  init_metrics,
  recordRequest
} from "./chunk-OBGI7GXQ.mjs";
import {
  AZUREML_API_VERSION,
  ArmClient,
  ArmOperationError,
  ArmRequestError,
  init_arm_client,
  init_azureml
} from "./chunk-WDB43DFD.mjs";
import "./chunk-7RNKJZ2Z.mjs";
import "./chunk-AI3D5PHV.mjs";
import "./chunk-D52D2E22.mjs";
import {
  init_json,
  isRecord,
  isStringRecord
} from "./chunk-TTWN6RXQ.mjs";
import "./chunk-YRPBQVCG.mjs";
import "./chunk-7P44BJD4.mjs";
import {
  StageError,
  errorMessage,
  init_errors
} from "./chunk-3S33VBNX.mjs";
import "./chunk-7VOS6VXA.mjs";
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/targets/azureml/endpoint-tags.ts
function recordFromTags(tags) {
  const record = {};
  const status = tags[ROLLOUT.status];
  const nextStep = Number(tags[ROLLOUT.nextStep]);
  if (tags[ROLLOUT.candidate] && tags[ROLLOUT.stable] && tags[ROLLOUT.model] && tags[ROLLOUT.version] && (status === "running" || status === "paused") && Number.isInteger(nextStep)) {
    const rollout = {
      candidate: tags[ROLLOUT.candidate],
      stable: tags[ROLLOUT.stable],
      model: { name: tags[ROLLOUT.model], version: tags[ROLLOUT.version] },
      nextStep,
      status,
      startedAt: tags[ROLLOUT.startedAt] ?? ""
    };
    record.rollout = rollout;
  }
  if (tags[PREVIOUS.model] && tags[PREVIOUS.version]) {
    record.previous = {
      name: tags[PREVIOUS.model],
      version: tags[PREVIOUS.version],
      ...tags[PREVIOUS.image] ? { image: tags[PREVIOUS.image] } : {},
      ...tags[PREVIOUS.promotedAt] ? { promotedAt: tags[PREVIOUS.promotedAt] } : {}
    };
  }
  const outcome = tags[ANALYSIS.outcome];
  if (tags[ANALYSIS.version] && outcome && ANALYSIS_OUTCOMES.has(outcome)) {
    const lines = [];
    for (let i = 0; tags[`${ANALYSIS.line}${i}`] !== void 0; i++) lines.push(tags[`${ANALYSIS.line}${i}`]);
    record.analysis = {
      version: tags[ANALYSIS.version],
      outcome,
      at: tags[ANALYSIS.at] ?? "",
      lines
    };
  }
  return record;
}
function withRecordTags(tags, record) {
  const out = {};
  const ours = /* @__PURE__ */ new Set([...Object.values(ROLLOUT), ...Object.values(PREVIOUS)]);
  for (const [name, value] of Object.entries(tags)) if (!ours.has(name) && !name.startsWith("modelship.analysis.")) out[name] = value;
  const rollout = record.rollout;
  if (rollout) {
    out[ROLLOUT.candidate] = rollout.candidate;
    out[ROLLOUT.stable] = rollout.stable;
    out[ROLLOUT.model] = rollout.model.name;
    out[ROLLOUT.version] = rollout.model.version;
    out[ROLLOUT.nextStep] = String(rollout.nextStep);
    out[ROLLOUT.status] = rollout.status;
    out[ROLLOUT.startedAt] = rollout.startedAt;
  }
  const previous = record.previous;
  if (previous) {
    out[PREVIOUS.model] = previous.name;
    out[PREVIOUS.version] = previous.version;
    if (previous.image) out[PREVIOUS.image] = previous.image;
    if (previous.promotedAt) out[PREVIOUS.promotedAt] = previous.promotedAt;
  }
  const analysis = record.analysis;
  if (analysis) {
    out[ANALYSIS.version] = analysis.version;
    out[ANALYSIS.outcome] = analysis.outcome;
    out[ANALYSIS.at] = analysis.at;
    analysis.lines.forEach((line, i) => out[`${ANALYSIS.line}${i}`] = line.slice(0, MAX_TAG_VALUE));
  }
  return checkedTags(out);
}
function deploymentTags(facts) {
  return checkedTags({
    [DEPLOYMENT.model]: facts.model.name,
    [DEPLOYMENT.version]: facts.model.version,
    ...facts.image ? { [DEPLOYMENT.image]: facts.image } : {},
    [DEPLOYMENT.createdAt]: facts.createdAt
  });
}
function deploymentFacts(tags) {
  const name = tags[DEPLOYMENT.model];
  const version = tags[DEPLOYMENT.version];
  if (!name || !version) return void 0;
  return {
    model: { name, version },
    ...tags[DEPLOYMENT.image] ? { image: tags[DEPLOYMENT.image] } : {},
    createdAt: tags[DEPLOYMENT.createdAt] ?? ""
  };
}
function lockFromTags(tags) {
  const holder = tags[LOCK_TAGS.holder];
  const expires = Date.parse(tags[LOCK_TAGS.expires] ?? "");
  return holder && Number.isFinite(expires) ? { holder, expires } : void 0;
}
function withLockTags(tags, lock) {
  const out = { ...tags };
  delete out[LOCK_TAGS.holder];
  delete out[LOCK_TAGS.expires];
  if (lock) {
    out[LOCK_TAGS.holder] = lock.holder.slice(0, MAX_TAG_VALUE);
    out[LOCK_TAGS.expires] = new Date(lock.expires).toISOString();
  }
  return checkedTags(out);
}
function checkedTags(tags) {
  for (const [name, value] of Object.entries(tags)) {
    if (value.length > MAX_TAG_VALUE)
      throw new Error(
        `the tag ${name} would be ${value.length} characters long, over Azure's limit of ${MAX_TAG_VALUE}: '${value.slice(0, 40)}…'`
      );
  }
  return tags;
}
var ROLLOUT, PREVIOUS, ANALYSIS, ANALYSIS_OUTCOMES, LOCK_TAGS, DEPLOYMENT, MAX_TAG_VALUE;
var init_endpoint_tags = __esm({
  "shared/targets/azureml/endpoint-tags.ts"() {
    "use strict";
    ROLLOUT = {
      candidate: "modelship.rollout.candidate",
      stable: "modelship.rollout.stable",
      model: "modelship.rollout.model",
      version: "modelship.rollout.version",
      nextStep: "modelship.rollout.nextStep",
      status: "modelship.rollout.status",
      startedAt: "modelship.rollout.startedAt"
    };
    PREVIOUS = {
      model: "modelship.previous.model",
      version: "modelship.previous.version",
      image: "modelship.previous.image",
      promotedAt: "modelship.previous.promotedAt"
    };
    ANALYSIS = {
      version: "modelship.analysis.version",
      outcome: "modelship.analysis.outcome",
      at: "modelship.analysis.at",
      /** followed by the line's index: one tag per line of the verdicts */
      line: "modelship.analysis.line"
    };
    ANALYSIS_OUTCOMES = /* @__PURE__ */ new Set(["promoted", "rolled-back", "paused"]);
    LOCK_TAGS = { holder: "modelship.lock.holder", expires: "modelship.lock.expires" };
    DEPLOYMENT = {
      model: "modelship.model",
      version: "modelship.version",
      image: "modelship.image",
      createdAt: "modelship.createdAt"
    };
    MAX_TAG_VALUE = 256;
  }
});

// shared/targets/azureml/online-api.ts
function normaliseEndpoint(raw) {
  const properties = isRecord(raw.properties) ? raw.properties : {};
  return {
    ...raw,
    tags: isStringRecord(raw.tags) ? raw.tags : {},
    properties: {
      ...properties,
      traffic: numberMap(properties.traffic),
      mirrorTraffic: numberMap(properties.mirrorTraffic)
    }
  };
}
function numberMap(raw) {
  const out = {};
  if (!isRecord(raw)) return out;
  for (const [name, value] of Object.entries(raw)) if (typeof value === "number") out[name] = value;
  return out;
}
function seg(value) {
  return encodeURIComponent(value);
}
function isoDuration(ms) {
  return `PT${Number((ms / 1e3).toFixed(3))}S`;
}
var OnlineEndpointsApi;
var init_online_api = __esm({
  "shared/targets/azureml/online-api.ts"() {
    "use strict";
    init_json();
    OnlineEndpointsApi = class {
      constructor(arm, workspace, timing) {
        this.arm = arm;
        this.workspace = workspace;
        this.timing = timing;
        this.workspacePath = `/subscriptions/${seg(workspace.subscriptionId)}/resourceGroups/${seg(workspace.resourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/${seg(workspace.workspace)}`;
      }
      arm;
      workspace;
      timing;
      workspacePath;
      endpointPath(endpoint) {
        return `${this.workspacePath}/onlineEndpoints/${seg(endpoint)}`;
      }
      /** the ARM id of the endpoint (for Azure Monitor) */
      endpointId(endpoint) {
        return decodeURIComponent(this.endpointPath(endpoint));
      }
      async workspaceLocation() {
        const workspace = await this.arm.get(this.workspacePath, `reading workspace ${this.workspace.workspace}`);
        if (!workspace.location) throw new Error(`workspace ${this.workspace.workspace} has no location`);
        return workspace.location;
      }
      async findEndpoint(endpoint) {
        const found = await this.arm.find(this.endpointPath(endpoint), `reading online endpoint ${endpoint}`);
        return found ? normaliseEndpoint(found) : void 0;
      }
      async putEndpoint(endpoint, body, doing) {
        await this.arm.longRunning("PUT", this.endpointPath(endpoint), body, doing, this.timing);
      }
      async deleteEndpoint(endpoint) {
        await this.arm.longRunning("DELETE", this.endpointPath(endpoint), void 0, `deleting online endpoint ${endpoint}`, this.timing);
      }
      async listDeployments(endpoint) {
        return this.arm.list(`${this.endpointPath(endpoint)}/deployments`, `listing the deployments of ${endpoint}`);
      }
      async putDeployment(endpoint, name, body, doing) {
        await this.arm.longRunning("PUT", `${this.endpointPath(endpoint)}/deployments/${seg(name)}`, body, doing, this.timing);
      }
      async deleteDeployment(endpoint, name) {
        await this.arm.longRunning(
          "DELETE",
          `${this.endpointPath(endpoint)}/deployments/${seg(name)}`,
          void 0,
          `deleting deployment ${name} of ${endpoint}`,
          this.timing
        );
      }
      /** the last `tail` lines of a deployment's container log */
      async logs(endpoint, name, containerType, tail) {
        const answer = await this.arm.post(
          `${this.endpointPath(endpoint)}/deployments/${seg(name)}/getLogs`,
          { containerType, tail },
          `reading the ${containerType} log of deployment ${name}`
        );
        return answer?.content ?? "";
      }
      async listKeys(endpoint) {
        return this.arm.post(`${this.endpointPath(endpoint)}/listKeys`, void 0, `reading the keys of online endpoint ${endpoint}`);
      }
      async token(endpoint) {
        return this.arm.post(`${this.endpointPath(endpoint)}/token`, void 0, `getting an Azure ML token for online endpoint ${endpoint}`);
      }
      environmentVersionPath(name, version) {
        return `${this.workspacePath}/environments/${seg(name)}/versions/${seg(version)}`;
      }
      async findEnvironmentVersion(name, version) {
        return this.arm.find(this.environmentVersionPath(name, version), `reading environment ${name}:${version}`);
      }
      async putEnvironmentVersion(name, version, body) {
        return this.arm.put(this.environmentVersionPath(name, version), body, `registering environment ${name}:${version}`);
      }
    };
  }
});

// shared/targets/azureml/traffic-rules.ts
function trafficRuleViolations(traffic, mirror, deployments) {
  const problems = [];
  const known = new Set(deployments);
  for (const [name, weight] of Object.entries(traffic)) {
    if (!known.has(name)) problems.push(`traffic names '${name}', which is not a deployment of the endpoint`);
    if (!Number.isInteger(weight) || weight < 0 || weight > 100)
      problems.push(`traffic of '${name}' is ${weight}, not a whole percentage 0..100`);
  }
  const total = Object.values(traffic).reduce((sum, weight) => sum + weight, 0);
  if (total !== 100 && total !== 0) problems.push(`traffic sums to ${total}%, not 100%`);
  const mirrored = Object.entries(mirror).filter(([, weight]) => weight > 0);
  if (mirrored.length > 1) problems.push(`mirror traffic goes to ${mirrored.length} deployments; Azure ML mirrors to one at most`);
  for (const [name, weight] of mirrored) {
    if (!known.has(name)) problems.push(`mirror traffic names '${name}', which is not a deployment of the endpoint`);
    if (!Number.isInteger(weight) || weight > MAX_MIRROR_PERCENT)
      problems.push(`mirror traffic of '${name}' is ${weight}%; Azure ML allows a whole percentage up to ${MAX_MIRROR_PERCENT}%`);
    if ((traffic[name] ?? 0) > 0) problems.push(`'${name}' takes ${traffic[name]}% of live traffic and cannot also receive mirror traffic`);
  }
  return problems;
}
function takesTraffic(name, traffic, mirror) {
  return (traffic[name] ?? 0) > 0 || (mirror[name] ?? 0) > 0;
}
var MAX_MIRROR_PERCENT;
var init_traffic_rules = __esm({
  "shared/targets/azureml/traffic-rules.ts"() {
    "use strict";
    MAX_MIRROR_PERCENT = 50;
  }
});

// shared/targets/azureml/azureml-target.ts
import * as os from "node:os";
import { randomUUID } from "node:crypto";
function isError(status) {
  return status >= 500 || status === 408 || status === 424;
}
function positive(map) {
  return Object.fromEntries(Object.entries(map).filter(([, weight]) => weight > 0));
}
function probeWire(probe) {
  return {
    initialDelay: isoDuration(probe.initialDelay),
    period: isoDuration(probe.period),
    timeout: isoDuration(probe.timeout),
    failureThreshold: probe.failureThreshold,
    successThreshold: probe.successThreshold
  };
}
function writable(current) {
  const { authMode, description, traffic, mirrorTraffic, publicNetworkAccess } = current.properties;
  return {
    location: current.location,
    ...current.identity ? { identity: { type: current.identity.type } } : {},
    ...current.kind ? { kind: current.kind } : {},
    tags: { ...current.tags ?? {} },
    properties: {
      authMode,
      ...description !== void 0 ? { description } : {},
      traffic: { ...traffic ?? {} },
      mirrorTraffic: { ...mirrorTraffic ?? {} },
      ...publicNetworkAccess !== void 0 ? { publicNetworkAccess } : {}
    }
  };
}
function deploymentInfo(resource) {
  const facts = deploymentFacts(resource.tags ?? {});
  const model = facts?.model ?? modelFromAssetId(resource.properties.model) ?? { name: "(unknown model)", version: "?" };
  return {
    name: resource.name ?? "",
    model,
    ...facts?.image ? { image: facts.image } : {},
    health: HEALTH[resource.properties.provisioningState ?? ""] ?? "starting",
    restarts: 0,
    createdAt: facts?.createdAt ?? ""
  };
}
function modelFromAssetId(id) {
  const match = /\/models\/([^/]+)\/versions\/([^/]+)$/.exec(id ?? "");
  return match ? { name: decodeURIComponent(match[1]), version: decodeURIComponent(match[2]) } : void 0;
}
var AZUREML_DEPLOYMENT_HEADER, ENVIRONMENT_PREFIX, LOG_TAIL_LINES, AUTH_MODE_WIRE, AzureMlTarget, HEALTH;
var init_azureml_target = __esm({
  "shared/targets/azureml/azureml-target.ts"() {
    "use strict";
    init_arm_client();
    init_metrics();
    init_errors();
    init_endpoint_tags();
    init_online_api();
    init_traffic_rules();
    AZUREML_DEPLOYMENT_HEADER = "azureml-model-deployment";
    ENVIRONMENT_PREFIX = "modelship-";
    LOG_TAIL_LINES = 30;
    AUTH_MODE_WIRE = {
      key: "Key",
      aml_token: "AMLToken",
      aad_token: "AADToken"
    };
    AzureMlTarget = class {
      constructor(options) {
        this.options = options;
        this.api = options.api;
        this.config = options.config;
        this.now = options.now ?? Date.now;
        this.description = `azureml/${this.config.workspace}`;
      }
      options;
      description;
      api;
      config;
      now;
      counters = /* @__PURE__ */ new Map();
      epoch = randomUUID();
      /** the lock identity this command holds, per endpoint */
      held = /* @__PURE__ */ new Map();
      dataPlanes = /* @__PURE__ */ new Map();
      location;
      // ---- Target ----------------------------------------------------------------------------
      async state(endpoint) {
        const resource = await this.api.findEndpoint(endpoint);
        if (!resource) return { endpoint, url: "", deployments: [], traffic: {}, mirror: {}, record: {} };
        const deployments = await this.api.listDeployments(endpoint);
        return {
          endpoint,
          url: resource.properties.scoringUri ?? "",
          deployments: deployments.map((d) => deploymentInfo(d)),
          traffic: positive(resource.properties.traffic ?? {}),
          mirror: positive(resource.properties.mirrorTraffic ?? {}),
          record: recordFromTags(resource.tags ?? {})
        };
      }
      async createDeployment(endpoint, spec) {
        const doing = `creating deployment '${spec.name}' of online endpoint ${endpoint}`;
        if (!await this.api.findEndpoint(endpoint)) await this.createEndpoint(endpoint, {});
        const environmentId = await this.environmentFor(endpoint, spec);
        const modelId = this.options.modelAssetId(spec.model);
        const body = {
          location: await this.workspaceLocation(),
          tags: deploymentTags({ model: spec.model, image: spec.image, createdAt: new Date(this.now()).toISOString() }),
          sku: { name: "Default", capacity: this.config.instanceCount },
          properties: {
            endpointComputeType: "Managed",
            ...modelId ? { model: modelId } : {},
            environmentId,
            instanceType: this.config.instanceType,
            description: `${spec.model.name} v${spec.model.version}, deployed by modelship`,
            requestSettings: {
              requestTimeout: isoDuration(this.config.requestTimeout),
              maxConcurrentRequestsPerInstance: this.config.maxConcurrentRequestsPerInstance
            },
            livenessProbe: probeWire(this.config.livenessProbe),
            readinessProbe: probeWire(this.config.readinessProbe),
            appInsightsEnabled: false
          }
        };
        this.options.log(
          `${endpoint}: creating deployment '${spec.name}' (${spec.model.name} v${spec.model.version}${modelId ? `, model ${modelId}` : ", model files in the image"}) on ${this.config.instanceCount} x ${this.config.instanceType}; Azure ML provisions instances in minutes`
        );
        const started = this.now();
        try {
          await this.api.putDeployment(endpoint, spec.name, body, doing);
        } catch (err) {
          throw await this.provisioningFailure(endpoint, spec.name, doing, err);
        }
        this.options.log(`${endpoint}: deployment '${spec.name}' is ready after ${Math.round((this.now() - started) / 1e3)} s`);
      }
      async deleteDeployment(endpoint, name) {
        const resource = await this.api.findEndpoint(endpoint);
        if (!resource) return;
        if (takesTraffic(name, resource.properties.traffic ?? {}, resource.properties.mirrorTraffic ?? {}))
          throw new StageError(
            `deleting deployment '${name}' of ${endpoint}`,
            `it still takes ${resource.properties.traffic?.[name] ?? 0}% of live traffic and ${resource.properties.mirrorTraffic?.[name] ?? 0}% of mirror traffic`,
            "move its traffic to another deployment first"
          );
        try {
          await this.api.deleteDeployment(endpoint, name);
        } catch (err) {
          if (err instanceof ArmRequestError && err.info.status === 404) return;
          throw err;
        }
        this.options.log(`${endpoint}: deleted deployment '${name}'`);
      }
      async setTraffic(endpoint, traffic, mirror = {}) {
        const after = await this.updateEndpoint(endpoint, `setting the traffic of online endpoint ${endpoint}`, (next) => {
          next.properties.traffic = { ...traffic };
          next.properties.mirrorTraffic = positive(mirror);
        });
        return positive(after.properties.traffic ?? {});
      }
      async setRecord(endpoint, record) {
        await this.updateEndpoint(endpoint, `storing the rollout record on online endpoint ${endpoint}`, (next) => {
          next.tags = withRecordTags(next.tags ?? {}, record);
        });
      }
      async score(endpoint, req) {
        const plane = await this.dataPlane(endpoint);
        const started = performance.now();
        let answeredBy = req.deployment;
        try {
          const credential = await this.credential(endpoint, plane);
          const res = await fetch(plane.scoringUri, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${credential}`,
              ...req.deployment ? { [AZUREML_DEPLOYMENT_HEADER]: req.deployment } : {}
            },
            body: req.body,
            signal: AbortSignal.timeout(req.timeoutMs)
          });
          const body = await res.text();
          answeredBy = res.headers.get(AZUREML_DEPLOYMENT_HEADER) ?? req.deployment;
          const latencyMs = performance.now() - started;
          this.count(endpoint, answeredBy, latencyMs, isError(res.status));
          return { status: res.status, body, deployment: answeredBy, latencyMs };
        } catch (err) {
          this.count(endpoint, answeredBy, performance.now() - started, true);
          throw err;
        }
      }
      async destroy(endpoint) {
        if (!await this.api.findEndpoint(endpoint)) return;
        this.options.log(`${endpoint}: deleting the online endpoint and its deployments`);
        await this.api.deleteEndpoint(endpoint);
        this.counters.delete(endpoint);
        this.dataPlanes.delete(endpoint);
      }
      // ---- MetricsSource: the requests this command sent --------------------------------------
      async snapshot(endpoint) {
        const copy = {};
        for (const [name, counts] of Object.entries(this.counters.get(endpoint) ?? {}))
          copy[name] = { requests: counts.requests, errors: counts.errors, latency: [...counts.latency] };
        return { epoch: this.epoch, at: this.now(), deployments: copy };
      }
      // ---- EndpointLocker: tags on the endpoint -----------------------------------------------
      async acquireLock(endpoint, holder) {
        const identity = `${holder} (${os.hostname()} pid ${process.pid}, ${randomUUID().slice(0, 8)})`;
        const lock = () => ({ holder: identity, expires: this.now() + this.config.lockTtl });
        const current = await this.api.findEndpoint(endpoint);
        const other = lockFromTags(current?.tags ?? {});
        if (other && other.expires > this.now()) this.busy(endpoint, other);
        try {
          if (!current) {
            await this.createEndpoint(endpoint, withLockTags({}, lock()));
          } else {
            if (other)
              this.options.log(
                `${endpoint}: taking over the lock of '${other.holder}', expired at ${new Date(other.expires).toISOString()} (its command ended without releasing it)`
              );
            await this.updateEndpoint(endpoint, `locking online endpoint ${endpoint}`, (next) => {
              next.tags = withLockTags(next.tags ?? {}, lock());
            });
          }
        } catch (err) {
          if (err instanceof ArmRequestError && err.info.status === 409)
            this.busy(endpoint, lockFromTags((await this.api.findEndpoint(endpoint))?.tags ?? {}), err.info.message);
          throw err;
        }
        const after = lockFromTags((await this.api.findEndpoint(endpoint))?.tags ?? {});
        if (after?.holder !== identity) this.busy(endpoint, after);
        this.held.set(endpoint, identity);
        return async () => {
          if (this.held.get(endpoint) !== identity) return;
          this.held.delete(endpoint);
          const resource = await this.api.findEndpoint(endpoint);
          if (!resource || lockFromTags(resource.tags ?? {})?.holder !== identity) return;
          await this.updateEndpoint(endpoint, `unlocking online endpoint ${endpoint}`, (next) => {
            next.tags = withLockTags(next.tags ?? {}, void 0);
          });
        };
      }
      busy(endpoint, lock, conflict) {
        const who = lock ? `'${lock.holder}' holds its lock (the tag modelship.lock.holder) until ${new Date(lock.expires).toISOString()} unless it renews it` : `another command is changing it (Azure ML: ${conflict ?? "conflict"})`;
        throw new Error(`endpoint ${endpoint} is busy: ${who}; wait for it to finish`);
      }
      // ---- the endpoint resource --------------------------------------------------------------
      async workspaceLocation() {
        this.location ??= await this.api.workspaceLocation();
        return this.location;
      }
      async createEndpoint(endpoint, tags) {
        this.options.log(`${endpoint}: creating the online endpoint (auth mode ${AUTH_MODE_WIRE[this.config.authMode]})`);
        await this.api.putEndpoint(
          endpoint,
          {
            location: await this.workspaceLocation(),
            identity: { type: "SystemAssigned" },
            tags,
            properties: {
              authMode: AUTH_MODE_WIRE[this.config.authMode],
              description: "managed by modelship",
              traffic: {},
              mirrorTraffic: {},
              publicNetworkAccess: "Enabled"
            }
          },
          `creating online endpoint ${endpoint}`
        );
      }
      /**
       * GET the endpoint, change it, check Azure ML's rules, PUT all of it with both maps, and
       * answer what is read back. A lock this command holds is renewed by the same PUT.
       */
      async updateEndpoint(endpoint, doing, change) {
        const current = await this.api.findEndpoint(endpoint);
        if (!current) throw new StageError(doing, `online endpoint ${endpoint} does not exist`, "`modelship status`");
        const next = writable(current);
        change(next);
        const identity = this.held.get(endpoint);
        if (identity && lockFromTags(next.tags ?? {})?.holder === identity)
          next.tags = withLockTags(next.tags ?? {}, { holder: identity, expires: this.now() + this.config.lockTtl });
        const names = (await this.api.listDeployments(endpoint)).map((d) => d.name ?? "");
        const problems = trafficRuleViolations(next.properties.traffic ?? {}, next.properties.mirrorTraffic ?? {}, names);
        if (problems.length)
          throw new StageError(doing, `Azure ML would refuse it: ${problems.join("; ")}`, "the rollout steps and rollout.mirror");
        await this.api.putEndpoint(endpoint, next, doing);
        const after = await this.api.findEndpoint(endpoint);
        if (!after) throw new StageError(doing, `online endpoint ${endpoint} is gone after the update`);
        return after;
      }
      // ---- deployments ------------------------------------------------------------------------
      /** the environment version a deployment runs: the configured one, or the pushed image registered once per digest */
      async environmentFor(endpoint, spec) {
        const configured = this.config.environment;
        if (configured) {
          const short = /^azureml:([^:]+):([^:]+)$/.exec(configured);
          return short ? decodeURIComponent(this.api.environmentVersionPath(short[1], short[2])) : configured;
        }
        const image = spec.image;
        const digest = image ? /@sha256:([0-9a-f]{64})$/.exec(image)?.[1] : void 0;
        if (!image || !digest)
          throw new StageError(
            `preparing the environment of deployment '${spec.name}'`,
            `the deployment has no image pinned by digest (got ${image ?? "none"})`,
            "image.repository in the config (modelship builds and pushes the image), or target.azureml.environment"
          );
        const name = `${ENVIRONMENT_PREFIX}${endpoint}`;
        const version = digest.slice(0, 16);
        const found = await this.api.findEnvironmentVersion(name, version);
        if (!found) {
          const port = this.options.containerPort;
          await this.api.putEnvironmentVersion(name, version, {
            properties: {
              image,
              osType: "Linux",
              description: `serving image of ${spec.model.name} v${spec.model.version}, built by modelship`,
              inferenceConfig: {
                livenessRoute: { path: this.options.routes.ready, port },
                readinessRoute: { path: this.options.routes.ready, port },
                scoringRoute: { path: this.options.routes.score, port }
              }
            }
          });
          this.options.log(`registered environment ${name}:${version} (${image})`);
        } else if (found.properties.image !== image) {
          throw new StageError(
            `registering environment ${name}:${version}`,
            `it exists with another image (${found.properties.image}), and environment versions cannot change`,
            `archive environment ${name} version ${version} in the workspace`
          );
        }
        return decodeURIComponent(this.api.environmentVersionPath(name, version));
      }
      /** the error of a failed provisioning: the service's code and message, and the tails of the deployment's logs */
      async provisioningFailure(endpoint, name, doing, err) {
        const reason = err instanceof ArmOperationError ? `Azure ML: ${err.error.code}: ${err.error.message} (the operation ended ${err.status})` : err instanceof ArmRequestError ? `Azure ML: ${err.info.code}: ${err.info.message}` : errorMessage(err);
        const sections = [];
        for (const container of ["InferenceServer", "StorageInitializer"]) {
          try {
            const text = (await this.api.logs(endpoint, name, container, LOG_TAIL_LINES)).trimEnd();
            if (text) sections.push(`${container} log (last lines):
    ${text.split("\n").slice(-LOG_TAIL_LINES).join("\n    ")}`);
          } catch {
          }
        }
        try {
          const endpointNow = await this.api.findEndpoint(endpoint);
          const exists = (await this.api.listDeployments(endpoint)).some((d) => d.name === name);
          if (exists && !takesTraffic(name, endpointNow?.properties.traffic ?? {}, endpointNow?.properties.mirrorTraffic ?? {})) {
            this.options.log(`${endpoint}: removing the failed deployment '${name}' (it took no traffic)`);
            await this.api.deleteDeployment(endpoint, name);
          }
        } catch (cleanup) {
          this.options.log(
            `${endpoint}: removing the failed deployment '${name}' failed (the next command removes it): ${errorMessage(cleanup)}`
          );
        }
        return new StageError(
          doing,
          [reason, ...sections].join("\n  "),
          "the log lines above, target.azureml.instanceType and your quota, target.azureml.readinessProbe"
        );
      }
      // ---- data plane -------------------------------------------------------------------------
      async dataPlane(endpoint) {
        const known = this.dataPlanes.get(endpoint);
        if (known) return known;
        const resource = await this.api.findEndpoint(endpoint);
        const scoringUri = resource?.properties.scoringUri;
        if (!resource || !scoringUri)
          throw new StageError(
            `calling online endpoint ${endpoint}`,
            "the endpoint does not exist or has no scoring URI yet",
            "`modelship status`"
          );
        const plane = { scoringUri, authMode: resource.properties.authMode };
        this.dataPlanes.set(endpoint, plane);
        return plane;
      }
      /** the key or token the endpoint's auth mode asks for, read once (tokens again when due) and masked */
      async credential(endpoint, plane) {
        if (plane.credential && plane.credential.refreshAt > this.now()) return plane.credential.value;
        let value;
        let refreshAt = Number.POSITIVE_INFINITY;
        if (plane.authMode === "Key") {
          value = (await this.api.listKeys(endpoint)).primaryKey;
        } else if (plane.authMode === "AMLToken") {
          const token = await this.api.token(endpoint);
          value = token.accessToken;
          if (token.refreshAfterTimeUtc) refreshAt = token.refreshAfterTimeUtc * 1e3;
        } else {
          value = await this.options.entraToken();
          refreshAt = this.now() + 30 * 6e4;
        }
        if (!value) throw new StageError(`authenticating to online endpoint ${endpoint}`, `Azure ML returned no ${plane.authMode} credential`);
        this.options.setSecret(value);
        plane.credential = { value, refreshAt };
        return value;
      }
      count(endpoint, deployment, latencyMs, failed) {
        let byName = this.counters.get(endpoint);
        if (!byName) this.counters.set(endpoint, byName = {});
        recordRequest(byName[deployment ?? "(unknown)"] ??= emptyCounters(), latencyMs, failed);
      }
    };
    HEALTH = {
      Succeeded: "ready",
      Creating: "starting",
      Updating: "starting",
      Scaling: "starting",
      Failed: "dead",
      Canceled: "dead",
      Deleting: "dead"
    };
  }
});

// shared/targets/azureml/monitor-metrics.ts
function dimension(values, name) {
  return values?.find((v) => v.name?.value?.toLowerCase() === name.toLowerCase())?.value;
}
function grainMs(interval) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(interval ?? "");
  if (!match || !interval || interval === "P" || interval.endsWith("T")) return 6e4;
  const [, days, hours, minutes, seconds] = match;
  const total = ((Number(days ?? 0) * 24 + Number(hours ?? 0)) * 60 + Number(minutes ?? 0)) * 6e4 + Number(seconds ?? 0) * 1e3;
  return total > 0 ? total : 6e4;
}
var MONITOR_API_VERSION, LATENCY_SHARES, AzureMonitorMetrics;
var init_monitor_metrics = __esm({
  "shared/targets/azureml/monitor-metrics.ts"() {
    "use strict";
    init_arm_client();
    init_metrics();
    init_errors();
    MONITOR_API_VERSION = "2023-10-01";
    LATENCY_SHARES = [
      ["RequestLatency_P50", 0.5],
      ["RequestLatency_P90", 0.4],
      ["RequestLatency_P95", 0.05],
      ["RequestLatency_P99", 0.05]
    ];
    AzureMonitorMetrics = class {
      constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        this.origin = this.now();
      }
      options;
      now;
      /** minutes before this are not counted: they belong to earlier runs */
      origin;
      async snapshot(endpoint) {
        const at = this.now();
        const fast = (await this.options.probe.snapshot(endpoint)).deployments;
        const deployments = {};
        if (at > this.origin) {
          const timespan = `${new Date(this.origin - 6e4).toISOString()}/${new Date(at).toISOString()}`;
          const requests = await this.query(endpoint, {
            metricnames: "RequestsPerMinute",
            aggregation: "Total",
            $filter: "deployment eq '*' and statusCode eq '*'",
            timespan
          });
          const latency = await this.query(endpoint, {
            metricnames: LATENCY_SHARES.map(([metric]) => metric).join(","),
            aggregation: "Average",
            $filter: "deployment eq '*'",
            timespan
          });
          const perMinute = this.countRequests(requests, at, deployments);
          this.spreadLatency(latency, at, perMinute, deployments);
        }
        return { epoch: `azure-monitor@${this.origin}`, at, deployments, fast };
      }
      async query(endpoint, query) {
        const doing = `reading Azure Monitor metrics (${query.metricnames}) of online endpoint ${endpoint}`;
        try {
          return await this.options.arm.get(`${this.options.endpointId(endpoint)}/providers/Microsoft.Insights/metrics`, doing, {
            ...query,
            interval: "PT1M",
            top: "100"
          });
        } catch (err) {
          if (err instanceof ArmRequestError && err.info.status === 403)
            throw new StageError(
              doing,
              `Azure Resource Manager answered 403 ${err.info.code}: ${err.info.message}`,
              "a role with Microsoft.Insights/metrics/read on the endpoint (Monitoring Reader), or target.azureml.metrics.source: probe"
            );
          throw err;
        }
      }
      /** counts requests and errors per deployment; answers the requests per deployment and minute, for latency */
      countRequests(answer, at, into) {
        const grain = grainMs(answer.interval);
        const perMinute = /* @__PURE__ */ new Map();
        for (const metric of answer.value ?? []) {
          if (metric.name?.value !== "RequestsPerMinute") continue;
          for (const series of metric.timeseries ?? []) {
            const deployment = dimension(series.metadatavalues, "deployment");
            const status = Number(dimension(series.metadatavalues, "statusCode"));
            if (!deployment) continue;
            for (const point of series.data ?? []) {
              if (!this.counted(point.timeStamp, grain, at) || typeof point.total !== "number" || point.total <= 0) continue;
              const counters = into[deployment] ??= emptyCounters();
              counters.requests += point.total;
              if (status >= 500 || status === 408 || status === 424) counters.errors += point.total;
              const key = `${deployment}@${point.timeStamp}`;
              perMinute.set(key, (perMinute.get(key) ?? 0) + point.total);
            }
          }
        }
        return perMinute;
      }
      spreadLatency(answer, at, perMinute, into) {
        const grain = grainMs(answer.interval);
        for (const metric of answer.value ?? []) {
          const share = LATENCY_SHARES.find(([name]) => name === metric.name?.value)?.[1];
          if (share === void 0) continue;
          for (const series of metric.timeseries ?? []) {
            const deployment = dimension(series.metadatavalues, "deployment");
            if (!deployment) continue;
            for (const point of series.data ?? []) {
              if (!this.counted(point.timeStamp, grain, at) || typeof point.average !== "number") continue;
              const requests = perMinute.get(`${deployment}@${point.timeStamp}`) ?? 0;
              if (requests <= 0) continue;
              const counters = into[deployment] ??= emptyCounters();
              counters.latency[bucketIndex(point.average)] += requests * share;
            }
          }
        }
      }
      /** a minute that ended after the origin and is published (ended ingestionDelay ago) */
      counted(timeStamp, grain, at) {
        const start = Date.parse(timeStamp ?? "");
        return Number.isFinite(start) && start + grain > this.origin && start + grain + this.options.ingestionDelayMs <= at;
      }
    };
  }
});

// shared/targets/azureml/factory.ts
function createAzureMlTarget(config, host, azureLogin) {
  const settings = config.target.azureml;
  if (!settings) throw new Error("target.azureml is missing from the resolved config");
  const login = azureLogin();
  const log = (line) => host.info(line);
  const client = (apiVersion) => new ArmClient({
    resourceManagerUrl: settings.resourceManagerUrl,
    credential: login.credential,
    credentialSource: login.source,
    apiVersion,
    log
  });
  const api = new OnlineEndpointsApi(client(AZUREML_API_VERSION), settings, {
    deadlineMs: settings.provisioningTimeout,
    pollIntervalMs: settings.pollInterval
  });
  const modelAssetId = modelAssetIdFor(config, log);
  const target = new AzureMlTarget({
    api,
    config: settings,
    modelAssetId,
    entraToken: async () => {
      const token = await login.credential.getToken(AZUREML_DATA_PLANE_SCOPE);
      if (!token) throw new Error(`${login.source} gave no token for ${AZUREML_DATA_PLANE_SCOPE}`);
      return token.token;
    },
    setSecret: (value) => host.setSecret(value),
    log,
    containerPort: DEFAULT_CONTAINER_PORT,
    // the generated scoring server answers readiness on /health too; the config check refuses '/' for other images
    routes: {
      ready: isRoutePath(config.serve.readyPath) ? config.serve.readyPath : SCORING_SERVER_HEALTH_PATH,
      score: config.serve.scorePath
    }
  });
  host.info(
    `azureml: workspace ${settings.workspace} (resource group ${settings.resourceGroup}); ${settings.instanceCount} x ${settings.instanceType} per deployment; auth ${settings.authMode}; analysis from ${settings.metrics.source === "monitor" ? `Azure Monitor (published ${Math.round(settings.metrics.ingestionDelay / 1e3)} s after each minute) and probe traffic` : "probe traffic only"}`
  );
  const metrics = settings.metrics.source === "monitor" ? new AzureMonitorMetrics({
    arm: client(MONITOR_API_VERSION),
    endpointId: (endpoint) => api.endpointId(endpoint),
    ingestionDelayMs: settings.metrics.ingestionDelay,
    probe: target
  }) : target;
  return { target, metrics };
}
function modelAssetIdFor(config, log) {
  const registry = config.model.registry === "azureml" ? config.model.azureml : void 0;
  const target = config.target.azureml;
  if (!registry || !target) return () => void 0;
  const enc = encodeURIComponent;
  if (registry.registryName) {
    const name = registry.registryName;
    return (model) => `azureml://registries/${name}/models/${model.name}/versions/${model.version}`;
  }
  const sameWorkspace = registry.workspace?.toLowerCase() === target.workspace.toLowerCase() && registry.resourceGroup.toLowerCase() === target.resourceGroup.toLowerCase() && registry.subscriptionId.toLowerCase() === target.subscriptionId.toLowerCase();
  if (!sameWorkspace) {
    log(
      `azureml: the model registry is workspace ${registry.workspace ?? "?"}, the endpoint is in ${target.workspace}: Azure ML mounts models of its own workspace only, so the model files ship inside the image`
    );
    return () => void 0;
  }
  return (model) => `/subscriptions/${enc(registry.subscriptionId)}/resourceGroups/${enc(registry.resourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/${enc(target.workspace)}/models/${enc(model.name)}/versions/${enc(model.version)}`;
}
function isRoutePath(path) {
  return /[a-zA-Z0-9_]/.test(path);
}
var AZUREML_DATA_PLANE_SCOPE;
var init_factory = __esm({
  "shared/targets/azureml/factory.ts"() {
    init_arm_client();
    init_build_context();
    init_azureml();
    init_azureml_target();
    init_monitor_metrics();
    init_online_api();
    AZUREML_DATA_PLANE_SCOPE = "https://ml.azure.com/.default";
  }
});
init_factory();
export {
  AZUREML_DATA_PLANE_SCOPE,
  createAzureMlTarget,
  isRoutePath
};
