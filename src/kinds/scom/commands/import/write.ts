/**
 * An export (and an overlay) to the text of a `kind: scom` topology file, as FORMAT.md "Import" maps
 * it: names as SCOM gives them, each pool as the group has it, the group's PoolManager values from
 * the majority, and a comment wherever SCOM or the export could not say something.
 */
import { POOL_MANAGER, POOL_MANAGER_SETTINGS, SCOM_BUILDS, type PoolManagerSetting, type ScomBuild, type ScomVersion } from '../../../../domain/facts.js';
import { PooltopoError } from '../../../../util/errors.js';
import { clip, groupThousands, plural } from '../../../../core/rule.js';
import type { ExportServer, ScomExport } from './export-file.js';
import { sameHost, serverIndex, type ServerIndex } from './names.js';
import type { Overlay } from './overlay.js';
import { flow, scalar, YamlLines } from './yaml-text.js';

const REGISTRY_VALUE: Readonly<Record<PoolManagerSetting, 'PoolLeaseRequestPeriodSeconds' | 'PoolNetworkLatencySeconds'>> = {
  leaseRequestPeriodSeconds: 'PoolLeaseRequestPeriodSeconds',
  networkLatencySeconds: 'PoolNetworkLatencySeconds',
};

/** The release of a build (`10.22.10118.0`), by SCOM_BUILDS; undefined for a build it does not list. */
export function buildRelease(build: string): ScomBuild | undefined {
  const parts = build
    .trim()
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  return SCOM_BUILDS.find((b) => b.prefix.every((n, i) => parts[i] === n));
}

/** `SQLOM01\OPS,1433` → `SQLOM01`: the host of a SQL Server connection name. */
export function databaseHost(name: string): string {
  let host = name.trim().replace(/^tcp:/i, '');
  const comma = host.indexOf(',');
  if (comma >= 0) host = host.slice(0, comma);
  const slash = host.indexOf('\\');
  if (slash >= 0) host = host.slice(0, slash);
  return host.trim();
}

/** The export's servers, checked: unique names, and every reference to a server one of them. */
export function indexServers(exp: ScomExport): ServerIndex {
  const seen = new Map<string, string>();
  for (const s of exp.managementServers) {
    const key = s.DisplayName.toLowerCase();
    if (seen.has(key)) throw new PooltopoError(`${exp.where(`${s.at}/DisplayName`)}: server "${clip(s.DisplayName)}" is listed twice`);
    seen.set(key, s.DisplayName);
  }
  return serverIndex(exp.managementServers.map((s) => s.DisplayName));
}

export interface ImportOptions {
  /** `--scom-version`: the release to read limits for, whatever the build says. */
  readonly scomVersion?: ScomVersion;
  readonly overlay?: Overlay;
}

