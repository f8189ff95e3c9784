/**
 * One pool down (SFB-FO, SFB-DR, SFB-FOP, PS-CS): the failover to its partner with the cmdlets as they must
 * be run and what it breaks, or why there is none; and how a pool that lost quorum starts again (SFB-HA).
 */
import { groupThousands } from '../../../core/rule.js';
import type { SkypePoolFigures } from './analysis.js';
import { backupProblems, hasRegistrarConfiguration, movedToPartner, type PoolState, type SkypeModel, type SkypePool } from '../model/model.js';
import type { SkypePoolDown } from './failover.js';
import { cmsFailOver, cmsFailOverUnplaced, type Step } from './cms.js';
import { powerShellArgument } from '../../../util/powershell.js';

/** A pool that is down is failed over with -DisasterMode: no steady-state backup can be taken from it (FORMAT.md). */
export function failOverCmdlet(pool: string): string {
  return `Invoke-CsPoolFailOver -PoolFqdn ${powerShellArgument(pool)} -DisasterMode`;
}

/** What a scenario has taken down, and what follows from it for each pool. */
export interface ScenarioState {
  /** Named down, with its site, or lost pool-level quorum to its front ends or back end down. */
  readonly isDown: (p: SkypePool) => boolean;
  /** Its back end named down (`POOL/back-end`) with no mirror to hold its databases: none to take users or the store. */
  readonly databasesDown: (p: SkypePool) => boolean;
  /** Why a partner cannot carry `pool`'s users, or null when it can. */
  readonly cannotTakeOver: (partner: SkypePool, pool: SkypePool) => string | null;
  /** Whether a pool's users have service. */
  readonly served: (p: SkypePool) => boolean;
  /** Some pool declares the Central Management Store (SkypeAnalysis). */
  readonly storePlaced: boolean;
}

/** A pool's front ends down, as the scenario counted them for pool-level quorum (failover.ts). */
export interface FrontEndsCounted {
  readonly down: readonly string[];
  /** Those of `down` among "the first" `quorumFrom` brought up. */
  readonly downAmongFirst: readonly string[];
  /** Front ends running among "the first" `quorumFrom`. */
  readonly runningAmongFirst: number;
}

/**
 * The front ends down that must start again for a pool that lost pool-level quorum to start: at
 * least `count` of `of`, and at least `amongFirst` of those from `first`.
 */
export interface ToStart {
  readonly count: number;
  readonly of: readonly string[];
  readonly amongFirst: number;
  readonly first: readonly string[];
}

/**
 * How a pool that lost pool-level quorum starts again (SFB-HA): its remaining front ends have
 * stopped, so enough of those down must come back for it to start with `runningToStart` running,
 * and enough of them among "the first" for the pool-level quorum it then needs, counted as the
 * scenario counted it; with fewer, as long as they hold pool-level quorum, the QuorumLossRecovery
 * reset lets it start.
 */
