/**
 * The kind's failure model (FORMAT.md): what follows for each pool's users when pools, sites or
 * front ends are down, in one place so that simulate and the report's what-if cannot disagree.
 */
import { nameKey, uniqueNames } from '../../../core/model.js';
import { runningToRestart, type SkypeAnalysis } from './analysis.js';
import { movedToPartner, type PoolState, type SkypeModel, type SkypePool } from '../model/model.js';
import { storeWithoutBackEnd } from './cms.js';
import { poolDown, restart, type ScenarioState, type ToStart } from './pool-down.js';
import { backEndEffect, backEndName, backEndOf, poolsByKey, withoutBackEnd } from './back-end.js';
import { powerShellArgument } from '../../../util/powershell.js';

/** Users left without service: those homed on a pool, wherever they are served now. */
export interface UsersOf {
  readonly pool: string;
  readonly users: number;
}

export interface SkypePoolDown {
  readonly pool: string;
  /**
   * What took it down (the pool named, its site named, its front ends down costing it pool-level
   * quorum, or its back end down, the witness of a pool with an even number of front ends): its users
   * fare the same whichever.
   */
  readonly downBy: 'pool' | 'site' | 'front-ends' | 'back-end';
  readonly partner: string | null;
  /** The partner's registrar PoolState (null without a partner). */
  readonly partnerState: PoolState | null;
  /** The partner is down, or loses pool-level quorum, in the same scenario. */
  readonly partnerDown: boolean;
  /**
   * The partner carries the pool's users: it is Active and keeps pool-level quorum (FORMAT.md).
   * False without a partner: the users of both are then without service.
   */
  readonly partnerTakesOver: boolean;
  /**
   * What to run before the failover, in order: the Central Management Store goes over before the pool
   * (SFB-DR); for a pool whose users failed over already (no `cmdlet`), what to run at all.
   */
  readonly runFirst: readonly string[];
  /**
   * Where the partner cannot take over but serves nothing of its own now (FailedOver onto this pool,
   * or failing back from it) and is up: what brings both pools' users back without this one, in
   * order (Invoke-CsPoolFailBack -DisasterMode on the partner, then this pool failed over to it).
   */
  readonly restoreBy: readonly string[];
  /** What the admin must fill in where a step (`runFirst`, `restoreBy`) has `<…>`: names the file does not hold. */
  readonly fillIn: readonly string[];
  /** The cmdlet to run, as it must be run for a pool that is down; null where there is nothing to run. */
  readonly cmdlet: string | null;
  readonly registrarStates: readonly string[];
  readonly partnerUsers: number | null;
  readonly partnerMaxUsers: number | null;
  readonly partnerOverCapacity: boolean;
  /** The pools whose users lose service when the partner cannot take over (the pool's, and its partner's). */
  readonly usersWithoutService: readonly UsersOf[];
  /** What the failover breaks, or why there is none: the partner's sizing first where it is over (`partnerOverCapacity`). */
  readonly breaks: readonly string[];
}

export interface SkypeFrontEndsDown {
  readonly pool: string;
  /** Its front ends down (none where only its back end is). */
  readonly down: readonly string[];
  /** Its back end is down (`POOL/back-end`). */
  readonly backEndDown: boolean;
  /**
   * Where its back end is down and was the witness of pool-level quorum (an even number of front
   * ends): the front ends running, and those that must run without it (null for a pool of two, which
   * goes down with its back end whatever runs); null where the back end is up or no witness.
   */
  readonly withoutBackEnd: { readonly running: number; readonly needed: number | null } | null;
  /** The pool's front ends: quorum counts among "the first" only where it has more than `quorumFrom`. */
  readonly poolFrontEnds: number;
  /** Front ends running among the first `quorumFrom` brought up. */
  readonly runningAmongFirst: number;
  readonly quorumNeeded: number;
  readonly quorumFrom: number;
  readonly keepsQuorum: boolean;
  /**
   * More front ends down than the pool tolerates at once: should they have gone down together, a
   * routing group with two of its three replicas on them loses its quorum (SFB-HA).
   */
  readonly routingGroupsAtRisk: boolean;
  /**
   * Front ends that must run for the pool to start again, once it has lost pool-level quorum (the
   * model's start figure: DOMAIN.md applies it to every start); null while it keeps quorum.
   */
  readonly runningToStart: number | null;
  /**
   * Which of the front ends down must start again for it to start (null while it keeps quorum): at
   * least `count` of them, `amongFirst` or more of those from `first` (the ones down among "the
   * first" `quorumFrom`, which pool-level quorum counts), so that it keeps pool-level quorum once started.
   */
  readonly toStart: ToStart | null;
  /** What brings the pool itself back: its back end, its front ends started again, or the QuorumLossRecovery reset. */
  readonly recovery: readonly string[];
  /** What its users see while it keeps running without its back end (SFB-BE); null otherwise. */
  readonly backEndEffect: string | null;
  /** What it keeps running without: the Central Management Store its back end holds without a mirror (cms.ts); null otherwise. */
  readonly cmsEffect: string | null;
}

