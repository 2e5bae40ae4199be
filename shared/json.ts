/** Narrowing helpers for values parsed from JSON or YAML (payloads, API answers, state files). */

/** a plain object (not null, not an array) */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** an object whose values are all strings (tags, labels, annotations) */
export function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** the value of the first key present, matched without regard to case ("ModelName" or "modelName") */
export function getIgnoringCase(record: Record<string, unknown>, key: string): unknown {
  if (key in record) return record[key];
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(record)) if (name.toLowerCase() === wanted) return value;
  return undefined;
}
