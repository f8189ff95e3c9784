/**
 * The OpCon failover model (FORMAT.md `kind: opcon-failover`): machines with their SMAServMan mode,
 * service start type and the failover settings pooltopo reads, defaults applied (DOMAIN.md, OPC-SM).
 */
import { pointer } from '../../io/source-map.js';
import { clip } from '../../rules/types.js';
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

/**
 * What each numeric setting may be, by its meaning: a wait is 0 or more and a retry count a
 * whole number of 0 or more (a type's range, not a source's figure).
 */
const NUMERIC_SETTINGS = {
  SecondsBetweenPings: { whole: false, min: 0 },
  PingRetryCount: { whole: true, min: 0 },
  PingTimeOutInMilliseconds: { whole: false, min: 0 },
} as const;

/** The largest TCP port number. */
const MAX_TCP_PORT = 65535;

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

/** A numeric setting as SMAServMan reads it: a number, or its text; empty or absent, undefined. */
function numberOf(v: unknown): number | undefined {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
  return typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
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
    const violation = (key: string, must: string) => issues.push({
      rule: 'schema', messageId: 'violation',
      data: { message: `\`machines[${i}].settings.${key}\` must be ${must}, not ${typeof s[key] === 'number' ? s[key] : JSON.stringify(clip(String(s[key])))}.` },
      path: pointer('machines', i, 'settings', key),
    });
    // A numeric setting that is no number, or out of its range (a negative wait, a fraction of a
    // retry), is a schema problem, not its default: the figures (detection time) would otherwise
    // come from a value the file does not give, or make no sense (detected in -29.5 s).
    const numeric = (key: keyof typeof NUMERIC_SETTINGS): number => {
      const n = numberOf(s[key]);
      if (n === undefined) return SMASERVMAN_DEFAULTS[key];
      const range = NUMERIC_SETTINGS[key];
      // `1e400` is a number, but past a double's range (read as text by YAML).
      if (!Number.isFinite(n)) violation(key, Number.isNaN(n) ? 'a number' : 'a number in range');
      else if (range.whole && !Number.isInteger(n)) violation(key, `a whole number${range.min === 0 ? ' of 0 or more' : ''}`);
      else if (n < range.min) violation(key, `${range.min} or more`);
      else return n;
      return SMASERVMAN_DEFAULTS[key];
    };
    // The port is kept as written (the rules compare it), once it is one.
    const port = text('FailOverSocketNumber')?.trim();
    if (port !== undefined && port !== '' && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= MAX_TCP_PORT)) {
      violation('FailOverSocketNumber', `a TCP port, a whole number from 1 to ${MAX_TCP_PORT}`);
    }
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
      secondsBetweenPings: numeric('SecondsBetweenPings'),
      pingRetryCount: numeric('PingRetryCount'),
      pingTimeOutInMilliseconds: numeric('PingTimeOutInMilliseconds'),
      path: pointer('machines', i),
    });
  });
  return { model: { kind: 'opcon-failover', name: doc.name, replication: doc.database?.replication ?? 'none', machines }, issues };
}
