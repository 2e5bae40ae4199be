import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/targets/local/runtime.ts
var EXIT_PORT_IN_USE, PortInUseError;
var init_runtime = __esm({
  "shared/targets/local/runtime.ts"() {
    "use strict";
    EXIT_PORT_IN_USE = 4;
    PortInUseError = class extends Error {
      constructor(message, port) {
        super(message);
        this.port = port;
        this.name = "PortInUseError";
      }
      port;
    };
  }
});

// shared/targets/local/ready.ts
import * as http from "node:http";
async function waitUntilReady(readiness) {
  const deadline = Date.now() + readiness.timeoutMs;
  let gone;
  void readiness.exited?.then((why) => gone = why);
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (gone) throw new Error(`it ${gone} before answering GET ${readiness.path}`);
    const status = await probe(readiness.port, readiness.path).catch((e) => e instanceof Error ? e.message : String(e));
    if (status === 200) return;
    last = typeof status === "number" ? `GET ${readiness.path} answered ${status}` : status;
    await new Promise((r) => setTimeout(r, readiness.pollMs ?? 100));
  }
  if (gone) throw new Error(`it ${gone} before answering GET ${readiness.path}`);
  throw new Error(`not ready within ${readiness.timeoutMs} ms (${last}); check serve.readyPath and serve.readyTimeout`);
}
function probe(port, path) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, timeout: 2e3, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error("readiness probe timed out")));
    req.on("error", reject);
  });
}
var init_ready = __esm({
  "shared/targets/local/ready.ts"() {
    "use strict";
  }
});

