import { MODEL_REGISTERED, eventGridType, modelRegisteredData } from './event-grid';
import { TriggerRequest, quoteUntrusted, triggerError } from './trigger';

/**
 * The payload an Azure DevOps pipeline hands the task (its webhookPayload input), as a
 * trigger request. A `resources.webhooks` trigger exposes the body of the incoming
 * webhook as a template parameter, which the pipeline passes in with
 * `${{ convertToJson(parameters.<webhook>) }}`; the body may be:
 *
 * - an Azure Event Grid ModelRegistered event (Event Grid or CloudEvents schema), or an
 *   array holding exactly one (Event Grid delivers arrays);
 * - a plain `{ model, version }`.
 *
 * An empty payload is a poll (a scheduled or manual run). Nothing here trusts the
 * payload: values stay raw until `resolveTrigger` checks them.
 */
export const EVENT_GRID_VALIDATION = 'Microsoft.EventGrid.SubscriptionValidationEvent';

const SOURCE = 'webhookPayload';

export function parseAzureDevOpsPayload(raw: string | undefined): TriggerRequest {
  if (raw === undefined || raw.trim() === '') return { kind: 'poll', source: 'a pipeline run without webhookPayload' };
  let body: unknown;
  try {
    body = JSON.parse(raw) as unknown;
  } catch {
    throw triggerError(
      `the ${SOURCE} input is not JSON; refused`,
      'the pipeline: pass the webhook parameter as ${{ convertToJson(parameters.<webhook alias>) }}',
    );
  }
  if (Array.isArray(body)) {
    if (body.length !== 1) {
      throw triggerError(
        `the ${SOURCE} holds ${body.length} events; refused`,
        'the Event Grid subscription: set --max-events-per-batch 1, so that every event starts a run of its own',
      );
    }
    body = body[0];
  }
  if (!isRecord(body)) {
    throw triggerError(
      `the ${SOURCE} is not an object; refused`,
      'the sender: the body is an Event Grid event, or { "model": NAME, "version": N }',
    );
  }
  const type = eventGridType(body);
  if (type !== undefined) {
    if (type === EVENT_GRID_VALIDATION) {
      // answering it would mean calling a URL from an untrusted payload; the recipe validates by hand
      throw triggerError(
        `the ${SOURCE} is Event Grid's subscription validation event, not a model registration; refused`,
        'validate the subscription once by opening its validationUrl (workflows-examples/azure-pipelines/eventgrid-subscription.md)',
      );
    }
    if (type !== MODEL_REGISTERED) {
      throw triggerError(
        `the ${SOURCE} is a ${quoteUntrusted(type)} event, not ${MODEL_REGISTERED}; refused`,
        'the Event Grid subscription filter (--included-event-types)',
      );
    }
    const data = modelRegisteredData(body);
    if (!data) throw triggerError(`the ${MODEL_REGISTERED} event has no data object; refused`);
    return {
      kind: 'version',
      source: 'Azure DevOps webhook (Azure Event Grid ModelRegistered)',
      model: data.modelName,
      version: data.modelVersion,
      registration: true,
    };
  }
  if ('model' in body || 'version' in body) {
    return { kind: 'version', source: 'Azure DevOps webhook', model: body.model, version: body.version, registration: true };
  }
  throw triggerError(
    `the ${SOURCE} is neither an Azure Event Grid ModelRegistered event nor { model, version }; refused`,
    'the service that calls the incoming webhook',
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
