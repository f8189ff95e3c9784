/**
 * Front End pool figures (FORMAT.md, DOMAIN.md's table from SFB-HA): start-up and pool-level quorum,
 * tolerable failures (the worst case, among "the first" front ends), partner and users after failover.
 */
import { FRONT_END_ROW_12_ON_2019, FRONT_END_TABLE, SKYPE, type FrontEndRow } from '../../../domain/facts.js';
import { carriesPartnerNow, movedToPartner, storePlaced, type SkypeModel, type SkypePair, type SkypePool } from '../model/model.js';
import { maxOf } from '../../../util/extremes.js';

export interface SkypePoolFigures {
  readonly name: string;
  readonly frontEnds: number;
  readonly startupNeeded: number;
  readonly quorumNeeded: number;
  readonly quorumFrom: number;
  readonly tolerableFailures: number;
  /**
   * The failures it tolerates at once: two front ends lost together may hold two of a routing
   * group's three replicas and cost it its quorum while the pool keeps pool-level quorum (SFB-HA).
   */
  readonly tolerableSimultaneousFailures: number;
  /**
   * The pool has an even number of front ends, so its primary back-end SQL database is the witness of
   * pool-level quorum, whose table assumes it runs (SFB-HA): a pool of two goes down with its back end.
   */
  readonly backEndWitness: boolean;
  readonly pairedWith: string | null;
  readonly poolState: string;
  readonly usersAfterFailover: number;
  /**
   * The users it serves now, as the PoolStates say: none of its own while they are on its partner
   * (FailingOver, FailedOver), and its partner's too while they are on it and it is Active.
   */
  readonly usersNow: number;
}

export interface SkypeAnalysis {
  readonly pools: readonly SkypePoolFigures[];
  /** Each pool's pairs (more than one is a rule violation). */
  readonly pairsOf: ReadonlyMap<SkypePool, readonly SkypePair[]>;
  /** The other pool of each paired pool's (first) pair. */
  readonly partnerOf: ReadonlyMap<SkypePool, SkypePool>;
  /** Some pool declares the Central Management Store; where none does, any pool may host it (model.ts). */
  readonly storePlaced: boolean;
}

/**
 * The table's row for n front ends (a standard-edition pool has one); past the table, its last row.
 * A 2019 pool of 12 takes the 2019 row's quorum (DOMAIN.md).
 */
export function frontEndRow(n: number, productVersion?: SkypeModel['productVersion']): FrontEndRow {
  if (n === 12 && productVersion === '2019') return FRONT_END_ROW_12_ON_2019;
  largestRow ??= maxOf(Object.keys(FRONT_END_TABLE).map(Number));
  const size = Math.max(1, Math.min(n, largestRow));
  return FRONT_END_TABLE[size]!;
}

/** The table's largest pool, worked out at the first row asked for rather than for every pool of every file. */
let largestRow: number | undefined;

/**
 * Front ends that must run for a pool to start again once it has lost pool-level quorum (SFB-HA):
 * its remaining front ends have stopped their services, and the start figure applies to every
 * start, not only the first; a pool of two whose front ends have both stopped starts them together
 * (Microsoft's table keeps its startupNeeded at 1, for a first start).
 */
export function runningToRestart(f: Pick<SkypePoolFigures, 'frontEnds' | 'startupNeeded'>): number {
  return f.frontEnds === 2 ? 2 : f.startupNeeded;
}

/** The most front ends a pool holds on the version (SFB-HA): 12, and 16 on Skype for Business Server 2019. */
export function maxFrontEnds(productVersion: SkypeModel['productVersion']): number {
  return productVersion === '2019' ? SKYPE.maxFrontEnds2019.value : SKYPE.maxFrontEnds.value;
}

/** Failures a routing group survives at once: its replicas less a majority of them (1 of 3). */
export const ROUTING_GROUP_TOLERATES = SKYPE.routingGroupReplicas.value - (Math.floor(SKYPE.routingGroupReplicas.value / 2) + 1);

export function analyseSkype(model: SkypeModel): SkypeAnalysis {
  const pairsOf = new Map<SkypePool, SkypePair[]>();
  for (const pair of model.pairs) for (const p of pair.pools) pairsOf.set(p, [...(pairsOf.get(p) ?? []), pair]);
  const partnerOf = new Map<SkypePool, SkypePool>();
  for (const [pool, [pair]] of pairsOf) if (pair) partnerOf.set(pool, pair.pools[0] === pool ? pair.pools[1] : pair.pools[0]);
  const pools = model.pools.map((pool): SkypePoolFigures => {
    const row = frontEndRow(pool.frontEnds.length, model.productVersion);
    const partner = partnerOf.get(pool);
    const tolerableFailures = row.quorumFrom - row.quorumNeeded;
    return {
      name: pool.name,
      frontEnds: pool.frontEnds.length,
      startupNeeded: row.startupNeeded,
      quorumNeeded: row.quorumNeeded,
      quorumFrom: row.quorumFrom,
      tolerableFailures,
      tolerableSimultaneousFailures: Math.min(tolerableFailures, ROUTING_GROUP_TOLERATES),
      backEndWitness: pool.frontEnds.length % 2 === 0,
      pairedWith: partner?.name ?? null,
      poolState: pool.poolState,
      usersAfterFailover: pool.users + (partner?.users ?? 0),
      usersNow: (movedToPartner(pool) ? 0 : pool.users) + (carriesPartnerNow(pool, partner) ? partner.users : 0),
    };
  });
  return { pools, pairsOf, partnerOf, storePlaced: storePlaced(model) };
}
