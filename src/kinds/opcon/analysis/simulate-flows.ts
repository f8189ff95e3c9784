/**
 * The vendor's process flows (OPC-FS, "Failover Scenarios", scenarios 1 to 4) for one event on this
 * configuration: the steps in the tables' own words, which SMAServMan is ACTIVE at the end, whether
 * two SAMs may reach the database, what the administrator must do by hand in the vendor's order, and
 * how processing goes back to the primary (always by hand).
 */
import { databaseMachineOf, databaseOf, databaseServerOf, modesConflict, type OpconAnalysis } from './analysis.js';
import { connectionText, hostOf, machineKey, runsStopRepl, SWITCHES, type Machine, type OpconModel, type SwitchName } from '../model/model.js';

export type OpconEvent = 'abnormal-shutdown' | 'normal-shutdown' | 'communication-loss' | 'machine-crash';
export const OPCON_EVENTS: readonly OpconEvent[] = ['abnormal-shutdown', 'normal-shutdown', 'communication-loss', 'machine-crash'];

export interface OpconEventOutcome {
  readonly event: OpconEvent;
  /** For a machine crash: the machines that crashed. */
  readonly down?: readonly string[];
  readonly steps: readonly string[];
  /** The machines whose SMAServMan runs its SAM-SS (its application group ACTIVE) at the end. */
  readonly active: readonly string[];
  readonly failedOver: boolean;
  /** Two SAMs may reach the OpCon database(s) at once. */
  readonly twoSams: boolean;
  /** What the administrator must do now, in the vendor's order. */
  readonly manualActions: readonly string[];
  /** How processing goes back to the primary afterwards (failback is always manual). */
  readonly recovery: readonly string[];
}

/** The trigger each event pulls on the Secondary, where it pulls one. */
const TRIGGER_OF: Readonly<Record<Exclude<OpconEvent, 'machine-crash'>, SwitchName>> = {
  'abnormal-shutdown': 'primaryAbnormalShutdown',
  'normal-shutdown': 'primaryNormalShutdown',
  'communication-loss': 'communicationLoss',
};

const starts = (m: Machine | undefined) => m?.serviceStartType === 'automatic' || m?.serviceStartType === 'automatic-delayed';
const seconds = (n: number) => Number(n.toFixed(3));

/**
 * The flow of `event` (for `machine-crash`, the crash of the machines in `down`, else of the
 * primary). Only for modes that set up a failover, or a machine alone: callers refuse the rest
 * (modesConflict).
 */