/** A pool whose users are without service although neither it nor its partner is down: its PoolState leaves no pool to serve them. */
export interface SkypeStranded {
  readonly pool: string;
  readonly reason: string;
}

/**
 * A pool that carries more users than it is sized for before anything goes down: its partner's users
 * are on it already (FailedOver, or FailingOver onto it), so every scenario in which it still serves
 * them has the overload, whichever pool, front end or back end the scenario names.
 */
export interface SkypeOverCapacity {
  readonly pool: string;
  /** The partner whose users it carries, and that partner's PoolState. */
  readonly partner: string;
  readonly partnerState: PoolState;
  /** Users it carries: its own and its partner's. */
  readonly users: number;
  readonly maxUsers: number;
}

export interface SkypeScenario {
  readonly label: string;
  /** Each pool down, named or lost to its front ends down, in the file's order. */
  readonly poolsDown: readonly SkypePoolDown[];
  readonly frontEnds: readonly SkypeFrontEndsDown[];
  readonly stranded: readonly SkypeStranded[];
  /** Every pool whose users are without service in the scenario, in the file's order. */
  readonly usersWithoutService: readonly UsersOf[];
  /** Pools over their sizing with their partner's users on them already, in the file's order. */
  readonly overCapacity: readonly SkypeOverCapacity[];
}

/** Whether a scenario leaves users without service, a failover that breaks something, or a pool over its sizing: simulate's exit code 1. */
export function scenarioFails(s: SkypeScenario): boolean {
  return s.usersWithoutService.length > 0 || s.poolsDown.some((p) => p.breaks.length > 0) || s.overCapacity.length > 0;
}

/** Names of pools and front ends a scenario may use. */
export function skypeNames(model: SkypeModel): string[] {
  return [...model.pools.map((p) => p.name), ...model.pools.flatMap((p) => p.frontEnds)];
}

/** The names of the back ends a scenario may take down: each pool's but a Standard Edition server's, which holds its own. */
export function skypeBackEnds(model: SkypeModel): string[] {
  return model.pools.filter((p) => p.edition !== 'standard').map((p) => backEndName(p.name));
}

/** The sites (data centres) of the pools, each once as first spelt. */
export function skypeSites(model: SkypeModel): string[] {
  return uniqueNames(model.pools.flatMap((p) => (p.site === undefined ? [] : [p.site])));
}

/**
 * One scenario: the pools, sites, front ends and back ends (`POOL/back-end`) `names` names are down
 * (`unknown`, `ambiguous` and `ownBackEnd`, a Standard Edition server's back end, are for the command to refuse).
 */
