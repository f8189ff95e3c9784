/**
 * A pool's back end down (`simulate --down POOL/back-end`): what it does to pool-level quorum
 * (SFB-HA) and to the pool's users (SFB-BE). Microsoft's pool-level quorum table assumes the Back
 * End Servers are running; in a pool with an even number of front ends the primary back-end SQL
 * database is the witness. Its page says that a pool of two "would likely soon go down" with its
 * Back End Server, and that a pool whose primary database is down goes down once fewer front ends
 * run than the start-up table asks (the table before that note). pooltopo reads the two as: a pool of
 * two goes down with its back end whatever runs; a larger even pool keeps pool-level quorum while
 * its start figure of front ends runs (and the table's quorum among "the first"); an odd pool's back
 * end is no witness, and its quorum is counted as with it.
 */
import { nameKey } from '../../../core/model.js';
import type { SkypePoolFigures } from './analysis.js';
import type { SkypeModel, SkypePool } from '../model/model.js';

/** What names a pool's back end after the pool's name: `pool-a.contoso.com/back-end` (also `/backend`). */
const SUFFIXES = ['/back-end', '/backend'];

/** The name that takes a pool's back end down. */
export function backEndName(pool: string): string {
  return `${pool}${SUFFIXES[0]}`;
}

/** The pools by name key, for `backEndOf`: one look-up a name, however many pools and names. */
export function poolsByKey(model: SkypeModel): ReadonlyMap<string, SkypePool> {
  return new Map(model.pools.map((p) => [nameKey(p.name), p]));
}

/** The pool whose back end `name` names, or undefined where it names none. */
export function backEndOf(pools: ReadonlyMap<string, SkypePool>, name: string): SkypePool | undefined {
  const key = nameKey(name);
  const suffix = SUFFIXES.find((s) => key.endsWith(s));
  return suffix === undefined ? undefined : pools.get(key.slice(0, -suffix.length));
}

/**
 * Whether a pool whose back end is down keeps pool-level quorum with `running` front ends up (and
 * the table's quorum among "the first" kept), and what it then needs: `needed` front ends running
 * in all, null for a pool of two, which goes down with its back end whatever runs; `witness` false
 * where the back end is no witness (an odd pool: its quorum is as with it).
 */
export function withoutBackEnd(
  fig: Pick<SkypePoolFigures, 'frontEnds' | 'startupNeeded' | 'backEndWitness'>,
  running: number,
): { keeps: boolean; needed: number | null } {
  if (!fig.backEndWitness) return { keeps: true, needed: null };
  if (fig.frontEnds === 2) return { keeps: false, needed: null };
  return { keeps: running >= fig.startupNeeded, needed: fig.startupNeeded };
}

/**
 * What its users see while the pool keeps running without its back end (SFB-BE): a mirror takes the
 * databases over, by itself where a mirroring witness is configured (the file does not say); without
 * one, or without a mirror, users are switched to Resiliency mode after some time (about 30 minutes).
 */
export function backEndEffect(pool: Pick<SkypePool, 'backEndMirrored'>): string {
  return pool.backEndMirrored
    ? 'its mirror takes the back-end databases over, by itself where a SQL Server mirroring witness is configured, else once an administrator fails it over: until then users keep their sessions for about 30 minutes, then are switched to Resiliency mode (no change that must persist, such as adding a contact)'
    : 'without its back end, users are switched to Resiliency mode after some time: they cannot make a change that must persist, such as adding a contact, until it is back';
}

/**
 * What a pool needs of its back end to keep the Quorum figure (FORMAT.md's table assumes it runs):
 * undefined where the back end is no witness (an odd pool), null where the pool needs it up (a pool
 * of two), else the front ends that must run while it is down (withoutBackEnd).
 */
export function neededWithoutBackEnd(fig: Pick<SkypePoolFigures, 'frontEnds' | 'startupNeeded' | 'backEndWitness'>): number | null | undefined {
  return fig.backEndWitness ? withoutBackEnd(fig, fig.frontEnds).needed : undefined;
}
