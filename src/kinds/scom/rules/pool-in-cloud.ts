import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'pool-in-cloud',
    severity: 'warning',
    category: 'data-centers',
    description: "a pool's voters sit in a cloud data centre (`location` other than on-premises)",
    rationale:
      'The design guidance advises against pools that reach into a cloud such as Azure: the latency and reliability of the link to the rest of the management group do not suit the lease protocol.',
    remediation:
      "Keep the pool's voters on premises: a pool of cloud servers alone is still a pool in the cloud, which the guidance advises against. A default pool: make it manual (`Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -EnableAutomaticMembership $false`) and remove the cloud's management servers from it (`Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -Member (Get-SCOMManagementServer -Name SERVER) -Action Remove`), since a pool made manual keeps the members it had, then list it in the file with `membership: manual`.",
    sources: ['RPD'],
    messages: {
      inCloud: '{{Pool}} has voters in cloud data centre "{{dataCenter}}" ({{location}}); keep pools out of the cloud.',
    },
  },
  *check({ analysis }) {
    for (const a of analysis.pools) {
      for (const dc of a.dataCenters) {
        if (dc.location !== 'on-premises') yield atPool(a.pool, 'inCloud', { dataCenter: dc.name, location: dc.location });
      }
    }
  },
});
