import { getIgnoringCase, isRecord } from '../json';

/**
 * Azure Event Grid events from an Azure Machine Learning workspace. A subscription
 * delivers them in the Event Grid schema (`eventType`, `topic`, `subject`, `data`) or the
 * CloudEvents 1.0 schema (`type`, `source`, `subject`, `data`). The data of a
 * ModelRegistered event is `{ modelName, modelVersion, modelTags, modelProperties }`:
 * the event schema and the SDKs spell the keys in camelCase, the samples in the Azure
 * docs in PascalCase (`ModelName`), and the version comes as a string or a number, so
 * all of those are read. The subject `models/{name}:{version}` is the fallback when the
 * data lacks them.
 */
export const MODEL_REGISTERED = 'Microsoft.MachineLearningServices.ModelRegistered';
export const EVENT_GRID_VALIDATION = 'Microsoft.EventGrid.SubscriptionValidationEvent';

export interface ModelRegisteredEvent {
  /** raw values, unchecked */
  modelName: unknown;
  modelVersion: unknown;
  /** the ARM id of the workspace that sent it (Event Grid `topic`, CloudEvents `source`); raw */
  origin: unknown;
}

/** the event type when `value` looks like an Event Grid or CloudEvents event; undefined otherwise */
export function eventGridType(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.eventType === 'string') return value.eventType;
  if (typeof value.type === 'string' && typeof value.specversion === 'string') return value.type;
  return undefined;
}

/** `models/{name}:{version}` -> its parts (raw); undefined when the subject has another shape */
function fromSubject(subject: unknown): { name: string; version: string } | undefined {
  if (typeof subject !== 'string') return undefined;
  const match = /^models\/([^:/]+):([^:/]+)$/.exec(subject);
  return match ? { name: match[1], version: match[2] } : undefined;
}

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/** the model and version of a ModelRegistered event (raw), or undefined when it has neither data nor a model subject */
export function modelRegisteredData(event: Record<string, unknown>): ModelRegisteredEvent | undefined {
  const data = event.data;
  const subject = fromSubject(event.subject);
  if (!isRecord(data) && !subject) return undefined;
  const name = isRecord(data) ? getIgnoringCase(data, 'modelName') : undefined;
  const version = isRecord(data) ? getIgnoringCase(data, 'modelVersion') : undefined;
  return {
    modelName: present(name) ? name : subject?.name,
    modelVersion: present(version) ? version : subject?.version,
    origin: event.topic ?? event.source,
  };
}
