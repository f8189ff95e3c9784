import { defineRule, type Report } from '../../../rules/types.js';
import type { SkypeContext } from '../context.js';
import { backupReady } from '../model.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/backup-not-ready',
    severity: 'warning',
    category: 'failover',
    description: "a paired pool's backup service is not at export FinalState and import NormalState: failover now may lose data",
    rationale: 'Pool failover is safe when the backup service of both pools reports export FinalState and import NormalState; otherwise data not yet synchronised to the backup pool is lost.',
    remediation: 'Wait until Get-CsBackupServiceStatus reports FinalState and NormalState for both pools (or investigate why it does not) before failing over.',
    sources: ['SFB-FO'],
    messages: { notReady: 'Pool "{{pool}}" reports backup export {{exportStatus}} and import {{importStatus}}; failover is safe at export FinalState and import NormalState.' },
  },
  *check({ model, analysis }): Iterable<Report> {
    for (const p of model.pools) {
      const b = p.backupService;
      if (!b || !analysis.partnerOf.has(p)) continue;
      if (!backupReady(b)) {
        yield { messageId: 'notReady', data: { pool: p.name, exportStatus: b.exportStatus ?? 'unknown', importStatus: b.importStatus ?? 'unknown' }, path: `${p.path}/backupService`, pool: p.name };
      }
    }
  },
});
