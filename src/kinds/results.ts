/** What pooltopo reports, typed by the registry's kinds: CLI.md's JSON output, also the library's result types. */
import type { Results as CoreResults } from '../core/results.js';
import type { FileResult } from './registry.js';

export type { Finding, SuppressedFinding, FileResultBase, UnknownKindFileResult, Summary } from '../core/results.js';
export { compareFindings, summarise, MAX_FINDINGS_PER_RULE } from '../core/results.js';
export type { FileResult, KindFileResult, KindPoolResult, TopologyKind } from './registry.js';
export type { PoolResult, QuorumResult, AvailabilityResult, ManagementGroupResult, ScomFileResult } from './scom/results.js';
export { isScomPool, isScomResult } from './scom/results.js';
export type { SkypeFileResult } from './skype/results.js';
export { isSkypePool, isSkypeResult } from './skype/results.js';
export type { OpconFileResult } from './opcon/results.js';
export { isOpconResult } from './opcon/results.js';

/** CLI.md's JSON output. */
export type Results = CoreResults<FileResult>;
