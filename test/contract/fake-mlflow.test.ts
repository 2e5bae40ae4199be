import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { testCa } from '../helpers/azure/test-ca';
import { FakeMlflowServer, parsePageToken } from './fakes/fake-mlflow';

/**
 * Tests of the FAKE MLflow tracking server itself (test/contract/fakes/fake-mlflow), over real
 * HTTP on 127.0.0.1 with Node's fetch: the MLflow 2.x model registry REST API (get by name,
 * version and alias, search with filter / order_by / paging, download URIs), the artifacts proxy,
 * MLflow's error shapes, basic-auth and bearer authentication, permissions and injected faults.
 */
jest.setTimeout(30_000);

type Json = Record<string, unknown>;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

const BASE = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const runId = (i: number) => `abcdef${String(i).padStart(2, '0')}`.padEnd(32, '0');

const MODEL_FILES: Record<string, string | Buffer> = {
  MLmodel: 'flavors:\n  python_function:\n    loader_module: mlflow.sklearn\n',
  'model.pkl': Buffer.from([0x80, 0x04, 0x95, 0x00, 0xff, 0x00, 0x2e]),
  'code/score.py': 'def init():\n    pass\n',
  'code/utils/helpers.py': 'X = 1\n',
  'empty.txt': '',
};

interface CallOptions {
  query?: Record<string, string | string[]>;
  body?: unknown;
  headers?: Record<string, string>;
}

