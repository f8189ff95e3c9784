/**
 * The report's section for a SCOM management group: the topology diagram and its round trips, each
 * pool's quorum, data-centre loss, capacity and availability, and the what-if table. Every figure is
 * the analyses' (the same `validate` reports); this module chooses words, order and geometry.
 */
import type { FileResultBase } from '../../../core/results.js';
import type { PoolResult, ScomModels } from '../results.js';

/** What the report is drawn from: the file's result (its pools SCOM's when the models are there) and the kind's models. */
type LintOutcome = Partial<ScomModels> & { readonly result: FileResultBase & { readonly pools: readonly unknown[] } };
type FileResult = LintOutcome['result'];
import { groupThousands, plural } from '../../../core/rule.js';
import type { Settings } from '../../../core/settings.js';
import { evaluateFew, type PoolState } from '../analysis/failure/index.js';
import { ninesText } from '../analysis/availability.js';
import { databaseOwnNames } from '../analysis/what-if.js';
import { layoutDiagram, MAX_BOXES_PER_REGION, poolColour, poolNumbersByServer, roundTripVerdicts, type Diagram, type RoundTripVerdict } from './diagram.js';
import type { LatencyEntry, Topology } from '../model/types.js';
import type { WorkloadCapacity } from '../analysis/capacity.js';
import type { TopologyAnalysis } from '../analysis/index.js';
import type { KindReport } from '../../../core/kind.js';
import { weakestPoolHeadline, type Headline } from '../../../core/headline.js';
import { flaggedPaths } from '../../../core/flagged.js';

const fmt = groupThousands;

export interface ScomReportView {
  readonly diagram: Diagram & { readonly maxBoxes: number; readonly description: string; readonly legend: readonly { readonly number: number; readonly name: string; readonly colour: number }[] };
  /** Every measured round trip, with the limit it is held to. */
  readonly roundTrips: readonly { readonly between: string; readonly ms: string; readonly limit: string; readonly over: boolean }[];
  /** Some round trip is over its limit (the diagram's caption explains the mark then). */
  readonly anyOver: boolean;
  /** Every management server and gateway, whole: the diagram draws a data centre's servers one by one only up to MAX_BOXES_PER_REGION. */
  readonly servers: readonly ServerView[];
  /** Each gateway: where it is, the management servers it reports to, and the pools it votes in. */
  readonly gateways: readonly GatewayView[];
  /** The management group's workload against its supported limits (the figures capacity-exceeded and capacity-after-failover read). */
  readonly groupCapacity: readonly { readonly item: string; readonly total: string; readonly limit: string; readonly verdict: string; readonly ok: boolean }[];
  readonly pools: readonly PoolView[];
  /** Every single data centre and every single server down: which pools keep working. */
  readonly whatIf: {
    readonly pools: readonly { readonly number: number; readonly colour: number; readonly name: string }[];
    readonly rows: readonly { readonly label: string; readonly kind: string; readonly cells: readonly { readonly runs: boolean; readonly cut?: true; readonly text: string; readonly title: string }[]; readonly allRun: boolean }[];
    readonly omitted: number;
    /**
     * Past WHAT_IF_COLUMNS pools, one block per pool instead of a column each (a column per pool
     * needed a sideways scroll at a desktop's width): the rows grouped by the pool's outcome, those
     * it does not work in first.
     */
    readonly blocks?: readonly {
      readonly number: number; readonly colour: number; readonly name: string; readonly anchor: string;
      readonly outcomes: readonly { readonly text: string; readonly runs: boolean; readonly cut?: true; readonly title: string; readonly downs: readonly { readonly kind: string; readonly names: readonly string[] }[] }[];
    }[];
  };
}

export interface ServerView {
  readonly name: string;
  readonly role: string;
  readonly dataCenter: string;
  readonly agents: string;
  readonly pools: readonly { readonly number: number; readonly colour: number; readonly name: string }[];
  readonly availability: string;
}

