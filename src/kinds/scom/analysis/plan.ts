/**
 * Capacity planning: for each pool that does not reach the target tolerable failures, or whose
 * workload does not fit after its failures, the smallest change that does. Changes are: add members
 * (management servers, or gateways for a pool of gateways), add observer-only members, and enable or
 * disable the default observer. Preferred, in order: the fewest new servers; then no observer-only
 * members (the guidance advises against them); then the default observer as the guidance prefers
 * (enabled, except in a pool of gateways, where it cannot vote, and from five management servers, where
 * it loads the database); then no change to it.
 *
 * For each choice of observers and default observer the fewest members is found in closed form
 * (the quorum formula), then raised until the workload fits after the resulting failures and
 * validate would not flag the result: polynomial, and checked against brute-force enumeration in the
 * tests. planGroup puts the pools' changes together into one change set for the management group.
 */
import type { CapacityLimits } from '../../../domain/facts.js';
import { networkPoolBelowMinimum } from './capacity.js';
import type { DataCenter, Pool, Server, ServerRole } from '../model/types.js';
import { quorum, type QuorumFigures } from './quorum.js';
import { groupThousands, plural } from '../../../core/rule.js';
import { maxOf, minOf } from '../../../util/extremes.js';
import { powerShellString } from '../../../util/powershell.js';
import { namesOrMore } from '../../../core/headline.js';

export interface PoolShape {
  readonly members: number;
  /** Management servers among the members (the rest are gateways). */
  readonly managementServerMembers: number;
  readonly observers: number;
  /** A management server among the observers (the default observer can vote through it). */
  readonly managementServerObservers: number;
  readonly defaultObserverEnabled: boolean;
  /** Per-member workload that must fit after the tolerable failures: total and per-member limit. */
  readonly workloads: readonly {
    readonly total: number;
    readonly limitPerMember: number;
    /** Checked with every member up only: a pool's figure that grows with its gateways, not a per-server limit after failover (DOMAIN.md). */
    readonly everyMemberUp?: boolean;
  }[];
  /** The operational database is in a data centre none of the members is in: enabling the default observer would spread the pool over two. */
  readonly observerElsewhere?: boolean;
  /** The fewest members validate accepts: a pool of management servers with network devices needs three (network-pool-too-small). */
  readonly minimumMembers?: number;
}

export interface PlanChoice {
  readonly addMembers: number;
  readonly addObservers: number;
  readonly defaultObserverEnabled: boolean;
}

export interface PlanPreferences {
  /** From this many management servers the default observer is better disabled. */
  readonly databaseObserverLoadMembers: number;
  /** Which role new members take: gateways for a pool of gateways, else management servers. */
  readonly newMemberRole: ServerRole;
}

/** The figures a shape has after a choice. */
export function figuresAfter(
  shape: PoolShape,
  choice: PlanChoice,
  prefs: PlanPreferences,
): QuorumFigures & { readonly fits: boolean; readonly members: number } {
  const members = shape.members + choice.addMembers;
  const msVoters =
    shape.managementServerMembers +
    shape.managementServerObservers +
    (prefs.newMemberRole === 'management-server' ? choice.addMembers + choice.addObservers : 0);
  const votes = choice.defaultObserverEnabled && msVoters > 0;
  const newMs = prefs.newMemberRole === 'management-server';
  const q = quorum(
    {
      members,
      observers: shape.observers + choice.addObservers,
      managementServerMembers: shape.managementServerMembers + (newMs ? choice.addMembers : 0),
      managementServerObservers: shape.managementServerObservers + (newMs ? choice.addObservers : 0),
    },
    votes,
  );
  const left = members - q.tolerableFailures;
  const fits = shape.workloads.every(
    (w) =>
      w.total === 0 || (members > 0 && w.total <= members * w.limitPerMember && (w.everyMemberUp === true || (left > 0 && w.total <= left * w.limitPerMember))),
  );
  return { ...q, fits, members };
}

/**
 * A choice that `validate` would flag itself. The plan never proposes one:
 * - the default observer voting beside five or more management servers
 *   (default-observer-database-load): from five it offers the default observer disabled, as the
 *   guidance says;
 * - the default observer disabled below five where it would add a tolerable failure
 *   (default-observer-disabled): a pool is not made less resilient to pass the workload check;
 * - the default observer newly enabled where the database is in a data centre none of the members
 *   is in (pool-spans-data-centers);
 * - fewer members than the pool's minimum (network-pool-too-small).
 */
