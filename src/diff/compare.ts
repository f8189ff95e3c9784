/**
 * What a change does to a design: the figures and findings that differ between two versions of one
 * topology (CLI.md, "`diff`"). Pure: it reads two files' results, as validate reports them, and
 * judges each figure that moved as better, worse or only changed.
 */
import type { Finding, FileResult, PoolResult, AvailabilityResult } from '../kinds/results.js';
import { isScomPool, isSkypePool } from '../kinds/results.js';
import type { SkypePoolFigures } from '../kinds/skype/analysis/analysis.js';
import type { Failover } from '../kinds/opcon/analysis/analysis.js';
import { atOrAbove, type Severity } from '../core/rule.js';

/** A figure's value: what JSON holds and a reader compares. */
export type FigureValue = number | string | boolean | null | readonly string[];

/** Named figures of one pool (or the management group, or a failover), in a fixed order. */
export type Figures = Readonly<Record<string, FigureValue>>;

export type Verdict = 'better' | 'worse' | 'changed';

export interface FigureChange {
  readonly figure: string;
  readonly before: FigureValue | undefined;
  readonly after: FigureValue | undefined;
  readonly verdict: Verdict;
}

export interface PoolChange {
  readonly name: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** The figures that differ, as they were (null for an added pool). */
  readonly before: Figures | null;
  /** The figures that differ, as they are (null for a removed pool). */
  readonly after: Figures | null;
  /** Each figure that moved, judged. */
  readonly figures: readonly FigureChange[];
  readonly worse: boolean;
}

export interface GroupChange {
  readonly before: Figures | null;
  readonly after: Figures | null;
  readonly figures: readonly FigureChange[];
  readonly worse: boolean;
}

/** A finding as diff lists it: where it is in its own version. */
export type DiffFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'file' | 'line' | 'column'> & { readonly pool?: string; readonly messageId?: string };

export interface DiffResult {
  readonly version: 1;
  readonly old: string;
  readonly new: string;
  readonly kind: string;
  /** The old version does not exist (a file new in this change): every figure is added. */
  readonly oldMissing: boolean;
  readonly pools: readonly PoolChange[];
  /** SCOM's management group; OpCon's failover; absent for Skype, which has neither. */
  readonly managementGroup?: GroupChange;
  readonly failover?: GroupChange;
  /** Servers, gateways, data centres, machines and pools that only one version has. */
  readonly added: Readonly<Record<string, readonly string[]>>;
  readonly removed: Readonly<Record<string, readonly string[]>>;
  readonly findings: { readonly added: readonly DiffFinding[]; readonly removed: readonly DiffFinding[] };
  readonly worse: boolean;
}

/** How a figure is read and judged: `better` says which of two values is the better one, where either can be. */
interface FigureSpec<P> {
  readonly key: string;
  get(p: P): FigureValue;
  judge?(before: FigureValue, after: FigureValue): Verdict;
}

const higherIsBetter = (b: FigureValue, a: FigureValue): Verdict => (typeof a === 'number' && typeof b === 'number' ? (a > b ? 'better' : a < b ? 'worse' : 'changed') : 'changed');

/** A list of names where any new one is worse (single points of failure). */
const fewerIsBetter = (b: FigureValue, a: FigureValue): Verdict => {
  const before = new Set(asList(b).map((n) => n.toLowerCase()));
  const after = new Set(asList(a).map((n) => n.toLowerCase()));
  if ([...after].some((n) => !before.has(n))) return 'worse';
  return after.size < before.size ? 'better' : 'changed';
};

/** A data centre's loss: a pool that worked without it and no longer does is worse. */
const worksIsBetter = (b: FigureValue, a: FigureValue): Verdict => {
  if (b === 'works' && a !== 'works') return 'worse';
  if (b !== 'works' && a === 'works') return 'better';
  return 'changed';
};

function asList(v: FigureValue): readonly string[] {
  return Array.isArray(v) ? v : [];
}

function availabilityOf(a: AvailabilityResult | undefined): number | null {
  return a === undefined ? null : a.probability;
}

