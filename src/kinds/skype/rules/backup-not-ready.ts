import { pointer } from '../../../io/yaml/source-map.js';
import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';
import { backupProblems } from '../model/model.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/backup-not-ready',
    severity: 'warning',
    category: 'failover',
    description: "a paired pool's backup service is not at export FinalState and import NormalState: failover now may lose data",
    rationale:
      'Pool failover is safe when the backup service of both pools reports export FinalState and import NormalState; otherwise data not yet synchronised to the backup pool is lost. ' +
      'The status is per backup module (UserServices.PresenceFocus, ConfServices.DataConf, CentralMgmt.CMSMaster): export SteadyState means the module backs up every change in one batch, with no backlog, which is not a fault; ' +
      'NonSteadyState means a backlog, ErrorState a failure, and NotInitialized a module that has not started exporting, which is normal for CentralMgmt.CMSMaster on a pool that does not host the Central Management Store.',
    remediation:
      'Wait until `Get-CsBackupServiceStatus` reports FinalState and NormalState for both pools (or investigate why it does not) before failing over; `$status.BackupModules` lists each module.',
    sources: ['SFB-FO', 'BSS'],
    messages: {
      notReady:
        'Pool "{{pool}}" reports backup export {{exportStatus}} and import {{importStatus}}; failover is safe at export FinalState (or SteadyState) and import NormalState.',
      moduleNotReady:
        'Backup module {{module}} of pool "{{pool}}" reports export {{exportStatus}} and import {{importStatus}}; failover is safe at export FinalState (or SteadyState) and import NormalState.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    for (const p of model.pools) {
      if (!p.backupService || !analysis.partnerOf.has(p)) continue;
      for (const { module, status } of backupProblems(p)) {
        const data = { pool: p.name, exportStatus: status.exportStatus ?? 'unknown', importStatus: status.importStatus ?? 'unknown' };
        if (module === null) yield { messageId: 'notReady', data, path: `${p.path}/backupService`, pool: p.name };
        else
          yield {
            messageId: 'moduleNotReady',
            data: { module, ...data },
            path: `${p.path}${pointer('backupService', 'modules', module)}`,
            at: 'key',
            pool: p.name,
          };
      }
    }
  },
});
