import Ajv, { ErrorObject, Options, ValidateFunction } from 'ajv';
import { IssueReport, Segment, keyPath, show } from './issues';
import schemaJson from './modelship.schema.json';
import { YamlSource, asObject } from './yaml-source';

/**
 * Validation against the JSON Schema of modelship.yaml (modelship.schema.json), and the
 * schema's errors as located issues: one per wrong value, phrased with the schema's own
 * `errorMessage` (the message editors show) or from its type and bounds.
 */

/** the parts of a JSON Schema node the loader reads */
export interface SchemaNode {
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
  items?: SchemaNode;
  default?: unknown;
  errorMessage?: string;
}

export interface SchemaRoot extends SchemaNode {
  $id?: string;
  definitions: Record<string, SchemaNode>;
}

/** the schema that ships with modelship */
export const bundledSchema: object = schemaJson;

export function asSchemaRoot(schema: object): SchemaRoot {
  return schema as SchemaRoot;
}

/** an Ajv for the configuration schema (draft-07, strict, with its `errorMessage` keyword) */
export function newAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, ...options });
  // `errorMessage` is the message editors (yaml-language-server) show; here it phrases issues
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  return ajv;
}

/** the schema's validation of a whole document, compiled once per schema object */
export class SchemaValidator {
  private static readonly cache = new WeakMap<object, SchemaValidator>();
  private compiled: ValidateFunction | undefined;
  readonly root: SchemaRoot;

  private constructor(readonly schema: object) {
    this.root = asSchemaRoot(schema);
  }

  static of(schema: object): SchemaValidator {
    let v = SchemaValidator.cache.get(schema);
    if (!v) {
      v = new SchemaValidator(schema);
      SchemaValidator.cache.set(schema, v);
    }
    return v;
  }

  /** every error of `data` (which is not modified: no defaults are filled in here) */
  errors(data: unknown): ErrorObject[] {
    this.compiled ??= newAjv({ verbose: true }).compile(this.schema);
    return this.compiled(data) ? [] : [...(this.compiled.errors ?? [])];
  }

  /**
   * Reports the schema's errors for the document of `source`: unknown keys at the key,
   * missing keys at the mapping that lacks them, wrong values at the value (one issue per
   * value). Wrong and missing values are marked bad, so the semantic checks skip them.
   */
  check(source: YamlSource, report: IssueReport): void {
    const byPath = new Map<string, ErrorObject[]>();
    for (const e of this.errors(source.data)) {
      const segs = source.segments(e.instancePath);
      if (e.keyword === 'if') continue; // the failing `then` reports it
      if (e.keyword === 'additionalProperties') {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys((e.parentSchema as SchemaNode).properties ?? {});
        report.error([...segs, key], source.keyPos([...segs, key]), `unknown key '${key}' (allowed: ${allowed.join(', ')})`);
        continue;
      }
      if (e.keyword === 'required') {
        const key = String((e.params as { missingProperty: string }).missingProperty);
        report.markBad([...segs, key]);
        report.error([...segs, key], source.mappingPos(segs), `missing required key '${key}'`);
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
      const segs = source.segments(instancePath);
      report.markBad(segs);
      report.error(segs, source.valuePos(segs), this.message(best, segs, source));
    }
  }

  private message(e: ErrorObject, segs: Segment[], source: YamlSource): string {
    const s = (e.parentSchema ?? {}) as SchemaNode;
    const value: unknown = e.data;
    if (e.keyword === 'not') {
      const strategy = asObject(source.at(segs.slice(0, -1)))?.strategy;
      return `${s.errorMessage ?? 'not allowed here'} (remove it for strategy ${show(strategy)})`;
    }
    if (s === this.root.definitions.duration && typeof value === 'number')
      return `must be a duration string like 30s, not a bare number (got ${value})`;
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
