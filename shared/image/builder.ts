import { Readable } from 'node:stream';
import Docker from 'dockerode';
import { BuildContext, ImageInputs, buildContext, contentTag, contextTar } from './build-context';
import { parseImageRef } from './reference';
import { RegistryCredential } from './credentials';
import { RegistryAuthError, RegistryClient } from './registry-client';
import { RegistryRetry } from './registry-retry';
import { Clock } from '../clock';
import { StageError, errorMessage, firstLine } from '../errors';
import { RetryError, RetryPolicy, withRetry } from '../retry';

/**
 * Builds the serving image of a model version with a real Docker engine (dockerode),
 * pushes it, and returns it pinned by digest. The tag is content-addressed; when the
 * registry already has it, nothing is built or pushed (Azure ML reuses images the same
 * way).
 */
export interface ImageBuildRequest {
  inputs: ImageInputs;
  /** `image.repository`, e.g. localhost:5000/models/diabetes */
  repository: string;
  /** rebuild and push even when the registry has the tag */
  force?: boolean;
}

export interface ImageBuildResult {
  tag: string;
  digest: string;
  /** repository@sha256:..., what deployments use */
  pinned: string;
  hash: string;
  built: boolean;
  pushed: boolean;
}

export interface ImageBuilder {
  build(request: ImageBuildRequest): Promise<ImageBuildResult>;
}

export interface DockerBuilderOptions {
  docker: Docker;
  credential: (registry: string) => Promise<RegistryCredential | undefined>;
  log: (line: string) => void;
  /** retries of the registry API calls (does the tag exist, its digest) */
  retry?: RegistryRetry;
  /** retries of whole pushes (default PUSH_RETRY) */
  pushRetry?: Partial<RetryPolicy> & { clock?: Clock };
}

/**
 * A push that fails for another reason than the credentials is pushed again: the layers the
 * registry took are not sent twice. The Docker engine retries each layer upload itself (five
 * tries, 5 s more wait each time) but not the manifest, nor the first contact: an outage of a
 * few seconds at those moments fails the whole push, which these retries ride out
 * (2 s, 4 s, 8 s: about 14 s of outage).
 */
export const PUSH_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 2_000, maxDelayMs: 16_000 };

/** a push the engine or the registry refused; `detail` is the engine's message */
class PushError extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'PushError';
  }
}

interface ProgressEvent {
  stream?: string;
  status?: string;
  id?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Digest?: string; ID?: string };
}

export class DockerImageBuilder implements ImageBuilder {
  constructor(private readonly options: DockerBuilderOptions) {}

