// Writes test/fixtures/import-scom/: for each hand-written design (its "twin"), the export that
// export/Export-ScomTopology.ps1 would write for a management group built as the design says (full
// host names, the cmdlets' property names, the PoolManager registry values as each server holds
// them) and the overlay of what SCOM does not hold; plus a large group (200 management servers, 40
// gateways, 30 pools) whose twin this script also writes. test/import-scom.test.ts imports each
// export and checks that it validates to the figures its twin gives.
//
//   npm run build && node scripts/make-import-fixtures.mjs   (the exports, overlays, imports and the large twin)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'test/fixtures/import-scom');
export const DOMAIN = 'corp.example';
const BUILDS = { '2012R2': '7.1.10226.1387', 2016: '7.2.11719.0', 2019: '10.19.10050.0', 2022: '10.22.10118.0', 2025: '10.25.10132.0' };
const DEFAULT_POOLS = ['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool'];
const PM_DEFAULTS = { leaseRequestPeriodSeconds: 120, networkLatencySeconds: 30 };

/** The twins: hand-written designs (the examples), and the fixture name each gives. */
export const TWINS = {
  'single-server': 'examples/single-server.yaml',
  'two-servers-colocated-db': 'examples/two-servers-colocated-db.yaml',
  'two-servers-separate-sql': 'examples/two-servers-separate-sql.yaml',
  'gateway-pool-two': 'examples/gateway-pool-two.yaml',
  'gateway-pool-three': 'examples/gateway-pool-three.yaml',
  'network-pool': 'examples/network-pool.yaml',
  'unix-linux-pool': 'examples/unix-linux-pool.yaml',
  'stretched-two-sites': 'examples/stretched-two-sites.yaml',
  'poolmanager-changed': 'test/fixtures/import-scom/twins/poolmanager-changed.yaml',
  large: 'test/fixtures/import-scom/twins/large.yaml',
};

const full = (name) => `${name}.${DOMAIN}`;

/** The export SCOM would give for a management group built as `topology` says. */
export function exportOf(topology) {
  const ms = topology.managementServers ?? [];
  const gws = topology.gateways ?? [];
  const agents = (s) => s.agents ?? 0;
  const pm = (s) => {
    const values = { ...PM_DEFAULTS, ...(topology.poolManager ?? {}), ...(s.poolManager ?? {}) };
    // A value at its default is usually not in the registry at all: the script reads null.
    return {
      PoolLeaseRequestPeriodSeconds: values.leaseRequestPeriodSeconds === PM_DEFAULTS.leaseRequestPeriodSeconds ? null : values.leaseRequestPeriodSeconds,
      PoolNetworkLatencySeconds: values.networkLatencySeconds === PM_DEFAULTS.networkLatencySeconds ? null : values.networkLatencySeconds,
    };
  };
  const db = topology.databases?.operational;
  const dbHost = db ? (db.colocatedWith ? full(db.colocatedWith) : full(db.server)) : null;
  const listed = new Map((topology.pools ?? []).map((p) => [p.name.toLowerCase(), p]));
  const pools = [
    ...DEFAULT_POOLS.map((name) => listed.get(name.toLowerCase()) ?? { name, membership: 'automatic', members: ms.map((s) => s.name) }),
    ...(topology.pools ?? []).filter((p) => !DEFAULT_POOLS.some((d) => d.toLowerCase() === p.name.toLowerCase())),
  ];
  return {
    source: 'Export-ScomTopology.ps1',
    formatVersion: 1,
    managementGroup: { Name: topology.name, Version: BUILDS[topology.scomVersion ?? '2022'] },
    databaseSetup: {
      DatabaseServerName: dbHost ? `${dbHost}\\OPS,1433` : null,
      DatabaseName: 'OperationsManager',
      DataWarehouseDBServerName: topology.databases?.dataWarehouse ? full(topology.databases.dataWarehouse.server) : null,
      DataWarehouseDBName: topology.databases?.dataWarehouse ? 'OperationsManagerDW' : null,
    },
    managementServers: [
      ...ms.map((s) => ({
        DisplayName: full(s.name),
        IsGateway: false,
        AgentCount: agents(s),
        PrimaryManagementServer: null,
        FailoverManagementServers: [],
        PoolManager: pm(s),
      })),
      ...gws.map((g) => {
        const parents = g.reportsTo ?? g.managementServers ?? [];
        return {
          DisplayName: full(g.name),
          IsGateway: true,
          AgentCount: agents(g),
          PrimaryManagementServer: parents[0] ? full(parents[0]) : null,
          FailoverManagementServers: parents.slice(1).map(full),
          PoolManager: pm(g),
        };
      }),
    ],
    resourcePools: pools.map((p) => {
      const isDefault = DEFAULT_POOLS.some((d) => d.toLowerCase() === p.name.toLowerCase());
      const automatic = p.membership ? p.membership === 'automatic' : isDefault;
      const members = automatic ? ms.map((s) => s.name) : (p.members ?? []);
      return {
        DisplayName: p.name,
        IsDynamic: automatic,
        UseDefaultObserver: p.defaultObserver ?? p.createdWith !== 'powershell',
        Members: members.map(full),
        Observers: (p.observers ?? []).map(full),
        UnixLinuxAgentCount: p.workload?.unixLinuxAgents ?? 0,
        NetworkDeviceCount: p.workload?.networkDevices ?? 0,
      };
    }),
  };
}