export function restart(
  model: SkypeModel,
  pool: SkypePool,
  fig: SkypePoolFigures,
  { down, downAmongFirst, runningAmongFirst }: FrontEndsCounted,
  runningToStart: number,
): { readonly toStart: ToStart; readonly steps: string[] } {
  const running = pool.frontEnds.length - down.length;
  // Pool-level quorum needs this many more among the first; the start figure, this many more in all.
  const amongFirst = Math.max(fig.quorumNeeded - runningAmongFirst, 0);
  const count = Math.min(Math.max(runningToStart - running, amongFirst, 1), down.length);
  const toStart: ToStart = { count, of: down, amongFirst, first: downAmongFirst };
  // Start-CsPool starts every front end of a pool at once; it came with Skype for Business Server 2015.
  const startPool = pool.frontEnds.length > 1 && model.productVersion !== '2013' ? ` (Start-CsPool -PoolFqdn ${powerShellArgument(pool.name)})` : '';
  const reset = `reset the pool before starting it: Reset-CsPoolRegistrarState -PoolFqdn ${powerShellArgument(pool.name)} -ResetType QuorumLossRecovery`;
  if (pool.frontEnds.length === 2)
    return {
      toStart,
      steps: [
        `start ${down.join(' and ')} together${startPool}, or one after the other in the reverse order they went down`,
        `if neither can be done, ${reset}`,
      ],
    };
  if (pool.frontEnds.length === 1) return { toStart, steps: [`start ${down.join(', ')} again`] };
  const which = count === down.length ? down.join(', ') : `at least ${count} of ${down.join(', ')}`;
  // Where some of those down are not among the first (which pool-level quorum counts), which ones start matters: name those that count.
  const including =
    count < down.length && downAmongFirst.length < down.length
      ? `, ${amongFirst === downAmongFirst.length ? downAmongFirst.join(', ') : `at least ${amongFirst} of ${downAmongFirst.join(', ')}`} among them (pool-level quorum needs ${fig.quorumNeeded} of the first ${fig.quorumFrom} brought up${runningAmongFirst > 0 ? `, of which ${runningAmongFirst} are not down` : ''})`
      : '';
  const steps = [
    `start ${which} again${startPool}${including}: the pool starts with ${runningToStart} of its ${pool.frontEnds.length} front ends running, every time it starts`,
  ];
  // The reset helps where the pool can hold pool-level quorum with fewer than it needs to start.
  if (fig.quorumNeeded < runningToStart) {
    const quorum = `${fig.quorumNeeded} of ${fig.quorumFrom < pool.frontEnds.length ? 'the first ' : ''}${fig.quorumFrom}`;
    steps.push(`if fewer can be started, but ${quorum} run, ${reset}`);
  }
  return { toStart, steps };
}

/**
 * One pool down, however it went down: its partner takes its users over (with what that breaks) or
 * cannot, and whose users are then without service.
 */
