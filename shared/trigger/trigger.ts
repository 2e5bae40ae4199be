import { StageError } from '../errors';
import { ModelRegistry } from '../registry/registry';
import { VERSION_RULE, versionString } from '../registry/version';

/**
 * What started a run, turned into a model version. Events carry untrusted data (anyone
 * who can send a repository_dispatch chooses its payload): a request names a model and
 * a version as raw values, and `resolveTrigger` accepts them only when the model is the
 * configured one, the event comes from the configured workspace (when both say which),
 * and the version is one the registry holds.
 */
export type TriggerRequest =
  | {
      kind: 'version';
      /** for log lines, e.g. "repository_dispatch (Azure Event Grid ModelRegistered)" */
      source: string;
      /** the model the event names (raw, unchecked); workflow_dispatch names none */
      model?: unknown;
      /** raw, unchecked */
      version: unknown;
      /**
       * a registration event must name the model, and ships only versions that carry the
       * config's model.tags (the approval gate); a person who names a version
       * (workflow_dispatch) pins it, as --model-version does
       */
      registration: boolean;
      /** the ARM id of the workspace that sent the event (Event Grid `topic`, CloudEvents `source`); raw */
      origin?: unknown;
      /** the alias an MLflow webhook says was set on the version; raw */
      alias?: unknown;
      /** the stage a Databricks webhook says the version moved to; raw */
      stage?: unknown;
    }
  /** no version from the event: `detect` compares the registry with production as usual */
  | { kind: 'poll'; source: string };

export type TriggerDecision =
  | { kind: 'version'; version: string; source: string }
  | { kind: 'poll'; source: string }
  /** a valid event for a version the config does not ship (tags do not match): nothing to do */
  | { kind: 'skip'; source: string; reason: string };

const DOING = 'reading the event that started this run';

export function triggerError(message: string, check?: string): StageError {
  return new StageError(DOING, message, check);
}

/** a value from an untrusted payload, safe to print: quoted (no newlines, so no workflow commands) and short */
export function quoteUntrusted(value: unknown, maxLength = 80): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);
  return JSON.stringify(text.length > maxLength ? `${text.slice(0, maxLength)}…` : text);
}

export interface ConfiguredModel {
  name: string;
  tags: Record<string, string>;
  /** the config file, for error messages */
  file: string;
}

/** ARM ids are case-insensitive, and senders differ on a trailing slash */
function sameArmId(left: string, right: string): boolean {
  const norm = (id: string): string => id.trim().replace(/\/+$/, '').toLowerCase();
  return norm(left) === norm(right);
}

/** Check a request against the config and the registry; throws a StageError that says what was refused and why. */
export async function resolveTrigger(request: TriggerRequest, model: ConfiguredModel, registry: ModelRegistry): Promise<TriggerDecision> {
  if (request.kind === 'poll') return request;
  const { source } = request;
  const expectedOrigin = registry.eventOrigin;
  if (request.origin !== undefined && expectedOrigin !== undefined) {
    if (typeof request.origin !== 'string' || !sameArmId(request.origin, expectedOrigin)) {
      throw triggerError(
        `the ${source} event comes from ${quoteUntrusted(request.origin, 300)}, but this workflow ships from ${expectedOrigin} (model.azureml in ${model.file}); refused`,
        'the Event Grid subscription: subscribe this workflow to the workspace the config names, or use the config of the other workspace',
      );
    }
  }
  if (request.registration && (request.model === undefined || request.model === null || request.model === '')) {
    throw triggerError(`the ${source} event names no model; refused`, 'the payload: it needs data.modelName (Event Grid) or model');
  }
  if (request.model !== undefined && request.model !== model.name) {
    throw triggerError(
      `the ${source} event names model ${quoteUntrusted(request.model)}, but this workflow ships '${model.name}' (model.name in ${model.file}); refused`,
      'the model name the event sender (the Event Grid relay) puts in the payload, or the config this workflow step uses',
    );
  }
  if (request.version === undefined || request.version === null || request.version === '') {
    throw triggerError(
      `the ${source} event carries no model version; refused`,
      'the payload: it needs data.modelVersion (Event Grid) or version',
    );
  }
  const version = versionString(request.version);
  if (version === undefined) {
    throw triggerError(
      `the ${source} event carries model version ${quoteUntrusted(request.version)}, which is not a version (${VERSION_RULE}); refused`,
      'the payload: data.modelVersion (Event Grid) or version',
    );
  }
  const found = await registry.resolve({ name: model.name, version, tags: {} });
  if (!found) {
    throw triggerError(
      `the ${source} event names ${model.name} v${version}, which is not in the ${registry.description}; refused`,
      'that the event comes from the registry the config names (model.registry)',
    );
  }
  const notSelected = registry.eventSkipReason?.({ alias: request.alias, stage: request.stage });
  if (notSelected) return { kind: 'skip', source, reason: `${model.name} v${version}: ${notSelected}: not shipped` };
  if (request.registration) {
    const missing = Object.entries(model.tags).filter(([k, v]) => found.tags[k] !== v);
    if (missing.length) {
      return {
        kind: 'skip',
        source,
        reason: `${model.name} v${version} does not carry ${missing.map(([k, v]) => `${k}=${v}`).join(', ')} (model.tags in ${model.file}): not shipped`,
      };
    }
  }
  return { kind: 'version', version, source };
}