export function topologyText(exp: ScomExport, options: ImportOptions): string {
  const overlay = options.overlay;
  const byName = new Map(exp.managementServers.map((s) => [s.DisplayName.toLowerCase(), s.DisplayName]));
  const ref = (name: string, at: string, what: string): string => {
    const found = byName.get(name.toLowerCase());
    if (found !== undefined) return found;
    throw new PooltopoError(`${exp.where(at)}: ${what} "${clip(name)}" is not among the export's managementServers`);
  };
  const out = new YamlLines();
  header(out, exp, overlay);
  out.key(0, 'version', '1').key(0, 'kind', 'scom').key(0, 'name', scalar(exp.managementGroup.Name));
  const build = exp.managementGroup.Version;
  const release = buildRelease(build);
  if (options.scomVersion) out.key(0, 'scomVersion', JSON.stringify(options.scomVersion), `given with --scom-version; the group's build is ${build}`);
  else if (release) out.key(0, 'scomVersion', JSON.stringify(release.version), release.note ? `build ${build}: ${release.note}` : `build ${build}`);
  else {
    const known = SCOM_BUILDS.map((b) => `${b.prefix.join('.')} ${b.release}`).join(', ');
    throw new PooltopoError(
      `${exp.where('/managementGroup/Version')}: build "${clip(build)}" is not one pooltopo knows (${known}); give --scom-version 2012R2|2016|2019|2022|2025 to import it with that release's limits`,
    );
  }

  if (overlay && overlay.dataCenters.length > 0) {
    out.blank().key(0, 'dataCenters', undefined, `from ${overlay.file}`);
    for (const dc of overlay.dataCenters) block(out, 2, dc as Record<string, unknown>);
  }
  if (overlay && overlay.latency.length > 0) {
    out.blank().key(0, 'latency', undefined, `from ${overlay.file}`);
    for (const entry of overlay.latency) block(out, 2, entry);
  }

  writeDatabases(out, exp, overlay);

  const isGateway = new Map(exp.managementServers.map((s) => [s.DisplayName.toLowerCase(), s.IsGateway]));
  const groupPm = groupPoolManager(exp.managementServers);
  out.blank().key(0, 'managementServers');
  for (const s of exp.managementServers.filter((x) => !x.IsGateway)) {
    writeServer(out, s, groupPm.values, overlay);
    out.comment(4, 'failoverServers: not in the export (each agent has its own): its agents are taken as spread evenly');
  }
  const gateways = exp.managementServers.filter((x) => x.IsGateway);
  if (gateways.length > 0) {
    out.blank().key(0, 'gateways');
    for (const g of gateways) {
      writeServer(out, g, groupPm.values, overlay);
      const reportsTo = [
        ...(g.PrimaryManagementServer !== null ? [ref(g.PrimaryManagementServer, `${g.at}/PrimaryManagementServer`, 'primary management server')] : []),
        ...g.FailoverManagementServers.map((f, i) => ref(f, `${g.at}/FailoverManagementServers/${i}`, 'failover management server')),
      ];
      if (reportsTo.length > 0)
        out.key(
          4,
          'reportsTo',
          flow(unique(reportsTo)),
          g.FailoverManagementServers.length === 0 ? 'no failover server: cut off when its primary is' : 'primary, then failover',
        );
      else out.comment(4, 'reportsTo: the export gives no primary management server for this gateway');
    }
  }

  out.blank().key(0, 'pools', undefined, 'as the management group has them, the default pools too');
  for (const p of exp.resourcePools) {
    const members = unique(p.Members.map((m, i) => ref(m, `${p.at}/Members/${i}`, `member of pool "${clip(p.DisplayName)}",`)));
    const observers = unique(p.Observers.map((m, i) => ref(m, `${p.at}/Observers/${i}`, `observer of pool "${clip(p.DisplayName)}",`)));
    out.item(2, 'name', scalar(p.DisplayName));
    out.key(4, 'membership', p.IsDynamic ? 'automatic' : 'manual');
    out.key(4, 'members', flow(members));
    if (observers.length > 0) out.key(4, 'observers', flow(observers));
    const onlyGateways = members.length + observers.length > 0 && [...members, ...observers].every((m) => isGateway.get(m.toLowerCase()));
    out.key(
      4,
      'defaultObserver',
      String(p.UseDefaultObserver),
      p.UseDefaultObserver && onlyGateways ? 'enabled, but gateways cannot reach the database' : undefined,
    );
    const devices = p.NetworkDeviceCount ?? 0;
    const unix = p.UnixLinuxAgentCount ?? 0;
    if (devices > 0) out.key(4, 'purpose', 'network', unix > 0 ? `it also manages ${plural(unix, 'UNIX/Linux agent')}` : undefined);
    else if (unix > 0) out.key(4, 'purpose', 'unix-linux');
    if (devices > 0 || unix > 0) {
      out.key(4, 'workload');
      if (devices > 0) out.key(6, 'networkDevices', String(devices));
      if (unix > 0) out.key(6, 'unixLinuxAgents', String(unix));
    }
    if (p.NetworkDeviceCount === null) out.comment(4, 'workload.networkDevices: not in the export');
    if (p.UnixLinuxAgentCount === null) out.comment(4, 'workload.unixLinuxAgents: not in the export');
  }

  out.blank().key(0, 'poolManager', undefined, groupPm.note);
  for (const setting of POOL_MANAGER_SETTINGS) out.key(2, setting, String(groupPm.values[setting]), REGISTRY_VALUE[setting]);
  return out.text();
}

function header(out: YamlLines, exp: ScomExport, overlay: Overlay | undefined): void {
  out.comment(0, `Written by pooltopo import scom from ${exp.file}: management group ${exp.managementGroup.Name} as SCOM holds it.`);
  if (overlay) {
    out.comment(0, `Data centres, latency, availabilities and UNIX/Linux root certificates (which SCOM does not hold) from ${overlay.file}.`);
  } else {
    out.comment(0, 'SCOM does not hold data centres, latency, availabilities or UNIX/Linux root certificates, so they are not');
    out.comment(0, 'known here: every server is in the data centre "default", close to the others, and taken as always up');
    out.comment(0, '(pooltopo import scom EXPORT.json --overlay SITES.yaml adds them).');
  }
  out.comment(0, 'Not in the export either: which pools were created with PowerShell (each defaultObserver is written as the');
  out.comment(0, "pool has it), the URLs a pool monitors, and where each server's agents fail over.");
}

