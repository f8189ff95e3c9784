/** The wording of the model issues this kind's normalisation reports (the common rules' messages). */
import type { IssueMessages } from '../../../core/kind.js';

export const ISSUE_MESSAGES: IssueMessages = {
  schema: {
    invalidDuration: 'Latency "{{value}}" {{reason}}.',
    mixedLatencyPair: 'A latency entry is between two servers or two data centres, not one of each ({{a}} and {{b}}).',
    latencyToItself: 'A latency entry between server {{name}} and itself measures nothing; name two different servers, or remove it.',
    reportsToAndManagementServers: 'Gateway "{{gateway}}" gives both `reportsTo` and `managementServers`, one list under two names; keep one of them.',
    reportsToItself: 'Gateway "{{name}}" names itself among the servers it reports to; name its primary and failover servers.',
    gatewayCycle: 'Gateway "{{gateway}}" reports to "{{name}}", which reports back to it ({{chain}}); a chain of gateways must end at a management server.',
    failoverToItself: '"{{name}}" names itself in its `failoverServers`; its agents fail over to another server.',
    witnessIsNode: 'The witness "{{name}}" is also a node of the cluster; the witness is a vote of its own, on a host of its own.',
    colocatedCluster:
      "The operational database gives both `colocatedWith` and `cluster`; a clustered database runs on its nodes, not on a management server's host: keep one.",
    colocatedElsewhere:
      'The operational database shares host "{{host}}" (`colocatedWith`), which is in data centre "{{hostDataCenter}}", but gives data centre "{{dataCenter}}"; a host is in one data centre: give "{{hostDataCenter}}" or leave `dataCenter` out.',
    listenerElsewhere:
      'The operational database\'s listener "{{name}}" is placed in data centre "{{dataCenter}}", where none of its cluster\'s nodes is ({{nodeDataCenters}}); a listener answers on the node that holds the database: give the data centre of a node, or leave `dataCenter` out.',
    latencyGivenTwice: 'The round trip between {{a}} and {{b}} ({{ms}} ms) is already given by latency entry {{entry}} ({{firstMs}} ms); give each pair once.',
  },
  'unknown-reference': {
    dataCenter: 'Data centre "{{name}}" is not defined in `dataCenters`; define it or correct the name.',
    managementServer: '"{{name}}" is not a management server defined in `managementServers`; define it or correct the name.',
    notManagementServer: '"{{name}}" is a gateway, not a management server; name a management server here.',
    poolMember: '"{{name}}" in pool "{{pool}}" is neither a management server nor a gateway defined in the file.',
    reportsTo:
      '"{{name}}", which gateway "{{gateway}}" reports to, is neither a management server nor a gateway defined in the file; define it or correct the name.',
    failoverServer:
      '"{{name}}", where the agents of "{{server}}" fail over, is neither a management server nor a gateway defined in the file; define it or correct the name.',
    latencyEnd: 'Latency end "{{name}}" names no server, data centre or the operational database\'s server.',
  },
  'duplicate-name': {
    databaseServer: 'The operational database\'s server "{{name}}" is also a {{kind}}; if the database shares that host, say so with `colocatedWith`.',
    listenerIsNode: 'The operational database\'s server "{{name}}" is also a node of its cluster; with a cluster, `server` is the listener or network name.',
    listedTwice: '"{{name}}" is listed twice in `{{list}}`; remove the repeat.',
    memberAndObserver: '"{{name}}" is listed in both `members` and `observers`; a server is one or the other in a pool.',
    duplicatePool: 'Pool "{{name}}" is defined twice (first as "{{first}}"); merge the two entries.',
  },
};
