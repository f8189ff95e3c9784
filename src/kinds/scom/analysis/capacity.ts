/**
 * Workload against the supported limits (DOMAIN.md "Supported limits" and its capacity model), with
 * every member up and after the pool's tolerable failures.
 */
import { CAPACITY_LIMITS, POOL, type CapacityLimits, type ScomVersion, type SourcedNumber } from '../../../domain/facts.js';
import type { Pool, Server, Topology } from '../model/types.js';

export type WorkloadItem = 'unixLinuxAgents' | 'urls' | 'networkDevices';

export interface WorkloadCapacity {
  readonly item: WorkloadItem;
  readonly total: number;
  /** What the busiest member carries with every member up (even spread). */
  readonly perMember: number | null;
  /** The per-member limit that binds (the smallest among the members), or the per-pool limit. */
  readonly limit: number;
  readonly limitKind: 'per-member' | 'per-pool';
  readonly fits: boolean;
  /** Members left after the pool's tolerable failures, and what each then carries. */
  readonly membersAfterFailover: number;
  readonly perMemberAfterFailover: number | null;
  readonly fitsAfterFailover: boolean;
  /**
   * How much more of it fits before a limit or the after-failover check is hit; negative when it is
   * over, by how much (validate's JSON, plan and the report all give it so). Null where the pool is
   * smaller than the limit is stated for (`minimumMembers`) and within it: no supported figure to count up to.
   */
  readonly headroom: number | null;
  /** The fewest members the limit is stated for, where the pool has fewer (network devices: 3, SR). */
  readonly minimumMembers?: number;
}

/**
 * The fewest members Microsoft states a pool's network-device figure for, where the pool is
 * management servers only and has fewer (SR: 1,000 from three): validate's network-pool-too-small,
 * plan's minimum and the capacity headroom all read it here. Undefined otherwise.
 */
export function networkPoolBelowMinimum(pool: Pool): number | undefined {
  const minimum = POOL.networkPoolMinimumManagementServers.value;
  const ms = pool.members.filter((m) => m.server.role === 'management-server').length;
  return pool.workload.networkDevices > 0 && ms > 0 && ms === pool.members.length && ms < minimum ? minimum : undefined;
}

function perMemberLimit(limits: CapacityLimits, item: Exclude<WorkloadItem, 'networkDevices'>, server: Server): SourcedNumber {
  if (item === 'unixLinuxAgents') {
    return server.role === 'gateway' ? limits.unixLinuxPerGateway : limits.unixLinuxPerManagementServer;
  }
  // URLs: documented per dedicated management server; pooltopo applies the same figure to a gateway.
  return limits.urlsPerManagementServer;
}

export function limitsFor(version: ScomVersion): CapacityLimits {
  return CAPACITY_LIMITS[version];
}

/** Capacity of one pool's workload items that are non-zero. */
export function poolCapacity(topology: Topology, pool: Pool, tolerableFailures: number): WorkloadCapacity[] {
  const limits = limitsFor(topology.scomVersion);
  const out: WorkloadCapacity[] = [];
  const members = pool.members.map((m) => m.server);
  for (const item of ['networkDevices', 'unixLinuxAgents', 'urls'] as const) {
    const total = pool.workload[item];
    if (total <= 0) continue;
    if (item === 'networkDevices') {
      // 1,000 for a pool of management servers; a pool of gateways manages 500 per gateway (SR).
      const gatewaysOnly = members.length > 0 && members.every((s) => s.role === 'gateway');
      const limit = gatewaysOnly ? limits.networkDevicesPerGatewayInPool.value * members.length : limits.networkDevicesPerPool.value;
      const fits = total <= limit && members.length > 0;
      const minimumMembers = networkPoolBelowMinimum(pool);
      out.push({
        item,
        total,
        perMember: null,
        limit,
        limitKind: 'per-pool',
        fits,
        membersAfterFailover: Math.max(0, members.length - tolerableFailures),
        perMemberAfterFailover: null,
        fitsAfterFailover: fits,
        // Below the stated size there is no figure to count up to, but over the figure is over at any size.
        headroom: minimumMembers !== undefined && fits ? null : members.length > 0 ? limit - total : -total,
        ...(minimumMembers !== undefined ? { minimumMembers } : {}),
      });
      continue;
    }
    // Each member's limit; the largest members are taken to fail first.
    const memberLimits = members.map((s) => perMemberLimit(limits, item, s).value).sort((a, b) => b - a);
    const n = memberLimits.length;
    const after = Math.max(0, n - tolerableFailures);
    const minLimit = (from: number) => {
      let min = Number.POSITIVE_INFINITY;
      for (let i = from; i < n; i++) min = Math.min(min, memberLimits[i]!);
      return min;
    };
    const limitAll = n > 0 ? minLimit(0) : 0;
    const limitAfter = after > 0 ? minLimit(n - after) : 0;
    const fits = n > 0 && total / n <= limitAll;
    const fitsAfterFailover = after > 0 && total / after <= limitAfter;
    out.push({
      item,
      total,
      perMember: n > 0 ? Math.ceil(total / n) : null,
      limit: limitAll,
      limitKind: 'per-member',
      fits,
      membersAfterFailover: after,
      perMemberAfterFailover: after > 0 ? Math.ceil(total / after) : null,
      fitsAfterFailover,
      headroom: Math.min(n * limitAll, after * limitAfter) - total,
    });
  }
  return out;
}

