/** `pooltopo plan` for a SCOM management group: each pool's change to meet the target, and the group's headroom. */
import type { PlanRequest } from '../../../core/kind.js';
import { escapeJsonForTerminal } from '../../../util/text.js';
import { limitsFor } from '../analysis/capacity.js';
import { headroom } from '../analysis/headroom.js';
import { planGroup } from '../analysis/plan.js';
import { pointsBeyondMembers } from '../analysis/what-if.js';
import type { ScomModels } from '../results.js';
import { formatPlanJson, formatPlanStylish } from './plan-format.js';

export async function planCommand(models: Partial<ScomModels>, request: PlanRequest): Promise<{ text: string; exitCode: number }> {
  const topology = models.topology!;
  const limits = limitsFor(topology.scomVersion);
  const room = headroom(topology, models.analysis!);
  const group = planGroup(topology.pools, limits, request.targetFailures, request.settings.databaseObserverLoadMembers, {
    databaseDataCenter: topology.database.dataCenter,
    groupSite: topology.managementServers[0]?.dataCenter,
    agentServersNeeded: room.addManagementServers,
    managementServers: topology.managementServers,
  });
  const { newServers, forAgents, forAgentsDataCenter } = group;
  // A single point of failure outside the pool's members stays whatever its members, unless the new
  // gateways report around it: the count of tolerable failures would mislead without it (validate's
  // single-point-of-failure).
  const analysis = models.analysis!;
  const pools = group.pools.map((p) => {
    const a = analysis.pools.find((x) => x.pool.name === p.pool);
    const newGateways = p.change !== null && p.change.memberRole === 'gateway' && p.change.addMembers > 0 ? (p.change.reportsTo ?? []) : [];
    const points = a ? pointsBeyondMembers(analysis.model, a.pool, a.singlePointsOfFailure, newGateways) : [];
    return points.length > 0 ? { ...p, singlePointsOfFailure: points } : p;
  });
  const plan = {
    file: request.file,
    targetFailures: request.targetFailures,
    newServers,
    forAgents,
    ...(forAgentsDataCenter !== undefined ? { forAgentsDataCenter } : {}),
    pools,
    headroom: room,
  };
  const text = request.format === 'json' ? escapeJsonForTerminal(formatPlanJson(plan)) : formatPlanStylish(plan, request.color);
  // Servers to add (addManagementServers) means the agents do not fit, which `fits` says already; a
  // pool that meets the target but is below validate's minimum (network-pool-too-small) has a change.
  return { text, exitCode: pools.some((p) => !p.meetsTarget || p.change !== null) || !plan.headroom.fits ? 1 : 0 };
}
