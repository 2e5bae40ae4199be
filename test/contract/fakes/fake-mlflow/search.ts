/**
 * The search grammar of `GET /api/2.0/mlflow/model-versions/search`, as the MLflow 2.x server
 * parses it (mlflow/utils/search_utils.py SearchModelVersionUtils + SearchUtils, with sqlparse
 * doing the tokenizing) and as its SQLAlchemy model registry store checks it
 * (mlflow/store/model_registry/sqlalchemy_store.py `_get_search_model_versions_filter_clauses`,
 * `_parse_search_model_versions_order_by`). The messages are the real ones; where a message prints
 * a Python set, the fake prints it sorted (Python's order is not stable across processes).
 *
 * filter   := clause ( AND clause )*                       (AND only: OR, NOT, parentheses are errors)
 * clause   := ident comparator value
 * ident    := name | version_number | run_id | source_path      (optionally prefixed `attribute.`)
 *           | tag.<key> | tags.<key>                            (key may be `backticked` or "quoted")
 * value    := 'single quoted' | "double quoted" | number (version_number only) | ( 'a', 'b' ) (run_id IN only)
 * comparators: version_number: = != < <= > >= ; name, run_id, source_path: = != LIKE ILIKE (+ IN for run_id);
 *              tags: = != LIKE ILIKE.  LIKE is case-sensitive (% any run, _ one character), ILIKE is not.
 * order_by := key [ASC|DESC], one per `order_by` parameter; keys name, version_number,
 *             creation_timestamp, last_updated_timestamp (optionally `attribute.`).
 */
import { invalidParameter, mlflowError } from './errors';

export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'IN';

export interface FilterClause {
  type: 'attribute' | 'tag';
  /** attribute: name | version_number | run_id | source_path; tag: the tag key */
  key: string;
  comparator: Comparator;
  /** a string, a number (version_number), or the run ids of an IN list */
  value: string | number | string[];
}

export interface OrderTerm {
  key: 'name' | 'version_number' | 'creation_timestamp' | 'last_updated_timestamp';
  ascending: boolean;
}

export const VALID_SEARCH_ATTRIBUTE_KEYS = ['name', 'version_number', 'run_id', 'source_path'];
export const VALID_ORDER_BY_ATTRIBUTE_KEYS = ['name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'];
const NUMERIC_ATTRIBUTES = ['version_number', 'creation_timestamp', 'last_updated_timestamp'];
const NUMERIC_COMPARATORS = ['>', '>=', '!=', '=', '<', '<='];
const STRING_COMPARATORS = ['!=', '=', 'LIKE', 'ILIKE', 'IN'];
const TAG_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE'];

/** Python's repr of a set of strings (sorted here) */
const pySet = (items: string[]) =>
  `{${[...items]
    .sort()
    .map((s) => `'${s}'`)
    .join(', ')}}`;