export function flagged(shape: PoolShape, choice: PlanChoice, prefs: PlanPreferences): boolean {
  if (shape.members + choice.addMembers < (shape.minimumMembers ?? 0)) return true;
  const newMs = prefs.newMemberRole === 'management-server';
  const msVoters = shape.managementServerMembers + shape.managementServerObservers + (newMs ? choice.addMembers + choice.addObservers : 0);
  if (choice.defaultObserverEnabled) {
    return msVoters >= prefs.databaseObserverLoadMembers || (shape.observerElsewhere === true && !shape.defaultObserverEnabled);
  }
  if (msVoters === 0 || msVoters >= prefs.databaseObserverLoadMembers) return false;
  return figuresAfter(shape, { ...choice, defaultObserverEnabled: true }, prefs).tolerableFailures > figuresAfter(shape, choice, prefs).tolerableFailures;
}

export function meets(shape: PoolShape, choice: PlanChoice, prefs: PlanPreferences, target: number): boolean {
  const f = figuresAfter(shape, choice, prefs);
  return f.tolerableFailures >= target && f.fits;
}

/** Order of preference between two choices that both meet the target: negative when a is better. */
export function compareChoices(a: PlanChoice, b: PlanChoice, shape: PoolShape, prefs: PlanPreferences): number {
  const cost = (c: PlanChoice) => c.addMembers + c.addObservers;
  if (cost(a) !== cost(b)) return cost(a) - cost(b);
  if (a.addObservers !== b.addObservers) return a.addObservers - b.addObservers;
  const preferred = (c: PlanChoice) => {
    // Enabled where it can vote and does not yet load the database; a pool of gateways is better without it.
    const ms =
      shape.managementServerMembers + shape.managementServerObservers + (prefs.newMemberRole === 'management-server' ? c.addMembers + c.addObservers : 0);
    return ms > 0 && ms < prefs.databaseObserverLoadMembers;
  };
  const pa = a.defaultObserverEnabled === preferred(a) ? 0 : 1;
  const pb = b.defaultObserverEnabled === preferred(b) ? 0 : 1;
  if (pa !== pb) return pa - pb;
  const ka = a.defaultObserverEnabled === shape.defaultObserverEnabled ? 0 : 1;
  const kb = b.defaultObserverEnabled === shape.defaultObserverEnabled ? 0 : 1;
  return ka - kb;
}

/** The most observer-only members a plan considers: more never beats adding members. */
function observerBound(target: number): number {
  return 2 * target + 2;
}

/** The smallest change that meets the target, or null when no change of these kinds can (a per-pool limit). */
export function planPool(shape: PoolShape, target: number, prefs: PlanPreferences): PlanChoice | null {
  let best: PlanChoice | null = null;
  for (const defaultObserverEnabled of [true, false]) {
    for (let addObservers = 0; addObservers <= observerBound(target); addObservers++) {
      const addMembers = fewestMembers(shape, target, prefs, addObservers, defaultObserverEnabled);
      if (addMembers === null) continue;
      const choice = { addMembers, addObservers, defaultObserverEnabled };
      if (flagged(shape, choice, prefs)) continue;
      if (best === null || compareChoices(choice, best, shape, prefs) < 0) best = choice;
    }
  }
  return best;
}

function fewestMembers(shape: PoolShape, target: number, prefs: PlanPreferences, addObservers: number, doEnabled: boolean): number | null {
  // Quorum: members - 1 >= target and ceil(V/2) - 1 >= target, i.e. V >= 2 target + 1.
  const msVotersWithout = shape.managementServerMembers + shape.managementServerObservers;
  const doVotes = (m: number) => doEnabled && (msVotersWithout > 0 || (prefs.newMemberRole === 'management-server' && m - shape.members + addObservers > 0));
  let m = Math.max(shape.members, target + 1, shape.minimumMembers ?? 0);
  const needV = 2 * target + 1;
  while (m + shape.observers + addObservers + (doVotes(m) ? 1 : 0) < needV) m++;
  // Workload: raise members until it fits after the failures (members - failures never decreases).
  // A choice validate would flag is passed over for the next size (flagged changes once, at the
  // database-load threshold).
  const limit =
    m + shape.workloads.reduce((n, w) => n + (w.limitPerMember > 0 ? Math.ceil(w.total / w.limitPerMember) : 0), 0) * 2 + 2 + prefs.databaseObserverLoadMembers;
  for (; m <= limit; m++) {
    const choice = { addMembers: m - shape.members, addObservers, defaultObserverEnabled: doEnabled };
    if (meets(shape, choice, prefs, target) && !flagged(shape, choice, prefs)) return m - shape.members;
  }
  return null;
}

/**
 * The most new members the plan gives one pool: as many servers as pooltopo analyses in one file
 * (limits.maxServers' default). A pool workload that needs more (a count up to 2^53 is valid) is
 * not planned server by server, which would never end: it is over what any management group
 * holds, and the plan says so. (The Windows agents' servers are bounded in headroom.ts.)
 */
