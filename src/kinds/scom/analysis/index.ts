/** Runs every analysis over a normalised topology: pure, no I/O. */
import { voterServers, type DataCenter, type Pool, type Server, type Topology } from '../model/types.js';
import { availability, managementGroupQuestion, type Availability } from './availability.js';
import { groupCapacity, poolCapacity, type GroupCapacity, type GroupCapacityOptions, type WorkloadCapacity } from './capacity.js';
import { poolDataCenters } from './data-centers.js';
import { baselineOf, compileFailureModel, fewArrays, type Baseline, type FailureModel, type Host, type PoolShape } from './failure/index.js';
import { dataCenterLosses, singlePointsOfFailure, worstAgentFailure, type AgentOverload, type DataCenterLoss } from './what-if.js';
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
  /** Servers whose loss alone stops the pool working (FORMAT.md, "Failure model"), in file order. */
  readonly singlePointsOfFailure: readonly string[];
  /** Present where any server, database host or data centre carries `availability`. */
  readonly availability?: Availability & { readonly assumedAlwaysUp: readonly string[] };
}

export interface ManagementGroupAnalysis {
  readonly singlePointsOfFailure: readonly string[];
  readonly availability?: Availability;
}

export interface TopologyAnalysis {
  /** The failure model every what-if evaluates, and its state with nothing down. */
  readonly model: FailureModel;
  readonly baseline: Baseline;
  readonly managementGroup: ManagementGroupAnalysis;
  /** The single failure that overloads a server with agents the most, if any (FORMAT.md, "Agents after failures"). */
  readonly worstAgentFailure: AgentOverload | null;
  /** Each gateway that one server's loss alone cuts off, though it works with everything up: that server (the first in file order). */
  readonly gatewaySinglePoints: ReadonlyMap<Host, Host>;
  readonly pools: readonly PoolAnalysis[];
  /** Measured round trips between management servers and the operational database's server. */
  readonly databaseLatency: readonly AppliedLatency[];
  readonly capacity: GroupCapacity;
}

export type AnalysisOptions = GroupCapacityOptions;

export function analyseTopology(topology: Topology, options: AnalysisOptions = {}): TopologyAnalysis {
  const db: Endpoint = { name: topology.database.server, dataCenter: topology.database.dataCenter.name };
  const model = compileFailureModel(topology);
  const baseline = baselineOf(model);
  // The what-ifs' arrays, filled by one what-if after another.
  const arrays = fewArrays(model);
  const losses = dataCenterLosses(model, baseline, arrays);
  const spof = singlePointsOfFailure(model, baseline, arrays);
  const given = availabilityGiven(model);
  const shared = new VoterAnalyses();
  // Pools with the same voters (the default pools, usually) have the same availability.
  const availabilities = new Map<string, Availability>();
  const pools = topology.pools.map((pool, i) => {
    const shape = model.pools[i]!;
    const key = votersKey(shape);
    const a = analysePool(topology, pool, db, shared, key);
    let poolAvailability: Availability | undefined;
    if (given) {
      poolAvailability = availabilities.get(key);
      if (!poolAvailability) availabilities.set(key, (poolAvailability = availability(model, shape)));
    }
    // Spelled out, not spread (test/object-shapes.test.ts says why).
    const out: PoolAnalysis = {
      pool: a.pool,
      voters: a.voters,
      quorum: a.quorum,
      dataCenters: a.dataCenters,
      latency: a.latency,
      lease: a.lease,
      capacity: a.capacity,
      dataCenterLoss: losses[i]!,
      singlePointsOfFailure: spof.pools[i]!.map((h) => h.name),
    };
    if (!poolAvailability) return out;
    const { probability, nines, method, standardError } = poolAvailability;
    const withAvailability: PoolAnalysis = {
      pool: a.pool,
      voters: a.voters,
      quorum: a.quorum,
      dataCenters: a.dataCenters,
      latency: a.latency,
      lease: a.lease,
      capacity: a.capacity,
      dataCenterLoss: out.dataCenterLoss,
      singlePointsOfFailure: out.singlePointsOfFailure,
      availability:
        standardError === undefined
          ? { probability, nines, method, assumedAlwaysUp: assumedAlwaysUp(model, a.voters) }
          : { probability, nines, method, standardError, assumedAlwaysUp: assumedAlwaysUp(model, a.voters) },
    };
    return withAvailability;
  });
  const databaseLatency = appliedLatencyTo(topology.managementServers.map(endpoint), db, topology.latency);
  const mgAvailability = given ? availability(model, managementGroupQuestion(model)) : undefined;
  return {
    model,
    baseline,
    managementGroup: { singlePointsOfFailure: spof.managementGroup.map((h) => h.name), ...(mgAvailability ? { availability: mgAvailability } : {}) },
    worstAgentFailure: worstAgentFailure(model, baseline, arrays),
    gatewaySinglePoints: spof.gateways,
    pools,
    databaseLatency,
    capacity: groupCapacity(topology, options),
  };
}

/** Whether any server, database host or data centre carries an availability. */
function availabilityGiven(model: FailureModel): boolean {
  return model.hosts.some((h) => h.availabilityGiven) || model.dataCenters.some((d) => d.availability !== undefined);
}

/** The pool's voters and the database's hosts that carry no availability: taken as always up. */
function assumedAlwaysUp(model: FailureModel, voters: readonly Server[]): string[] {
  const out = voters.filter((s) => !model.hostOf.get(s)!.availabilityGiven).map((s) => s.name);
  const { listener, nodes, witness } = model.database;
  for (const h of [listener, ...nodes, ...(witness >= 0 ? [witness] : [])]) {
    const host = model.hosts[h]!;
    // A clustered database's listener is not a server: it is taken as up unless `availability` says otherwise.
    if (!host.availabilityGiven && !host.server && !(h === listener && nodes.length > 0)) out.push(host.name);
  }
  return out;
}

function endpoint(s: Server): Endpoint {
  return { name: s.name, dataCenter: s.dataCenter.name };
}

/** What a pool's analyses work out from its voters alone (its members, observers and default observer). */
type VoterAnalysis = Omit<PoolAnalysis, 'pool' | 'capacity' | 'dataCenterLoss' | 'singlePointsOfFailure' | 'availability'>;

/**
 * What tells pools with the same voters apart: whether the default observer is enabled, and its
 * members' and observers' hosts (one host per server). The three default pools of a management
 * group usually have the same members (all management servers), and with 20,000 of them each
 * analysis of the voters is worth doing once.
 */
function votersKey(shape: PoolShape): string {
  return `${shape.pool.defaultObserverEnabled}|${shape.members.join(',')}|${shape.observers.join(',')}`;
}

/** The voter analyses of the pools analysed so far, by `votersKey`. */
class VoterAnalyses {
  private readonly done = new Map<string, VoterAnalysis>();

  get(topology: Topology, pool: Pool, db: Endpoint, key: string): VoterAnalysis {
    let analysis = this.done.get(key);
    if (!analysis) this.done.set(key, (analysis = voterAnalysis(topology, pool, db)));
    return analysis;
  }
}

function analysePool(
  topology: Topology,
  pool: Pool,
  db: Endpoint,
  shared: VoterAnalyses,
  key: string,
): Omit<PoolAnalysis, 'dataCenterLoss' | 'singlePointsOfFailure' | 'availability'> {
  const voters = shared.get(topology, pool, db, key);
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
  return {
    voters,
    quorum,
    dataCenters,
    latency: { applied, largestMs: largestRoundTrip(applied) },
    lease: poolLease(topology.poolManager, voters),
  };
}