  async build(req: ImageBuildRequest): Promise<ImageBuildResult> {
    const ctx = buildContext(req.inputs);
    const tag = contentTag(req.repository, req.inputs.model.name, req.inputs.model.version, ctx.hash);
    const ref = parseImageRef(tag);
    const credential = await this.options.credential(ref.registry);
    const registry = new RegistryClient(ref.registry, credential, { ...this.options.retry, log: this.options.log });
    this.options.log(
      `image ${tag} (content hash ${ctx.hash.slice(0, 12)}; registry credentials: ${credential ? credential.source : 'none'})`,
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
      throw new Error(`after the push, ${tag} resolves to ${resolved ?? 'nothing'} in the registry, not to the pushed ${pushed}`);
    this.options.log(`pushed ${req.repository}@${pushed}`);
    return { tag, digest: pushed, pinned: `${req.repository}@${pushed}`, hash: ctx.hash, built: true, pushed: true };
  }

  private async checkEngine(): Promise<void> {
    try {
      await this.options.docker.ping();
    } catch (err: unknown) {
      throw new Error(
        `the Docker engine is not reachable (${(err as Error).message}); start it (\`sudo systemctl start docker\`, or \`dockerd &\`; in this repository \`bash scripts/test-env.sh\`) or point DOCKER_HOST at it`,
      );
    }
  }

  private async checkBaseImage(baseImage: string): Promise<void> {
    try {
      await this.options.docker.getImage(baseImage).inspect();
    } catch (err: unknown) {
      if ((err as { statusCode?: number }).statusCode === 404) {
        throw new Error(
          `the base image ${baseImage} is not on this Docker engine; pull or build it first (\`docker pull ${baseImage}\`), or set serve.baseImage`,
        );
      }
      throw err;
    }
  }

  private async runBuild(ctx: BuildContext, tag: string): Promise<void> {
    const tarball = await contextTar(ctx);
    this.options.log(`building ${tag} (context ${(tarball.length / 1024).toFixed(0)} KiB)`);
    const stream = await this.options.docker.buildImage(Readable.from(tarball), { t: tag, rm: true, forcerm: true });
    let step = '';
    let stepOutput: string[] = [];
    const events = await follow(this.options.docker, stream, (event) => {
      const text = event.stream?.trimEnd();
      if (!text) return;
      for (const line of text.split('\n')) {
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
        `the image build failed at ${step || 'the start'}: ${message}${stepOutput.length ? `\n--- output of that step ---\n${stepOutput.join('\n')}` : ''}`,
      );
    }
  }

  private async push(tag: string, registry: string, credential: RegistryCredential | undefined): Promise<string> {
    const { clock, ...policy } = { ...PUSH_RETRY, ...this.options.pushRetry };
    try {
      return await withRetry(`pushing ${tag}`, () => this.pushOnce(tag, registry, credential), {
        ...policy,
        clock,
        log: this.options.log,
        // wrong credentials stay wrong; anything else (refused, reset, 5xx, timeouts) may pass on another try
        retriable: (outcome) => !outcome.ok && !(outcome.error instanceof RegistryAuthError),
        describe: (outcome) =>
          outcome.ok ? 'a push' : outcome.error instanceof PushError ? outcome.error.detail : firstLine(errorMessage(outcome.error)),
      });
    } catch (err: unknown) {
      if (!(err instanceof RetryError)) throw err;
      throw new StageError(
        `pushing ${tag} to the registry ${registry}`,
        `${err.seen} (after ${err.attempts} attempts in ${(err.elapsedMs / 1000).toFixed(1)} s${err.limit ? `; ${err.limit}` : ''})`,
        `that the registry ${registry} is running and reachable from the Docker engine that pushes; the image stays built on the engine, so running the command again only pushes`,
      );
    }
  }

  private async pushOnce(tag: string, registry: string, credential: RegistryCredential | undefined): Promise<string> {
    const ref = parseImageRef(tag);
    const authconfig = credential ? { username: credential.username, password: credential.password, serveraddress: registry } : undefined;
    this.options.log(`pushing ${tag}`);
    const stream = await this.options.docker.getImage(tag).push({ tag: ref.tag, authconfig });
    const reported = new Set<string>();
    // the countdown of the engine's own retry of each layer: "Retrying in 5 seconds", 4, 3...
    const countdowns = new Map<string, number>();
    let digest: string | undefined;
    const events = await follow(this.options.docker, stream, (event) => {
      // one line per layer when it is done, not one per chunk
      if (event.id && (event.status === 'Pushed' || event.status === 'Layer already exists') && !reported.has(event.id)) {
        reported.add(event.id);
        this.options.log(`  layer ${event.id}: ${event.status.toLowerCase()}`);
      }
      // one line per retry of the engine (a new countdown starts higher than the last one ended)
      const retrying = event.id ? /^Retrying in (\d+) seconds?/.exec(event.status ?? '') : null;
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
      const message = failed.errorDetail?.message ?? failed.error ?? '';
      if (/unauthorized|authentication required|denied|forbidden|401|403/i.test(message)) {
        const who = credential ? `credentials from ${credential.source}` : 'no credentials';
        throw new RegistryAuthError(
          `${registry} refused the push with ${who}: ${firstLine(message)}; check the user name, password and push rights`,
        );
      }
      throw new PushError(`pushing ${tag} failed: ${message}`, firstLine(message));
    }
    if (!digest) throw new PushError(`pushing ${tag} ended without a digest`, 'the push ended without a digest');
    return digest;
  }
}

function follow(docker: Docker, stream: NodeJS.ReadableStream, onEvent: (event: ProgressEvent) => void): Promise<ProgressEvent[]> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, events: ProgressEvent[]) => (err ? reject(err) : resolve(events)),
      (event: ProgressEvent) => onEvent(event),
    );
  });
}