export interface GatewayView {
  readonly name: string;
  readonly dataCenter: string;
  readonly agents: string;
  readonly primary: string;
  readonly failover: string;
  /** `primary` and `failover` in pieces ending at a DNS name's dots, where a printed page may break them (<wbr>). */
  readonly primaryParts: readonly string[];
  readonly failoverParts: readonly string[];
  /** gateway-without-failover found this gateway (as configured: nothing when the rule is off). */
  readonly noFailover: boolean;
  readonly pools: readonly { readonly number: number; readonly colour: number; readonly name: string }[];
}

export interface PoolView {
  readonly number: number;
  readonly anchor: string;
  readonly name: string;
  readonly implied: boolean;
  readonly colour: number;
  readonly members: string;
  readonly observers: string;
  readonly defaultObserver: string;
  /** `bad` marks a figure past its limit (a round trip over the pool's latency limit). */
  readonly figures: readonly { readonly label: string; readonly value: string; readonly bad?: true }[];
  readonly bars: readonly { readonly label: string; readonly value: number; readonly width: number; readonly y: number; readonly current: boolean }[];
  readonly barsMax: number;
  readonly dataCenterLoss: readonly { readonly dataCenter: string; readonly outcome: string; readonly votes: string; readonly survives: boolean }[];
  readonly capacity: readonly { readonly item: string; readonly total: string; readonly limit: string; readonly before: string; readonly after: string; readonly beforeOk: boolean; readonly afterOk: boolean; readonly headroomOver: boolean; readonly headroom: string; readonly ok: boolean }[];
  readonly availability?: { readonly probability: string; readonly nines: string; readonly assumption: string };
  readonly findings: number;
}

/** The most pools the what-if table gives a column each; past it, a block per pool. */
export const WHAT_IF_COLUMNS = 4;

/** The most single-server rows the what-if table shows; `pooltopo simulate` answers for the rest. */
export const MAX_WHAT_IF_SERVERS = 60;




const ITEM_LABELS: Readonly<Record<string, string>> = {
  unixLinuxAgents: 'UNIX/Linux computers',
  urls: 'URLs',
  networkDevices: 'Network devices',
};


