/**
 * The vendor's process flows for StandAlone SMAServMans (OPC-FS, scenarios 1 and 2, "Manual
 * Failover"; and a machine alone, which no scenario has): two StandAlone machines that do not
 * communicate, so nothing takes over until the administrator fails over by hand.
 */
import { databaseOf } from './analysis.js';
import { failBack, failOverByHand } from './by-hand.js';
import { crashSteps, primaryMachineUp, restoreDatabase } from './crash.js';
import { canRun, databaseHolder, databaseLost, isDown, outcome, startsByItself, type Flow, type OpconEventOutcome } from './flow.js';
import { addMachineShutdownNote, normalShutdownWays } from './machine-shutdown.js';

/** One machine alone (a StandAlone SMAServMan without a standby). */
export function aloneFlow(flow: Flow): OpconEventOutcome {
  const { event, P, steps, manual } = flow;
  if (event === 'communication-loss') {
    steps.push(`There is no partner for ${P.name} to lose: nothing changes.`);
    return outcome(flow, [P], false);
  }
  if (event === 'machine-crash') {
    crashSteps(flow, () => ({ what: 'its SMAServMan and SAM-SS', verb: 'are' }));
    // What crashed may be only its database's server: the machine is up, and it is that server that must come back.
    if (!isDown(flow, P)) {
      if (canRun(flow, P)) {
        steps.push(`${P.name} keeps processing.`);
        return outcome(flow, [P], false);
      }
      steps.push(`${P.name}'s SAM-SS has lost its database: it stops processing.`);
      restoreDatabase(flow, P);
      return outcome(flow, [], false);
    }
  } else standAloneShutdown(flow, 'StandAlone');
  steps.push(`No other machine takes over: ${P.name} runs OpCon alone.`);
  if (event === 'abnormal-shutdown')
    manual.push(`Review all SAM-SS logs on ${P.name} to determine the cause of the failure (Logging in the Server Programs online help).`);
  // A normal shutdown is no failure: there is no issue to correct, only the service to start again.
  manual.push(
    event === 'normal-shutdown'
      ? `Start ${P.name}'s SMA Service Manager again when the work it was stopped for is done; no schedule runs until then.`
      : `${event === 'machine-crash' ? `Bring ${P.name} back` : `Correct the issue on ${P.name}`} and start its SMA Service Manager again; no schedule runs until then.`,
  );
  // Its database's server down with it (a server of its own): that comes back too.
  const holder = databaseHolder(flow, P);
  if (holder !== undefined && holder !== P.name) restoreDatabase(flow, P);
  addMachineShutdownNote(flow, 'none');
  return outcome(flow, [], false);
}

/** Scenarios 1 and 2: two StandAlone SMAServMans that do not communicate. */
export function manualFlow(flow: Flow): OpconEventOutcome {
  const { model, analysis, event, P, steps, manual } = flow;
  const s = flow.S!;
  // A standby that starts by itself is already a second SAM (opcon/standby-starts-automatically).
  const both = startsByItself(s);
  if (both)
    steps.push(
      `${s.name}'s SMA Service Manager starts by itself (start type ${s.serviceStartType}), so the backup StandAlone SMAServMan has started its SAM-SS, connected to ${databaseOf(model, analysis, s)}, beside ${P.name}'s: two SAMs run from the start.`,
    );
  if (event === 'communication-loss') {
    steps.push(`The network between ${P.name} and ${s.name} fails; ${P.name} keeps running.`);
    steps.push('In manual failover the two StandAlone SMAServMans do not communicate with each other: nothing changes.');
    return outcome(flow, [P, ...(both ? [s] : [])], false);
  }
  if (event === 'machine-crash')
    crashSteps(flow, (m) =>
      m === P
        ? { what: 'the primary StandAlone SMAServMan and its SAM-SS', verb: 'are' }
        : both
          ? { what: 'the backup StandAlone SMAServMan and its SAM-SS', verb: 'are' }
          : { what: 'the backup StandAlone SMAServMan', verb: 'is' },
    );
  if (event === 'machine-crash' && !isDown(flow, P)) return primaryMachineUp(flow, s, both);
  if (event !== 'machine-crash') standAloneShutdown(flow, 'primary StandAlone');
  if (isDown(flow, s)) {
    steps.push(`${s.name} is down too: there is no machine to fail over to.`);
    manual.push(`Bring ${P.name} back and start its SMA Service Manager; no schedule runs until then.`);
    return outcome(flow, [], false);
  }
  if (both)
    steps.push(
      canRun(flow, s)
        ? `${s.name}'s SAM-SS keeps running: processing continues there, unplanned.`
        : `${s.name}'s SAM-SS has lost its database too (it was on ${databaseHolder(flow, s)!}): no SAM runs.`,
    );
  else steps.push(`Nothing takes over: the backup StandAlone SMAServMan on ${s.name} does not communicate with the primary, and its service is not started.`);
  if (databaseLost(flow, s)) {
    restoreDatabase(flow, s);
    return outcome(flow, [], false);
  }
  if (event === 'normal-shutdown')
    manual.push(`If this is maintenance, start ${P.name}'s SMA Service Manager again when it is done; otherwise fail over by hand:`);
  if (event === 'abnormal-shutdown') {
    manual.push(`Review all SAM-SS logs on ${P.name} to determine the cause of the failure (Logging in the Server Programs online help).`);
    manual.push(`If possible, correct the issue on ${P.name} and start its SMA Service Manager again; if it cannot be resolved quickly, fail over:`);
  }
  failOverByHand(flow, s);
  failBack(flow, s);
  addMachineShutdownNote(flow, both ? 'runs' : 'by-hand');
  return outcome(flow, both ? [s] : [], false);
}

/** A StandAlone (or primary StandAlone) SMAServMan's shutdown, as the vendor's tables word it (an abnormal or a normal shutdown). */
function standAloneShutdown(flow: Flow, role: string): void {
  const { event, P, steps } = flow;
  const Role = role[0]!.toUpperCase() + role.slice(1);
  const termination = P.scripts['TerminationScript'];
  if (event === 'abnormal-shutdown') {
    steps.push(`Normal Process Flow on ${role} ${P.name}.`);
    steps.push(`Critical application fails on ${role} machine ${P.name} one time more than the RestartApplicationLimit.`);
  } else {
    steps.push(`The ${role} SMAServMan on ${P.name} is shut down normally ${normalShutdownWays(flow)}.`);
  }
  steps.push(`${Role} SMAServMan shuts down SAM-SS.`);
  steps.push(
    termination !== undefined
      ? `${Role} SMAServMan runs the TerminationScript (${termination}).`
      : `${Role} SMAServMan has no TerminationScript: nobody is told that the SAM-SS is shutting down.`,
  );
  steps.push(`${Role} SMAServMan shuts itself down.`);
}
