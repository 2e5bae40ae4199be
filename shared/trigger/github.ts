import { isRecord } from '../json';
import { parseEventPayload } from './payload';
import { TriggerRequest, triggerError } from './trigger';

/**
 * The GitHub event that started a workflow (its name and payload; the front end reads
 * them) as a trigger request:
 *
 * - `repository_dispatch`: `client_payload` is an event body (see payload.ts);
 * - `workflow_dispatch`: the workflow's `model-version` input; empty means poll;
 * - anything else (`schedule`, `push`, ...): poll.
 */
export function parseGitHubEvent(eventName: string | undefined, payload: unknown): TriggerRequest {
  const name = eventName || 'unknown event';
  if (name === 'repository_dispatch') {
    if (!isRecord(payload) || !('client_payload' in payload) || payload.client_payload === null) {
      throw triggerError(
        'the repository_dispatch event has no client_payload object; refused',
        'the relay: client_payload is the Event Grid event, or { "model": NAME, "version": V }',
      );
    }
    return parseEventPayload(payload.client_payload, {
      what: 'the repository_dispatch client_payload',
      source: 'repository_dispatch',
      oneEventPerRun: 'the relay: send one dispatch per Event Grid event (Event Grid delivers arrays)',
      sender: 'the relay that calls POST /repos/{owner}/{repo}/dispatches',
    });
  }
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
