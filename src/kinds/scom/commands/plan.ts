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
  const { pools, forAgents } = planGroup(
    topology.pools,
    limits,
    request.targetFailures,
    request.settings.databaseObserverLoadMembers,
    room.addManagementServers,
    topology.database.dataCenter,
  );
  const plan = { file: request.file, targetFailures: request.targetFailures, newServers: newServersOf(pools, forAgents), forAgents, pools, headroom: room };
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
  return { managementServers: [...out.managementServers], gateways: [...out.gateways] };
}