/** Python's repr of a list of strings */
const pyList = (items: string[]) => `[${items.map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;

// ------------------------------------------------------------------------------------------ tokens

type TokenKind = 'ws' | 'string' | 'ident' | 'number' | 'op' | 'keyword' | 'paren' | 'punct' | 'other';

interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'ILIKE', 'IN', 'IS', 'NULL', 'BETWEEN']);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const identPart = /^(`[^`]*`|"[^"]*"|[A-Za-z_][A-Za-z0-9_]*)/;
  while (i < input.length) {
    const rest = input.slice(i);
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^\s+/))) {
      tokens.push({ kind: 'ws', text: m[0] });
    } else if ((m = rest.match(/^'(''|\\\\|\\'|[^'])*'/))) {
      tokens.push({ kind: 'string', text: m[0] });
    } else if (rest[0] === '(') {
      // a parenthesis group, kept whole (as sqlparse groups it); unbalanced: the rest of the input
      let depth = 0;
      let j = 0;
      let inString = false;
      for (; j < rest.length; j += 1) {
        const c = rest[j];
        if (c === "'") inString = !inString;
        else if (!inString && c === '(') depth += 1;
        else if (!inString && c === ')') {
          depth -= 1;
          if (depth === 0) break;
        }
      }
      tokens.push({ kind: 'paren', text: rest.slice(0, j + 1) });
    } else if ((m = rest.match(/^-?\d+(\.\d+)?([eE][-+]?\d+)?(?![A-Za-z_])/))) {
      tokens.push({ kind: 'number', text: m[0] });
    } else if ((m = rest.match(/^(!=|<>|<=|>=|=|<|>)/))) {
      tokens.push({ kind: 'op', text: m[0] });
    } else if ((m = rest.match(identPart))) {
      // dotted identifiers: tags.`my key`, attribute.name, tags."k"
      let text = m[0];
      let tail = rest.slice(text.length);
      let dotted: RegExpMatchArray | null;
      while ((dotted = tail.match(/^\.(`[^`]*`|"[^"]*"|[A-Za-z_0-9][A-Za-z0-9_-]*)/))) {
        text += dotted[0];
        tail = tail.slice(dotted[0].length);
      }
      const isWord = /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
      tokens.push({ kind: isWord && KEYWORDS.has(text.toUpperCase()) ? 'keyword' : 'ident', text });
    } else if (rest[0] === ',' || rest[0] === ';' || rest[0] === ')') {
      tokens.push({ kind: 'punct', text: rest[0] });
    } else {
      tokens.push({ kind: 'other', text: rest[0] });
    }
    i += tokens[tokens.length - 1].text.length;
  }
  return tokens;
}

// ------------------------------------------------------------------------------------------ filter

interface RawClause {
  ident: Token;
  comparator: string;
  value: Token;
}

/**
 * sqlparse-like structure check: the statement may hold comparisons, AND keywords and whitespace,
 * nothing else (two comparisons side by side pass, as they do in MLflow); the other tokens are
 * named in the error.
 */
function splitClauses(filter: string): RawClause[] {
  const tokens = tokenize(filter).filter((t) => t.kind !== 'ws');
  if (tokens.some((t) => t.text === ';'))
    throw invalidParameter(`Search filter contained multiple expression '${filter}'. Provide AND-ed expression list.`);
  const clauses: RawClause[] = [];
  const invalid: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const ident = tokens[i];
    const op = tokens[i + 1];
    const identLike = ident.kind === 'ident' || ident.kind === 'string';
    if (identLike && op !== undefined) {
      // ident NOT IN (...)
      if (
        op.kind === 'keyword' &&
        op.text.toUpperCase() === 'NOT' &&
        tokens[i + 2]?.kind === 'keyword' &&
        tokens[i + 2].text.toUpperCase() === 'IN' &&
        tokens[i + 3]?.kind === 'paren'
      ) {
        clauses.push({ ident, comparator: 'NOT IN', value: tokens[i + 3] });
        i += 4;
        continue;
      }
      const value = tokens[i + 2];
      const upper = op.text.toUpperCase();
      const isComparator = op.kind === 'op' || (op.kind === 'keyword' && ['LIKE', 'ILIKE', 'IN'].includes(upper));
      const isValue =
        value !== undefined && (value.kind === 'string' || value.kind === 'number' || value.kind === 'ident' || value.kind === 'paren');
      if (isComparator && isValue && (upper !== 'IN' || value.kind === 'paren')) {
        clauses.push({ ident, comparator: upper, value });
        i += 3;
        continue;
      }
    }
    if (!(ident.kind === 'keyword' && ident.text.toUpperCase() === 'AND')) invalid.push(ident);
    i += 1;
  }
  if (invalid.length > 0) throw invalidParameter(`Invalid clause(s) in filter string: ${invalid.map((t) => t.text).join(', ')}`);
  return clauses;
}

function isQuoted(value: string, q: string): boolean {
  return value.length >= 2 && value.startsWith(q) && value.endsWith(q);
}

/** SearchUtils._strip_quotes */
function stripQuotes(value: string, expectQuoted: boolean): string {
  if (isQuoted(value, "'") || isQuoted(value, '"')) return value.slice(1, -1);
  if (expectQuoted)
    throw invalidParameter(
      `Parameter value is either not quoted or unidentified quote types used for string value ${value}. Use either single or double quotes.`,
    );
  return value;
}

const trimBackticks = (s: string) => (isQuoted(s, '`') ? s.slice(1, -1) : s);

/** SearchModelVersionUtils._get_model_version_search_identifier */
function identifierOf(text: string): { type: 'attribute' | 'tag'; key: string } {
  const dot = text.indexOf('.');
  let type: 'attribute' | 'tag' = 'attribute';
  let key = text;
  if (dot >= 0) {
    const entity = text.slice(0, dot);
    key = text.slice(dot + 1);
    if (!['attribute', 'tag', 'tags'].includes(entity))
      throw invalidParameter(`Invalid entity type '${entity}'. Valid entity types are ('attribute', 'tag', 'tags')`);
    type = entity === 'attribute' ? 'attribute' : 'tag';
  }
  if (type === 'attribute' && !VALID_SEARCH_ATTRIBUTE_KEYS.includes(key))
    throw invalidParameter(`Invalid attribute key '${key}' specified. Valid keys are '${pySet(VALID_SEARCH_ATTRIBUTE_KEYS)}'`);
  return { type, key: trimBackticks(stripQuotes(key, false)) };
}

/** Python's str.islower(): at least one cased character and no upper-case one */
function pyIsLower(s: string): boolean {
  return s !== s.toUpperCase() && s === s.toLowerCase();
}

/** SearchUtils._parse_list_from_sql_token + _parse_run_ids */
function runIdList(paren: string): string[] {
  const inner = paren.slice(1, -1).trim();
  if (inner === '')
    throw invalidParameter('While parsing a list in the query, expected a non-empty list of string values, but got empty list');
  const items: string[] = [];
  const re = /\s*('((?:\\'|[^'])*)'|"((?:\\"|[^"])*)"|([^,]+))\s*(,|$)/y;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while (consumed < inner.length && (m = re.exec(inner)) !== null) {
    consumed = re.lastIndex;
    if (m[4] !== undefined) {
      const raw = m[4].trim();
      if (/^-?\d+(\.\d+)?$/.test(raw))
        throw invalidParameter(
          `While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: (${inner})`,
        );
      throw invalidParameter('While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.');
    }
    items.push(m[2] ?? m[3] ?? '');
    if (m[5] === '') break;
  }
  if (consumed < inner.length)
    throw invalidParameter('While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.');
  // MySQL's IN is case-insensitive and run ids are lower case: the server drops the others
  return items.filter(pyIsLower);
}

/** SearchModelVersionUtils._get_value */
function valueOf(type: 'attribute' | 'tag', key: string, token: Token): string | number | string[] {
  if (type === 'tag') {
    if (token.kind === 'string' || token.kind === 'ident') return stripQuotes(token.text, true);
    throw invalidParameter(`Expected a quoted string value for tag (e.g. 'my-value'). Got value ${token.text}`);
  }
  if (token.kind === 'string' || token.kind === 'ident') return stripQuotes(token.text, true);
  if (token.kind === 'paren') {
    if (key !== 'run_id') throw invalidParameter("Only the 'run_id' attribute supports comparison with a list of quoted string values.");
    return runIdList(token.text);
  }
  if (token.kind === 'number') {
    if (!NUMERIC_ATTRIBUTES.includes(key))
      throw invalidParameter(`Only the '${pySet(NUMERIC_ATTRIBUTES)}' attributes support comparison with numeric values.`);
    return Number(token.text);
  }
  throw invalidParameter(`Expected a quoted string value or a list of quoted string values for attributes. Got value ${token.text}`);
}

/**
 * Parses and checks a model-version filter as the server does; throws the server's
 * INVALID_PARAMETER_VALUE answer for what it rejects. An empty filter matches everything.
 */
export function parseModelVersionFilter(filter: string | undefined): FilterClause[] {
  if (filter === undefined || filter === '') return [];
  const raw = splitClauses(filter);
  const parsed = raw.map((c) => {
    const id = identifierOf(c.ident.kind === 'string' ? stripQuotes(c.ident.text, false) : c.ident.text);
    return { ...id, comparator: c.comparator, value: valueOf(id.type, id.key, c.value) };
  });
  // the store's checks come after parsing every clause
  for (const c of parsed) {
    if (c.type === 'attribute') {
      if (NUMERIC_ATTRIBUTES.includes(c.key)) {
        if (!NUMERIC_COMPARATORS.includes(c.comparator))
          throw invalidParameter(`Invalid comparator for attribute ${c.key}: ${c.comparator}`);
      } else if (!STRING_COMPARATORS.includes(c.comparator) || (c.comparator === 'IN' && c.key !== 'run_id')) {
        throw invalidParameter(`Invalid comparator for attribute: ${c.comparator}`);
      }
    } else if (!TAG_COMPARATORS.includes(c.comparator)) {
      throw invalidParameter(`Invalid comparator for tag: ${c.comparator}`);
    }
    if ((c.comparator === 'IN') !== Array.isArray(c.value))
      // the real server hands such a clause to SQLAlchemy, which fails: the fake refuses it plainly
      throw invalidParameter(`Invalid clause(s) in filter string: ${c.key} ${c.comparator} (FAKE: a list needs IN, IN needs a list)`);
  }
  return parsed as FilterClause[];
}

// ------------------------------------------------------------------------------------------ matching

function likeToRegExp(pattern: string, flags: string): RegExp {
  let re = '';
  for (const ch of pattern) {
    if (ch === '%') re += '[\\s\\S]*';
    else if (ch === '_') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, flags);
}

function compare(lhs: string | number, comparator: Comparator, rhs: string | number | string[]): boolean {
  if (comparator === 'IN') return Array.isArray(rhs) && rhs.includes(String(lhs));
  if (Array.isArray(rhs)) return false;
  if (comparator === 'LIKE' || comparator === 'ILIKE')
    return likeToRegExp(String(rhs), comparator === 'ILIKE' ? 'i' : '').test(String(lhs));
  let a: string | number = lhs;
  let b: string | number = rhs;
  if (typeof lhs === 'number') {
    // an integer column compared with '3': the database casts the literal
    const n = typeof rhs === 'number' ? rhs : /^\s*-?\d+(\.\d+)?\s*$/.test(rhs) ? Number(rhs) : NaN;
    if (Number.isNaN(n)) return false;
    b = n;
  } else {
    a = String(lhs);
    b = String(rhs);
  }
  switch (comparator) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

export interface SearchableVersion {
  name: string;
  version: number;
  source: string | undefined;
  runId: string | undefined;
  tags: Map<string, string>;
}

/** every clause must hold; a NULL column (no run id, no such tag) matches no comparison, as in SQL */
export function matchesFilter(mv: SearchableVersion, clauses: FilterClause[]): boolean {
  return clauses.every((c) => {
    let lhs: string | number | undefined;
    if (c.type === 'tag') lhs = mv.tags.get(c.key);
    else if (c.key === 'name') lhs = mv.name;
    else if (c.key === 'version_number') lhs = mv.version;
    else if (c.key === 'run_id') lhs = mv.runId;
    else if (c.key === 'source_path') lhs = mv.source;
    if (lhs === undefined) return false;
    return compare(lhs, c.comparator, c.value);
  });
}

// ------------------------------------------------------------------------------------------ order_by

/** SearchUtils._parse_order_by_string + SearchExperimentsUtils._get_identifier + the store's checks */
export function parseOrderBy(orderBy: string[]): OrderTerm[] {
  const terms: OrderTerm[] = [];
  const seen = new Set<string>();
  for (const clause of orderBy) {
    const trimmed = clause.trim();
    const m = trimmed.match(/^((?:[A-Za-z_][A-Za-z0-9_]*\.)?(?:`[^`]*`|"[^"]*"|[A-Za-z_][A-Za-z0-9_]*))(?:\s+(\S+))?$/);
    if (!m) throw invalidParameter(`Invalid order_by clause '${clause}'. Could not be parsed.`);
    const [, ident, direction] = m;
    if (direction !== undefined && !['asc', 'desc'].includes(direction.toLowerCase()))
      throw invalidParameter(`Invalid ordering key in order_by clause '${clause}'.`);
    const dot = ident.indexOf('.');
    let type = 'attribute';
    let key = ident.replace(/^`|`$/g, '');
    if (dot >= 0 && !isQuoted(ident, '`')) {
      const entity = ident.slice(0, dot);
      key = ident.slice(dot + 1);
      if (!['attribute', 'tag', 'tags'].includes(entity))
        throw invalidParameter(`Invalid entity type '${entity}'. Valid entity types are ('attribute', 'tag', 'tags')`);
      type = entity === 'attribute' ? 'attribute' : 'tag';
      key = trimBackticks(stripQuotes(key, false));
    }
    if (type === 'attribute' && !VALID_ORDER_BY_ATTRIBUTE_KEYS.includes(key))
      throw invalidParameter(`Invalid attribute key '${key}' specified. Valid keys are '${pySet(VALID_ORDER_BY_ATTRIBUTE_KEYS)}'`);
    if (!VALID_ORDER_BY_ATTRIBUTE_KEYS.includes(key))
      throw invalidParameter(`Invalid order by key '${key}' specified. Valid keys are ${pySet(VALID_ORDER_BY_ATTRIBUTE_KEYS)}`);
    if (seen.has(key))
      // a plain MlflowException: the default error code, INTERNAL_ERROR (HTTP 500)
      throw mlflowError('INTERNAL_ERROR', `\`order_by\` contains duplicate fields: ${pyList(orderBy)}`);
    seen.add(key);
    terms.push({ key: key as OrderTerm['key'], ascending: direction === undefined || direction.toLowerCase() === 'asc' });
  }
  // tie-breakers the store appends
  if (!seen.has('name')) terms.push({ key: 'name', ascending: true });
  if (!seen.has('version_number')) terms.push({ key: 'version_number', ascending: false });
  return terms;
}

/** the store's order when the request names none */
export const DEFAULT_ORDER_BY = ['last_updated_timestamp DESC', 'name ASC', 'version_number DESC'];

// ------------------------------------------------------------------------------------------ page tokens

/** SearchUtils.create_page_token: base64 of json.dumps({"offset": n}) */
export function createPageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }).replace(':', ': '), 'utf8').toString('base64');
}

/** SearchUtils.parse_start_offset_from_page_token, with its messages */
export function parsePageToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  const cleaned = token.replace(/[^A-Za-z0-9+/=]/g, '');
  if (cleaned.length % 4 !== 0 || /=[^=]/.test(cleaned)) throw invalidParameter('Invalid page token, could not base64-decode');
  const decoded = Buffer.from(cleaned, 'base64').toString('latin1');
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    throw invalidParameter(`Invalid page token, decoded value=b'${decoded}'`);
  }
  const offset =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>).offset : undefined;
  if (offset === undefined || offset === null || offset === 0 || offset === '' || offset === false)
    throw invalidParameter(`Invalid page token, parsed value=${decoded.replace(/"/g, "'")}`);
  const n = typeof offset === 'number' ? offset : typeof offset === 'string' && /^\s*-?\d+\s*$/.test(offset) ? Number(offset) : NaN;
  if (!Number.isInteger(n))
    throw invalidParameter(`Invalid page token, not stringable ${typeof offset === 'string' ? offset : JSON.stringify(offset)}`);
  return n;
}
