/**
 * What `diff` compares: a kind's named figures, each with how a change to it is judged. Each kind
 * says which of its figures count (its `figures` in defineKind); the judges here are shared.
 */

/** A figure's value: what JSON holds and a reader compares. */
export type FigureValue = number | string | boolean | null | readonly string[];

export type Verdict = 'better' | 'worse' | 'changed';

/** Says whether the change from `before` to `after` is better, worse or only a change. */
export type Judge = (before: FigureValue, after: FigureValue) => Verdict;

/** Whether two values of a figure say the same (names compare case-insensitively, as FORMAT.md has them). */
export type Same = (before: FigureValue, after: FigureValue) => boolean;

/** One figure: its value, and how a change to it is judged (only a change when no judge). */
export interface Figure {
  readonly value: FigureValue;
  readonly judge?: Judge;
  /** When two values are the same (default: equal, text case-insensitively, lists in order). */
  readonly same?: Same;
  /**
   * What a version without the figure means, where its absence says something: a value, or the value
   * of another of that version's figures (a data centre a pool does not depend on: its loss leaves
   * the pool as it is with nothing down).
   */
  readonly absent?: FigureValue | { readonly figure: string };
  /** What the judge compares, where it is not the value shown (SCOM's single points of failure: the operational database as one, whichever server it is on). */
  readonly judged?: FigureValue;
}

/** Named figures of one pool (or a management group, or a failover), in a fixed order. */
export type FigureMap = ReadonlyMap<string, Figure>;

/** How a figure is read from a kind's result and judged. */
export interface FigureSpec<P> {
  readonly key: string;
  get(p: P): FigureValue;
  judge?: Judge;
  same?: Same;
}

/** The figures of `p` as `specs` read them, in their order. */
export function specFigures<P>(specs: readonly FigureSpec<P>[], p: P): Map<string, Figure> {
  return new Map(
    specs.map((s) => {
      const value = s.get(p);
      const figure: Figure = s.judge
        ? s.same
          ? { value, judge: s.judge, same: s.same }
          : { value, judge: s.judge }
        : s.same
          ? { value, same: s.same }
          : { value };
      return [s.key, figure];
    }),
  );
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

/**
 * Probabilities that differ by no more than the last bits of a double are the same: the same design
 * written in another order sums its terms in another order (0.9985546018189523 and ...522).
 */
export const sameProbability: Same = (b, a) => (typeof b === 'number' && typeof a === 'number' ? Math.abs(b - a) <= 1e-15 : sameValue(b, a));

/** Lists of names where the order says nothing (a pool's members, single points of failure): the same names, any case. */
export const sameNames: Same = (b, a) => {
  if (!Array.isArray(b) || !Array.isArray(a)) return sameValue(b, a);
  const before = new Set(b.map((n) => n.toLowerCase()));
  const after = new Set(a.map((n) => n.toLowerCase()));
  return before.size === after.size && [...after].every((n) => before.has(n));
};

/** The default sameness: equal values, text compared case-insensitively (names are), lists item by item. */
export function sameValue(b: FigureValue | undefined, a: FigureValue | undefined): boolean {
  if (Array.isArray(b) && Array.isArray(a)) return b.length === a.length && b.every((x, i) => x.toLowerCase() === a[i]!.toLowerCase());
  if (typeof b === 'string' && typeof a === 'string') return b.toLowerCase() === a.toLowerCase();
  return b === a;
}

export function asList(v: FigureValue): readonly string[] {
  return Array.isArray(v) ? v : [];
}

/** Names of the things a design holds, by what they are, for diff's "added" and "removed". */
export type Inventory = Readonly<Record<string, readonly string[]>>;
