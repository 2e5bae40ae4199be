import { isRecord } from '../json';
import { EVENT_GRID_VALIDATION, MODEL_REGISTERED, eventGridType, modelRegisteredData } from './event-grid';
import { isMlflowWebhook, parseMlflowWebhook } from './mlflow-webhook';
import { TriggerRequest, quoteUntrusted, triggerError } from './trigger';

/**
 * The one parser of an event body that names a model version, for every front end: the
 * `client_payload` of a GitHub repository_dispatch and the webhook payload an Azure
 * DevOps pipeline receives. The body may be:
 *
 * - an Azure Event Grid ModelRegistered event (Event Grid or CloudEvents schema), or an
 *   array holding exactly one (Event Grid delivers arrays);
 * - an MLflow or Databricks model registry webhook (mlflow-webhook.ts);
 * - a plain `{ model, version }`.
 *
 * Nothing here trusts the body: values stay raw until `resolveTrigger` checks them.
 */
export interface PayloadSource {
  /** how the body is named in messages, e.g. "the repository_dispatch client_payload" */
  what: string;
  /** the run's origin in log lines, e.g. "repository_dispatch" */
  source: string;
  /** what to check when several events arrive in one body */
  oneEventPerRun: string;
  /** what to check when the body has no known shape */
  sender: string;
}

export function parseEventPayload(payload: unknown, from: PayloadSource): TriggerRequest {
  let body = payload;
  if (Array.isArray(body)) {
    if (body.length !== 1) throw triggerError(`${from.what} holds ${body.length} events; refused`, from.oneEventPerRun);
    body = body[0];
  }
  if (!isRecord(body)) {
    throw triggerError(
      `${from.what} is not an object; refused`,
      `${from.sender}: the body is an Event Grid event, or { "model": NAME, "version": V }`,
    );
  }
  if (isMlflowWebhook(body)) return parseMlflowWebhook(body, from.what, from.source);
  const type = eventGridType(body);
  if (type !== undefined) {
    if (type === EVENT_GRID_VALIDATION) {
      // answering it would mean calling a URL from an untrusted payload; the recipes validate by hand
      throw triggerError(
        `${from.what} is Event Grid's subscription validation event, not a model registration; refused`,
        'validate the subscription once by opening its validationUrl (workflows-examples/azure-pipelines/eventgrid-subscription.md)',
      );
    }
    if (type !== MODEL_REGISTERED) {
      throw triggerError(
        `${from.what} is a ${quoteUntrusted(type)} event, not ${MODEL_REGISTERED}; refused`,
        'the Event Grid subscription filter (--included-event-types)',
      );
    }
    const data = modelRegisteredData(body);
    if (!data) throw triggerError(`the ${MODEL_REGISTERED} event has neither a data object nor a models/NAME:VERSION subject; refused`);
    return {
      kind: 'version',
      source: `${from.source} (Azure Event Grid ModelRegistered)`,
      model: data.modelName,
      version: data.modelVersion,
      registration: true,
      origin: data.origin,
    };
  }
  if ('model' in body || 'version' in body) {
    return { kind: 'version', source: from.source, model: body.model, version: body.version, registration: true };
  }
  throw triggerError(`${from.what} is neither an Azure Event Grid ModelRegistered event nor { model, version }; refused`, from.sender);
}