const availabilityJudge = (b: FigureValue, a: FigureValue): Verdict => (b === null || a === null ? 'changed' : higherIsBetter(b, a));

const SCOM_POOL: readonly FigureSpec<PoolResult>[] = [
  { key: 'members', get: (p) => p.members },
  { key: 'observers', get: (p) => p.observers },
  { key: 'defaultObserver', get: (p) => (p.defaultObserver.enabled ? (p.defaultObserver.participates ? 'participates' : 'enabled') : 'disabled') },
  { key: 'votingMembers', get: (p) => p.votingMembers },
  { key: 'votesNeeded', get: (p) => p.votesNeeded },
  { key: 'tolerableFailures', get: (p) => p.tolerableFailures, judge: higherIsBetter },
  { key: 'availability', get: (p) => availabilityOf(p.availability), judge: availabilityJudge },
  { key: 'singlePointsOfFailure', get: (p) => p.singlePointsOfFailure, judge: fewerIsBetter },
];

const SKYPE_POOL: readonly FigureSpec<SkypePoolFigures>[] = [
  { key: 'frontEnds', get: (p) => p.frontEnds },
  { key: 'startupNeeded', get: (p) => p.startupNeeded },
  { key: 'quorumNeeded', get: (p) => p.quorumNeeded },
  { key: 'quorumFrom', get: (p) => p.quorumFrom },
  { key: 'tolerableFailures', get: (p) => p.tolerableFailures, judge: higherIsBetter },
  { key: 'tolerableSimultaneousFailures', get: (p) => p.tolerableSimultaneousFailures, judge: higherIsBetter },
  // A pool that loses its partner has nowhere to fail over.
  { key: 'pairedWith', get: (p) => p.pairedWith, judge: (b, a) => (b !== null && a === null ? 'worse' : b === null && a !== null ? 'better' : 'changed') },
  { key: 'poolState', get: (p) => p.poolState, judge: (b, a) => (b === 'Active' && a !== 'Active' ? 'worse' : b !== 'Active' && a === 'Active' ? 'better' : 'changed') },
  { key: 'usersAfterFailover', get: (p) => p.usersAfterFailover },
];

const OPCON_FAILOVER: readonly FigureSpec<Failover>[] = [
  { key: 'scenario', get: (f) => f.scenario },
  { key: 'mode', get: (f) => f.mode, judge: (b, a) => (b !== 'none' && a === 'none' ? 'worse' : b === 'none' && a !== 'none' ? 'better' : 'changed') },
  { key: 'primary', get: (f) => f.primary, judge: (b, a) => (b !== null && a === null ? 'worse' : b === null && a !== null ? 'better' : 'changed') },
  // Without a secondary nothing takes over.
  { key: 'secondary', get: (f) => f.secondary, judge: (b, a) => (b !== null && a === null ? 'worse' : b === null && a !== null ? 'better' : 'changed') },
  { key: 'database', get: (f) => f.database },
  // A trigger dropped is a failure the Secondary no longer answers.
  { key: 'triggers', get: (f) => f.triggers, judge: (b, a) => (asList(b).some((t) => !asList(a).includes(t)) ? 'worse' : 'changed') },
  { key: 'machines', get: (f) => f.machines },
  // The longer a silent Primary goes unnoticed, the longer the outage before the Secondary takes over.
  { key: 'detectionSeconds', get: (f) => f.detectionSeconds, judge: (b, a) => (typeof b === 'number' && typeof a === 'number' ? (a > b ? 'worse' : a < b ? 'better' : 'changed') : 'changed') },
];

/** A SCOM pool's figures, with one `dataCenterLoss/<name>` figure per data centre: its outcome when that data centre is lost. */
function scomFigures(p: PoolResult): Map<string, { value: FigureValue; judge?: FigureSpec<unknown>['judge'] }> {
  const out = new Map<string, { value: FigureValue; judge?: FigureSpec<unknown>['judge'] }>();
  for (const s of SCOM_POOL) out.set(s.key, { value: s.get(p), ...(s.judge ? { judge: s.judge } : {}) });
  for (const loss of p.dataCenterLoss) out.set(`dataCenterLoss/${loss.dataCenter}`, { value: loss.outcome, judge: worksIsBetter });
  return out;
}

