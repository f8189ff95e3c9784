/**
 * The vendor's process flows for automatic failover (OPC-FS, scenarios 3 and 4): a Primary and a
 * Secondary SMAServMan that synchronize and ping each other, and the Secondary's triggers (abnormal
 * shutdown, communication loss, normal shutdown) with their scripts, StopRepl among them.
 */
import { databaseOf } from './analysis.js';
import { failBack, failOverByHand, publisherDownWith, replicationLeftRunning, stopReplicationAfterTrigger } from './by-hand.js';
import { crashSteps, primaryMachineUp, restoreDatabase } from './crash.js';
import { databaseHolder, databaseLost, isDown, outcome, type Flow, type OpconEvent, type OpconEventOutcome } from './flow.js';
import { addMachineShutdownNote, normalShutdownWays } from './machine-shutdown.js';
import { connectionText, machineKey, socketsDiffer, SWITCHES, type Machine, type SwitchName } from '../model/model.js';

/** The trigger each event pulls on the Secondary, where it pulls one. */
const TRIGGER_OF: Readonly<Record<Exclude<OpconEvent, 'machine-crash'>, SwitchName>> = {
  'abnormal-shutdown': 'primaryAbnormalShutdown',
  'normal-shutdown': 'primaryNormalShutdown',
  'communication-loss': 'communicationLoss',
};

