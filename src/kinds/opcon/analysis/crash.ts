/**
 * What a machine crash does in an OpCon failover, whichever the scenario (OPC-FS; FORMAT.md,
 * `machine-crash` and `simulate --down`): each machine that crashed and the databases that went with
 * it, a crash that leaves the primary's machine up, and a SAM-SS left without its database.
 */
import { databaseHostOf, databaseRole, databaseServerWords, sameDatabaseServer } from './analysis.js';
import { failBack, failOverByHand } from './by-hand.js';
import { canRun, databaseHolder, isDown, outcome, type Flow, type OpconEventOutcome } from './flow.js';
import type { Machine } from '../model/model.js';

/** What a crash of the primary's or the standby's machine takes with it, in words, and the verb that agrees with them. */
export interface LostWithMachine {
  readonly what: string;
  readonly verb: 'is' | 'are';
}

/**
 * Each machine (or database server) that crashed, in the order named, and the databases that went
 * with it; `lost` says what a crash of the primary's or the standby's machine takes, as its caller
 * words it.
 */
export function crashSteps(flow: Flow, lost: (m: Machine) => LostWithMachine): void {
  const { model, analysis, P, S, steps } = flow;
  for (const c of flow.crashed) {
    const m = c.machine;
    const role = m !== undefined && (m === P || m === S) ? lost(m) : undefined;
    steps.push(
      role !== undefined
        ? `Machine ${c.name} crashes: ${role.what} ${role.verb} gone at once.`
        : m === undefined
          ? `Database server ${c.name} crashes: no SMAServMan of this failover runs on it.`
          : `Machine ${c.name} crashes: it is neither the primary (${P.name}) nor the standby${S ? ` (${S.name})` : ''} of this failover, so no SMAServMan of the failover is lost with it.`,
    );
    // Each SQL Server once, as the first machine's connection names it (two connections may write one server two ways), in the machine-shutdown note's words.
    const holders = [P, ...(S ? [S] : [])].filter((x) => databaseHostOf(model, analysis, x) === c.host);
    for (const [i, x] of holders.entries())
      if (!holders.slice(0, i).some((y) => sameDatabaseServer(model, analysis, x, y)))
        steps.push(
          m === undefined
            ? `${capitalised(databaseRole(model, analysis, x))} on ${databaseServerWords(model, analysis, x)!} is gone with it.`
            : `${capitalised(databaseRole(model, analysis, x))} on ${databaseServerWords(model, analysis, x)!} was on ${c.name}: it is gone too.`,
        );
  }
}

/** A sentence's first word, capitalised: the role of a database opens a step. */
const capitalised = (words: string) => words[0]!.toUpperCase() + words.slice(1);

/** No database for `m`'s SAM: bring back the machine that held it, or move the database. */
export function restoreDatabase(flow: Flow, m: Machine): void {
  flow.manual.push(
    `Bring ${databaseHolder(flow, m)!} back, or restore the OpCon database elsewhere and point ${m.name}'s SMA Connection Configuration at it; no schedule runs until then.`,
  );
}

/**
 * A crash that leaves the primary's machine up: the standby's, or a machine outside the pair.
 * The primary keeps processing unless its database went with the crash; then the standby takes
 * over by hand where its own database is left.
 */
export function primaryMachineUp(flow: Flow, s: Machine, standbyRuns: boolean): OpconEventOutcome {
  const { P, steps, manual } = flow;
  const manualMode = flow.analysis.failover.mode === 'manual';
  const running = [P, ...(standbyRuns ? [s] : [])];
  const keeps = manualMode ? `${P.name} keeps processing` : `The Primary SMAServMan keeps its application group ACTIVE on ${P.name}`;
  const noFailover = manualMode ? `there is no machine to fail over to until ${s.name} is back` : `nothing can fail over until ${s.name} is back`;
  if (canRun(flow, P)) steps.push(isDown(flow, s) ? `${keeps}; ${noFailover}.` : `${keeps}.`);
  else steps.push(`${P.name}'s SAM-SS has lost its database: it stops processing.`);
  if (standbyRuns && !isDown(flow, s)) steps.push(canRun(flow, s) ? `${s.name}'s SAM-SS keeps running.` : `${s.name}'s SAM-SS has lost its database too.`);
  if (!running.some((m) => canRun(flow, m))) {
    if (canRun(flow, s)) {
      failOverByHand(flow, s);
      failBack(flow, s);
    } else restoreDatabase(flow, P);
  }
  // The standby's own database gone while the primary runs on another (the subscriber's server):
  // a failover now, by hand or by a trigger, would start a SAM-SS with no database.
  const standbyDatabase = databaseHolder(flow, s);
  if (!isDown(flow, s) && standbyDatabase !== undefined && canRun(flow, P))
    manual.push(`Bring ${standbyDatabase} back; until then ${s.name}'s SAM-SS has no database to fail over to, so a failure of ${P.name} is not covered.`);
  if (isDown(flow, s))
    manual.push(
      manualMode
        ? `Bring ${s.name} back with its SMAServMan startup type Manual; until then a failure of ${P.name} is not covered.`
        : `Bring ${s.name} back and start its SMA Service Manager, so that it synchronizes with ${P.name} and watches it again (STANDBY).`,
    );
  return outcome(flow, running, false);
}