/** What SCOM does not hold, as the overlay gives it (short names: the import matches first labels); null when there is nothing. */
export function overlayOf(topology) {
  const overlay = {};
  if (topology.dataCenters) overlay.dataCenters = topology.dataCenters;
  if (topology.latency) overlay.latency = topology.latency;
  const pick = (o, keys) => Object.fromEntries(keys.filter((k) => o?.[k] !== undefined).map((k) => [k, o[k]]));
  const operational = pick(topology.databases?.operational, ['dataCenter', 'availability', 'cluster']);
  const warehouse = pick(topology.databases?.dataWarehouse, ['dataCenter']);
  if (Object.keys(operational).length || Object.keys(warehouse).length) {
    overlay.databases = { ...(Object.keys(operational).length ? { operational } : {}), ...(Object.keys(warehouse).length ? { dataWarehouse: warehouse } : {}) };
  }
  for (const key of ['managementServers', 'gateways']) {
    const entries = (topology[key] ?? [])
      .map((s) => ({ name: s.name, ...pick(s, ['dataCenter', 'availability', 'unixLinuxRootCertificates']) }))
      .filter((e) => Object.keys(e).length > 1);
    if (entries.length) overlay[key] = entries;
  }
  return Object.keys(overlay).length ? overlay : null;
}

/** A group of 200 management servers, 40 gateways and 30 pools over four data centres. */
export function largeTopology() {
  const pad = (n) => String(n).padStart(3, '0');
  const centres = ['dc-north', 'dc-south', 'dc-east', 'dc-west'];
  const ms = Array.from({ length: 200 }, (_, i) => ({ name: `ms${pad(i + 1)}`, dataCenter: centres[i % 4], agents: 500 + ((i * 37) % 900) }));
  const gateways = Array.from({ length: 40 }, (_, i) => ({
    name: `gw${pad(i + 1)}`,
    dataCenter: 'dmz',
    agents: 100 + ((i * 53) % 400),
    // Every fifth gateway has no failover server.
    reportsTo: i % 5 === 4 ? [`ms${pad(i + 1)}`] : [`ms${pad(i + 1)}`, `ms${pad(i + 41)}`],
  }));
  const pools = [
    { name: 'All Management Servers Resource Pool', membership: 'manual', members: ms.slice(0, 150).map((s) => s.name) },
    { name: 'Notifications Resource Pool', membership: 'manual', members: ms.slice(0, 5).map((s) => s.name) },
    { name: 'AD Assignment Resource Pool', membership: 'manual', members: ms.slice(5, 10).map((s) => s.name) },
  ];
  for (let i = 0; i < 27; i++) {
    if (i < 8)
      pools.push({
        name: `Gateway Pool ${i + 1}`,
        membership: 'manual',
        members: gateways.slice(i * 5, i * 5 + 3).map((g) => g.name),
        defaultObserver: false,
        purpose: 'unix-linux',
        workload: { unixLinuxAgents: 60 },
      });
    else if (i < 14)
      pools.push({
        name: `Network Pool ${i - 7}`,
        membership: 'manual',
        members: ms.slice(150 + (i - 8) * 5, 150 + (i - 8) * 5 + 3).map((s) => s.name),
        purpose: 'network',
        workload: { networkDevices: 400 + i * 10 },
      });
    else
      pools.push({
        name: `Application Pool ${i - 13}`,
        membership: 'manual',
        members: ms.slice(10 + (i - 14) * 10, 10 + (i - 14) * 10 + 2 + (i % 3)).map((s) => s.name),
        defaultObserver: i % 4 !== 0,
      });
  }
  return {
    version: 1,
    kind: 'scom',
    name: 'Fabrikam global',
    scomVersion: '2022',
    dataCenters: [...centres.map((name) => ({ name })), { name: 'dmz' }],
    latency: [
      { between: ['dc-north', 'dc-south'], ms: 4 },
      { between: ['dc-east', 'dc-west'], ms: 3 },
    ],
    databases: { operational: { server: 'sql01', dataCenter: 'dc-north' }, dataWarehouse: { server: 'sqldw01', dataCenter: 'dc-north' } },
    managementServers: ms.map((s, i) => (i === 17 ? { ...s, poolManager: { leaseRequestPeriodSeconds: 600 } } : s)),
    gateways,
    pools,
    poolManager: { leaseRequestPeriodSeconds: 120, networkLatencySeconds: 30 },
  };
}

function main() {
  mkdirSync(path.join(OUT, 'twins'), { recursive: true });
  writeFileSync(
    path.join(ROOT, TWINS.large),
    `# Written by scripts/make-import-fixtures.mjs: the design of the large export's group.\n${yaml.dump(largeTopology(), { lineWidth: 200, flowLevel: 3 })}`,
  );
  for (const [name, twin] of Object.entries(TWINS)) {
    const topology = yaml.load(readFileSync(path.join(ROOT, twin), 'utf8'));
    const exp = exportOf(topology);
    writeFileSync(path.join(OUT, `${name}.export.json`), `${JSON.stringify(exp, null, 2)}\n`);
    const overlay = overlayOf(topology);
    if (overlay)
      writeFileSync(
        path.join(OUT, `${name}.sites.yaml`),
        `# What SCOM does not hold about ${topology.name}, for pooltopo import scom --overlay.\n${yaml.dump(overlay, { lineWidth: 200, flowLevel: 3 })}`,
      );
  }
  // The topology each export imports to, for review (the large one is checked against its twin only).
  const rel = path.relative(ROOT, OUT);
  for (const name of Object.keys(TWINS).filter((n) => n !== 'large')) {
    const sites = `${rel}/${name}.sites.yaml`;
    const args = [
      'bin/pooltopo.js',
      'import',
      'scom',
      `${rel}/${name}.export.json`,
      ...(existsSync(path.join(ROOT, sites)) ? ['--overlay', sites] : []),
      '-o',
      `${rel}/${name}.yaml`,
    ];
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`import of ${name} failed: ${run.stderr}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) main();
