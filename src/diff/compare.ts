/**
 * What a change does to a design: the figures and findings that differ between two versions of one
 * topology (CLI.md, "`diff`"). Pure: it reads two files' results, as validate reports them, and
 * judges each figure that moved as better, worse or only changed.
 */
import type { Finding, FileResult } from '../kinds/results.js';
import { kindPlugin } from '../kinds/registry.js';
import { atOrAbove, type Severity } from '../core/rule.js';
import { sameValue, type Figure, type FigureMap, type FigureValue, type Inventory, type Verdict } from '../core/figures.js';

export type { FigureValue, Verdict } from '../core/figures.js';

/** Named figures of one pool (or the management group, or a failover), in a fixed order. */
export type Figures = Readonly<Record<string, FigureValue>>;

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
export type DiffFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'file' | 'line' | 'column'> & {
  readonly pool?: string;
  readonly messageId?: string;
};

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

/** The figures that moved between two versions of one pool (or group), each judged. */
function compareFigures(before: FigureMap | undefined, after: FigureMap | undefined): FigureChange[] {
  const keys = [...new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])];
  const changes: FigureChange[] = [];
  // Where both versions have the pool, a figure only one has is what its absence means, if anything.
  const both = before !== undefined && after !== undefined;
  for (const key of keys) {
    const b = before?.get(key);
    const a = after?.get(key);
    const { judge, same = sameValue, absent } = (a ?? b)!;
    const bv = b !== undefined ? b.value : both ? absentIn(before, absent) : undefined;
    const av = a !== undefined ? a.value : both ? absentIn(after, absent) : undefined;
    if (bv !== undefined && av !== undefined && same(bv, av)) continue;
    // A figure one version lacks, with no meaning for its absence, is only changed.
    const verdict: Verdict = bv !== undefined && av !== undefined && judge ? judge(b?.judged ?? bv, a?.judged ?? av) : 'changed';
    changes.push({ figure: key, before: b?.value, after: a?.value, verdict });
  }
  return changes;
}

/** What a figure's absence means in the version that lacks it: a value, or that version's value of the figure it names. */
function absentIn(version: FigureMap | undefined, absent: Figure['absent']): FigureValue | undefined {
  return typeof absent === 'object' && absent !== null && 'figure' in absent ? version?.get(absent.figure)?.value : absent;
}

function figuresObject(map: FigureMap | undefined, only?: ReadonlySet<string>): Figures | null {
  if (map === undefined) return null;
  return Object.fromEntries([...map].filter(([k]) => only === undefined || only.has(k)).map(([k, v]) => [k, v.value]));
}

/** Pools of both versions matched by name (case-insensitively), in the new version's order, removed ones last. */
function comparePools(
  before: ReadonlyMap<string, { name: string; figures: FigureMap }>,
  after: ReadonlyMap<string, { name: string; figures: FigureMap }>,
): PoolChange[] {
  const out: PoolChange[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    const figures = compareFigures(b?.figures, a.figures);
    if (b === undefined) {
      out.push({ name: a.name, change: 'added', before: null, after: figuresObject(a.figures), figures, worse: false });
    } else if (figures.length > 0) {
      const moved = new Set(figures.map((f) => f.figure));
      out.push({
        name: a.name,
        change: 'changed',
        before: figuresObject(b.figures, moved),
        after: figuresObject(a.figures, moved),
        figures,
        worse: figures.some((f) => f.verdict === 'worse'),
      });
    }
  }
  for (const [key, b] of before) {
    if (after.has(key)) continue;
    // Taking a pool out is a decision the reviewer sees listed; CLI.md judges only the pools that remain.
    out.push({ name: b.name, change: 'removed', before: figuresObject(b.figures), after: null, figures: compareFigures(b.figures, undefined), worse: false });
  }
  return out;
}

function poolMap(result: FileResult | undefined, context: unknown): Map<string, { name: string; figures: FigureMap }> {
  const map = new Map<string, { name: string; figures: FigureMap }>();
  const pool = result?.kind !== undefined ? kindPlugin(result.kind)?.diff?.pool : undefined;
  for (const p of result?.pools ?? []) map.set(p.name.toLowerCase(), { name: p.name, figures: pool ? pool(p, context) : new Map() });
  return map;
}

