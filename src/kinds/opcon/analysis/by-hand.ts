/**
 * What the administrator does by hand in an OpCon event (OPC-FS, "Manual Failover" of scenarios 1
 * and 2, and "Recovery"): failing over to the standby, stopping replication, and going back to the
 * primary, which undoes exactly what the failover by hand changed.
 */
import { databaseOf } from './analysis.js';
import { databaseHolder, isDown, startsByItself, type Flow } from './flow.js';
import { runsStopRepl, SWITCHES, type Machine, type StartType, type SwitchName } from '../model/model.js';

/** The service start types in the words of Windows' Services console. */
const START_TYPE_WORDS: Readonly<Record<StartType, string>> = {
  automatic: 'Automatic',
  'automatic-delayed': 'Automatic (Delayed Start)',
  manual: 'Manual',
};

/**
 * Why replication must be stopped by hand (StopRepl), or undefined where it need not be: no
 * replicated database, or the trigger that failed over ran StopRepl. `trigger` is the switch whose
 * failover happened; without one, the failover is by hand. Empty where the vendor's own manual step
 * says it (scenario 2).
 */
export function replicationLeftRunning(flow: Flow, s: Machine, trigger?: SwitchName): string | undefined {
  if (flow.model.replication !== 'replicated') return undefined;
  if (flow.analysis.failover.mode === 'manual') return '';
  if (trigger === undefined) return "the trigger's script did not run";
  const w = SWITCHES[trigger];
  const script = s.scripts[w.script];
  if (script !== undefined && runsStopRepl(script)) return undefined;
  return script === undefined ? `no ${w.script} is set` : `its ${w.script}, ${script}, does not stop replication`;
}

/** The action by hand that stops replication (StopRepl), without its full stop, for the reason replicationLeftRunning gives; `when` says when, if not in the vendor's order. */
function stopReplicationByHand(flow: Flow, s: Machine, reason: string, when = ''): string {
  if (flow.analysis.failover.mode === 'manual') return `Run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on the backup StandAlone machine ${s.name}`;
  return `Run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on the Secondary machine ${s.name}${when} (${reason})`;
}

/**
 * The machine (or database server) a crash took the publishing database with, where it did (a
 * replicated database only): the publisher is the primary's database (OPC-FS, scenarios 2 and 4).
 */
export function publisherDownWith(flow: Flow): string | undefined {
  return flow.model.replication === 'replicated' ? databaseHolder(flow, flow.P) : undefined;
}

/**
 * What StopRepl does (OPC-FS, scenario 4 step 6: it disconnects the users of the publishing
 * database, deletes the subscriptions and the publication, and marks the publishing database
 * read-only) acts on the publishing database: while the machine that holds it is down it cannot,
 * and that database comes back still published and writable. So StopRepl is run again as soon as
 * that machine is started again, before its SQL Server can replicate into the database the standby
 * now writes.
 */
function stopReplicationOnceBack(holder: string, s: Machine, run = 'run it'): string {
  return `${run} again as soon as ${holder} is started again, so that it reaches the publishing database before ${holder}'s SQL Server can replicate into what was the subscribing database, on which ${s.name}'s SAM-SS runs after the failover`;
}

/** StopRepl by hand when the publishing database went down with `holder`: now, as the vendor does for a failed publishing server, and again once it is back. */
function stopReplicationPublisherDown(flow: Flow, s: Machine, reason: string, holder: string): string {
  return `${stopReplicationByHand(flow, s, reason)}, as the vendor's "Failover and Recovery with Replication" does when the publishing database server has failed. The publishing database went down with ${holder}, so StopRepl cannot reach it now to disconnect its users, delete its publication and mark it read-only: ${stopReplicationOnceBack(holder, s)}.`;
}

/**
 * After a failover by a trigger whose script did not stop replication: StopRepl by hand, at once,
 * since the standby's SAM already writes what was the subscribing database; where the primary's SAM
 * still runs, only once the standby is the machine chosen to run OpCon. Where the publishing
 * database went down with a crashed machine, it replicates nothing while that machine is down, but
 * StopRepl (the trigger's or by hand) cannot reach it: it is run again once that machine is back.
 */
export function stopReplicationAfterTrigger(flow: Flow, s: Machine, trigger: SwitchName, primaryRuns: boolean): void {
  const reason = replicationLeftRunning(flow, s, trigger);
  const holder = publisherDownWith(flow);
  if (reason === undefined) {
    if (holder !== undefined)
      flow.manual.push(
        `StopRepl ran (the ${SWITCHES[trigger].script}) while the publishing database was down with ${holder}, so it could not disconnect its users, delete its publication or mark it read-only: ${stopReplicationOnceBack(holder, s, `run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on ${s.name}`)}.`,
      );
    return;
  }
  flow.manual.push(
    holder !== undefined
      ? stopReplicationPublisherDown(flow, s, reason, holder)
      : primaryRuns
        ? `If ${s.name} is to run OpCon: ${stopReplicationByHand(flow, s, reason)}.`
        : `${stopReplicationByHand(flow, s, reason, ' at once')}: until then the publisher can keep replicating into what was the subscribing database, which ${s.name}'s SAM-SS now uses.`,
  );
}

