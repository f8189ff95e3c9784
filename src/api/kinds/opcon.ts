/**
 * `pooltopo/kinds/opcon`: the OpCon failover kind's model and analysis (LintOutcome's `opcon`), its
 * variant of FileResult and the guard that narrows to it.
 */
export type { OpconModel, Machine as OpconMachine, Mode as OpconMode } from '../../kinds/opcon/model/model.js';
export type { OpconAnalysis, Failover, Trigger as FailoverTrigger } from '../../kinds/opcon/analysis/analysis.js';
export type { OpconFileResult } from '../../kinds/results.js';
export { isOpconResult } from '../../kinds/results.js';
