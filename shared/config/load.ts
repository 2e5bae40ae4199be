import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Document, LineCounter, Node as YamlNode, Pair, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { ConfigError, ConfigIssue } from '../errors';
import { formatDuration, parseDuration } from './duration';
import schemaJson from './modelship.schema.json';
import {
  KubernetesRouting,
  KubernetesTargetConfig,
  ModelshipConfig,
  PrometheusQueries,
  RolloutStep,
  RolloutStrategy,
  SmokeCaseConfig,
} from './types';

/**
 * Reads modelship.yaml into a ModelshipConfig: YAML (with positions) -> JSON Schema ->
 * semantic checks -> defaults, absolute paths and milliseconds. Every problem found is
 * reported at once, each at the file, line and column of the node it is about.
 */

export interface LoadedConfig {
  config: ModelshipConfig;
  /** problems that do not stop the load (e.g. accepted but unused settings) */
  warnings: ConfigIssue[];
}

export async function loadConfig(file: string): Promise<LoadedConfig> {
  // a file that cannot be read is not a config problem: the fs error propagates as is
  const text = await fs.promises.readFile(file, 'utf8');
  return loadConfigText(text, file);
}

/** Same as loadConfig, from text; relative paths resolve from dirname(file). */
export function loadConfigText(text: string, file: string): LoadedConfig {
  return new Loader(text, file).load();
}

// ---------------------------------------------------------------------------------------------
// schema

type Segment = string | number;

/** the parts of a JSON Schema node this file reads to phrase messages */
interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  properties?: Record<string, SchemaNode>;
  errorMessage?: string;
}

interface SchemaRoot extends SchemaNode {
  definitions: Record<string, SchemaNode>;
}

const schema = schemaJson as unknown as SchemaRoot;
const DURATION_SCHEMA = schema.definitions.duration;

let validator: ValidateFunction | undefined;
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    // `errorMessage` is the message editors (yaml-language-server) show; here it phrases issues
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    validator = ajv.compile(schemaJson);
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

// ---------------------------------------------------------------------------------------------
// the raw file, as the schema lets it be (read only after validation passed)

interface RawFile {
  endpoint: string;
  model: {
    registry?: 'local' | 'azureml' | 'mlflow';
    name: string;
    version?: 'latest' | number;
    tags?: Record<string, string>;
    local?: { path?: string };
  };
  serve: {
    code: string;
    scoringScript?: string;
    requirements?: string;
    baseImage?: string;
    dockerfile?: string;
    readyPath?: string;
    scorePath?: string;
    readyTimeout?: string;
  };
  image?: { repository: string };
  target?: {
    kind?: 'local' | 'kubernetes' | 'azureml';
    local?: {
      runtime?: 'process' | 'docker';
      port?: number;
      stagingPort?: number;
      stateDir?: string;
      python?: string;
      auth?: { keyEnv: string };
    };
    kubernetes?: RawKubernetes;
  };
  staging?: {
    smoke?: {
      cases?: Array<{ name: string; request: string; expect?: string; tolerance?: number }>;
      maxLatencyP95?: string;
      repeat?: number;
      timeout?: string;
    };
  };
  rollout?: {
    strategy?: RolloutStrategy;
    steps?: RolloutStep[] | number;
    bake?: string;
    mirror?: number;
    analysis?: {
      interval?: string;
      minRequests?: number;
      maxErrorRate?: number;
      maxLatencyP99?: string;
      compareToBaseline?: boolean;
      probe?: { rate: number };
    };
  };
}

interface RawKubernetes {
  kubeconfig?: string;
  context?: string;
  auth?: 'kubeconfig' | 'azure';
  namespace?: string;
  staging?: { namespace?: string; replicas?: number };
  routing?: KubernetesRouting;
  replicas?: number;
  resources?: { cpu?: string; memory?: string };
  autoscale?: { min?: number; max: number; cpuUtilization?: number };
  ingress?: { host?: string; className?: string; path?: string };
  gateway?: { name: string; namespace?: string; sectionName?: string; hostnames?: string[] };
  imagePullSecret?: string;
  url?: string;
  leaseSeconds?: number;
  prometheus?: { url: string; queries?: Partial<PrometheusQueries> };
}

/**
 * Default analysis queries over ingress-nginx's series: cumulative counters per backend
 * Service (the deployment's own Service; the canary Ingress routes to it).
 */
