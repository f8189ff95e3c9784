/**
 * `simulate --event` for OpCon: the vendor's process flow (seed 004, scenarios 1-4) for this
 * configuration, step by step: which SMAServMan ends up ACTIVE, whether two SAMs could reach the
 * database, and what the administrator must do by hand (failback is always manual).
 */
import { modesConflict, type OpconAnalysis, type Trigger } from './analysis.js';
import type { OpconModel } from './model.js';
import { escapeForTerminal as t } from '../../formatters/text.js';
import { PooltopoError } from '../../errors.js';
import type { KindModels, SimulateRequest } from '../types.js';

export type OpconEvent = 'abnormal-shutdown' | 'communication-loss' | 'normal-shutdown';
export const OPCON_EVENTS: readonly OpconEvent[] = ['abnormal-shutdown', 'communication-loss', 'normal-shutdown'];

const TRIGGER: Record<OpconEvent, Trigger> = {
  'abnormal-shutdown': 'primary-abnormal-shutdown',
  'communication-loss': 'communication-loss',
  'normal-shutdown': 'primary-normal-shutdown',
};

export interface OpconEventOutcome {
  readonly event: OpconEvent;
  readonly steps: readonly string[];
  /** The machines whose SMAServMan application group is ACTIVE at the end. */
  readonly active: readonly string[];
  readonly failedOver: boolean;
  /** Two SAMs could write to the OpCon database(s) at once. */
  readonly twoSams: boolean;
  readonly manualActions: readonly string[];
}

export function simulateOpconEvent(model: OpconModel, analysis: OpconAnalysis, event: OpconEvent): OpconEventOutcome {
  const f = analysis.failover;
  const p = f.primary ?? '(primary)';
  const s = f.secondary;
  const steps: string[] = [];
  const manual: string[] = [];
  const primaryStops = event !== 'communication-loss';
  const describeEvent = {
    'abnormal-shutdown': `The Primary SMAServMan on ${p} shuts down abnormally (a critical application failed once more than RestartApplicationLimit, or a Windows error).`,
    'communication-loss': `The Secondary loses communication with the Primary on ${p} (the network between them fails, or the machine crashes).`,
    'normal-shutdown': `The Primary SMAServMan on ${p} is shut down normally (Service Control Manager, net stop, or a machine shutdown).`,
  }[event];
  steps.push(describeEvent);
  if (f.mode === 'none') {
    if (primaryStops) {
      steps.push(`${p} shuts down its SAM and Supporting Services; no other machine takes over.`);
      manual.push(`Repair ${p} and start its SMA Service Manager again; until then no schedule runs.`);
      return { event, steps, active: [], failedOver: false, twoSams: false, manualActions: manual };
    }
    steps.push('There is no partner to lose: nothing changes.');
    return { event, steps, active: [p], failedOver: false, twoSams: false, manualActions: manual };
  }
  if (f.mode === 'manual') {
    const standbyStartsItself = analysis.secondary?.serviceStartType !== 'manual';
    if (!primaryStops) {
      steps.push('In manual failover the two SMAServMans do not talk to each other: nothing changes.');
      return { event, steps, active: [p], failedOver: false, twoSams: standbyStartsItself, manualActions: manual };
    }
    steps.push(`${p} shuts down its SAM and Supporting Services and runs its TerminationScript (notification).`);
    steps.push(`Nothing takes over by itself: the standby ${s}'s SMA Service Manager ${standbyStartsItself ? 'is set to start by itself, which risks two SAMs on the database' : 'is set to Manual and stays stopped'}.`);
    manual.push(`Decide to fail over, then start the SMA Service Manager on ${s} by hand (it connects to the same database${model.replication === 'replicated' ? ' after replication is stopped and the subscriber made writable' : ''}).`);
    manual.push(`Later, fail back by hand: stop ${s}'s SMA Service Manager, then start ${p}'s.`);
    return { event, steps, active: [], failedOver: false, twoSams: standbyStartsItself, manualActions: manual };
  }
  // Automatic failover (scenarios 3 and 4).
  const sec = analysis.secondary!;
  const pri = analysis.primary!;
  const synchronised = pri.failOverSocketNumber !== undefined && pri.failOverSocketNumber === sec.failOverSocketNumber
    && (sec.primaryMachine ?? '').toLowerCase() === pri.name.toLowerCase();
  if (!synchronised) {
    steps.push(`The two SMAServMans never synchronised (FailOverSocketNumber or PrimaryMachine do not match), so the Secondary on ${s} is not in STANDBY and does not react.`);
    if (primaryStops) manual.push(`Start ${s}'s SMA Service Manager by hand after fixing the failover settings; no schedule runs meanwhile.`);
    return { event, steps, active: primaryStops ? [] : [p], failedOver: false, twoSams: false, manualActions: manual };
  }
  const triggered = f.triggers.includes(TRIGGER[event]);
  if (primaryStops) steps.push(`${p} shuts down its SAM-SS and sets the Primary Application Group to INACTIVE.`);
  else steps.push(`After ${f.detectionSeconds} s without an answer to its pings (SecondsBetweenPings x (PingRetryCount + 1) + PingTimeOutInMilliseconds), the Secondary gives up on the Primary.`);
  if (!triggered) {
    steps.push(`The Secondary on ${s} does not fail over on this event (${TRIGGER[event]} is not set to Y).`);
    if (primaryStops) manual.push(`Restart the Primary SMAServMan on ${p}, or fail over to ${s} by hand.`);
    return { event, steps, active: primaryStops ? [] : [p], failedOver: false, twoSams: false, manualActions: manual };
  }
  let twoSams = false;
  if (model.replication === 'replicated') {
    const stopsReplication = /stoprepl/i.test(sec.primaryAbnormalShutdownScript ?? '');
    if (event === 'abnormal-shutdown' && stopsReplication) {
      steps.push(`The Secondary runs PrimaryAbnormalShutdownScript (StopRepl): users of the publishing database are disconnected, the subscription and publication deleted.`);
    } else {
      steps.push(`Replication is not stopped on this path${event === 'abnormal-shutdown' ? ' (PrimaryAbnormalShutdownScript is not StopRepl)' : ''}: the publisher may keep replicating into the database the new SAM writes.`);
      twoSams = true;
    }
  }
  steps.push(`The Secondary on ${s} sets the Secondary Application Group to ACTIVE and starts its SAM-SS.`);
  steps.push(`The Secondary SAM-SS connects to ${model.replication === 'replicated' ? 'what was the subscribing database' : 'the same database'}; processing continues on ${s}.`);
  const active = [s!];
  if (event === 'communication-loss') {
    steps.push(`If ${p} was still running (only the network failed), its SAM keeps running too: two SAMs now write ${model.replication === 'replicated' ? 'two copies of the database, which diverge' : 'the same database'}.`);
    active.unshift(p);
    twoSams = true;
    manual.push(`Confirm at once which machine should run; stop the SMA Service Manager on the other.`);
  }
  manual.push(`Failback is manual: follow the vendor's recovery procedure to return processing to ${p}${model.replication === 'replicated' ? ' (set replication up again first)' : ''}; starting ${p}'s SMAServMan while ${s}'s group is ACTIVE has no effect.`);
  return { event, steps, active, failedOver: true, twoSams, manualActions: manual };
}

