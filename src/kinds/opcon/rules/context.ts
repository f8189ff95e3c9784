/** What an `opcon/` rule sees. */
import type { ModelIssue } from '../../../core/model.js';
import type { OpconAnalysis } from '../analysis/analysis.js';
import type { OpconModel } from '../model/model.js';

export interface OpconContext {
  readonly model: OpconModel;
  readonly analysis: OpconAnalysis;
  readonly issues: readonly ModelIssue[];
}