async function call(fake: FakeMlflowServer, method: string, urlPath: string, opts: CallOptions = {}): Promise<Answer> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {})) for (const item of Array.isArray(v) ? v : [v]) search.append(k, item);
  const qs = search.toString();
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${fake.origin}${urlPath}${qs ? `?${qs}` : ''}`, { method, headers, body });
  const text = await res.text();
  let parsed: Json = {};
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) parsed = JSON.parse(text) as Json;
  return { status: res.status, headers: res.headers, text, body: parsed };
}

const get = (fake: FakeMlflowServer, p: string, query: Record<string, string | string[]> = {}, headers: Record<string, string> = {}) =>
  call(fake, 'GET', `/api/2.0/mlflow/${p}`, { query, headers });

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

/** follows next_page_token to the end; returns the versions of every page and the page sizes */
async function searchAll(fake: FakeMlflowServer, query: Record<string, string | string[]>): Promise<{ versions: Json[]; pages: number[] }> {
  const versions: Json[] = [];
  const pages: number[] = [];
  let token: string | undefined;
  do {
    const a = await get(fake, 'model-versions/search', token === undefined ? query : { ...query, page_token: token });
    expect(a.status).toBe(200);
    const page = (a.body.model_versions ?? []) as Json[];
    versions.push(...page);
    pages.push(page.length);
    token = a.body.next_page_token as string | undefined;
    if (pages.length > 50) throw new Error('paging does not end');
  } while (token !== undefined);
  return { versions, pages };
}

const ids = (versions: Json[]) => versions.map((v) => `${String(v.name)}:${String(v.version)}`);

const fake = new FakeMlflowServer();
let championSource = '';

beforeAll(async () => {
  await fake.start();
  fake.addModel('diabetes', { description: 'Predicts disease progression', tags: { team: 'ml' }, creationTimestamp: BASE });
  const stages: Record<number, string> = { 3: 'Archived', 5: 'Production', 8: 'staging', 10: 'Production' };
  for (let i = 1; i <= 12; i += 1) {
    const tags: Record<string, string> = {};
    if (i % 2 === 0) tags.validated = 'true';
    if (i <= 6) tags.owner = 'alice';
    fake.addVersion('diabetes', {
      creationTimestamp: BASE + i * HOUR,
      stage: stages[i],
      tags,
      runId: runId(i),
      experimentId: '7',
      description: i === 10 ? 'the champion' : undefined,
      files: i === 12 ? MODEL_FILES : i === 10 ? { MLmodel: 'champion\n' } : undefined,
    });
  }
  fake.setAlias('diabetes', 'champion', '10');
  fake.setAlias('diabetes', 'challenger', 12);
  championSource = JSON.stringify(fake.artifactPaths());
  fake.addModel('diabetes-ranker', { creationTimestamp: BASE });
  for (let i = 1; i <= 3; i += 1)
    fake.addVersion('diabetes-ranker', { creationTimestamp: BASE + (20 + i) * HOUR, tags: { validated: 'true' }, runId: runId(20 + i) });
  fake.addVersion('fraud', { creationTimestamp: BASE + 30 * HOUR, source: 's3://models-bucket/fraud/1', runId: runId(30) });
  fake.addVersion('fraud', { creationTimestamp: BASE + 31 * HOUR, source: 'dbfs:/databricks/mlflow/fraud/2' });
  fake.addVersion('copy', { creationTimestamp: BASE + 32 * HOUR, source: 'models:/diabetes/12' });
  fake.addModel('empty-model', { creationTimestamp: BASE });
});

afterAll(async () => {
  await fake.stop();
});

describe('registered models and versions', () => {
  test('GET registered-models/get: latest version per stage, aliases, tags, description', async () => {
    const a = await get(fake, 'registered-models/get', { name: 'diabetes' });
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('application/json');
    const rm = a.body.registered_model as Json;
    expect(rm.name).toBe('diabetes');
    expect(rm.description).toBe('Predicts disease progression');
    expect(rm.creation_timestamp).toBe(BASE);
    expect(rm.last_updated_timestamp).toBe(BASE + 12 * HOUR);
    expect(rm.tags).toEqual([{ key: 'team', value: 'ml' }]);
    expect(rm.aliases).toEqual([
      { alias: 'champion', version: '10' },
      { alias: 'challenger', version: '12' },
    ]);
    const latest = rm.latest_versions as Json[];
    expect(latest.map((v) => [v.current_stage, v.version])).toEqual([
      ['None', '12'],
      ['Archived', '3'],
      ['Production', '10'],
      ['Staging', '8'],
    ]);
    // the SQL store builds latest_versions without aliases
    expect(latest.every((v) => v.aliases === undefined)).toBe(true);
  });

  test('empty lists are left out of the JSON, as message_to_json does', async () => {
    const a = await get(fake, 'registered-models/get', { name: 'empty-model' });
    expect(a.status).toBe(200);
    expect(Object.keys(a.body.registered_model as Json).sort()).toEqual(['creation_timestamp', 'last_updated_timestamp', 'name']);
  });

  test('GET model-versions/get: version is a string, aliases and tags listed', async () => {
    const a = await get(fake, 'model-versions/get', { name: 'diabetes', version: '10' });
    expect(a.status).toBe(200);
    const mv = a.body.model_version as Json;
    expect(mv).toMatchObject({
      name: 'diabetes',
      version: '10',
      creation_timestamp: BASE + 10 * HOUR,
      current_stage: 'Production',
      description: 'the champion',
      status: 'READY',
      run_id: runId(10),
      aliases: ['champion'],
      tags: [{ key: 'validated', value: 'true' }],
    });
    expect(mv.source).toBe(`mlflow-artifacts:/7/${runId(10)}/artifacts/model`);
    // no tags, no aliases, no description: the keys are absent, not empty
    const bare = (await get(fake, 'model-versions/get', { name: 'diabetes', version: '11' })).body.model_version as Json;
    expect(Object.keys(bare).sort()).toEqual(
      ['creation_timestamp', 'current_stage', 'last_updated_timestamp', 'name', 'run_id', 'source', 'status', 'version'].sort(),
    );
  });

  test('unknown model or version: 404 RESOURCE_DOES_NOT_EXIST with the store message', async () => {
    const noModel = await get(fake, 'registered-models/get', { name: 'nope' });
    expect(noModel.status).toBe(404);
    expect(noModel.body).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Registered Model with name=nope not found' });
    const noVersion = await get(fake, 'model-versions/get', { name: 'diabetes', version: '99' });
    expect(noVersion.status).toBe(404);
    expect(noVersion.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Model Version (name=diabetes, version=99) not found',
    });
    // a version of an unknown model answers the version message
    const both = await get(fake, 'model-versions/get', { name: 'nope', version: '1' });
    expect(both.body.message).toBe('Model Version (name=nope, version=1) not found');
  });

  test('missing or malformed parameters: 400 INVALID_PARAMETER_VALUE', async () => {
    const noName = await get(fake, 'registered-models/get');
    expect(noName.status).toBe(400);
    expect(noName.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: "Missing value for required parameter 'name'. See the API docs for more information about request parameters.",
    });
    const noVersion = await get(fake, 'model-versions/get', { name: 'diabetes' });
    expect(noVersion.body.message).toMatch(/^Missing value for required parameter 'version'\./);
    const badVersion = await get(fake, 'model-versions/get', { name: 'diabetes', version: 'latest' });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: "Model version must be an integer, got 'latest'" });
  });

  test('GET model-versions/get-download-uri: the source, models:/ resolved, storage URIs as they are', async () => {
    const a = await get(fake, 'model-versions/get-download-uri', { name: 'diabetes', version: '12' });
    expect(a.status).toBe(200);
    const diabetes12 = (a.body.artifact_uri as string) ?? '';
    expect(diabetes12).toBe(`mlflow-artifacts:/7/${runId(12)}/artifacts/model`);
    const copy = await get(fake, 'model-versions/get-download-uri', { name: 'copy', version: '1' });
    expect(copy.body.artifact_uri).toBe(diabetes12);
    const copyVersion = await get(fake, 'model-versions/get', { name: 'copy', version: '1' });
    expect((copyVersion.body.model_version as Json).source).toBe('models:/diabetes/12');
    const s3 = await get(fake, 'model-versions/get-download-uri', { name: 'fraud', version: '1' });
    expect(s3.body.artifact_uri).toBe('s3://models-bucket/fraud/1');
    // no schema on this handler: the store reports the empty name
    const noName = await get(fake, 'model-versions/get-download-uri', { version: '1' });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toBe('Registered model name cannot be empty.');
  });

  test('get-latest-versions (deprecated): GET with repeated stages, POST with JSON, bad stage 400', async () => {
    const all = await get(fake, 'registered-models/get-latest-versions', { name: 'diabetes' });
    expect(((all.body.model_versions ?? []) as Json[]).map((v) => v.version)).toEqual(['12', '3', '10', '8']);
    const some = await get(fake, 'registered-models/get-latest-versions', { name: 'diabetes', stages: ['production', 'Staging'] });
    const versions = (some.body.model_versions ?? []) as Json[];
    expect(versions.map((v) => v.version)).toEqual(['10', '8']);
    expect(versions[0].aliases).toEqual(['champion']);
    const post = await call(fake, 'POST', '/api/2.0/mlflow/registered-models/get-latest-versions', {
      body: { name: 'diabetes', stages: ['Archived'] },
    });
    expect(((post.body.model_versions ?? []) as Json[]).map((v) => v.version)).toEqual(['3']);
    const bad = await get(fake, 'registered-models/get-latest-versions', { name: 'diabetes', stages: 'Prod' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Invalid Model Version stage: Prod. Value must be one of None, Staging, Production, Archived.');
  });
});

describe('aliases', () => {
  test('GET registered-models/alias answers the version with its aliases', async () => {
    const a = await get(fake, 'registered-models/alias', { name: 'diabetes', alias: 'champion' });
    expect(a.status).toBe(200);
    expect(a.body.model_version).toMatchObject({ name: 'diabetes', version: '10', aliases: ['champion'] });
  });

  test('an unknown alias is a 400 INVALID_PARAMETER_VALUE (the SQL store), reserved names are refused', async () => {
    const a = await get(fake, 'registered-models/alias', { name: 'diabetes', alias: 'nobody' });
    expect(a.status).toBe(400);
    expect(a.body).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: 'Registered model alias nobody not found.' });
    const latest = await get(fake, 'registered-models/alias', { name: 'diabetes', alias: 'Latest' });
    expect(latest.body.message).toBe("'latest' alias name (case insensitive) is reserved.");
    const v3 = await get(fake, 'registered-models/alias', { name: 'diabetes', alias: 'v3' });
    expect(v3.body.message).toBe("Version alias name 'v3' is reserved.");
  });

  test('POST sets (and moves) an alias, DELETE removes it; both read the JSON body only', async () => {
    const set = await call(fake, 'POST', '/api/2.0/mlflow/registered-models/alias', {
      body: { name: 'diabetes', alias: 'shadow', version: '11' },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({});
    const moved = await call(fake, 'POST', '/api/2.0/mlflow/registered-models/alias', {
      body: { name: 'diabetes', alias: 'shadow', version: '9' },
    });
    expect(moved.status).toBe(200);
    const now = await get(fake, 'registered-models/alias', { name: 'diabetes', alias: 'shadow' });
    expect((now.body.model_version as Json).version).toBe('9');
    const old = await get(fake, 'model-versions/get', { name: 'diabetes', version: '11' });
    expect((old.body.model_version as Json).aliases).toBeUndefined();

    // query parameters are ignored on DELETE: the handler reads the JSON body
    const byQuery = await call(fake, 'DELETE', '/api/2.0/mlflow/registered-models/alias?name=diabetes&alias=shadow');
    expect(byQuery.status).toBe(400);
    expect(byQuery.body.message).toMatch(/^Missing value for required parameter 'name'/);
    const del = await call(fake, 'DELETE', '/api/2.0/mlflow/registered-models/alias', { body: { name: 'diabetes', alias: 'shadow' } });
    expect(del.status).toBe(200);
    const gone = await get(fake, 'registered-models/alias', { name: 'diabetes', alias: 'shadow' });
    expect(gone.status).toBe(400);
  });

  test('setting an alias checks types, the content type and that the version exists', async () => {
    const numeric = await call(fake, 'POST', '/api/2.0/mlflow/registered-models/alias', {
      body: { name: 'diabetes', alias: 'x', version: 3 },
    });
    expect(numeric.status).toBe(400);
    expect(numeric.body.message).toBe(
      "Invalid value 3 for parameter 'version' supplied. Hint: Value was of type 'int'. See the API docs for more information about request parameters.",
    );
    const text = await call(fake, 'POST', '/api/2.0/mlflow/registered-models/alias', {
      body: JSON.stringify({ name: 'diabetes', alias: 'x', version: '3' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    expect(text.body.message).toBe("Bad Request. Content-Type must be one of [application/json]. Got 'text/plain'.");
    const missing = await call(fake, 'POST', '/api/2.0/mlflow/registered-models/alias', {
      body: { name: 'diabetes', alias: 'x', version: '77' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Model Version (name=diabetes, version=77) not found');
    const badName = await call(fake, 'POST', '/api/2.0/mlflow/registered-models/alias', {
      body: { name: 'diabetes', alias: 'a b', version: '1' },
    });
    expect(badName.body.message).toBe("Invalid alias name: 'a b'. Names may only contain alphanumerics, underscores (_), and dashes (-).");
  });
});

describe('search model versions', () => {
  test('filter + order_by across pages until no next_page_token', async () => {
    fake.pageSize = 4;
    try {
      const { versions, pages } = await searchAll(fake, {
        filter: "name LIKE 'diabetes%' AND tags.validated = 'true'",
        order_by: ['name ASC', 'version_number DESC'],
      });
      expect(pages).toEqual([4, 4, 1]);
      expect(ids(versions)).toEqual([
        'diabetes:12',
        'diabetes:10',
        'diabetes:8',
        'diabetes:6',
        'diabetes:4',
        'diabetes:2',
        'diabetes-ranker:3',
        'diabetes-ranker:2',
        'diabetes-ranker:1',
      ]);
      // search results carry tags but not aliases
      expect(versions[0].tags).toEqual([{ key: 'validated', value: 'true' }]);
      expect(versions.every((v) => v.aliases === undefined)).toBe(true);
    } finally {
      fake.pageSize = undefined;
    }
  });

  test('max_results pages the results; the token is base64 JSON of an offset', async () => {
    const first = await get(fake, 'model-versions/search', {
      filter: "name = 'diabetes'",
      max_results: '5',
      order_by: 'creation_timestamp DESC',
    });
    expect(ids(first.body.model_versions as Json[])).toEqual(['diabetes:12', 'diabetes:11', 'diabetes:10', 'diabetes:9', 'diabetes:8']);
    const token = first.body.next_page_token as string;
    expect(parsePageToken(token)).toBe(5);
    expect(Buffer.from(token, 'base64').toString('utf8')).toBe('{"offset": 5}');
    const { versions } = await searchAll(fake, { filter: "name = 'diabetes'", max_results: '5', order_by: 'creation_timestamp DESC' });
    expect(versions).toHaveLength(12);
    const exact = await get(fake, 'model-versions/search', { filter: "name = 'fraud'", max_results: '2' });
    expect(exact.body.next_page_token).toBeUndefined();
  });

  test('order_by ties are broken by name ASC, then version DESC, as the store appends them', async () => {
    const byName = await get(fake, 'model-versions/search', { filter: "name LIKE 'diabetes%' AND version_number <= 2", order_by: 'name' });
    expect(ids(byName.body.model_versions as Json[])).toEqual(['diabetes:2', 'diabetes:1', 'diabetes-ranker:2', 'diabetes-ranker:1']);
  });

  test('the default order is last_updated_timestamp DESC, then name ASC, then version DESC', async () => {
    const a = await get(fake, 'model-versions/search', {
      filter: "run_id IN ('" + runId(2) + "', '" + runId(11) + "', '" + runId(22) + "')",
    });
    expect(ids(a.body.model_versions as Json[])).toEqual(['diabetes-ranker:2', 'diabetes:11', 'diabetes:2']);
  });

  test('the filter grammar: numeric version_number, ILIKE, source_path, tags, != and no match', async () => {
    const newer = await get(fake, 'model-versions/search', {
      filter: "name = 'diabetes' AND version_number > 9",
      order_by: 'version_number',
    });
    expect(ids(newer.body.model_versions as Json[])).toEqual(['diabetes:10', 'diabetes:11', 'diabetes:12']);
    const ilike = await get(fake, 'model-versions/search', { filter: "name ILIKE 'FRA%'" });
    expect(ids(ilike.body.model_versions as Json[]).sort()).toEqual(['fraud:1', 'fraud:2']);
    const like = await get(fake, 'model-versions/search', { filter: "name LIKE 'FRA%'" });
    expect(like.body).toEqual({});
    const source = await get(fake, 'model-versions/search', { filter: "source_path LIKE 's3://%'" });
    expect(ids(source.body.model_versions as Json[])).toEqual(['fraud:1']);
    const owner = await get(fake, 'model-versions/search', {
      filter: 'tags.`owner` = "alice" AND attribute.version_number <= 2',
      order_by: 'version_number ASC',
    });
    expect(ids(owner.body.model_versions as Json[])).toEqual(['diabetes:1', 'diabetes:2']);
    // a NULL run id matches no comparison, != included
    const notRun = await get(fake, 'model-versions/search', { filter: `name = 'fraud' AND run_id != 'zzz'` });
    expect(ids(notRun.body.model_versions as Json[])).toEqual(['fraud:1']);
  });

  test('bad filters: 400 INVALID_PARAMETER_VALUE naming the problem', async () => {
    const cases: [string, string][] = [
      ["name = 'a' OR name = 'b'", 'Invalid clause(s) in filter string: OR'],
      [
        'creation_timestamp > 5',
        "Invalid attribute key 'creation_timestamp' specified. Valid keys are '{'name', 'run_id', 'source_path', 'version_number'}'",
      ],
      ["params.x = 'y'", "Invalid entity type 'params'. Valid entity types are ('attribute', 'tag', 'tags')"],
      [
        'name = diabetes',
        'Parameter value is either not quoted or unidentified quote types used for string value diabetes. Use either single or double quotes.',
      ],
      ["version_number LIKE '1%'", 'Invalid comparator for attribute version_number: LIKE'],
      ["name IN ('a')", "Only the 'run_id' attribute supports comparison with a list of quoted string values."],
      ["tags.k > 'v'", 'Invalid comparator for tag: >'],
      [
        'name = 3',
        "Only the '{'creation_timestamp', 'last_updated_timestamp', 'version_number'}' attributes support comparison with numeric values.",
      ],
      ['run_id IN ()', 'While parsing a list in the query, expected a non-empty list of string values, but got empty list'],
    ];
    for (const [filter, message] of cases) {
      const a = await get(fake, 'model-versions/search', { filter });
      expect({ filter, status: a.status, body: a.body }).toEqual({
        filter,
        status: 400,
        body: { error_code: 'INVALID_PARAMETER_VALUE', message },
      });
    }
  });

  test('bad order_by and page tokens', async () => {
    const key = await get(fake, 'model-versions/search', { order_by: 'stage DESC' });
    expect(key.status).toBe(400);
    expect(key.body.message).toBe(
      "Invalid attribute key 'stage' specified. Valid keys are '{'creation_timestamp', 'last_updated_timestamp', 'name', 'version_number'}'",
    );
    const direction = await get(fake, 'model-versions/search', { order_by: 'name UP' });
    expect(direction.body.message).toBe("Invalid ordering key in order_by clause 'name UP'.");
    const list = await get(fake, 'model-versions/search', { order_by: 'name ASC, version_number DESC' });
    expect(list.body.message).toBe("Invalid order_by clause 'name ASC, version_number DESC'. Could not be parsed.");
    const duplicate = await get(fake, 'model-versions/search', { order_by: ['name ASC', 'name DESC'] });
    expect(duplicate.status).toBe(500);
    expect(duplicate.body).toEqual({
      error_code: 'INTERNAL_ERROR',
      message: "`order_by` contains duplicate fields: ['name ASC', 'name DESC']",
    });
    const token = await get(fake, 'model-versions/search', { page_token: 'not-a-token' });
    expect(token.status).toBe(400);
    expect(token.body.message).toBe('Invalid page token, could not base64-decode');
  });

  test('max_results: default returns everything, above 200000 or below 1 is refused', async () => {
    const all = await get(fake, 'model-versions/search');
    expect((all.body.model_versions as Json[]).length).toBe(18);
    expect(all.body.next_page_token).toBeUndefined();
    const atLimit = await get(fake, 'model-versions/search', { max_results: '200000' });
    expect(atLimit.status).toBe(200);
    const tooMany = await get(fake, 'model-versions/search', { max_results: '200001' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message:
        "Invalid value 200001 for parameter 'max_results' supplied. Hint: Value was of type 'str'. See the API docs for more information about request parameters.",
    });
    const zero = await get(fake, 'model-versions/search', { max_results: '0' });
    expect(zero.body.message).toBe('Invalid value for max_results. It must be a positive integer, but got 0');
    const text = await get(fake, 'model-versions/search', { max_results: 'ten' });
    expect(text.status).toBe(400);
    expect(text.body.message).toMatch(/^Invalid value ten for parameter 'max_results' supplied/);
  });
});

describe('artifacts proxy', () => {
  const root = `7/${runId(12)}/artifacts/model`;

  test('lists a folder: basenames, is_dir, file_size (absent for folders and empty files)', async () => {
    expect(championSource).toContain(`${root}/code/utils/helpers.py`);
    const a = await call(fake, 'GET', '/api/2.0/mlflow-artifacts/artifacts', { query: { path: root } });
    expect(a.status).toBe(200);
    expect(a.body.files).toEqual([
      { path: 'MLmodel', is_dir: false, file_size: Buffer.byteLength(MODEL_FILES.MLmodel) },
      { path: 'code', is_dir: true },
      { path: 'empty.txt', is_dir: false },
      { path: 'model.pkl', is_dir: false, file_size: 7 },
    ]);
    const nested = await call(fake, 'GET', '/api/2.0/mlflow-artifacts/artifacts', { query: { path: `${root}/code/utils` } });
    expect(nested.body.files).toEqual([{ path: 'helpers.py', is_dir: false, file_size: 6 }]);
    const top = await call(fake, 'GET', '/api/2.0/mlflow-artifacts/artifacts');
    expect(top.body.files).toEqual([{ path: '7', is_dir: true }]);
    // a file or a missing folder lists as nothing: {}
    const missing = await call(fake, 'GET', '/api/2.0/mlflow-artifacts/artifacts', { query: { path: `${root}/nothing` } });
    expect(missing.status).toBe(200);
    expect(missing.body).toEqual({});
  });

  test('downloads nested files byte for byte, as attachments', async () => {
    const py = await call(fake, 'GET', `/api/2.0/mlflow-artifacts/artifacts/${root}/code/utils/helpers.py`);
    expect(py.status).toBe(200);
    expect(py.text).toBe('X = 1\n');
    expect(py.headers.get('content-disposition')).toBe('attachment; filename=helpers.py');
    expect(py.headers.get('x-content-type-options')).toBe('nosniff');
    const res = await fetch(`${fake.origin}/api/2.0/mlflow-artifacts/artifacts/${root}/model.pkl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-length')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer())).toEqual(MODEL_FILES['model.pkl']);
  });

  test('missing files and folders fail as the real proxy does; unsafe paths are refused', async () => {
    const missing = await call(fake, 'GET', `/api/2.0/mlflow-artifacts/artifacts/${root}/nope.bin`);
    expect(missing.status).toBe(500);
    expect(missing.body.error_code).toBe('INTERNAL_ERROR');
    expect(missing.body.message).toMatch(/^The following failures occurred while downloading one or more artifacts from /);
    const folder = await call(fake, 'GET', `/api/2.0/mlflow-artifacts/artifacts/${root}/code`);
    expect(folder.status).toBe(500);
    expect(folder.text).toContain('<title>500 Internal Server Error</title>');
    const traversal = await call(fake, 'GET', '/api/2.0/mlflow-artifacts/artifacts', { query: { path: `${root}/../../secret` } });
    expect(traversal.status).toBe(400);
    expect(traversal.body).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path' });
    const encoded = await call(fake, 'GET', `/api/2.0/mlflow-artifacts/artifacts/${root}/%252E%252E/x`);
    expect(encoded.status).toBe(400);
  });

  test('without --serve-artifacts the proxy answers 503', async () => {
    fake.serveArtifacts = false;
    try {
      const a = await call(fake, 'GET', '/api/2.0/mlflow-artifacts/artifacts', { query: { path: root } });
      expect(a.status).toBe(503);
      expect(a.text).toMatch(/--no-serve-artifacts/);
    } finally {
      fake.serveArtifacts = true;
    }
  });

  test('files need a source the proxy serves', () => {
    expect(() => fake.addVersion('fraud', { source: 's3://bucket/x', files: { a: 'b' } })).toThrow(
      /a client must read that storage itself/,
    );
  });

  test('a folder seeds files recursively', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-mlflow-seed-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'weights.bin'), Buffer.from([1, 2, 3]));
      const version = fake.addVersion('folder-model', { files: dir, experimentId: '9', runId: runId(40) });
      const uri = await get(fake, 'model-versions/get-download-uri', { name: 'folder-model', version });
      expect(uri.body.artifact_uri).toBe(`mlflow-artifacts:/9/${runId(40)}/artifacts/model`);
      const res = await fetch(`${fake.origin}/api/2.0/mlflow-artifacts/artifacts/9/${runId(40)}/artifacts/model/sub/weights.bin`);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('routes', () => {
  test('/health answers OK; unknown paths 404, wrong methods 405, unmodelled routes 501', async () => {
    const health = await call(fake, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.text).toBe('OK');
    const unknown = await call(fake, 'GET', '/api/2.0/mlflow/model-versions/list');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('<title>404 Not Found</title>');
    const method = await call(fake, 'POST', '/api/2.0/mlflow/model-versions/get', { body: { name: 'diabetes', version: '1' } });
    expect(method.status).toBe(405);
    const create = await call(fake, 'POST', '/api/2.0/mlflow/model-versions/create', { body: { name: 'diabetes', source: 's3://x' } });
    expect(create.status).toBe(501);
    expect(create.body.error_code).toBe('NOT_IMPLEMENTED');
  });
});

