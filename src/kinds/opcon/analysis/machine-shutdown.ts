/**
 * A normal shutdown of the Primary's machine (OPC-FS lists it beside `net stop` under a normal
 * shutdown of the Primary SMAServMan: "the administrator manually performs a normal machine
 * shutdown"). The `normal-shutdown` flow is the service's stop, which leaves the machine running; a
 * shutdown of the machine stops the same service, and also any SQL Server on that machine. Where a
 * database the flow uses lives there, or the machine is alone (OpCon then waits for the machine,
 * and its service's start type decides whether it comes back by itself), the flow says so in its
 * shutdown step and in a note at its end; what is ACTIVE at the end, and so the exit code, stay
 * those of the service's stop.
 */
import { databaseMachineOf, databaseRole, databaseServerWords, sameDatabaseServer } from './analysis.js';
import type { Flow } from './flow.js';
import type { Machine } from '../model/model.js';

/** Whether the database `m`'s SAM uses lives on the primary's machine. */
const onPrimaryMachine = (flow: Flow, m: Machine) => databaseMachineOf(flow.model, flow.analysis, m) === flow.P;

/** The databases the flow uses (the primary's, the standby's) that live on the primary's machine, each SQL Server once. */
function databasesOnPrimaryMachine(flow: Flow): Machine[] {
  const { model, analysis, P, S } = flow;
  const primary = onPrimaryMachine(flow, P);
  if (S === undefined) return primary ? [P] : [];
  return [...(primary ? [P] : []), ...(onPrimaryMachine(flow, S) && !(primary && sameDatabaseServer(model, analysis, P, S)) ? [S] : [])];
}

/** How the Primary's SMAServMan is shut down normally, as the shutdown step says it: both ways where they do the same, else the service's stop, pointing to the note. */
export function normalShutdownWays(flow: Flow): string {
  const P = flow.P.name;
  const sqlServer = databasesOnPrimaryMachine(flow).length > 0;
  if (!sqlServer && flow.S !== undefined) return '(through the Windows Service Control Manager, net stop, or a normal machine shutdown)';
  return `through the Windows Service Control Manager or net stop, with ${P} itself left running (a normal shutdown of machine ${P}${sqlServer ? ' stops its SQL Server too' : ''}: see the last step)`;
}

/**
 * What the standby does in the service's stop: it `fails-over` by its trigger, it `runs` already (a
 * StandAlone standby that starts by itself), or it is failed over to `by-hand`; `none` for a
 * machine alone.
 */
export type StandbyOnShutdown = 'fails-over' | 'runs' | 'by-hand' | 'none';

/**
 * Ends a `normal-shutdown` flow, where the primary's machine holds a database the flow uses or is
 * alone, with what a normal shutdown of the machine itself adds: its SQL Server stops, and what that
 * leaves the standby, or when a machine alone runs OpCon again. Nothing for a pair whose databases
 * are elsewhere: the flow holds for both ways.
 */
export function addMachineShutdownNote(flow: Flow, standby: StandbyOnShutdown): void {
  if (flow.event !== 'normal-shutdown') return;
  const note = machineShutdownNote(flow, standby);
  if (note !== undefined) flow.steps.push(note);
}

/** Whether a machine's SMA Service Manager starts again by itself when the machine does, as its start type says. */
function comesBack(m: Machine): string {
  const type = m.serviceStartType;
  if (type === undefined) return 'whether its SMA Service Manager then starts by itself depends on its start type, which the file does not give';
  return type === 'manual'
    ? `its SMA Service Manager then stays stopped until someone starts it (start type ${type})`
    : `its SMA Service Manager then starts by itself (start type ${type})`;
}

function machineShutdownNote(flow: Flow, standby: StandbyOnShutdown): string | undefined {
  const { model, analysis, P, S } = flow;
  const on = databasesOnPrimaryMachine(flow);
  const named = (m: Machine) => `${databaseRole(model, analysis, m)} on ${databaseServerWords(model, analysis, m)!}`;
  const machine = `If machine ${P.name} itself is shut down normally (Start > Shutdown), not only its SMA Service Manager, `;
  const head = `${machine}its SQL Server stops too, and with it ${on.map(named).join(' and ')}`;
  // A machine alone: nothing fails over either way; the machine's start, and its start type, bring OpCon back.
  if (S === undefined)
    return `${on.length > 0 ? `${head}: n` : `${machine}n`}othing fails over, and no schedule runs until ${P.name} is started again; ${comesBack(P)}.`;
  if (on.length === 0) return undefined;
  if (onPrimaryMachine(flow, S))
    return standby === 'runs'
      ? `${head}: ${S.name}'s SAM-SS loses its database too, and no SAM runs until ${P.name} is started again.`
      : `${head}: ${S.name}'s SAM-SS has no database to connect to, so failing over${standby === 'fails-over' ? ', by the trigger or by hand,' : ' by hand'} cannot help, and no SAM runs until ${P.name} is started again.`;
  if (model.replication !== 'replicated') return `${head}; ${S.name}'s SAM-SS uses another database, so the failover is not affected.`;
  const takesOver = standby === 'runs' ? 'keeps running' : standby === 'fails-over' ? 'still takes over' : 'can still take over by hand';
  return `${head}: StopRepl cannot reach it to mark it read-only. ${S.name} ${takesOver} on what was the subscribing database, but run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on ${S.name} again as soon as ${P.name} is started again, before ${P.name}'s SQL Server can replicate into what was the subscribing database.`;
}