export const DEFAULT_PROMETHEUS_QUERIES: PrometheusQueries = {
  requests: 'sum(nginx_ingress_controller_requests{exported_namespace="{namespace}",exported_service="{service}"})',
  errors: 'sum(nginx_ingress_controller_requests{exported_namespace="{namespace}",exported_service="{service}",status=~"5.."})',
  latencyBuckets:
    'sum by (le) (nginx_ingress_controller_request_duration_seconds_bucket{exported_namespace="{namespace}",exported_service="{service}"})',
};

const DEFAULTS = {
  registryPath: './registry',
  scoringScript: 'score.py',
  baseImage: 'python:3.11-slim',
  readyPath: '/',
  scorePath: '/score',
  readyTimeout: '60s',
  port: 8080,
  stateDir: '.modelship',
  python: 'python3',
  smokeRepeat: 5,
  smokeTimeout: '10s',
  strategy: 'canary' as RolloutStrategy,
  canarySteps: [10, 50, 100] as RolloutStep[],
  linearSteps: 4,
  bake: '30s',
  interval: '5s',
  minRequests: 20,
  maxErrorRate: 0.01,
};

/** a timer cannot wait longer than 2^31-1 ms (about 24.8 days); a day is a generous cap */
const MAX_DURATION_MS = 24 * 3_600_000;

const DURATION_PATHS: Segment[][] = [
  ['serve', 'readyTimeout'],
  ['staging', 'smoke', 'maxLatencyP95'],
  ['staging', 'smoke', 'timeout'],
  ['rollout', 'bake'],
  ['rollout', 'analysis', 'interval'],
  ['rollout', 'analysis', 'maxLatencyP99'],
];

// ---------------------------------------------------------------------------------------------

interface Position {
  line: number;
  col: number;
}

type Raw = Record<string, unknown>;

function asObject(v: unknown): Raw | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : undefined;
}