// shared/targets/local/docker-runtime.ts
import * as fs from "node:fs";
import { createHash } from "node:crypto";
function ownerId(endpointDir) {
  let real = endpointDir;
  try {
    real = fs.realpathSync(endpointDir);
  } catch {
  }
  return createHash("sha256").update(real).digest("hex").slice(0, 16);
}
async function removeOwnedContainers(docker, endpoint, owner) {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`${LABELS.owner}=${owner}`, `${LABELS.endpoint}=${endpoint}`] }
  });
  await Promise.all(list.map((c) => removeContainer(docker.getContainer(c.Id))));
  return list.map((c) => c.Names[0]?.replace(/^\//, "") ?? c.Id);
}
async function removeContainer(container) {
  try {
    await container.remove({ force: true });
  } catch (err) {
    if (err.statusCode !== 404) throw err;
  }
}
function demux(buf) {
  const out = [];
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    out.push(buf.subarray(i + 8, i + 8 + size).toString("utf8"));
    i += 8 + size;
  }
  return i === 0 ? buf.toString("utf8") : out.join("");
}
var LABELS, DockerRuntime, ContainerDeployment;
var init_docker_runtime = __esm({
  "shared/targets/local/docker-runtime.ts"() {
    init_runtime();
    init_ready();
    LABELS = {
      managed: "dev.modelship.managed-by",
      endpoint: "dev.modelship.endpoint",
      deployment: "dev.modelship.deployment",
      owner: "dev.modelship.state-dir"
    };
    DockerRuntime = class {
      constructor(options) {
        this.options = options;
      }
      options;
      containerName(deployment) {
        return `modelship-${this.options.endpoint}-${deployment}-${this.options.owner.slice(0, 8)}`;
      }
      async start(spec, port) {
        if (!spec.image)
          throw new Error(`deployment '${spec.name}' has no image; the docker runtime deploys images built by \`modelship build\``);
        await this.ensureImage(spec.image);
        const name = this.containerName(spec.name);
        await removeContainer(this.options.docker.getContainer(name));
        const container = await this.options.docker.createContainer({
          name,
          Image: spec.image,
          // the image's own command; the address through the environment (generated images and
          // bring-your-own images alike listen on $MODELSHIP_HOST:$PORT)
          Env: [`PORT=${port}`, "MODELSHIP_HOST=127.0.0.1"],
          Labels: {
            [LABELS.managed]: "modelship",
            [LABELS.endpoint]: this.options.endpoint,
            [LABELS.deployment]: spec.name,
            [LABELS.owner]: this.options.owner
          },
          HostConfig: { NetworkMode: "host", RestartPolicy: { Name: "on-failure", MaximumRetryCount: 5 } }
        });
        await container.start();
        const deployment = new ContainerDeployment(container, spec.name, port);
        try {
          await waitUntilReady({ port, path: spec.readyPath, timeoutMs: spec.readyTimeout, exited: deployment.exitedBeforeReady() });
        } catch (err) {
          const logs = await deployment.logsTail();
          const exitCode = deployment.exitCodeBeforeReady;
          await removeContainer(container);
          const message = `deployment '${spec.name}' (image ${spec.image}) did not become ready: ${err.message}
--- last lines of container ${name} ---
${logs}`;
          if (exitCode === EXIT_PORT_IN_USE) throw new PortInUseError(message, port);
          throw new Error(message);
        }
        await deployment.refresh();
        deployment.watch();
        return deployment;
      }
      /**
       * Remove this endpoint folder's containers of deployments other than `keep`: a host
       * killed while it started a deployment leaves that container running, unknown to the
       * state file and to the restarted host.
       */
      async removeStrays(keep) {
        const list = await this.options.docker.listContainers({
          all: true,
          filters: { label: [`${LABELS.owner}=${this.options.owner}`, `${LABELS.endpoint}=${this.options.endpoint}`] }
        });
        const strays = list.filter((c) => !keep.has(c.Labels[LABELS.deployment] ?? ""));
        await Promise.all(strays.map((c) => removeContainer(this.options.docker.getContainer(c.Id))));
        return strays.map((c) => c.Names[0]?.replace(/^\//, "") ?? c.Id);
      }
      async ensureImage(image) {
        try {
          await this.options.docker.getImage(image).inspect();
          return;
        } catch (err) {
          if (err.statusCode !== 404) throw err;
        }
        this.options.log(`pulling ${image}`);
        const authconfig = await this.options.pullAuth?.(image);
        const stream = await this.options.docker.pull(image, { authconfig });
        await new Promise(
          (resolve, reject) => this.options.docker.modem.followProgress(
            stream,
            (err) => err ? reject(new Error(`pulling ${image} failed: ${err.message}`)) : resolve()
          )
        );
      }
    };
    ContainerDeployment = class {
      constructor(container, name, port) {
        this.container = container;
        this.name = name;
        this.port = port;
      }
      container;
      name;
      port;
      state = "starting";
      restartCount = 0;
      timer;
      stopped = false;
      /** the exit code seen when exitedBeforeReady() resolved, if it exited */
      exitCodeBeforeReady;
      health() {
        return this.state;
      }
      restarts() {
        return this.restartCount;
      }
      lastLogs() {
        return "";
      }
      /** resolves when the container stops for good before it was ready (restarts exhausted, or removed) */
      exitedBeforeReady() {
        return new Promise((resolve) => {
          const poll = async () => {
            if (this.stopped) return;
            try {
              const info = await this.container.inspect();
              if (!info.State.Running && !info.State.Restarting) {
                this.exitCodeBeforeReady = info.State.ExitCode;
                return resolve(`exited with code ${info.State.ExitCode}`);
              }
              if (info.RestartCount > 0) {
                this.exitCodeBeforeReady = info.State.ExitCode;
                return resolve(`crashed and was restarted ${info.RestartCount} time(s) (last exit code ${info.State.ExitCode})`);
              }
            } catch {
              return resolve("was removed");
            }
            setTimeout(() => void poll(), 250);
          };
          void poll();
        });
      }
      async logsTail(lines = 40) {
        try {
          const buf = await this.container.logs({ stdout: true, stderr: true, tail: lines, follow: false });
          return demux(buf);
        } catch {
          return "(no logs)";
        }
      }
      async refresh() {
        try {
          const info = await this.container.inspect();
          this.restartCount = info.RestartCount;
          this.state = info.State.Running ? info.State.Restarting ? "restarting" : "ready" : info.State.Restarting ? "restarting" : "dead";
        } catch {
          this.state = "dead";
        }
      }
      /** poll the engine: restarts and death are what the analysis looks at */
      watch() {
        this.timer = setInterval(() => void this.refresh(), 1e3);
        this.timer.unref();
      }
      async stop() {
        this.stopped = true;
        if (this.timer) clearInterval(this.timer);
        this.state = "dead";
        try {
          await this.container.stop({ t: 10 });
        } catch {
        }
        await removeContainer(this.container);
      }
    };
  }
});

export {
  init_runtime,
  init_ready,
  LABELS,
  DockerRuntime,
  ownerId,
  removeOwnedContainers,
  demux,
  init_docker_runtime
};
