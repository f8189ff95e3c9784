/** What pooltopo reports: the shapes of CLI.md's JSON output, also the library's result types. */
import type { Severity } from './rules/types.js';
import type { Failover } from './kinds/opcon/analysis.js';
import type { DataCenterLoss } from './kinds/scom/analysis/data-centers.js';
import type { QuorumFigures } from './kinds/scom/analysis/quorum.js';
import type { SkypePoolFigures } from './kinds/skype/analysis.js';

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
}

/** Votes, votes needed and tolerable failures of one configuration of a pool. */
export type QuorumResult = QuorumFigures;

export interface PoolResult {
  readonly name: string;
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
    readonly headroom: number;
  }[];
  readonly availability?: { readonly probability: number; readonly nines: number | null; readonly assumedAlwaysUp: readonly string[] };
}

/** A finding that a `# pooltopo-disable…` comment in the file suppressed, with the reason it gave. */
export interface SuppressedFinding extends Finding {
  readonly justification: string;
}

/** A pool's figures as another kind reports them: its name, then that kind's own figures. */
export interface OtherKindPoolResult {
  readonly name: string;
  readonly [figure: string]: unknown;
}

/** A pool's figures as its kind reports them (CLI.md): SCOM resource pools, Skype Front End pools, or another kind's. */
export type KindPoolResult = PoolResult | SkypePoolFigures | OtherKindPoolResult;

export function isScomPool(p: KindPoolResult): p is PoolResult {
  return 'defaultObserver' in p;
}

export interface FileResult {
  readonly file: string;
  readonly kind?: string;
  readonly findings: readonly Finding[];
  readonly pools: readonly KindPoolResult[];
  /** For `kind: opcon-failover`: the failover figures (CLI.md). */
  readonly failover?: Failover;
  /** Findings suppressed in the file: not counted, kept for SARIF and for review. */
  readonly suppressed?: readonly SuppressedFinding[];
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
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
