/** `pooltopo plan` for a SCOM management group: each pool's change to meet the target, and the group's headroom. */
import type { PlanRequest } from '../../../core/kind.js';
import { escapeJsonForTerminal } from '../../../util/text.js';
import { limitsFor } from '../analysis/capacity.js';
import { headroom } from '../analysis/headroom.js';
import { planGroup, type PoolPlan } from '../analysis/plan.js';
import type { ScomModels } from '../results.js';
import { formatPlanJson, formatPlanStylish } from './plan-format.js';

export async function planCommand(models: Partial<ScomModels>, request: PlanRequest): Promise<{ text: string; exitCode: number }> {
  const topology = models.topology!;
  const limits = limitsFor(topology.scomVersion);
  const room = headroom(topology, models.analysis!);
  const site = topology.managementServers[0]?.dataCenter;
  // The agents' servers are those the pools' changes do not bring already: fewer of them means no
  // more for the automatic pools, so the count only grows, up to the agents' own.
  let forAgentsCount = 0;
  let planned = planGroup(topology.pools, limits, request.targetFailures, request.settings.databaseObserverLoadMembers, 0, topology.database.dataCenter, site);
  for (let round = 0; round < 64; round++) {
    const fromPools = newServersOf(planned.pools, []).managementServers.length;
    const next = Math.max(0, room.addManagementServers - fromPools);
    if (next <= forAgentsCount) break;
    forAgentsCount = next;
    planned = planGroup(
      topology.pools,
      limits,
      request.targetFailures,
      request.settings.databaseObserverLoadMembers,
      forAgentsCount,
      topology.database.dataCenter,
      site,
    );
  }
  const { pools, forAgents } = planned;
  const agentsSite = site && !site.implicit ? site.name : undefined;
  const plan = {
    file: request.file,
    targetFailures: request.targetFailures,
    newServers: newServersOf(pools, forAgents),
    forAgents,
    ...(agentsSite !== undefined && forAgents.length > 0 ? { forAgentsDataCenter: agentsSite } : {}),
    pools,
    headroom: room,
  };
  const text = request.format === 'json' ? escapeJsonForTerminal(formatPlanJson(plan)) : formatPlanStylish(plan, request.color);
  // Servers to add (addManagementServers) means the agents do not fit, which `fits` says already.
  return { text, exitCode: pools.some((p) => !p.meetsTarget) || !plan.headroom.fits ? 1 : 0 };
}

/** The plan's new servers, each once, by role: the change set for the management group. */
function newServersOf(pools: readonly PoolPlan[], forAgents: readonly string[]): { managementServers: string[]; gateways: string[] } {
  const out = { managementServers: new Set<string>(forAgents), gateways: new Set<string>() };
  for (const p of pools) {
    const change = p.change;
    if (!change) continue;
    change.newServers.forEach((name, i) => (i < change.addMembers && change.memberRole === 'gateway' ? out.gateways : out.managementServers).add(name));
  }
  const byNumber = (a: string, b: string) => Number(a.slice(a.lastIndexOf('-') + 1)) - Number(b.slice(b.lastIndexOf('-') + 1));
  return { managementServers: [...out.managementServers].sort(byNumber), gateways: [...out.gateways].sort(byNumber) };
}
