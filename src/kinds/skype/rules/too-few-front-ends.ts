import { SKYPE } from '../../../domain/facts.js';
import { defineRule, plural, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';
import { editionOf } from '../model/model.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/too-few-front-ends',
    severity: 'warning',
    category: 'failover',
    description: 'an enterprise pool has fewer than 3 front ends',
    rationale:
      "At least three front ends are recommended: a paired pool must have had three running at once to synchronise with its backup pool, and two front ends lost together may hold two of a routing group's three replicas. " +
      "Microsoft's table says one front end of two must run to start the pool (pooltopo reports startupNeeded 1 as it says), but that holds while the other stopped last: once both have stopped, the two must start together, or the pool be reset with `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`. Its pool-level quorum table assumes the Back End Server runs, and if the Back End Server of a two-server pool goes down, the whole pool would likely soon go down as well (simulate --down POOL/back-end). Microsoft advises Standard Edition servers rather than a two-server Enterprise pool.",
    remediation: 'Give the pool at least three front end servers, or use Standard Edition servers paired with each other.',
    sources: ['SFB-HA', 'PS-CS'],
    messages: {
      few: 'Enterprise pool "{{pool}}" has {{frontEnds}}; at least {{recommended}} are recommended.',
      two: 'Enterprise pool "{{pool}}" has 2 front ends; at least {{recommended}} are recommended: once both have stopped they must start together (or the pool be reset with QuorumLossRecovery), although one is enough to start it the first time.',
      pairedFew:
        'Enterprise pool "{{pool}}" has {{frontEnds}} and is paired with "{{partner}}": a paired pool must have had {{sync}} front ends running at once to synchronise its data with its backup pool, which it cannot with {{count}}, so a failover may find its data missing on "{{partner}}"; give it at least {{recommended}}.',
      pairedTwo:
        'Enterprise pool "{{pool}}" has 2 front ends and is paired with "{{partner}}": a paired pool must have had {{sync}} front ends running at once to synchronise its data with its backup pool, which it cannot with 2, so a failover may find its data missing on "{{partner}}"; give it at least {{recommended}} (and once both have stopped they must start together, or the pool be reset with QuorumLossRecovery).',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    for (const p of model.pools) {
      if (editionOf(p) === 'enterprise' && p.frontEnds.length < SKYPE.recommendedFrontEnds.value) {
        // Paired, it must have had three running at once to synchronise with its backup pool (SFB-HA): it never can.
        const partner = analysis.partnerOf.get(p);
        const two = p.frontEnds.length === 2;
        yield {
          messageId: partner ? (two ? 'pairedTwo' : 'pairedFew') : two ? 'two' : 'few',
          data: {
            pool: p.name,
            count: p.frontEnds.length,
            frontEnds: plural(p.frontEnds.length, 'front end'),
            recommended: SKYPE.recommendedFrontEnds.value,
            ...(partner ? { partner: partner.name, sync: SKYPE.pairedSyncFrontEnds.value } : {}),
          },
          path: `${p.path}/frontEnds`,
          at: 'key',
          pool: p.name,
        };
      }
    }
  },
});
