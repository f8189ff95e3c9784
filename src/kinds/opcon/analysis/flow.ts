/**
 * One OpCon event as simulate walks it (OPC-FS, "Failover Scenarios"): the events, what an event
 * ends in, the state a flow carries while it is written (the pair, what crashed, the steps, the
 * actions by hand and the failback) and what that state says of a machine.
 */
import { databaseHostOf, type OpconAnalysis } from './analysis.js';
import type { Machine, OpconModel } from '../model/model.js';

export type OpconEvent = 'abnormal-shutdown' | 'normal-shutdown' | 'communication-loss' | 'machine-crash';
export const OPCON_EVENTS: readonly OpconEvent[] = ['abnormal-shutdown', 'normal-shutdown', 'communication-loss', 'machine-crash'];

export interface OpconEventOutcome {
  readonly event: OpconEvent;
  /** For a machine crash: the machines that crashed (and the database servers, where one was named). */
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

/** What crashed, in the order named: a machine of the file, or a SQL Server the file puts a database on (`host` as hostOf reads it). */
export interface Crashed {
  readonly name: string;
  readonly host: string;
  readonly machine?: Machine;
}

/** One event's flow as it is written: its steps, the actions by hand and the failback, and what it knows of the crash. */
export interface Flow {
  readonly model: OpconModel;
  readonly analysis: OpconAnalysis;
  readonly event: OpconEvent;
  /** The primary, and its standby where there is one. */
  readonly P: Machine;
  readonly S: Machine | undefined;
  readonly crashed: readonly Crashed[];
  readonly steps: string[];
  readonly manual: string[];
  readonly recovery: string[];
  /** What the failover by hand changed, so that the failback undoes it and nothing else. */
  readonly changed: { primaryStartType: boolean; standbyStartType: boolean; standbyMode: boolean };
}

export const startsByItself = (m: Machine | undefined) => m?.serviceStartType === 'automatic' || m?.serviceStartType === 'automatic-delayed';

export const isDown = (flow: Flow, m: Machine | undefined) => m !== undefined && flow.crashed.some((c) => c.machine === m);

/** The name of what crashed that held the machine's database, where a crash took it. */
export function databaseHolder(flow: Flow, m: Machine): string | undefined {
  const host = databaseHostOf(flow.model, flow.analysis, m);
  return host === undefined ? undefined : flow.crashed.find((c) => c.host === host)?.name;
}

/** The machine's database was on a machine (or database server) that crashed. */
export const databaseLost = (flow: Flow, m: Machine): boolean => databaseHolder(flow, m) !== undefined;

/** Whether the machine's SAM-SS can run at the end: its machine and its database are up. */
export const canRun = (flow: Flow, m: Machine | undefined): boolean => m !== undefined && !isDown(flow, m) && !databaseLost(flow, m);

/** The end of the event: the SAMs of `running` whose machine and database are up are ACTIVE. */
export function outcome(flow: Flow, running: readonly Machine[], failedOver: boolean): OpconEventOutcome {
  const active = running.filter((m) => canRun(flow, m)).map((m) => m.name);
  return {
    event: flow.event,
    ...(flow.event === 'machine-crash' ? { down: flow.crashed.map((c) => c.name) } : {}),
    steps: flow.steps,
    active,
    failedOver,
    twoSams: active.length > 1,
    manualActions: flow.manual,
    recovery: flow.recovery,
  };
}
