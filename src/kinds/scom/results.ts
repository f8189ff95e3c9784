/** A SCOM file's result: its pools' and management group's figures, as CLI.md's JSON output has them. */
import type { FileResultBase } from '../../core/results.js';
import type { DataCenterLoss } from './analysis/what-if.js';
import type { QuorumFigures } from './analysis/quorum.js';
import type { TopologyAnalysis } from './analysis/index.js';
import type { ScomVersion } from '../../domain/facts.js';
import type { Topology } from './model/types.js';

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
    /**
     * How many more fit before a limit or the after-failover check is hit; negative when over, by how
     * much (as plan and the report give it); null where the pool has fewer members than the limit is
     * stated for (`minimumMembers`: network devices in a pool of one or two management servers) and is within it.
     */
    readonly headroom: number | null;
    readonly minimumMembers?: number;
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
  /** The Operations Manager version whose supported limits the capacity figures use (2022 where the file gives none). */
  readonly scomVersion: ScomVersion;
  /** Servers without which the management group does not work. */
  readonly singlePointsOfFailure: readonly string[];
  readonly availability?: AvailabilityResult;
}

/** A SCOM management group's file: one entry per resource pool (none when the file did not pass the schema). */
export interface ScomFileResult extends FileResultBase {
  readonly kind: 'scom';
  /** Present once the file passed the schema. */
  readonly managementGroup?: ManagementGroupResult;
  readonly pools: readonly PoolResult[];
}

/** Whether a file's result is a SCOM file's. */
export function isScomResult(f: { readonly kind?: string | undefined }): f is ScomFileResult {
  return typeof f === 'object' && f !== null && f.kind === 'scom';
}

/** Whether a pool's figures are a SCOM resource pool's (its file's `kind` is `scom`). */
export function isScomPool(p: object): p is PoolResult {
  return typeof p === 'object' && p !== null && Object.hasOwn(p, 'defaultObserver');
}

/** What the SCOM kind hands the commands beyond validate: the normalised topology and its analyses. */
export interface ScomModels {
  readonly topology: Topology;
  readonly analysis: TopologyAnalysis;
}
