/** How much more fits before a supported limit or the after-failover check is hit (for `plan`). */
import type { TopologyAnalysis } from './index.js';
import { limitsFor } from './capacity.js';
import type { Topology } from '../model/types.js';

export interface Headroom {
  /** Windows agents the management servers can take before one is over its limit or they no longer fit after the busiest fails. */
  readonly windowsAgents: number;
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
  let spare = 0;
  for (const s of topology.managementServers) spare += Math.max(0, per - s.agents);
  const f = analysis.capacity.agentFailover;
  const windowsAgents = f ? Math.max(0, Math.min(spare, f.limit - f.agents)) : spare;
  const total = (item: string) => {
    const t = analysis.capacity.totals.find((x) => x.item === item);
    return t ? Math.max(0, t.limit - t.total) : 0;
  };
  return {
    windowsAgents,
    computers: total('computers'),
    networkDevices: total('networkDevices'),
    urls: total('urls'),
    pools: analysis.pools.flatMap((a) => a.capacity.map((c) => ({ pool: a.pool.name, item: c.item, headroom: c.headroom }))),
  };
}
