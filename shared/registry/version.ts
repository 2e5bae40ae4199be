/**
 * Model versions as the registries spell them. The local registry numbers versions 1, 2,
 * 3...; Azure ML and MLflow accept strings ("3", "2024-05-01.1"). Every version that
 * enters the core from a person or an event goes through `versionString`, so a version
 * is always a short, printable string and never a path or a command.
 */
/** the selector word for "the newest version that matches", as opposed to one version */
export const LATEST = 'latest';

export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const VERSION_RULE = "letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters";

/** a version from untrusted input: a positive safe integer or a string of the allowed characters; undefined otherwise */
export function versionString(raw: unknown): string | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 1 ? String(raw) : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return VERSION_PATTERN.test(text) ? text : undefined;
}

/**
 * Order two versions for display when a registry gives no order of its own: whole
 * numbers numerically, whole numbers before other strings, other strings by their
 * digit runs ("1.10" after "1.9").
 */
export function compareVersions(a: string, b: string): number {
  const intA = /^[0-9]+$/.test(a);
  const intB = /^[0-9]+$/.test(b);
  if (intA && intB) return Number(a) - Number(b) || a.localeCompare(b);
  if (intA !== intB) return intA ? -1 : 1;
  return a.localeCompare(b, 'en', { numeric: true });
}
