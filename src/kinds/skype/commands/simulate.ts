/**
 * `simulate --down` for Skype for Business: a pool down fails over to its partner (Invoke-CsPoolFailOver;
 * SFB-FO, PS-CS): the registrar states it goes through, the users the partner then carries against its
 * maxUsers, and what breaks; front ends down: whether each pool keeps pool-level quorum, counting
 * among "the first" front ends brought up (SFB-HA).
 */
import { nameKey } from '../../../core/model.js';
import type { SkypeAnalysis } from '../analysis/analysis.js';
import { backupProblems, type PoolState, type SkypeModel, type SkypePool } from '../model/model.js';
import { PooltopoError } from '../../../util/errors.js';
import { closest } from '../../../util/suggest.js';
import type { SimulateRequest } from '../../../core/kind.js';
import type { SkypeModels } from '../results.js';
import { groupThousands } from '../../../core/rule.js';
import { formatSkypeScenarios } from './simulate-format.js';

export { formatSkypeScenarios } from './simulate-format.js';

/** Users left without service: those homed on a pool, wherever they are served now. */
export interface UsersOf {
  readonly pool: string;
  readonly users: number;
}

export interface SkypePoolDown {
  readonly pool: string;
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
  /** What brings the pool back: the QuorumLossRecovery reset, or failing it over. */
  readonly recovery: readonly string[];
}

export interface SkypeScenario {
  readonly label: string;
  readonly poolsDown: readonly SkypePoolDown[];
  readonly frontEnds: readonly SkypeFrontEndsDown[];
  /** Every pool whose users are without service in the scenario, in the file's order. */
  readonly usersWithoutService: readonly UsersOf[];
}

/** Names of pools and front ends a scenario may use. */
export function skypeNames(model: SkypeModel): string[] {
  return [...model.pools.map((p) => p.name), ...model.pools.flatMap((p) => p.frontEnds)];
}

/** A pool that is down is failed over with -DisasterMode: no steady-state backup can be taken from it (FORMAT.md). */
export function failOverCmdlet(pool: string): string {
  return `Invoke-CsPoolFailOver -PoolFqdn ${pool} -DisasterMode`;
}

