import * as fs from 'node:fs';
import type { ReportDocument } from '../../shared/report/report';
import type { EventOf, ModelshipEventType } from '../../shared/report/events';

/** the first event of `type` in a JSON report a command wrote (`--report FILE`) */
export function eventInReport<T extends ModelshipEventType>(file: string, type: T): EventOf<T> | undefined {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as ReportDocument;
  return doc.events.find((e): e is EventOf<T> => e.type === type);
}
