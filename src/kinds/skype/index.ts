/** The `skype-pool-pair` kind: Skype for Business Front End pools and their backup pairing. */
import type { AnyRule } from '../../rules/types.js';
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
