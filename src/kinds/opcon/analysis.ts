/**
 * OpCon failover figures (FORMAT.md; seed 004, the vendor's failover scenarios): which machine is
 * primary and which its standby, the scenario (1-4), the automatic-failover triggers and how long the
 * Secondary takes to give up on a silent Primary.
 */
import type { Machine, OpconModel } from './model.js';

export type Trigger = 'primary-abnormal-shutdown' | 'communication-loss' | 'primary-normal-shutdown';

export interface Failover {
  /** 1 manual + one database, 2 manual + replicated, 3 automatic + one database, 4 automatic + replicated; null for one machine. */
  readonly scenario: 1 | 2 | 3 | 4 | null;
  readonly mode: 'manual' | 'automatic' | 'none';
  readonly primary: string | null;
  readonly secondary: string | null;
  readonly database: 'none' | 'replicated';
  readonly triggers: readonly Trigger[];
  /** SecondsBetweenPings x (PingRetryCount + 1) + PingTimeOutInMilliseconds / 1000, on the Secondary; null unless automatic. */
  readonly detectionSeconds: number | null;
}

export interface OpconAnalysis {
  readonly failover: Failover;
  readonly primary?: Machine;
  readonly secondary?: Machine;
  readonly primaries: readonly Machine[];
  readonly secondaries: readonly Machine[];
  readonly standAlone: readonly Machine[];
}

export function analyseOpcon(model: OpconModel): OpconAnalysis {
  const primaries = model.machines.filter((m) => m.mode === 'Primary');
  const secondaries = model.machines.filter((m) => m.mode === 'Secondary');
  const standAlone = model.machines.filter((m) => m.mode === 'StandAlone');
  const automatic = primaries.length > 0 && secondaries.length > 0;
  const single = model.machines.length === 1;
  const primary = automatic ? primaries[0] : model.machines[0];
  const secondary = automatic ? secondaries[0] : single ? undefined : model.machines[1];
  const mode = single ? 'none' : automatic ? 'automatic' : 'manual';
  const triggers: Trigger[] = [];
  if (mode === 'automatic' && secondary) {
    if (secondary.switches.primaryAbnormalShutdown) triggers.push('primary-abnormal-shutdown');
    if (secondary.switches.communicationLoss) triggers.push('communication-loss');
    if (secondary.switches.primaryNormalShutdown) triggers.push('primary-normal-shutdown');
  }
  const replicated = model.replication === 'replicated';
  const scenario = mode === 'none' ? null : mode === 'manual' ? (replicated ? 2 : 1) : replicated ? 4 : 3;
  const detectionSeconds = mode === 'automatic' && secondary
    ? secondary.secondsBetweenPings * (secondary.pingRetryCount + 1) + secondary.pingTimeOutInMilliseconds / 1000
    : null;
  return {
    failover: { scenario, mode, primary: primary?.name ?? null, secondary: secondary?.name ?? null, database: model.replication, triggers, detectionSeconds },
    ...(primary ? { primary } : {}),
    ...(secondary ? { secondary } : {}),
    primaries, secondaries, standAlone,
  };
}