describe('fault injection and the request log', () => {
  test('N answers of 503 with Retry-After, then the real answer', async () => {
    const handle = fake.injectFault({ path: '/api/2.0/mlflow/model-versions/get', status: 503, count: 2, retryAfterSeconds: 3 });
    const first = await get(fake, 'model-versions/get', { name: 'diabetes', version: '1' });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.body.error_code).toBe('TEMPORARILY_UNAVAILABLE');
    const second = await get(fake, 'model-versions/get', { name: 'diabetes', version: '1' });
    expect(second.status).toBe(503);
    const third = await get(fake, 'model-versions/get', { name: 'diabetes', version: '1' });
    expect(third.status).toBe(200);
    expect(handle.hits).toBe(2);
    expect(handle.remaining).toBe(0);
    const log = fake.requests.filter((r) => r.path === '/api/2.0/mlflow/model-versions/get').slice(-3);
    expect(log.map((r) => [r.status, r.fault === true])).toEqual([
      [503, true],
      [503, true],
      [200, false],
    ]);
  });

  test('429 by glob and method; connection resets', async () => {
    fake.injectFault({ method: 'GET', path: '/api/2.0/mlflow/**', status: 429, errorCode: 'REQUEST_LIMIT_EXCEEDED' });
    const limited = await get(fake, 'model-versions/search', { filter: "name = 'fraud'" });
    expect(limited.status).toBe(429);
    expect(limited.body.error_code).toBe('REQUEST_LIMIT_EXCEEDED');
    const ok = await get(fake, 'model-versions/search', { filter: "name = 'fraud'" });
    expect(ok.status).toBe(200);
    fake.injectFault({ path: '/api/2.0/mlflow-artifacts/**', resetConnection: true });
    await expect(fetch(`${fake.origin}/api/2.0/mlflow-artifacts/artifacts`)).rejects.toThrow();
    expect(fake.requests[fake.requests.length - 1].status).toBe(-1);
  });

  test('the log records method, path, query and status', async () => {
    fake.clearRequests();
    await get(fake, 'model-versions/search', { filter: "name = 'copy'", order_by: ['name', 'version_number DESC'] });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: 'GET',
      path: '/api/2.0/mlflow/model-versions/search',
      query: { filter: ["name = 'copy'"], order_by: ['name', 'version_number DESC'] },
      authScheme: 'none',
      status: 200,
    });
  });
});

