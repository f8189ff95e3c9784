/** The `skype-pool-pair` kind: Skype for Business Front End pools and their backup pairing. */
import type { AnyRule } from '../../rules/types.js';
import type { KindHost, KindPlugin, KindRun } from '../types.js';
import { analyseSkype } from './analysis.js';
import { normaliseSkype, type SkypeDocument } from './model.js';
import automatedFailover from './rules/automated-failover.js';
import backupNotReady from './rules/backup-not-ready.js';
import cmsPoolUnpaired from './rules/cms-pool-unpaired.js';
import pairCapacity from './rules/pair-capacity.js';
import pairMismatch from './rules/pair-mismatch.js';
import poolInSeveralPairs from './rules/pool-in-several-pairs.js';
import poolNotActive from './rules/pool-not-active.js';
import registrarConfigurationMissing from './rules/registrar-configuration-missing.js';
import tooFewFrontEnds from './rules/too-few-front-ends.js';
import unsupportedPoolSize from './rules/unsupported-pool-size.js';

export { analyseSkype, frontEndRow, type SkypeAnalysis, type SkypePoolFigures } from './analysis.js';
export { normaliseSkype, type SkypeDocument, type SkypeModel } from './model.js';
export type { SkypeContext } from './context.js';

export const SKYPE_RULES: readonly AnyRule[] = [
  tooFewFrontEnds,
  unsupportedPoolSize,
  poolInSeveralPairs,
  pairMismatch,
  pairCapacity,
  cmsPoolUnpaired,
  registrarConfigurationMissing,
  backupNotReady,
  poolNotActive,
  automatedFailover,
];

export const skypeKind: KindPlugin = {
  id: 'skype-pool-pair',
  rules: SKYPE_RULES,
  async lint(document: unknown, host: KindHost): Promise<KindRun> {
    const { model, issues } = normaliseSkype(document as SkypeDocument);
    const analysis = analyseSkype(model);
    host.runRules(SKYPE_RULES, { model, analysis, issues });
    return { pools: [...analysis.pools], models: { skype: { model, analysis } } };
  },
};