export function simulateSkypeDown(
  model: SkypeModel,
  analysis: SkypeAnalysis,
  label: string,
  names: readonly string[],
): { scenario: SkypeScenario; unknown: string[] } {
  const keys = new Set(names.map(nameKey));
  const known = new Set(skypeNames(model).map(nameKey));
  const unknown = names.filter((n) => !known.has(nameKey(n)));
  // Front ends down first: a pool that loses pool-level quorum to them is as good as down for a
  // failover to it.
  const quorumLost = new Set<SkypePool>();
  const counted = model.pools.map((pool, i) => {
    const fig = analysis.pools[i]!;
    const down = pool.frontEnds.filter((fe) => keys.has(nameKey(fe)));
    const runningAmongFirst = pool.frontEnds.slice(0, fig.quorumFrom).filter((fe) => !keys.has(nameKey(fe))).length;
    const keepsQuorum = runningAmongFirst >= fig.quorumNeeded;
    if (down.length > 0 && !keepsQuorum) quorumLost.add(pool);
    return { pool, fig, down, runningAmongFirst, keepsQuorum };
  });
  const isDown = (p: SkypePool) => keys.has(nameKey(p.name)) || quorumLost.has(p);
  /** Why a partner cannot carry a pool's users, or null when it can. */
  const cannotTakeOver = (partner: SkypePool): string | null => {
    if (keys.has(nameKey(partner.name))) return `${partner.name} is down too`;
    if (quorumLost.has(partner)) return `${partner.name} loses pool-level quorum to its front ends down`;
    if (partner.poolState !== 'Active') return `${partner.name} is ${partner.poolState}, not Active`;
    return null;
  };

  const frontEnds: SkypeFrontEndsDown[] = [];
  for (const { pool, fig, down, runningAmongFirst, keepsQuorum } of counted) {
    if (down.length === 0 || keys.has(nameKey(pool.name))) continue;
    const recovery: string[] = [];
    const routingGroupsAtRisk = keepsQuorum && down.length > fig.tolerableSimultaneousFailures;
    if (routingGroupsAtRisk)
      recovery.push(`should a routing group lose its quorum: Reset-CsPoolRegistrarState -PoolFqdn ${pool.name} -ResetType QuorumLossRecovery`);
    if (!keepsQuorum) {
      const partner = analysis.partnerOf.get(pool);
      const why = partner ? cannotTakeOver(partner) : 'it has no backup pool';
      const downFirst = pool.frontEnds.slice(0, fig.quorumFrom).filter((fe) => keys.has(nameKey(fe)));
      const need = fig.quorumNeeded - runningAmongFirst;
      recovery.push(`start ${need === downFirst.length ? '' : `${need} of `}${downFirst.join(', ')} again`);
      if (partner && pool.poolState === 'FailedOver') recovery.push(`its users are served by ${partner.name} already (FailedOver)`);
      else if (partner && why === null) recovery.push(`or fail its users over to ${partner.name}: ${failOverCmdlet(pool.name)}`);
      else recovery.push(`no failover: ${why}`);
    }
    frontEnds.push({
      pool: pool.name,
      down,
      poolFrontEnds: pool.frontEnds.length,
      runningAmongFirst,
      quorumNeeded: fig.quorumNeeded,
      quorumFrom: fig.quorumFrom,
      keepsQuorum,
      routingGroupsAtRisk,
      recovery,
    });
  }

  const poolsDown: SkypePoolDown[] = [];
  model.pools.forEach((pool, i) => {
    if (!keys.has(nameKey(pool.name))) return;
    const fig = analysis.pools[i]!;
    const partner = analysis.partnerOf.get(pool);
    const why = partner ? cannotTakeOver(partner) : null;
    const takesOver = partner !== undefined && why === null;
    const overCapacity = takesOver && partner.maxUsers !== undefined && fig.usersAfterFailover > partner.maxUsers;
    const alreadyFailedOver = pool.poolState === 'FailedOver';
    const breaks: string[] = [];
    const lost: UsersOf[] = [];
    if (!partner) {
      lost.push({ pool: pool.name, users: pool.users });
      breaks.push(`the pool has no backup pool: its ${groupThousands(pool.users)} users cannot sign in until it is back`);
    } else if (!takesOver) {
      lost.push({ pool: pool.name, users: pool.users }, { pool: partner.name, users: partner.users });
      breaks.push(`nowhere to fail over (${why}): ${usersOfBoth(pool, partner, isDown(partner))}`);
    } else {
      if (overCapacity)
        breaks.push(
          `${partner.name} would carry ${groupThousands(fig.usersAfterFailover)} users, more than the ${groupThousands(partner.maxUsers)} it is sized for`,
        );
      if (!alreadyFailedOver) {
        if (model.registrarSettingsCustomized && !pool.registrarConfiguration)
          breaks.push('the registrar configuration is created on the fly with default settings: the customised global settings are lost');
        for (const p of [pool, partner]) {
          for (const { module, status } of backupProblems(p)) {
            breaks.push(
              `${p.name}'s backup service${module === null ? '' : ` module ${module}`} is at export ${status.exportStatus ?? 'unknown'} / import ${status.importStatus ?? 'unknown'}: data not yet synchronised may be lost`,
            );
          }
        }
        if (pool.centralManagementStore) breaks.push('it hosts the Central Management Store: fail the CMS over to the partner first');
      }
    }
    poolsDown.push({
      pool: pool.name,
      partner: partner?.name ?? null,
      partnerState: partner?.poolState ?? null,
      partnerDown: partner !== undefined && isDown(partner),
      partnerTakesOver: takesOver,
      cmdlet: takesOver && !alreadyFailedOver ? failOverCmdlet(pool.name) : null,
      registrarStates: takesOver ? registrarStates(pool.poolState) : [pool.poolState],
      partnerUsers: takesOver ? fig.usersAfterFailover : null,
      partnerMaxUsers: takesOver ? (partner.maxUsers ?? null) : null,
      partnerOverCapacity: overCapacity,
      usersWithoutService: lost,
      breaks,
    });
  });
  const without = new Map<string, UsersOf>();
  for (const d of poolsDown) for (const u of d.usersWithoutService) without.set(u.pool, u);
  // A pool already failed over is served by its partner: losing its own quorum costs its users nothing.
  for (const { pool, down, keepsQuorum } of counted) {
    if (down.length > 0 && !keepsQuorum && pool.poolState !== 'FailedOver') without.set(pool.name, { pool: pool.name, users: pool.users });
  }
  // A pool failed (or failing) over is served by its partner: it loses service with it.
  for (const p of model.pools) {
    const partner = analysis.partnerOf.get(p);
    if ((p.poolState === 'FailedOver' || p.poolState === 'FailingOver') && partner && without.has(partner.name))
      without.set(p.name, { pool: p.name, users: p.users });
  }
  const usersWithoutService = model.pools.filter((p) => without.has(p.name)).map((p) => without.get(p.name)!);
  return { scenario: { label, poolsDown, frontEnds, usersWithoutService }, unknown };
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
    throw new PooltopoError('for kind skype-pool-pair, simulate takes --down POOL|FRONT-END[,...]');
  if (request.downs.length === 0) throw new PooltopoError('simulate needs --down POOL|FRONT-END[,...] for kind skype-pool-pair');
  const { model, analysis } = models.skype!;
  const scenarios = request.downs.map((list) => {
    const names = namesOf(list);
    // A list of nothing is bad usage (CLI.md: exit 2), not a scenario in which nothing is down.
    if (names.length === 0) throw new PooltopoError('--down names no pool or front end; give at least one: --down POOL|FRONT-END[,...]');
    const { scenario, unknown } = simulateSkypeDown(model, analysis, `${names.join(', ')} down`, names);
    if (unknown.length > 0) {
      const near = closest(unknown[0]!, skypeNames(model), 3);
      throw new PooltopoError(
        `"${unknown[0]}" is not a pool or front end of ${request.file}${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`,
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
