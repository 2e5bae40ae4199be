import { Document, LineCounter, Node as YamlNode, Pair, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { IssueReport, Position, Segment, show } from './issues';
import { firstLine } from '../errors';

/**
 * The configuration file as YAML: the parsed document with the position of every node,
 * and its plain data. Maps a key path to the line and column a message should point at.
 */
export class YamlSource {
  private constructor(
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
    /** the document as plain data (a mapping at the top) */
    readonly data: unknown,
  ) {}

  /**
   * Parses `text`, reporting YAML errors, duplicate keys and YAML warnings. Undefined when
   * the document cannot be validated at all (a syntax error, several documents, an empty
   * file, a top level that is not a mapping).
   */
  static parse(text: string, report: IssueReport): YamlSource | undefined {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const source = new YamlSource(doc, lineCounter, undefined);

    let structural = false;
    const seen = new Set<string>();
    for (const err of doc.errors) {
      const pos = lineCounter.linePos(err.pos[0]);
      // one parse problem often raises several errors at one place: the first says it best
      const where = `${pos.line}:${pos.col}`;
      if (seen.has(where)) continue;
      seen.add(where);
      if (err.code === 'DUPLICATE_KEY') {
        const segs = source.pathAtOffset(err.pos[0]);
        const key = segs.length ? String(segs[segs.length - 1]) : '';
        report.error(segs, pos, `duplicate key '${key}' (a key may appear once per mapping)`);
      } else if (err.code === 'MULTIPLE_DOCS') {
        structural = true;
        report.error([], pos, "the file must hold one YAML document (found another one after '---')");
      } else {
        structural = true;
        report.error([], pos, `invalid YAML: ${firstLine(err.message)}`);
      }
    }
    for (const w of doc.warnings) report.warning([], lineCounter.linePos(w.pos[0]), `YAML: ${firstLine(w.message)}`);
    if (structural) return undefined;

    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) {
      report.error([], { line: 1, col: 1 }, 'the file is empty (it needs at least endpoint, model.name and serve.code)');
      return undefined;
    }
    if (!isMap(contents)) {
      const got = isSeq(contents) ? 'a list' : `a single value ${show(isScalar(contents) ? contents.value : undefined)}`;
      report.error(
        [],
        source.nodePos(contents) ?? { line: 1, col: 1 },
        `the file must be a mapping of keys such as endpoint, model, serve (got ${got})`,
      );
      return undefined;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err: unknown) {
      report.error([], { line: 1, col: 1 }, `invalid YAML: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    return new YamlSource(doc, lineCounter, data);
  }

  // ------------------------------------------------------------------------------ data

  /** the value at `segs`, undefined when absent */
  at(segs: readonly Segment[]): unknown {
    let value: unknown = this.data;
    for (const seg of segs) {
      if (Array.isArray(value) && typeof seg === 'number') value = value[seg];
      else value = asObject(value)?.[String(seg)];
      if (value === undefined) return undefined;
    }
    return value;
  }

  /** a JSON pointer of the data ("/rollout/steps/0") -> ['rollout', 'steps', 0], numbers where the data is a list */
  segments(pointer: string): Segment[] {
    if (!pointer) return [];
    const segs: Segment[] = [];
    let value: unknown = this.data;
    for (const part of pointer.slice(1).split('/')) {
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

  // ------------------------------------------------------------------------------ positions

  /** the value at `segs`; for an empty value, its key; when absent, the deepest ancestor found */
  valuePos(segs: readonly Segment[]): Position {
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
  keyPos(segs: readonly Segment[]): Position {
    const trail = this.walk(segs);
    const last = trail[trail.length - 1];
    if (last.depth === segs.length && last.pair) return this.nodePos(last.pair.key) ?? this.valuePos(segs);
    return this.valuePos(segs);
  }

  /** a mapping that lacks a key: the mapping itself; 1:1 for the root */
  mappingPos(segs: readonly Segment[]): Position {
    return segs.length === 0 ? { line: 1, col: 1 } : this.valuePos(segs);
  }

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

  /** the key path of the innermost key or value at a source offset */
  private pathAtOffset(offset: number): Segment[] {
    const segs: Segment[] = [];
    let node: unknown = this.doc.contents;
    const within = (node: unknown) => {
      const range = node !== null && typeof node === 'object' ? (node as YamlNode).range : undefined;
      return range !== undefined && range !== null && offset >= range[0] && offset < Math.max(range[1], range[0] + 1);
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
}

export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}
