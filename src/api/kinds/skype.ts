/**
 * `pooltopo/kinds/skype`: the Skype for Business pool pair kind's model and analysis (LintOutcome's
 * `skype`), its variant of FileResult and the guards that narrow to it.
 */
export type { SkypeModel, SkypePair, SkypePool, BackupServiceStatus, PoolState as SkypePoolState } from '../../kinds/skype/model/model.js';
export type { SkypeAnalysis, SkypePoolFigures } from '../../kinds/skype/analysis/analysis.js';
export type { SkypeFileResult } from '../../kinds/results.js';
export { isSkypeResult, isSkypePool } from '../../kinds/results.js';
