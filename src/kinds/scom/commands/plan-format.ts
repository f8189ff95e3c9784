/** `pooltopo plan` output: stylish and json. */
import type { Headroom } from '../analysis/headroom.js';
import type { GroupPlan, PoolPlan } from '../analysis/plan.js';
import { groupThousands, plural } from '../../../core/rule.js';
import { escapeForTerminal as t } from '../../../util/text.js';
import { maxOf } from '../../../util/extremes.js';
import { namesOrMore } from '../../../core/headline.js';
import { powerShellString } from '../../../util/powershell.js';

export interface PlanReport {
  readonly file: string;
  readonly targetFailures: number;
  readonly newServers: GroupPlan['newServers'];
  readonly forAgents: GroupPlan['forAgents'];
  readonly forAgentsDataCenter?: string;
  readonly pools: readonly PoolPlan[];
  readonly headroom: Headroom;
}

export function formatPlanJson(report: PlanReport): string {
  return JSON.stringify({ version: 1, ...report }, null, 2) + '\n';
}

const ITEM: Readonly<Record<string, string>> = { unixLinuxAgents: 'UNIX/Linux computers', urls: 'URLs', networkDevices: 'network devices' };
const n = groupThousands;

/**
 * A row per pool, but one for the implied default pools when their plans are the same: they have
 * the same members, so the same new management servers serve all three.
 */
function planRows(pools: readonly PoolPlan[]): { label: string; plan: PoolPlan; pools: number }[] {
  const implied = pools.filter((p) => p.implied);
  const same =
    implied.length > 1 &&
    implied.every(
      (p) =>
        JSON.stringify({ ...p, pool: '', change: p.change && { ...p.change, commands: [] } }) ===
        JSON.stringify({ ...implied[0]!, pool: '', change: implied[0]!.change && { ...implied[0]!.change, commands: [] } }),
    );
  const rows: { label: string; plan: PoolPlan; pools: number }[] = [];
  for (const p of pools) {
    if (same && p.implied) {
      if (p !== implied[0]) continue;
      // Its commands name all of them: Get-SCOMResourcePool -DisplayName takes a list.
      const list = implied.map((x) => powerShellString(x.pool)).join(', ');
      const commands = p.change?.commands.map((c) => c.replace(`-DisplayName ${powerShellString(p.pool)}`, `-DisplayName ${list}`));
      rows.push({
        label: `the ${implied.length === 3 ? 'three ' : ''}default pools`,
        plan: commands && p.change ? { ...p, change: { ...p.change, commands } } : p,
        pools: implied.length,
      });
      continue;
    }
    rows.push({ label: p.pool, plan: p, pools: 1 });
  }
  return rows;
}

