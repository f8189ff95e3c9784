/**
 * `simulate --down` for Skype for Business: a pool down fails over to its partner (Invoke-CsPoolFailOver;
 * SFB-FO, PS-CS): the registrar states it goes through, the users the partner then carries against its
 * maxUsers, and what breaks; front ends down: whether each pool keeps pool-level quorum, counting
 * among "the first" front ends brought up (SFB-HA).
 */
import { nameKey } from '../../../core/model.js';
import { runningToRestart, type SkypeAnalysis, type SkypePoolFigures } from '../analysis/analysis.js';
import { backupProblems, hasRegistrarConfiguration, type PoolState, type SkypeModel, type SkypePool } from '../model/model.js';
import { PooltopoError } from '../../../util/errors.js';
import { closest } from '../../../util/suggest.js';
import type { SimulateRequest } from '../../../core/kind.js';
import type { SkypeModels } from '../results.js';
import { clip, groupThousands } from '../../../core/rule.js';
import { formatSkypeScenarios } from './simulate-format.js';

export { formatSkypeScenarios } from './simulate-format.js';

/** Users left without service: those homed on a pool, wherever they are served now. */
export interface UsersOf {
  readonly pool: string;
  readonly users: number;
}

export interface SkypePoolDown {
  readonly pool: string;
  /**
   * What took it down: the pool named, its site named, or its front ends down costing it
   * pool-level quorum. Either way it is down, and what follows for its users is the same.
   */
  readonly downBy: 'pool' | 'site' | 'front-ends';
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
  /** What to run before the failover, in order: the Central Management Store goes over before the pool (SFB-DR). */
  readonly runFirst: readonly string[];
  /** The cmdlet to run, as it must be run for a pool that is down; null where there is nothing to run. */
  readonly cmdlet: string | null;
  readonly registrarStates: readonly string[];
  readonly partnerUsers: number | null;
  readonly partnerMaxUsers: number | null;
  readonly partnerOverCapacity: boolean;
  /** The pools whose users lose service when the partner cannot take over (the pool's, and its partner's). */
  readonly usersWithoutService: readonly UsersOf[];
  readonly breaks: readonly string[];
}

export interface SkypeFrontEndsDown {
  readonly pool: string;
  readonly down: readonly string[];
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
  /** What brings the pool itself back: its front ends started again, or the QuorumLossRecovery reset. */
  readonly recovery: readonly string[];
}

/** A pool whose users are without service although neither it nor its partner is down: its PoolState leaves no pool to serve them. */
export interface SkypeStranded {
  readonly pool: string;
  readonly reason: string;
}

export interface SkypeScenario {
  readonly label: string;
  /** Each pool down, named or lost to its front ends down, in the file's order. */
  readonly poolsDown: readonly SkypePoolDown[];
  readonly frontEnds: readonly SkypeFrontEndsDown[];
  readonly stranded: readonly SkypeStranded[];
  /** Every pool whose users are without service in the scenario, in the file's order. */
  readonly usersWithoutService: readonly UsersOf[];
}

/** Names of pools and front ends a scenario may use. */
export function skypeNames(model: SkypeModel): string[] {
  return [...model.pools.map((p) => p.name), ...model.pools.flatMap((p) => p.frontEnds)];
}

/** The sites (data centres) of the pools, each once as first spelt. */
export function skypeSites(model: SkypeModel): string[] {
  const sites = model.pools.flatMap((p) => (p.site === undefined ? [] : [p.site]));
  return sites.filter((s, i) => sites.findIndex((x) => nameKey(x) === nameKey(s)) === i);
}

/** A pool that is down is failed over with -DisasterMode: no steady-state backup can be taken from it (FORMAT.md). */
export function failOverCmdlet(pool: string): string {
  return `Invoke-CsPoolFailOver -PoolFqdn ${pool} -DisasterMode`;
}

/**
 * The Central Management Store failed over to the partner's back end, as when its own is down
 * (PS-CS: the disaster-recovery form, run on a server of the pool it goes to). The file does not
 * name the back-end SQL Servers, so their places are marked.
 */
export function cmsFailOverCmdlet(partner: SkypePool): string {
  const mirror = partner.backEndMirrored ? " -BackupMirrorSqlServerFqdn <its mirror> -BackupMirrorSqlInstanceName <the mirror's instance>" : '';
  return `on a front end of ${partner.name}, Invoke-CsManagementServerFailover -BackupSqlServerFqdn <back end of ${partner.name}> -BackupSqlInstanceName <its instance>${mirror} -Force`;
}

