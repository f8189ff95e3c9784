/**
 * `simulate --down` for Skype for Business: a pool down fails over to its partner (Invoke-CsPoolFailOver,
 * seed 003): the registrar states it goes through, the users the partner then carries against its
 * maxUsers, and what breaks; front ends down: whether each pool keeps pool-level quorum, counting
 * among "the first" front ends brought up (SFB-HA).
 */
import { nameKey } from '../scom/model/types.js';
import type { SkypeAnalysis } from './analysis.js';
import { backupReady, type PoolState, type SkypeModel, type SkypePool } from './model.js';
import { escapeForTerminal as t } from '../../formatters/text.js';
import { PooltopoError } from '../../errors.js';
import { closest } from '../../util/suggest.js';
import type { KindModels, SimulateRequest } from '../types.js';
import { groupThousands } from '../../rules/types.js';

export interface SkypePoolDown {
  readonly pool: string;
  readonly partner: string | null;
  /** The partner is down in the same scenario: there is no failover, and no state change. */
  readonly partnerDown: boolean;
  readonly registrarStates: readonly string[];
  readonly partnerUsers: number | null;
  readonly partnerMaxUsers: number | null;
  readonly partnerOverCapacity: boolean;
  readonly breaks: readonly string[];
}

export interface SkypeFrontEndsDown {
  readonly pool: string;
  readonly down: readonly string[];
  /** Front ends running among the first `quorumFrom` brought up. */
  readonly runningAmongFirst: number;
  readonly quorumNeeded: number;
  readonly quorumFrom: number;
  readonly keepsQuorum: boolean;
}

export interface SkypeScenario {
  readonly label: string;
  readonly poolsDown: readonly SkypePoolDown[];
  readonly frontEnds: readonly SkypeFrontEndsDown[];
}

/** Names of pools and front ends a scenario may use. */
export function skypeNames(model: SkypeModel): string[] {
  return [...model.pools.map((p) => p.name), ...model.pools.flatMap((p) => p.frontEnds)];
}

export function simulateSkypeDown(model: SkypeModel, analysis: SkypeAnalysis, label: string, names: readonly string[]): { scenario: SkypeScenario; unknown: string[] } {
  const keys = new Set(names.map(nameKey));
  const known = new Set(skypeNames(model).map(nameKey));
  const unknown = names.filter((n) => !known.has(nameKey(n)));
  const poolsDown: SkypePoolDown[] = [];
  // Front ends down first: a pool that loses pool-level quorum to them is as good as down for a
  // failover to it.
  const frontEnds: SkypeFrontEndsDown[] = [];
  const quorumLost = new Set<SkypePool>();
  model.pools.forEach((pool, i) => {
    const fig = analysis.pools[i]!;
    const down = pool.frontEnds.filter((fe) => keys.has(nameKey(fe)));
    if (down.length === 0) return;
    const first = pool.frontEnds.slice(0, fig.quorumFrom);
    const runningAmongFirst = first.filter((fe) => !keys.has(nameKey(fe))).length;
    const keepsQuorum = runningAmongFirst >= fig.quorumNeeded;
    frontEnds.push({ pool: pool.name, down, runningAmongFirst, quorumNeeded: fig.quorumNeeded, quorumFrom: fig.quorumFrom, keepsQuorum });
    if (!keepsQuorum) quorumLost.add(pool);
  });
  model.pools.forEach((pool, i) => {
    const fig = analysis.pools[i]!;
    if (keys.has(nameKey(pool.name))) {
      const partner = analysis.partnerOf.get(pool);
      const partnerDown = partner !== undefined && (keys.has(nameKey(partner.name)) || quorumLost.has(partner));
      // With its partner down too the pool fails over nowhere: what the partner would carry is moot.
      const failsOver = partner !== undefined && !partnerDown;
      const overCapacity = failsOver && partner.maxUsers !== undefined && fig.usersAfterFailover > partner.maxUsers;
      const breaks: string[] = [];
      if (!partner) breaks.push('the pool has no backup pool: its users cannot sign in until it is back');
      else if (partnerDown) {
        const why = keys.has(nameKey(partner.name)) ? 'is down too' : 'loses pool-level quorum to its front ends down';
        breaks.push(`nowhere to fail over (${partner.name} ${why}): its users cannot sign in until one of the two pools is back`);
      }
      else {
        if (overCapacity) breaks.push(`${partner.name} would carry ${groupThousands(fig.usersAfterFailover)} users, more than the ${groupThousands(partner.maxUsers)} it is sized for`);
        if (model.registrarSettingsCustomized && !pool.registrarConfiguration) breaks.push('the registrar configuration is created on the fly with default settings: the customised global settings are lost');
        for (const p of [pool, partner]) {
          const b = p.backupService;
          if (b && !backupReady(b)) breaks.push(`${p.name}'s backup service is at export ${b.exportStatus ?? 'unknown'} / import ${b.importStatus ?? 'unknown'}: data not yet synchronised may be lost`);
        }
        if (pool.centralManagementStore) breaks.push('it hosts the Central Management Store: fail the CMS over to the partner first');
      }
      poolsDown.push({
        pool: pool.name,
        partner: partner?.name ?? null,
        partnerDown,
        registrarStates: failsOver ? registrarStates(pool.poolState) : [pool.poolState],
        partnerUsers: failsOver ? fig.usersAfterFailover : null,
        partnerMaxUsers: failsOver ? partner.maxUsers ?? null : null,
        partnerOverCapacity: overCapacity,
        breaks,
      });
    }
  });
  return { scenario: { label, poolsDown, frontEnds }, unknown };
}