export const MAX_PLANNED_SERVERS = 100_000;

/** A pool as the planner sees it, with its per-member workloads under the version's limits. */
export function poolShape(
  pool: Pool,
  limits: CapacityLimits,
  databaseDataCenter?: DataCenter,
): { shape: PoolShape; prefsRole: ServerRole; perPoolOver: readonly { item: string; total: number; limit: number; perPool?: boolean }[] } {
  const msMembers = pool.members.filter((m) => m.server.role === 'management-server').length;
  const msObservers = pool.observers.filter((o) => o.server.role === 'management-server').length;
  const gatewayPool = pool.members.length > 0 && msMembers === 0 && msObservers === 0;
  const role: ServerRole = gatewayPool ? 'gateway' : 'management-server';
  const unixLimit = role === 'gateway' ? limits.unixLinuxPerGateway.value : limits.unixLinuxPerManagementServer.value;
  const workloads = [
    {
      item: 'unixLinuxAgents',
      total: pool.workload.unixLinuxAgents,
      limitPerMember: minOf(
        pool.members.map((m) => (m.server.role === 'gateway' ? limits.unixLinuxPerGateway.value : limits.unixLinuxPerManagementServer.value)),
        unixLimit,
      ),
    },
    { item: 'urls', total: pool.workload.urls, limitPerMember: limits.urlsPerManagementServer.value },
    // A pool of gateways manages a number of network devices per gateway (capacity.ts): more gateways carry more.
    ...(role === 'gateway'
      ? [{ item: 'networkDevices', total: pool.workload.networkDevices, limitPerMember: limits.networkDevicesPerGatewayInPool.value, everyMemberUp: true }]
      : []),
  ].filter((w) => w.total > 0);
  const gatewayMembersOnly = pool.members.length > 0 && pool.members.every((m) => m.server.role === 'gateway');
  const perPoolLimit = gatewayMembersOnly ? limits.networkDevicesPerGatewayInPool.value * pool.members.length : limits.networkDevicesPerPool.value;
  const perPoolOver: { item: string; total: number; limit: number; perPool?: boolean }[] =
    role !== 'gateway' && pool.workload.networkDevices > perPoolLimit
      ? [{ item: 'networkDevices', total: pool.workload.networkDevices, limit: perPoolLimit, perPool: true }]
      : [];
  // A workload past what MAX_PLANNED_SERVERS members carry is over, not planned.
  const planned = workloads.filter((w) => {
    const within = w.limitPerMember <= 0 || w.total / w.limitPerMember <= MAX_PLANNED_SERVERS;
    if (!within) perPoolOver.push({ item: w.item, total: w.total, limit: w.limitPerMember * MAX_PLANNED_SERVERS });
    return within;
  });
  const minimumMembers = networkPoolBelowMinimum(pool);
  return {
    shape: {
      members: pool.members.length,
      managementServerMembers: msMembers,
      observers: pool.observers.length,
      managementServerObservers: msObservers,
      defaultObserverEnabled: pool.defaultObserverEnabled,
      workloads: planned,
      observerElsewhere:
        databaseDataCenter !== undefined &&
        pool.members.length > 0 &&
        ![...pool.members, ...pool.observers].some((m) => m.server.dataCenter === databaseDataCenter),
      ...(minimumMembers !== undefined ? { minimumMembers } : {}),
    },
    prefsRole: role,
    perPoolOver,
  };
}

/** What validate still says after a change, correctly, that the smallest change cannot avoid. */
export type LeftFinding = 'observer-only-members' | 'default-observer-no-benefit' | 'gateway-without-failover';

/**
 * The findings a pool's change leaves: observer-only members, where they are the fewest new servers;
 * a default observer kept that adds no tolerable failure (disabling it is no part of the change the
 * target needs); new gateways reporting to one server, as the pool's first gateway does.
 */
function findingsLeft(base: PoolShape, own: PlanChoice, prefs: PlanPreferences, choice: PlanChoice, reportsTo: readonly string[] | undefined): LeftFinding[] {
  const out: LeftFinding[] = [];
  if (choice.addObservers > 0) out.push('observer-only-members');
  const after = figuresAfter(base, own, prefs);
  const without = figuresAfter(base, { ...own, defaultObserverEnabled: false }, prefs);
  // As default-observer-no-benefit: the default observer votes, and the pool tolerates a failure either way, as many.
  if (after.votingMembers > without.votingMembers && after.tolerableFailures >= 1 && after.tolerableFailures === without.tolerableFailures)
    out.push('default-observer-no-benefit');
  if (prefs.newMemberRole === 'gateway' && choice.addMembers > 0 && (reportsTo?.length ?? 0) < 2) out.push('gateway-without-failover');
  return out;
}

