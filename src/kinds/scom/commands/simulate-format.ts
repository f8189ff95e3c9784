/** `pooltopo simulate` output: stylish (people) and json (scripts), pure functions of the outcomes. */
import type { SimulationOutcome } from '../analysis/simulate.js';
import { PASSED_OVER_WORDS } from '../analysis/what-if.js';
import { escapeForTerminal as t } from '../../../util/text.js';
import { groupThousands, plural } from '../../../core/rule.js';
import { maxOf } from '../../../util/extremes.js';
import { namesOrMore } from '../../../core/headline.js';

export interface SimulationReport {
  readonly file: string;
  readonly scenarios: readonly SimulationOutcome[];
}

export function formatSimulationJson(report: SimulationReport): string {
  return JSON.stringify({ version: 1, file: report.file, scenarios: report.scenarios }, null, 2) + '\n';
}

export function formatSimulationStylish(report: SimulationReport, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const s of report.scenarios) {
    out.push(paint(4, `${t(report.file)}: ${t(s.label)}`));
    if (s.sides) {
      for (const side of s.sides)
        out.push(`  side ${t(side.label)}: ${side.servers.map(t).join(', ') || 'no servers'}${side.database ? ' + the operational database' : ''}`);
    } else {
      out.push(`  down: ${s.down.length ? s.down.map(t).join(', ') : 'no server'}`);
    }
    out.push(
      `  management group: ${
        s.managementGroupWorks
          ? 'works (a management server reaches the operational database)'
          : paint(
              31,
              `DOES NOT WORK (${s.databaseDown ? 'the operational database is unavailable' : 'no management server that is up reaches the operational database'})`,
            )
      }`,
    );
    out.push('');
    const width = Math.min(48, maxOf(s.pools.map((p) => t(p.pool).length)));
    for (const p of s.pools) {
      const state = p.outcome === 'works' ? paint(32, 'works  ') : p.outcome === 'cut-off' ? paint(33, 'CUT OFF') : paint(31, 'STOPS  ');
      const votes = `${p.votesAvailable} of ${p.votingMembers} votes, ${p.votesNeeded} needed`;
      const carried = p.runs
        ? `${listed(p.survivors.map(t))} ${p.survivors.length === 1 ? 'carries it and owns' : 'carry it: each owns'} ${p.instanceShare!.after} of its instances (was ${p.instanceShare!.before})`
        : '';
      const detail = p.outcome === 'works' ? carried : p.outcome === 'cut-off' ? `${t(p.reason ?? '')}; ${carried}` : t(p.reason ?? '');
      out.push(`  ${t(p.pool).padEnd(width)}  ${state}  ${votes}; ${detail}`);
      if (p.sides) {
        out.push(
          `  ${' '.repeat(width)}           ${p.sides.map((x) => `${t(x.side)}: ${plural(x.votes, 'vote')}${x.runs ? ', runs here' : x.members.length ? ', its members there stop' : ''}`).join(' | ')}`,
        );
      }
      const byEvent = new Map<number, string[]>();
      for (const e of p.events) {
        const members = byEvent.get(e.event.id);
        if (members) members.push(e.member);
        else byEvent.set(e.event.id, [e.member]);
      }
      for (const [id, members] of byEvent) {
        const what = id === 15003 ? 'ownership redistributed' : id === 15004 ? 'unloads its workflows' : 'cannot acquire ownership, keeps checking';
        out.push(`  ${' '.repeat(width)}           ${paint(2, `event ${id} (${what}) on ${listed([...new Set(members)].map(t))}`)}`);
      }
    }
    if (s.gateways.length > 0) {
      out.push('');
      for (const g of s.gateways) {
        const text = g.down
          ? 'is down'
          : g.reportsTo === null
            ? paint(31, s.sides ? 'is cut off: no server it reports to is connected on its side' : 'is cut off: no server it reports to is connected')
            : g.failedOver
              ? `fails over from ${t(g.primary ?? '')} to ${t(g.reportsTo)}`
              : `keeps reporting to ${t(g.reportsTo)}`;
        out.push(`  gateway ${t(g.gateway)} ${text}`);
      }
    }
    // Agents after the failures: the busiest servers against their limits, the first ten.
    const loaded = s.agentLoad.filter((l) => l.agents > 0).sort((a, b) => b.agents / b.limit - a.agents / a.limit);
    if (loaded.length > 0 || s.unmonitoredAgents > 0) out.push('');
    if (loaded.length > 0) {
      const shown = loaded.slice(0, 10).map((l) => {
        const text = `${t(l.server)} ${groupThousands(l.agents)} of ${groupThousands(l.limit)}`;
        return l.agents > l.limit ? paint(31, `${text} (over its limit)`) : text;
      });
      out.push(`  agents: ${shown.join(', ')}${loaded.length > 10 ? `, and ${plural(loaded.length - 10, 'more server')}` : ''}`);
    }
    // Where the agents of the servers that are not connected go: the server they reach, not the
    // first of a list whose first server is down or cut off too (the first ten).
    // Spread agents share one line: they all go over the same connected management servers.
    const spread = s.agentMoves.filter((m) => m.how === 'spread');
    const each = s.agentMoves.filter((m) => m.how !== 'spread');
    if (spread.length > 0) out.push(`  ${spreadText(spread)}`);
    for (const m of each.slice(0, 10)) out.push(`  ${moveText(m, s.sides !== undefined, paint)}`);
    if (each.length > 10) out.push(`  and the agents of ${plural(each.length - 10, 'more server')}`);
    if (s.unmonitoredAgents > 0)
      out.push(`  ${paint(31, `${plural(s.unmonitoredAgents, 'agent')} unmonitored: their servers are not connected and they have nowhere to fail over`)}`);
    out.push('');
  }
  if (report.scenarios.length > 1) {
    out.push('Side by side:');
    const pools = report.scenarios[0]!.pools.map((p) => p.pool);
    const width = Math.min(
      48,
      maxOf(
        pools.map((p) => t(p).length),
        4,
      ),
    );
    const cols = report.scenarios.map((s) => Math.max(7, t(s.label).length));
    out.push(`  ${'pool'.padEnd(width)}  ${report.scenarios.map((s, i) => t(s.label).padEnd(cols[i]!)).join('  ')}`.trimEnd());
    pools.forEach((name, row) => {
      out.push(`  ${t(name).padEnd(width)}  ${report.scenarios.map((s, i) => word(s.pools[row]!.outcome).padEnd(cols[i]!)).join('  ')}`.trimEnd());
    });
    out.push('');
  }
  const stops = report.scenarios.reduce((n, s) => n + s.pools.filter((p) => p.outcome !== 'works').length, 0);
  const groupDown = report.scenarios.filter((s) => !s.managementGroupWorks).length;
  const groupText =
    groupDown === 0
      ? ''
      : report.scenarios.length === 1
        ? 'the management group does not work'
        : `the management group does not work in ${groupThousands(groupDown)} of ${groupThousands(report.scenarios.length)} scenarios`;
  // Pools that work can still leave agents unmonitored or a server over its limit: said beside the verdict.
  const unmonitored = report.scenarios.reduce((n, s) => n + s.unmonitoredAgents, 0);
  const overloaded = new Set(report.scenarios.flatMap((s) => s.agentLoad.filter((l) => l.agents > l.limit).map((l) => l.server)));
  const caveats = [
    ...(unmonitored > 0
      ? [`${plural(unmonitored, 'agent')} ${report.scenarios.length > 1 ? 'in all ' : ''}${unmonitored === 1 ? 'is' : 'are'} unmonitored`]
      : []),
    ...(overloaded.size > 0 ? [`${plural(overloaded.size, 'server')} ${overloaded.size === 1 ? 'is' : 'are'} over the agent limit`] : []),
  ];
  if (stops === 0 && groupDown === 0 && caveats.length > 0) out.push(paint(33, `✔ every pool keeps working, but ${caveats.join(' and ')}`));
  else if (stops === 0 && groupDown === 0) out.push(paint(32, '✔ every pool keeps working'));
  else out.push(paint(31, `✖ ${[groupText, stops > 0 ? stopsSummary(report.scenarios, stops) : ''].filter(Boolean).join('; ')}`));
  return out.join('\n') + '\n';
}

