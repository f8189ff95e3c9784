/**
 * How much more fits before a supported limit or the after-failover check is hit (for `plan`):
 * negative where the design is over already, by how much.
 */
import type { TopologyAnalysis } from './index.js';
import { limitsFor, managementServersToAdd } from './capacity.js';
import type { Topology } from '../model/types.js';
import type { AgentMove } from './what-if.js';

export interface Headroom {
  /** Windows agents the management servers can take before they are over their limits together or no longer fit after the busiest fails. */
  readonly windowsAgents: number;
  /** Management servers to add so that the Windows agents fit after the busiest fails (0 when they do). */
  readonly addManagementServers: number;
  /** Agent-managed and UNIX/Linux computers before the management group's total. */
  readonly computers: number;
  readonly networkDevices: number;
  readonly urls: number;
  /** Per pool and workload item, from the capacity analysis: null, with the fewest members the limit is stated for, where the pool has fewer. */
  readonly pools: readonly { readonly pool: string; readonly item: string; readonly headroom: number | null; readonly minimumMembers?: number }[];
  /** Management servers and gateways over their own Windows-agent limit, and by how much. */
  readonly serversOverLimit: readonly { readonly server: string; readonly agents: number; readonly limit: number }[];
  /**
   * The worst single failure for the Windows agents under the failure model, where it puts a server
   * over its limit (validate's capacity-after-failover): the agents of a server fail over whole to
   * the first server of its list, so a group whose agents fit on n - 1 servers in total may still
   * overload one. Null where none does.
   */
  readonly afterFailure: {
    readonly failed: string;
    readonly server: string;
    readonly agents: number;
    readonly limit: number;
    /**
     * Whose agents the failure sends there (the most of them, where several servers' do): sent whole
     * by its failover list, past the servers of the list ahead of it that are not connected then,
     * or spread over the management servers where it names none (validate's capacity-after-failover
     * names the same).
     */
    readonly sentBy: { readonly server: string; readonly agents: number; readonly how: 'listed' | 'spread'; readonly passedOver: readonly string[] };
  } | null;
  /** Every workload fits: no headroom below zero, no server over its limit, none after the worst single failure (what validate's capacity rules check). */
  readonly fits: boolean;
}

export function headroom(topology: Topology, analysis: TopologyAnalysis): Headroom {
  const limits = limitsFor(topology.scomVersion);
  const per = limits.windowsAgentsPerManagementServer.value;
  const n = topology.managementServers.length;
  const agents = topology.managementServers.reduce((sum, s) => sum + s.agents, 0);
  // Agents can be moved between management servers: what they take together.
  const spare = n * per - agents;
  const f = analysis.capacity.agentFailover;
  const windowsAgents = f ? Math.min(spare, f.limit - f.agents) : spare;
  // With two or more servers, the capacity analysis counts the servers to add (the agents spread
  // over all of them). One server alone has no failover to check (single-management-server says
  // what it lacks), but one over its limit needs two more: with one, the busiest failing would
  // leave the other carrying them all.
  const addManagementServers = f ? f.addManagementServers : agents > per ? managementServersToAdd(agents, n, limits) : 0;
  const w = analysis.worstAgentFailure;
  const total = (item: string) => {
    const t = analysis.capacity.totals.find((x) => x.item === item);
    return t ? t.limit - t.total : 0;
  };
  const figures = {
    windowsAgents,
    addManagementServers,
    computers: total('computers'),
    networkDevices: total('networkDevices'),
    urls: total('urls'),
    pools: analysis.pools.flatMap((a) =>
      a.capacity.map((c) => ({
        pool: a.pool.name,
        item: c.item,
        headroom: c.headroom,
        ...(c.minimumMembers !== undefined ? { minimumMembers: c.minimumMembers } : {}),
      })),
    ),
    serversOverLimit: analysis.capacity.serversOverAgentLimit.map((c) => ({ server: c.server.name, agents: c.agents, limit: c.limit })),
    afterFailure: w ? { failed: w.failed.name, server: w.server.name, agents: w.agents, limit: w.limit, sentBy: sentBy(w.arrivals[0]) } : null,
  };
  const fits =
    figures.windowsAgents >= 0 &&
    figures.computers >= 0 &&
    figures.networkDevices >= 0 &&
    figures.urls >= 0 &&
    // No supported figure is not a figure exceeded: network-pool-too-small, and the plan's change, say what the pool lacks.
    figures.pools.every((p) => p.headroom === null || p.headroom >= 0) &&
    figures.serversOverLimit.length === 0 &&
    figures.afterFailure === null;
  return { ...figures, fits };
}

/** The move that brings the most agents to the server the worst failure overloads, by name. */
function sentBy(move: AgentMove): NonNullable<Headroom['afterFailure']>['sentBy'] {
  return {
    server: move.from.name,
    agents: move.agents,
    how: move.how === 'spread' ? 'spread' : 'listed',
    passedOver: move.passedOver.map((p) => p.host.name),
  };
}
