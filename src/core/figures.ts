/**
 * What `diff` compares: a kind's named figures, each with how a change to it is judged. Each kind
 * says which of its figures count (its `figures` in defineKind); the judges here are shared.
 */

/** A figure's value: what JSON holds and a reader compares. */
export type FigureValue = number | string | boolean | null | readonly string[];

export type Verdict = 'better' | 'worse' | 'changed';

/** Says whether the change from `before` to `after` is better, worse or only a change. */
export type Judge = (before: FigureValue, after: FigureValue) => Verdict;

/** One figure: its value, and how a change to it is judged (only a change when no judge). */
export interface Figure {
  readonly value: FigureValue;
  readonly judge?: Judge;
}

/** Named figures of one pool (or a management group, or a failover), in a fixed order. */
export type FigureMap = ReadonlyMap<string, Figure>;

/** How a figure is read from a kind's result and judged. */
export interface FigureSpec<P> {
  readonly key: string;
  get(p: P): FigureValue;
  judge?: Judge;
}

/** The figures of `p` as `specs` read them, in their order. */
export function specFigures<P>(specs: readonly FigureSpec<P>[], p: P): Map<string, Figure> {
  return new Map(specs.map((s) => [s.key, s.judge ? { value: s.get(p), judge: s.judge } : { value: s.get(p) }]));
}

export const higherIsBetter: Judge = (b, a) => (typeof a === 'number' && typeof b === 'number' ? (a > b ? 'better' : a < b ? 'worse' : 'changed') : 'changed');

export const lowerIsBetter: Judge = (b, a) => (typeof b === 'number' && typeof a === 'number' ? (a > b ? 'worse' : a < b ? 'better' : 'changed') : 'changed');

/** A value that is there (a partner, a secondary) is better than none. */
export const presentIsBetter: Judge = (b, a) => (b !== null && a === null ? 'worse' : b === null && a !== null ? 'better' : 'changed');

/** A list of names where any new one is worse (single points of failure). */
export const fewerIsBetter: Judge = (b, a) => {
  const before = new Set(asList(b).map((n) => n.toLowerCase()));
  const after = new Set(asList(a).map((n) => n.toLowerCase()));
  if ([...after].some((n) => !before.has(n))) return 'worse';
  return after.size < before.size ? 'better' : 'changed';
};

/** An outcome where `works` is the good one (a data centre's loss). */
export const worksIsBetter: Judge = (b, a) => {
  if (b === 'works' && a !== 'works') return 'worse';
  if (b !== 'works' && a === 'works') return 'better';
  return 'changed';
};

/** A probability, where either version may have none. */
export const availabilityJudge: Judge = (b, a) => (b === null || a === null ? 'changed' : higherIsBetter(b, a));

export function asList(v: FigureValue): readonly string[] {
  return Array.isArray(v) ? v : [];
}

/** Names of the things a design holds, by what they are, for diff's "added" and "removed". */
export type Inventory = Readonly<Record<string, readonly string[]>>;
