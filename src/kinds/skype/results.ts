/** A Skype for Business file's result: one entry per Front End pool. */
import type { FileResultBase } from '../../core/results.js';
import type { SkypeAnalysis, SkypePoolFigures } from './analysis/analysis.js';
import type { SkypeModel } from './model/model.js';

/** A Skype for Business file: one entry per Front End pool (none when the file did not pass the schema). */
export interface SkypeFileResult extends FileResultBase {
  readonly kind: 'skype-pool-pair';
  readonly pools: readonly SkypePoolFigures[];
}

/** Whether a file's result is a Skype for Business file's. */
export function isSkypeResult(f: { readonly kind?: string | undefined }): f is SkypeFileResult {
  return typeof f === 'object' && f !== null && f.kind === 'skype-pool-pair';
}

/** Whether a pool's figures are a Skype for Business Front End pool's (its file's `kind` is `skype-pool-pair`). */
export function isSkypePool(p: object): p is SkypePoolFigures {
  return typeof p === 'object' && p !== null && Object.hasOwn(p, 'frontEnds');
}

/** What the Skype kind hands the commands beyond validate. */
export interface SkypeModels {
  readonly skype: { readonly model: SkypeModel; readonly analysis: SkypeAnalysis };
}