export interface PoolPlan {
  readonly pool: string;
  /** One of the default pools the file does not list: the management group's own change. */
  readonly implied: boolean;
  readonly target: number;
  readonly current: {
    readonly members: number;
    readonly observers: number;
    readonly defaultObserverEnabled: boolean;
    readonly votingMembers: number;
    readonly tolerableFailures: number;
    readonly fits: boolean;
  };
  readonly meetsTarget: boolean;
  /** The smallest change, or null when the pool meets the target already or no change of these kinds can help. */
  readonly change: null | {
    readonly addMembers: number;
    readonly addObservers: number;
    readonly memberRole: ServerRole;
    readonly defaultObserver: 'enable' | 'disable' | 'keep';
    readonly result: { readonly members: number; readonly votingMembers: number; readonly tolerableFailures: number };
    readonly text: string;
    /** The PowerShell (OperationsManager module) that makes the change, once the new servers exist. */
    readonly commands: readonly string[];
    /** The names the plan gives the servers this change adds (members, then observers), each new server named once in the plan. */
    readonly newServers: readonly string[];
    /** New management servers added for other pools that this pool, with automatic membership, gets too. */
    readonly joins: readonly string[];
    /** 'manual' where the change switches the pool's automatic membership off (to keep a network pool's servers out of it). */
    readonly membership?: 'manual';
    /** Servers removed from the pool once the new ones are installed: a network pool's, which are dedicated to it. */
    readonly removeMembers?: readonly string[];
    /** Rule ids of the findings validate gives this pool or its new servers after the change, which the smallest change cannot avoid; its text says each. */
    readonly leaves?: readonly LeftFinding[];
    /** Where the new members go: where the pool's members of their role are (see planPoolIn); absent where the file names no data centre. */
    readonly dataCenter?: string;
    /** New gateways report to these servers, primary first, as the pool's first gateway does. */
    readonly reportsTo?: readonly string[];
  };
  /** Per-pool limits no number of members can fix. */
  readonly blocked?: string;
  /**
   * Servers whose loss alone stops the pool however many members it gets (what-if.ts's
   * pointsBeyondMembers: validate's single-point-of-failure); absent where there is none.
   */
  readonly singlePointsOfFailure?: readonly string[];
}

/**
 * The OperationsManager cmdlets that make a change (Set-SCOMResourcePool's -Member and -Observer
 * with -Action Add; the default observer is the pool object's UseDefaultObserver, applied). New
 * servers are written by the names the plan gives them (NEW-MS-1, NEW-GW-1, ...) for the names they
 * will have; a pool with automatic membership gets new management servers by itself.
 */
function planCommands(
  pool: Pool,
  choice: PlanChoice,
  role: ServerRole,
  doChange: 'enable' | 'disable' | 'keep',
  newServers: readonly string[],
  remove: readonly string[] | undefined,
  failover: string | undefined,
): string[] {
  const get = `Get-SCOMResourcePool -DisplayName ${powerShellString(pool.name)}`;
  const getServer = role === 'gateway' ? 'Get-SCOMGatewayManagementServer' : 'Get-SCOMManagementServer';
  const list = (names: readonly string[]) => names.map(powerShellString).join(', ');
  const out: string[] = [];
  if (choice.addMembers > 0) {
    out.push(
      pool.membership === 'automatic' && role === 'management-server'
        ? `# install ${plural(choice.addMembers, 'management server')} (${newServers.slice(0, choice.addMembers).join(', ')}): automatic membership adds ${choice.addMembers === 1 ? 'it' : 'them'} to the pool`
        : `${get} | Set-SCOMResourcePool -Member (${getServer} -Name ${list(newServers.slice(0, choice.addMembers))}) -Action Add`,
    );
  }
  // Set once the gateway is installed and approved, as gateway-without-failover's message gives it.
  if (failover !== undefined && role === 'gateway')
    for (const name of newServers.slice(0, choice.addMembers))
      out.push(
        `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name ${powerShellString(name)}) -FailoverServer (Get-SCOMManagementServer -Name ${powerShellString(failover)})`,
      );
  // A member that lacks a signing certificate cannot take over the agents another member signed (RPD).
  if (choice.addMembers > 0 && pool.purpose === 'unix-linux') {
    const signers = pool.members.map((m) => m.server.name);
    out.push(
      `# on ${newServers.slice(0, choice.addMembers).join(', ')}: ${signers.length > 0 ? `import the certificates ${namesOrMore(signers)} sign UNIX/Linux agent certificates with, and import theirs on every other member` : 'import the certificate each signs UNIX/Linux agent certificates with on the others'}: each member must hold every root certificate that signs the agents' certificates`,
    );
  }
  if (choice.addObservers > 0)
    out.push(`${get} | Set-SCOMResourcePool -Observer (Get-SCOMManagementServer -Name ${list(newServers.slice(choice.addMembers))}) -Action Add`);
  // After the new servers are installed (they join while membership is automatic), as network-pool-not-dedicated's message gives it.
  if (remove) {
    out.push(`${get} | Set-SCOMResourcePool -EnableAutomaticMembership $false`);
    if (remove.length > 0) out.push(`${get} | Set-SCOMResourcePool -Member (Get-SCOMManagementServer -Name ${list(remove)}) -Action Remove`);
  }
  if (doChange !== 'keep') out.push(`${get} | ForEach-Object { $_.UseDefaultObserver = $${doChange === 'enable'}; $_.ApplyChanges() }`);
  return out;
}

