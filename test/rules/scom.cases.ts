/** The SCOM rules' cases: for each rule, designs it passes and one design per message it gives. */
import { cases, type RuleTests } from '../support/rule-tester.js';
import automaticMembershipMismatch from '../../src/kinds/scom/rules/automatic-membership-mismatch.js';
import automaticMembershipNotAllowed from '../../src/kinds/scom/rules/automatic-membership-not-allowed.js';
import capacityAfterFailover from '../../src/kinds/scom/rules/capacity-after-failover.js';
import capacityExceeded from '../../src/kinds/scom/rules/capacity-exceeded.js';
import dataCenterLoss from '../../src/kinds/scom/rules/data-center-loss.js';
import databaseClusterWithoutWitness from '../../src/kinds/scom/rules/database-cluster-without-witness.js';
import databaseLatencyOver5ms from '../../src/kinds/scom/rules/database-latency-over-5ms.js';
import databaseOnManagementServer from '../../src/kinds/scom/rules/database-on-management-server.js';
import defaultObserverDatabaseLoad from '../../src/kinds/scom/rules/default-observer-database-load.js';
import defaultObserverDisabled from '../../src/kinds/scom/rules/default-observer-disabled.js';
import defaultObserverNoBenefit from '../../src/kinds/scom/rules/default-observer-no-benefit.js';
import defaultObserverOnGatewayPool from '../../src/kinds/scom/rules/default-observer-on-gateway-pool.js';
import gatewayWithoutFailover from '../../src/kinds/scom/rules/gateway-without-failover.js';
import latencyOver10ms from '../../src/kinds/scom/rules/latency-over-10ms.js';
import mixedPool from '../../src/kinds/scom/rules/mixed-pool.js';
import networkPoolNotDedicated from '../../src/kinds/scom/rules/network-pool-not-dedicated.js';
import networkPoolTooSmall from '../../src/kinds/scom/rules/network-pool-too-small.js';
import noHighAvailability from '../../src/kinds/scom/rules/no-high-availability.js';
import observerOnlyMembers from '../../src/kinds/scom/rules/observer-only-members.js';
import poolInCloud from '../../src/kinds/scom/rules/pool-in-cloud.js';
import poolManagerSettingsMismatch from '../../src/kinds/scom/rules/pool-manager-settings-mismatch.js';
import poolManagerSettingsOutOfRange from '../../src/kinds/scom/rules/pool-manager-settings-out-of-range.js';
import poolNameNearDefault from '../../src/kinds/scom/rules/pool-name-near-default.js';
import poolSpansDataCenters from '../../src/kinds/scom/rules/pool-spans-data-centers.js';
import poolWithoutMembers from '../../src/kinds/scom/rules/pool-without-members.js';
import singleManagementServer from '../../src/kinds/scom/rules/single-management-server.js';
import singlePointOfFailure from '../../src/kinds/scom/rules/single-point-of-failure.js';
import unixLinuxRootCertificates from '../../src/kinds/scom/rules/unix-linux-root-certificates.js';

/** capacity-after-failover's data for the worst single failure: who fails, who goes over, whose agents move there. */
const agentsData = (failed: string, server: string, agents: number, limit: number, role: string, owner: string, moved: string) => ({
  failed,
  server,
  agents,
  limit,
  role,
  owner,
  moved,
  also: '',
  command: `Get-SCOMAgent | Where-Object PrimaryManagementServerName -eq "${owner}" | Set-SCOMParentManagementServer -FailoverServer (Get-SCOMManagementServer -Name SERVER)`,
});

/** The command single-point-of-failure gives for gateways' failover servers. */
const GATEWAY_FAILOVER =
  '`Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name GW) -FailoverServer (Get-SCOMManagementServer -Name SERVER)`, and `reportsTo`';

/** A management group's file: its name and database, then `body`. */
export const scom = (body: string) => `version: 1
name: Contoso
databases:
  operational:
    server: sql01
${body}`;

/** The data every finding about one pool carries: its name, and the words messages name it by. */
export const poolWords = (name: string) => ({ pool: name, Pool: `Pool "${name}"`, poolRef: `pool "${name}"`, poolNames: `"${name}"` });

/** The data of one finding for the three implied default pools (rules/default-pools.ts merges theirs). */
const DEFAULT_POOLS_WORDS = {
  pool: 'All Management Servers Resource Pool, Notifications Resource Pool, AD Assignment Resource Pool',
  Pool: 'Each of the default pools "All Management Servers Resource Pool", "Notifications Resource Pool" and "AD Assignment Resource Pool"',
  poolRef: 'the default pools "All Management Servers Resource Pool", "Notifications Resource Pool" and "AD Assignment Resource Pool"',
  poolNames: '"All Management Servers Resource Pool", "Notifications Resource Pool", "AD Assignment Resource Pool"',
};

/** Two management servers and the default pools: what most rules pass. */
export const TWO_SERVERS = scom(`managementServers:
  - name: ms01
  - name: ms02
`);

const THREE_SERVERS = scom(`managementServers:
  - name: ms01
  - name: ms02
  - name: ms03
`);

