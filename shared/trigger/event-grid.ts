/**
 * Azure Event Grid events from an Azure Machine Learning workspace. A subscription
 * delivers them in the Event Grid schema (`eventType`, `data`) or the CloudEvents 1.0
 * schema (`type`, `data`); the data of a ModelRegistered event is
 * `{ modelName, modelVersion (a string), modelTags, modelProperties }`.
 */
export const MODEL_REGISTERED = 'Microsoft.MachineLearningServices.ModelRegistered';

export interface ModelRegisteredEvent {
  /** raw values, unchecked */
  modelName: unknown;
  modelVersion: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** the event type when `value` looks like an Event Grid or CloudEvents event; undefined otherwise */
export function eventGridType(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.eventType === 'string') return value.eventType;
  if (typeof value.type === 'string' && typeof value.specversion === 'string') return value.type;
  return undefined;
}

/** the model and version of a ModelRegistered event (raw), or undefined when the event has no data object */
export function modelRegisteredData(event: Record<string, unknown>): ModelRegisteredEvent | undefined {
  const data = event.data;
  if (!isRecord(data)) return undefined;
  return { modelName: data.modelName, modelVersion: data.modelVersion };
}