export function simulateSkypeDown(
  model: SkypeModel,
  analysis: SkypeAnalysis,
  label: string,
  names: readonly string[],
): { scenario: SkypeScenario; unknown: string[]; ambiguous: string[] } {
  const keys = new Set(names.map(nameKey));
  const servers = new Set(skypeNames(model).map(nameKey));
  const sites = new Set(skypeSites(model).map(nameKey));
  const unknown = names.filter((n) => !servers.has(nameKey(n)) && !sites.has(nameKey(n)));
  // CLI.md: simulate takes servers or data centres; a name that is both cannot say which is down.
  const ambiguous = names.filter((n) => servers.has(nameKey(n)) && sites.has(nameKey(n)));
  const siteDown = (p: SkypePool) => p.site !== undefined && keys.has(nameKey(p.site));
  const counted = model.pools.map((pool, i) => {
    const fig = analysis.pools[i]!;
    const down = pool.frontEnds.filter((fe) => keys.has(nameKey(fe)));
    const runningAmongFirst = pool.frontEnds.slice(0, fig.quorumFrom).filter((fe) => !keys.has(nameKey(fe))).length;
    return { pool, fig, down, runningAmongFirst, keepsQuorum: runningAmongFirst >= fig.quorumNeeded };
  });
  // A pool is down when it is named, or when its front ends down cost it pool-level quorum: from
  // here on the two are one case, so its users fare the same whichever took it down.
  const downBy = new Map<SkypePool, SkypePoolDown['downBy']>();
  for (const { pool, down, keepsQuorum } of counted) {
    if (keys.has(nameKey(pool.name))) downBy.set(pool, 'pool');
    else if (siteDown(pool)) downBy.set(pool, 'site');
    else if (down.length > 0 && !keepsQuorum) downBy.set(pool, 'front-ends');
  }
  const isDown = (p: SkypePool) => downBy.has(p);
  const partnerOf = (p: SkypePool) => analysis.partnerOf.get(p);
  /** Why a partner cannot carry a pool's users, or null when it can: only while it is itself Active and keeps pool-level quorum (FORMAT.md). */
  const cannotTakeOver = (partner: SkypePool): string | null => {
    const by = downBy.get(partner);
    if (by === 'pool') return `${partner.name} is down too`;
    if (by === 'site') return `${partner.name} is down too, with its site ${partner.site ?? ''}`;
    if (by === 'front-ends') return `${partner.name} loses pool-level quorum to its front ends down`;
    if (partner.poolState !== 'Active') return `${partner.name} is ${partner.poolState}, not Active`;
    return null;
  };
  /**
   * Whether a pool's users have service: on their own pool while it is Active and up, else on its
   * partner while that carries them. A pool failed, failing or failing back over is served through
   * its partner, so it has service only as long as the partner carries it.
   */
  const served = (p: SkypePool): boolean => {
    const partner = partnerOf(p);
    return (p.poolState === 'Active' && !isDown(p)) || (partner !== undefined && cannotTakeOver(partner) === null);
  };
  const usersOf = (p: SkypePool): UsersOf => ({ pool: p.name, users: p.users });

  const frontEnds: SkypeFrontEndsDown[] = [];
  for (const { pool, fig, down, runningAmongFirst, keepsQuorum } of counted) {
    if (down.length === 0 || downBy.get(pool) === 'pool' || downBy.get(pool) === 'site') continue;
    const recovery: string[] = [];
    const routingGroupsAtRisk = keepsQuorum && down.length > fig.tolerableSimultaneousFailures;
    if (routingGroupsAtRisk)
      recovery.push(`should a routing group lose its quorum: Reset-CsPoolRegistrarState -PoolFqdn ${pool.name} -ResetType QuorumLossRecovery`);
    const runningToStart = keepsQuorum ? null : runningToRestart(fig);
    if (runningToStart !== null) recovery.push(...restart(model, pool, fig, down, runningToStart));
    frontEnds.push({
      pool: pool.name,
      down,
      poolFrontEnds: pool.frontEnds.length,
      runningAmongFirst,
      quorumNeeded: fig.quorumNeeded,
      quorumFrom: fig.quorumFrom,
      keepsQuorum,
      routingGroupsAtRisk,
      runningToStart,
      recovery,
    });
  }

  const poolsDown = model.pools.flatMap((pool, i) => {
    const by = downBy.get(pool);
    return by === undefined ? [] : [poolDown(model, pool, analysis.pools[i]!, partnerOf(pool), by, { isDown, cannotTakeOver, served })];
  });
  const usersWithoutService = model.pools.filter((p) => !served(p)).map(usersOf);
  // Users without service for want of a pool to serve them, not for a pool down: a PoolState that contradicts the pairing.
  const explained = new Set(poolsDown.flatMap((d) => d.usersWithoutService.map((u) => u.pool)));
  const stranded = model.pools
    .filter((p) => !served(p) && !explained.has(p.name))
    .map((p): SkypeStranded => {
      const partner = partnerOf(p);
      return {
        pool: p.name,
        reason: partner
          ? `it is ${p.poolState} and its backup pool ${partner.name} is ${partner.poolState}, not Active: neither pool serves the other's users`
          : `it is ${p.poolState} but has no backup pool to serve its users`,
      };
    });
  return { scenario: { label, poolsDown, frontEnds, stranded, usersWithoutService }, unknown, ambiguous };
}

