/** Runs every analysis over a normalised topology: pure, no I/O. */
import { voterServers, type DataCenter, type Pool, type PoolMemberRef, type Server, type Topology } from '../model/types.js';
import { poolAvailability, type Availability } from './availability.js';
import { groupCapacity, poolCapacity, type GroupCapacity, type GroupCapacityOptions, type WorkloadCapacity } from './capacity.js';
import { dataCenterLoss, poolDataCenters, type DataCenterLoss } from './data-centers.js';
import { appliedLatency, appliedLatencyTo, largestRoundTrip, type AppliedLatency, type Endpoint } from './latency.js';
import { poolLease, type PoolLease } from './lease.js';
import { poolQuorum, type PoolQuorum } from './quorum.js';

export interface PoolAnalysis {
  readonly pool: Pool;
  /** Its members' and observer-only members' servers: the voters besides the default observer. */
  readonly voters: readonly Server[];
  readonly quorum: PoolQuorum;
  readonly dataCenters: readonly DataCenter[];
  readonly dataCenterLoss: readonly DataCenterLoss[];
  /** Measured round trips between the pool's voters. */
  readonly latency: { readonly applied: readonly AppliedLatency[]; readonly largestMs: number | null };
  readonly lease: PoolLease;
  readonly capacity: readonly WorkloadCapacity[];
  /** Present where the pool's servers or the database carry `availability`. */
  readonly availability?: Availability & { readonly assumedAlwaysUp: readonly string[] };
}

export interface TopologyAnalysis {
  readonly pools: readonly PoolAnalysis[];
  /** Measured round trips between management servers and the operational database's server. */
  readonly databaseLatency: readonly AppliedLatency[];
  readonly capacity: GroupCapacity;
}

export type AnalysisOptions = GroupCapacityOptions;

export function analyseTopology(topology: Topology, options: AnalysisOptions = {}): TopologyAnalysis {
  const db: Endpoint = { name: topology.database.server, dataCenter: topology.database.dataCenter.name };
  const shared = new VoterAnalyses();
  const pools = topology.pools.map((pool) => analysePool(topology, pool, db, shared));
  const databaseLatency = appliedLatencyTo(
    topology.managementServers.map(endpoint),
    db,
    topology.latency,
  );
  return { pools, databaseLatency, capacity: groupCapacity(topology, options) };
}

function endpoint(s: Server): Endpoint {
  return { name: s.name, dataCenter: s.dataCenter.name };
}

/** What a pool's analyses work out from its voters alone (its members, observers and default observer). */
type VoterAnalysis = Omit<PoolAnalysis, 'pool' | 'capacity'>;

/**
 * The voter analyses of the pools analysed so far, for pools with the same voters: the three
 * default pools of a management group usually have the same members (all management servers), and
 * with 20,000 of them each analysis is worth doing once. Linear: a pool is looked up by the names
 * of its voters (server names are unique, and cannot hold a NUL).
 */
class VoterAnalyses {
  private readonly done = new Map<string, VoterAnalysis>();

  get(topology: Topology, pool: Pool, db: Endpoint): VoterAnalysis {
    const names = (refs: readonly PoolMemberRef[]) => refs.map((r) => r.server.name).join('\u0000');
    const key = `${pool.defaultObserverEnabled}\u0001${names(pool.members)}\u0001${names(pool.observers)}`;
    let analysis = this.done.get(key);
    if (!analysis) this.done.set(key, (analysis = voterAnalysis(topology, pool, db)));
    return analysis;
  }
}

function analysePool(topology: Topology, pool: Pool, db: Endpoint, shared: VoterAnalyses): PoolAnalysis {
  const voters = shared.get(topology, pool, db);
  return { pool, ...voters, capacity: poolCapacity(topology, pool, voters.quorum.configured.tolerableFailures) };
}

function voterAnalysis(topology: Topology, pool: Pool, db: Endpoint): VoterAnalysis {
  const quorum = poolQuorum(pool);
  const participates = quorum.defaultObserver.participates;
  const dataCenters = poolDataCenters(topology, pool, participates);
  const voters = voterServers(pool);
  const endpoints = voters.map(endpoint);
  if (participates) endpoints.push(db);
  const applied = appliedLatency(endpoints, topology.latency);
  const availability = availabilityOf(topology, pool, voters, participates);
  return {
    voters,
    quorum,
    dataCenters,
    dataCenterLoss: dataCenterLoss(topology, pool, dataCenters, quorum.configured, participates),
    latency: { applied, largestMs: largestRoundTrip(applied) },
    lease: poolLease(topology.poolManager, voters),
    ...(availability ? { availability } : {}),
  };
}

function availabilityOf(topology: Topology, pool: Pool, servers: readonly Server[], participates: boolean): PoolAnalysis['availability'] {
  const given = topology.database.availability !== undefined || servers.some((s) => s.availability !== undefined);
  if (!given) return undefined;
  const assumedAlwaysUp = servers.filter((s) => s.availability === undefined).map((s) => s.name);
  if (topology.database.availability === undefined) assumedAlwaysUp.push(topology.database.server);
  const { probability, nines } = poolAvailability({
    members: pool.members.map((m) => m.server.availability ?? 1),
    observers: pool.observers.map((o) => o.server.availability ?? 1),
    database: topology.database.availability ?? 1,
    defaultObserverVotes: participates,
  });
  // Spelled out, not spread (test/object-shapes.test.ts says why).
  return { probability, nines, assumedAlwaysUp };
}