/**
 * What the rest of the plan does to a pool before its own change: new management servers it gets by
 * automatic membership, and the names its own new servers take.
 */
interface PoolContext {
  /** New management servers added for other pools that join this one (automatic membership). */
  readonly joins: readonly string[];
  /** The new management servers the automatic pools share, this pool among them. */
  readonly shared: readonly string[];
  /** Names for this pool's own new servers, by role, in the plan's one sequence. */
  readonly name: (role: ServerRole, count: number) => string[];
  /** Where the operational database is (the default observer's data centre). */
  readonly databaseDataCenter?: DataCenter | undefined;
  /** Where new management servers of an automatic pool go: one place for a server every automatic pool gets. */
  readonly groupSite?: DataCenter | undefined;
  /** The group's management servers, for a new gateway's failover. */
  readonly managementServers?: readonly Server[] | undefined;
  /** A default pool made manual without the network pools' servers: the pool it is then, and the servers removed from it. */
  readonly dedicate?: { readonly pool: Pool; readonly remove: readonly string[] } | undefined;
}

/** Names new servers NEW-MS-1, NEW-GW-1, ... in one sequence per role. */
function namer(): (role: ServerRole, count: number) => string[] {
  const counters = { ms: 0, gw: 0 };
  return (role, count) => Array.from({ length: count }, () => (role === 'gateway' ? `NEW-GW-${++counters.gw}` : `NEW-MS-${++counters.ms}`));
}

/** Where the group's new servers go, and what the Windows agents need. */
export interface GroupPlanPlaces {
  /** Where the operational database is (the default observer's data centre). */
  readonly databaseDataCenter?: DataCenter | undefined;
  /** Where management servers that join the automatic pools go (the group's first management server's data centre). */
  readonly groupSite?: DataCenter | undefined;
  /** Management servers the Windows agents need in all (headroom's addManagementServers). */
  readonly agentServersNeeded: number;
  /** The group's management servers: a new gateway's failover is one of them. */
  readonly managementServers?: readonly Server[];
}

export interface GroupPlan {
  readonly pools: PoolPlan[];
  /** Every server the plan adds, once, by role, in numeric order. */
  readonly newServers: { readonly managementServers: readonly string[]; readonly gateways: readonly string[] };
  /** The new management servers added for the Windows agents beyond those the pools' changes add. */
  readonly forAgents: readonly string[];
  /** Where those go, where the file names a data centre. */
  readonly forAgentsDataCenter?: string;
}

/**
 * The plan for the management group: one change set. New servers are named once (NEW-MS-1,
 * NEW-GW-1, ... in one sequence), and a management server installed for one pool also joins every
 * pool with automatic membership (the default pools): those pools are planned with them, so their
 * figures are the ones the whole change gives, and their default observer is disabled where the new
 * servers bring five or more management servers to it (what validate would flag otherwise). The new
 * management servers the automatic pools need themselves are one set, shared by all of them. The
 * Windows agents get only the management servers the pools' changes do not bring already: fewer of
 * those means no more for the automatic pools, so their count only grows, up to the agents' own.
 */
export function planGroup(
  pools: readonly Pool[],
  limits: CapacityLimits,
  target: number,
  databaseObserverLoadMembers: number,
  places: GroupPlanPlaces,
): GroupPlan {
  const planWith = (forAgents: number) => planWithAgentServers(pools, limits, target, databaseObserverLoadMembers, forAgents, places);
  let forAgents = 0;
  let planned = planWith(0);
  for (let round = 0; round < 64; round++) {
    const fromPools = newServersOf(planned.pools, []).managementServers.length;
    const next = Math.max(0, places.agentServersNeeded - fromPools);
    if (next <= forAgents) break;
    planned = planWith((forAgents = next));
  }
  const site = places.groupSite;
  return {
    pools: planned.pools,
    newServers: newServersOf(planned.pools, planned.forAgents),
    forAgents: planned.forAgents,
    ...(site && !site.implicit && planned.forAgents.length > 0 ? { forAgentsDataCenter: site.name } : {}),
  };
}