function specFigures<P>(specs: readonly FigureSpec<P>[], p: P): Map<string, { value: FigureValue; judge?: FigureSpec<unknown>['judge'] }> {
  return new Map(specs.map((s) => [s.key, { value: s.get(p), ...(s.judge ? { judge: s.judge } : {}) }]));
}

function sameValue(a: FigureValue | undefined, b: FigureValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

type FigureMap = Map<string, { value: FigureValue; judge?: FigureSpec<unknown>['judge'] }>;

/** The figures that moved between two versions of one pool (or group), each judged. */
function compareFigures(before: FigureMap | undefined, after: FigureMap | undefined): FigureChange[] {
  const keys = [...new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])];
  const changes: FigureChange[] = [];
  for (const key of keys) {
    const b = before?.get(key);
    const a = after?.get(key);
    if (b !== undefined && a !== undefined && sameValue(b.value, a.value)) continue;
    const judge = (a ?? b)!.judge;
    // A figure one version lacks (a data centre the pool no longer spans) is only changed.
    const verdict: Verdict = b !== undefined && a !== undefined && judge ? judge(b.value, a.value) : 'changed';
    changes.push({ figure: key, before: b?.value, after: a?.value, verdict });
  }
  return changes;
}

function figuresObject(map: FigureMap | undefined, only?: ReadonlySet<string>): Figures | null {
  if (map === undefined) return null;
  return Object.fromEntries([...map].filter(([k]) => only === undefined || only.has(k)).map(([k, v]) => [k, v.value]));
}

/** Pools of both versions matched by name (case-insensitively), in the new version's order, removed ones last. */
function comparePools(before: ReadonlyMap<string, { name: string; figures: FigureMap }>, after: ReadonlyMap<string, { name: string; figures: FigureMap }>): PoolChange[] {
  const out: PoolChange[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    const figures = compareFigures(b?.figures, a.figures);
    if (b === undefined) {
      out.push({ name: a.name, change: 'added', before: null, after: figuresObject(a.figures), figures, worse: false });
    } else if (figures.length > 0) {
      const moved = new Set(figures.map((f) => f.figure));
      out.push({ name: a.name, change: 'changed', before: figuresObject(b.figures, moved), after: figuresObject(a.figures, moved), figures, worse: figures.some((f) => f.verdict === 'worse') });
    }
  }
  for (const [key, b] of before) {
    if (after.has(key)) continue;
    // Taking a pool out is a decision the reviewer sees listed; CLI.md judges only the pools that remain.
    out.push({ name: b.name, change: 'removed', before: figuresObject(b.figures), after: null, figures: compareFigures(b.figures, undefined), worse: false });
  }
  return out;
}

function poolMap(result: FileResult | undefined): Map<string, { name: string; figures: FigureMap }> {
  const map = new Map<string, { name: string; figures: FigureMap }>();
  for (const p of result?.pools ?? []) {
    const figures = isScomPool(p) ? scomFigures(p) : isSkypePool(p) ? specFigures(SKYPE_POOL, p) : new Map();
    map.set(p.name.toLowerCase(), { name: p.name, figures });
  }
  return map;
}

function groupFigures(result: FileResult | undefined): FigureMap | undefined {
  if (result?.kind !== 'scom' || result.managementGroup === undefined) return undefined;
  const mg = result.managementGroup;
  return new Map([
    ['singlePointsOfFailure', { value: mg.singlePointsOfFailure as FigureValue, judge: fewerIsBetter }],
    ['availability', { value: availabilityOf(mg.availability), judge: availabilityJudge }],
  ]);
}

function failoverFigures(result: FileResult | undefined): FigureMap | undefined {
  if (result?.kind !== 'opcon-failover' || result.failover === undefined) return undefined;
  return specFigures(OPCON_FAILOVER, result.failover);
}

function compareGroup(before: FigureMap | undefined, after: FigureMap | undefined): GroupChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  const figures = compareFigures(before, after);
  const moved = new Set(figures.map((f) => f.figure));
  return {
    before: before === undefined ? null : figuresObject(before, moved),
    after: after === undefined ? null : figuresObject(after, moved),
    figures,
    worse: figures.some((f) => f.verdict === 'worse'),
  };
}

