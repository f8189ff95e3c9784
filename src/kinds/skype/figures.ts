/** The figures `diff` compares for Skype for Business pools. */
import { higherIsBetter, presentIsBetter, specFigures, type Figure, type FigureSpec, type Inventory } from '../../core/figures.js';
import type { SkypePoolFigures } from './analysis/analysis.js';
import type { SkypeModels } from './results.js';

const POOL: readonly FigureSpec<SkypePoolFigures>[] = [
  { key: 'frontEnds', get: (p) => p.frontEnds },
  { key: 'startupNeeded', get: (p) => p.startupNeeded },
  { key: 'quorumNeeded', get: (p) => p.quorumNeeded },
  { key: 'quorumFrom', get: (p) => p.quorumFrom },
  { key: 'tolerableFailures', get: (p) => p.tolerableFailures, judge: higherIsBetter },
  { key: 'tolerableSimultaneousFailures', get: (p) => p.tolerableSimultaneousFailures, judge: higherIsBetter },
  // A pool that loses its partner has nowhere to fail over.
  { key: 'pairedWith', get: (p) => p.pairedWith, judge: presentIsBetter },
  {
    key: 'poolState',
    get: (p) => p.poolState,
    judge: (b, a) => (b === 'Active' && a !== 'Active' ? 'worse' : b !== 'Active' && a === 'Active' ? 'better' : 'changed'),
  },
  { key: 'usersAfterFailover', get: (p) => p.usersAfterFailover },
  { key: 'usersNow', get: (p) => p.usersNow },
];

export function poolFigures(p: SkypePoolFigures): Map<string, Figure> {
  return specFigures(POOL, p);
}

export function inventory(models: Partial<SkypeModels>): Inventory {
  return models.skype ? { 'front ends': models.skype.model.pools.flatMap((p) => p.frontEnds) } : {};
}
