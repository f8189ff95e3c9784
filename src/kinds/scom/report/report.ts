/**
 * The report's section for a SCOM management group: the topology diagram and its round trips, each
 * pool's quorum, data-centre loss, capacity and availability, and the what-if table. Every figure is
 * the analyses' (the same `validate` reports); this module chooses words, order and geometry.
 */
import type { FileResultBase } from '../../../core/results.js';
import type { PoolResult, ScomModels } from '../results.js';

import { groupThousands, plural } from '../../../core/rule.js';
import { atDots } from '../../../util/text.js';
import type { Settings } from '../../../core/settings.js';
import { databaseOwnNames } from '../analysis/what-if.js';
import { layoutDiagram, MAX_BOXES_PER_REGION, poolColour, poolNumbersByServer } from './diagram.js';
import { roundTripVerdicts, type RoundTripVerdict } from './round-trips.js';
import type { LatencyEntry, Topology } from '../model/types.js';
import type { TopologyAnalysis } from '../analysis/index.js';
import type { KindReport } from '../../../core/kind.js';
import { weakestPoolHeadline, type Headline } from '../../../core/headline.js';
import { flaggedPaths } from '../../../core/flagged.js';
import { barScale, poolView } from './pools-view.js';
import type { GatewayView, ScomReportView, ServerView } from './view-types.js';

export type { ScomReportView, ServerView, GatewayView, PoolView } from './view-types.js';
export { WHAT_IF_COLUMNS, MAX_WHAT_IF_SERVERS } from './what-if-view.js';
import { groupCapacityRows } from './group-capacity-view.js';
import { whatIf } from './what-if-view.js';

/** What the report is drawn from: the file's result (its pools SCOM's when the models are there) and the kind's models. */
type LintOutcome = Partial<ScomModels> & { readonly result: FileResultBase & { readonly pools: readonly unknown[] } };
type FileResult = LintOutcome['result'];

const fmt = groupThousands;

/** SCOM's part of the report: name, facts, the weakest pool's tolerable failures, and its section. */
export function scomReport(outcome: LintOutcome, settings: Settings): KindReport {
  const topology = outcome.topology!;
  const pools = outcome.result.pools as readonly PoolResult[];
  const headline = singlePointCaveat(
    capacityCaveat(weakestPoolHeadline(pools, 'member'), pools, outcome.analysis!.worstAgentFailure === null),
    outcome.analysis!,
  );
  return {
    name: topology.name,
    review: 'pool topology review',
    modelNote:
      'Quorum model: a pool keeps quorum while more than half of its voting members are available, and works while a connected member runs its workflows; tolerable failures are the most members that can fail at once, whichever they are (min(ceil(V/2) − 1, members − 1) for a pool of management servers or of gateways).',
    facts: [
      { label: 'Management group', value: topology.name },
      { label: 'Operations Manager', value: topology.scomVersion },
      { label: 'Management servers', value: fmt(topology.managementServers.length) },
      { label: 'Gateways', value: fmt(topology.gateways.length) },
      { label: 'Resource pools', value: fmt(topology.pools.length) },
      { label: 'Data centres', value: topology.dataCenters.map((d) => d.name).join(', ') },
      { label: 'Operational database', value: databaseFact(topology) },
      { label: 'Single points of failure', value: singlePointsFact(outcome.analysis!) },
    ],
    ...(headline ? { headline } : {}),
    section: scomReportView(outcome, settings),
  };
}

function databaseFact(topology: Topology): string {
  const db = topology.database;
  if (db.implied) return `not given (taken to be in data centre ${db.dataCenter.name})`;
  if (db.colocatedWith) return `${db.server}, on management server ${db.colocatedWith.name} (${db.dataCenter.name})`;
  if (db.cluster) {
    const nodes = db.cluster.nodes.map((n) => `${n.name} (${n.dataCenter.name})`).join(', ');
    return `${db.server}, a cluster of ${nodes}${db.cluster.witness ? ` with witness ${db.cluster.witness.name} (${db.cluster.witness.dataCenter.name})` : ', no witness'}`;
  }
  return `${db.server} (${db.dataCenter.name})`;
}