describe('basic authentication (the basic-auth app)', () => {
  const secured = new FakeMlflowServer({
    auth: {
      kind: 'basic',
      users: { alice: { password: 's3cret' }, bob: { password: 'hunter2' }, root: { password: 'toor', admin: true } },
    },
  });

  beforeAll(async () => {
    await secured.start();
    secured.addVersion('diabetes', { runId: runId(1), experimentId: '7', files: { MLmodel: 'x' } });
    secured.addVersion('other', { runId: runId(2), experimentId: '8', files: { MLmodel: 'y' } });
    secured.setPermission('bob', { model: 'diabetes' }, 'NO_PERMISSIONS');
    secured.setPermission('root', { model: 'diabetes' }, 'NO_PERMISSIONS');
    secured.setPermission('bob', { experimentId: '7' }, 'NO_PERMISSIONS');
  });

  afterAll(async () => {
    await secured.stop();
  });

  test('no or wrong credentials: 401 with WWW-Authenticate: Basic realm="mlflow"', async () => {
    for (const headers of [{}, basic('alice', 'wrong'), basic('mallory', 's3cret'), { authorization: 'Bearer s3cret' }]) {
      const a = await get(secured, 'registered-models/get', { name: 'diabetes' }, headers);
      expect(a.status).toBe(401);
      expect(a.headers.get('www-authenticate')).toBe('Basic realm="mlflow"');
      expect(a.text).toMatch(/^You are not authenticated/);
    }
    const health = await call(secured, 'GET', '/health');
    expect(health.status).toBe(200);
  });

  test('the right password passes; the log has the scheme and user, never the secret', async () => {
    secured.clearRequests();
    const a = await get(secured, 'registered-models/get', { name: 'diabetes' }, basic('alice', 's3cret'));
    expect(a.status).toBe(200);
    expect(secured.requests[0]).toMatchObject({ authScheme: 'basic', user: 'alice', status: 200 });
    expect(JSON.stringify(secured.requests)).not.toContain('s3cret');
  });

  test('403 "Permission denied" for the restricted user on that model only; admins bypass', async () => {
    const denied = await get(secured, 'model-versions/get', { name: 'diabetes', version: '1' }, basic('bob', 'hunter2'));
    expect(denied.status).toBe(403);
    expect(denied.text).toBe('Permission denied');
    const alias = await call(secured, 'POST', '/api/2.0/mlflow/registered-models/alias', {
      body: { name: 'diabetes', alias: 'champion', version: '1' },
      headers: basic('bob', 'hunter2'),
    });
    expect(alias.status).toBe(403);
    const other = await get(secured, 'model-versions/get', { name: 'other', version: '1' }, basic('bob', 'hunter2'));
    expect(other.status).toBe(200);
    const admin = await get(secured, 'model-versions/get', { name: 'diabetes', version: '1' }, basic('root', 'toor'));
    expect(admin.status).toBe(200);
    // 2.x does not filter model-version search by permission
    const search = await get(secured, 'model-versions/search', { filter: "name = 'diabetes'" }, basic('bob', 'hunter2'));
    expect((search.body.model_versions as Json[]).length).toBe(1);
    secured.filterSearchByPermission = true;
    try {
      const filtered = await get(secured, 'model-versions/search', { filter: "name = 'diabetes'" }, basic('bob', 'hunter2'));
      expect(filtered.body).toEqual({});
    } finally {
      secured.filterSearchByPermission = false;
    }
  });

  test('artifact downloads are checked against the experiment; listings are not', async () => {
    const download = await call(secured, 'GET', `/api/2.0/mlflow-artifacts/artifacts/7/${runId(1)}/artifacts/model/MLmodel`, {
      headers: basic('bob', 'hunter2'),
    });
    expect(download.status).toBe(403);
    const list = await call(secured, 'GET', '/api/2.0/mlflow-artifacts/artifacts', {
      query: { path: `7/${runId(1)}/artifacts/model` },
      headers: basic('bob', 'hunter2'),
    });
    expect(list.status).toBe(200);
    const alice = await call(secured, 'GET', `/api/2.0/mlflow-artifacts/artifacts/7/${runId(1)}/artifacts/model/MLmodel`, {
      headers: basic('alice', 's3cret'),
    });
    expect(alice.text).toBe('x');
  });
});