/**
 * How many pools stop: of the pools, in one scenario ("1 of 4 pools stops"); side by side, in how
 * many of the scenarios, and how many stops in all ("pools stop in 2 of 3 scenarios (3 stops in all)").
 */
function stopsSummary(scenarios: readonly { readonly pools: readonly { readonly outcome: string }[] }[], stops: number): string {
  if (scenarios.length === 1)
    return `${groupThousands(stops)} of ${plural(scenarios[0]!.pools.length, 'pool')} ${stops === 1 ? 'stops or is cut off' : 'stop or are cut off'}`;
  const failing = scenarios.filter((s) => s.pools.some((p) => p.outcome !== 'works')).length;
  if (stops === 1) return `a pool stops or is cut off in 1 of ${groupThousands(scenarios.length)} scenarios`;
  return `pools stop or are cut off in ${groupThousands(failing)} of ${groupThousands(scenarios.length)} scenarios (${groupThousands(stops)} in all)`;
}

/**
 * One server's agents after the failures, sent whole or nowhere: where they go, and past which
 * servers of its list. In a partition (`split`) agents reach only their own side, and the words say so.
 */
function moveText(m: SimulationOutcome['agentMoves'][number], split: boolean, paint: (code: number, text: string) => string): string {
  const whose = `${t(m.server)}'s ${plural(m.agents, 'agent')}`;
  const past = namesOrMore(m.passedOver.map((p) => `${t(p.server)} (${PASSED_OVER_WORDS[p.state]})`));
  if (m.how === 'listed') return `${whose} fail over to ${t(m.to ?? '')}${past ? `, past ${past}` : ''}`;
  const why = past
    ? `every server in its failover list is ${split ? 'down, cut off or across the partition' : 'down or cut off'}: ${past}`
    : m.role === 'management-server'
      ? `no management server is connected ${split ? 'on its side of the partition' : 'to take them'} (it names no failover server)`
      : 'it names no failover server';
  return paint(31, `${whose} go nowhere: ${why}`);
}

/** The agents spread over the connected management servers, of every server that names no failover server. */
function spreadText(moves: SimulationOutcome['agentMoves']): string {
  const total = moves.reduce((sum, m) => sum + m.agents, 0);
  const over = moves[0]!.spreadOver ?? 0;
  const whose =
    moves.length === 1 ? `${t(moves[0]!.server)}'s ${plural(total, 'agent')}` : `${plural(total, 'agent')} of ${namesOrMore(moves.map((m) => t(m.server)))}`;
  const where = over === 1 ? 'go to the one connected management server' : `are spread over the ${plural(over, 'connected management server')}`;
  return `${whose} ${where}, as ${moves.length === 1 ? 'it names' : 'they name'} no failover server`;
}

/** A pool's outcome in the side-by-side table. */
function word(outcome: string): string {
  return outcome === 'works' ? 'works' : outcome === 'cut-off' ? 'CUT OFF' : 'STOPS';
}

/** A list of names, clipped to ten so that a large pool's line stays readable. */
function listed(names: readonly string[]): string {
  return names.length > 10 ? `${names.slice(0, 10).join(', ')} and ${groupThousands(names.length - 10)} more` : names.join(', ');
}
