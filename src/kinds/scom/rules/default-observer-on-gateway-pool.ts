import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'default-observer-on-gateway-pool',
    severity: 'warning',
    category: 'default-observer',
    description: 'the default observer is enabled on a pool whose members and observers are all gateways',
    rationale:
      'Gateways have no local SDK (Data Access) service and cannot reach the operational database, so the default observer takes no part in a pool of gateways: the design relies on a vote that does not exist. Three gateways are needed for high availability.',
    remediation:
      'Disable the default observer (`$p = Get-SCOMResourcePool -DisplayName POOL; $p.UseDefaultObserver = $false; $p.ApplyChanges()`, and `defaultObserver: false` in the file) so that the design says what it does, and give the pool at least three gateways.',
    sources: ['RPD', 'PS-SCOM'],
    messages: {
      gatewayPool:
        '{{Pool}} has only gateways, which cannot reach the operational database, so its default observer never votes; disable it: `Get-SCOMResourcePool -DisplayName {{poolNames}} | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }`, and `defaultObserver: false` here.',
    },
  },
  *check({ analysis }) {
    for (const a of analysis.pools) {
      const { pool, voters: servers } = a;
      if (pool.defaultObserverEnabled && servers.length > 0 && servers.every((s) => s.role === 'gateway')) {
        yield atPool(pool, 'gatewayPool', { members: servers.length });
      }
    }
  },
});
