/** The `skype-pool-pair` kind: Skype for Business Front End pools and their backup pairing. */
import type { AnyRule } from '../../core/rule.js';
import { defineKind, type KindHost, type KindRun } from '../../core/kind.js';
import { failsModelSchema } from '../../core/model-schema.js';
import { escapeForTerminal as t } from '../../util/text.js';
import { SKYPE } from '../../domain/facts.js';
import { groupThousands, plural } from '../../core/rule.js';
import type { SkypePoolFigures } from './analysis/analysis.js';
import { analyseSkype } from './analysis/analysis.js';
import { neededWithoutBackEnd } from './analysis/back-end.js';
import { carriesPartnerNow, movedToPartner, normaliseSkype, type SkypeDocument } from './model/model.js';
import type { SkypeFileResult, SkypeModels } from './results.js';
export type { SkypeModels } from './results.js';
import { ISSUE_MESSAGES } from './model/issue-messages.js';
import { inventory, poolFigures } from './figures.js';
import automatedFailover from './rules/automated-failover.js';
import backupNotReady from './rules/backup-not-ready.js';
import cmsPoolUnpaired from './rules/cms-pool-unpaired.js';
import pairCapacity from './rules/pair-capacity.js';
import pairMismatch from './rules/pair-mismatch.js';
import poolInSeveralPairs from './rules/pool-in-several-pairs.js';
import poolNotActive from './rules/pool-not-active.js';
import registrarConfigurationMissing from './rules/registrar-configuration-missing.js';
import severalCms from './rules/several-cms.js';
import tooFewFrontEnds from './rules/too-few-front-ends.js';
import unsupportedPoolSize from './rules/unsupported-pool-size.js';

export { analyseSkype, frontEndRow, type SkypeAnalysis, type SkypePoolFigures } from './analysis/analysis.js';
export { normaliseSkype, type SkypeDocument, type SkypeModel } from './model/model.js';
export type { SkypeContext } from './rules/context.js';

export const SKYPE_RULES: readonly AnyRule[] = [
  tooFewFrontEnds,
  unsupportedPoolSize,
  poolInSeveralPairs,
  pairMismatch,
  pairCapacity,
  cmsPoolUnpaired,
  severalCms,
  registrarConfigurationMissing,
  backupNotReady,
  poolNotActive,
  automatedFailover,
];

export const skypeKind = defineKind<'skype-pool-pair', SkypeModels, SkypeFileResult>({
  id: 'skype-pool-pair',
  title: 'Skype for Business pool pair',
  topLevelKeys: ['productVersion', 'registrarSettingsCustomized', 'pairs', 'pools'],
  // Its own keys, or Front End pools (`pools` with `frontEnds`), and none of the default kind's.
  meantBy: (doc) =>
    ['productVersion', 'registrarSettingsCustomized', 'pairs'].some((k) => Object.hasOwn(doc, k)) ||
    (Array.isArray(doc['pools']) && doc['pools'].some((p: unknown) => p !== null && typeof p === 'object' && Object.hasOwn(p, 'frontEnds'))),
  issueMessages: ISSUE_MESSAGES,
  rules: SKYPE_RULES,
  async lint(document: unknown, host: KindHost): Promise<KindRun<SkypeModels, SkypeFileResult>> {
    const { model, issues } = normaliseSkype(document as SkypeDocument);
    const stopped = failsModelSchema(issues, host);
    if (stopped) return stopped;
    const analysis = analyseSkype(model);
    host.runRules(SKYPE_RULES, { model, analysis, issues });
    return { figures: { pools: [...analysis.pools] }, models: { skype: { model, analysis } } };
  },
  summary: (result) => {
    const byName = new Map(result.pools.map((p) => [p.name, p]));
    return result.pools.map((p) => ({ label: p.name, text: frontEndPoolSummary(p, p.pairedWith === null ? undefined : byName.get(p.pairedWith)) }));
  },
  report: {
    partial: 'kind-skype',
    toc: [
      { anchor: 'topology', title: 'Pools and pairing' },
      { anchor: 'pools', title: 'Front End pools' },
      { anchor: 'what-if', title: 'What if a pool goes down' },
    ],
    view: async (outcome) => (await import('./report/report.js')).skypeReport(outcome.skype!.model, outcome.skype!.analysis, outcome.result.findings),
  },
  diff: { pool: poolFigures, inventory },
  help: {
    simulate: `For kind skype-pool-pair, --down names pools (each fails over to its partner: registrar states,
the users the partner then carries, what breaks, and the Invoke-CsPoolFailOver to run, with
-DisasterMode for a pool that is down; a partner that is not Active or has lost quorum takes no one,
exit 1), sites (every pool of the site down), front ends (pool-level quorum among "the first"
ones: a pool that loses it is down, as if named) or back ends as POOL/back-end (the witness of a
pool with an even number of front ends: a pool of two goes down with it, a larger one needs its
start figure running); several --down side by side.`,
  },
  simulate: async (models, request) => (await import('./commands/simulate.js')).simulateCommand(models, request),
});

/**
 * `8 front ends, 4 of the first 7 needed (6 without its back end), tolerates 3 one after another but
 * 1 at once (3 replicas per routing group), paired with pool-west (55,000 users after failover)`.
 */
export function frontEndPoolSummary(p: SkypePoolFigures, partner?: SkypePoolFigures): string {
  const of = p.quorumFrom === p.frontEnds ? `${p.quorumNeeded} of ${p.frontEnds} needed` : `${p.quorumNeeded} of the first ${p.quorumFrom} needed`;
  // The table assumes the back end runs; where it is the witness (an even pool), say what it takes.
  const needed = neededWithoutBackEnd(p);
  const backEnd = needed === undefined ? '' : needed === null ? ' with its back end up' : ` (${needed} without its back end)`;
  const pair = p.pairedWith === null ? 'not paired' : `paired with ${t(p.pairedWith)} (${pairedUsers(p, partner)})`;
  const state = p.poolState === 'Active' ? '' : `, PoolState ${p.poolState}`;
  const tolerates =
    p.tolerableSimultaneousFailures < p.tolerableFailures
      ? `tolerates ${p.tolerableFailures} one after another but ${p.tolerableSimultaneousFailures} at once (${SKYPE.routingGroupReplicas.value} replicas per routing group)`
      : `tolerates ${p.tolerableFailures}`;
  return `${plural(p.frontEnds, 'front end')}, ${of}${backEnd}, ${tolerates}, ${pair}${state}`;
}

/** Where a failover has moved users already, what a paired pool carries now beside its design figure. */
function pairedUsers(p: SkypePoolFigures, partner: SkypePoolFigures | undefined): string {
  const name = t(p.pairedWith ?? '');
  const after = `${groupThousands(p.usersAfterFailover)} users after failover`;
  if (movedToPartner(p)) return `none of its users now: they are on ${name}; ${after} once failed back`;
  if (carriesPartnerNow(p, partner)) return `${groupThousands(p.usersNow)} users now, its own and ${name}'s (${partner.poolState})`;
  return after;
}