/** The kind's own figures beside its pools (SCOM's management group, OpCon's failover), under their key. */
function groupOf(result: FileResult | undefined, context: unknown): { key: string; figures: FigureMap | undefined } | undefined {
  const group = result?.kind !== undefined ? kindPlugin(result.kind)?.diff?.group : undefined;
  return group ? { key: group.key, figures: group.of(result, context) } : undefined;
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

/**
 * What identifies a finding across versions: not its line or wording, which a moved block or a new
 * figure changes. A finding about no pool (a gateway without failover, a server over its limit) is
 * told apart by the text its data gives (the names it is about, in any order), not its figures: a
 * warning that moves from gw01 to gw02 is one gone and one new, not the same.
 */
function findingKey(f: Finding): string {
  // Pools and names match case-insensitively, as names compare (FORMAT.md).
  const key = [f.ruleId, (f.pool ?? '').toLowerCase(), f.messageId ?? f.message];
  if (f.pool === undefined && f.data !== undefined) {
    for (const k of Object.keys(f.data).sort()) {
      const v = f.data[k];
      // Its words in any order: a list of names ("a, b") may come in another order from an equal design.
      if (typeof v === 'string')
        key.push(
          `${k}=${v
            .toLowerCase()
            .split(/[\s,;()"'`]+/)
            .filter(Boolean)
            .sort()
            .join(' ')}`,
        );
    }
  }
  return key.join('\u0000');
}

function listed(f: Finding): DiffFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    ...(f.pool !== undefined ? { pool: f.pool } : {}),
    ...(f.messageId !== undefined ? { messageId: f.messageId } : {}),
  };
}

/**
 * The pools a finding speaks for where it names several: the default pools the file does not list
 * share their members, so one finding is given for all of them (`data.pool` "A, B, C", no pool of
 * its own). The same design with those pools listed gives the finding once per pool: matched pool
 * by pool, that is no change.
 */
function poolsSpokenFor(f: Finding, pools: ReadonlySet<string>): string[] | undefined {
  const named = f.pool === undefined ? f.data?.pool : undefined;
  if (typeof named !== 'string') return undefined;
  const names = named.split(', ');
  return names.length > 1 && names.every((n) => pools.has(n.toLowerCase())) ? names : undefined;
}

/** Each finding under its key, a finding that speaks for several pools once under each pool's. */
function findingsByKey(result: FileResult | undefined): Map<string, Finding[]> {
  const pools = new Set((result?.pools ?? []).map((p) => p.name.toLowerCase()));
  const m = new Map<string, Finding[]>();
  for (const f of result?.findings ?? []) {
    const names = poolsSpokenFor(f, pools);
    const keys = names ? names.map((n) => findingKey({ ...f, pool: n })) : [findingKey(f)];
    for (const k of keys) {
      const l = m.get(k);
      if (l) l.push(f);
      else m.set(k, [f]);
    }
  }
  return m;
}

/** Findings one version has more of than the other, matched by rule id, pool and message id (and, about no pool, the names it gives). */
function compareFindings(before: FileResult | undefined, after: FileResult): { added: DiffFinding[]; removed: DiffFinding[] } {
  const b = findingsByKey(before);
  const a = findingsByKey(after);
  // A finding for several pools is listed once, however many of them it is new or gone for.
  const added = new Set<Finding>();
  const removed = new Set<Finding>();
  for (const [k, list] of a) {
    const old = b.get(k)?.length ?? 0;
    for (const f of list.slice(old)) added.add(f);
  }
  for (const [k, list] of b) {
    const now = a.get(k)?.length ?? 0;
    for (const f of list.slice(now)) removed.add(f);
  }
  return { added: [...added].map(listed), removed: [...removed].map(listed) };
}

export type { Inventory } from '../core/figures.js';

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
  /** What its kind judges its figures with beyond the result (the kind's `diff.context`). */
  readonly context?: unknown;
}

/**
 * Compares two versions of one topology: each pool's figures, the management group's (SCOM) or the
 * failover's (OpCon), the names added or removed, and the findings new or gone. `worse` when a
 * figure got worse or a finding at or above `failOn` is new.
 */
export function diffResults(old: DiffInput, now: DiffInput & { readonly result: FileResult }, failOn: Severity): DiffResult {
  const pools = comparePools(poolMap(old.result, old.context), poolMap(now.result, now.context));
  const [before, after] = [groupOf(old.result, old.context), groupOf(now.result, now.context)];
  const groupKey = after?.key ?? before?.key;
  const group = groupKey === undefined ? undefined : compareGroup(before?.key === groupKey ? before.figures : undefined, after?.figures);
  const findings = compareFindings(old.result, now.result);
  const { added, removed } = inventoryChanges(old.inventory, now.inventory);
  const worse = pools.some((p) => p.worse) || (group?.worse ?? false) || findings.added.some((f) => atOrAbove(f.severity, failOn));
  return {
    version: 1,
    old: old.name,
    new: now.name,
    kind: now.result.kind ?? 'unknown',
    oldMissing: old.result === undefined,
    pools,
    ...(group && groupKey !== undefined ? { [groupKey]: group } : {}),
    added,
    removed,
    findings,
    worse,
  };
}
