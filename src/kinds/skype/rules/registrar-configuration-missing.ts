import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/registrar-configuration-missing',
    severity: 'warning',
    category: 'failover',
    description: '`registrarSettingsCustomized` and a paired pool has no `registrarConfiguration`: failover would create one with defaults',
    rationale:
      "Invoke-CsPoolFailOver creates the failed pool's registrar configuration on the fly with default settings when it does not exist, so customised global registrar settings are lost during failover.",
    remediation:
      'Create a pool-level registrar configuration (New-CsRegistrarConfiguration -Identity service:Registrar:POOL) with the customised settings for each paired pool, before any failover.',
    sources: ['SFB-FO'],
    messages: {
      missing:
        'Paired pool "{{pool}}" has no pool-level registrar configuration; a failover would create one with default settings and lose the customised ones.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    if (!model.registrarSettingsCustomized) return;
    for (const p of model.pools) {
      if (analysis.partnerOf.has(p) && !p.registrarConfiguration) yield { messageId: 'missing', data: { pool: p.name }, path: p.path, pool: p.name };
    }
  },
});