export function poolDown(
  model: SkypeModel,
  pool: SkypePool,
  fig: SkypePoolFigures,
  partner: SkypePool | undefined,
  downBy: SkypePoolDown['downBy'],
  { isDown, databasesDown, cannotTakeOver, served, storePlaced }: ScenarioState,
): SkypePoolDown {
  const why = partner ? cannotTakeOver(partner, pool) : null;
  const takesOver = partner !== undefined && why === null;
  const overCapacity = takesOver && partner.maxUsers !== undefined && fig.usersAfterFailover > partner.maxUsers;
  const alreadyFailedOver = pool.poolState === 'FailedOver';
  const breaks: string[] = [];
  const lost = (partner ? [pool, partner] : [pool]).filter((p) => !served(p)).map((p) => ({ pool: p.name, users: p.users }));
  if (!partner) {
    breaks.push(`the pool has no backup pool: its ${groupThousands(pool.users)} users cannot sign in until it is back`);
  } else if (!takesOver) {
    breaks.push(`nowhere to fail over (${why}): ${usersOfBoth(pool, partner, isDown(partner), failBackWithout(pool, partner, isDown))}`);
  } else {
    // A partner that has this pool's users already is over its sizing before the scenario: the scenario's overCapacity says so, in every scenario.
    if (overCapacity && !movedToPartner(pool))
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
  // A step of the failover, not a failure: done first, it loses nothing (SFB-DR). A pool whose users
  // failed over already still hosts the store while the file says so: down, it takes the store with it.
  const storeDown = storeUnavailable(pool, downBy, databasesDown(pool));
  // Where no pool declares the store, this one may host it: find it first rather than say nothing.
  const store = (to: SkypePool): Step[] =>
    pool.centralManagementStore ? cmsFailOver(pool, to, storeDown) : storePlaced ? [] : cmsFailOverUnplaced(pool, to, storeDown);
  const runFirst = takesOver ? store(partner) : [];
  // Without a takeover, what brings both pools' users back while this one is down, where something can.
  const restore = partner && failBackWithout(pool, partner, isDown) ? restoreWithout(pool, partner, store(partner)) : [];
  const steps = [...runFirst, ...restore];
  return {
    pool: pool.name,
    downBy,
    partner: partner?.name ?? null,
    partnerState: partner?.poolState ?? null,
    partnerDown: partner !== undefined && isDown(partner),
    partnerTakesOver: takesOver,
    runFirst: runFirst.map((step) => step.run),
    restoreBy: restore.map((step) => step.run),
    fillIn: steps.flatMap((step) => (step.fillIn === null ? [] : [step.fillIn])),
    cmdlet: takesOver && !alreadyFailedOver ? failOverCmdlet(pool.name) : null,
    registrarStates: takesOver ? registrarStates(pool.poolState) : [pool.poolState],
    partnerUsers: takesOver ? fig.usersAfterFailover : null,
    partnerMaxUsers: takesOver ? (partner.maxUsers ?? null) : null,
    partnerOverCapacity: overCapacity,
    usersWithoutService: lost,
    breaks,
  };
}

/**
 * Whether the partner, which this pool serves (FailedOver onto it, or failing back from it), can be
 * failed back while this pool is down: Invoke-CsPoolFailBack -DisasterMode fails a pool back "even if
 * the backup pool is currently unavailable", losing the data its users made there (PS-CS). It must be
 * up itself, and this pool Active (both not Active is a state no failover leaves: skype/pool-not-active).
 */
function failBackWithout(pool: SkypePool, partner: SkypePool, isDown: (p: SkypePool) => boolean): boolean {
  return pool.poolState === 'Active' && (partner.poolState === 'FailedOver' || partner.poolState === 'FailingBack') && !isDown(partner);
}

/**
 * Whether the scenario took the store's back end down, as far as the design knows: the pool named
 * down or its site (everything in it), a Standard Edition server down, which holds its own back-end
 * databases, or the back end named down without a mirror to hold the store; front ends down that
 * cost an Enterprise pool its quorum leave its back end up, and a mirror may hold the store while
 * the primary is down (the check first tells).
 */
function storeUnavailable(pool: SkypePool, downBy: SkypePoolDown['downBy'], databasesDown: boolean): boolean {
  return downBy === 'pool' || downBy === 'site' || pool.edition === 'standard' || databasesDown;
}

/**
 * The partner failed back in disaster mode, then this pool failed over to it, Active again (with the
 * Central Management Store's steps, `store`, first, SFB-DR).
 */
function restoreWithout(pool: SkypePool, partner: SkypePool, store: readonly Step[]): Step[] {
  return [
    ...store,
    { run: `Invoke-CsPoolFailBack -PoolFqdn ${powerShellArgument(partner.name)} -DisasterMode`, fillIn: null },
    { run: failOverCmdlet(pool.name), fillIn: null },
  ];
}

/** `its 1,200 users and the 900 of lyncfe04.thelab.info, which it serves since that pool failed over, are without service until it is back, or ...`. */
function usersOfBoth(pool: SkypePool, partner: SkypePool, partnerDown: boolean, canFailBack: boolean): string {
  const both = `its ${groupThousands(pool.users)} users and the ${groupThousands(partner.users)} of ${partner.name}`;
  if (partnerDown) return `${both} are without service until one of the two pools is back`;
  // Active and up, it serves its own users; only its back end keeps it from taking this pool's.
  if (partner.poolState === 'Active') return `its ${groupThousands(pool.users)} users are without service until it is back, or ${partner.name}'s back end is`;
  // FailingOver: a failover onto this pool under way or stopped half-way, not one that has happened.
  const how =
    partner.poolState === 'FailingBack'
      ? 'failing back from it'
      : partner.poolState === 'FailingOver'
        ? 'failing over to it'
        : 'which it serves since that pool failed over';
  const or = canFailBack
    ? `, or until ${partner.name}, which is up, is failed back without it in disaster mode (the data its users made on ${pool.name} is lost) and ${pool.name} failed over to it`
    : '';
  return `${both}, ${how}, are without service until it is back${or}`;
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
