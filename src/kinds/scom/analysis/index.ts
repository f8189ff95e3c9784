/** Runs every analysis over a normalised topology: pure, no I/O. */
import { voterServers, type DataCenter, type Pool, type Server, type Topology } from '../model/types.js';
import { poolAvailability, type Availability } from './availability.js';
import { groupCapacity, poolCapacity, type GroupCapacity, type GroupCapacityOptions, type WorkloadCapacity } from './capacity.js';
import { dataCenterLoss, poolDataCenters, type DataCenterLoss } from './data-centers.js';
import { appliedLatency, appliedLatencyTo, largestRoundTrip, type AppliedLatency, type Endpoint } from './latency.js';
import { poolLease, type PoolLease } from './lease.js';
import { poolQuorum, type PoolQuorum } from './quorum.js';

export interface PoolAnalysis {
  readonly pool: Pool;
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
  const pools = topology.pools.map((pool) => analysePool(topology, pool, db));
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

export function analysePool(topology: Topology, pool: Pool, db: Endpoint): PoolAnalysis {
  const quorum = poolQuorum(pool);
  const participates = quorum.defaultObserver.participates;
  const dataCenters = poolDataCenters(topology, pool, participates);
  const voters = voterServers(pool);
  const endpoints = voters.map(endpoint);
  if (participates) endpoints.push(db);
  const applied = appliedLatency(endpoints, topology.latency);
  const availability = availabilityOf(topology, pool, voters, participates);
  return {
    pool,
    quorum,
    dataCenters,
    dataCenterLoss: dataCenterLoss(topology, pool, dataCenters, quorum.configured, participates),
    latency: { applied, largestMs: largestRoundTrip(applied) },
    lease: poolLease(topology.poolManager, voters),
    capacity: poolCapacity(topology, pool, quorum.configured.tolerableFailures),
    ...(availability ? { availability } : {}),
  };
}

function availabilityOf(topology: Topology, pool: Pool, servers: readonly Server[], participates: boolean): PoolAnalysis['availability'] {
  const given = topology.database.availability !== undefined || servers.some((s) => s.availability !== undefined);
  if (!given) return undefined;
  const assumedAlwaysUp = servers.filter((s) => s.availability === undefined).map((s) => s.name);
  if (topology.database.availability === undefined) assumedAlwaysUp.push(topology.database.server);
  const result = poolAvailability({
    members: pool.members.map((m) => m.server.availability ?? 1),
    observers: pool.observers.map((o) => o.server.availability ?? 1),
    database: topology.database.availability ?? 1,
    defaultObserverVotes: participates,
  });
  return { ...result, assumedAlwaysUp };
}