/** The plan's new servers, each once, by role, in numeric order. */
function newServersOf(pools: readonly PoolPlan[], forAgents: readonly string[]): GroupPlan['newServers'] {
  const out = { managementServers: new Set<string>(forAgents), gateways: new Set<string>() };
  for (const p of pools) {
    const change = p.change;
    if (!change) continue;
    change.newServers.forEach((name, i) => (i < change.addMembers && change.memberRole === 'gateway' ? out.gateways : out.managementServers).add(name));
  }
  const byNumber = (a: string, b: string) => Number(a.slice(a.lastIndexOf('-') + 1)) - Number(b.slice(b.lastIndexOf('-') + 1));
  return { managementServers: [...out.managementServers].sort(byNumber), gateways: [...out.gateways].sort(byNumber) };
}

/** planGroup's plan with `forAgents` management servers for the Windows agents added first, joining the automatic pools like the rest. */
function planWithAgentServers(
  pools: readonly Pool[],
  limits: CapacityLimits,
  target: number,
  databaseObserverLoadMembers: number,
  forAgents: number,
  { databaseDataCenter, groupSite, managementServers }: GroupPlanPlaces,
): { readonly pools: PoolPlan[]; readonly forAgents: readonly string[] } {
  const name = namer();
  const plans = new Map<Pool, PoolPlan>();
  // The management servers the Windows agents need come first (headroom's count): they join the automatic pools too.
  const agentServers = name('management-server', forAgents);
  // A set: pools alike share their new servers, which join the automatic pools once.
  const joined = new Set<string>(agentServers);
  // Pools whose members are chosen first: their new management servers are installed in the group.
  // Pools alike (the same members and observers, the same purpose and shape, as the three default
  // pools made manual for network monitoring are) get the same new servers, as they share the ones
  // they have. A pool of another purpose does not: a network pool's servers are dedicated to it (RPD, FE).
  const alike = new Map<string, { role: ServerRole; names: string[] }[]>();
  // The new servers installed for network pools.
  const forNetwork = new Set<string>();
  for (const pool of pools) {
    if (pool.membership === 'automatic') continue;
    const plan = planPoolIn(pool, limits, target, databaseObserverLoadMembers, {
      joins: [],
      shared: [],
      name: alikeNamer(alike, pool, limits, databaseDataCenter, name),
      databaseDataCenter,
      groupSite,
      managementServers,
    });
    plans.set(pool, plan);
    const installed = plan.change?.memberRole === 'management-server' ? plan.change.newServers : (plan.change?.newServers.slice(plan.change.addMembers) ?? []);
    for (const n of installed) joined.add(n);
    if (pool.purpose === 'network') for (const n of installed) forNetwork.add(n);
  }
  const joins = [...joined];
  // A network pool's servers are dedicated to it (network-pool-not-dedicated, RPD, FE): where the plan
  // installs servers for one, the automatic default pools, which those would join, are made manual
  // without any network pool's servers, so the default pools' figures are those of what is left.
  const networkMembers = new Set(forNetwork.size === 0 ? [] : pools.filter((p) => p.purpose === 'network').flatMap((p) => p.members.map((m) => m.server)));
  const dedicateOf = (pool: Pool): PoolContext['dedicate'] => {
    if (forNetwork.size === 0 || !pool.isDefault) return undefined;
    const kept = (list: Pool['members']) => list.filter((m) => !networkMembers.has(m.server));
    const gone = pool.members.filter((m) => networkMembers.has(m.server)).map((m) => m.server.name);
    return { pool: { ...pool, members: kept(pool.members), observers: kept(pool.observers) }, remove: [...gone, ...forNetwork] };
  };
  // The automatic pools: with those, then the fewest more that every one of them needs, shared.
  // Each automatic pool's shape (a default pool's as it is made manual), worked out once for every round below.
  const automatic = pools
    .filter((p) => p.membership === 'automatic')
    .map((pool) => {
      const dedicate = dedicateOf(pool);
      const poolJoins = dedicate ? joins.filter((n) => !forNetwork.has(n)) : joins;
      return { pool, dedicate, joins: poolJoins, ...poolShape(dedicate?.pool ?? pool, limits, databaseDataCenter) };
    });
  let shared = 0;
  for (let round = 0; round < 64; round++) {
    const more = maxOf(
      automatic.map(({ shape, prefsRole, joins }) => {
        if (prefsRole !== 'management-server') return 0;
        const grown = withNewManagementServers(shape, joins.length + shared);
        const choice = planPool(grown, target, { databaseObserverLoadMembers, newMemberRole: 'management-server' });
        return choice ? choice.addMembers : 0;
      }),
      0,
    );
    if (more === 0) break;
    shared += more;
  }
  const sharedNames = name('management-server', shared);
  for (const { pool, prefsRole, dedicate, joins } of automatic) {
    plans.set(
      pool,
      planPoolIn(pool, limits, target, databaseObserverLoadMembers, {
        joins,
        dedicate,
        shared: prefsRole === 'management-server' ? sharedNames : [],
        name,
        databaseDataCenter,
        groupSite,
      }),
    );
  }
  return { pools: pools.map((p) => plans.get(p)!), forAgents: agentServers };
}

