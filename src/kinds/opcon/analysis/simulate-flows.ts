/**
 * The vendor's process flows (OPC-FS, "Failover Scenarios", scenarios 1 to 4) for one event on this
 * configuration: the steps in the tables' own words, which SMAServMan is ACTIVE at the end, whether
 * two SAMs run, what the administrator must do by hand in the vendor's order, and how processing
 * goes back to the primary (always by hand).
 */
import { databaseMachineOf, databaseOf, databaseServerOf, modesConflict, type OpconAnalysis } from './analysis.js';
import {
  canRun,
  databaseLost,
  failBack,
  failOverByHand,
  isDown,
  publisherDownWith,
  replicationLeftRunning,
  startsByItself,
  stopReplicationAfterTrigger,
  type Flow,
} from './by-hand.js';
import { connectionText, machineKey, socketsDiffer, SWITCHES, type Machine, type OpconModel, type SwitchName } from '../model/model.js';

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
  /** Two SAMs run at the end of the event: two of `active`. */
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

/**
 * The flow of `event` (for `machine-crash`, the crash of the machines in `down`, else of the
 * primary). Only for modes that set up a failover, or a machine alone: callers refuse the rest
 * (modesConflict).
 */
export function simulateOpconEvent(model: OpconModel, analysis: OpconAnalysis, event: OpconEvent, down?: readonly Machine[]): OpconEventOutcome {
  const primary = analysis.primary;
  if (primary === undefined || modesConflict(analysis)) throw new Error("the machines' modes set up no failover: there is no process flow to follow");
  const P: Machine = primary;
  const S = analysis.secondary;
  const f = analysis.failover;
  const crashed = event === 'machine-crash' ? (down ?? [P]) : [];
  const flow: Flow = {
    model,
    analysis,
    P,
    crashed,
    steps: [],
    manual: [],
    recovery: [],
    changed: { primaryStartType: false, standbyStartType: false, standbyMode: false },
  };
  const { steps, manual } = flow;
  const replicated = model.replication === 'replicated';
  const db = (m: Machine) => databaseOf(model, analysis, m);
  // The SAMs that run at the end are those of `running` whose machine and database are up.
  const outcome = (running: readonly Machine[], failedOver: boolean): OpconEventOutcome => {
    const active = running.filter((m) => canRun(flow, m)).map((m) => m.name);
    return {
      event,
      ...(event === 'machine-crash' ? { down: crashed.map((m) => m.name) } : {}),
      steps,
      active,
      failedOver,
      twoSams: active.length > 1,
      manualActions: manual,
      recovery: flow.recovery,
    };
  };

  if (f.mode === 'none') return aloneFlow();
  if (f.mode === 'manual') return manualFlow();
  return automaticFlow();

  /** Each machine that crashed, in the order named, and the databases that went with it. */
  function crashSteps(what: (m: Machine) => string): void {
    for (const m of crashed) {
      const role = m === P || m === S ? what(m) : undefined;
      steps.push(
        role !== undefined
          ? `Machine ${m.name} crashes: ${role} ${role.includes(' and ') ? 'are' : 'is'} gone at once.`
          : `Machine ${m.name} crashes: it is neither the primary (${P.name}) nor the standby${S ? ` (${S.name})` : ''} of this failover, so no SMAServMan of the failover is lost with it.`,
      );
      const servers = [P, ...(S ? [S] : [])].filter((x) => databaseMachineOf(model, analysis, x) === m).map((x) => databaseServerOf(model, analysis, x)!);
      for (const server of new Set(servers)) steps.push(`The OpCon database on ${server} was on ${m.name}: it is gone too.`);
    }
  }

  /** No database for `m`'s SAM: bring back the machine that held it, or move the database. */
  function restoreDatabase(m: Machine): void {
    const holder = databaseMachineOf(model, analysis, m)!;
    manual.push(
      `Bring ${holder.name} back, or restore the OpCon database elsewhere and point ${m.name}'s SMA Connection Configuration at it; no schedule runs until then.`,
    );
  }

  /**
   * A crash that leaves the primary's machine up: the standby's, or a machine outside the pair.
   * The primary keeps processing unless its database went with the crash; then the standby takes
   * over by hand where its own database is left.
   */
  function primaryMachineUp(s: Machine, standbyRuns: boolean): OpconEventOutcome {
    const manualMode = f.mode === 'manual';
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
      } else restoreDatabase(P);
    }
    if (isDown(flow, s))
      manual.push(
        manualMode
          ? `Bring ${s.name} back with its SMAServMan startup type Manual; until then a failure of ${P.name} is not covered.`
          : `Bring ${s.name} back and start its SMA Service Manager, so that it synchronizes with ${P.name} and watches it again (STANDBY).`,
      );
    return outcome(running, false);
  }

  /** One machine alone (a StandAlone SMAServMan without a standby). */
  function aloneFlow(): OpconEventOutcome {
    if (event === 'communication-loss') {
      steps.push(`There is no partner for ${P.name} to lose: nothing changes.`);
      return outcome([P], false);
    }
    if (event === 'machine-crash') crashSteps(() => 'its SMAServMan and SAM-SS');
    else standAloneShutdown(steps, P, event, 'StandAlone');
    steps.push(`No other machine takes over: ${P.name} runs OpCon alone.`);
    if (event === 'abnormal-shutdown')
      manual.push(`Review all SAM-SS logs on ${P.name} to determine the cause of the failure (Logging in the Server Programs online help).`);
    manual.push(
      `${event === 'machine-crash' ? `Bring ${P.name} back` : `Correct the issue on ${P.name}`} and start its SMA Service Manager again; no schedule runs until then.`,
    );
    return outcome([], false);
  }

  /** Scenarios 1 and 2: two StandAlone SMAServMans that do not communicate. */
  function manualFlow(): OpconEventOutcome {
    const s = S!;
    // A standby that starts by itself is already a second SAM (opcon/standby-starts-automatically).
    const both = startsByItself(s);
    if (both)
      steps.push(
        `${s.name}'s SMA Service Manager starts by itself (start type ${s.serviceStartType}), so the backup StandAlone SMAServMan has started its SAM-SS, connected to ${db(s)}, beside ${P.name}'s: two SAMs run from the start.`,
      );
    if (event === 'communication-loss') {
      steps.push(`The network between ${P.name} and ${s.name} fails; ${P.name} keeps running.`);
      steps.push('In manual failover the two StandAlone SMAServMans do not communicate with each other: nothing changes.');
      return outcome([P, ...(both ? [s] : [])], false);
    }
    if (event === 'machine-crash')
      crashSteps((m) => (m === P ? 'the primary StandAlone SMAServMan and its SAM-SS' : `the backup StandAlone SMAServMan${both ? ' and its SAM-SS' : ''}`));
    if (event === 'machine-crash' && !isDown(flow, P)) return primaryMachineUp(s, both);
    if (event !== 'machine-crash') standAloneShutdown(steps, P, event, 'primary StandAlone');
    if (isDown(flow, s)) {
      steps.push(`${s.name} is down too: there is no machine to fail over to.`);
      manual.push(`Bring ${P.name} back and start its SMA Service Manager; no schedule runs until then.`);
      return outcome([], false);
    }
    if (both)
      steps.push(
        canRun(flow, s)
          ? `${s.name}'s SAM-SS keeps running: processing continues there, unplanned.`
          : `${s.name}'s SAM-SS has lost its database too (it was on ${databaseMachineOf(model, analysis, s)!.name}): no SAM runs.`,
      );
    else steps.push(`Nothing takes over: the backup StandAlone SMAServMan on ${s.name} does not communicate with the primary, and its service is not started.`);
    if (databaseLost(flow, s)) {
      restoreDatabase(s);
      return outcome([], false);
    }
    if (event === 'normal-shutdown')
      manual.push(`If this is maintenance, start ${P.name}'s SMA Service Manager again when it is done; otherwise fail over by hand:`);
    if (event === 'abnormal-shutdown') {
      manual.push(`Review all SAM-SS logs on ${P.name} to determine the cause of the failure (Logging in the Server Programs online help).`);
      manual.push(`If possible, correct the issue on ${P.name} and start its SMA Service Manager again; if it cannot be resolved quickly, fail over:`);
    }
    failOverByHand(flow, s);
    failBack(flow, s);
    return outcome(both ? [s] : [], false);
  }

  /** Scenarios 3 and 4: a Primary and a Secondary that ping each other. */
  function automaticFlow(): OpconEventOutcome {
    const s = S!;
    if (event === 'machine-crash') crashSteps((m) => (m === P ? 'the Primary SMAServMan and its SAM-SS' : 'the Secondary SMAServMan'));
    const why = unsynchronised(P, s);
    if (why) {
      steps.push(`The Primary and Secondary SMAServMans attempt to synchronize, but cannot (${why}).`);
      steps.push(
        `Following the vendor's Synchronization Failure flow, both keep attempting it (the Primary every TimeOutInSecondsForSync, the Secondary every SecondsBetweenPings) and run their SyncInitFailureScript after each failed attempt; the Primary sets its application group ACTIVE only after a successful synchronization, so no SAM-SS runs.`,
      );
      manual.push(`Set the same FailOverSocketNumber on both machines and PrimaryMachine on ${s.name} to ${P.name}, then restart both SMA Service Managers.`);
      return outcome([], false);
    }
    if (s.serviceStartType === 'manual')
      steps.push(
        `${s.name}'s SMA Service Manager is set to start by hand: after a reboot of ${s.name} it is not running, and nothing below happens until someone starts it.`,
      );
    const detection = `${f.detectionSeconds ?? 0} s (pooltopo's model: SecondsBetweenPings x (PingRetryCount + 1) + PingTimeOutInMilliseconds / 1000, ${s.secondsBetweenPings} x ${s.pingRetryCount + 1} + ${s.pingTimeOutInMilliseconds} / 1000; the vendor gives no figure)`;
    let trigger: SwitchName;
    if (event === 'machine-crash' && !isDown(flow, P)) return primaryMachineUp(s, false);
    if (event === 'machine-crash') {
      if (isDown(flow, s)) {
        steps.push(`${s.name} is down too: nothing can take over.`);
        manual.push(`Bring ${P.name} and ${s.name} back; no schedule runs until then.`);
        return outcome([], false);
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
        return outcome([P], false);
      }
      if (event === 'machine-crash')
        steps.push(
          `No SMAServMan is ACTIVE: with these settings${s.switches.primaryAbnormalShutdown && !s.switches.primaryNormalShutdown ? " (the vendor's recommended: only PrimaryAbnormalShutdownFailover)" : ''} a crash of the Primary machine stops OpCon until someone fails over by hand.`,
        );
      if (databaseLost(flow, s)) {
        restoreDatabase(s);
        return outcome([], false);
      }
      if (event === 'abnormal-shutdown')
        manual.push(
          `Review all SAM-SS logs on ${P.name} to determine the cause of the failure, correct it, and start ${P.name}'s SMA Service Manager again; if that cannot be done quickly, fail over by hand:`,
        );
      if (event === 'normal-shutdown')
        manual.push(`If this is maintenance, start ${P.name}'s SMA Service Manager again when it is done; otherwise fail over by hand:`);
      failOverByHand(flow, s);
      failBack(flow, s);
      return outcome([], false);
    }
    const script = s.scripts[w.script];
    const left = replicationLeftRunning(flow, s, trigger);
    const publisherDown = publisherDownWith(flow);
    if (replicated && left === undefined && publisherDown) {
      steps.push(
        `Secondary SMAServMan runs the ${w.script} (${script}), which runs StopRepl; but the publishing database went down with ${publisherDown.name}, so StopRepl cannot disconnect its users, delete its publication or mark it read-only: replication has stopped with the publisher.`,
      );
    } else if (replicated && left === undefined) {
      steps.push(
        `Secondary SMAServMan runs the ${w.script} (${script}), which stops replication: it disconnects any users attached to the publishing database, deletes the subscriptions and the publication, and marks the publishing database as read-only.`,
      );
    } else if (replicated) {
      steps.push(
        `Secondary SMAServMan ${script === undefined ? `runs no ${w.script}` : `runs the ${w.script} (${script})`}, which does not stop replication (StopRepl): ${publisherDown ? `the publishing database went down with ${publisherDown.name}, so nothing replicates until it is back` : 'the publisher can keep replicating into what was the subscribing database'}.`,
      );
    } else if (script !== undefined) {
      steps.push(`Secondary SMAServMan runs the ${w.script} (${script}).`);
    }
    steps.push(
      `Secondary SMAServMan sets Secondary Application Group to ACTIVE because of the ${{ primaryAbnormalShutdown: 'abnormal shutdown on the Primary', primaryNormalShutdown: 'normal shutdown on the Primary', communicationLoss: 'communication loss' }[trigger]}.`,
    );
    steps.push('Secondary SMAServMan starts Secondary SAM-SS.');
    if (databaseLost(flow, s)) {
      steps.push(`Secondary SAM-SS cannot connect to ${db(s)}: it was on ${P.name}. No SAM runs; failover cannot help while the database is gone.`);
      restoreDatabase(s);
      return outcome([], true);
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
    stopReplicationAfterTrigger(flow, s, trigger, primaryRuns);
    if (event === 'machine-crash')
      steps.push(`When ${P.name} comes back, starting its Primary SMAServMan has no effect while the Secondary Application Group is ACTIVE.`);
    failBack(flow, s);
    return outcome(primaryRuns ? [P, s] : [s], true);
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
  if (socketsDiffer(p, s)) return `FailOverSocketNumber is ${p.failOverSocketNumber} on ${p.name} but ${s.failOverSocketNumber} on ${s.name}`;
  if (s.primaryMachine === undefined) return `${s.name} has no PrimaryMachine`;
  if (machineKey(s.primaryMachine) !== machineKey(p.name)) return `${s.name}'s PrimaryMachine is ${s.primaryMachine}, not ${p.name}`;
  return undefined;
}