export function simulateSkypeDown(
  model: SkypeModel,
  analysis: SkypeAnalysis,
  label: string,
  names: readonly string[],
): { scenario: SkypeScenario; unknown: string[]; ambiguous: string[]; ownBackEnd: string[] } {
  const keys = new Set(names.map(nameKey));
  const servers = new Set(skypeNames(model).map(nameKey));
  const sites = new Set(skypeSites(model).map(nameKey));
  const named = (n: string) => servers.has(nameKey(n)) || sites.has(nameKey(n));
  // A back end is named after its pool; a name the file gives a pool, front end or site is that, whatever it ends with.
  const pools = poolsByKey(model);
  const others = names.filter((n) => !named(n)).map((n) => ({ name: n, pool: backEndOf(pools, n) }));
  const backEnds = new Set(others.flatMap((o) => (o.pool === undefined || o.pool.edition === 'standard' ? [] : [o.pool])));
  const ownBackEnd = others.filter((o) => o.pool?.edition === 'standard').map((o) => o.name);
  const unknown = others.filter((o) => o.pool === undefined).map((o) => o.name);
  // CLI.md: simulate takes servers or data centres; a name that is both cannot say which is down.
  const ambiguous = names.filter((n) => servers.has(nameKey(n)) && sites.has(nameKey(n)));
  const siteDown = (p: SkypePool) => p.site !== undefined && keys.has(nameKey(p.site));
  const counted = model.pools.map((pool, i) => {
    const fig = analysis.pools[i]!;
    const frontEndDown = (fe: string) => keys.has(nameKey(fe));
    const down = pool.frontEnds.filter(frontEndDown);
    // Pool-level quorum counts among "the first" quorumFrom brought up (SFB-HA): the one count the
    // verdict and the restart advice both read.
    const first = pool.frontEnds.slice(0, fig.quorumFrom);
    const downAmongFirst = first.filter(frontEndDown);
    const runningAmongFirst = first.length - downAmongFirst.length;
    const amongFirst = runningAmongFirst >= fig.quorumNeeded;
    // The table assumes the back end runs; down, it takes its witness vote with it (back-end.ts).
    const backEndDown = backEnds.has(pool);
    const running = pool.frontEnds.length - down.length;
    const witness = backEndDown && fig.backEndWitness ? withoutBackEnd(fig, running) : null;
    const keepsQuorum = amongFirst && (witness === null || witness.keeps);
    const lostTo = keepsQuorum ? null : amongFirst ? ('back-end' as const) : ('front-ends' as const);
    const without = witness && { running, needed: witness.needed };
    return { pool, fig, down, downAmongFirst, runningAmongFirst, keepsQuorum, backEndDown, withoutBackEnd: without, lostTo };
  });
  // A pool is down when it is named, or when its front ends or back end down cost it pool-level
  // quorum: from here on they are one case, so its users fare the same whichever took it down.
  const downBy = new Map<SkypePool, SkypePoolDown['downBy']>();
  for (const { pool, lostTo } of counted) {
    if (keys.has(nameKey(pool.name))) downBy.set(pool, 'pool');
    else if (siteDown(pool)) downBy.set(pool, 'site');
    else if (lostTo !== null) downBy.set(pool, lostTo);
  }
  const state = scenarioState(analysis, downBy, backEnds);
  const { served } = state;
  const partnerOf = (p: SkypePool) => analysis.partnerOf.get(p);
  const usersOf = (p: SkypePool): UsersOf => ({ pool: p.name, users: p.users });

  // A partner to fail a store over to: Active, or FailedOver once its services, stopped when it failed
  // over, are started (SFB-FO; cms.ts says so), up, and with databases to take it (not its back end
  // down without a mirror). One failing over or back is mid-change, its services' state undocumented.
  const storeTaker = (p: SkypePool) => {
    const partner = partnerOf(p);
    const partnerState = partner?.poolState;
    const takes = partner && (partnerState === 'Active' || partnerState === 'FailedOver') && !state.isDown(partner) && !state.databasesDown(partner);
    return takes ? partner : undefined;
  };
  const frontEnds: SkypeFrontEndsDown[] = [];
  for (const c of counted) {
    const { pool, fig, down, runningAmongFirst, keepsQuorum, backEndDown } = c;
    if ((down.length === 0 && !backEndDown) || downBy.get(pool) === 'pool' || downBy.get(pool) === 'site') continue;
    const recovery: string[] = [];
    const routingGroupsAtRisk = keepsQuorum && down.length > fig.tolerableSimultaneousFailures;
    if (routingGroupsAtRisk)
      recovery.push(
        `should a routing group lose its quorum: Reset-CsPoolRegistrarState -PoolFqdn ${powerShellArgument(pool.name)} -ResetType QuorumLossRecovery`,
      );
    if (c.lostTo === 'back-end')
      recovery.push('bring its back end back first: it is the witness of pool-level quorum in a pool with an even number of front ends');
    const runningToStart = keepsQuorum ? null : runningToRestart(fig);
    // Lost with its back end, a pool of two has stopped both front ends, down or not: both start together.
    const stopped = c.lostTo === 'back-end' && pool.frontEnds.length === 2 ? { down: pool.frontEnds, downAmongFirst: pool.frontEnds, runningAmongFirst: 0 } : c;
    const started = runningToStart === null ? null : restart(model, pool, fig, stopped, runningToStart);
    if (started) recovery.push(...started.steps);
    frontEnds.push({
      pool: pool.name,
      down,
      backEndDown,
      withoutBackEnd: c.withoutBackEnd,
      poolFrontEnds: pool.frontEnds.length,
      runningAmongFirst,
      quorumNeeded: fig.quorumNeeded,
      quorumFrom: fig.quorumFrom,
      keepsQuorum,
      routingGroupsAtRisk,
      runningToStart,
      toStart: started?.toStart ?? null,
      recovery,
      backEndEffect: backEndDown && keepsQuorum ? backEndEffect(pool) : null,
      cmsEffect: backEndDown && keepsQuorum ? storeWithoutBackEnd(pool, storeTaker(pool), analysis.storePlaced) : null,
    });
  }

  const poolsDown = model.pools.flatMap((pool, i) => {
    const by = downBy.get(pool);
    return by === undefined ? [] : [poolDown(model, pool, analysis.pools[i]!, partnerOf(pool), by, state)];
  });
  const usersWithoutService = model.pools.filter((p) => !served(p)).map(usersOf);
  // Users without service for want of a pool to serve them, not for a pool down: a PoolState that contradicts the pairing.
  const explained = new Set(poolsDown.flatMap((d) => d.usersWithoutService.map((u) => u.pool)));
  const stranded = model.pools
    .filter((p) => !served(p) && !explained.has(p.name))
    .map((p): SkypeStranded => {
      const partner = partnerOf(p);
      // The same judge as `served`: an Active partner that cannot carry them says why (its back end down, say).
      const why = partner && partner.poolState === 'Active' ? state.cannotTakeOver(partner, p) : null;
      return {
        pool: p.name,
        reason: !partner
          ? `it is ${p.poolState} but has no backup pool to serve its users`
          : why !== null
            ? `it is ${p.poolState} and its backup pool cannot serve its users: ${why}`
            : `it is ${p.poolState} and its backup pool ${partner.name} is ${partner.poolState}, not Active: neither pool serves the other's users`,
      };
    });
  // The overload of a partner that serves a pool's users already is the same whichever name the scenario gives.
  const overCapacity = model.pools.flatMap((p, i): SkypeOverCapacity[] => {
    const partner = partnerOf(p);
    const users = analysis.pools[i]!.usersNow;
    if (!partner || !movedToPartner(partner) || p.maxUsers === undefined || users <= p.maxUsers) return [];
    if (state.cannotTakeOver(p, partner) !== null) return [];
    return [{ pool: p.name, partner: partner.name, partnerState: partner.poolState, users, maxUsers: p.maxUsers }];
  });
  return { scenario: { label, poolsDown, frontEnds, stranded, usersWithoutService, overCapacity }, unknown, ambiguous, ownBackEnd };
}

