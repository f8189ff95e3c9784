/**
 * The OpCon failover model (FORMAT.md `kind: opcon-failover`): machines with their SMAServMan mode,
 * service start type and the failover settings pooltopo reads, defaults applied (DOMAIN.md, OPC-SM).
 */
import { pointer } from '../../io/source-map.js';
import type { ModelIssue } from '../scom/model/normalise.js';
import { nameKey } from '../scom/model/types.js';

export type Mode = 'Primary' | 'Secondary' | 'StandAlone';
export type StartType = 'automatic' | 'automatic-delayed' | 'manual';
type Switch = 'Y' | 'N' | 'y' | 'n' | boolean;

export interface OpconDocument {
  version: 1;
  kind: 'opcon-failover';
  name: string;
  database?: { replication?: 'none' | 'replicated' };
  machines: { name: string; mode?: Mode; serviceStartType?: StartType; settings?: Record<string, string | number | boolean> }[];
}

/** SMAServMan.ini defaults (DOMAIN.md, OPC-SM). */
export const SMASERVMAN_DEFAULTS = {
  SecondsBetweenPings: 15,
  PingRetryCount: 0,
  PingTimeOutInMilliseconds: 1000,
  TimeOutInSecondsForSync: 60,
} as const;

export interface Machine {
  readonly name: string;
  readonly mode: Mode;
  readonly serviceStartType?: StartType;
  readonly switches: { readonly primaryAbnormalShutdown: boolean; readonly communicationLoss: boolean; readonly primaryNormalShutdown: boolean };
  readonly failOverSocketNumber?: string;
  readonly primaryMachine?: string;
  readonly primaryAbnormalShutdownScript?: string;
  readonly secondsBetweenPings: number;
  readonly pingRetryCount: number;
  readonly pingTimeOutInMilliseconds: number;
  readonly path: string;
}

export interface OpconModel {
  readonly kind: 'opcon-failover';
  readonly name: string;
  readonly replication: 'none' | 'replicated';
  readonly machines: readonly Machine[];
}

const isOn = (v: unknown): boolean => v === true || v === 'Y' || v === 'y';

function numberOf(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : fallback;
}

export function normaliseOpcon(doc: OpconDocument): { model: OpconModel; issues: ModelIssue[] } {
  const issues: ModelIssue[] = [];
  const seen = new Map<string, string>();
  const machines: Machine[] = [];
  doc.machines.forEach((m, i) => {
    const first = seen.get(nameKey(m.name));
    if (first !== undefined) {
      issues.push({ rule: 'duplicate-name', messageId: 'duplicate', data: { name: m.name, kind: 'machine', first, firstKind: 'machine' }, path: pointer('machines', i, 'name') });
      return;
    }
    seen.set(nameKey(m.name), m.name);
    const s = m.settings ?? {};
    const text = (key: string) => (s[key] === undefined ? undefined : String(s[key]));
    machines.push({
      name: m.name,
      mode: m.mode ?? 'StandAlone',
      ...(m.serviceStartType ? { serviceStartType: m.serviceStartType } : {}),
      switches: {
        primaryAbnormalShutdown: isOn(s['PrimaryAbnormalShutdownFailover'] as Switch),
        communicationLoss: isOn(s['SyncLostFailover'] as Switch),
        primaryNormalShutdown: isOn(s['PrimaryNormalShutdownFailover'] as Switch),
      },
      ...(text('FailOverSocketNumber') !== undefined ? { failOverSocketNumber: text('FailOverSocketNumber')!.trim() } : {}),
      ...(text('PrimaryMachine') !== undefined ? { primaryMachine: text('PrimaryMachine')!.trim() } : {}),
      ...(text('PrimaryAbnormalShutdownScript') !== undefined ? { primaryAbnormalShutdownScript: text('PrimaryAbnormalShutdownScript')! } : {}),
      secondsBetweenPings: numberOf(s['SecondsBetweenPings'], SMASERVMAN_DEFAULTS.SecondsBetweenPings),
      pingRetryCount: numberOf(s['PingRetryCount'], SMASERVMAN_DEFAULTS.PingRetryCount),
      pingTimeOutInMilliseconds: numberOf(s['PingTimeOutInMilliseconds'], SMASERVMAN_DEFAULTS.PingTimeOutInMilliseconds),
      path: pointer('machines', i),
    });
  });
  return { model: { kind: 'opcon-failover', name: doc.name, replication: doc.database?.replication ?? 'none', machines }, issues };
}
