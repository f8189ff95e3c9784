import { UNCONFIRMED } from '../../../domain/facts.js';
import { plural } from '../../../core/rule.js';
import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'default-observer-no-benefit',
    severity: 'info',
    category: 'default-observer',
    description: 'the default observer is enabled and participates but adds no tolerable failure',
    rationale:
      "With an odd number of management servers (3, 5) the operational database's vote does not change how many members may fail; it still costs database work for every pool.",
    remediation:
      'Nothing is wrong. You may disable the default observer on this pool, as the guidance allows for pools of an odd number of management servers.',
    sources: ['RPD', 'PS-SCOM'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      noBenefit:
        '{{Pool}} tolerates {{tolerates}} with or without its default observer; it could be disabled (Get-SCOMResourcePool -DisplayName {{poolNames}} | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }) to spare the operational database.',
    },
  },
  *check({ analysis }) {
    for (const a of analysis.pools) {
      const q = a.quorum;
      // A pool that tolerates no failure either way is no-high-availability's; with one management
      // server the default observer is what lets it start at all (PM), so "disable it" would mislead.
      if (
        q.defaultObserver.participates &&
        q.configured.tolerableFailures >= 1 &&
        q.withDefaultObserver.tolerableFailures === q.withoutDefaultObserver.tolerableFailures
      ) {
        yield atPool(a.pool, 'noBenefit', { failures: q.configured.tolerableFailures, tolerates: plural(q.configured.tolerableFailures, 'failure') });
      }
    }
  },
});
