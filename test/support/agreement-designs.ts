/**
 * Designs written from the seeds' scenarios for the agreement test: SCOM management groups in one and
 * two data centres, gateways with failover, database clusters, a colocated database, mixed and
 * observer pools (seeds 000 to 002); Skype pool pairs in each PoolState (seed 003). OpCon's four
 * scenarios (seed 004) are the examples opcon-seed-scenario-*.yaml.
 */
import { mulberry32 } from '../../src/util/random.js';

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
  'gateway-observer-between.yaml': `version: 1
name: an observer on the way
dataCenters: [{name: dc1}, {name: dc2}]
databases:
  operational: {server: sql, dataCenter: dc2}
managementServers:
${ms('ms1', 'dc1')}
gateways:
  - {name: gw1, dataCenter: dc2, reportsTo: [ms1]}
  - {name: gw2, dataCenter: dc2, reportsTo: [gw1]}
pools:
  - {name: Gateway Pool, members: [gw2], observers: [gw1]}
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

/**
 * Small SCOM designs drawn at random from the shapes the seeds describe: one to three data centres,
 * management servers with agents and failover lists, gateways reporting to them or chained through
 * each other, the database on its own server, colocated or clustered, and pools mixing members,
 * observers and the default observer.
 */
export function randomScomDesigns(count: number, seed = 1): Record<string, string> {
  const r = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
  const some = <T>(xs: readonly T[], p: number) => xs.filter(() => r() < p);
  const out: Record<string, string> = {};
  for (let d = 0; d < count; d++) {
    const dcs = ['dc1', 'dc2', 'dc3'].slice(0, int(1, 3));
    // Where given, an availability for some servers and data centres, for the availability estimate.
    const withAvailability = r() < 0.5;
    const up = () => (withAvailability && r() < 0.5 ? `, availability: ${pick([0.9, 0.99, 0.999])}` : '');
    const mss = Array.from({ length: int(1, 5) }, (_, i) => `ms${i + 1}`);
    const gws = Array.from({ length: int(0, 3) }, (_, i) => `gw${i + 1}`);
    const lines = ['version: 1', `name: random ${d}`, `dataCenters: [${dcs.map((x) => `{name: ${x}${up()}}`).join(', ')}]`];
    const db = r();
    // Some servers in no data centre (the implicit "default"), and some designs with the database left implied there.
    const where = () => (r() < 0.15 ? 'default' : pick(dcs));
    // From 0.9 up, no `databases`: the operational database is implied in "default".
    if (db < 0.9) lines.push('databases:', '  operational:');
    if (db < 0.2) {
      const host = pick(mss);
      lines.push(`    server: ${host}`, `    colocatedWith: ${host}`);
    } else if (db < 0.45) {
      const nodes = Array.from({ length: int(2, 3) }, (_, i) => `{name: sql${i + 1}, dataCenter: ${pick(dcs)}${up()}}`);
      lines.push('    server: listener', `    dataCenter: ${pick(dcs)}`, '    cluster:', `      nodes: [${nodes.join(', ')}]`);
      if (r() < 0.6) lines.push(`      witness: {name: fsw, dataCenter: ${pick(dcs)}${up()}}`);
    } else if (db < 0.9) lines.push('    server: sql', `    dataCenter: ${pick(dcs)}`, ...(withAvailability && r() < 0.5 ? ['    availability: 0.995'] : []));
    lines.push('managementServers:');
    for (const m of mss) {
      const failover = some(
        mss.filter((x) => x !== m),
        0.3,
      );
      lines.push(
        `  - {name: ${m}, dataCenter: ${where()}, agents: ${pick([0, 500, 1500, 2800])}${up()}${failover.length ? `, failoverServers: [${failover.join(', ')}]` : ''}}`,
      );
    }
    if (gws.length) lines.push('gateways:');
    gws.forEach((g, i) => {
      const parents = [...some(gws.slice(0, i), 0.5), ...some(mss, 0.5)];
      const to = parents.length ? parents : [pick(mss)];
      const failover = some(
        gws.filter((x) => x !== g),
        0.3,
      );
      lines.push(
        `  - {name: ${g}, dataCenter: ${where()}, agents: ${pick([0, 100, 1200])}${up()}, reportsTo: [${to.join(', ')}]${failover.length ? `, failoverServers: [${failover.join(', ')}]` : ''}}`,
      );
    });
    const servers = [...mss, ...gws];
    const pools: string[] = [];
    for (let p = 0; p < int(0, 3); p++) {
      const members = some(servers, 0.6);
      const observers = some(
        servers.filter((x) => !members.includes(x)),
        0.3,
      );
      pools.push(`  - {name: Pool ${p}, members: [${members.join(', ')}], observers: [${observers.join(', ')}], defaultObserver: ${r() < 0.7}}`);
    }
    if (r() < 0.3) pools.push(`  - {name: Notifications Resource Pool, membership: manual, members: [${some(mss, 0.6).join(', ') || mss[0]}]}`);
    if (pools.length) lines.push('pools:', ...pools);
    out[`random-${d}.yaml`] = lines.join('\n') + '\n';
  }
  return out;
}

/**
 * Small OpCon designs drawn at random from the seed's four scenarios and what can go wrong in them:
 * modes, start types, the Secondary's three switches, FailOverSocketNumber and PrimaryMachine right,
 * wrong or missing, one database or a replicated pair, on a server of its own or on a machine.
 */
export function randomOpconDesigns(count: number, seed = 1): Record<string, string> {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const yn = () => (r() < 0.5 ? 'Y' : 'N');
  const out: Record<string, string> = {};
  for (let d = 0; d < count; d++) {
    const automatic = r() < 0.6;
    const replicated = r() < 0.4;
    const names = ['opcon01', 'opcon02'];
    const dbServer = pick(['sqlprod', 'opcon01', 'opcon02', undefined]);
    const lines = ['version: 1', 'kind: opcon-failover', `name: random ${d}`, 'database:', `  replication: ${replicated ? 'replicated' : 'none'}`];
    if (dbServer !== undefined) lines.push(`  server: ${dbServer}`);
    lines.push('machines:');
    names.forEach((name, i) => {
      const mode = automatic ? (i === 0 ? 'Primary' : 'Secondary') : 'StandAlone';
      lines.push(`  - name: ${name}`, `    mode: ${mode}`, `    serviceStartType: ${pick(['automatic', 'automatic-delayed', 'manual'])}`);
      if (replicated && r() < 0.5)
        lines.push('    connection:', `      server: ${i === 0 ? 'sqlpub' : pick(['sqlsub', 'opcon02', 'sqlpub'])}`, '      database: OpConxps');
      lines.push('    settings:');
      const socket = r() < 0.85 ? 6500 : pick([6501, undefined]);
      if (socket !== undefined || i === 0) lines.push(`      FailOverSocketNumber: ${i === 0 ? 6500 : socket}`);
      if (i === 1 && automatic) {
        if (r() < 0.85) lines.push(`      PrimaryMachine: ${pick(['opcon01', 'opcon01', 'OPCON01.corp.local', 'opcon03'])}`);
        lines.push(
          `      PrimaryAbnormalShutdownFailover: ${yn()}`,
          `      SyncLostFailover: ${r() < 0.3 ? 'Y' : 'N'}`,
          `      PrimaryNormalShutdownFailover: ${r() < 0.3 ? 'Y' : 'N'}`,
        );
        if (replicated && r() < 0.7) lines.push('      PrimaryAbnormalShutdownScript: C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd');
      }
      if (r() < 0.3) lines.push(`      SecondsBetweenPings: ${pick([5, 15, 30])}`);
    });
    out[`opcon-random-${d}.yaml`] = lines.join('\n') + '\n';
  }
  return out;
}

/**
 * Small Skype designs drawn at random from the seed's failover story: two to four pools, paired or
 * not, Enterprise or Standard, in any PoolState, back ends mirrored or not, the Central Management
 * Store placed or not, registrar configurations and backup service states good or not.
 */
export function randomSkypeDesigns(count: number, seed = 1): Record<string, string> {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: Record<string, string> = {};
  for (let d = 0; d < count; d++) {
    const n = 2 + Math.floor(r() * 3);
    const names = Array.from({ length: n }, (_, i) => `pool${i}.contoso.com`);
    const cms = r() < 0.6 ? pick(names) : undefined;
    const lines = ['version: 1', 'kind: skype-pool-pair', `name: random ${d}`, `productVersion: "${pick(['2015', '2019'])}"`];
    if (r() < 0.4) lines.push('registrarSettingsCustomized: true');
    lines.push('pools:');
    names.forEach((name, i) => {
      const standard = r() < 0.2;
      const fes = standard ? 1 : pick([2, 3, 4, 5, 8, 9]);
      lines.push(
        `  - name: ${name}`,
        `    site: ${pick(['east', 'west', `site${i}`])}`,
        `    edition: ${standard ? 'standard' : 'enterprise'}`,
        '    platform: physical',
        '    operatingSystem: Windows Server 2019',
        `    users: ${pick([0, 1000, 4000])}`,
        `    frontEnds: [${Array.from({ length: fes }, (_, j) => `fe${i}x${j}`).join(', ')}]`,
        `    poolState: ${pick(['Active', 'Active', 'FailingOver', 'FailedOver', 'FailingBack', 'FailedBack'])}`,
      );
      if (r() < 0.6) lines.push(`    maxUsers: ${pick([2000, 5000, 10000])}`);
      if (!standard && r() < 0.5) lines.push(`    backEnd: {mirrored: ${r() < 0.5}}`);
      if (name === cms) lines.push('    centralManagementStore: true');
      if (r() < 0.3) lines.push('    registrarConfiguration: true');
      if (r() < 0.4)
        lines.push(
          `    backupService: {exportStatus: ${pick(['FinalState', 'InProgress', 'SteadyState'])}, importStatus: ${pick(['NormalState', 'ErrorState'])}}`,
        );
    });
    const pairs = [[names[0], names[1]], ...(n >= 4 && r() < 0.7 ? [[names[2], names[3]]] : [])];
    lines.push('pairs:', ...pairs.map(([a, b]) => (r() < 0.5 ? `  - [${a}, ${b}]` : `  - {pools: [${a}, ${b}], failover: ${pick(['manual', 'automated'])}}`)));
    out[`skype-random-${d}.yaml`] = lines.join('\n') + '\n';
  }
  return out;
}
