import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { DockerImageBuilder } from '../../shared/image/builder';
import { ImageInputs } from '../../shared/image/build-context';
import { RegistryClient } from '../../shared/image/registry-client';
import { parseImageRef } from '../../shared/image/reference';
import { RegistryCredential } from '../../shared/image/credentials';
import { scoringServerPath } from '../../shared/paths';
import { FIXTURE, freePorts } from '../helpers/project';
import { dockerTestEnv } from '../helpers/test-env';

/** A real Docker engine and a real registry with htpasswd authentication (scripts/test-env.sh). */
jest.setTimeout(300_000);

const env = dockerTestEnv();
const docker = new Docker();
const repository = `${env.registry}/modelship-tests/build-${process.pid}-${Date.now().toString(36)}`;
const logs: string[] = [];
const good: RegistryCredential = { username: env.username, password: env.password, source: 'test credentials' };

function builder(credential: RegistryCredential | undefined) {
  return new DockerImageBuilder({
    docker,
    credential: async () => credential,
    log: (l) => logs.push(l),
    retry: { attempts: 2, firstDelayMs: 100 },
  });
}

function inputs(modelDir: string, version: string): ImageInputs {
  return {
    baseImage: env.baseImage,
    model: { name: 'test-model', version, dir: modelDir },
    codeDir: path.join(FIXTURE, 'src'),
    scoringScript: 'score.py',
    scoringServer: scoringServerPath(),
    readyPath: '/',
    scorePath: '/score',
  };
}

describe('image build and push (real engine, real authenticated registry)', () => {
  const modelV1 = path.join(FIXTURE, 'models', 'good1');
  // a fresh model folder per run, so the first build really builds
  const modelV2 = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-model-'));
  fs.writeFileSync(path.join(modelV2, 'model.json'), JSON.stringify({ bias: 2, run: Date.now() }));
  let first: Awaited<ReturnType<DockerImageBuilder['build']>>;

  it('builds, pushes and pins by digest; the digest resolves in the registry', async () => {
    first = await builder(good).build({ inputs: inputs(modelV1, '1'), repository, force: true });
    expect(first.built).toBe(true);
    expect(first.pushed).toBe(true);
    expect(first.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.pinned).toBe(`${repository}@${first.digest}`);
    expect(first.tag).toMatch(new RegExp(`^${repository.replace(/[.]/g, '\\.')}:test-model-1-[0-9a-f]{12}$`));
    const client = new RegistryClient(env.registry, good);
    expect(await client.manifestDigest(parseImageRef(first.tag))).toBe(first.digest);
    expect(await client.manifestDigest(parseImageRef(first.pinned))).toBe(first.digest);
  });

  it('the same inputs again: no build, no push, the same digest', async () => {
    const before = logs.length;
    const again = await builder(good).build({ inputs: inputs(modelV1, '1'), repository });
    expect(again).toMatchObject({ built: false, pushed: false, digest: first.digest, tag: first.tag });
    expect(logs.slice(before).join('\n')).toMatch(/already has this tag/);
    expect(logs.slice(before).join('\n')).not.toMatch(/building|pushing/);
  });

  it('a new model version with the same code changes only the last layer', async () => {
    const second = await builder(good).build({ inputs: inputs(modelV2, '2'), repository });
    expect(second.built).toBe(true);
    expect(second.digest).not.toBe(first.digest);
    const client = new RegistryClient(env.registry, good);
    const a = await client.layers(parseImageRef(first.pinned));
    const b = await client.layers(parseImageRef(second.pinned));
    expect(b).toHaveLength(a.length);
    expect(a.length).toBeGreaterThan(2);
    expect(b.slice(0, -1)).toEqual(a.slice(0, -1));
    expect(b[b.length - 1]).not.toBe(a[a.length - 1]);
  });

  it('a wrong password fails with a clear error that names the credential source and not the password', async () => {
    const wrong: RegistryCredential = {
      username: env.username,
      password: 'Wr0ng-Passw0rd-xyz',
      source: 'environment (MODELSHIP_REGISTRY_USERNAME / MODELSHIP_REGISTRY_PASSWORD)',
    };
    const err = await builder(wrong)
      .build({ inputs: inputs(modelV1, '1'), repository })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(err).toBeInstanceOf(Error);
    expect(err?.message).toMatch(/refused access \(401\)/);
    expect(err?.message).toMatch(/MODELSHIP_REGISTRY_USERNAME/);
    expect(err?.message).not.toContain('Wr0ng-Passw0rd-xyz');
  });

  it('a build step that fails names the step and shows its output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-byo-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${env.baseImage}\nRUN echo about-to-fail && false\n`);
    const err = await builder(good)
      .build({ inputs: { ...inputs(modelV1, '1'), dockerfile: path.join(dir, 'Dockerfile') }, repository, force: true })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(err?.message).toMatch(/build failed at Step 2\/2 : RUN echo about-to-fail && false/);
    expect(err?.message).toMatch(/about-to-fail/);
  });

  it('a missing base image is named', async () => {
    const err = await builder(good)
      .build({ inputs: { ...inputs(modelV1, '1'), baseImage: 'modelship-test/nope:0' }, repository, force: true })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(err?.message).toMatch(/base image modelship-test\/nope:0 is not on this Docker engine/);
  });

  it('an unreachable engine says how to start it', async () => {
    const offline = new DockerImageBuilder({
      docker: new Docker({ socketPath: '/nonexistent/docker.sock' }),
      credential: async () => good,
      log: () => undefined,
    });
    const err = await offline.build({ inputs: inputs(modelV1, '1'), repository, force: true }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/Docker engine is not reachable.*start it/);
  });

  it('an unreachable registry is retried with backoff, within a bound, then named', async () => {
    const [closed] = await freePorts(1);
    const lines: string[] = [];
    const b = new DockerImageBuilder({
      docker,
      credential: async () => good,
      log: (l) => lines.push(l),
      retry: { attempts: 3, firstDelayMs: 20 },
    });
    const err = await b.build({ inputs: inputs(modelV1, '1'), repository: `127.0.0.1:${closed}/nowhere/x` }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(
      new RegExp(`asking 127\\.0\\.0\\.1:${closed} for .* failed after 3 attempts \\(ECONNREFUSED\\); check that the registry is running`),
    );
    expect(lines.filter((l) => /retry \d\/2/.test(l))).toHaveLength(2);
  });

  it('the password never appears in any log line', () => {
    expect(logs.length).toBeGreaterThan(5);
    for (const l of logs) expect(l).not.toContain(env.password);
  });
});
