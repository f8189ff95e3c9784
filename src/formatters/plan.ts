/** `pooltopo plan` output: stylish and json. */
import type { Headroom } from '../kinds/scom/analysis/headroom.js';
import type { PoolPlan } from '../kinds/scom/analysis/plan.js';
import { groupThousands, plural } from '../rules/types.js';
import { escapeForTerminal as t } from './text.js';
import { maxOf } from '../util/extremes.js';

export interface PlanReport {
  readonly file: string;
  readonly targetFailures: number;
  readonly pools: readonly PoolPlan[];
  readonly headroom: Headroom;
}

export function formatPlanJson(report: PlanReport): string {
  return JSON.stringify({ version: 1, ...report }, null, 2) + '\n';
}

const ITEM: Readonly<Record<string, string>> = { unixLinuxAgents: 'UNIX/Linux computers', urls: 'URLs', networkDevices: 'network devices' };
const n = groupThousands;

export function formatPlanStylish(report: PlanReport, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out = [paint(4, `${t(report.file)}: plan for ${plural(report.targetFailures, 'tolerable failure')} per pool`), ''];
  const width = Math.min(48, maxOf(report.pools.map((p) => t(p.pool).length)));
  for (const p of report.pools) {
    const now = `${plural(p.current.members, 'member')}, ${plural(p.current.votingMembers, 'voter')}, tolerates ${p.current.tolerableFailures}`;
    const what = p.meetsTarget ? paint(32, `meets the target (${now})`)
      : p.change ? `${paint(33, p.change.text)}  (now ${now}${p.current.fits ? '' : ', workload does not fit after failover'})`
      : paint(31, `cannot be planned: ${p.blocked ?? ''}`);
    out.push(`  ${t(p.pool).padEnd(width)}  ${what}`);
    if (p.blocked && (p.meetsTarget || p.change)) out.push(`  ${' '.repeat(width)}  ${paint(31, `also: ${p.blocked}`)}`);
  }
  const h = report.headroom;
  if (h.addManagementServers > 0) {
    const k = h.addManagementServers;
    out.push(`  ${'Management group'.padEnd(width)}  ${paint(33, `add ${plural(k, 'management server')}: the Windows agents then fit after the busiest fails`)}`);
  }
  // How many more fit, or by how much the design is over already.
  const room = (x: number) => (x >= 0 ? `${n(x)} more` : paint(31, `${n(-x)} over`));
  out.push('', 'Headroom before a limit or the after-failover check:');
  out.push(`  Windows agents on management servers: ${room(h.windowsAgents)}`);
  out.push(`  agent-managed and UNIX/Linux computers in the management group: ${room(h.computers)}`);
  out.push(`  network devices in the management group: ${room(h.networkDevices)}`);
  out.push(`  URLs in the management group: ${room(h.urls)}`);
  for (const x of h.pools) out.push(`  ${ITEM[x.item] ?? x.item} in ${t(x.pool)}: ${room(x.headroom)}`);
  for (const s of h.serversOverLimit) out.push(`  Windows agents on ${t(s.server)}: ${room(s.limit - s.agents)} its ${n(s.limit)}`);
  if (h.computers < 0 || h.networkDevices < 0 || h.urls < 0) {
    out.push(`  ${paint(31, 'a limit of the management group as a whole: more servers do not raise it; move part of the workload to another management group')}`);
  }
  const todo = report.pools.filter((p) => !p.meetsTarget).length;
  const left = [
    todo > 0 ? `${plural(todo, 'pool')} ${todo === 1 ? 'needs' : 'need'} a change` : '',
    h.addManagementServers > 0 ? 'the management group needs more management servers' : '',
    h.fits ? '' : 'the workload does not fit (what is over is marked above)',
  ].filter(Boolean);
  out.push('', left.length === 0 ? paint(32, '✔ every pool meets the target and the workload fits') : paint(33, left.join('; ')));
  return out.join('\n') + '\n';
}