function writeDatabases(out: YamlLines, exp: ScomExport, overlay: Overlay | undefined): void {
  const { DatabaseServerName, DataWarehouseDBServerName } = exp.databaseSetup;
  if (DatabaseServerName === null || databaseHost(DatabaseServerName) === '') {
    // `databases` needs its operational database: without it the key is left out (FORMAT.md's
    // default), and the gap said, so that the file stays a topology validate reads.
    out.blank().comment(0, 'databases: not in the export (the Setup registry key could not be read); add the operational');
    out.comment(0, "database's server and data centre here, as databases.operational, to check it.");
    if (DataWarehouseDBServerName !== null && databaseHost(DataWarehouseDBServerName) !== '')
      out.comment(0, `The data warehouse: DataWarehouseDBServerName ${DataWarehouseDBServerName}.`);
    return;
  }
  out.blank().key(0, 'databases');
  const host = databaseHost(DatabaseServerName);
  const colocated = exp.managementServers.find((s) => !s.IsGateway && sameHost(s.DisplayName, host));
  out.key(2, 'operational');
  out.key(
    4,
    'server',
    scalar(colocated ? colocated.DisplayName : host),
    `DatabaseServerName ${DatabaseServerName}${exp.databaseSetup.DatabaseName ? `, DatabaseName ${exp.databaseSetup.DatabaseName}` : ''}`,
  );
  if (colocated) out.key(4, 'colocatedWith', scalar(colocated.DisplayName), 'the database runs on this management server');
  if (overlay?.databases.operational) out.entries(4, overlay.databases.operational);
  if (DataWarehouseDBServerName !== null && databaseHost(DataWarehouseDBServerName) !== '') {
    out.key(2, 'dataWarehouse');
    out.key(
      4,
      'server',
      scalar(databaseHost(DataWarehouseDBServerName)),
      `DataWarehouseDBServerName ${DataWarehouseDBServerName}${exp.databaseSetup.DataWarehouseDBName ? `, DataWarehouseDBName ${exp.databaseSetup.DataWarehouseDBName}` : ''}`,
    );
    if (overlay?.databases.dataWarehouse) out.entries(4, overlay.databases.dataWarehouse);
  }
}

function writeServer(out: YamlLines, s: ExportServer, group: Readonly<Record<PoolManagerSetting, number>>, overlay: Overlay | undefined): void {
  out.item(2, 'name', scalar(s.DisplayName));
  if (s.AgentCount === null) out.comment(4, 'agents: not in the export');
  else out.key(4, 'agents', String(s.AgentCount));
  const extra = overlay?.servers.get(s.DisplayName.toLowerCase());
  if (extra) out.entries(4, extra);
  else if (overlay) out.comment(4, `not in ${overlay.file}: no data centre, availability or root certificates`);
  if (s.PoolManager === null) {
    out.comment(4, "poolManager: its registry could not be read when exported; taken as the group's");
    return;
  }
  const own: Partial<Record<PoolManagerSetting, number>> = {};
  for (const setting of POOL_MANAGER_SETTINGS) {
    const value = s.PoolManager[REGISTRY_VALUE[setting]] ?? POOL_MANAGER[setting].default.value;
    if (value !== group[setting]) own[setting] = value;
  }
  if (Object.keys(own).length > 0) {
    out.key(4, 'poolManager', undefined, "its own values, unlike most servers'");
    out.entries(6, own);
  }
}

/**
 * Each PoolManager value as most servers whose registry was read carry it (a value a server does not
 * set is the default); a tie goes to the default, else to the smaller value.
 */
export function groupPoolManager(servers: readonly ExportServer[]): { values: Record<PoolManagerSetting, number>; note: string } {
  const read = servers.filter((s) => s.PoolManager !== null);
  const values = {} as Record<PoolManagerSetting, number>;
  for (const setting of POOL_MANAGER_SETTINGS) {
    const fallback = POOL_MANAGER[setting].default.value;
    const counts = new Map<number, number>();
    for (const s of read) {
      const v = s.PoolManager![REGISTRY_VALUE[setting]] ?? fallback;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    // Most servers first; on a tie the default, then the smaller value.
    const ranked = [...counts].sort(([a, ca], [b, cb]) => cb - ca || Number(b === fallback) - Number(a === fallback) || a - b);
    const best = ranked[0]?.[0] ?? fallback;
    values[setting] = best;
  }
  const unread = servers.length - read.length;
  const note =
    read.length === 0
      ? "no server's registry could be read: the defaults"
      : `the values most servers carry (${groupThousands(read.length)} of ${plural(servers.length, 'server')} read${unread > 0 ? `, ${groupThousands(unread)} could not be` : ''})`;
  return { values, note };
}

/** A mapping as a block sequence item: its first entry after `- `, the rest under it. */
function block(out: YamlLines, indent: number, entry: Readonly<Record<string, unknown>>): void {
  Object.entries(entry).forEach(([k, v], i) => out.key(i === 0 ? indent : indent + 2, i === 0 ? `- ${scalar(k)}` : scalar(k), flow(v)));
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
