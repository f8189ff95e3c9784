/** An OpCon failover file's result: no pools, the failover figures. */
import type { FileResultBase } from '../../core/results.js';
import type { Failover, OpconAnalysis } from './analysis/analysis.js';
import type { OpconModel } from './model/model.js';

/** An OpCon failover file: no pools; the failover figures once the file passed the schema. */
export interface OpconFileResult extends FileResultBase {
  readonly kind: 'opcon-failover';
  readonly pools: readonly [];
  readonly failover?: Failover;
}

/** Whether a file's result is an OpCon failover file's. */
export function isOpconResult(f: { readonly kind?: string | undefined }): f is OpconFileResult {
  return typeof f === 'object' && f !== null && f.kind === 'opcon-failover';
}

/** What the OpCon kind hands the commands beyond validate. */
export interface OpconModels {
  readonly opcon: { readonly model: OpconModel; readonly analysis: OpconAnalysis };
}
