/** The figures `diff` compares for a SCOM management group: each pool's, and the group's own. */
import {
  availabilityJudge,
  fewerIsBetter,
  higherIsBetter,
  sameNames,
  sameProbability,
  specFigures,
  worksIsBetter,
  type Figure,
  type FigureSpec,
  type Inventory,
} from '../../core/figures.js';
import type { AvailabilityResult, PoolResult, ScomFileResult, ScomModels } from './results.js';

function availabilityOf(a: AvailabilityResult | undefined): number | null {
  return a === undefined ? null : a.probability;
}

const POOL: readonly FigureSpec<PoolResult>[] = [
  { key: 'members', get: (p) => p.members, same: sameNames },
  { key: 'observers', get: (p) => p.observers, same: sameNames },
  { key: 'defaultObserver', get: (p) => (p.defaultObserver.enabled ? (p.defaultObserver.participates ? 'participates' : 'enabled') : 'disabled') },
  { key: 'votingMembers', get: (p) => p.votingMembers },
  { key: 'votesNeeded', get: (p) => p.votesNeeded },
  { key: 'tolerableFailures', get: (p) => p.tolerableFailures, judge: higherIsBetter },
  { key: 'availability', get: (p) => availabilityOf(p.availability), judge: availabilityJudge, same: sameProbability },
  // Servers whose loss alone stops the pool working, as FORMAT.md lists them: a swap is no fewer.
  { key: 'singlePointsOfFailure', get: (p) => p.singlePointsOfFailure, judge: fewerIsBetter, same: sameNames },
];

/** A pool's figures, with one `dataCenterLoss/<name>` figure per data centre: its outcome when that data centre is lost. */
export function poolFigures(p: PoolResult): Map<string, Figure> {
  const out = specFigures(POOL, p);
  // A data centre the pool does not depend on is not listed: the pool survives its loss.
  for (const loss of p.dataCenterLoss) out.set(`dataCenterLoss/${loss.dataCenter}`, { value: loss.outcome, judge: worksIsBetter, absent: 'works' });
  return out;
}

/** The management group's figures. */
export function groupFigures(result: ScomFileResult): Map<string, Figure> | undefined {
  const mg = result.managementGroup;
  if (mg === undefined) return undefined;
  return new Map<string, Figure>([
    // Another version has other supported limits: a change the reviewer should see, neither better nor worse of itself.
    ['scomVersion', { value: mg.scomVersion }],
    ['singlePointsOfFailure', { value: mg.singlePointsOfFailure, judge: fewerIsBetter, same: sameNames }],
    ['availability', { value: availabilityOf(mg.availability), judge: availabilityJudge, same: sameProbability }],
  ]);
}

/** The names the management group holds, by what they are. */
export function inventory(models: Partial<ScomModels>): Inventory {
  const t = models.topology;
  if (!t) return {};
  return {
    'management servers': t.managementServers.map((s) => s.name),
    gateways: t.gateways.map((s) => s.name),
    'data centres': t.dataCenters.filter((d) => !d.implicit).map((d) => d.name),
    'operational database': [t.database.server],
  };
}
