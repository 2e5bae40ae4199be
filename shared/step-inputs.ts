import { VERSION_RULE, versionString } from './registry/version';

/**
 * Checks of the inputs both pipeline front ends share (the Action's and the task's), kept
 * light: the front ends read their inputs before they load the core.
 */

/**
 * A step's input that takes one of a few words (`command`).
 * @param makeError the front end's input error
 */
export function choiceInput<T extends string>(
  raw: string,
  inputName: string,
  allowed: readonly T[],
  makeError: (message: string) => Error,
): T {
  if (!(allowed as readonly string[]).includes(raw))
    throw makeError(`input '${inputName}' takes one of ${allowed.join(', ')} (got '${raw}')`);
  return raw as T;
}

/** A step's model-version input: undefined when empty, the version otherwise (checked by registry/version.ts). */
export function versionInput(raw: string, inputName: string, makeError: (message: string) => Error): string | undefined {
  if (!raw) return undefined;
  const version = versionString(raw);
  if (version === undefined) {
    throw makeError(
      `input '${inputName}' takes a model version (${VERSION_RULE}), or nothing for model.version of the config (got ${JSON.stringify(raw)})`,
    );
  }
  return version;
}
