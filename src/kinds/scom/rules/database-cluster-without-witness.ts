import { plural } from '../../../core/rule.js';
import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'database-cluster-without-witness',
    severity: 'warning',
    category: 'failover',
    description: "the operational database's cluster has an even number of nodes and no witness",
    rationale:
      'A failover cluster keeps quorum while more than half of its votes are up. With an even number of nodes and no witness, losing half of them (one of two, or a site holding half) loses quorum and takes the operational database, and with it the management group, down. A file share, cloud or disk witness breaks the tie. pooltopo counts static node majority; dynamic quorum and dynamic witness are not modelled.',
    remediation:
      'Add a witness (`cluster.witness`): a file share or cloud witness, ideally in a third site, so that the loss of either half still leaves a majority.',
    sources: ['WSFC', 'PFS'],
    messages: {
      noWitness:
        "The operational database's cluster has {{nodes}} and no witness: losing half of them loses its quorum and stops the management group; add a file share or cloud witness, ideally in a third site.",
    },
  },
  *check({ topology }) {
    const cluster = topology.database.cluster;
    if (!cluster || cluster.witness || cluster.nodes.length % 2 !== 0) return;
    yield {
      messageId: 'noWitness',
      data: { count: cluster.nodes.length, nodes: plural(cluster.nodes.length, 'node') },
      path: `${topology.database.path}/cluster`,
      at: 'key',
    };
  },
});