/**
 * Names for a pool of chosen members' new servers: the names an alike pool planned before it got
 * (their plans are the same), or new ones, kept for the pools alike that come after it.
 */
function alikeNamer(
  alike: Map<string, { role: ServerRole; names: string[] }[]>,
  pool: Pool,
  limits: CapacityLimits,
  databaseDataCenter: DataCenter | undefined,
  name: (role: ServerRole, count: number) => string[],
): (role: ServerRole, count: number) => string[] {
  const names = (list: readonly { readonly server: { readonly name: string } }[]) => list.map((m) => m.server.name.toLowerCase()).sort();
  const key = JSON.stringify([pool.purpose, names(pool.members), names(pool.observers), poolShape(pool, limits, databaseDataCenter)]);
  const earlier = alike.get(key);
  if (earlier) {
    let call = 0;
    return (role, count) => {
      const given = earlier[call++];
      return given && given.role === role && given.names.length === count ? given.names : name(role, count);
    };
  }
  const calls: { role: ServerRole; names: string[] }[] = [];
  alike.set(key, calls);
  return (role, count) => {
    const given = name(role, count);
    calls.push({ role, names: given });
    return given;
  };
}

/** A pool's shape with `n` more management servers among its members. */
function withNewManagementServers(shape: PoolShape, n: number): PoolShape {
  return n === 0 ? shape : { ...shape, members: shape.members + n, managementServerMembers: shape.managementServerMembers + n };
}

