import { isRecord } from '../json';
import { TriggerRequest, quoteUntrusted, triggerError } from './trigger';

/**
 * Model registry webhooks of MLflow, as a trigger request:
 *
 * - open-source MLflow (3.x webhooks): `{ entity, action, timestamp, data }`, e.g.
 *   `model_version` / `created` with `data: { name, version, source, ... }`, or
 *   `model_version_alias` / `created` (an alias set or moved) with
 *   `data: { name, alias, version }`;
 * - Databricks registry webhooks: `{ event: "MODEL_VERSION_CREATED", model_name, version,
 *   to_stage?, ... }`.
 *
 * Only events that name a model version that may ship are taken; the others (a comment, a
 * transition *request*, an alias deleted, a version archived) are refused with what they
 * are. Values stay raw: `resolveTrigger` checks them against the config and the registry.
 */
const MLFLOW_VERSION_EVENTS = new Set(['model_version.created', 'model_version_alias.created', 'model_version_tag.set']);
const DATABRICKS_VERSION_EVENTS = new Set([
  'MODEL_VERSION_CREATED',
  'MODEL_VERSION_TRANSITIONED_STAGE',
  'MODEL_VERSION_TRANSITIONED_TO_STAGING',
  'MODEL_VERSION_TRANSITIONED_TO_PRODUCTION',
  'MODEL_VERSION_TAG_SET',
]);

/** whether the body is an MLflow or Databricks registry webhook */
export function isMlflowWebhook(body: Record<string, unknown>): boolean {
  return (
    (typeof body.entity === 'string' && typeof body.action === 'string' && 'data' in body) ||
    (typeof body.event === 'string' && 'model_name' in body)
  );
}

export function parseMlflowWebhook(body: Record<string, unknown>, what: string, source: string): TriggerRequest {
  if (typeof body.event === 'string') {
    if (!DATABRICKS_VERSION_EVENTS.has(body.event)) {
      throw triggerError(
        `${what} is a Databricks registry webhook for ${quoteUntrusted(body.event)}, which ships nothing; refused`,
        `the webhook's events: ${[...DATABRICKS_VERSION_EVENTS].join(', ')}`,
      );
    }
    return {
      kind: 'version',
      source: `${source} (Databricks registry webhook ${body.event})`,
      model: body.model_name,
      version: body.version,
      registration: true,
      ...(body.to_stage !== undefined ? { stage: body.to_stage } : {}),
    };
  }
  const event = `${String(body.entity)}.${String(body.action)}`;
  if (!MLFLOW_VERSION_EVENTS.has(event)) {
    throw triggerError(
      `${what} is an MLflow webhook for ${quoteUntrusted(event)}, which ships nothing; refused`,
      `the webhook's events: ${[...MLFLOW_VERSION_EVENTS].join(', ')}`,
    );
  }
  const data = body.data;
  if (!isRecord(data)) throw triggerError(`the MLflow ${event} webhook has no data object; refused`);
  return {
    kind: 'version',
    source: `${source} (MLflow webhook ${event})`,
    model: data.name,
    version: data.version,
    registration: true,
    ...(data.alias !== undefined ? { alias: data.alias } : {}),
  };
}
