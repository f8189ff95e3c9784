/**
 * `pooltopo/kinds/scom`: the SCOM kind's model (LintOutcome's `topology`), its analysis
 * (`analysis`), its variant of FileResult and the guards that narrow to it.
 */
export type {
  Topology,
  Pool,
  Server,
  ServerRole,
  DataCenter,
  Location as DataCenterLocation,
  OperationalDatabase,
  LatencyEntry,
  PoolMemberRef,
  Membership as PoolMembership,
  Purpose as PoolPurpose,
  Workload,
} from '../../kinds/scom/model/types.js';
export type { ScomVersion } from '../../domain/facts.js';
export type { TopologyAnalysis, PoolAnalysis } from '../../kinds/scom/analysis/index.js';
export type { PoolQuorum, QuorumFigures } from '../../kinds/scom/analysis/quorum.js';
export type { PoolLease, EffectivePoolManager } from '../../kinds/scom/analysis/lease.js';
export type { AppliedLatency } from '../../kinds/scom/analysis/latency.js';
export type { Availability as PoolAvailability } from '../../kinds/scom/analysis/availability.js';
export type { GroupCapacity, GroupLimitCheck, ServerAgentCheck, WorkloadCapacity, WorkloadItem } from '../../kinds/scom/analysis/capacity.js';
export type { DataCenterLoss } from '../../kinds/scom/analysis/what-if.js';
export type { ScomFileResult, PoolResult, QuorumResult, AvailabilityResult, ManagementGroupResult } from '../../kinds/results.js';
export { isScomResult, isScomPool } from '../../kinds/results.js';
