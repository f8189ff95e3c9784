import { UNCONFIRMED } from '../../../domain/facts.js';
import { atPool, defineRule, plural } from '../../../rules/types.js';

export default defineRule({
  meta: {
    id: 'default-observer-no-benefit',
    severity: 'info',
    category: 'default-observer',
    description: 'the default observer is enabled and participates but adds no tolerable failure',
    rationale: 'With an odd number of management servers (3, 5) the operational database\'s vote does not change how many members may fail; it still costs database work for every pool.',
    remediation: 'Nothing is wrong. You may disable the default observer on this pool, as the guidance allows for pools of an odd number of management servers.',
    sources: ['RPD'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      noBenefit: 'Pool "{{pool}}" tolerates {{tolerates}} with or without its default observer; it could be disabled.',
    },
  },
  *check({ analysis }) {
    for (const a of analysis.pools) {
      const q = a.quorum;
      if (q.defaultObserver.participates && q.withDefaultObserver.tolerableFailures === q.withoutDefaultObserver.tolerableFailures) {
        yield atPool(a.pool, 'noBenefit', { failures: q.configured.tolerableFailures, tolerates: plural(q.configured.tolerableFailures, 'failure') });
      }
    }
  },
});
