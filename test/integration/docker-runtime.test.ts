import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { DockerImageBuilder } from '../../shared/image/builder';
import { scoringServerPath } from '../../shared/paths';
import { DockerRuntime, LABELS, ownerId, removeOwnedContainers } from '../../shared/targets/local/docker-runtime';
import { DeploymentSpec } from '../../shared/targets/target';
import { PortInUseError } from '../../shared/targets/local/runtime';
import { scoreOnce } from '../../shared/traffic/http-score';
import { FIXTURE, freePorts } from '../helpers/project';
import { dockerTestEnv } from '../helpers/test-env';

/** The docker runtime with a real engine: containers from pinned images, readiness, labels. */
jest.setTimeout(180_000);

const env = dockerTestEnv();
const docker = new Docker();
const repository = `${env.registry}/modelship-tests/runtime-${process.pid}`;
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-docker-rt-'));
const owner = ownerId(stateDir);
const logs: string[] = [];
const runtime = new DockerRuntime({ docker, endpoint: 'rt', owner, log: (l) => logs.push(l) });

async function image(model: string): Promise<string> {
  const builder = new DockerImageBuilder({
    docker,
    credential: async () => ({ username: env.username, password: env.password, source: 'test' }),
    log: () => undefined,
  });
  const r = await builder.build({
    repository,
    inputs: {
      baseImage: env.baseImage,
      model: { name: 'test-model', version: '1', dir: path.join(FIXTURE, 'models', model) },
      codeDir: path.join(FIXTURE, 'src'),
      scoringScript: 'score.py',
      scoringServer: scoringServerPath(),
      readyPath: '/',
      scorePath: '/score',
    },
  });
  return r.pinned;
}

function spec(name: string, img: string, readyTimeout = 20_000): DeploymentSpec {
  return {
    name,
    model: { name: 'test-model', version: '1' },
    modelDir: '',
    codeDir: '',
    scoringScript: 'score.py',
    image: img,
    readyPath: '/',
    scorePath: '/score',
    readyTimeout,
  };
}

let foreign: Docker.Container;

beforeAll(async () => {
  // a container that looks like ours but belongs to another state folder: never touched
  foreign = await docker.createContainer({
    Image: env.baseImage,
    Cmd: ['sleep', '300'],
    name: `modelship-foreign-${process.pid}`,
    Labels: { [LABELS.managed]: 'modelship', [LABELS.endpoint]: 'rt', [LABELS.owner]: 'someone-else' },
  });
  await foreign.start();
});

afterAll(async () => {
  await foreign.remove({ force: true });
  await removeOwnedContainers(docker, 'rt', owner);
});

describe('docker runtime', () => {
  it('runs the pinned image on a loopback port, with labels and a restart policy, and serves', async () => {
    const [port] = await freePorts(1);
    const pinned = await image('good1');
    const d = await runtime.start(spec('blue', pinned), port);
    expect(d.health()).toBe('ready');
    const r = await scoreOnce({ url: `http://127.0.0.1:${port}/score`, body: '{"data": [1, 2]}', timeoutMs: 5000 });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ prediction: 4, bias: 1 });
    const info = await docker.getContainer(runtime.containerName('blue')).inspect();
    expect(info.Config.Image).toBe(pinned);
    expect(info.Config.Labels[LABELS.deployment]).toBe('blue');
    expect(info.HostConfig.NetworkMode).toBe('host');
    expect(info.HostConfig.RestartPolicy?.Name).toBe('on-failure');
    await d.stop();
    await expect(docker.getContainer(runtime.containerName('blue')).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('an image whose server never becomes ready fails fast with the container log, and is removed', async () => {
    const [port] = await freePorts(1);
    const pinned = await image('init-raises');
    const err = await runtime.start(spec('green', pinned), port).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/did not become ready/);
    expect(err?.message).toMatch(/model file is corrupt/);
    await expect(docker.getContainer(runtime.containerName('green')).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('a server slower than readyTimeout fails at the deadline', async () => {
    const [port] = await freePorts(1);
    const slowModel = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-slow-'));
    fs.writeFileSync(path.join(slowModel, 'model.json'), JSON.stringify({ bias: 1 }));
    // a bring-your-own image whose server never listens
    const byo = path.join(slowModel, 'Dockerfile');
    fs.writeFileSync(byo, `FROM ${env.baseImage}\nCMD ["sleep", "60"]\n`);
    const builder = new DockerImageBuilder({
      docker,
      credential: async () => ({ username: env.username, password: env.password, source: 'test' }),
      log: () => undefined,
    });
    const r = await builder.build({
      repository,
      inputs: {
        baseImage: env.baseImage,
        model: { name: 'test-model', version: '9', dir: slowModel },
        codeDir: path.join(FIXTURE, 'src'),
        scoringScript: 'score.py',
        scoringServer: scoringServerPath(),
        readyPath: '/',
        scorePath: '/score',
        dockerfile: byo,
      },
    });
    const err = await runtime.start(spec('slow', r.pinned, 1500), port).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/not ready within 1500 ms/);
  });

  it("removeOwnedContainers removes this state folder's containers and nothing else", async () => {
    const [port] = await freePorts(1);
    await runtime.start(spec('blue', await image('good1')), port);
    const removed = await removeOwnedContainers(docker, 'rt', owner);
    expect(removed).toEqual([runtime.containerName('blue')]);
    const foreignInfo = await foreign.inspect();
    expect(foreignInfo.State.Running).toBe(true);
  });

  it('removeStrays removes the containers of deployments a restarted host does not know, and nothing else', async () => {
    const ours = (deployment: string) =>
      docker.createContainer({
        Image: env.baseImage,
        Cmd: ['sleep', '300'],
        name: runtime.containerName(deployment),
        Labels: { [LABELS.managed]: 'modelship', [LABELS.endpoint]: 'rt', [LABELS.deployment]: deployment, [LABELS.owner]: owner },
      });
    const [kept, stray] = await Promise.all([ours('blue'), ours('green')]);
    await Promise.all([kept.start(), stray.start()]);
    const removed = await runtime.removeStrays(new Set(['blue']));
    expect(removed).toEqual([runtime.containerName('green')]);
    await expect(stray.inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect((await kept.inspect()).State.Running).toBe(true);
    expect((await foreign.inspect()).State.Running).toBe(true);
    await kept.remove({ force: true });
  });

  it('a port something else took first: a PortInUseError (the scoring server exits 4 in the container too), and no container left', async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (holder.address() as net.AddressInfo).port;
      const err = await runtime.start(spec('taken', await image('good1')), port).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PortInUseError);
      expect((err as PortInUseError).port).toBe(port);
      expect((err as Error).message).toContain(`cannot listen on 127.0.0.1:${port}`);
      await expect(docker.getContainer(runtime.containerName('taken')).inspect()).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      holder.close();
    }
  });
});