export interface GroupLimitCheck {
  readonly item: 'computers' | 'networkDevices' | 'urls';
  readonly total: number;
  readonly limit: number;
  readonly fits: boolean;
}

export interface ServerAgentCheck {
  readonly server: Server;
  readonly agents: number;
  readonly limit: number;
}

export interface GroupCapacity {
  /** Servers over their Windows-agent limit. */
  readonly serversOverAgentLimit: readonly ServerAgentCheck[];
  readonly totals: readonly GroupLimitCheck[];
  /** Windows agents on management servers after the busiest one fails (n >= 2). */
  readonly agentFailover: {
    readonly managementServers: number;
    readonly agents: number;
    /** (n - 1) x the per-server limit. */
    readonly limit: number;
    readonly fits: boolean;
    /**
     * Management servers to add so that the agents fit after the busiest fails, with the agents
     * spread over all of them (0 when they fit): no failover list can make them fit without.
     * Counted for the most computers a management group supports at most (SR).
     */
    readonly addManagementServers: number;
  } | null;
}

export interface GroupCapacityOptions {
  /** Agent-managed plus UNIX/Linux computers the group may have (DOMAIN.md: 6,000 with 50 consoles). */
  readonly computersPerManagementGroup?: number;
}

/**
 * Management servers to add to `n` so that `agents` fit after the busiest fails, spread over all of
 * them: with m servers they fit when (m - 1) x per >= agents. Past the most computers a management
 * group supports (SR) no number of servers makes them fit (the computers total says so), so they are
 * counted for that many at most: a plan names a handful, not billions, for a file that claims 9e12.
 */
export function managementServersToAdd(agents: number, n: number, limits: CapacityLimits): number {
  const counted = Math.min(agents, limits.computersPerManagementGroupFewConsoles.value);
  return Math.max(0, Math.ceil(counted / limits.windowsAgentsPerManagementServer.value) + 1 - n);
}

export function groupCapacity(topology: Topology, options: GroupCapacityOptions = {}): GroupCapacity {
  const limits = limitsFor(topology.scomVersion);
  const serversOverAgentLimit: ServerAgentCheck[] = [];
  for (const s of [...topology.managementServers, ...topology.gateways]) {
    const limit = s.role === 'gateway' ? limits.windowsAgentsPerGateway.value : limits.windowsAgentsPerManagementServer.value;
    if (s.agents > limit) serversOverAgentLimit.push({ server: s, agents: s.agents, limit });
  }
  let windowsAgents = 0;
  for (const s of topology.managementServers) windowsAgents += s.agents;
  let gatewayAgents = 0;
  for (const s of topology.gateways) gatewayAgents += s.agents;
  let unixLinux = 0;
  let networkDevices = 0;
  let urls = 0;
  for (const p of topology.pools) {
    unixLinux += p.workload.unixLinuxAgents;
    networkDevices += p.workload.networkDevices;
    urls += p.workload.urls;
  }
  const totals: GroupLimitCheck[] = [];
  const total = (item: GroupLimitCheck['item'], value: number, limit: number) => totals.push({ item, total: value, limit, fits: value <= limit });
  total('computers', windowsAgents + gatewayAgents + unixLinux, options.computersPerManagementGroup ?? limits.computersPerManagementGroup.value);
  total('networkDevices', networkDevices, limits.networkDevicesPerManagementGroup.value);
  total('urls', urls, limits.urlsPerManagementGroup.value);
  const n = topology.managementServers.length;
  const perServer = limits.windowsAgentsPerManagementServer.value;
  let agentFailover: GroupCapacity['agentFailover'] = null;
  if (n >= 2) {
    const fits = windowsAgents <= (n - 1) * perServer;
    const addManagementServers = fits ? 0 : managementServersToAdd(windowsAgents, n, limits);
    agentFailover = { managementServers: n, agents: windowsAgents, limit: (n - 1) * perServer, fits, addManagementServers };
  }
  return { serversOverAgentLimit, totals, agentFailover };
}
