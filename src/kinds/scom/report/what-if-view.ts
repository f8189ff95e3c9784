/** The report's what-if table: each data centre, server and database host down alone, one evaluation of the failure model each. */
import type { PoolResult } from '../results.js';

import { evaluateFew, type PoolState } from '../analysis/failure/index.js';
import { agentLoad } from '../analysis/what-if.js';
import { groupThousands, plural } from '../../../util/message.js';
import { poolColour } from './diagram.js';
import type { TopologyAnalysis } from '../analysis/index.js';
import type { ScomReportView } from './view-types.js';

/** The most pools the what-if table gives a column each; past it, a block per pool. */
export const WHAT_IF_COLUMNS = 4;

/** The most single-server rows the what-if table shows; `pooltopo simulate` answers for the rest. */
export const MAX_WHAT_IF_SERVERS = 60;

/** A what-if cell: the outcome in a word and the votes; cut off is not stopped, and says why. */
export function whatIfCell(s: PoolState, votingMembers: number): { runs: boolean; cut?: true; text: string; title: string } {
  const votes = `${s.votes}/${votingMembers}`;
  switch (s.outcome) {
    case 'works':
      return { runs: true, text: `works (${votes})`, title: 'keeps quorum, and a connected member runs its workflows' };
    case 'cut-off': {
      const why = s.cause === 'database' ? 'no database' : s.cause === 'side' ? 'away from the database' : 'not connected';
      return { runs: false, cut: true, text: `CUT OFF (${why})`, title: 'runs, but its data reaches no connected management server' };
    }
    case 'stops': {
      const why = s.cause === 'votes' ? votes : s.cause === 'members' ? 'no member' : 'no members';
      return {
        runs: false,
        text: `STOPS (${why})`,
        title: s.cause === 'votes' ? 'half or fewer of its votes are available' : 'no member is up to run its workflows',
      };
    }
  }
}

/** Each data centre, server and database host down alone: one evaluation of the failure model each. */
export function whatIf(analysis: TopologyAnalysis, pools: readonly PoolResult[]): ScomReportView['whatIf'] {
  const { model, baseline } = analysis;
  const rows: ScomReportView['whatIf']['rows'][number][] = [];
  const agents: ScomReportView['whatIf']['agents'][number][] = [];
  // The agents as simulate counts them: what a row adds to nothing down (more agents unmonitored, a
  // server newly over its limit), so that pools that work do not hide agents that stop reporting.
  // Where the management group does not work, the row says it already: every agent goes with it.
  const before = agentLoad(model, baseline.state);
  const overBefore = new Set(before.loads.filter((l) => l.agents > l.limit).map((l) => l.host));
  const add = (label: string, kind: string, down: ArrayLike<number>) => {
    const state = evaluateFew(model, baseline, down);
    const cells = state.pools.map((s, i) => whatIfCell(s, model.pools[i]!.votingMembers));
    rows.push({ label, kind, cells, allRun: cells.every((c) => c.runs) && state.managementGroupWorks });
    const after = agentLoad(model, state);
    const unmonitored = after.unmonitored - before.unmonitored;
    const over = after.loads.filter((l) => l.agents > l.limit && !overBefore.has(l.host));
    const notes = [
      ...(unmonitored > 0 ? [`${plural(unmonitored, 'agent')} unmonitored`] : []),
      ...over.map((l) => `${l.host.name} over its limit (${groupThousands(l.agents)} of ${groupThousands(l.limit)} agents)`),
    ];
    if (notes.length > 0 && state.managementGroupWorks) agents.push({ label, kind, notes });
  };
  model.dataCenters.forEach((dc, i) => add(dc.name, 'data centre', model.hostsByDc[i]!));
  const servers = model.hosts.filter((h) => h.server);
  for (const h of servers.slice(0, MAX_WHAT_IF_SERVERS)) add(h.name, h.role === 'gateway' ? 'gateway' : 'management server', [h.index]);
  const kinds: Readonly<Record<string, string>> = {
    database: 'operational database',
    'cluster-node': 'database cluster node',
    witness: 'database cluster witness',
  };
  for (const h of model.hosts) {
    if (h.server || (h.role === 'database' && model.topology.database.implied)) continue;
    add(h.name, kinds[h.role] ?? h.role, [h.index]);
  }
  const columns = pools.map((p, i) => ({ number: i + 1, colour: poolColour(i + 1), name: p.name }));
  return {
    pools: columns,
    rows,
    agents,
    omitted: Math.max(0, servers.length - MAX_WHAT_IF_SERVERS),
    ...(pools.length > WHAT_IF_COLUMNS ? { blocks: columns.map((c, i) => ({ ...c, anchor: `what-if-${c.number}`, outcomes: outcomesOf(rows, i) })) } : {}),
  };
}

/** One pool's outcomes, each with what going down gives it: those it does not work in first, in the rows' order. */
export function outcomesOf(rows: ScomReportView['whatIf']['rows'], pool: number): NonNullable<ScomReportView['whatIf']['blocks']>[number]['outcomes'] {
  const byText = new Map<string, { text: string; runs: boolean; cut?: true; title: string; downs: { kind: string; names: string[] }[] }>();
  for (const row of rows) {
    const cell = row.cells[pool]!;
    let group = byText.get(cell.text);
    if (!group)
      byText.set(cell.text, (group = { text: cell.text, runs: cell.runs, ...(cell.cut ? { cut: true as const } : {}), title: cell.title, downs: [] }));
    // The rows come kind by kind, so each kind is named once before its names.
    const last = group.downs[group.downs.length - 1];
    if (last?.kind === row.kind) last.names.push(row.label);
    else group.downs.push({ kind: row.kind, names: [row.label] });
  }
  const groups = [...byText.values()].map((g) => ({ ...g, downs: g.downs.map((d) => ({ kind: d.names.length > 1 ? `${d.kind}s` : d.kind, names: d.names })) }));
  return [...groups.filter((g) => !g.runs), ...groups.filter((g) => g.runs)];
}