function keyPath(segs: readonly Segment[]): string {
  let out = '';
  for (const s of segs) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/** a value as a message shows it after "got" */
function show(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (typeof v === 'string') return `'${v.length > 60 ? `${v.slice(0, 57)}...` : v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const flow = JSON.stringify(v).replace(/,/g, ', ').replace(/:/g, ': ').replace(/"/g, '');
  if (flow.length <= 40) return flow;
  return Array.isArray(v) ? `a list of ${v.length}` : 'a mapping';
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** "an integer from 1 to 65535", "one of: a, b", "a mapping" ... from the schema node */
function expectation(s: SchemaNode): string {
  if (s.enum) return `one of: ${s.enum.map(String).join(', ')}`;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const names = types.map((t) => {
    switch (t) {
      case 'integer':
      case 'number': {
        const lo =
          s.minimum !== undefined
            ? { op: '>=', v: s.minimum }
            : s.exclusiveMinimum !== undefined
              ? { op: '>', v: s.exclusiveMinimum }
              : undefined;
        const hi =
          s.maximum !== undefined
            ? { op: '<=', v: s.maximum }
            : s.exclusiveMaximum !== undefined
              ? { op: '<', v: s.exclusiveMaximum }
              : undefined;
        if (lo?.op === '>=' && hi?.op === '<=') return `${article(t)} from ${lo.v} to ${hi.v}`;
        const bounds = [lo, hi].filter((b): b is { op: string; v: number } => b !== undefined).map((b) => `${b.op} ${b.v}`);
        return bounds.length ? `${article(t)} ${bounds.join(' and ')}` : article(t);
      }
      case 'boolean':
        return 'true or false';
      case 'object':
        return 'a mapping';
      case 'array':
        return s.minItems ? 'a non-empty list' : 'a list';
      case 'string':
        return s.minLength ? 'a non-empty string' : 'a string';
      default:
        return t;
    }
  });
  return names.join(' or ') || 'valid';
}

class Loader {
  private readonly lineCounter = new LineCounter();
  private doc!: Document.Parsed;
  private data: unknown;
  private readonly issues: ConfigIssue[] = [];
  private readonly warnings: ConfigIssue[] = [];
  /** key paths that already have a schema issue: semantic checks leave them alone */
  private readonly badPaths = new Set<string>();
  private readonly dir: string;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.dir = path.dirname(path.resolve(file));
  }

  load(): LoadedConfig {
    if (!this.parse()) this.fail();
    this.schemaCheck();
    this.semanticCheck();
    if (this.issues.length) this.fail();
    return { config: this.resolve(this.data as RawFile), warnings: sortIssues(this.warnings) };
  }

  private fail(): never {
    throw new ConfigError(sortIssues(this.issues));
  }

  // ------------------------------------------------------------------------------ YAML

  /** false when the document cannot be validated at all */
  private parse(): boolean {
    this.doc = parseDocument(this.text, { lineCounter: this.lineCounter, uniqueKeys: true, prettyErrors: false });
    let structural = false;
    const seen = new Set<string>();
    for (const err of this.doc.errors) {
      const pos = this.lineCounter.linePos(err.pos[0]);
      // one parse problem often raises several errors at one place: the first says it best
      const where = `${pos.line}:${pos.col}`;
      if (seen.has(where)) continue;
      seen.add(where);
      if (err.code === 'DUPLICATE_KEY') {
        const segs = this.pathAtOffset(err.pos[0]);
        const key = segs.length ? String(segs[segs.length - 1]) : '';
        this.add(this.issues, segs, pos, `duplicate key '${key}' (a key may appear once per mapping)`);
      } else if (err.code === 'MULTIPLE_DOCS') {
        structural = true;
        this.add(this.issues, [], pos, "the file must hold one YAML document (found another one after '---')");
      } else {
        structural = true;
        this.add(this.issues, [], pos, `invalid YAML: ${firstLine(err.message)}`);
      }
    }
    for (const w of this.doc.warnings) this.add(this.warnings, [], this.lineCounter.linePos(w.pos[0]), `YAML: ${firstLine(w.message)}`);
    if (structural) return false;

    const contents = this.doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) {
      this.add(this.issues, [], { line: 1, col: 1 }, 'the file is empty (it needs at least endpoint, model.name and serve.code)');
      return false;
    }
    if (!isMap(contents)) {
      const got = isSeq(contents) ? 'a list' : `a single value ${show(isScalar(contents) ? contents.value : undefined)}`;
      this.add(
        this.issues,
        [],
        this.nodePos(contents) ?? { line: 1, col: 1 },
        `the file must be a mapping of keys such as endpoint, model, serve (got ${got})`,
      );
      return false;
    }
    try {
      this.data = this.doc.toJS({ maxAliasCount: 100 });
    } catch (err: unknown) {
      this.add(this.issues, [], { line: 1, col: 1 }, `invalid YAML: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    return true;
  }

  // ------------------------------------------------------------------------------ positions

  private nodePos(node: unknown): Position | undefined {
    if (node === null || typeof node !== 'object') return undefined;
    const range = (node as YamlNode).range;
    return range ? this.lineCounter.linePos(range[0]) : undefined;
  }

  /** the pairs and nodes along `segs`, as far as the document has them */
  private walk(segs: readonly Segment[]): { node: unknown; pair?: Pair; depth: number }[] {
    const trail: { node: unknown; pair?: Pair; depth: number }[] = [{ node: this.doc.contents, depth: 0 }];
    let node: unknown = this.doc.contents;
    for (let i = 0; i < segs.length; i++) {
      if (isAlias(node)) break;
      if (isMap(node)) {
        // toJS keeps the last of duplicate keys: so do positions
        const pair = [...node.items].reverse().find((p) => keyText(p.key) === String(segs[i]));
        if (!pair) break;
        node = pair.value;
        trail.push({ node, pair, depth: i + 1 });
      } else if (isSeq(node) && typeof segs[i] === 'number') {
        node = node.items[segs[i] as number];
        if (node === undefined) break;
        trail.push({ node, depth: i + 1 });
      } else break;
    }
    return trail;
  }

  /** the value at `segs`; for an empty value, its key; when absent, the deepest ancestor found */
  private valuePos(segs: readonly Segment[]): Position {
    const trail = this.walk(segs);
    for (let i = trail.length - 1; i >= 0; i--) {
      const { node, pair } = trail[i];
      const empty = node === null || node === undefined || (isScalar(node) && !!node.range && node.range[0] === node.range[1]);
      const pos = empty ? this.nodePos(pair?.key) : this.nodePos(node);
      if (pos && i > 0) return pos;
    }
    return { line: 1, col: 1 };
  }

  /** the key of the pair at `segs` (an unknown key), else its value */
  private keyPos(segs: readonly Segment[]): Position {
    const trail = this.walk(segs);
    const last = trail[trail.length - 1];
    if (last.depth === segs.length && last.pair) return this.nodePos(last.pair.key) ?? this.valuePos(segs);
    return this.valuePos(segs);
  }

  /** a mapping that lacks a key: the mapping itself; 1:1 for the root */
  private mappingPos(segs: readonly Segment[]): Position {
    return segs.length === 0 ? { line: 1, col: 1 } : this.valuePos(segs);
  }

  /** the key path of the innermost key or value at a source offset */
  private pathAtOffset(offset: number): Segment[] {
    const segs: Segment[] = [];
    let node: unknown = this.doc.contents;
    const within = (n: unknown) => {
      const r = n !== null && typeof n === 'object' ? (n as YamlNode).range : undefined;
      return r !== undefined && r !== null && offset >= r[0] && offset < Math.max(r[1], r[0] + 1);
    };
    for (let guard = 0; guard < 1000; guard++) {
      if (isMap(node)) {
        const pair = node.items.find((p) => within(p.key) || within(p.value));
        if (!pair) break;
        segs.push(keyText(pair.key));
        if (within(pair.key)) break;
        node = pair.value;
      } else if (isSeq(node)) {
        const i = node.items.findIndex((item) => within(item));
        if (i < 0) break;
        segs.push(i);
        node = node.items[i];
      } else break;
    }
    return segs;
  }

  private add(list: ConfigIssue[], segs: readonly Segment[], pos: Position, message: string): void {
    list.push({ file: this.file, line: pos.line, col: pos.col, path: keyPath(segs), message });
  }

  // ------------------------------------------------------------------------------ schema

  /** instancePath "/rollout/steps/0" -> ['rollout', 'steps', 0], numbers where the data is a list */
  private segments(instancePath: string): Segment[] {
    if (!instancePath) return [];
    const segs: Segment[] = [];
    let value: unknown = this.data;
    for (const part of instancePath.slice(1).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(value)) {
        segs.push(Number(key));
        value = value[Number(key)];
      } else {
        segs.push(key);
        value = asObject(value)?.[key];
      }
    }
    return segs;
  }

  private schemaCheck(): void {
    const byPath = new Map<string, ErrorObject[]>();
    for (const e of validate(this.data)) {
      const segs = this.segments(e.instancePath);
      if (e.keyword === 'if') continue; // the failing `then` reports it
      if (e.keyword === 'additionalProperties') {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys((e.parentSchema as SchemaNode).properties ?? {});
        this.add(this.issues, [...segs, key], this.keyPos([...segs, key]), `unknown key '${key}' (allowed: ${allowed.join(', ')})`);
        continue;
      }
      if (e.keyword === 'required') {
        const key = String((e.params as { missingProperty: string }).missingProperty);
        this.badPaths.add(keyPath([...segs, key]));
        this.add(this.issues, [...segs, key], this.mappingPos(segs), `missing required key '${key}'`);
        continue;
      }
      const group = byPath.get(e.instancePath) ?? [];
      group.push(e);
      byPath.set(e.instancePath, group);
    }
    // one issue per value: the most specific error says it (a strategy's own rule, then a wrong type)
    const rank = (e: ErrorObject) => (e.keyword === 'not' ? 0 : e.schemaPath.includes('/then/') ? 1 : e.keyword === 'type' ? 2 : 3);
    for (const [instancePath, group] of byPath) {
      const best = [...group].sort((a, b) => rank(a) - rank(b))[0];
      const segs = this.segments(instancePath);
      this.badPaths.add(keyPath(segs));
      this.add(this.issues, segs, this.valuePos(segs), this.schemaMessage(best, segs));
    }
  }

  private schemaMessage(e: ErrorObject, segs: Segment[]): string {
    const s = (e.parentSchema ?? {}) as SchemaNode;
    const value: unknown = e.data;
    if (e.keyword === 'not') {
      const strategy = asObject(this.at(segs.slice(0, -1)))?.strategy;
      return `${s.errorMessage ?? 'not allowed here'} (remove it for strategy ${show(strategy)})`;
    }
    if (s === DURATION_SCHEMA && typeof value === 'number') return `must be a duration string like 30s, not a bare number (got ${value})`;
    if (e.keyword === 'maxLength') {
      const why = keyPath(segs) === 'endpoint' ? ': the staging endpoint <endpoint>-staging must fit in 63' : '';
      return `must be at most ${s.maxLength} characters${why} (got ${String(value).length})`;
    }
    const expected = s.errorMessage ?? `must be ${expectation(s)}`;
    const wantsString = s.type === 'string' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'string');
    if (e.keyword === 'type' && wantsString && (typeof value === 'number' || typeof value === 'boolean')) {
      return `${expected} (got the ${typeof value} ${value}: quote it, "${value}")`;
    }
    return `${expected} (got ${show(value)})`;
  }

  // ------------------------------------------------------------------------------ semantic checks

  private at(segs: readonly Segment[]): unknown {
    let v: unknown = this.data;
    for (const s of segs) {
      if (Array.isArray(v) && typeof s === 'number') v = v[s];
      else v = asObject(v)?.[String(s)];
      if (v === undefined) return undefined;
    }
    return v;
  }

  /** the value at `segs` unless the schema already found it wrong */
  private ok(segs: readonly Segment[]): unknown {
    return this.badPaths.has(keyPath(segs)) ? undefined : this.at(segs);
  }

  private issue(segs: readonly Segment[], message: string): void {
    this.badPaths.add(keyPath(segs));
    this.add(this.issues, segs, this.valuePos(segs), message);
  }

  private durationMs(segs: readonly Segment[]): number | undefined {
    const v = this.ok(segs);
    return typeof v === 'string' ? parseDuration(v) : undefined;
  }

  private semanticCheck(): void {
    const registry = this.ok(['model', 'registry']);
    if (typeof registry === 'string' && registry !== 'local') {
      this.issue(['model', 'registry'], `registry '${registry}' is not available in this version (available: local)`);
    }
    const kind = this.ok(['target', 'kind']);
    if (kind === 'azureml') {
      this.issue(['target', 'kind'], `target '${kind}' is not available in this version (available: local, kubernetes)`);
    }

    for (const segs of DURATION_PATHS) {
      const ms = this.durationMs(segs);
      if (ms === undefined) continue;
      if (ms <= 0) this.issue(segs, `must be a duration greater than 0 (got ${show(this.at(segs))})`);
      else if (ms > MAX_DURATION_MS) this.issue(segs, `must be a duration of at most 24h (got ${show(this.at(segs))})`);
    }

    this.checkServe();
    this.checkTarget();
    this.checkSmoke();
    this.checkRollout();
  }

  private checkServe(): void {
    const code = this.ok(['serve', 'code']);
    const codeDir = typeof code === 'string' ? this.checkPath(['serve', 'code'], code, 'folder') : undefined;
    const scriptRaw = this.at(['serve', 'scoringScript']);
    // a wrong scoringScript is reported by the schema: no second issue about the default name
    const script = scriptRaw === undefined ? undefined : this.ok(['serve', 'scoringScript']);
    if (codeDir !== undefined && (scriptRaw === undefined || typeof script === 'string')) {
      const name = typeof script === 'string' ? script : DEFAULTS.scoringScript;
      const file = path.resolve(codeDir, name);
      const rel = path.relative(codeDir, file);
      if (script !== undefined && (path.isAbsolute(name) || rel.startsWith('..'))) {
        this.issue(['serve', 'scoringScript'], `must be a file inside serve.code, relative to it (got ${show(name)})`);
      } else if (!isFile(file)) {
        if (script === undefined) {
          this.issue(
            ['serve', 'code'],
            `no scoring script '${name}' in this folder (looked for ${file}; set serve.scoringScript if it has another name)`,
          );
        } else {
          this.issue(['serve', 'scoringScript'], `scoring script '${name}' not found in serve.code (looked for ${file})`);
        }
      }
    }
    for (const key of ['requirements', 'dockerfile']) {
      const v = this.ok(['serve', key]);
      if (typeof v === 'string') this.checkPath(['serve', key], v, 'file');
    }
  }

  private checkKubernetes(): void {
    const k = ['target', 'kubernetes'];
    if (this.at(['target', 'kind']) !== 'kubernetes') {
      if (this.at(k) !== undefined) this.issue(k, `is only read when target.kind is 'kubernetes'`);
      return;
    }
    if (this.at(['image']) === undefined) {
      this.issue(
        ['target', 'kind'],
        `target 'kubernetes' runs images: add image: { repository: <registry>/<path> } (a registry the cluster can pull from)`,
      );
    }
    const kubeconfig = this.ok([...k, 'kubeconfig']);
    if (typeof kubeconfig === 'string') this.checkPath([...k, 'kubeconfig'], kubeconfig, 'file');
    const routing = this.ok([...k, 'routing']) ?? 'replicas';
    if (routing === 'replicas' && this.at([...k, 'autoscale']) !== undefined) {
      this.issue(
        [...k, 'autoscale'],
        `cannot be used with routing 'replicas', where replica counts are the traffic split (use routing 'nginx-ingress' or 'gateway-api')`,
      );
    }
    const min = this.ok([...k, 'autoscale', 'min']);
    const max = this.ok([...k, 'autoscale', 'max']);
    if (typeof min === 'number' && typeof max === 'number' && min > max)
      this.issue([...k, 'autoscale', 'min'], `must be at most autoscale.max (${max})`);
    if (routing === 'gateway-api' && this.at([...k, 'gateway']) === undefined) {
      this.issue(
        [...k, 'routing'],
        `routing 'gateway-api' needs target.kubernetes.gateway: { name: <Gateway>, namespace: <its namespace> }`,
      );
    }
    if (routing !== 'gateway-api' && this.at([...k, 'gateway']) !== undefined)
      this.issue([...k, 'gateway'], `is only read with routing 'gateway-api'`);
    if (routing !== 'nginx-ingress' && this.at([...k, 'ingress']) !== undefined)
      this.issue([...k, 'ingress'], `is only read with routing 'nginx-ingress'`);
    const mirror = this.ok(['rollout', 'mirror']);
    if (typeof mirror === 'number' && mirror > 0 && routing !== 'gateway-api') {
      this.issue(
        ['rollout', 'mirror'],
        `routing '${typeof routing === 'string' ? routing : JSON.stringify(routing)}' cannot mirror a share of requests (only 'gateway-api' can); use rollout.analysis.probe for preview traffic`,
      );
    }
    if (this.at([...k, 'prometheus']) === undefined && this.at(['rollout', 'analysis', 'probe']) === undefined) {
      this.issue(
        ['target', 'kind'],
        `the kubernetes target needs metrics for the analysis: set rollout.analysis.probe (measured by modelship) or target.kubernetes.prometheus`,
      );
    }
  }

  private checkTarget(): void {
    this.checkKubernetes();
    const runtime = this.ok(['target', 'local', 'runtime']);
    if (runtime === 'docker' && this.at(['image']) === undefined) {
      this.issue(
        ['target', 'local', 'runtime'],
        `runtime 'docker' needs an image repository (add image: { repository: localhost:5000/models/<name> })`,
      );
    }
    const port = this.ok(['target', 'local', 'port']);
    const stagingPort = this.ok(['target', 'local', 'stagingPort']);
    const portValue = typeof port === 'number' ? port : this.at(['target', 'local', 'port']) === undefined ? DEFAULTS.port : undefined;
    if (portValue === undefined) return;
    if (typeof stagingPort === 'number' && stagingPort === portValue) {
      this.issue(['target', 'local', 'stagingPort'], `must differ from port (both are ${portValue})`);
    } else if (this.at(['target', 'local', 'stagingPort']) === undefined && portValue === 65535) {
      this.issue(
        ['target', 'local', 'port'],
        `leaves no room for the default stagingPort, port + 1 = 65536 (set target.local.stagingPort)`,
      );
    }
  }

  private checkSmoke(): void {
    const cases = this.ok(['staging', 'smoke', 'cases']);
    if (!Array.isArray(cases)) return;
    const names = new Map<string, number>();
    for (let i = 0; i < cases.length; i++) {
      const base: Segment[] = ['staging', 'smoke', 'cases', i];
      const name = this.ok([...base, 'name']);
      if (typeof name === 'string') {
        const first = names.get(name);
        if (first !== undefined) {
          this.issue([...base, 'name'], `duplicate case name '${name}' (case names must be unique; first used by cases[${first}])`);
        } else names.set(name, i);
      }
      for (const key of ['request', 'expect']) {
        const v = this.ok([...base, key]);
        if (typeof v !== 'string') continue;
        const file = this.checkPath([...base, key], v, 'file');
        if (file === undefined) continue;
        try {
          JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (err: unknown) {
          this.issue([...base, key], `file '${v}' does not hold valid JSON (${err instanceof Error ? err.message : String(err)})`);
        }
      }
    }
  }

  private checkRollout(): void {
    const strategy = this.ok(['rollout', 'strategy']) ?? (this.at(['rollout', 'strategy']) === undefined ? DEFAULTS.strategy : undefined);
    const steps = this.ok(['rollout', 'steps']);
    if (strategy === 'canary' && Array.isArray(steps)) {
      if (steps[0] === 'pause')
        this.issue(['rollout', 'steps', 0], `'pause' may not be the first step (a pause holds the traffic of the step before it)`);
      let last: number | undefined;
      steps.forEach((s: unknown, i: number) => {
        if (typeof s !== 'number' || this.badPaths.has(keyPath(['rollout', 'steps', i]))) return;
        if (last !== undefined && s <= last) this.issue(['rollout', 'steps', i], `steps must increase: ${s} after ${last}`);
        last = s;
      });
    }

    const bakeRaw = this.at(['rollout', 'bake']);
    const bake = bakeRaw === undefined ? parseDuration(DEFAULTS.bake) : this.durationMs(['rollout', 'bake']);
    const intervalRaw = this.at(['rollout', 'analysis', 'interval']);
    const interval = intervalRaw === undefined ? parseDuration(DEFAULTS.interval) : this.durationMs(['rollout', 'analysis', 'interval']);
    if (bake !== undefined && interval !== undefined && bake > 0 && interval > 0 && interval > bake) {
      if (intervalRaw !== undefined) {
        this.issue(['rollout', 'analysis', 'interval'], `must be at most rollout.bake, ${formatDuration(bake)} (got ${show(intervalRaw)})`);
      } else {
        this.issue(
          ['rollout', 'bake'],
          `must be at least rollout.analysis.interval, ${DEFAULTS.interval} by default (got ${show(bakeRaw)})`,
        );
      }
    }

    const mirror = this.ok(['rollout', 'mirror']);
    const mirrorRaw = this.at(['rollout', 'mirror']);
    const probe = this.at(['rollout', 'analysis', 'probe']);
    if (strategy === 'blue-green' && probe === undefined && (mirrorRaw === undefined || mirrorRaw === 0)) {
      this.issue(
        ['rollout', 'strategy'],
        'blue-green needs rollout.analysis.probe or rollout.mirror > 0: the new deployment gets no live traffic before the switch',
      );
    }
    if (typeof mirror === 'number' && mirror > 0 && typeof strategy === 'string' && strategy !== 'blue-green') {
      this.add(
        this.warnings,
        ['rollout', 'mirror'],
        this.valuePos(['rollout', 'mirror']),
        `mirror applies to the blue-green preview only (ignored for strategy '${strategy}')`,
      );
    }
    if (this.ok(['rollout', 'analysis', 'compareToBaseline']) === true) {
      const segs = ['rollout', 'analysis', 'compareToBaseline'];
      this.add(this.warnings, segs, this.valuePos(segs), 'compareToBaseline is planned and not applied yet');
    }
  }

  /** the absolute path when `raw` (relative to the config folder) is an existing `kind`, else an issue */
  private checkPath(segs: readonly Segment[], raw: string, kind: 'file' | 'folder'): string | undefined {
    const abs = path.resolve(this.dir, raw);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (!stat) {
      this.issue(segs, `${kind} '${raw}' does not exist (looked for ${abs})`);
      return undefined;
    }
    if (kind === 'folder' ? !stat.isDirectory() : !stat.isFile()) {
      this.issue(segs, `'${raw}' is not a ${kind} (${abs})`);
      return undefined;
    }
    return abs;
  }

  // ------------------------------------------------------------------------------ resolution

  private resolve(raw: RawFile): ModelshipConfig {
    const abs = (p: string) => path.resolve(this.dir, p);
    const ms = (text: string) => parseDuration(text) as number; // validated above

    const local = raw.target?.local ?? {};
    const port = local.port ?? DEFAULTS.port;
    const smoke = raw.staging?.smoke ?? {};
    const rollout = raw.rollout ?? {};
    const analysis = rollout.analysis ?? {};
    const strategy = rollout.strategy ?? DEFAULTS.strategy;
    const python = local.python ?? DEFAULTS.python;

    const cases: SmokeCaseConfig[] = (smoke.cases ?? []).map((c) => ({
      name: c.name,
      request: abs(c.request),
      ...(c.expect !== undefined ? { expect: abs(c.expect) } : {}),
      tolerance: c.tolerance ?? 0,
    }));

    const config: ModelshipConfig = {
      file: path.resolve(this.file),
      dir: this.dir,
      endpoint: raw.endpoint,
      model: {
        registry: raw.model.registry ?? 'local',
        name: raw.model.name,
        version: String(raw.model.version ?? 'latest'),
        tags: { ...(raw.model.tags ?? {}) },
        local: { path: abs(raw.model.local?.path ?? DEFAULTS.registryPath) },
      },
      serve: {
        code: abs(raw.serve.code),
        scoringScript: raw.serve.scoringScript ?? DEFAULTS.scoringScript,
        ...(raw.serve.requirements !== undefined ? { requirements: abs(raw.serve.requirements) } : {}),
        baseImage: raw.serve.baseImage ?? DEFAULTS.baseImage,
        ...(raw.serve.dockerfile !== undefined ? { dockerfile: abs(raw.serve.dockerfile) } : {}),
        readyPath: raw.serve.readyPath ?? DEFAULTS.readyPath,
        scorePath: raw.serve.scorePath ?? DEFAULTS.scorePath,
        readyTimeout: ms(raw.serve.readyTimeout ?? DEFAULTS.readyTimeout),
      },
      ...(raw.image ? { image: { repository: raw.image.repository } } : {}),
      target: {
        kind: raw.target?.kind ?? 'local',
        local: {
          runtime: local.runtime ?? 'process',
          port,
          stagingPort: local.stagingPort ?? port + 1,
          stateDir: abs(local.stateDir ?? DEFAULTS.stateDir),
          // a bare command is looked up on PATH; anything with a slash is a path
          python: python.includes('/') ? abs(python) : python,
          ...(local.auth ? { authKeyEnv: local.auth.keyEnv } : {}),
        },
        ...(raw.target?.kind === 'kubernetes' ? { kubernetes: resolveKubernetes(raw.target.kubernetes ?? {}, abs) } : {}),
      },
      staging: {
        smoke: {
          cases,
          ...(smoke.maxLatencyP95 !== undefined ? { maxLatencyP95: ms(smoke.maxLatencyP95) } : {}),
          repeat: smoke.repeat ?? DEFAULTS.smokeRepeat,
          timeout: ms(smoke.timeout ?? DEFAULTS.smokeTimeout),
        },
      },
      rollout: {
        strategy,
        steps: resolveSteps(strategy, rollout.steps),
        bake: ms(rollout.bake ?? DEFAULTS.bake),
        mirror: rollout.mirror ?? 0,
        analysis: {
          interval: ms(analysis.interval ?? DEFAULTS.interval),
          minRequests: analysis.minRequests ?? DEFAULTS.minRequests,
          maxErrorRate: analysis.maxErrorRate ?? DEFAULTS.maxErrorRate,
          ...(analysis.maxLatencyP99 !== undefined ? { maxLatencyP99: ms(analysis.maxLatencyP99) } : {}),
          compareToBaseline: analysis.compareToBaseline ?? false,
          ...(analysis.probe ? { probe: { rate: analysis.probe.rate } } : {}),
        },
      },
    };
    return config;
  }
}

