import { Readable } from 'node:stream';
import Docker from 'dockerode';
import { BuildContext, ImageInputs, buildContext, contentTag, contextTar } from './build-context';
import { parseImageRef } from './reference';
import { RegistryCredential } from './credentials';
import { RegistryAuthError, RegistryClient } from './registry-client';
import { RetryOptions } from './retry';

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
  retry?: RetryOptions;
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
    const attempts = 3;
    let last: Error | undefined;
    for (let i = 1; i <= attempts; i++) {
      try {
        return await this.pushOnce(tag, registry, credential);
      } catch (err: unknown) {
        last = err as Error;
        if (err instanceof RegistryAuthError || i === attempts) break;
        this.options.log(`push interrupted (${last.message}); retry ${i}/${attempts - 1}`);
        await new Promise((r) => setTimeout(r, 1000 * i));
      }
    }
    throw last ?? new Error('push failed');
  }

  private async pushOnce(tag: string, registry: string, credential: RegistryCredential | undefined): Promise<string> {
    const ref = parseImageRef(tag);
    const authconfig = credential ? { username: credential.username, password: credential.password, serveraddress: registry } : undefined;
    this.options.log(`pushing ${tag}`);
    const stream = await this.options.docker.getImage(tag).push({ tag: ref.tag, authconfig });
    const reported = new Set<string>();
    let digest: string | undefined;
    const events = await follow(this.options.docker, stream, (event) => {
      // one line per layer when it is done, not one per chunk
      if (event.id && (event.status === 'Pushed' || event.status === 'Layer already exists') && !reported.has(event.id)) {
        reported.add(event.id);
        this.options.log(`  layer ${event.id}: ${event.status.toLowerCase()}`);
      }
      if (event.aux?.Digest) digest = event.aux.Digest;
    });
    const failed = events.find((e) => e.error);
    if (failed) {
      const message = failed.errorDetail?.message ?? failed.error ?? '';
      if (/unauthorized|authentication required|denied|forbidden|401|403/i.test(message)) {
        const who = credential ? `credentials from ${credential.source}` : 'no credentials';
        throw new RegistryAuthError(
          `${registry} refused the push with ${who}: ${message.split('\n')[0]}; check the user name, password and push rights`,
        );
      }
      throw new Error(`pushing ${tag} failed: ${message}`);
    }
    if (!digest) throw new Error(`pushing ${tag} ended without a digest`);
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