/** The management group's single points of failure, then each pool's beyond them (FORMAT.md). */
function singlePointsFact(analysis: TopologyAnalysis): string {
  const group = analysis.managementGroup.singlePointsOfFailure;
  const known = new Set(group);
  const list = (names: readonly string[]) => (names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${fmt(names.length - 6)} more` : names.join(', '));
  const parts = [group.length > 0 ? `the management group: ${list(group)}` : 'the management group: none'];
  for (const a of analysis.pools) {
    const beyond = a.singlePointsOfFailure.filter((n) => !known.has(n));
    if (beyond.length > 0) parts.push(`pool ${a.pool.name}: ${list(beyond)}`);
  }
  return parts.join('; ');
}

/**
 * The headline counts member failures; a server beyond the database's own whose loss alone stops
 * a pool that counts one (the management server that hosts the database, the one a gateway pool
 * reports through) makes that count mislead, so the headline says so, as single-point-of-failure does.
 */
function singlePointCaveat(headline: Headline | undefined, analysis: TopologyAnalysis): Headline | undefined {
  if (!headline || headline.none) return headline;
  const { model } = analysis;
  const databaseOwn = databaseOwnNames(model);
  const points = new Set<string>();
  for (const a of analysis.pools) {
    if (a.quorum.configured.tolerableFailures < 1) continue;
    for (const n of a.singlePointsOfFailure) if (!databaseOwn.has(n)) points.add(n);
  }
  if (points.size === 0) return headline;
  const names = [...points];
  const said = names.length > 3 ? `${names.slice(0, 3).join(', ')} or ${fmt(names.length - 3)} more` : names.join(names.length === 2 ? ' or ' : ', ');
  const caveat = `but ${points.size === 1 ? `${said} is a single point of failure: losing it` : `${said} are single points of failure: losing any one of them`} alone stops a pool`;
  return { ...headline, caveat: headline.caveat ? `${headline.caveat}; ${caveat}` : caveat };
}

/**
 * The headline counts failures quorum survives; where the workload would no longer fit after
 * them (a pool's, or the group's Windows agents once the busiest management server fails), the
 * figure alone would promise more than the design gives, so the headline says so.
 */
function capacityCaveat(headline: Headline | undefined, pools: readonly PoolResult[], agentsFitAfterFailover: boolean): Headline | undefined {
  if (!headline || headline.none) return headline;
  const over = pools.filter((p) => p.capacity.some((c) => c.total > 0 && !c.fitsAfterFailover)).map((p) => p.name);
  const parts = [
    ...(over.length === 1 ? [`the workload of pool ${over[0]}`] : over.length > 1 ? [`the workload of ${plural(over.length, 'pool')}`] : []),
    ...(agentsFitAfterFailover ? [] : ['the Windows agents']),
  ];
  if (parts.length === 0) return headline;
  return { ...headline, caveat: `but after a failure ${parts.join(' and ')} would no longer fit` };
}

export function scomReportView(outcome: LintOutcome, settings: Settings): ScomReportView {
  const topology = outcome.topology!;
  const pools = outcome.result.pools as readonly PoolResult[];
  const poolNumber = new Map(pools.map((p, i) => [p.name, i + 1]));
  const barsMax = barScale(pools);
  const verdicts = roundTripVerdicts(topology, outcome.analysis!, settings);
  const roundTrips = topology.latency.map((l) => {
    const { limit, over } = verdicts.get(l)!;
    return { between: `${l.ends[0]} ↔ ${l.ends[1]}`, ms: `${l.ms} ms`, limit: limitText(verdicts.get(l)!, limit), over };
  });
  return {
    diagram: {
      ...layoutDiagram(topology, verdicts, poolNumber),
      maxBoxes: MAX_BOXES_PER_REGION,
      legend: pools.map((p, i) => ({ number: i + 1, name: p.name, colour: poolColour(i + 1) })),
      description: describeTopology(outcome, verdicts),
    },
    roundTrips,
    anyOver: roundTrips.some((r) => r.over),
    servers: serverRows(topology, poolNumber),
    gateways: gatewayRows(topology, outcome.result, poolNumber),
    groupCapacity: groupCapacityRows(outcome.analysis!),
    pools: pools.map((p, i) =>
      poolView(p, i + 1, outcome.result, { capacity: outcome.analysis!.pools[i]!.capacity, barsMax, poolLatencyMs: settings.poolLatencyMs }),
    ),
    whatIf: whatIf(outcome.analysis!, pools),
  };
}

/** Every server's row, management servers then gateways in file order, with the pools it votes in. */
function serverRows(topology: Topology, poolNumber: ReadonlyMap<string, number>): ServerView[] {
  const poolsOf = poolNumbersByServer(topology, poolNumber);
  const poolName = new Map([...poolNumber].map(([name, n]) => [n, name]));
  const db = topology.database;
  return [...topology.managementServers, ...topology.gateways].map((s) => ({
    name: s.name,
    role: s.role === 'gateway' ? 'gateway' : db.colocatedWith === s ? 'management server, hosts the operational database' : 'management server',
    dataCenter: s.dataCenter.name,
    agents: fmt(s.agents),
    pools: (poolsOf.get(s.name) ?? []).map((number) => ({ number, colour: poolColour(number), name: poolName.get(number)! })),
    availability: s.availability === undefined ? 'not given' : `${(s.availability * 100).toPrecision(8).replace(/\.?0+$/, '')}%`,
  }));
}

/**
 * What a gateway that gateway-without-failover flags lacks, for its empty failover cell. Where its
 * agents name failover servers of their own (`failoverServers`), they do not stop with it: they fail
 * over by that list (FORMAT.md, "Agents after failures").
 */
function withoutFailover(g: Topology['gateways'][number]): string {
  if (g.reportsTo.length === 0) return ': it reports to no server';
  if (g.agents > 0 && g.failoverServers.length > 0) return ': it is cut off while its primary is down; its agents fail over by their own list';
  return ': its agents stop reporting while its primary is down';
}

/** The gateways' rows: the failover cell is marked where gateway-without-failover has a finding. */
function gatewayRows(topology: Topology, result: FileResult, poolNumber: ReadonlyMap<string, number>): GatewayView[] {
  const flagged = flaggedPaths(result.findings, 'gateway-without-failover');
  const poolsOf = poolNumbersByServer(topology, poolNumber);
  const poolName = new Map([...poolNumber].map(([name, n]) => [n, name]));
  return topology.gateways.map((g) => {
    const [primary, ...failover] = g.reportsTo;
    const noFailover = flagged.has(g.reportsToKey ? `${g.path}/${g.reportsToKey}` : g.path);
    const primaryText = primary?.name ?? 'none';
    const failoverText = failover.length > 0 ? failover.map((s) => s.name).join(', ') : `none${noFailover ? withoutFailover(g) : ''}`;
    return {
      name: g.name,
      dataCenter: g.dataCenter.name,
      agents: fmt(g.agents),
      primary: primaryText,
      failover: failoverText,
      primaryParts: atDots(primaryText),
      failoverParts: atDots(failoverText),
      noFailover,
      pools: (poolsOf.get(g.name) ?? []).map((number) => ({ number, colour: poolColour(number), name: poolName.get(number)! })),
    };
  });
}

/** Which limit a round trip is held to, and why: the database's, a pool's, or both (the smaller binds). */
function limitText(v: RoundTripVerdict, limit: number | null): string {
  if (limit === null) return 'none (no voters of one pool, no database)';
  const database = v.databaseLimit !== null ? `${v.databaseLimit} ms (a management server to the operational database)` : '';
  const pool = v.poolLimit !== null ? `${v.poolLimit} ms (between voters of one pool)` : '';
  return database && pool ? `${database}; also ${pool}` : database || pool;
}

/** The diagram in words, for readers who cannot see it: what is where, and each round trip against its limit. */
function describeTopology(outcome: LintOutcome, verdicts: ReadonlyMap<LatencyEntry, RoundTripVerdict>): string {
  const t = outcome.topology!;
  const parts = t.dataCenters.map((dc) => {
    const ms = t.managementServers.filter((s) => s.dataCenter === dc).length;
    const gw = t.gateways.filter((s) => s.dataCenter === dc).length;
    const db = t.database.dataCenter === dc ? ', and the operational database' : '';
    return `${dc.name}: ${plural(ms, 'management server')}, ${plural(gw, 'gateway')}${db}`;
  });
  const links = t.latency.map((l) => {
    const { limit, over } = verdicts.get(l)!;
    return `${l.ends[0]} to ${l.ends[1]} ${l.ms} ms${over ? `, over its ${limit} ms limit` : ''}`;
  });
  return `Data centres: ${parts.join('; ')}.${links.length ? ` Measured round trips: ${links.join('; ')}.` : ''}`;
}
