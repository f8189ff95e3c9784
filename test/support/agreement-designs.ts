/**
 * Designs written from the seeds' scenarios for the agreement test: SCOM management groups in one and
 * two data centres, gateways with failover, database clusters, a colocated database, mixed and
 * observer pools (seeds 000 to 002); Skype pool pairs in each PoolState (seed 003). OpCon's four
 * scenarios (seed 004) are the examples opcon-seed-scenario-*.yaml.
 */

const ms = (name: string, dc: string, extra = '') => `  - {name: ${name}, dataCenter: ${dc}${extra}}`;

export const SCOM_DESIGNS: Readonly<Record<string, string>> = {
  'one-dc-three-ms.yaml': `version: 1
name: one site
databases:
  operational: {server: sql01}
managementServers:
${ms('ms01', 'default')}
${ms('ms02', 'default')}
${ms('ms03', 'default')}
`,
  'two-dc-stretched.yaml': `version: 1
name: two sites
dataCenters: [{name: east}, {name: west}]
databases:
  operational: {server: sql01, dataCenter: east}
managementServers:
${ms('ms01', 'east', ', agents: 100')}
${ms('ms02', 'east')}
${ms('ms03', 'west', ', agents: 100, failoverServers: [ms01]')}
${ms('ms04', 'west')}
pools:
  - {name: West Pool, members: [ms03, ms04]}
  - {name: Observed Pool, members: [ms03, ms04], observers: [ms01]}
  - {name: No Observer Pool, members: [ms01, ms03, ms04], createdWith: powershell}
`,
  'gateways-failover.yaml': `version: 1
name: gateways
dataCenters: [{name: main}, {name: dmz}]
databases:
  operational: {server: sql01, dataCenter: main}
managementServers:
${ms('ms01', 'main')}
${ms('ms02', 'main')}
gateways:
  - {name: gw01, dataCenter: dmz, agents: 10, managementServers: [ms01, ms02]}
  - {name: gw02, dataCenter: dmz, agents: 10, managementServers: [ms02]}
  - {name: gw03, dataCenter: dmz, agents: 10, reportsTo: [gw01, gw02], failoverServers: [gw02]}
pools:
  - {name: Gateway Pool, members: [gw01, gw02, gw03]}
  - {name: Chained Pool, members: [gw03]}
  - {name: Mixed Pool, members: [ms01, gw01, gw02]}
  - {name: Mixed Wide Pool, members: [ms01, ms02, gw01, gw02, gw03]}
  - {name: Gateway Observer Pool, members: [gw01, gw02], observers: [ms02]}
`,
  'database-cluster.yaml': `version: 1
name: cluster
dataCenters: [{name: a}, {name: b}, {name: w}]
databases:
  operational:
    server: listener
    dataCenter: a
    cluster:
      nodes: [{name: sqla, dataCenter: a}, {name: sqlb, dataCenter: b}]
      witness: {name: fsw, dataCenter: w}
managementServers:
${ms('ms01', 'a')}
${ms('ms02', 'b')}
${ms('ms03', 'b')}
`,
  'database-cluster-no-witness.yaml': `version: 1
name: cluster two nodes
dataCenters: [{name: a}, {name: b}]
databases:
  operational:
    server: listener
    dataCenter: a
    cluster:
      nodes: [{name: sqla, dataCenter: a}, {name: sqlb, dataCenter: b}, {name: sqlc, dataCenter: b}]
managementServers:
${ms('ms01', 'a')}
${ms('ms02', 'b')}
`,
  'colocated.yaml': `version: 1
name: colocated
databases:
  operational: {server: ms01, colocatedWith: ms01}
managementServers:
${ms('ms01', 'default')}
${ms('ms02', 'default')}
${ms('ms03', 'default')}
pools:
  - {name: Pair Pool, members: [ms01, ms02]}
`,
  'five-ms-observers.yaml': `version: 1
name: five
dataCenters: [{name: x}, {name: y}]
databases:
  operational: {server: sql01, dataCenter: y}
managementServers:
${ms('ms01', 'x')}
${ms('ms02', 'x')}
${ms('ms03', 'x')}
${ms('ms04', 'y')}
${ms('ms05', 'y')}
gateways:
  - {name: gw01, dataCenter: x, managementServers: [ms04]}
pools:
  - {name: Network Pool, members: [ms01, ms02, ms03], observers: [ms04, ms05], purpose: network}
  - {name: Gateway Observed Pool, members: [ms01], observers: [gw01]}
  - {name: Empty Pool, members: []}
`,
};

const pool = (name: string, fes: string[], state: string, extra = '') =>
  `  - {name: ${name}, site: ${name.split('.')[0]}, edition: enterprise, platform: physical, operatingSystem: Windows Server 2019, users: 1000, maxUsers: 1500, frontEnds: [${fes.join(', ')}], poolState: ${state}${extra}}`;

const STATES = ['Active', 'FailingOver', 'FailedOver', 'FailingBack'];

/** A pair of pools in every combination of PoolStates, with back ends mirrored or not and pools of two to four front ends. */
export const SKYPE_DESIGNS: Readonly<Record<string, string>> = Object.fromEntries(
  STATES.flatMap((a, i) =>
    STATES.map((b, j) => [
      `skype-${a}-${b}.yaml`,
      `version: 1
kind: skype-pool-pair
name: pair
pools:
${pool('east.contoso.com', ['e1', 'e2', 'e3', 'e4'].slice(0, 2 + ((i + j) % 3)), a, i % 2 === 0 ? ', backEnd: {mirrored: true}, centralManagementStore: true' : '')}
${pool('west.contoso.com', ['w1', 'w2', 'w3', 'w4'].slice(0, 2 + ((i * 2 + j) % 3)), b, j % 2 === 1 ? ', backEnd: {mirrored: true}' : '')}
pairs:
  - [east.contoso.com, west.contoso.com]
`,
    ]),
  ),
);