export function simulateOpconEvent(model: OpconModel, analysis: OpconAnalysis, event: OpconEvent, down?: readonly Machine[]): OpconEventOutcome {
  const f = analysis.failover;
  const primary = analysis.primary;
  if (primary === undefined || modesConflict(analysis)) throw new Error("the machines' modes set up no failover: there is no process flow to follow");
  const P: Machine = primary;
  const S = analysis.secondary;
  const crashed = event === 'machine-crash' ? (down ?? [P]) : [];
  const isDown = (m: Machine | undefined) => m !== undefined && crashed.includes(m);
  const db = (m: Machine) => databaseOf(model, analysis, m);
  /** The machine's database was on a machine that crashed (as opcon/database-on-machine reads where it is). */
  const dbLost = (m: Machine) => {
    const holder = databaseMachineOf(model, analysis, m);
    return holder !== undefined && crashed.includes(holder);
  };
  const steps: string[] = [];
  const manual: string[] = [];
  const recovery: string[] = [];
  const replicated = model.replication === 'replicated';
  const outcome = (active: readonly Machine[], failedOver: boolean, twoSams: boolean): OpconEventOutcome => ({
    event,
    ...(event === 'machine-crash' ? { down: crashed.map((m) => m.name) } : {}),
    steps,
    active: active.map((m) => m.name),
    failedOver,
    twoSams,
    manualActions: manual,
    recovery,
  });
  const crashStep = (m: Machine, what: string) => {
    steps.push(`Machine ${m.name} crashes: ${what} ${what.includes(' and ') ? 'are' : 'is'} gone at once.`);
    const onIt = [
      ...new Set(
        [P, S]
          .filter((x): x is Machine => x !== undefined)
          .map((x) => databaseServerOf(model, analysis, x))
          .filter((s): s is string => s !== undefined && hostOf(s) === machineKey(m.name)),
      ),
    ];
    for (const s of onIt) steps.push(`The OpCon database on ${s} was on ${m.name}: it is gone too.`);
  };

  if (f.mode === 'none') {
    // One machine alone (a StandAlone SMAServMan without a standby).
    if (event === 'communication-loss') {
      steps.push(`There is no partner for ${P.name} to lose: nothing changes.`);
      return outcome([P], false, false);
    }
    if (event === 'machine-crash') crashStep(P, 'its SMAServMan and SAM-SS');
    else standAloneShutdown(steps, P, event, 'StandAlone');
    steps.push(`No other machine takes over: ${P.name} runs OpCon alone.`);
    if (event === 'abnormal-shutdown')
      manual.push(`Review all SAM-SS logs on ${P.name} to determine the cause of the failure (Logging in the Server Programs online help).`);
    manual.push(
      `${event === 'machine-crash' ? `Bring ${P.name} back` : `Correct the issue on ${P.name}`} and start its SMA Service Manager again; no schedule runs until then.`,
    );
    return outcome([], false, false);
  }

  if (f.mode === 'manual') return manualFlow();
  return automaticFlow();

  /** Scenarios 1 and 2: two StandAlone SMAServMans that do not communicate. */
  function manualFlow(): OpconEventOutcome {
    const s = S!;
    // A standby that starts by itself is already a second SAM (opcon/standby-starts-automatically).
    const both = starts(s);
    if (both)
      steps.push(
        `${s.name}'s SMA Service Manager starts by itself (start type ${s.serviceStartType}), so the backup StandAlone SMAServMan has started its SAM-SS, connected to ${db(s)}, beside ${P.name}'s: two SAMs run from the start.`,
      );
    const running = (primaryRuns: boolean) => [...(primaryRuns ? [P] : []), ...(both && !isDown(s) ? [s] : [])];
    if (event === 'communication-loss') {
      steps.push(`The network between ${P.name} and ${s.name} fails; ${P.name} keeps running.`);
      steps.push('In manual failover the two StandAlone SMAServMans do not communicate with each other: nothing changes.');
      return outcome(running(true), false, both);
    }
    if (event === 'machine-crash' && !isDown(P)) {
      crashStep(s, 'the backup StandAlone SMAServMan');
      const primaryRuns = !dbLost(P);
      steps.push(
        primaryRuns
          ? `${P.name} keeps processing; there is no machine to fail over to until ${s.name} is back.`
          : `${P.name}'s SAM-SS has lost its database: no SAM runs.`,
      );
      manual.push(`Bring ${s.name} back with its SMAServMan startup type Manual; until then a failure of ${P.name} is not covered.`);
      return outcome(running(primaryRuns), false, both && primaryRuns);
    }
    if (event === 'machine-crash') crashStep(P, `the primary StandAlone SMAServMan and its SAM-SS`);
    else standAloneShutdown(steps, P, event, 'primary StandAlone');
    if (isDown(s)) {
      steps.push(`${s.name} is down too: there is no machine to fail over to.`);
      manual.push(`Bring ${P.name} back and start its SMA Service Manager; no schedule runs until then.`);
      return outcome([], false, false);
    }
    steps.push(
      both
        ? `${s.name}'s SAM-SS keeps running: processing continues there, unplanned.`
        : `Nothing takes over: the backup StandAlone SMAServMan on ${s.name} does not communicate with the primary, and its service is not started.`,
    );
    if (event === 'normal-shutdown')
      manual.push(`If this is maintenance, start ${P.name}'s SMA Service Manager again when it is done; otherwise fail over by hand:`);
    if (event === 'abnormal-shutdown') {
      manual.push(`Review all SAM-SS logs on ${P.name} to determine the cause of the failure (Logging in the Server Programs online help).`);
      manual.push(`If possible, correct the issue on ${P.name} and start its SMA Service Manager again; if it cannot be resolved quickly, fail over:`);
    }
    manualFailover(s);
    failback(s);
    return outcome(
      running(false).filter((m) => !dbLost(m)),
      false,
      both,
    );
  }

  /** Scenarios 3 and 4: a Primary and a Secondary that ping each other. */
  function automaticFlow(): OpconEventOutcome {
    const s = S!;
    const why = unsynchronised(P, s);
    if (why) {
      steps.push(`The Primary and Secondary SMAServMans attempt to synchronize, but cannot (${why}).`);
      steps.push(
        `Following the vendor's Synchronization Failure flow, both keep attempting it (the Primary every TimeOutInSecondsForSync, the Secondary every SecondsBetweenPings) and run their SyncInitFailureScript after each failed attempt; the Primary sets its application group ACTIVE only after a successful synchronization, so no SAM-SS runs.`,
      );
      manual.push(`Set the same FailOverSocketNumber on both machines and PrimaryMachine on ${s.name} to ${P.name}, then restart both SMA Service Managers.`);
      return outcome([], false, false);
    }
    if (s.serviceStartType === 'manual')
      steps.push(
        `${s.name}'s SMA Service Manager is set to start by hand: after a reboot of ${s.name} it is not running, and nothing below happens until someone starts it.`,
      );
    const detection = `${seconds(f.detectionSeconds ?? 0)} s (pooltopo's model: SecondsBetweenPings x (PingRetryCount + 1) + PingTimeOutInMilliseconds / 1000, ${s.secondsBetweenPings} x ${s.pingRetryCount + 1} + ${s.pingTimeOutInMilliseconds} / 1000; the vendor gives no figure)`;
    let trigger: SwitchName;
    if (event === 'machine-crash' && !isDown(P)) {
      crashStep(s, 'the Secondary SMAServMan');
      const primaryRuns = !dbLost(P);
      steps.push(
        primaryRuns
          ? `The Primary SMAServMan keeps its application group ACTIVE on ${P.name}; nothing can fail over until ${s.name} is back.`
          : `${P.name}'s SAM-SS has lost its database: no SAM runs.`,
      );
      manual.push(`Bring ${s.name} back and start its SMA Service Manager, so that it synchronizes with ${P.name} and watches it again (STANDBY).`);
      return outcome(primaryRuns ? [P] : [], false, false);
    }
    if (event === 'machine-crash') {
      crashStep(P, 'the Primary SMAServMan and its SAM-SS');
      if (isDown(s)) {
        steps.push(`${s.name} is down too: nothing can take over.`);
        manual.push(`Bring ${P.name} and ${s.name} back; no schedule runs until then.`);
        return outcome([], false, false);
      }
      steps.push(`The Secondary SMAServMan on ${s.name} gets no answer to its pings and gives up on the Primary after ${detection}.`);
      steps.push(`To the Secondary this is a communication loss: it cannot tell a crash of ${P.name} from a network failure.`);
      trigger = 'communicationLoss';
    } else if (event === 'communication-loss') {
      steps.push(`The network between ${P.name} and ${s.name} fails; the Primary SMAServMan and its SAM-SS keep running on ${P.name}.`);
      steps.push(`The Secondary SMAServMan on ${s.name} gets no answer to its pings and gives up on the Primary after ${detection}.`);
      steps.push(`The Secondary cannot tell this from a crash of ${P.name}: to it, both are a communication loss.`);
      trigger = 'communicationLoss';
    } else {
      steps.push(`Normal Process Flow on Primary ${P.name}.`);
      steps.push(`Secondary SMAServMan on ${s.name} continually pings Primary SMAServMan for status of the Primary Application Group.`);
      steps.push(
        event === 'abnormal-shutdown'
          ? `Critical application fails on Primary machine ${P.name} one time more than the RestartApplicationLimit.`
          : `The Primary SMAServMan on ${P.name} is shut down normally (through the Windows Service Control Manager, net stop, or a normal machine shutdown).`,
      );
      steps.push('Primary SMAServMan shuts down SAM-SS.');
      steps.push('Primary SMAServMan sets Primary Application Group to INACTIVE.');
      steps.push(
        `The Secondary learns of it at its next ping, within SecondsBetweenPings (${s.secondsBetweenPings} s; pooltopo's model, the vendor gives no figure).`,
      );
      trigger = TRIGGER_OF[event];
    }
    const w = SWITCHES[trigger];
    const primaryRuns = event === 'communication-loss';
    if (!s.switches[trigger]) {
      steps.push(`Secondary SMAServMan on ${s.name} stays STANDBY: ${w.key} is N, so it does not fail over on this event.`);
      if (primaryRuns) {
        steps.push(`Processing continues on ${P.name}; ${s.name} keeps trying to reach it.`);
        return outcome([P], false, false);
      }
      if (event === 'machine-crash')
        steps.push(
          `No SMAServMan is ACTIVE: with these settings${s.switches.primaryAbnormalShutdown && !s.switches.primaryNormalShutdown ? " (the vendor's recommended: only PrimaryAbnormalShutdownFailover)" : ''} a crash of the Primary machine stops OpCon until someone fails over by hand.`,
        );
      if (event === 'abnormal-shutdown')
        manual.push(
          `Review all SAM-SS logs on ${P.name} to determine the cause of the failure, correct it, and start ${P.name}'s SMA Service Manager again; if that cannot be done quickly, fail over by hand:`,
        );
      if (event === 'normal-shutdown')
        manual.push(`If this is maintenance, start ${P.name}'s SMA Service Manager again when it is done; otherwise fail over by hand:`);
      manualFailover(s);
      failback(s, true);
      return outcome([], false, false);
    }
    const script = s.scripts[w.script];
    if (replicated && script !== undefined && runsStopRepl(script)) {
      steps.push(
        `Secondary SMAServMan runs the ${w.script} (${script}), which stops replication: it disconnects any users attached to the publishing database, deletes the subscriptions and the publication, and marks the publishing database as read-only.`,
      );
    } else if (replicated) {
      steps.push(
        `Secondary SMAServMan ${script === undefined ? `runs no ${w.script}` : `runs the ${w.script} (${script})`}, which does not stop replication (StopRepl): the publisher can keep replicating into what was the subscribing database.`,
      );
    } else if (script !== undefined) {
      steps.push(`Secondary SMAServMan runs the ${w.script} (${script}).`);
    }
    steps.push(
      `Secondary SMAServMan sets Secondary Application Group to ACTIVE because of the ${{ primaryAbnormalShutdown: 'abnormal shutdown on the Primary', primaryNormalShutdown: 'normal shutdown on the Primary', communicationLoss: 'communication loss' }[trigger]}.`,
    );
    steps.push('Secondary SMAServMan starts Secondary SAM-SS.');
    if (dbLost(s)) {
      steps.push(`Secondary SAM-SS cannot connect to ${db(s)}: it was on ${P.name}. No SAM runs; failover cannot help while the database is gone.`);
      manual.push(`Bring ${P.name} back, or restore the OpCon database elsewhere and point ${s.name}'s SMA Connection Configuration at it.`);
      return outcome([], true, false);
    }
    const named = s.connection ? ` (${connectionText(s.connection)})` : '';
    steps.push(`Secondary SAM-SS connects to ${replicated ? 'what was the Subscribing Database' : 'the Primary Database'}${named}.`);
    steps.push(`Normal Process Flow on Secondary machine ${s.name} with ${replicated ? 'what was the Subscribing Database' : 'the Primary Database'}.`);
    if (primaryRuns) {
      steps.push(
        `${P.name}'s SAM-SS is still running: two SAMs now run, ${replicated ? 'against two copies of the database, which diverge' : 'against the same database'}.`,
      );
      manual.push(
        `Confirm at once which machine should run OpCon, and stop the SMA Service Manager on the other (set its startup type to Manual until the network is repaired).`,
      );
    }
    if (event === 'machine-crash')
      steps.push(`When ${P.name} comes back, starting its Primary SMAServMan has no effect while the Secondary Application Group is ACTIVE.`);
    failback(s);
    return outcome(primaryRuns ? [P, s] : [s], true, primaryRuns);
  }

  /**
   * Failing over by hand, in the vendor's order (Manual Failover, scenarios 1 and 2). A Secondary
   * in automatic failover only takes over on its triggers: to run there by hand it is made
   * StandAlone, pooltopo's reading, since the vendor's manual steps are for StandAlone machines.
   */
  function manualFailover(s: Machine): void {
    const gone = isDown(P);
    manual.push(
      gone
        ? `Set the Primary SMAServMan service startup type on ${P.name} to Manual before ${P.name} is started again, and confirm the service is stopped: otherwise it starts a second SAM when ${P.name} comes back.`
        : `Set the Primary SMAServMan service startup type on ${P.name} to Manual and confirm the service is stopped.`,
    );
    if (replicated)
      manual.push(
        `Run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on ${f.mode === 'manual' ? 'the backup StandAlone machine' : 'the Secondary machine'} ${s.name}${f.mode === 'manual' ? '' : " (the trigger's script did not run)"}.`,
      );
    if (dbLost(s)) {
      manual.push(`Failing over to ${s.name} cannot help yet: its SAM-SS would connect to ${db(s)}, which was on ${P.name}; restore the database first.`);
      return;
    }
    if (f.mode === 'manual' && starts(s)) {
      manual.push(
        `${s.name}'s SMAServMan already runs (it starts by itself), its SAM-SS on ${db(s)}: confirm it is the only SAM on the database now, and set its startup type to Manual once processing is back on ${P.name}.`,
      );
      return;
    }
    manual.push(
      f.mode === 'manual'
        ? `On the backup StandAlone machine ${s.name}, set the SMAServMan startup type to Automatic and start the service; its SAM-SS connects to ${db(s)}.`
        : `On ${s.name}, stop the Secondary SMAServMan, set Mode=StandAlone in its SMAServMan.ini (a Secondary only takes over on its triggers; pooltopo's reading, the vendor's manual steps are for StandAlone machines), set its startup type to Automatic and start the service; its SAM-SS connects to ${db(s)}.`,
    );
  }

  /** Back to the primary, by hand (Recovery; with replication, "Failover and Recovery with Replication"). */
  function failback(s: Machine, byHand = false): void {
    // No failover to come back from while the standby's database is gone with the crashed machine.
    if (dbLost(s)) return;
    recovery.push(`Remedy the problem that caused the failover on ${P.name}.`);
    if (replicated)
      recovery.push(
        `Set up replication again, following the vendor's "Failover and Recovery with Replication", so that ${P.name}'s database has the changes made in ${db(s)}, before ${P.name} takes over.`,
      );
    recovery.push(`Stop the SMA Service Manager on ${s.name}${f.mode === 'manual' ? ' and set its startup type back to Manual' : ''}.`);
    const only =
      f.mode === 'manual'
        ? 'only one SAM should access the OpCon database at a time'
        : `while ${s.name}'s application group is ACTIVE, starting it has no effect`;
    recovery.push(
      `Start the SMA Service Manager on ${P.name}${isDown(P) || f.mode === 'manual' ? ` and set its startup type back to Automatic${f.mode === 'manual' ? ' (Delayed Start)' : ''}` : ''}, only once ${s.name}'s is stopped (${only}).`,
    );
    if (f.mode === 'automatic')
      recovery.push(
        `${replicated ? `Set up replication from ${P.name}'s database to ${s.name}'s again (hot failover, scenario 4), then s` : 'S'}tart ${s.name}'s SMA Service Manager${byHand ? ' with Mode=Secondary again in its SMAServMan.ini' : ''}, so that it synchronizes and watches ${P.name} in STANDBY.`,
      );
  }
}

