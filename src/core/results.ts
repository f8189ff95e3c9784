/** What pooltopo reports: the shapes of CLI.md's JSON output, also the library's result types. */
import type { Severity } from './rule.js';
import type { Failover } from '../kinds/opcon/analysis.js';
import type { DataCenterLoss } from '../kinds/scom/analysis/what-if.js';
import type { QuorumFigures } from '../kinds/scom/analysis/quorum.js';
import type { SkypePoolFigures } from '../kinds/skype/analysis.js';

export { MAX_FINDINGS_PER_RULE } from '../util/limits.js';

export type { TopologyKind } from '../kinds/registry.js';

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** One sentence saying what is wrong and what to do. */
  readonly message: string;
  readonly file: string;
  /** 1-based, at the YAML node concerned. */
  readonly line: number;
  readonly column: number;
  /** The pool it concerns, where one. */
  readonly pool?: string;
  /** JSON Pointer of the node concerned (not in CLI.md's table; useful to tools). */
  readonly path: string;
  /** Which of its rule's message templates the message is (absent where a finding has no template, such as a syntax error). */
  readonly messageId?: string;
  /** The values filled into the template. */
  readonly data?: Readonly<Record<string, string | number>>;
}

/** Votes, votes needed and tolerable failures of one configuration of a pool. */
export type QuorumResult = QuorumFigures;

/**
 * A SCOM resource pool's figures (files of `kind: scom` only; Skype pools are `SkypePoolFigures`):
 * its members and observers, its quorum with and without the default observer, data-centre loss,
 * latency, lease, capacity and availability, as CLI.md's JSON output has them.
 */
export interface PoolResult {
  readonly name: string;
  /** A pool the management group has without its being listed (All Management Servers, Notifications, AD Assignment). */
  readonly implied: boolean;
  readonly members: readonly string[];
  readonly observers: readonly string[];
  readonly defaultObserver: { readonly enabled: boolean; readonly participates: boolean };
  readonly votingMembers: number;
  readonly votesNeeded: number;
  readonly tolerableFailures: number;
  readonly highlyAvailable: boolean;
  readonly withDefaultObserver: QuorumResult;
  readonly withoutDefaultObserver: QuorumResult;
  readonly dataCenters: readonly string[];
  readonly dataCenterLoss: readonly DataCenterLoss[];
  /** The largest measured round trip between two voters, or null when none is measured. */
  readonly largestRoundTripMs: number | null;
  readonly leaseDurationSeconds: number;
  readonly capacity: readonly {
    readonly item: string;
    readonly total: number;
    readonly limit: number;
    readonly fits: boolean;
    readonly fitsAfterFailover: boolean;
    /** How many more fit before a limit or the after-failover check is hit; negative when over, by how much (as plan and the report give it). */
    readonly headroom: number;
  }[];
  /** Servers whose loss alone stops the pool working (FORMAT.md, "Failure model"). */
  readonly singlePointsOfFailure: readonly string[];
  readonly availability?: AvailabilityResult & { readonly assumedAlwaysUp: readonly string[] };
}

/** The probability that something works under the failure model, and how it was found. */
export interface AvailabilityResult {
  readonly probability: number;
  readonly nines: number | null;
  readonly method: 'exact' | 'sampled';
  readonly standardError?: number;
}

/** A SCOM management group's own figures. */
export interface ManagementGroupResult {
  /** Servers without which the management group does not work. */
  readonly singlePointsOfFailure: readonly string[];
  readonly availability?: AvailabilityResult;
}

/** A finding that a `# pooltopo-disable…` comment in the file suppressed, with the reason it gave. */
export interface SuppressedFinding extends Finding {
  readonly justification: string;
}

/** A pool's figures as its kind reports them (CLI.md): SCOM resource pools or Skype Front End pools. */
export type KindPoolResult = PoolResult | SkypePoolFigures;

/** Whether a pool's figures are a SCOM resource pool's (its file's `kind` is `scom`). */
export function isScomPool(p: KindPoolResult): p is PoolResult {
  return typeof p === 'object' && p !== null && Object.hasOwn(p, 'defaultObserver');
}

/** Whether a pool's figures are a Skype for Business Front End pool's (its file's `kind` is `skype-pool-pair`). */
export function isSkypePool(p: KindPoolResult): p is SkypePoolFigures {
  return typeof p === 'object' && p !== null && Object.hasOwn(p, 'frontEnds');
}

/** What every file's result has, whatever its kind. */
export interface FileResultBase {
  /** The path as given (relative to `cwd` when it was), or a text's `file`. */
  readonly file: string;
  /** In CLI.md's order: file, line, column, rule id. */
  readonly findings: readonly Finding[];
  /** Findings suppressed in the file: not counted, kept for SARIF and for review. */
  readonly suppressed?: readonly SuppressedFinding[];
}

/** A SCOM management group's file: one entry per resource pool (none when the file did not pass the schema). */
export interface ScomFileResult extends FileResultBase {
  readonly kind: 'scom';
  /** Present once the file passed the schema. */
  readonly managementGroup?: ManagementGroupResult;
  readonly pools: readonly PoolResult[];
}

/** A Skype for Business file: one entry per Front End pool (none when the file did not pass the schema). */
export interface SkypeFileResult extends FileResultBase {
  readonly kind: 'skype-pool-pair';
  readonly pools: readonly SkypePoolFigures[];
}

/** An OpCon failover file: no pools; the failover figures once the file passed the schema. */
export interface OpconFileResult extends FileResultBase {
  readonly kind: 'opcon-failover';
  readonly pools: readonly [];
  readonly failover?: Failover;
}

/**
 * A file whose kind pooltopo could not tell: it could not be read or parsed, it names a kind
 * pooltopo does not know, or it names none and did not pass the schema. Its findings say why.
 */
export interface UnknownKindFileResult extends FileResultBase {
  readonly kind?: undefined;
  readonly pools: readonly [];
}

/** The result of a file whose kind is known, one variant per kind. */
export type KindFileResult = ScomFileResult | SkypeFileResult | OpconFileResult;

/**
 * One file's findings and figures (CLI.md's `files[]`), discriminated by `kind`:
 * `switch (f.kind)` narrows `pools` (and `failover`) to that kind's figures; `undefined` is a file
 * whose kind could not be told.
 */
export type FileResult = KindFileResult | UnknownKindFileResult;

/** Whether a file's result is a SCOM file's. */
export function isScomResult(f: FileResult): f is ScomFileResult {
  return typeof f === 'object' && f !== null && f.kind === 'scom';
}

/** Whether a file's result is a Skype for Business file's. */
export function isSkypeResult(f: FileResult): f is SkypeFileResult {
  return typeof f === 'object' && f !== null && f.kind === 'skype-pool-pair';
}

/** Whether a file's result is an OpCon failover file's. */
export function isOpconResult(f: FileResult): f is OpconFileResult {
  return typeof f === 'object' && f !== null && f.kind === 'opcon-failover';
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Files met on a directory or glob walk that are not topologies (none of any kind's top-level keys); absent when none. */
  readonly skipped?: number;
}

export interface Results {
  readonly version: 1;
  readonly files: readonly FileResult[];
  readonly summary: Summary;
}

export function summarise(files: readonly FileResult[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of files) {
    for (const x of f.findings) {
      if (x.severity === 'error') errors++;
      else if (x.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { files: files.length, errors, warnings, infos };
}

/** Findings in CLI.md's order: file, line, column, ruleId (then message, so equal input gives equal output). */
export function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId)
    || cmp(a.pool ?? '', b.pool ?? '') || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