/**
 * The registrar PoolState from where the pool is now (DOMAIN.md, seed 003): Active, FailingOver,
 * FailedOver, then on failback FailingBack and Active. A pool failing over already goes on from
 * there, one failed over already only has failback ahead, and one failing back fails over again.
 */
function registrarStates(now: PoolState): string[] {
  const failback = ['(after Invoke-CsPoolFailBack) FailingBack', 'Active'];
  if (now === 'FailedOver') return [now, ...failback];
  if (now === 'FailingOver') return [now, 'FailedOver', ...failback];
  return [now, 'FailingOver', 'FailedOver', ...failback];
}

/** The scenarios as text (stylish) or JSON. */
export function formatSkypeScenarios(file: string, scenarios: readonly SkypeScenario[], format: 'stylish' | 'json'): string {
  if (format === 'json') return JSON.stringify({ version: 1, file, scenarios }, null, 2) + '\n';
  const out: string[] = [];
  for (const s of scenarios) {
    out.push(`${t(file)}: ${t(s.label)}`);
    for (const p of s.poolsDown) {
      if (p.partner === null) out.push(`  pool ${t(p.pool)} is down and has no backup pool`);
      else if (p.partnerDown) out.push(`  pool ${t(p.pool)} is down, and its backup pool ${t(p.partner)} cannot take it over`);
      else {
        const how = p.registrarStates[0] === 'FailedOver' ? 'has already failed over to' : 'fails over to';
        out.push(`  pool ${t(p.pool)} ${how} ${t(p.partner)}${how === 'fails over to' ? ' (Invoke-CsPoolFailOver)' : ''}: registrar PoolState ${p.registrarStates.map(t).join(' -> ')}`);
        out.push(`    ${t(p.partner)} then carries ${groupThousands(p.partnerUsers ?? 0)} users${p.partnerMaxUsers !== null ? ` of the ${groupThousands(p.partnerMaxUsers)} it is sized for${p.partnerOverCapacity ? ': OVER' : ''}` : ''}`);
      }
      for (const b of p.breaks) out.push(`    breaks: ${t(b)}`);
    }
    for (const f of s.frontEnds) {
      out.push(`  pool ${t(f.pool)}: ${f.down.map(t).join(', ')} down; ${f.runningAmongFirst} of the first ${f.quorumFrom} running, ${f.quorumNeeded} needed: ${f.keepsQuorum ? 'keeps pool-level quorum' : 'LOSES pool-level quorum'}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** `simulate` for this kind (the plug-in loads this module only then). */
export async function simulateCommand(models: KindModels, request: SimulateRequest): Promise<{ text: string; exitCode: number }> {
  if (request.events.length > 0 || request.partitions.length > 0) throw new PooltopoError('for kind skype-pool-pair, simulate takes --down POOL|FRONT-END[,...]');
  if (request.downs.length === 0) throw new PooltopoError('simulate needs --down POOL|FRONT-END[,...] for kind skype-pool-pair');
  const { model, analysis } = models.skype!;
  const scenarios = request.downs.map((list) => {
    const names = list.split(',').map((n) => n.trim()).filter((n) => n.length > 0);
    const { scenario, unknown } = simulateSkypeDown(model, analysis, `${names.join(', ')} down`, names);
    if (unknown.length > 0) {
      const near = closest(unknown[0]!, skypeNames(model), 3);
      throw new PooltopoError(`"${unknown[0]}" is not a pool or front end of ${request.file}${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
    }
    return scenario;
  });
  const stops = scenarios.some((s) => s.poolsDown.some((p) => p.partner === null || p.breaks.length > 0) || s.frontEnds.some((f) => !f.keepsQuorum));
  return { text: formatSkypeScenarios(request.file, scenarios, request.format), exitCode: stops ? 1 : 0 };
}
