import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalModelMeta, LocalModelRegistry } from '../../shared/registry/local';

let tmp: string;
let root: string;
let registry: LocalModelRegistry;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-registry-'));
  root = path.join(tmp, 'registry');
  registry = new LocalModelRegistry(root);
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeFile(rel: string, content: string): string {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

function readMeta(model: string, version: string): LocalModelMeta {
  return JSON.parse(fs.readFileSync(path.join(root, model, String(version), 'meta.json'), 'utf8')) as LocalModelMeta;
}

const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');

describe('LocalModelRegistry.register', () => {
  test('a file source lands in files/<basename> and meta.json describes it', async () => {
    const src = writeFile('out/model.json', '{"w": [1, 2]}');
    const v = await registry.register({ name: 'diabetes', source: src, tags: { stage: 'approved' }, description: 'first' });

    expect(v).toMatchObject({ name: 'diabetes', version: '1', tags: { stage: 'approved' }, description: 'first' });
    expect(Number.isNaN(Date.parse(v.registeredAt))).toBe(false);
    const dir = await registry.materialize('diabetes', '1');
    expect(dir).toBe(path.join(root, 'diabetes', '1', 'files'));
    expect(fs.readdirSync(dir)).toEqual(['model.json']);
    expect(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')).toBe('{"w": [1, 2]}');
    expect(readMeta('diabetes', '1')).toEqual({
      name: 'diabetes',
      version: 1,
      tags: { stage: 'approved' },
      description: 'first',
      registeredAt: v.registeredAt,
      files: [{ path: 'model.json', sha256: sha256('{"w": [1, 2]}'), size: 13 }],
    });
  });

  test('a folder source is copied recursively (contents, not the folder itself)', async () => {
    writeFile('m/model.json', 'weights');
    writeFile('m/sub/vocab.txt', 'a\nb\n');
    const v = await registry.register({ name: 'nlp', source: path.join(tmp, 'm'), tags: {} });

    expect(v.version).toBe('1');
    expect(v.description).toBeUndefined();
    const dir = await registry.materialize('nlp', '1');
    expect(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')).toBe('weights');
    expect(fs.readFileSync(path.join(dir, 'sub', 'vocab.txt'), 'utf8')).toBe('a\nb\n');
    expect(readMeta('nlp', '1').files).toEqual([
      { path: 'model.json', sha256: sha256('weights'), size: 7 },
      { path: 'sub/vocab.txt', sha256: sha256('a\nb\n'), size: 4 },
    ]);
  });

  test('versions grow by one per registration and list is oldest first', async () => {
    const src = writeFile('model.bin', 'x');
    for (let i = 0; i < 3; i++) await registry.register({ name: 'm', source: src, tags: { n: String(i) } });
    const list = await registry.list('m');
    expect(list.map((v) => v.version)).toEqual(['1', '2', '3']);
    expect(list.map((v) => v.tags.n)).toEqual(['0', '1', '2']);
  });

  test('versions sort numerically (10 after 9)', async () => {
    const src = writeFile('model.bin', 'x');
    for (let i = 0; i < 10; i++) await registry.register({ name: 'm', source: src, tags: {} });
    expect((await registry.list('m')).map((v) => v.version)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect((await registry.register({ name: 'm', source: src, tags: {} })).version).toBe('11');
  });

  test('10 concurrent registrations get 10 distinct versions, each complete', async () => {
    const sources = Array.from({ length: 10 }, (_, i) => {
      writeFile(`src${i}/model.json`, `{"id": ${i}}`);
      writeFile(`src${i}/extra/notes.txt`, `notes ${i}`);
      return path.join(tmp, `src${i}`);
    });
    const results = await Promise.all(sources.map((source, i) => registry.register({ name: 'race', source, tags: { id: String(i) } })));

    const versions = results.map((r) => r.version).sort((a, b) => Number(a) - Number(b));
    expect(versions).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    for (const r of results) {
      const id = r.tags.id;
      const dir = await registry.materialize('race', r.version);
      // the files under a version are the ones registered with its tags, and meta says so
      expect(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')).toBe(`{"id": ${id}}`);
      expect(fs.readFileSync(path.join(dir, 'extra', 'notes.txt'), 'utf8')).toBe(`notes ${id}`);
      const meta = readMeta('race', r.version);
      expect(String(meta.version)).toBe(r.version);
      expect(meta.tags.id).toBe(id);
      expect(meta.files.map((f) => f.path)).toEqual(['extra/notes.txt', 'model.json']);
    }
    expect(fs.readdirSync(path.join(root, 'race')).filter((n) => n.startsWith('.incoming-'))).toEqual([]);
  });

  test('a missing source is a clear error naming the path, and leaves nothing behind', async () => {
    const missing = path.join(tmp, 'nope', 'model.pkl');
    await expect(registry.register({ name: 'm', source: missing, tags: {} })).rejects.toThrow(`the source ${missing} does not exist`);
    expect(await registry.list('m')).toEqual([]);
  });

  test('an empty source folder is refused and its temp folder removed', async () => {
    fs.mkdirSync(path.join(tmp, 'empty'));
    await expect(registry.register({ name: 'm', source: path.join(tmp, 'empty'), tags: {} })).rejects.toThrow('holds no files');
    expect(fs.readdirSync(path.join(root, 'm'))).toEqual([]);
  });

  test('model names are checked', async () => {
    const src = writeFile('model.bin', 'x');
    for (const bad of ['', '-lead', '../escape', 'a/b', 'sp ace', 'x'.repeat(256)]) {
      await expect(registry.register({ name: bad, source: src, tags: {} })).rejects.toThrow('invalid model name');
    }
    await expect(registry.register({ name: 'A.b_c-1', source: src, tags: {} })).resolves.toMatchObject({ version: '1' });
    expect(fs.existsSync(path.join(tmp, 'escape'))).toBe(false);
  });
});

describe('LocalModelRegistry.list', () => {
  test('an unknown model has no versions', async () => {
    expect(await registry.list('never-registered')).toEqual([]);
  });

  test('.incoming-* leftovers and non-version entries are ignored', async () => {
    const src = writeFile('model.bin', 'x');
    await registry.register({ name: 'm', source: src, tags: {} });
    fs.mkdirSync(path.join(root, 'm', '.incoming-deadbeef', 'files'), { recursive: true });
    fs.writeFileSync(path.join(root, 'm', '.incoming-deadbeef', 'meta.json'), '{"half": ');
    for (const stray of ['0', '007', 'latest', '-1', '2.5']) fs.mkdirSync(path.join(root, 'm', stray));
    fs.writeFileSync(path.join(root, 'm', '3'), 'a file, not a version folder');

    expect((await registry.list('m')).map((v) => v.version)).toEqual(['1']);
    // and the next registration is still 2
    expect((await registry.register({ name: 'm', source: src, tags: {} })).version).toBe('2');
  });

  test('a version folder with a broken meta.json is an error naming the file', async () => {
    const src = writeFile('model.bin', 'x');
    await registry.register({ name: 'm', source: src, tags: {} });
    const metaFile = path.join(root, 'm', '1', 'meta.json');
    fs.writeFileSync(metaFile, '{ not json');
    await expect(registry.list('m')).rejects.toThrow(metaFile);

    fs.writeFileSync(metaFile, JSON.stringify({ name: 'm', version: 1, tags: { a: 1 }, registeredAt: 'x', files: [] }));
    await expect(registry.list('m')).rejects.toThrow(`${metaFile}: tag 'a' must be a string`);

    fs.rmSync(metaFile);
    await expect(registry.list('m')).rejects.toThrow(metaFile);
  });
});

describe('LocalModelRegistry.resolve and materialize', () => {
  beforeEach(async () => {
    const src = writeFile('model.bin', 'x');
    await registry.register({ name: 'm', source: src, tags: { stage: 'approved', team: 'a' } }); // 1
    await registry.register({ name: 'm', source: src, tags: { stage: 'approved' } }); // 2
    await registry.register({ name: 'm', source: src, tags: { stage: 'candidate', team: 'a' } }); // 3
  });

  test('latest without tags is the highest version', async () => {
    expect((await registry.resolve({ name: 'm', version: 'latest', tags: {} }))?.version).toBe('3');
  });

  test('latest with tags is the highest version carrying every tag', async () => {
    expect((await registry.resolve({ name: 'm', version: 'latest', tags: { stage: 'approved' } }))?.version).toBe('2');
    expect((await registry.resolve({ name: 'm', version: 'latest', tags: { stage: 'approved', team: 'a' } }))?.version).toBe('1');
    expect(await registry.resolve({ name: 'm', version: 'latest', tags: { stage: 'retired' } })).toBeUndefined();
    expect(await registry.resolve({ name: 'other', version: 'latest', tags: {} })).toBeUndefined();
  });

  test('a pinned version resolves when present, whatever its tags', async () => {
    expect(await registry.resolve({ name: 'm', version: '3', tags: { stage: 'approved' } })).toMatchObject({
      name: 'm',
      version: '3',
      tags: { stage: 'candidate' },
    });
    expect(await registry.resolve({ name: 'm', version: '7', tags: {} })).toBeUndefined();
  });

  test('materialize of a missing version is an error', async () => {
    await expect(registry.materialize('m', '9')).rejects.toThrow("model 'm' version 9 is not in the local registry");
    await expect(registry.materialize('ghost', '1')).rejects.toThrow(path.join(root, 'ghost', '1', 'files'));
  });

  test('a second registry object on the same folder sees the same versions', async () => {
    const other = new LocalModelRegistry(root);
    expect((await other.list('m')).map((v) => v.version)).toEqual(['1', '2', '3']);
    expect(other.description).toContain(root);
  });
});
