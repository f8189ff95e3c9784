import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';
import { hasRegistrarConfiguration } from '../model/model.js';
import { registrarIdentityArgument } from '../../../util/powershell.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/registrar-configuration-missing',
    severity: 'warning',
    category: 'failover',
    description: '`registrarSettingsCustomized` and a paired pool has no `registrarConfiguration`: failover would create one with defaults',
    rationale:
      "`Invoke-CsPoolFailOver` creates the failed pool's registrar configuration on the fly with default settings when it does not exist, so customised global registrar settings are lost during failover. " +
      'The PoolState lives on that configuration, so a pool whose PoolState is not Active (or was FailedBack) has one already, made by its failover with default settings unless it existed before.',
    remediation:
      'Create a pool-level registrar configuration (`New-CsRegistrarConfiguration -Identity service:Registrar:POOL`) with the customised settings for each paired pool, before any failover; for a pool that has failed over, set them on the configuration its failover created (`Set-CsRegistrarConfiguration -Identity service:Registrar:POOL`).',
    sources: ['SFB-FO'],
    messages: {
      missing:
        'Paired pool "{{pool}}" has no pool-level registrar configuration; a failover would create one with default settings and lose the customised ones.',
      createdByFailover:
        'Paired pool "{{pool}}" is in PoolState {{state}}, which only a failover sets, so its pool-level registrar configuration exists: the failover created it with default settings unless one was there before; give it the customised settings (`Set-CsRegistrarConfiguration -Identity {{identityArgument}}`) and record `registrarConfiguration: true`.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    if (!model.registrarSettingsCustomized) return;
    for (const p of model.pools) {
      if (!analysis.partnerOf.has(p) || p.registrarConfiguration) continue;
      // A pool that has failed over already has one: the failover made it, and it is its settings that matter now.
      if (hasRegistrarConfiguration(p))
        yield {
          messageId: 'createdByFailover',
          data: { pool: p.name, state: p.statedPoolState, identityArgument: registrarIdentityArgument(p.name) },
          path: p.path,
          pool: p.name,
        };
      else yield { messageId: 'missing', data: { pool: p.name }, path: p.path, pool: p.name };
    }
  },
});
