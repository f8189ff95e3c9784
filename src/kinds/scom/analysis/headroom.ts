/**
 * How much more fits before a supported limit or the after-failover check is hit (for `plan`):
 * negative where the design is over already, by how much.
 */
import type { TopologyAnalysis } from './index.js';
import { limitsFor } from './capacity.js';
import type { Topology } from '../model/types.js';

export interface Headroom {
  /** Windows agents the management servers can take before they are over their limits together or no longer fit after the busiest fails. */
  readonly windowsAgents: number;
  /** Management servers to add so that the Windows agents fit after the busiest fails (0 when they do). */
  readonly addManagementServers: number;
  /** Agent-managed and UNIX/Linux computers before the management group's total. */
  readonly computers: number;
  readonly networkDevices: number;
  readonly urls: number;
  /** Per pool and workload item, from the capacity analysis. */
  readonly pools: readonly { readonly pool: string; readonly item: string; readonly headroom: number }[];
}

export function headroom(topology: Topology, analysis: TopologyAnalysis): Headroom {
  const limits = limitsFor(topology.scomVersion);
  const per = limits.windowsAgentsPerManagementServer.value;
  // Agents can be moved between management servers: what they take together.
  let spare = 0;
  for (const s of topology.managementServers) spare += per - s.agents;
  const f = analysis.capacity.agentFailover;
  const windowsAgents = f ? Math.min(spare, f.limit - f.agents) : spare;
  // With m servers the agents fit after the busiest fails when (m - 1) x per >= agents.
  const addManagementServers = f && !f.fits ? Math.ceil(f.agents / per) + 1 - f.managementServers : 0;
  const total = (item: string) => {
    const t = analysis.capacity.totals.find((x) => x.item === item);
    return t ? t.limit - t.total : 0;
  };
  return {
    windowsAgents,
    addManagementServers,
    computers: total('computers'),
    networkDevices: total('networkDevices'),
    urls: total('urls'),
    pools: analysis.pools.flatMap((a) => a.capacity.map((c) => ({ pool: a.pool.name, item: c.item, headroom: c.headroom }))),
  };
}
