import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';
import { carriesPartnerNow, editionOf, movedToPartner } from '../model/model.js';
import { maxFrontEnds } from '../analysis/analysis.js';
import { powerShellArgument } from '../../../util/powershell.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pair-capacity',
    severity: 'warning',
    category: 'capacity',
    description: "a pool's `usersAfterFailover` exceeds its `maxUsers` (for an unpaired pool, its own users)",
    rationale:
      "Each pool of a pair must be sized for the users of both: after a failover it carries its partner's users as well as its own, and where its partner has failed over to it (PoolState FailedOver or FailingOver) it carries them now, until that pool is failed back, and the pool failed over carries none of its users meanwhile. " +
      'An Enterprise pool grows by front ends up to the most its version supports (12, 16 on Skype for Business Server 2019); a Standard Edition pool is one server and cannot grow at all.',
    remediation:
      "Add front ends to an Enterprise pool below the most its version supports (or raise the sizing) so that each pool can carry both pools' users; otherwise move users to another pair, or replace a Standard Edition pair with Enterprise pools.",
    sources: ['SFB-DR', 'SFB-HA'],
    messages: {
      // Its partner has failed over to it already (FailedOver, FailingOver): the overload is now, and failing back ends it.
      overNow:
        'Pool "{{pool}}" carries {{users}} users now, its own and those of "{{partner}}", whose users are on it already (PoolState {{partnerState}}), more than the {{max}} it is sized for; fail "{{partner}}" back (`Invoke-CsPoolFailBack -PoolFqdn {{partnerArgument}}`) once it is healthy, and size each pool of the pair for both pools\' users.',
      // Its own users are on its partner (FailedOver, FailingOver): it carries none now, and its partner can fail over to it only once it is failed back.
      overOnceFailedBack:
        'Pool "{{pool}}" carries none of its users now: they are on "{{partner}}" (PoolState {{state}}); once it is failed back, it would carry {{users}} users should "{{partner}}" fail over to it, more than the {{max}} it is sized for; size each pool of the pair for both pools\' users before then.',
      over: 'Pool "{{pool}}" would carry {{users}} users after its partner fails over, more than the {{max}} it is sized for; add front ends, or move users to another pair.',
      // Unpaired, usersAfterFailover is its own users (FORMAT.md): over its sizing with no failover at all.
      overUnpaired: 'Pool "{{pool}}" carries {{users}} users, more than the {{max}} it is sized for; add front ends, or move users to another pool.',
      overStandard:
        'Standard Edition pool "{{pool}}" would carry {{users}} users after its partner fails over, more than the {{max}} it is sized for, and a Standard Edition pool is one server; move users to another pair, or to a pair of Enterprise pools.',
      overStandardUnpaired:
        'Standard Edition pool "{{pool}}" carries {{users}} users, more than the {{max}} it is sized for, and a Standard Edition pool is one server; move users to another pool, or to an Enterprise pool.',
      overAtMost:
        'Pool "{{pool}}" would carry {{users}} users after its partner fails over, more than the {{max}} it is sized for, and its {{frontEnds}} front ends are the most a pool holds on this version; move users to another pair.',
      overAtMostUnpaired:
        'Pool "{{pool}}" carries {{users}} users, more than the {{max}} it is sized for, and its {{frontEnds}} front ends are the most a pool holds on this version; move users to another pool.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    const most = maxFrontEnds(model.productVersion);
    for (const [i, p] of model.pools.entries()) {
      const f = analysis.pools[i]!;
      if (p.maxUsers === undefined || f.usersAfterFailover <= p.maxUsers) continue;
      const data = { pool: p.name, users: f.usersAfterFailover, max: p.maxUsers };
      const paired = f.pairedWith !== null;
      const partner = analysis.partnerOf.get(p);
      if (partner && movedToPartner(p)) {
        const later = Object.assign({}, data, { partner: partner.name, state: p.poolState });
        yield { messageId: 'overOnceFailedBack', data: later, path: `${p.path}/maxUsers`, pool: p.name };
        continue;
      }
      if (carriesPartnerNow(p, partner)) {
        const now = {
          pool: p.name,
          users: f.usersNow,
          max: p.maxUsers,
          partner: partner.name,
          partnerState: partner.poolState,
          partnerArgument: powerShellArgument(partner.name),
        };
        yield { messageId: 'overNow', data: now, path: `${p.path}/maxUsers`, pool: p.name };
        continue;
      }
      // The advice is what can be done: a Standard Edition server, or a pool at its version's most, takes no more front ends.
      if (editionOf(p) === 'standard') yield { messageId: paired ? 'overStandard' : 'overStandardUnpaired', data, path: `${p.path}/maxUsers`, pool: p.name };
      else if (p.frontEnds.length >= most)
        yield {
          messageId: paired ? 'overAtMost' : 'overAtMostUnpaired',
          data: { pool: p.name, users: f.usersAfterFailover, max: p.maxUsers, frontEnds: p.frontEnds.length },
          path: `${p.path}/maxUsers`,
          pool: p.name,
        };
      else yield { messageId: paired ? 'over' : 'overUnpaired', data, path: `${p.path}/maxUsers`, pool: p.name };
    }
  },
});
