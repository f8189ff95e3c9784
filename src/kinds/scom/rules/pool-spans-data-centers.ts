import { atPool, defineRule } from './context.js';
import { poolDataCenters } from '../analysis/data-centers.js';
import { namesOrMore } from '../../../core/headline.js';

export default defineRule({
  meta: {
    id: 'pool-spans-data-centers',
    severity: 'warning',
    category: 'data-centers',
    description: "a pool's voters sit in more than one data centre",
    rationale:
      'A resource pool should not span data centres: links between sites are slower and less reliable, so leases expire and the pool flaps; and the loss of one site can take away the majority.',
    remediation:
      "Build one pool per data centre, each with its own members, rather than one pool stretched across sites. A default pool cannot be split by site: make it manual (`Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -EnableAutomaticMembership $false`) and remove the other data centres' servers (`Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -Member (Get-SCOMManagementServer -Name SERVER) -Action Remove`), then list it in the file with `membership: manual`. A pool whose members and observers all sit in one data centre spans sites only through its default observer, the operational database: splitting it by site changes nothing; place the members in the database's data centre, or the database in theirs (where its cluster has a node in theirs, run the database on that node).",
    sources: ['RPD', 'PS-SCOM'],
    messages: {
      spans: '{{Pool}} has voters in {{count}} data centres ({{dataCenters}}); keep each pool within one data centre: give each site a pool of its own.',
      spansByDatabase:
        "{{Pool}} has voters in {{count}} data centres ({{dataCenters}}): its members are all in {{own}}, and its default observer, the operational database, is in {{database}}; place the pool's members in the database's data centre, or the database in theirs (a pool of its own per site would not help).",
      spansByDatabaseNode:
        "{{Pool}} has voters in {{count}} data centres ({{dataCenters}}): its members are all in {{own}}, and its default observer, the operational database, answers through {{listener}} in {{database}}, though its cluster has a node in {{own}} ({{nodes}}); run the database on that node (the availability group's primary replica, or the failover cluster instance's preferred owner) and give `databases.operational.dataCenter` as {{own}}, or place the pool's members in {{database}}.",
      spansDefault:
        '{{Pool}} has voters in {{count}} data centres ({{dataCenters}}); a default pool cannot be split by site: make it manual (`Get-SCOMResourcePool -DisplayName {{poolNames}} | Set-SCOMResourcePool -EnableAutomaticMembership $false`) with the management servers of one data centre as its members.',
    },
  },
  *check({ topology, analysis }) {
    for (const a of analysis.pools) {
      if (a.dataCenters.length > 1) {
        const data = { count: a.dataCenters.length, dataCenters: a.dataCenters.map((d) => d.name).join(', ') };
        // The data centres of its own servers alone: one means the default observer alone brings the other.
        const own = poolDataCenters(topology, a.pool, false);
        if (own.length === 1) {
          const site = own[0]!;
          const byDatabase = Object.assign({}, data, { own: site.name, database: topology.database.dataCenter.name });
          // A cluster with a node in the members' site can serve them from there: moving them would be the wrong advice.
          const near = (topology.database.cluster?.nodes ?? []).filter((n) => n.dataCenter === site).map((n) => n.name);
          yield near.length > 0
            ? atPool(a.pool, 'spansByDatabaseNode', Object.assign(byDatabase, { listener: topology.database.server, nodes: namesOrMore(near) }))
            : atPool(a.pool, 'spansByDatabase', byDatabase);
          continue;
        }
        yield atPool(a.pool, a.pool.isDefault ? 'spansDefault' : 'spans', data);
      }
    }
  },
});