/**
 * How a pool that lost pool-level quorum starts again (SFB-HA): its remaining front ends have
 * stopped, so enough of those down must come back for it to start with `runningToStart` running;
 * with fewer, as long as they hold pool-level quorum, the QuorumLossRecovery reset lets it start.
 */
function restart(model: SkypeModel, pool: SkypePool, fig: SkypePoolFigures, down: readonly string[], runningToStart: number): string[] {
  const running = pool.frontEnds.length - down.length;
  const toStart = Math.min(Math.max(runningToStart - running, 1), down.length);
  // Start-CsPool starts every front end of a pool at once; it came with Skype for Business Server 2015.
  const startPool = pool.frontEnds.length > 1 && model.productVersion !== '2013' ? ` (Start-CsPool -PoolFqdn ${pool.name})` : '';
  const reset = `reset the pool before starting it: Reset-CsPoolRegistrarState -PoolFqdn ${pool.name} -ResetType QuorumLossRecovery`;
  if (pool.frontEnds.length === 2)
    return [`start ${down.join(' and ')} together${startPool}, or one after the other in the reverse order they went down`, `if neither can be done, ${reset}`];
  if (pool.frontEnds.length === 1) return [`start ${down.join(', ')} again`];
  const which = toStart === down.length ? down.join(', ') : `at least ${toStart} of ${down.join(', ')}`;
  const steps = [
    `start ${which} again${startPool}: the pool starts with ${runningToStart} of its ${pool.frontEnds.length} front ends running, every time it starts`,
  ];
  // The reset helps where the pool can hold pool-level quorum with fewer than it needs to start.
  if (fig.quorumNeeded < runningToStart) {
    const quorum = `${fig.quorumNeeded} of ${fig.quorumFrom < pool.frontEnds.length ? 'the first ' : ''}${fig.quorumFrom}`;
    steps.push(`if fewer can be started, but ${quorum} run, ${reset}`);
  }
  return steps;
}

/** What a scenario has taken down, and what follows from it for each pool. */
interface ScenarioState {
  /** Named down, or lost pool-level quorum to its front ends down. */
  readonly isDown: (p: SkypePool) => boolean;
  /** Why a partner cannot carry a pool's users, or null when it can. */
  readonly cannotTakeOver: (partner: SkypePool) => string | null;
  /** Whether a pool's users have service. */
  readonly served: (p: SkypePool) => boolean;
}

/**
 * One pool down: its partner takes its users over (with what that breaks), or cannot, and whose
 * users are then without service. The same for a pool named down and one lost to its front ends.
 */
function poolDown(
  model: SkypeModel,
  pool: SkypePool,
  fig: SkypePoolFigures,
  partner: SkypePool | undefined,
  downBy: SkypePoolDown['downBy'],
  { isDown, cannotTakeOver, served }: ScenarioState,
): SkypePoolDown {
  const why = partner ? cannotTakeOver(partner) : null;
  const takesOver = partner !== undefined && why === null;
  const overCapacity = takesOver && partner.maxUsers !== undefined && fig.usersAfterFailover > partner.maxUsers;
  const alreadyFailedOver = pool.poolState === 'FailedOver';
  const breaks: string[] = [];
  const lost = (partner ? [pool, partner] : [pool]).filter((p) => !served(p)).map((p) => ({ pool: p.name, users: p.users }));
  if (!partner) {
    breaks.push(`the pool has no backup pool: its ${groupThousands(pool.users)} users cannot sign in until it is back`);
  } else if (!takesOver) {
    breaks.push(`nowhere to fail over (${why}): ${usersOfBoth(pool, partner, isDown(partner))}`);
  } else {
    if (overCapacity)
      breaks.push(
        `${partner.name} would carry ${groupThousands(fig.usersAfterFailover)} users, more than the ${groupThousands(partner.maxUsers)} it is sized for`,
      );
    if (!alreadyFailedOver) {
      if (model.registrarSettingsCustomized && !hasRegistrarConfiguration(pool))
        breaks.push('the registrar configuration is created on the fly with default settings: the customised global settings are lost');
      for (const p of [pool, partner]) {
        for (const { module, status } of backupProblems(p)) {
          breaks.push(
            `${p.name}'s backup service${module === null ? '' : ` module ${module}`} is at export ${status.exportStatus ?? 'unknown'} / import ${status.importStatus ?? 'unknown'}: data not yet synchronised may be lost`,
          );
        }
      }
    }
  }
  // A step of the failover, not a failure: done first, it loses nothing (SFB-DR).
  const runFirst = takesOver && !alreadyFailedOver && pool.centralManagementStore ? [cmsFailOverCmdlet(partner)] : [];
  return {
    pool: pool.name,
    downBy,
    partner: partner?.name ?? null,
    partnerState: partner?.poolState ?? null,
    partnerDown: partner !== undefined && isDown(partner),
    partnerTakesOver: takesOver,
    runFirst,
    cmdlet: takesOver && !alreadyFailedOver ? failOverCmdlet(pool.name) : null,
    registrarStates: takesOver ? registrarStates(pool.poolState) : [pool.poolState],
    partnerUsers: takesOver ? fig.usersAfterFailover : null,
    partnerMaxUsers: takesOver ? (partner.maxUsers ?? null) : null,
    partnerOverCapacity: overCapacity,
    usersWithoutService: lost,
    breaks,
  };
}