/** SCOM's part of the report: name, facts, the weakest pool's tolerable failures, and its section. */
export function scomReport(outcome: LintOutcome, settings: Settings): KindReport {
  const topology = outcome.topology!;
  const pools = outcome.result.pools as readonly PoolResult[];
  const headline = singlePointCaveat(capacityCaveat(weakestPoolHeadline(pools, 'member'), pools, outcome.analysis!.worstAgentFailure === null), outcome.analysis!);
  return {
    name: topology.name,
    review: 'pool topology review',
    modelNote: 'Quorum model: a pool keeps quorum while more than half of its voting members are available, and works while a connected member runs its workflows; tolerable failures are the most members that can fail at once, whichever they are (min(ceil(V/2) − 1, members − 1) for a pool of management servers or of gateways).',
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
    pools: pools.map((p, i) => poolView(p, i + 1, outcome.result, { capacity: outcome.analysis!.pools[i]!.capacity, barsMax, poolLatencyMs: settings.poolLatencyMs })),
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

/** The gateways' rows: the failover cell is marked where gateway-without-failover has a finding. */
function gatewayRows(topology: Topology, result: FileResult, poolNumber: ReadonlyMap<string, number>): GatewayView[] {
  const flagged = flaggedPaths(result.findings, 'gateway-without-failover');
  const poolsOf = poolNumbersByServer(topology, poolNumber);
  const poolName = new Map([...poolNumber].map(([name, n]) => [n, name]));
  return topology.gateways.map((g) => {
    const [primary, ...failover] = g.reportsTo;
    const noFailover = flagged.has(g.reportsToKey ? `${g.path}/${g.reportsToKey}` : g.path);
    const primaryText = primary?.name ?? 'none';
    const failoverText = failover.length > 0 ? failover.map((s) => s.name).join(', ')
      : `none${!noFailover ? '' : primary ? ': its agents stop reporting while its primary is down' : ': it reports to no server'}`;
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

/** `scom-ms01.corp.contoso.com` as `scom-ms01.`, `corp.`, `contoso.com`: a name three columns of a printed table wide breaks only there. */
function atDots(text: string): string[] {
  return text.split(/(?<=\.)(?=[^\s.])/);
}

/** Which limit a round trip is held to, and why: the database's, a pool's, or both (the smaller binds). */
function limitText(v: RoundTripVerdict, limit: number | null): string {
  if (limit === null) return 'none (no voters of one pool, no database)';
  const database = v.databaseLimit !== null ? `${v.databaseLimit} ms (a management server to the operational database)` : '';
  const pool = v.poolLimit !== null ? `${v.poolLimit} ms (between voters of one pool)` : '';
  return database && pool ? `${database}; also ${pool}` : database || pool;
}

/** A data centre's loss for one pool, in words: the failure model's outcome and cause, as simulate gives them. */
function dataCenterLossOutcome(l: PoolResult['dataCenterLoss'][number]): string {
  const group = l.stopsManagementGroup ? '; the management group stops too' : '';
  switch (l.cause) {
    case undefined: return 'works';
    case 'database': return `cut off: it keeps quorum, but the operational database is unavailable${group}`;
    case 'side': return `cut off: it keeps quorum away from the operational database${group}`;
    case 'not-connected': return `cut off: it keeps quorum, but its running members reach no connected management server${group}`;
    case 'members': return `stops: no member left${group}`;
    case 'no-members': return 'stops: it has no members';
    case 'votes': return `stops: too few votes${group}`;
  }
}

/** A what-if cell: the outcome in a word and the votes; cut off is not stopped, and says why. */
function whatIfCell(s: PoolState, votingMembers: number): { runs: boolean; cut?: true; text: string; title: string } {
  const votes = `${s.votes}/${votingMembers}`;
  switch (s.outcome) {
    case 'works': return { runs: true, text: `works (${votes})`, title: 'keeps quorum, and a connected member runs its workflows' };
    case 'cut-off': {
      const why = s.cause === 'database' ? 'no database' : s.cause === 'side' ? 'away from the database' : 'not connected';
      return { runs: false, cut: true, text: `CUT OFF (${why})`, title: 'runs, but its data reaches no connected management server' };
    }
    case 'stops': {
      const why = s.cause === 'votes' ? votes : s.cause === 'members' ? 'no member' : 'no members';
      return { runs: false, text: `STOPS (${why})`, title: s.cause === 'votes' ? 'half or fewer of its votes are available' : 'no member is up to run its workflows' };
    }
  }
}

/** Each data centre, server and database host down alone: one evaluation of the failure model each. */
function whatIf(analysis: TopologyAnalysis, pools: readonly PoolResult[]): ScomReportView['whatIf'] {
  const { model, baseline } = analysis;
  const rows: ScomReportView['whatIf']['rows'][number][] = [];
  const add = (label: string, kind: string, down: ArrayLike<number>) => {
    const state = evaluateFew(model, baseline, down);
    const cells = state.pools.map((s, i) => whatIfCell(s, model.pools[i]!.votingMembers));
    rows.push({ label, kind, cells, allRun: cells.every((c) => c.runs) && state.managementGroupWorks });
  };
  model.dataCenters.forEach((dc, i) => add(dc.name, 'data centre', model.hostsByDc[i]!));
  const servers = model.hosts.filter((h) => h.server);
  for (const h of servers.slice(0, MAX_WHAT_IF_SERVERS)) add(h.name, h.role === 'gateway' ? 'gateway' : 'management server', [h.index]);
  const kinds: Readonly<Record<string, string>> = { database: 'operational database', 'cluster-node': 'database cluster node', witness: 'database cluster witness' };
  for (const h of model.hosts) {
    if (h.server || (h.role === 'database' && model.topology.database.implied)) continue;
    add(h.name, kinds[h.role] ?? h.role, [h.index]);
  }
  const columns = pools.map((p, i) => ({ number: i + 1, colour: poolColour(i + 1), name: p.name }));
  return {
    pools: columns,
    rows,
    omitted: Math.max(0, servers.length - MAX_WHAT_IF_SERVERS),
    ...(pools.length > WHAT_IF_COLUMNS ? { blocks: columns.map((c, i) => ({ ...c, anchor: `what-if-${c.number}`, outcomes: outcomesOf(rows, i) })) } : {}),
  };
}

/** One pool's outcomes, each with what going down gives it: those it does not work in first, in the rows' order. */
function outcomesOf(rows: ScomReportView['whatIf']['rows'], pool: number): NonNullable<ScomReportView['whatIf']['blocks']>[number]['outcomes'] {
  const byText = new Map<string, { text: string; runs: boolean; cut?: true; title: string; downs: { kind: string; names: string[] }[] }>();
  for (const row of rows) {
    const cell = row.cells[pool]!;
    let group = byText.get(cell.text);
    if (!group) byText.set(cell.text, group = { text: cell.text, runs: cell.runs, ...(cell.cut ? { cut: true as const } : {}), title: cell.title, downs: [] });
    // The rows come kind by kind, so each kind is named once before its names.
    const last = group.downs[group.downs.length - 1];
    if (last?.kind === row.kind) last.names.push(row.label);
    else group.downs.push({ kind: row.kind, names: [row.label] });
  }
  const groups = [...byText.values()].map((g) => ({ ...g, downs: g.downs.map((d) => ({ kind: d.names.length > 1 ? `${d.kind}s` : d.kind, names: d.names })) }));
  return [...groups.filter((g) => !g.runs), ...groups.filter((g) => g.runs)];
}

/** A pool's three tolerable-failure bars: as configured, with and without the default observer. */
function barsOf(p: PoolResult): { label: string; value: number; current: boolean }[] {
  return [
    { label: 'as configured', value: p.tolerableFailures, current: true },
    { label: 'with the default observer', value: p.withDefaultObserver.tolerableFailures, current: false },
    { label: 'without the default observer', value: p.withoutDefaultObserver.tolerableFailures, current: false },
  ];
}

/**
 * The scale of every pool's bars: the same for all pools of a file, so that equal bars mean equal
 * figures from one pool card to the next; its largest bar fills the width.
 */
function barScale(pools: readonly PoolResult[]): number {
  let max = 1;
  for (const p of pools) for (const b of barsOf(p)) max = Math.max(max, b.value);
  return max;
}

/** What a pool card needs beyond its pool result: its capacity analysis and the file's bar scale. */
interface PoolViewContext {
  readonly capacity: readonly WorkloadCapacity[];
  readonly barsMax: number;
  /** Settings' round trip between two voters above which latency-over-10ms fires. */
  readonly poolLatencyMs: number;
}

function poolView(p: PoolResult, number: number, file: Pick<FileResult, 'findings'>, { capacity, barsMax, poolLatencyMs }: PoolViewContext): PoolView {
  const tol = (n: number) => `${n} ${n === 1 ? 'failure' : 'failures'}`;
  const bars = barsOf(p);
  return {
    number,
    anchor: `pool-${number}`,
    name: p.name,
    implied: p.implied,
    colour: poolColour(number),
    members: p.members.length ? p.members.join(', ') : 'none',
    observers: p.observers.length ? p.observers.join(', ') : 'none',
    defaultObserver: p.defaultObserver.enabled
      ? p.defaultObserver.participates ? 'enabled, votes' : 'enabled, but cannot vote (no management server among the voters)'
      : 'disabled',
    figures: [
      { label: 'Voting members', value: fmt(p.votingMembers) },
      { label: 'Votes needed', value: fmt(p.votesNeeded) },
      { label: 'Tolerates', value: tol(p.tolerableFailures) },
      { label: 'With the default observer', value: `${p.withDefaultObserver.votingMembers} voters, tolerates ${tol(p.withDefaultObserver.tolerableFailures)}` },
      { label: 'Without the default observer', value: `${p.withoutDefaultObserver.votingMembers} voters, tolerates ${tol(p.withoutDefaultObserver.tolerableFailures)}` },
      { label: 'Highly available', value: p.highlyAvailable ? 'yes' : 'no' },
      p.largestRoundTripMs !== null && p.largestRoundTripMs > poolLatencyMs
        ? { label: 'Largest round trip between voters', value: `${p.largestRoundTripMs} ms ⚠ over the ${poolLatencyMs} ms limit`, bad: true as const }
        : { label: 'Largest round trip between voters', value: p.largestRoundTripMs === null ? 'not measured' : `${p.largestRoundTripMs} ms` },
      { label: 'PoolManager lease', value: `${fmt(p.leaseDurationSeconds)} s` },
    ],
    bars: bars.map((b, i) => ({ ...b, width: Math.round((b.value / barsMax) * 240), y: i * 26 })),
    barsMax,
    dataCenterLoss: p.dataCenterLoss.map((l) => ({
      dataCenter: l.dataCenter,
      survives: l.survives,
      outcome: dataCenterLossOutcome(l),
      votes: `${plural(l.votesLeft, 'vote')} left (${l.votesNeeded} needed), ${plural(l.membersLeft, 'member')} left`,
    })),
    // The analysis' own figures: the pool result keeps only the totals, the limit and the verdicts.
    capacity: capacity.map((c) => ({
      item: ITEM_LABELS[c.item] ?? c.item,
      total: fmt(c.total),
      limit: `${fmt(c.limit)} ${c.limitKind === 'per-member' ? 'per member' : 'per pool'}`,
      before: capacityOutcome(c.fits, c.perMember),
      beforeOk: c.fits,
      afterOk: c.fitsAfterFailover,
      after: c.membersAfterFailover === 0 ? 'no member left' : capacityOutcome(c.fitsAfterFailover, c.perMemberAfterFailover, c.membersAfterFailover),
      headroom: c.headroom >= 0 ? fmt(c.headroom) : `${fmt(-c.headroom)} over`,
      headroomOver: c.headroom < 0,
      ok: c.fits && c.fitsAfterFailover,
    })),
    ...(p.availability ? {
      availability: {
        probability: `${(p.availability.probability * 100).toPrecision(8).replace(/\.?0+$/, '')}%`,
        nines: p.availability.nines === null ? 'always available' : ninesText(p.availability.nines),
        assumption: p.availability.assumedAlwaysUp.length
          ? `Taken as always up (no availability given): ${p.availability.assumedAlwaysUp.join(', ')}.`
          : 'Every voter and the database carry an availability.',
      },
    } : {}),
    findings: file.findings.filter((f) => f.pool === p.name).length,
  };
}

const GROUP_ITEMS: Readonly<Record<string, string>> = {
  computers: 'Agent-managed and UNIX/Linux computers',
  networkDevices: 'Network devices',
  urls: 'URLs',
};

/** `fits (2,100 to spare)` or `over the limit by 900`. */
function limitVerdict(total: number, limit: number): string {
  return total <= limit ? `fits (${fmt(limit - total)} to spare)` : `over the limit by ${fmt(total - limit)}`;
}

/** The management group's rows: Windows agents after the busiest management server fails, then each total against its limit. */
function groupCapacityRows(analysis: TopologyAnalysis): ScomReportView['groupCapacity'] {
  const rows: { item: string; total: string; limit: string; verdict: string; ok: boolean }[] = [];
  const w = analysis.worstAgentFailure;
  if (w) {
    rows.push({
      item: `Windows agents on ${w.server.name} after ${w.failed.name} fails`,
      total: fmt(w.agents),
      limit: `${fmt(w.limit)} per server`,
      verdict: limitVerdict(w.agents, w.limit),
      ok: false,
    });
  } else if (analysis.model.managementServers.length > 1) {
    rows.push({ item: 'Windows agents after any one server fails', total: '', limit: 'per server', verdict: 'fits on every server', ok: true });
  }
  for (const s of analysis.capacity.serversOverAgentLimit) {
    rows.push({ item: `Windows agents on ${s.server.name}`, total: fmt(s.agents), limit: `${fmt(s.limit)} per server`, verdict: limitVerdict(s.agents, s.limit), ok: false });
  }
  for (const t of analysis.capacity.totals) {
    rows.push({
      item: GROUP_ITEMS[t.item] ?? t.item,
      total: fmt(t.total),
      limit: fmt(t.limit),
      verdict: limitVerdict(t.total, t.limit),
      ok: t.fits,
    });
  }
  return rows;
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

/** `fits (300 each)`, `over the limit (450 each on 2 members)`; per-pool limits carry no share. */
function capacityOutcome(fits: boolean, each: number | null, members?: number): string {
  const verdict = fits ? 'fits' : 'over the limit';
  if (each === null) return verdict;
  return `${verdict} (${fmt(each)} each${members === undefined ? '' : ` on ${plural(members, 'member')}`})`;
}
