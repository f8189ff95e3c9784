import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';
import type { SkypePool } from '../model/model.js';
import { powerShellArgument, registrarIdentityArgument } from '../../../util/powershell.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pool-not-active',
    severity: 'warning',
    category: 'failover',
    description: "a pool's PoolState is not Active: a failover is under way or was never failed back",
    rationale:
      'The registrar PoolState goes Active, FailingOver, FailedOver and back through FailingBack to Active (FailedBack, which the `Set-CsRegistrarConfiguration` reference also names, is read as Active); restarting services does not move it back, so a pool left FailedOver keeps its users on the backup pool. While one pool of a pair is not Active, the other cannot take its users over: should it fail too, the users of both are without service. ' +
      "A pool takes its partner's users only while it is itself Active, so a state that is not Active where there is no backup pool, or on both pools of a pair, describes no failover that can have happened: no pool serves those users, and the state must be corrected rather than failed back.",
    remediation:
      'Finish the failover, or fail the pool back with `Invoke-CsPoolFailBack`. Where no backup pool can be serving its users (an unpaired pool, or both pools of a pair not Active), read the state with `Get-CsRegistrarConfiguration` and correct it.',
    sources: ['SFB-FO', 'PS-CS'],
    messages: {
      notActive: 'Pool "{{pool}}" is in PoolState {{state}}; fail it back (`Invoke-CsPoolFailBack -PoolFqdn {{poolArgument}}`) once it is healthy.',
      failingOver:
        'Pool "{{pool}}" is in PoolState FailingOver: a failover is under way or stopped half-way; let `Invoke-CsPoolFailOver` finish, then fail the pool back (`Invoke-CsPoolFailBack -PoolFqdn {{poolArgument}}`) once it is healthy.',
      failingBack:
        'Pool "{{pool}}" is in PoolState FailingBack: a failback is under way or stopped half-way; let `Invoke-CsPoolFailBack` finish (or run it again: `Invoke-CsPoolFailBack -PoolFqdn {{poolArgument}}`) until the PoolState is Active.',
      noBackupPool:
        'Pool "{{pool}}" is in PoolState {{state}} but has no backup pool, so no pool serves its users and `Invoke-CsPoolFailBack` has nothing to fail back from; the state is inconsistent: read it with `Get-CsRegistrarConfiguration -Identity {{identityArgument}}` and set it back with `Set-CsRegistrarConfiguration -Identity {{identityArgument}} -PoolState Active`.',
      pairNotActive:
        'Pool "{{pool}}" is in PoolState {{state}} and its backup pool "{{partner}}" in {{partnerState}}: a pool takes its partner\'s users only while it is itself Active, so neither serves the other and the users of both are without service; fail back the pool that is healthy first (`Invoke-CsPoolFailBack -PoolFqdn {{partnerArgument}}`, or `Invoke-CsPoolFailBack -PoolFqdn {{poolArgument}}`) so that it is Active and carries the other\'s users.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    // Both pools of a pair not Active is one inconsistency, said once, at the second pool of the pair.
    const inPairNotActive = new Set<SkypePool>();
    for (const pair of model.pairs) {
      const [a, b] = pair.pools;
      if (a.poolState === 'Active' || b.poolState === 'Active') continue;
      inPairNotActive.add(a).add(b);
      yield {
        messageId: 'pairNotActive',
        data: {
          pool: b.name,
          state: b.poolState,
          partner: a.name,
          partnerState: a.poolState,
          poolArgument: powerShellArgument(b.name),
          partnerArgument: powerShellArgument(a.name),
        },
        path: `${b.path}/poolState`,
        pool: b.name,
      };
    }
    for (const p of model.pools) {
      if (p.poolState === 'Active' || inPairNotActive.has(p)) continue;
      const messageId = !analysis.partnerOf.has(p)
        ? 'noBackupPool'
        : p.poolState === 'FailingOver'
          ? 'failingOver'
          : p.poolState === 'FailingBack'
            ? 'failingBack'
            : 'notActive';
      // The name as the cmdlet's one argument: the failback's, or the registrar configuration's identity.
      const data: Record<string, string> = { pool: p.name, state: p.poolState };
      if (messageId !== 'noBackupPool') data['poolArgument'] = powerShellArgument(p.name);
      else data['identityArgument'] = registrarIdentityArgument(p.name);
      yield { messageId, data, path: `${p.path}/poolState`, pool: p.name };
    }
  },
});
