/** What a `skype/` rule sees. */
import type { ModelIssue } from '../../../core/model.js';
import type { SkypeAnalysis } from '../analysis/analysis.js';
import type { SkypeModel } from '../model/model.js';

export interface SkypeContext {
  readonly model: SkypeModel;
  readonly analysis: SkypeAnalysis;
  readonly issues: readonly ModelIssue[];
}