/** Two data centres, the database in the first; `servers` and anything after them follow. */
const twoSites = (body: string) => `version: 1
name: Contoso
dataCenters:
  - name: east
  - name: west
databases:
  operational:
    server: sql01
    dataCenter: east
${body}`;

const GATEWAYS = `gateways:
  - {name: gw01, reportsTo: [ms01, ms02]}
  - {name: gw02, reportsTo: [ms02, ms01]}
  - {name: gw03, reportsTo: [ms01, ms02]}
`;

export const SCOM_CASES: readonly RuleTests[] = [
  cases(noHighAvailability, {
    valid: [
      { yaml: TWO_SERVERS },
      {
        name: 'a gateway pool of three',
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n${GATEWAYS}pools:\n  - {name: DMZ Gateway Pool, members: [gw01, gw02, gw03], defaultObserver: false}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - name: Single Pool\n    members: [ms01]\n    defaultObserver: false\n`),
        messageId: 'noFailureTolerated',
        pool: 'Single Pool',
        path: '/pools/0',
      },
      {
        yaml: THREE_SERVERS,
        options: { settings: { targetTolerableFailures: 2 } },
        messageId: 'belowTarget',
        path: '/managementServers',
      },
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\n${GATEWAYS}pools:\n  - {name: Mixed Pool, members: [ms01, ms02, gw01, gw02, gw03]}\n`),
        options: { settings: { targetTolerableFailures: 2 } },
        errors: [{ messageId: 'belowTarget' }, { messageId: 'mixedObserver', pool: 'Mixed Pool' }],
      },
    ],
  }),

  cases(singleManagementServer, {
    valid: [{ yaml: TWO_SERVERS }],
    invalid: [{ yaml: scom(`managementServers:\n  - name: ms01\n`), messageId: 'single', data: { name: 'ms01' }, path: '/managementServers/0' }],
  }),

  cases(defaultObserverOnGatewayPool, {
    valid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n${GATEWAYS}pools:\n  - {name: DMZ Gateway Pool, members: [gw01, gw02, gw03], defaultObserver: false}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\n${GATEWAYS}pools:\n  - {name: DMZ Gateway Pool, members: [gw01, gw02, gw03]}\n`),
        messageId: 'gatewayPool',
        pool: 'DMZ Gateway Pool',
        path: '/pools/0',
      },
    ],
  }),

  cases(defaultObserverDisabled, {
    valid: [
      { yaml: TWO_SERVERS },
      {
        name: 'disabled where it would not help',
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: Web Pool, members: [ms01, ms02, ms03], defaultObserver: false}\n`,
        ),
      },
      {
        name: 'disabled beside six management servers, as default-observer-database-load asks, though it would add a failure',
        yaml: scom(
          `managementServers:\n${[1, 2, 3, 4, 5, 6].map((i) => `  - name: ms0${i}\n`).join('')}pools:\n  - {name: Web Pool, members: [ms01, ms02, ms03, ms04, ms05, ms06], defaultObserver: false}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - name: Scripted Pool\n    members: [ms01, ms02]\n    createdWith: powershell\n`,
        ),
        messageId: 'wouldHelp',
        pool: 'Scripted Pool',
        path: '/pools/0',
      },
    ],
  }),

  cases(defaultObserverNoBenefit, {
    valid: [{ yaml: TWO_SERVERS }],
    invalid: [
      {
        yaml: THREE_SERVERS,
        messageId: 'noBenefit',
        path: '/managementServers',
        data: { ...DEFAULT_POOLS_WORDS, failures: 1, tolerates: '1 failure', members: 3 },
      },
      {
        // Two members and an observer: with one member fewer it tolerates nothing either way (four
        // management servers, so that the default pools, which the default observer helps, are quiet).
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\n  - name: ms04\npools:\n  - {name: Observed Pool, members: [ms01, ms02], observers: [ms03]}\n`,
        ),
        messageId: 'noBenefitWithOneFewer',
        path: '/pools/0',
        data: { ...poolWords('Observed Pool'), failures: 1, tolerates: '1 failure', members: 2 },
      },
    ],
  }),

  cases(defaultObserverDatabaseLoad, {
    valid: [{ yaml: THREE_SERVERS }],
    invalid: [
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\n  - name: ms04\n  - name: ms05\n`),
        messageId: 'load',
        path: '/managementServers',
        data: { ...DEFAULT_POOLS_WORDS, managementServers: 5, with: '2 failures', without: '2 failures' },
      },
      {
        // Six: the default observer's vote is the seventh, worth a failure (3 with it, 2 without);
        // the message says so rather than that it is not needed.
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\n  - name: ms04\n  - name: ms05\n  - name: ms06\n`),
        messageId: 'load',
        path: '/managementServers',
        data: { ...DEFAULT_POOLS_WORDS, managementServers: 6, with: '3 failures', without: '2 failures' },
      },
    ],
  }),

  cases(latencyOver10ms, {
    valid: [
      {
        yaml: twoSites(
          `latency:\n  - {between: [east, west], ms: 8}\nmanagementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: west}\npools:\n  - {name: Stretched Pool, members: [ms01, ms02], defaultObserver: false}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: twoSites(
          `latency:\n  - {between: [east, west], ms: "24 ms"}\nmanagementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: west}\npools:\n  - {name: Stretched Pool, members: [ms01, ms02], defaultObserver: false}\n`,
        ),
        errors: [
          // The default pools, then the stretched pool: one finding each, at the measured round trip.
          { messageId: 'tooSlow', path: '/latency/0/ms' },
          { messageId: 'tooSlow', pool: 'Stretched Pool', path: '/latency/0/ms' },
        ],
      },
    ],
  }),
  cases(poolSpansDataCenters, {
    valid: [{ yaml: twoSites(`managementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: east}\n`) }],
    invalid: [
      {
        yaml: twoSites(`managementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: west}\n`),
        messageId: 'spansDefault',
        path: '/managementServers',
      },
      {
        yaml: twoSites(
          `managementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: east}\n  - {name: ms03, dataCenter: west}\npools:\n  - {name: Stretched Pool, members: [ms02, ms03]}\n`,
        ),
        errors: [{ messageId: 'spansDefault' }, { messageId: 'spans', pool: 'Stretched Pool', path: '/pools/0' }],
      },
      {
        // Its members are all in west: only the default observer (the database, in east) brings east.
        yaml: twoSites(
          `managementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: east}\n  - {name: ms03, dataCenter: west}\n  - {name: ms04, dataCenter: west}\npools:\n  - {name: West Pool, members: [ms03, ms04]}\n`,
        ),
        errors: [
          { messageId: 'spansDefault' },
          {
            messageId: 'spansByDatabase',
            pool: 'West Pool',
            path: '/pools/0',
            data: { ...poolWords('West Pool'), count: 2, dataCenters: 'east, west', own: 'west', database: 'east' },
          },
        ],
      },
      {
        // The database's listener is placed in west, but a node of its cluster is in east, the
        // members' site: the advice is to run the database there, not to move the members.
        yaml: `version: 1
name: Contoso
dataCenters: [{name: east}, {name: west}, {name: dmz}]
databases:
  operational:
    server: ag-listener
    dataCenter: west
    cluster:
      nodes:
        - {name: sql-e1, dataCenter: east}
        - {name: sql-w1, dataCenter: west}
      witness: {name: fsw01, dataCenter: dmz}
managementServers:
  - {name: ms01, dataCenter: east}
  - {name: ms02, dataCenter: east}
  - {name: ms03, dataCenter: east}
`,
        messageId: 'spansByDatabaseNode',
        path: '/managementServers',
        data: {
          ...DEFAULT_POOLS_WORDS,
          count: 2,
          dataCenters: 'east, west',
          own: 'east',
          database: 'west',
          listener: 'ag-listener',
          nodes: 'sql-e1',
        },
      },
    ],
  }),

  cases(poolInCloud, {
    valid: [
      {
        yaml: scom(
          `dataCenters:\n  - {name: east, location: on-premises}\nmanagementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: east}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: `version: 1\nname: Contoso\ndataCenters:\n  - {name: azure-weu, location: azure}\ndatabases:\n  operational: {server: sql01, dataCenter: azure-weu}\nmanagementServers:\n  - {name: ms01, dataCenter: azure-weu}\n  - {name: ms02, dataCenter: azure-weu}\n`,
        messageId: 'inCloud',
        path: '/managementServers',
      },
    ],
  }),

  cases(dataCenterLoss, {
    valid: [
      { yaml: twoSites(`managementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: east}\n`) },
      {
        // West Pool's servers are all in west, and only its default observer (the database) in east:
        // losing west takes all its members, as it would a pool within one site; no split helps.
        yaml: twoSites(
          `managementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: east}\n  - {name: ms03, dataCenter: west}\n  - {name: ms04, dataCenter: west}\npools:\n  - {name: West Pool, members: [ms03, ms04]}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: twoSites(`managementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: west}\n  - {name: ms03, dataCenter: west}\n`),
        messageId: 'stops',
        path: '/managementServers',
      },
      {
        // Losing north leaves the west gateways their quorum but not the management server they report to.
        yaml: `version: 1\nname: Contoso\ndataCenters:\n  - name: east\n  - name: west\n  - name: north\ndatabases:\n  operational: {server: sql01, dataCenter: east}\nmanagementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: north}\ngateways:\n  - {name: gw01, dataCenter: west, reportsTo: [ms02]}\n  - {name: gw02, dataCenter: west, reportsTo: [ms02]}\n  - {name: gw03, dataCenter: north, reportsTo: [ms02]}\npools:\n  - {name: DMZ Gateway Pool, members: [gw01, gw02, gw03], defaultObserver: false}\n`,
        errors: [
          {
            messageId: 'cutOff',
            pool: 'DMZ Gateway Pool',
            path: '/pools/0',
            data: {
              ...poolWords('DMZ Gateway Pool'),
              dataCenter: 'north',
              votesLeft: 2,
              votesNeeded: 2,
              membersLeft: 2,
              votes: '2 votes',
              members: '2 members',
            },
          },
          {
            messageId: 'stops',
            pool: 'DMZ Gateway Pool',
            data: { ...poolWords('DMZ Gateway Pool'), dataCenter: 'west', votesLeft: 1, votesNeeded: 2, membersLeft: 1, votes: '1 vote', members: '1 member' },
          },
        ],
      },
      {
        // The gateways list gw-west as their failover server, in the west with the database, but
        // gw-west reports through ms-e1 alone: losing east cuts it off with the rest, so "a failover
        // server in another data centre" would be one they already have.
        yaml: `version: 1\nname: Contoso\ndataCenters:\n  - name: east\n  - name: west\n  - name: dmz1\n  - name: dmz2\ndatabases:\n  operational: {server: sql01, dataCenter: west}\nmanagementServers:\n  - {name: ms-e1, dataCenter: east}\n  - {name: ms-w1, dataCenter: west}\ngateways:\n  - {name: gw-west, dataCenter: west, reportsTo: [ms-e1]}\n  - {name: gw1, dataCenter: dmz1, reportsTo: [ms-e1, gw-west]}\n  - {name: gw2, dataCenter: dmz1, reportsTo: [ms-e1, gw-west]}\n  - {name: gw3, dataCenter: dmz2, reportsTo: [ms-e1, gw-west]}\npools:\n  - {name: DMZ Gateway Pool, members: [gw1, gw2, gw3], defaultObserver: false}\n`,
        errors: [
          {
            messageId: 'cutOffWithOthers',
            pool: 'DMZ Gateway Pool',
            path: '/pools/0',
            data: {
              ...poolWords('DMZ Gateway Pool'),
              dataCenter: 'east',
              votesLeft: 3,
              votesNeeded: 2,
              membersLeft: 3,
              votes: '3 votes',
              members: '3 members',
              cutOff: 'gw-west',
              isOrAre: 'is',
            },
          },
          { messageId: 'stops', pool: 'DMZ Gateway Pool', path: '/pools/0' },
        ],
      },
    ],
  }),

  cases(databaseLatencyOver5ms, {
    valid: [
      {
        yaml: twoSites(
          `latency:\n  - {between: [east, west], ms: 4}\nmanagementServers:\n  - {name: ms01, dataCenter: west}\n  - {name: ms02, dataCenter: west}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: twoSites(
          `latency:\n  - {between: [east, west], ms: 7}\nmanagementServers:\n  - {name: ms01, dataCenter: west}\n  - {name: ms02, dataCenter: east}\n`,
        ),
        messageId: 'tooSlow',
        path: '/latency/0/ms',
        data: { a: 'east', b: 'west', ms: 7, limit: 5, servers: 1, affected: '1 management server' },
      },
    ],
  }),

  cases(poolManagerSettingsMismatch, {
    valid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n    poolManager: {leaseRequestPeriodSeconds: 300}\n  - name: ms02\n    poolManager: {leaseRequestPeriodSeconds: 300}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\n    poolManager: {leaseRequestPeriodSeconds: 300}\n`),
        messageId: 'mismatch',
        path: '/managementServers',
      },
    ],
  }),

  cases(poolManagerSettingsOutOfRange, {
    valid: [{ yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\npoolManager:\n  leaseRequestPeriodSeconds: 240\n`) }],
    invalid: [
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\npoolManager:\n  leaseRequestPeriodSeconds: 900\n`),
        messageId: 'tooHigh',
        path: '/poolManager/leaseRequestPeriodSeconds',
      },
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\npoolManager:\n  networkLatencySeconds: 0\n`),
        messageId: 'notPositive',
        path: '/poolManager/networkLatencySeconds',
      },
    ],
  }),

  cases(databaseOnManagementServer, {
    valid: [{ yaml: TWO_SERVERS }],
    invalid: [
      {
        yaml: `version: 1\nname: Contoso\ndatabases:\n  operational:\n    server: ms01\n    colocatedWith: ms01\nmanagementServers:\n  - name: ms01\n  - name: ms02\n`,
        messageId: 'colocated',
        data: { server: 'ms01' },
        path: '/databases/operational/colocatedWith',
      },
    ],
  }),

  cases(networkPoolNotDedicated, {
    valid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: All Management Servers Resource Pool, membership: manual, members: [ms01, ms02]}\n  - {name: Notifications Resource Pool, membership: manual, members: [ms01, ms02]}\n  - {name: AD Assignment Resource Pool, membership: manual, members: [ms01, ms02]}\n  - {name: Network Monitoring Pool, purpose: network, members: [ms03], workload: {networkDevices: 100}}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: Network Monitoring Pool, purpose: network, members: [ms03], workload: {networkDevices: 100}}\n`,
        ),
        messageId: 'notDedicated',
        pool: 'Network Monitoring Pool',
        path: '/pools/0/members/0',
      },
    ],
  }),

  cases(unixLinuxRootCertificates, {
    valid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: UNIX Pool, purpose: unix-linux, members: [ms02, ms03], workload: {unixLinuxAgents: 200}}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\n    unixLinuxRootCertificates: false\npools:\n  - {name: UNIX Pool, purpose: unix-linux, members: [ms02, ms03], workload: {unixLinuxAgents: 200}}\n`,
        ),
        messageId: 'missing',
        data: { ...poolWords('UNIX Pool'), name: 'ms03' },
        pool: 'UNIX Pool',
        path: '/pools/0/members/1',
      },
    ],
  }),

  cases(automaticMembershipMismatch, {
    valid: [{ yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: Notifications Resource Pool, members: [ms01, ms02]}\n`) }],
    invalid: [
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: Notifications Resource Pool, members: [ms01]}\n`),
        messageId: 'mismatch',
        pool: 'Notifications Resource Pool',
        path: '/pools/0/members',
      },
    ],
  }),

  cases(automaticMembershipNotAllowed, {
    valid: [{ yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: Web Pool, membership: manual, members: [ms01, ms02]}\n`) }],
    invalid: [
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: Web Pool, membership: automatic, members: [ms01, ms02]}\n`),
        messageId: 'notAllowed',
        pool: 'Web Pool',
        path: '/pools/0/membership',
      },
    ],
  }),

  cases(observerOnlyMembers, {
    valid: [{ yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: Web Pool, members: [ms01, ms02, ms03]}\n`) }],
    invalid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: Web Pool, members: [ms01, ms02], observers: [ms03]}\n`,
        ),
        messageId: 'observers',
        pool: 'Web Pool',
        path: '/pools/0/observers',
        data: { ...poolWords('Web Pool'), count: 1, observers: '1 observer-only member', names: 'ms03' },
      },
    ],
  }),

  cases(gatewayWithoutFailover, {
    valid: [
      { yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, reportsTo: [ms01, ms02]}\n`) },
      {
        // Its second parent, a gateway, reports through ms02 too: losing ms01 leaves it a way.
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, reportsTo: [ms01, gw02]}\n  - {name: gw02, reportsTo: [ms01, ms02]}\n`,
        ),
      },
    ],
    invalid: [
      {
        // Its failover, gw02, reports only through ms01, its primary: losing ms01 cuts off both.
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, reportsTo: [ms01, gw02]}\n  - {name: gw02, reportsTo: [ms01]}\n`,
        ),
        errors: [
          {
            messageId: 'failoverThroughOne',
            path: '/gateways/0/reportsTo',
            data: { name: 'gw01', nameArgument: '"gw01"', count: 2, servers: 'ms01, gw02', through: 'ms01', relays: 'gw02' },
          },
          { messageId: 'noFailover', path: '/gateways/1/reportsTo' },
        ],
      },
      {
        // Both of its parents are gateways that report only through ms02.
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, reportsTo: [gw02, gw03]}\n  - {name: gw02, reportsTo: [ms02]}\n  - {name: gw03, reportsTo: [ms02]}\n`,
        ),
        errors: [
          {
            messageId: 'failoverThroughOne',
            path: '/gateways/0/reportsTo',
            data: { name: 'gw01', nameArgument: '"gw01"', count: 2, servers: 'gw02, gw03', through: 'ms02', relays: 'gw02, gw03' },
          },
          { messageId: 'noFailover', path: '/gateways/1/reportsTo' },
          { messageId: 'noFailover', path: '/gateways/2/reportsTo' },
        ],
      },
      {
        // Its failover, gw02, reports to no server: it is no path through ms01 or anything else, so not a relay "as well".
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, reportsTo: [ms01, gw02]}\n  - {name: gw02, reportsTo: []}\n`,
        ),
        errors: [
          {
            messageId: 'failoverCutOff',
            path: '/gateways/0/reportsTo',
            data: { name: 'gw01', nameArgument: '"gw01"', count: 2, servers: 'ms01, gw02', through: 'ms01', cutOff: 'gw02', isOrAre: 'is' },
          },
          { messageId: 'noParent', path: '/gateways/1/reportsTo' },
        ],
      },
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, reportsTo: [ms01]}\n`),
        messageId: 'noFailover',
        path: '/gateways/0/reportsTo',
      },
      {
        // The group's only management server: no server there can be its failover, so the advice is to add one.
        yaml: scom(`managementServers:\n  - name: ms01\ngateways:\n  - {name: gw01, reportsTo: [ms01], agents: 200}\n`),
        messageId: 'onlyManagementServer',
        path: '/gateways/0/reportsTo',
        data: { name: 'gw01', nameArgument: '"gw01"', count: 1, servers: 'one management server, ms01', parent: 'ms01' },
      },
      { yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, reportsTo: []}\n`), messageId: 'noParent' },
      {
        // Its agents name failover servers of their own: while ms01 is down they go there, not with it.
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, agents: 300, reportsTo: [ms01], failoverServers: [ms02]}\n`,
        ),
        messageId: 'noFailoverAgentsListed',
        path: '/gateways/0/reportsTo',
        data: { name: 'gw01', nameArgument: '"gw01"', count: 1, servers: 'one management server, ms01', parent: 'ms01' },
      },
      {
        // Cut off with nothing down, its agents are on the first connected server of their list, gw02.
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, agents: 300, reportsTo: [], failoverServers: [gw02, ms02]}\n  - {name: gw02, reportsTo: [ms01, ms02]}\n`,
        ),
        messageId: 'noParentAgentsMoved',
        path: '/gateways/0/reportsTo',
        data: { name: 'gw01', count: 0, servers: 'no server', agents: '300 agents', to: 'gw02', past: '' },
      },
      {
        // gw02, first on the list, reports to no server either: the agents go on to ms02.
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw01, agents: 300, reportsTo: [], failoverServers: [gw02, ms02]}\n  - {name: gw02, reportsTo: []}\n`,
        ),
        errors: [
          {
            messageId: 'noParentAgentsMoved',
            path: '/gateways/0/reportsTo',
            data: { name: 'gw01', count: 0, servers: 'no server', agents: '300 agents', to: 'ms02', past: ' (gw02 is cut off)' },
          },
          { messageId: 'noParent', path: '/gateways/1/reportsTo' },
        ],
      },
    ],
  }),

  cases(capacityExceeded, {
    valid: [{ yaml: scom(`managementServers:\n  - {name: ms01, agents: 2900}\n  - {name: ms02, agents: 100}\n`) }],
    invalid: [
      {
        yaml: scom(`managementServers:\n  - {name: ms01, agents: 3500}\n  - {name: ms02, agents: 100}\n`),
        messageId: 'serverAgents',
        path: '/managementServers/0/agents',
      },
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: UNIX Pool, purpose: unix-linux, members: [ms01, ms02, ms03], workload: {unixLinuxAgents: 4500}}\n`,
        ),
        messageId: 'poolWorkload',
        pool: 'UNIX Pool',
        path: '/pools/0/workload/unixLinuxAgents',
      },
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: Network Monitoring Pool, purpose: network, members: [ms01, ms02, ms03], workload: {networkDevices: 1200}}\n`,
        ),
        messageId: 'poolLimit',
        pool: 'Network Monitoring Pool',
        path: '/pools/0/workload/networkDevices',
      },
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: UNIX Pool, purpose: unix-linux, members: [], workload: {unixLinuxAgents: 100}}\n`,
        ),
        messageId: 'noMembers',
        pool: 'UNIX Pool',
        path: '/pools/0/workload/unixLinuxAgents',
      },
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\n  - name: ms04\n  - name: ms05\n  - name: ms06\npools:\n  - {name: Network Pool A, purpose: network, members: [ms01, ms02], workload: {networkDevices: 800}}\n  - {name: Network Pool B, purpose: network, members: [ms03, ms04], workload: {networkDevices: 800}}\n  - {name: Network Pool C, purpose: network, members: [ms05, ms06], workload: {networkDevices: 800}}\n`,
        ),
        messageId: 'groupTotal',
        data: { total: 2400, item: 'network devices', limit: 2000 },
      },
    ],
  }),

  cases(capacityAfterFailover, {
    valid: [{ yaml: scom(`managementServers:\n  - {name: ms01, agents: 1000}\n  - {name: ms02, agents: 1000}\n`) }],
    invalid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: UNIX Pool, purpose: unix-linux, members: [ms01, ms02, ms03], workload: {unixLinuxAgents: 2500}}\n`,
        ),
        messageId: 'poolWorkload',
        pool: 'UNIX Pool',
      },
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: UNIX Pool, purpose: unix-linux, members: [ms01, ms02], workload: {unixLinuxAgents: 1600}}\n`,
        ),
        messageId: 'poolWorkloadOneLeft',
        pool: 'UNIX Pool',
      },
      {
        yaml: scom(`managementServers:\n  - {name: ms01, agents: 2000}\n  - {name: ms02, agents: 2000}\n`),
        // Reported once, at the server whose agents go over (it names no failover server: spread). The
        // 4,000 agents are more than one server can take: no failover list helps, only another server.
        messageId: 'agentsNoRoom',
        path: '/managementServers/0',
        data: {
          ...agentsData('ms01', 'ms02', 4000, 3000, 'management server', 'ms01', 'its 2,000 agents'),
          go: 'go to ms02, the only management server still connected',
          managementServers: 2,
          total: 4000,
          left: 1,
          leftServers: '1 server',
          capacity: 3000,
          add: '1 management server',
          them: 'it',
          addManagementServers: 1,
        },
      },
      {
        yaml: scom(`managementServers:\n  - {name: ms01, agents: 2400}\n  - {name: ms02, agents: 2400}\n  - {name: ms03, agents: 2400}\n`),
        // Spread over the two left, 1,200 each: 7,200 agents are more than two servers take, so adding
        // a management server (the shares get smaller) is the only way.
        messageId: 'agentsNoRoom',
        path: '/managementServers/0',
        data: {
          ...agentsData('ms01', 'ms02', 3600, 3000, 'management server', 'ms01', 'its 2,400 agents'),
          go: 'are spread over the 2 management servers still connected',
          managementServers: 3,
          total: 7200,
          left: 2,
          leftServers: '2 servers',
          capacity: 6000,
          add: '1 management server',
          them: 'it',
          addManagementServers: 1,
        },
      },
      {
        yaml: scom(
          `managementServers:\n  - {name: ms01, agents: 2000}\n  - {name: ms02, agents: 2900, failoverServers: [ms03]}\n  - {name: ms03, agents: 100, failoverServers: [ms02]}\n`,
        ),
        // ms01 names no failover server: its agents are spread, 1,000 each, and ms02 goes over; ms03 has
        // room for all of them, so naming it is advice that can be followed.
        messageId: 'agentsSpread',
        path: '/managementServers/0',
        data: {
          ...agentsData('ms01', 'ms02', 3900, 3000, 'management server', 'ms01', 'its 2,000 agents'),
          spreadOver: 2,
          spread: 'are spread over the 2 management servers still connected',
        },
      },
      {
        // All of ms01's agents go to ms04, the first connected server of its list: a second name after
        // it would move none of them, so the advice is about the first one (FORMAT.md, "Agents after failures").
        yaml: scom(
          `managementServers:\n  - {name: ms01, agents: 1300, failoverServers: [ms04, ms02]}\n  - {name: ms02, agents: 1300}\n  - {name: ms03, agents: 1300}\n  - {name: ms04, agents: 1800, failoverServers: [ms01]}\n`,
        ),
        messageId: 'agentsToFirst',
        path: '/managementServers/0/failoverServers',
        data: agentsData('ms01', 'ms04', 3100, 3000, 'management server', 'ms01', 'its 1,300 agents'),
      },
      {
        // The first server of ms01's list is gw01, which reports through ms01 alone: ms01's failure cuts
        // it off, so ms01's agents go past it to ms02. gw01 has room for them (200 + 1,400 of 2,000):
        // advice about the first server of the list would move none of them.
        yaml: scom(
          `managementServers:\n  - {name: ms01, agents: 1400, failoverServers: [gw01, ms02]}\n  - {name: ms02, agents: 1700}\n  - {name: ms03, agents: 100}\ngateways:\n  - {name: gw01, agents: 200, reportsTo: [ms01]}\n`,
        ),
        messageId: 'agentsPastFirst',
        path: '/managementServers/0/failoverServers',
        data: { ...agentsData('ms01', 'ms02', 3100, 3000, 'management server', 'ms01', 'its 1,400 agents'), passedOver: 'gw01 is cut off' },
      },
      {
        // A branch gateway chained behind gw-dmz01 names gw-branch02 then gw-dmz02 for its agents; both
        // branch gateways report through gw-dmz01, so its failure cuts them off and gw-branch01's agents
        // go to gw-dmz02. gw-dmz01's own agents go nowhere (it names no failover server): the advice is
        // about gw-branch01's list, not about the failed gateway's.
        yaml: scom(
          `managementServers:\n  - {name: ms01, agents: 1200}\n  - {name: ms02, agents: 1200}\ngateways:\n  - {name: gw-dmz01, agents: 400, reportsTo: [ms01, ms02]}\n  - {name: gw-dmz02, agents: 900, reportsTo: [ms02, ms01]}\n  - {name: gw-dmz03, agents: 400, reportsTo: [ms01, ms02]}\n  - {name: gw-branch01, agents: 1200, reportsTo: [gw-dmz01], failoverServers: [gw-branch02, gw-dmz02]}\n  - {name: gw-branch02, agents: 300, reportsTo: [gw-dmz01], failoverServers: [gw-dmz03]}\n`,
        ),
        messageId: 'agentsPastFirst',
        path: '/gateways/3/failoverServers',
        data: {
          ...agentsData('gw-dmz01', 'gw-dmz02', 2100, 2000, 'gateway', 'gw-branch01', 'the 1,200 agents of gw-branch01 (cut off)'),
          passedOver: 'gw-branch02 is cut off',
        },
      },
      {
        // Two branch gateways cut off by gw-dmz01's failure both send their agents to gw-dmz02: the
        // larger is the one to change, and the other is named beside it.
        yaml: scom(
          `managementServers:\n  - {name: ms01, agents: 1000}\n  - {name: ms02, agents: 1000}\ngateways:\n  - {name: gw-dmz01, agents: 400, reportsTo: [ms01, ms02]}\n  - {name: gw-dmz02, agents: 900, reportsTo: [ms02, ms01]}\n  - {name: gw-branch01, agents: 300, reportsTo: [gw-dmz01], failoverServers: [gw-dmz02]}\n  - {name: gw-branch02, agents: 1000, reportsTo: [gw-dmz01], failoverServers: [gw-dmz02]}\n`,
        ),
        messageId: 'agentsToFirst',
        path: '/gateways/3/failoverServers',
        data: {
          ...agentsData('gw-dmz01', 'gw-dmz02', 2200, 2000, 'gateway', 'gw-branch02', 'the 1,000 agents of gw-branch02 (cut off)'),
          also: ', those of gw-branch01 included',
        },
      },
    ],
  }),

  cases(mixedPool, {
    valid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n${GATEWAYS}pools:\n  - {name: DMZ Gateway Pool, members: [gw01, gw02, gw03], defaultObserver: false}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(`managementServers:\n  - name: ms01\n  - name: ms02\n${GATEWAYS}pools:\n  - {name: Mixed Pool, members: [ms01, gw01, gw02]}\n`),
        messageId: 'mixed',
        pool: 'Mixed Pool',
        path: '/pools/0',
      },
    ],
  }),

  cases(poolWithoutMembers, {
    valid: [{ yaml: THREE_SERVERS }],
    invalid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: Observers Only, members: [], observers: [ms01, ms02, ms03]}\n`,
        ),
        messageId: 'noMembers',
        pool: 'Observers Only',
        path: '/pools/0',
      },
    ],
  }),

  cases(singlePointOfFailure, {
    valid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\n${GATEWAYS}pools:\n  - {name: DMZ Gateway Pool, members: [gw01, gw02, gw03], defaultObserver: false}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\ngateways:\n  - {name: gw01, reportsTo: [ms01]}\n  - {name: gw02, reportsTo: [ms01]}\n  - {name: gw03, reportsTo: [ms01]}\npools:\n  - {name: DMZ Gateway Pool, members: [gw01, gw02, gw03], defaultObserver: false}\n`,
        ),
        messageId: 'single',
        pool: 'DMZ Gateway Pool',
        path: '/pools/0',
        data: {
          ...poolWords('DMZ Gateway Pool'),
          tolerates: '1 member failure',
          names: 'ms01',
          count: 1,
          reason: 'its members reach the management group only through it',
          advice: `give the gateways a server to report to that stays connected without ms01 (${GATEWAY_FAILOVER}), adding one where there is none.`,
        },
      },
      {
        // The gateways do list another server, gw-relay, but it reports through ms01 alone: losing
        // ms01 cuts it off too, so "another server to report to" would be one they already have.
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\ngateways:\n  - {name: gw-relay, reportsTo: [ms01]}\n  - {name: gw01, reportsTo: [ms01, gw-relay]}\n  - {name: gw02, reportsTo: [ms01, gw-relay]}\n  - {name: gw03, reportsTo: [ms01, gw-relay]}\npools:\n  - {name: DMZ Gateway Pool, members: [gw01, gw02, gw03], defaultObserver: false}\n`,
        ),
        messageId: 'single',
        pool: 'DMZ Gateway Pool',
        path: '/pools/0',
        data: {
          ...poolWords('DMZ Gateway Pool'),
          tolerates: '1 member failure',
          names: 'ms01',
          count: 1,
          reason: 'its members reach the management group only through it',
          advice: `give the gateways a server to report to that stays connected without ms01: gw-relay, on their lists, is cut off with it (${GATEWAY_FAILOVER}), adding one where there is none.`,
        },
      },
    ],
  }),

  cases(databaseClusterWithoutWitness, {
    valid: [
      {
        yaml: `version: 1\nname: Contoso\ndatabases:\n  operational:\n    server: sqlag-listener\n    cluster:\n      nodes: [{name: sql01a}, {name: sql01b}]\n      witness: {name: fsw01}\nmanagementServers:\n  - name: ms01\n  - name: ms02\n`,
      },
    ],
    invalid: [
      {
        yaml: `version: 1\nname: Contoso\ndatabases:\n  operational:\n    server: sqlag-listener\n    cluster:\n      nodes: [{name: sql01a}, {name: sql01b}]\nmanagementServers:\n  - name: ms01\n  - name: ms02\n`,
        messageId: 'noWitness',
        data: { count: 2, nodes: '2 nodes' },
        path: '/databases/operational/cluster',
      },
    ],
  }),

  cases(networkPoolTooSmall, {
    valid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: Network Monitoring Pool, purpose: network, members: [ms01, ms02, ms03], workload: {networkDevices: 400}}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: Network Monitoring Pool, purpose: network, members: [ms02, ms03], workload: {networkDevices: 400}}\n`,
        ),
        messageId: 'tooSmall',
        pool: 'Network Monitoring Pool',
        path: '/pools/0/workload/networkDevices',
        data: { ...poolWords('Network Monitoring Pool'), devices: 400, members: '2 management servers' },
      },
    ],
  }),

  cases(poolNameNearDefault, {
    valid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: Notifications Resource Pool, membership: manual, members: [ms01, ms02]}\n`,
        ),
      },
    ],
    invalid: [
      {
        yaml: scom(
          `managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: Notification Resource Pool, membership: manual, members: [ms01, ms02]}\n`,
        ),
        messageId: 'nearDefault',
        pool: 'Notification Resource Pool',
        path: '/pools/0/name',
        data: {
          name: 'Notification Resource Pool',
          meant: 'Notifications Resource Pool',
          Pool: 'Pool "Notification Resource Pool"',
          poolRef: 'pool "Notification Resource Pool"',
          poolNames: '"Notification Resource Pool"',
        },
      },
    ],
  }),
];
