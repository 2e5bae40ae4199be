import { Checker } from './checker';
import { checkDurations } from './durations';
import { checkModel } from './model';
import { checkRollout } from './rollout';
import { checkServe } from './serve';
import { checkSmoke } from './smoke';
import { checkTarget, checkTargetKind } from './target';

export { Checker } from './checker';

/**
 * The checks the schema cannot express: keys that depend on each other, files that must
 * exist, what this version does not offer yet. They run after the schema's validation
 * and skip every value it already reported. The order matters where one check's issue
 * silences a later one (a duration out of range is not compared with another).
 */
export function runSemanticChecks(checker: Checker): void {
  checkModel(checker);
  checkTargetKind(checker);
  checkDurations(checker);
  checkServe(checker);
  checkTarget(checker);
  checkSmoke(checker);
  checkRollout(checker);
}