/** `its 1,200 users and the 900 of lyncfe04.thelab.info, which it serves since that pool failed over, are without service until it is back`. */
function usersOfBoth(pool: SkypePool, partner: SkypePool, partnerDown: boolean): string {
  const both = `its ${groupThousands(pool.users)} users and the ${groupThousands(partner.users)} of ${partner.name}`;
  if (partnerDown) return `${both} are without service until one of the two pools is back`;
  const how = partner.poolState === 'FailingBack' ? 'failing back from it' : 'which it serves since that pool failed over';
  return `${both}, ${how}, are without service until it is back`;
}

/**
 * The registrar PoolState from where the pool is now (DOMAIN.md: SFB-FO): Active, FailingOver,
 * FailedOver, then on failback FailingBack and Active. A pool failing over already goes on from
 * there, one failed over already only has failback ahead, and one failing back fails over again.
 */
function registrarStates(now: PoolState): string[] {
  const failback = ['(after Invoke-CsPoolFailBack) FailingBack', 'Active'];
  if (now === 'FailedOver') return [now, ...failback];
  if (now === 'FailingOver') return [now, 'FailedOver', ...failback];
  return [now, 'FailingOver', 'FailedOver', ...failback];
}

/** Whether a scenario leaves users without service or a failover that breaks something. */
export function scenarioFails(s: SkypeScenario): boolean {
  return s.usersWithoutService.length > 0 || s.poolsDown.some((p) => p.breaks.length > 0);
}

/** `simulate` for this kind (the plug-in loads this module only then). */
export async function simulateCommand(models: Partial<SkypeModels>, request: SimulateRequest): Promise<{ text: string; exitCode: number }> {
  if (request.events.length > 0 || request.partitions.length > 0)
    throw new PooltopoError('for kind skype-pool-pair, simulate takes --down POOL|FRONT-END|SITE[,...]');
  if (request.downs.length === 0) throw new PooltopoError('simulate needs --down POOL|FRONT-END|SITE[,...] for kind skype-pool-pair');
  const { model, analysis } = models.skype!;
  const scenarios = request.downs.map((list) => {
    const names = namesOf(list);
    // A list of nothing is bad usage (CLI.md: exit 2), not a scenario in which nothing is down.
    if (names.length === 0) throw new PooltopoError('--down names no pool, front end or site; give at least one: --down POOL|FRONT-END|SITE[,...]');
    const { scenario, unknown, ambiguous } = simulateSkypeDown(model, analysis, `${names.join(', ')} down`, names);
    if (ambiguous.length > 0)
      throw new PooltopoError(
        `"${clip(ambiguous[0]!)}" is both a site and a pool or front end of ${request.file}: rename one so that a scenario can tell which is down`,
      );
    if (unknown.length > 0) {
      const near = closest(unknown[0]!, [...skypeNames(model), ...skypeSites(model)], 3);
      throw new PooltopoError(
        `"${clip(unknown[0]!)}" is not a pool, front end or site of ${request.file}${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`,
      );
    }
    return scenario;
  });
  return {
    text: formatSkypeScenarios(
      request.file,
      scenarios,
      request.format,
      request.color,
      model.pools.map((p) => p.name),
    ),
    exitCode: scenarios.some(scenarioFails) ? 1 : 0,
  };
}

/** The names of one --down, each once as first spelt (`a,,A` is `a`). */
function namesOf(list: string): string[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  return names.filter((n, i) => names.findIndex((m) => nameKey(m) === nameKey(n)) === i);
}
