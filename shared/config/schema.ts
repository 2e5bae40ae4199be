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

/** one instance per schema object: compiling a schema is the expensive part */
export function perSchema<T>(make: (schema: object) => T): (schema: object) => T {
  const cache = new WeakMap<object, T>();
  return (schema) => {
    let instance = cache.get(schema);
    if (!instance) {
      instance = make(schema);
      cache.set(schema, instance);
    }
    return instance;
  };
}

/** the schema's validation of a whole document, compiled once per schema object */
export class SchemaValidator {
  static readonly of = perSchema((schema) => new SchemaValidator(schema));
  private compiled: ValidateFunction | undefined;
  readonly root: SchemaRoot;

  private constructor(readonly schema: object) {
    this.root = asSchemaRoot(schema);
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
    for (const error of this.errors(source.data)) {
      const segs = source.segments(error.instancePath);
      if (error.keyword === 'if') continue; // the failing `then` reports it
      if (error.keyword === 'additionalProperties') {
        const key = String((error.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys((error.parentSchema as SchemaNode).properties ?? {});
        report.error([...segs, key], source.keyPos([...segs, key]), `unknown key '${key}' (allowed: ${allowed.join(', ')})`);
        continue;
      }
      if (error.keyword === 'required') {
        const key = String((error.params as { missingProperty: string }).missingProperty);
        report.markBad([...segs, key]);
        report.error([...segs, key], source.mappingPos(segs), `missing required key '${key}'`);
        continue;
      }
      const group = byPath.get(error.instancePath) ?? [];
      group.push(error);
      byPath.set(error.instancePath, group);
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

  private message(error: ErrorObject, segs: Segment[], source: YamlSource): string {
    const node = (error.parentSchema ?? {}) as SchemaNode;
    const value: unknown = error.data;
    if (error.keyword === 'not') {
      const strategy = asObject(source.at(segs.slice(0, -1)))?.strategy;
      return `${node.errorMessage ?? 'not allowed here'} (remove it for strategy ${show(strategy)})`;
    }
    if (node === this.root.definitions.duration && typeof value === 'number')
      return `must be a duration string like 30s, not a bare number (got ${value})`;
    if (error.keyword === 'maxLength') {
      const why = keyPath(segs) === 'endpoint' ? ': the staging endpoint <endpoint>-staging must fit in 63' : '';
      return `must be at most ${node.maxLength} characters${why} (got ${String(value).length})`;
    }
    const expected = node.errorMessage ?? `must be ${expectation(node)}`;
    const wantsString = node.type === 'string' || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === 'string');
    if (error.keyword === 'type' && wantsString && (typeof value === 'number' || typeof value === 'boolean')) {
      return `${expected} (got the ${typeof value} ${value}: quote it, "${value}")`;
    }
    return `${expected} (got ${show(value)})`;
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** "an integer from 1 to 65535", "one of: a, b", "a mapping" ... from the schema node */
function expectation(node: SchemaNode): string {
  if (node.enum) return `one of: ${node.enum.map(String).join(', ')}`;
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  const names = types.map((type) => {
    switch (type) {
      case 'integer':
      case 'number': {
        const lo = bound(node.minimum, '>=', node.exclusiveMinimum, '>');
        const hi = bound(node.maximum, '<=', node.exclusiveMaximum, '<');
        if (lo?.op === '>=' && hi?.op === '<=') return `${article(type)} from ${lo.value} to ${hi.value}`;
        const bounds = [lo, hi].filter((b): b is { op: string; value: number } => b !== undefined).map((b) => `${b.op} ${b.value}`);
        return bounds.length ? `${article(type)} ${bounds.join(' and ')}` : article(type);
      }
      case 'boolean':
        return 'true or false';
      case 'object':
        return 'a mapping';
      case 'array':
        return node.minItems ? 'a non-empty list' : 'a list';
      case 'string':
        return node.minLength ? 'a non-empty string' : 'a string';
      default:
        return type;
    }
  });
  return names.join(' or ') || 'valid';
}

/** a numeric bound of a schema node: the inclusive one when given, else the exclusive one */
function bound(
  inclusive: number | undefined,
  inclusiveOp: string,
  exclusive: number | undefined,
  exclusiveOp: string,
): { op: string; value: number } | undefined {
  if (inclusive !== undefined) return { op: inclusiveOp, value: inclusive };
  return exclusive !== undefined ? { op: exclusiveOp, value: exclusive } : undefined;
}
