/**
 * The vendor's process flows (OPC-FS, "Failover Scenarios", scenarios 1 to 4) for one event on this
 * configuration: the steps in the tables' own words, which SMAServMan is ACTIVE at the end, whether
 * two SAMs run, what the administrator must do by hand in the vendor's order, and how processing
 * goes back to the primary (always by hand). The flows of StandAlone machines are in
 * standalone-flows.ts, those of a Primary and a Secondary in automatic-flow.ts, what a crash does in
 * crash.ts and the steps by hand in by-hand.ts.
 */
import { modesConflict, type OpconAnalysis } from './analysis.js';
import { automaticFlow } from './automatic-flow.js';
import type { Crashed, Flow, OpconEvent, OpconEventOutcome } from './flow.js';
import { aloneFlow, manualFlow } from './standalone-flows.js';
import { machineKey, type Machine, type OpconModel } from '../model/model.js';

export { OPCON_EVENTS, type OpconEvent, type OpconEventOutcome } from './flow.js';

/**
 * The flow of `event` (for `machine-crash`, the crash of the machines in `down`, else of the
 * primary; a name in `down` is a SQL Server the file puts a database on, which is no machine of it). Only for modes that set up a failover, or a machine alone: callers refuse the rest
 * (modesConflict).
 */
export function simulateOpconEvent(model: OpconModel, analysis: OpconAnalysis, event: OpconEvent, down?: readonly (Machine | string)[]): OpconEventOutcome {
  const P = analysis.primary;
  if (P === undefined || modesConflict(analysis)) throw new Error("the machines' modes set up no failover: there is no process flow to follow");
  const flow: Flow = {
    model,
    analysis,
    event,
    P,
    S: analysis.secondary,
    crashed: event === 'machine-crash' ? (down ?? [P]).map(crashedOf) : [],
    steps: [],
    manual: [],
    recovery: [],
    changed: { primaryStartType: false, standbyStartType: false, standbyMode: false },
  };
  const mode = analysis.failover.mode;
  return mode === 'none' ? aloneFlow(flow) : mode === 'manual' ? manualFlow(flow) : automaticFlow(flow);
}

/** A machine of the file, or the name of a database server beside them, as what crashed. */
function crashedOf(x: Machine | string): Crashed {
  return typeof x === 'string' ? { name: x, host: machineKey(x) } : { name: x.name, host: machineKey(x.name), machine: x };
}