/** A StandAlone (or primary StandAlone) SMAServMan's shutdown, as the vendor's tables word it. */
function standAloneShutdown(steps: string[], P: Machine, event: 'abnormal-shutdown' | 'normal-shutdown', role: string): void {
  const Role = role[0]!.toUpperCase() + role.slice(1);
  const termination = P.scripts['TerminationScript'];
  if (event === 'abnormal-shutdown') {
    steps.push(`Normal Process Flow on ${role} ${P.name}.`);
    steps.push(`Critical application fails on ${role} machine ${P.name} one time more than the RestartApplicationLimit.`);
  } else {
    steps.push(
      `The ${role} SMAServMan on ${P.name} is shut down normally (through the Windows Service Control Manager, net stop, or a normal machine shutdown).`,
    );
  }
  steps.push(`${Role} SMAServMan shuts down SAM-SS.`);
  steps.push(
    termination !== undefined
      ? `${Role} SMAServMan runs the TerminationScript (${termination}).`
      : `${Role} SMAServMan has no TerminationScript: nobody is told that the SAM-SS is shutting down.`,
  );
  steps.push(`${Role} SMAServMan shuts itself down.`);
}

/** Why a Primary and a Secondary cannot synchronize (socket or PrimaryMachine), or undefined where they can. */
function unsynchronised(p: Machine, s: Machine): string | undefined {
  if (p.failOverSocketNumber === undefined || s.failOverSocketNumber === undefined)
    return `FailOverSocketNumber is not set on ${p.failOverSocketNumber === undefined ? p.name : s.name}`;
  if (p.failOverSocketNumber !== s.failOverSocketNumber)
    return `FailOverSocketNumber is ${p.failOverSocketNumber} on ${p.name} but ${s.failOverSocketNumber} on ${s.name}`;
  if (s.primaryMachine === undefined) return `${s.name} has no PrimaryMachine`;
  if (machineKey(s.primaryMachine) !== machineKey(p.name)) return `${s.name}'s PrimaryMachine is ${s.primaryMachine}, not ${p.name}`;
  return undefined;
}
