/**
 * Structural comparison of a scoring answer with the expected one. Numbers are equal
 * within an absolute tolerance (models are retrained; predictions move a little);
 * everything else must match exactly, including the set of object keys.
 */
export function compareJson(expected: unknown, actual: unknown, tolerance: number, path = '$'): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    // NaN never equals anything (JSON cannot carry it, but a parsed value could in theory)
    return Math.abs(expected - actual) <= tolerance ? [] : [`${path}: expected ${expected}, got ${actual} (tolerance ${tolerance})`];
  }
  const expectedKind = kindOf(expected);
  const actualKind = kindOf(actual);
  if (expectedKind !== actualKind) return [`${path}: expected ${describe(expected)}, got ${describe(actual)}`];

  if (Array.isArray(expected) && Array.isArray(actual)) {
    // after a length change, items no longer line up: one clear message beats a cascade
    if (expected.length !== actual.length) return [`${path}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((item, i) => compareJson(item, actual[i], tolerance, `${path}[${i}]`));
  }

  if (expectedKind === 'object') {
    const exp = expected as Record<string, unknown>;
    const act = actual as Record<string, unknown>;
    const out: string[] = [];
    for (const key of Object.keys(exp)) {
      const at = childPath(path, key);
      if (!Object.prototype.hasOwnProperty.call(act, key)) out.push(`${at}: missing`);
      else out.push(...compareJson(exp[key], act[key], tolerance, at));
    }
    for (const key of Object.keys(act)) {
      if (!Object.prototype.hasOwnProperty.call(exp, key)) out.push(`${childPath(path, key)}: unexpected key`);
    }
    return out;
  }

  return expected === actual ? [] : [`${path}: expected ${describe(expected)}, got ${describe(actual)}`];
}

type Kind = 'number' | 'string' | 'boolean' | 'null' | 'array' | 'object' | 'other';

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'object':
      return typeof value as Kind;
    default:
      return 'other';
  }
}

const MAX_SHOWN = 80;

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (value !== null && typeof value === 'object') return 'an object';
  if (value === undefined) return 'nothing';
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