/**
 * Failing over by hand, in the vendor's order (Manual Failover, scenarios 1 and 2). A Secondary
 * in automatic failover only takes over on its triggers: to run there by hand it is made
 * StandAlone, pooltopo's reading, since the vendor's manual steps are for StandAlone machines.
 */
export function failOverByHand(flow: Flow, s: Machine): void {
  const { P, manual, changed } = flow;
  const manualMode = flow.analysis.failover.mode === 'manual';
  // A machine that is down cannot be set before it is started again; its service is stopped meanwhile.
  if (isDown(flow, P))
    manual.push(
      `${P.name} is down, so its SMAServMan is stopped; as soon as ${P.name} is started again, set the Primary SMAServMan service startup type to Manual and confirm the service is stopped (stop it if it has started)${manualMode ? `: otherwise its SAM runs beside ${s.name}'s` : ', so that it stays stopped until failback'}.`,
    );
  else manual.push(`Set the Primary SMAServMan service startup type on ${P.name} to Manual and confirm the service is stopped.`);
  changed.primaryStartType = P.serviceStartType !== 'manual';
  const reason = replicationLeftRunning(flow, s);
  const holder = publisherDownWith(flow);
  if (reason !== undefined)
    manual.push(holder !== undefined ? stopReplicationPublisherDown(flow, s, reason, holder) : `${stopReplicationByHand(flow, s, reason)}.`);
  const db = databaseOf(flow.model, flow.analysis, s);
  if (manualMode && startsByItself(s)) {
    manual.push(
      `${s.name}'s SMAServMan already runs (it starts by itself), its SAM-SS on ${db}: confirm it is the only SAM on the database now, and set its startup type to Manual once processing is back on ${P.name}.`,
    );
    return;
  }
  if (manualMode) {
    manual.push(
      `On the backup StandAlone machine ${s.name}, set the SMAServMan startup type to Automatic and start the service; its SAM-SS connects to ${db}.`,
    );
    changed.standbyStartType = true;
    return;
  }
  changed.standbyMode = true;
  changed.standbyStartType = !startsByItself(s);
  manual.push(
    `On ${s.name}, stop the Secondary SMAServMan, set Mode=StandAlone in its SMAServMan.ini (a Secondary only takes over on its triggers; pooltopo's reading, the vendor's manual steps are for StandAlone machines), ${changed.standbyStartType ? 'set its startup type to Automatic and start the service' : 'and start the service again'}; its SAM-SS connects to ${db}.`,
  );
}

/** Back to the primary, by hand (Recovery; with replication, "Failover and Recovery with Replication"), undoing what was changed by hand. */
export function failBack(flow: Flow, s: Machine): void {
  const { P, recovery, changed } = flow;
  const f = flow.analysis.failover;
  const replicated = flow.model.replication === 'replicated';
  recovery.push(`Remedy the problem that caused the failover on ${P.name}.`);
  if (replicated)
    recovery.push(
      `Set up replication again, following the vendor's "Failover and Recovery with Replication", so that ${P.name}'s database has the changes made in ${databaseOf(flow.model, flow.analysis, s)}, before ${P.name} takes over.`,
    );
  const standbyBack =
    f.mode !== 'manual'
      ? ''
      : changed.standbyStartType
        ? ' and set its startup type back to Manual'
        : startsByItself(s)
          ? ' and set its startup type to Manual'
          : '';
  recovery.push(`Stop the SMA Service Manager on ${s.name}${standbyBack}.`);
  // Unknown, the start type the failover by hand changed is the vendor's for the primary: Automatic (Delayed Start) in manual failover.
  const before = P.serviceStartType ?? (f.mode === 'manual' ? 'automatic-delayed' : 'automatic');
  const primaryBack = changed.primaryStartType ? ` and set its startup type back to ${START_TYPE_WORDS[before]}` : '';
  const only =
    f.mode === 'manual' || changed.standbyMode
      ? 'only one SAM should access the OpCon database at a time'
      : `while ${s.name}'s application group is ACTIVE, starting it has no effect`;
  recovery.push(`Start the SMA Service Manager on ${P.name}${primaryBack}, only once ${s.name}'s is stopped (${only}).`);
  if (f.mode !== 'automatic') return;
  const again = changed.standbyMode ? ' with Mode=Secondary again in its SMAServMan.ini' : '';
  // The one change not undone: a Secondary that does not start by itself stops watching after a reboot (opcon/secondary-not-started).
  const keep = changed.standbyStartType
    ? ' (leave its startup type Automatic: a Secondary that does not start by itself stops watching the Primary after a reboot)'
    : '';
  recovery.push(
    `${replicated ? `Set up replication from ${P.name}'s database to ${s.name}'s again (hot failover, scenario 4), then s` : 'S'}tart ${s.name}'s SMA Service Manager${again}${keep}, so that it synchronizes and watches ${P.name} in STANDBY.`,
  );
}