/** The events' flows as text (stylish) or JSON. */
export function formatOpconEvents(file: string, outcomes: readonly OpconEventOutcome[], format: 'stylish' | 'json'): string {
  if (format === 'json') return JSON.stringify({ version: 1, file, events: outcomes }, null, 2) + '\n';
  const out: string[] = [];
  for (const o of outcomes) {
    out.push(`${t(file)}: event ${o.event}`);
    o.steps.forEach((step, i) => out.push(`  ${i + 1}. ${t(step)}`));
    out.push(`  ACTIVE at the end: ${o.active.length ? o.active.map(t).join(' and ') : 'no SMAServMan'}${o.failedOver ? ' (failed over)' : ''}`);
    out.push(`  two SAMs on the database: ${o.twoSams ? 'POSSIBLE' : 'no'}`);
    for (const a of o.manualActions) out.push(`  by hand: ${t(a)}`);
    out.push('');
  }
  return out.join('\n');
}

/** `simulate` for this kind (the plug-in loads this module only then). */
export async function simulateCommand(models: KindModels, request: SimulateRequest): Promise<{ text: string; exitCode: number }> {
  if (request.downs.length > 0 || request.partitions.length > 0) throw new PooltopoError(`for kind opcon-failover, simulate takes --event ${OPCON_EVENTS.join('|')}`);
  if (request.events.length === 0) throw new PooltopoError(`simulate needs --event ${OPCON_EVENTS.join('|')} for kind opcon-failover`);
  const { model, analysis } = models.opcon!;
  // The vendor's flows are for a failover pair; machines whose modes set up none have no flow to follow.
  if (modesConflict(analysis.failover)) {
    throw new PooltopoError(`"${request.file}" sets up no failover: its machines' modes conflict (${analysis.primaries.length} Primary, ${analysis.secondaries.length} Secondary, ${analysis.standAlone.length} StandAlone); pooltopo validate shows where`);
  }
  const outcomes = request.events.map((e) => {
    if (!(OPCON_EVENTS as readonly string[]).includes(e)) throw new PooltopoError(`unknown event "${e}"; use ${OPCON_EVENTS.join(', ')}`);
    return simulateOpconEvent(model, analysis, e as OpconEvent);
  });
  return { text: formatOpconEvents(request.file, outcomes, request.format), exitCode: outcomes.some((x) => x.active.length !== 1 || x.twoSams) ? 1 : 0 };
}
