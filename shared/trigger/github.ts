import { MODEL_REGISTERED, eventGridType, modelRegisteredData } from './event-grid';
import { TriggerRequest, quoteUntrusted, triggerError } from './trigger';

/**
 * The GitHub event that started a workflow (GITHUB_EVENT_NAME and the parsed JSON of
 * GITHUB_EVENT_PATH; the front end reads them) as a trigger request:
 *
 * - `repository_dispatch`: `client_payload` is an Azure Event Grid ModelRegistered event
 *   (Event Grid or CloudEvents schema), an array holding one such event, or a plain
 *   `{ model, version }`;
 * - `workflow_dispatch`: the workflow's `model-version` input; empty means poll;
 * - anything else (`schedule`, `push`, ...): poll.
 *
 * Nothing here trusts the payload: values stay raw until `resolveTrigger` checks them.
 */
export function parseGitHubEvent(eventName: string | undefined, payload: unknown): TriggerRequest {
  const name = eventName || 'unknown event';
  if (name === 'repository_dispatch') return fromRepositoryDispatch(payload);
  if (name === 'workflow_dispatch') {
    const inputs = isRecord(payload) && isRecord(payload.inputs) ? payload.inputs : {};
    const raw = inputs['model-version'];
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      return { kind: 'poll', source: 'workflow_dispatch (no model-version input)' };
    }
    return { kind: 'version', source: 'workflow_dispatch', version: raw, registration: false };
  }
  return { kind: 'poll', source: name };
}

function fromRepositoryDispatch(payload: unknown): TriggerRequest {
  let body: unknown = isRecord(payload) ? payload.client_payload : undefined;
  if (Array.isArray(body)) {
    if (body.length !== 1) {
      throw triggerError(
        `the repository_dispatch client_payload holds ${body.length} events; refused`,
        'the relay: send one dispatch per Event Grid event (Event Grid delivers arrays)',
      );
    }
    body = body[0];
  }
  if (!isRecord(body)) {
    throw triggerError(
      'the repository_dispatch event has no client_payload object; refused',
      'the relay: client_payload is the Event Grid event, or { "model": NAME, "version": N }',
    );
  }
  const type = eventGridType(body);
  if (type !== undefined) {
    if (type !== MODEL_REGISTERED) {
      throw triggerError(
        `the repository_dispatch client_payload is a ${quoteUntrusted(type)} event, not ${MODEL_REGISTERED}; refused`,
        'the Event Grid subscription filter (--included-event-types)',
      );
    }
    const data = modelRegisteredData(body);
    if (!data) throw triggerError(`the ${MODEL_REGISTERED} event has no data object; refused`);
    return {
      kind: 'version',
      source: 'repository_dispatch (Azure Event Grid ModelRegistered)',
      model: data.modelName,
      version: data.modelVersion,
      registration: true,
    };
  }
  if ('model' in body || 'version' in body) {
    return { kind: 'version', source: 'repository_dispatch', model: body.model, version: body.version, registration: true };
  }
  throw triggerError(
    'the repository_dispatch client_payload is neither an Azure Event Grid ModelRegistered event nor { model, version }; refused',
    'the relay that calls POST /repos/{owner}/{repo}/dispatches',
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