function planPoolIn(pool: Pool, limits: CapacityLimits, target: number, databaseObserverLoadMembers: number, context: PoolContext): PoolPlan {
  const shared = context.shared.length;
  const { shape, prefsRole, perPoolOver } = poolShape(pool, limits, context.databaseDataCenter);
  const prefs: PlanPreferences = { databaseObserverLoadMembers, newMemberRole: prefsRole };
  const none: PlanChoice = { addMembers: 0, addObservers: 0, defaultObserverEnabled: shape.defaultObserverEnabled };
  const now = figuresAfter(shape, none, prefs);
  const current = {
    members: shape.members,
    observers: shape.observers,
    defaultObserverEnabled: shape.defaultObserverEnabled,
    votingMembers: now.votingMembers,
    tolerableFailures: now.tolerableFailures,
    fits: now.fits,
  };
  const blocked = perPoolOver.length
    ? perPoolOver
        .map((o) =>
          o.perPool === true
            ? `${groupThousands(o.total)} network devices are over the ${groupThousands(o.limit)} one pool supports whatever its size: split them over another pool`
            : `${groupThousands(o.total)} ${o.item === 'urls' ? 'URLs' : o.item === 'networkDevices' ? 'network devices' : 'UNIX/Linux agents'} need more than the ${groupThousands(MAX_PLANNED_SERVERS)} members pooltopo plans (${groupThousands(o.limit)} at most): split them over management groups`,
        )
        .join('; ')
    : undefined;
  const meetsTarget = meets(shape, none, prefs, target);
  const implied = pool.implied;
  // The pool as the rest of the plan leaves it: the new management servers it gets by automatic
  // membership, and the ones the automatic pools share.
  const dedicate = context.dedicate;
  const base = withNewManagementServers(dedicate ? poolShape(dedicate.pool, limits, context.databaseDataCenter).shape : shape, context.joins.length + shared);
  const untouched = meets(base, none, prefs, target) && !flagged(base, none, prefs);
  if (untouched && base === shape) return { pool: pool.name, implied, target, current, meetsTarget, change: null, ...(blocked ? { blocked } : {}) };
  const own = untouched ? none : planPool(base, target, prefs);
  if (!own) return { pool: pool.name, implied, target, current, meetsTarget, change: null, blocked: blocked ?? 'no number of members reaches the target' };
  const after = figuresAfter(base, own, prefs);
  const doChange = own.defaultObserverEnabled === shape.defaultObserverEnabled ? 'keep' : own.defaultObserverEnabled ? 'enable' : 'disable';
  const choice: PlanChoice = { addMembers: shared + own.addMembers, addObservers: own.addObservers, defaultObserverEnabled: own.defaultObserverEnabled };
  const newServers = [...context.shared, ...context.name(prefsRole, own.addMembers), ...context.name('management-server', own.addObservers)];
  const parts: string[] = [];
  if (context.joins.length > 0) parts.push(`gets ${context.joins.join(', ')} (new, for the Windows agents or other pools)`);
  if (dedicate)
    parts.push(
      `switch to manual membership${dedicate.remove.length > 0 ? ` and remove ${namesOrMore(dedicate.remove)}` : ''} once the new servers are installed (a network pool's servers are dedicated to it)`,
    );
  // New members go where the pool's members of their role are (elsewhere they would spread it over
  // another data centre); an empty pool's beside the database; an automatic pool's where the
  // group's are, the same for every automatic pool that gets them.
  const site =
    pool.membership === 'automatic' && prefsRole === 'management-server'
      ? (context.groupSite ?? pool.members[0]?.server.dataCenter)
      : ((pool.members.find((m) => m.server.role === prefsRole) ?? pool.members[0])?.server.dataCenter ?? context.databaseDataCenter);
  const where = site && !site.implicit ? site.name : undefined;
  // A new gateway reports where the pool's first gateway does: a gateway with no server to report to is cut off.
  const like = prefsRole === 'gateway' ? pool.members.find((m) => m.server.role === 'gateway')?.server : undefined;
  // One parent cuts a new gateway off with it (gateway-without-failover): another management server, beside it where one is, is its failover.
  const only = like?.reportsTo.length === 1 && like.reportsTo[0]!.role === 'management-server' ? like.reportsTo[0] : undefined;
  const others = (context.managementServers ?? []).filter((s) => s !== only);
  const failover = only ? (others.find((s) => s.dataCenter === only.dataCenter) ?? others[0]) : undefined;
  const reportsTo = like && like.reportsTo.length > 0 ? [...like.reportsTo, ...(failover ? [failover] : [])].map((r) => r.name) : undefined;
  if (choice.addMembers > 0)
    parts.push(
      `add ${plural(choice.addMembers, prefsRole === 'gateway' ? 'gateway' : 'management server')}${where !== undefined ? ` in ${where}` : ''}${
        like && like.reportsTo.length > 0
          ? ` reporting to ${namesOrMore(like.reportsTo.map((r) => r.name))} (as ${like.name} does)${failover ? ` with ${failover.name} as failover` : ''}`
          : ''
      }`,
    );
  if (choice.addObservers > 0) parts.push(`add ${plural(choice.addObservers, 'observer-only member')}`);
  if (doChange !== 'keep') parts.push(`${doChange} the default observer`);
  // Said where the minimum, not the target, sets the size: the reader would otherwise see no reason.
  const why =
    shape.minimumMembers !== undefined && shape.members < shape.minimumMembers
      ? `; network devices are supported in a pool of ${shape.minimumMembers} or more management servers`
      : '';
  const leaves = findingsLeft(base, own, prefs, choice, reportsTo);
  const left = leaves.map((id) => {
    if (id === 'observer-only-members')
      return '; observer-only members vote but run no workflows (observer-only-members): full members alone would take more new servers';
    if (id === 'default-observer-no-benefit') return '; the default observer then adds no tolerable failure (default-observer-no-benefit): it may be disabled';
    return `; like ${like?.name ?? "the pool's gateways"}, the new gateways have no failover server (gateway-without-failover says how to give them one)`;
  });
  const text = `${parts.join(' and ')}: ${plural(after.members, 'member')}, ${plural(after.votingMembers, 'voter')}, tolerates ${groupThousands(after.tolerableFailures)}${why}${left.join('')}`;
  return {
    pool: pool.name,
    implied,
    target,
    current,
    meetsTarget,
    change: {
      addMembers: choice.addMembers,
      addObservers: choice.addObservers,
      memberRole: prefsRole,
      defaultObserver: doChange,
      result: { members: after.members, votingMembers: after.votingMembers, tolerableFailures: after.tolerableFailures },
      text,
      commands: planCommands(pool, choice, prefsRole, doChange, newServers, dedicate?.remove, failover?.name),
      newServers,
      joins: context.joins,
      ...(dedicate ? { membership: 'manual' as const, removeMembers: dedicate.remove } : {}),
      ...(leaves.length > 0 ? { leaves } : {}),
      ...(where !== undefined && choice.addMembers + choice.addObservers > 0 ? { dataCenter: where } : {}),
      ...(reportsTo && choice.addMembers > 0 ? { reportsTo } : {}),
    },
    ...(blocked ? { blocked } : {}),
  };
}
