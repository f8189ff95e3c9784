/** The figures `diff` compares for an OpCon failover. */
import { asList, lowerIsBetter, presentIsBetter, specFigures, type Figure, type FigureSpec, type Inventory } from '../../core/figures.js';
import type { Failover } from './analysis/analysis.js';
import type { OpconFileResult, OpconModels } from './results.js';

const FAILOVER: readonly FigureSpec<Failover>[] = [
  { key: 'scenario', get: (f) => f.scenario },
  { key: 'mode', get: (f) => f.mode, judge: (b, a) => (b !== 'none' && a === 'none' ? 'worse' : b === 'none' && a !== 'none' ? 'better' : 'changed') },
  { key: 'primary', get: (f) => f.primary, judge: presentIsBetter },
  // Without a secondary nothing takes over.
  { key: 'secondary', get: (f) => f.secondary, judge: presentIsBetter },
  { key: 'database', get: (f) => f.database },
  // A trigger dropped is a failure the Secondary no longer answers.
  { key: 'triggers', get: (f) => f.triggers, judge: (b, a) => (asList(b).some((t) => !asList(a).includes(t)) ? 'worse' : 'changed') },
  { key: 'machines', get: (f) => f.machines },
  // The longer a silent Primary goes unnoticed, the longer the outage before the Secondary takes over.
  { key: 'detectionSeconds', get: (f) => f.detectionSeconds, judge: lowerIsBetter },
];

export function failoverFigures(result: OpconFileResult): Map<string, Figure> | undefined {
  return result.failover === undefined ? undefined : specFigures(FAILOVER, result.failover);
}

export function inventory(models: Partial<OpconModels>): Inventory {
  return models.opcon ? { machines: models.opcon.model.machines.map((m) => m.name) } : {};
}