function resolveKubernetes(k: RawKubernetes, abs: (p: string) => string): KubernetesTargetConfig {
  const routing = k.routing ?? 'replicas';
  return {
    ...(k.kubeconfig !== undefined ? { kubeconfig: abs(k.kubeconfig) } : {}),
    ...(k.context !== undefined ? { context: k.context } : {}),
    auth: k.auth ?? 'kubeconfig',
    ...(k.namespace !== undefined ? { namespace: k.namespace } : {}),
    ...(k.staging?.namespace !== undefined ? { stagingNamespace: k.staging.namespace } : {}),
    routing,
    replicas: k.replicas ?? 2,
    stagingReplicas: k.staging?.replicas ?? 1,
    resources: { cpu: k.resources?.cpu ?? '250m', memory: k.resources?.memory ?? '512Mi' },
    ...(k.autoscale
      ? { autoscale: { min: k.autoscale.min ?? 1, max: k.autoscale.max, cpuUtilization: k.autoscale.cpuUtilization ?? 70 } }
      : {}),
    ...(routing === 'nginx-ingress'
      ? {
          ingress: {
            ...(k.ingress?.host ? { host: k.ingress.host } : {}),
            className: k.ingress?.className ?? 'nginx',
            path: k.ingress?.path ?? '/',
          },
        }
      : {}),
    ...(k.gateway
      ? {
          gateway: {
            name: k.gateway.name,
            ...(k.gateway.namespace ? { namespace: k.gateway.namespace } : {}),
            ...(k.gateway.sectionName ? { sectionName: k.gateway.sectionName } : {}),
            hostnames: k.gateway.hostnames ?? [],
          },
        }
      : {}),
    ...(k.imagePullSecret !== undefined ? { imagePullSecret: k.imagePullSecret } : {}),
    ...(k.url !== undefined ? { url: k.url.replace(/\/+$/, '') } : {}),
    leaseSeconds: k.leaseSeconds ?? 30,
    ...(k.prometheus
      ? {
          prometheus: {
            url: k.prometheus.url.replace(/\/+$/, ''),
            queries: { ...DEFAULT_PROMETHEUS_QUERIES, ...(k.prometheus.queries ?? {}) },
          },
        }
      : {}),
  };
}

/** canary: as given; linear: N equal steps round(100*i/N); blue-green and all-at-once: none */
export function resolveSteps(strategy: RolloutStrategy, steps: RolloutStep[] | number | undefined): RolloutStep[] {
  switch (strategy) {
    case 'canary':
      return Array.isArray(steps) ? [...steps] : [...DEFAULTS.canarySteps];
    case 'linear': {
      const n = typeof steps === 'number' ? steps : DEFAULTS.linearSteps;
      return Array.from({ length: n }, (_, i) => Math.round((100 * (i + 1)) / n));
    }
    case 'blue-green':
    case 'all-at-once':
      return [];
  }
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => a.issue.line - b.issue.line || a.issue.col - b.issue.col || a.i - b.i)
    .map((x) => x.issue);
}