export function formatPlanStylish(report: PlanReport, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out = [paint(4, `${t(report.file)}: plan for ${plural(report.targetFailures, 'tolerable failure')} per pool`), ''];
  const rows = planRows(report.pools);
  const width = Math.min(48, maxOf(rows.map((r) => t(r.label).length)));
  for (const { label, plan: p } of rows) {
    const now = `${plural(p.current.members, 'member')}, ${plural(p.current.votingMembers, 'voter')}, tolerates ${p.current.tolerableFailures}`;
    // A pool that meets the target may still change with the rest of the plan (new management servers it gets).
    const what = p.change
      ? `${paint(33, p.change.text)}  (now ${now}${p.current.fits ? '' : ', workload does not fit after failover'})`
      : p.meetsTarget
        ? paint(32, `meets the target (${now})`)
        : paint(31, `cannot be planned: ${p.blocked ?? ''}`);
    out.push(`  ${t(label).padEnd(width)}  ${what}`);
    if (p.blocked && (p.meetsTarget || p.change)) out.push(`  ${' '.repeat(width)}  ${paint(31, `also: ${p.blocked}`)}`);
    const points = p.singlePointsOfFailure ?? [];
    if (points.length > 0) {
      const names = points.length === 2 ? points.map(t).join(' or ') : namesOrMore(points.map(t));
      out.push(
        `  ${' '.repeat(width)}  ${paint(31, `but losing ${names} alone stops it, however many members it has: a single point of failure (pooltopo validate, single-point-of-failure, says what to do)`)}`,
      );
    }
    for (const c of p.change?.commands ?? []) out.push(`  ${' '.repeat(width)}  ${paint(2, t(c))}`);
  }
  const h = report.headroom;
  if (h.addManagementServers > 0) {
    // New servers carry no agents until some are moved to them.
    const k = report.forAgents.length;
    // Past the group's own limit on computers, servers added are counted for that limit (headroom.ts):
    // they do not make the rest fit.
    const spread = `spread the Windows agents over all the management servers (Set-SCOMParentManagementServer -Agent ... -PrimaryServer ...): ${
      h.computers < 0
        ? 'enough for as many as one management group supports; the rest must move to another management group'
        : 'then they fit after the busiest fails'
    }`;
    const where = report.forAgentsDataCenter !== undefined ? ` in ${report.forAgentsDataCenter}` : '';
    const planned = report.newServers.managementServers.length - k;
    const what =
      k > 0
        ? `add ${plural(k, 'management server')} (${report.forAgents.join(', ')})${where}${planned > 0 ? ` besides the ${planned} above` : ''} and ${spread}`
        : `${planned === 1 ? 'the new management server above is' : `the ${planned} new management servers above are`} enough: ${spread}`;
    out.push(`  ${'Management group'.padEnd(width)}  ${paint(33, what)}`);
    if (k > 0)
      out.push(
        `  ${' '.repeat(width)}  ${paint(2, `# install ${k === 1 ? 'it' : 'them'}: automatic membership adds ${k === 1 ? 'it' : 'them'} to the default pools`)}`,
      );
  }
  const { managementServers: ms, gateways: gw } = report.newServers;
  if (ms.length + gw.length > 0) {
    const list = [
      ms.length ? `${ms.join(', ')} (${ms.length === 1 ? 'management server' : 'management servers'})` : '',
      gw.length ? `${gw.join(', ')} (${gw.length === 1 ? 'gateway' : 'gateways'})` : '',
    ]
      .filter(Boolean)
      .join('; ');
    out.push('', `New servers in this plan, each once: ${t(list)}`);
  }
  // How many more fit, or by how much the design is over already.
  const room = (x: number) => (x >= 0 ? `${n(x)} more` : paint(31, `${n(-x)} over`));
  out.push('', 'Headroom before a limit or the after-failover check:');
  out.push(`  Windows agents on management servers: ${room(h.windowsAgents)}`);
  out.push(`  agent-managed and UNIX/Linux computers in the management group: ${room(h.computers)}`);
  out.push(`  network devices in the management group: ${room(h.networkDevices)}`);
  out.push(`  URLs in the management group: ${room(h.urls)}`);
  // Below the size a figure is stated for there is none to count from (network-pool-too-small).
  for (const x of h.pools)
    out.push(
      `  ${ITEM[x.item] ?? x.item} in ${t(x.pool)}: ${
        x.headroom === null
          ? paint(33, `no supported figure: Microsoft states one for a pool of ${x.minimumMembers ?? ''} or more management servers (network-pool-too-small)`)
          : `${room(x.headroom)}${x.minimumMembers !== undefined ? ` the figure Microsoft states for a pool of ${x.minimumMembers} or more management servers` : ''}`
      }`,
    );
  for (const s of h.serversOverLimit) out.push(`  Windows agents on ${t(s.server)}: ${room(s.limit - s.agents)} its ${n(s.limit)}`);
  const w = h.afterFailure;
  if (w) {
    // Whose agents go there, as validate's capacity-after-failover names them: the list to change.
    const by = w.sentBy;
    const why =
      by.how === 'spread'
        ? `${t(by.server)}'s ${n(by.agents)} are spread over the management servers`
        : `${t(by.server)}'s ${n(by.agents)} fail over to it${by.passedOver.length > 0 ? `, past ${namesOrMore(by.passedOver.map(t))} in its failoverServers, not connected then` : ''}`;
    out.push(`  Windows agents on ${t(w.server)} after ${t(w.failed)} fails (${why}): ${room(w.limit - w.agents)} its ${n(w.limit)}`);
  }
  if (h.computers < 0 || h.networkDevices < 0 || h.urls < 0) {
    out.push(
      `  ${paint(31, 'a limit of the management group as a whole: more servers do not raise it; move part of the workload to another management group')}`,
    );
  }
  // The implied default pools share their members: one change makes them all meet the target.
  const todo = rows.filter((r) => !r.plan.meetsTarget || r.plan.change).length;
  const left = [
    todo > 0
      ? `${plural(todo, 'change')} needed${rows.some((r) => r.pools > 1 && (!r.plan.meetsTarget || r.plan.change)) ? ' (one for the default pools together)' : ''}`
      : '',
    h.addManagementServers > 0 ? 'the management group needs more management servers' : '',
    h.fits ? '' : 'the workload does not fit (what is over is marked above)',
  ].filter(Boolean);
  const pointed = rows.filter((r) => (r.plan.singlePointsOfFailure ?? []).length > 0).reduce((sum, r) => sum + r.pools, 0);
  const caveat =
    pointed > 0 ? `; but ${plural(pointed, 'pool')} ${pointed === 1 ? 'keeps' : 'keep'} a single point of failure that more members do not remove` : '';
  out.push('', left.length === 0 ? paint(32, `✔ every pool meets the target and the workload fits${caveat}`) : paint(33, left.join('; ') + caveat));
  return out.join('\n') + '\n';
}