/**
 * What follows from the pools a scenario has down, for any pool: whether it is down, whether its
 * partner can carry its users, and whether they have service. The one judge of both a whole
 * scenario and one pool down alone (the report's what-if rows).
 */
function scenarioState(
  analysis: SkypeAnalysis,
  downBy: ReadonlyMap<SkypePool, SkypePoolDown['downBy']>,
  backEnds: ReadonlySet<SkypePool> = new Set(),
): ScenarioState {
  const isDown = (p: SkypePool) => downBy.has(p);
  const databasesDown = (p: SkypePool) => backEnds.has(p) && !p.backEndMirrored;
  /**
   * Why a partner cannot carry `pool`'s users, or null when it can: only while it is itself Active and
   * keeps pool-level quorum (FORMAT.md), and, where the users have still to move (the pool not
   * FailedOver), has a back end (or its mirror) to take them.
   */
  const cannotTakeOver = (partner: SkypePool, pool: SkypePool): string | null => {
    const by = downBy.get(partner);
    if (by === 'pool' || by === 'site') return `${partner.name} is down too`;
    if (by === 'front-ends') return `${partner.name} loses pool-level quorum to its front ends down`;
    if (by === 'back-end') return `${partner.name} loses pool-level quorum with its back end down`;
    if (partner.poolState !== 'Active') return `${partner.name} is ${partner.poolState}, not Active`;
    // The failover moves the users, and the Central Management Store's disaster-recovery form names
    // the partner's back-end SQL Server: with that down and no mirror to hold its databases, neither has
    // anywhere to go, although the partner's own front ends keep running. Users of a pool FailedOver
    // are on the partner already: they fare as its own users do (Resiliency mode, back-end.ts).
    if (pool.poolState !== 'FailedOver' && databasesDown(partner))
      return `${partner.name}'s back end is down with no mirror: it has no databases to take the users over`;
    return null;
  };
  /** Whether a pool's users have service: on their own pool while it is Active and up, else through its partner while that carries them (as a pool failed, failing or failing back over always is). */
  const served = (p: SkypePool): boolean => {
    const partner = analysis.partnerOf.get(p);
    return (p.poolState === 'Active' && !isDown(p)) || (partner !== undefined && cannotTakeOver(partner, p) === null);
  };
  return { isDown, databasesDown, cannotTakeOver, served, storePlaced: analysis.storePlaced };
}

/**
 * One pool named down and nothing else, as `simulate --down POOL` gives its pool's line: the same
 * judge as a whole scenario, in work that does not grow with the other pools of the file (the
 * report takes each paired pool down in turn).
 */
export function onePoolDown(model: SkypeModel, analysis: SkypeAnalysis, i: number): SkypePoolDown {
  const pool = model.pools[i]!;
  return poolDown(model, pool, analysis.pools[i]!, analysis.partnerOf.get(pool), 'pool', scenarioState(analysis, new Map([[pool, 'pool' as const]])));
}