/** What identifies a finding across versions: not its line or wording, which a moved block or a new figure changes. */
function findingKey(f: Finding): string {
  return [f.ruleId, f.pool ?? '', f.messageId ?? f.message].join('\u0000');
}

function listed(f: Finding): DiffFinding {
  return {
    ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.file, line: f.line, column: f.column,
    ...(f.pool !== undefined ? { pool: f.pool } : {}), ...(f.messageId !== undefined ? { messageId: f.messageId } : {}),
  };
}

/** Findings one version has more of than the other, matched by rule id, pool and message id. */
function compareFindings(before: readonly Finding[], after: readonly Finding[]): { added: DiffFinding[]; removed: DiffFinding[] } {
  const count = (list: readonly Finding[]) => {
    const m = new Map<string, Finding[]>();
    for (const f of list) {
      const k = findingKey(f);
      const l = m.get(k);
      if (l) l.push(f);
      else m.set(k, [f]);
    }
    return m;
  };
  const b = count(before);
  const a = count(after);
  const added: DiffFinding[] = [];
  const removed: DiffFinding[] = [];
  for (const [k, list] of a) {
    const old = b.get(k)?.length ?? 0;
    for (const f of list.slice(old)) added.push(listed(f));
  }
  for (const [k, list] of b) {
    const now = a.get(k)?.length ?? 0;
    for (const f of list.slice(now)) removed.push(listed(f));
  }
  return { added, removed };
}

/** Names of the things a design holds, by what they are, for "added" and "removed". */
export type Inventory = Readonly<Record<string, readonly string[]>>;

function inventoryChanges(before: Inventory, after: Inventory): { added: Record<string, string[]>; removed: Record<string, string[]> } {
  const added: [string, string[]][] = [];
  const removed: [string, string[]][] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    const b = Object.hasOwn(before, key) ? before[key]! : [];
    const a = Object.hasOwn(after, key) ? after[key]! : [];
    const bs = new Set(b.map((n) => n.toLowerCase()));
    const as = new Set(a.map((n) => n.toLowerCase()));
    const plus = a.filter((n) => !bs.has(n.toLowerCase()));
    const minus = b.filter((n) => !as.has(n.toLowerCase()));
    if (plus.length > 0) added.push([key, plus]);
    if (minus.length > 0) removed.push([key, minus]);
  }
  return { added: Object.fromEntries(added), removed: Object.fromEntries(removed) };
}

export interface DiffInput {
  /** What the old version is called (`REF:path` when read from git). */
  readonly name: string;
  /** Undefined where the file is new in this change. */
  readonly result: FileResult | undefined;
  readonly inventory: Inventory;
}

/**
 * Compares two versions of one topology: each pool's figures, the management group's (SCOM) or the
 * failover's (OpCon), the names added or removed, and the findings new or gone. `worse` when a
 * figure got worse or a finding at or above `failOn` is new.
 */
export function diffResults(old: DiffInput, now: DiffInput & { readonly result: FileResult }, failOn: Severity): DiffResult {
  const pools = comparePools(poolMap(old.result), poolMap(now.result));
  const managementGroup = compareGroup(groupFigures(old.result), groupFigures(now.result));
  const failover = compareGroup(failoverFigures(old.result), failoverFigures(now.result));
  const findings = compareFindings(old.result?.findings ?? [], now.result.findings);
  const { added, removed } = inventoryChanges(old.inventory, now.inventory);
  const worse = pools.some((p) => p.worse) || (managementGroup?.worse ?? false) || (failover?.worse ?? false)
    || findings.added.some((f) => atOrAbove(f.severity, failOn));
  return {
    version: 1,
    old: old.name,
    new: now.name,
    kind: now.result.kind ?? 'unknown',
    oldMissing: old.result === undefined,
    pools,
    ...(managementGroup ? { managementGroup } : {}),
    ...(failover ? { failover } : {}),
    added,
    removed,
    findings,
    worse,
  };
}
