import { parseEventPayload } from './payload';
import { TriggerRequest, triggerError } from './trigger';

/**
 * The payload an Azure DevOps pipeline hands the task (its webhookPayload input), as a
 * trigger request. A `resources.webhooks` trigger exposes the body of the incoming
 * webhook as a template parameter, which the pipeline passes in with
 * `${{ convertToJson(parameters.<webhook>) }}`; the body is parsed like a GitHub
 * client_payload (payload.ts). An empty payload is a poll (a scheduled or manual run).
 */
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
  return parseEventPayload(body, {
    what: `the ${SOURCE}`,
    source: 'Azure DevOps webhook',
    oneEventPerRun: 'the Event Grid subscription: set --max-events-per-batch 1, so that every event starts a run of its own',
    sender: 'the service that calls the incoming webhook',
  });
}
