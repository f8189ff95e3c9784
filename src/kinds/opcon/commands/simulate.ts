/**
 * `simulate` for OpCon: `--event NAME` or `--down MACHINE` (the crash of that machine, or of a SQL
 * Server the file puts a database on) walks the vendor's process flow for this configuration
 * (simulate-flows.ts) and prints it step by step.
 */
import { databaseServersBeside, machineNamed, modesConflict, noFailoverReason } from '../analysis/analysis.js';
import { machineKey, type Machine } from '../model/model.js';
import { escapeForTerminal as t } from '../../../util/text.js';
import { PooltopoError } from '../../../util/errors.js';
import { closest } from '../../../util/suggest.js';
import { clip } from '../../../util/message.js';
import { namesOrMore } from '../../../core/headline.js';
import type { SimulateRequest } from '../../../core/kind.js';
import type { OpconModels } from '../results.js';
import { OPCON_EVENTS, simulateOpconEvent, type OpconEvent, type OpconEventOutcome } from '../analysis/simulate-flows.js';

export { OPCON_EVENTS, simulateOpconEvent, type OpconEvent, type OpconEventOutcome } from '../analysis/simulate-flows.js';

/** The events' flows as text (stylish) or JSON. */
export function formatOpconEvents(file: string, outcomes: readonly OpconEventOutcome[], format: 'stylish' | 'json'): string {
  if (format === 'json') return JSON.stringify({ version: 1, file, events: outcomes }, null, 2) + '\n';
  const out: string[] = [];
  for (const o of outcomes) {
    out.push(`${t(file)}: event ${o.event}${o.down ? ` (${o.down.map(t).join(' and ')} down)` : ''}`);
    o.steps.forEach((step, i) => out.push(`  ${i + 1}. ${t(step)}`));
    const active = o.active.length
      ? o.active.map(t).join(' and ')
      : 'no SAM processing (a SAM-SS needs its machine and its database up): no schedule runs until someone acts';
    out.push(`  ACTIVE at the end: ${active}${o.failedOver ? ' (failed over)' : ''}`);
    out.push(`  two SAMs on the database: ${o.twoSams ? 'POSSIBLE' : 'no'}`);
    if (o.manualActions.length) {
      out.push('  by hand, in this order:');
      o.manualActions.forEach((a, i) => out.push(`    ${i + 1}. ${t(a)}`));
    }
    if (o.recovery.length) {
      out.push('  back to the primary (failback is always by hand):');
      o.recovery.forEach((a, i) => out.push(`    ${i + 1}. ${t(a)}`));
    }
    out.push('');
  }
  return out.join('\n');
}

/** `simulate` for this kind (the plug-in loads this module only then). */
export async function simulateCommand(models: Partial<OpconModels>, request: SimulateRequest): Promise<{ text: string; exitCode: number }> {
  const usage = `--event ${OPCON_EVENTS.join('|')} or --down MACHINE`;
  if (request.partitions.length > 0) throw new PooltopoError(`for kind opcon-failover, simulate takes ${usage}, not --partition`);
  if (request.events.length === 0 && request.downs.length === 0) throw new PooltopoError(`simulate needs ${usage} for kind opcon-failover`);
  const { model, analysis } = models.opcon!;
  // The vendor's flows are for a failover pair, or a StandAlone machine alone; modes that set up neither have no flow to follow.
  if (modesConflict(analysis)) throw new PooltopoError(`"${request.file}" sets up no failover: ${noFailoverReason(analysis)}; pooltopo validate shows where`);
  const outcomes = request.events.map((e) => {
    if (!(OPCON_EVENTS as readonly string[]).includes(e)) {
      const near = closest(e, OPCON_EVENTS);
      throw new PooltopoError(`unknown event "${e}"${near.length ? `; did you mean "${near[0]}"?` : ''} (events: ${OPCON_EVENTS.join(', ')})`);
    }
    return simulateOpconEvent(model, analysis, e as OpconEvent);
  });
  // A machine of the file, or a SQL Server the file puts a database on beside them (the seed's "third machine"), each by its host once.
  const servers = databaseServersBeside(model, analysis);
  const serverHosts = new Map<string, string>();
  for (const s of servers) if (!serverHosts.has(s.host)) serverHosts.set(s.host, s.name);
  for (const d of request.downs) {
    const names = d
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '');
    if (names.length === 0) throw new PooltopoError('--down names no machine; give one, e.g. --down opcon01');
    // Each machine or server once, however many names give it.
    const down = new Set<Machine | string>();
    for (const name of names) {
      const m: Machine | string | undefined = machineNamed(model, name) ?? serverHosts.get(machineKey(name));
      if (m === undefined) {
        const near = closest(name, [...model.machines.map((x) => x.name), ...servers.map((x) => x.name)]);
        throw new PooltopoError(
          `unknown machine "${clip(name)}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''} (machines: ${someNames(model.machines.map((x) => x.name))}${servers.length ? `; database servers: ${someNames(servers.map((x) => x.name))}` : ''})`,
        );
      }
      down.add(m);
    }
    outcomes.push(simulateOpconEvent(model, analysis, 'machine-crash', [...down]));
  }
  return { text: formatOpconEvents(request.file, outcomes, request.format), exitCode: outcomes.some((x) => x.active.length === 0 || x.twoSams) ? 1 : 0 };
}

/** The names a refusal lists, the first few of a long list and how many more: a file of many machines makes no error line as long as it likes. */
const LISTED_NAMES = 10;
const someNames = (names: readonly string[]) => namesOrMore(names, LISTED_NAMES);
