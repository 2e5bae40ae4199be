import { ValidateFunction } from 'ajv';
import { Segment } from './issues';
import { SchemaNode, asSchemaRoot, newAjv, perSchema } from './schema';

/**
 * The defaults of modelship.yaml, read from the JSON Schema: a key's default is written
 * once, as the `default` of its schema node, and nowhere in code. (A default that depends
 * on another key is either a conditional `default` in the schema, like the linear
 * strategy's steps, or, where the schema cannot express it, computed by resolve.ts, which
 * says so.)
 */
export class SchemaDefaults {
  static readonly of = perSchema((schema) => new SchemaDefaults(schema));
  private compiled: ValidateFunction | undefined;

  private constructor(private readonly schema: object) {}

  /**
   * The `default` of the key at `segs` (a copy), following `properties` and `items`;
   * undefined when the schema gives none there. Conditional defaults (in `then`) are not
   * seen here: `fill` applies them.
   */
  at(segs: readonly Segment[]): unknown {
    let node: SchemaNode | undefined = asSchemaRoot(this.schema);
    for (const seg of segs) node = typeof seg === 'number' ? node?.items : node?.properties?.[seg];
    return node?.default === undefined ? undefined : structuredClone(node.default);
  }

  /**
   * A copy of `value`, the value at `segs` of a document, with every default the schema
   * gives for it filled in at any depth: a key that is absent gets its `default` (itself
   * filled in when it is a mapping), and the `then` of a condition that holds adds its
   * own (the steps of a strategy). Ajv's `useDefaults` does it, with the semantics editors
   * follow. `value` should have passed validation; it is not modified.
   */
  fill<T>(segs: readonly Segment[], value: unknown): T {
    // the value is placed in an otherwise empty document at `segs`: the schema's own
    // conditions then apply, and no subschema is compiled on its own
    let doc: unknown = structuredClone(value);
    for (let i = segs.length - 1; i >= 0; i--) {
      const seg = segs[i];
      doc = typeof seg === 'number' ? [doc] : { [seg]: doc };
    }
    // its errors (the keys a partial document lacks) do not stop the filling: allErrors
    this.filler()(doc);
    for (const seg of segs) doc = typeof seg === 'number' ? (doc as unknown[])[0] : (doc as Record<string, unknown>)[seg];
    return doc as T;
  }

  private filler(): ValidateFunction {
    // another Ajv than validation's: this one writes into the data it is given
    this.compiled ??= newAjv({ useDefaults: true }).compile(this.schema);
    return this.compiled;
  }
}