/** Scenarios 3 and 4: a Primary and a Secondary that ping each other. */
export function automaticFlow(flow: Flow): OpconEventOutcome {
  const { model, analysis, event, P, steps, manual } = flow;
  const f = analysis.failover;
  const replicated = model.replication === 'replicated';
  const s = flow.S!;
  if (event === 'machine-crash')
    crashSteps(flow, (m) => (m === P ? { what: 'the Primary SMAServMan and its SAM-SS', verb: 'are' } : { what: 'the Secondary SMAServMan', verb: 'is' }));
  const why = unsynchronised(P, s);
  if (why) {
    steps.push(`The Primary and Secondary SMAServMans attempt to synchronize, but cannot (${why}).`);
    steps.push(
      `Following the vendor's Synchronization Failure flow, both keep attempting it (the Primary every TimeOutInSecondsForSync, the Secondary every SecondsBetweenPings) and run their SyncInitFailureScript after each failed attempt; the Primary sets its application group ACTIVE only after a successful synchronization, so no SAM-SS runs.`,
    );
    manual.push(`Set the same FailOverSocketNumber on both machines and PrimaryMachine on ${s.name} to ${P.name}, then restart both SMA Service Managers.`);
    return outcome(flow, [], false);
  }
  if (s.serviceStartType === 'manual')
    steps.push(
      `${s.name}'s SMA Service Manager is set to start by hand: after a reboot of ${s.name} it is not running, and nothing below happens until someone starts it.`,
    );
  const detection = `${f.detectionSeconds ?? 0} s (pooltopo's model: SecondsBetweenPings x (PingRetryCount + 1) + PingTimeOutInMilliseconds / 1000, ${s.secondsBetweenPings} x ${s.pingRetryCount + 1} + ${s.pingTimeOutInMilliseconds} / 1000; the vendor gives no figure)`;
  let trigger: SwitchName;
  if (event === 'machine-crash' && !isDown(flow, P)) return primaryMachineUp(flow, s, false);
  if (event === 'machine-crash') {
    if (isDown(flow, s)) {
      steps.push(`${s.name} is down too: nothing can take over.`);
      manual.push(`Bring ${P.name} and ${s.name} back; no schedule runs until then.`);
      return outcome(flow, [], false);
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
        : `The Primary SMAServMan on ${P.name} is shut down normally ${normalShutdownWays(flow)}.`,
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
      return outcome(flow, [P], false);
    }
    if (event === 'machine-crash')
      steps.push(
        `No SMAServMan is ACTIVE: with these settings${s.switches.primaryAbnormalShutdown && !s.switches.primaryNormalShutdown ? " (the vendor's recommended: only PrimaryAbnormalShutdownFailover)" : ''} a crash of the Primary machine stops OpCon until someone fails over by hand.`,
      );
    if (databaseLost(flow, s)) {
      restoreDatabase(flow, s);
      return outcome(flow, [], false);
    }
    if (event === 'abnormal-shutdown')
      manual.push(
        `Review all SAM-SS logs on ${P.name} to determine the cause of the failure, correct it, and start ${P.name}'s SMA Service Manager again; if that cannot be done quickly, fail over by hand:`,
      );
    if (event === 'normal-shutdown')
      manual.push(`If this is maintenance, start ${P.name}'s SMA Service Manager again when it is done; otherwise fail over by hand:`);
    failOverByHand(flow, s);
    failBack(flow, s);
    addMachineShutdownNote(flow, 'by-hand');
    return outcome(flow, [], false);
  }
  const script = s.scripts[w.script];
  const left = replicationLeftRunning(flow, s, trigger);
  const publisherDown = publisherDownWith(flow);
  if (replicated && left === undefined && publisherDown) {
    steps.push(
      `Secondary SMAServMan runs the ${w.script} (${script}), which runs StopRepl; but the publishing database went down with ${publisherDown}, so StopRepl cannot disconnect its users, delete its publication or mark it read-only: replication has stopped with the publisher.`,
    );
  } else if (replicated && left === undefined) {
    steps.push(
      `Secondary SMAServMan runs the ${w.script} (${script}), which stops replication: it disconnects any users attached to the publishing database, deletes the subscriptions and the publication, and marks the publishing database as read-only.`,
    );
  } else if (replicated) {
    steps.push(
      `Secondary SMAServMan ${script === undefined ? `runs no ${w.script}` : `runs the ${w.script} (${script})`}, which does not stop replication (StopRepl): ${publisherDown ? `the publishing database went down with ${publisherDown}, so nothing replicates until it is back` : 'the publisher can keep replicating into what was the subscribing database'}.`,
    );
  } else if (script !== undefined) {
    steps.push(`Secondary SMAServMan runs the ${w.script} (${script}).`);
  }
  steps.push(
    `Secondary SMAServMan sets Secondary Application Group to ACTIVE because of the ${{ primaryAbnormalShutdown: 'abnormal shutdown on the Primary', primaryNormalShutdown: 'normal shutdown on the Primary', communicationLoss: 'communication loss' }[trigger]}.`,
  );
  steps.push('Secondary SMAServMan starts Secondary SAM-SS.');
  if (databaseLost(flow, s)) {
    steps.push(
      `Secondary SAM-SS cannot connect to ${databaseOf(model, analysis, s)}: it was on ${databaseHolder(flow, s)!}. No SAM runs; failover cannot help while the database is gone.`,
    );
    restoreDatabase(flow, s);
    return outcome(flow, [], true);
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
    // Kept on the Secondary, the Primary's startup type was set to Manual by the step above: the failback sets it back.
    flow.changed.primaryStartType = true;
    // The way back depends on which SAM was kept: the failback below is for the Secondary's.
    flow.recovery.push(
      `If ${P.name} was kept (${s.name}'s SMA Service Manager stopped): repair the network, ${replicated ? `set up replication from ${P.name}'s database to ${s.name}'s again (hot failover, scenario 4), ` : ''}set ${s.name}'s startup type back to Automatic and start its SMA Service Manager, so that it synchronizes and watches ${P.name} in STANDBY. If ${s.name} was kept, fail back as follows.`,
    );
  }
  stopReplicationAfterTrigger(flow, s, trigger, primaryRuns);
  if (event === 'machine-crash')
    steps.push(`When ${P.name} comes back, starting its Primary SMAServMan has no effect while the Secondary Application Group is ACTIVE.`);
  failBack(flow, s);
  addMachineShutdownNote(flow, 'fails-over');
  return outcome(flow, primaryRuns ? [P, s] : [s], true);
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