describe('bearer tokens (Databricks-style)', () => {
  const bearer = new FakeMlflowServer({ auth: { kind: 'bearer', tokens: { 'dapi-carol': 'carol', 'dapi-dave': 'dave' } } });

  beforeAll(async () => {
    await bearer.start();
    bearer.addVersion('diabetes', { runId: runId(1) });
    bearer.setPermission('dave', { model: 'diabetes' }, 'NO_PERMISSIONS');
  });

  afterAll(async () => {
    await bearer.stop();
  });

  test('no token: 401; unknown token: 403 Invalid access token; the right one: 200', async () => {
    const none = await get(bearer, 'model-versions/get', { name: 'diabetes', version: '1' });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error_code: 401, message: 'Credential was not sent or was of an unsupported type for this API.' });
    const wrongScheme = await get(bearer, 'model-versions/get', { name: 'diabetes', version: '1' }, basic('carol', 'dapi-carol'));
    expect(wrongScheme.status).toBe(401);
    const wrong = await get(bearer, 'model-versions/get', { name: 'diabetes', version: '1' }, { authorization: 'Bearer dapi-nope' });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({ error_code: 403, message: 'Invalid access token.' });
    const ok = await get(bearer, 'model-versions/get', { name: 'diabetes', version: '1' }, { authorization: 'Bearer dapi-carol' });
    expect(ok.status).toBe(200);
    expect(bearer.requests[bearer.requests.length - 1]).toMatchObject({ authScheme: 'bearer', user: 'carol' });
    expect(JSON.stringify(bearer.requests)).not.toContain('dapi-carol');
  });

  test('403 PERMISSION_DENIED for the restricted user on that model', async () => {
    const denied = await get(bearer, 'registered-models/get', { name: 'diabetes' }, { authorization: 'Bearer dapi-dave' });
    expect(denied.status).toBe(403);
    expect(denied.body.error_code).toBe('PERMISSION_DENIED');
    const carol = await get(bearer, 'registered-models/get', { name: 'diabetes' }, { authorization: 'Bearer dapi-carol' });
    expect(carol.status).toBe(200);
  });
});

describe('HTTPS and shutdown', () => {
  test('serves HTTPS with the given certificate; stop() closes keep-alive connections', async () => {
    const ca = testCa();
    const tlsFake = new FakeMlflowServer({ tls: { key: ca.key, cert: ca.cert } });
    const origin = await tlsFake.start();
    expect(origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    tlsFake.addVersion('secure-model', { runId: runId(1) });
    const agent = new https.Agent({ keepAlive: true, ca: ca.caCert });
    const request = () =>
      new Promise<{ status: number; body: Json }>((resolve, reject) => {
        const req = https.request(`${origin}/api/2.0/mlflow/model-versions/get?name=secure-model&version=1`, { agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const a = await request();
      expect(a.status).toBe(200);
      expect((a.body.model_version as Json).name).toBe('secure-model');
      const started = Date.now();
      await tlsFake.stop();
      expect(Date.now() - started).toBeLessThan(2000);
      await expect(request()).rejects.toThrow();
    } finally {
      agent.destroy();
      await tlsFake.stop();
    }
  });
});
