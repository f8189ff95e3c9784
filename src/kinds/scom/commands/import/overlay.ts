/**
 * `--overlay SITES.yaml` for `import scom`: what SCOM does not hold (data centres, latency,
 * availabilities, UNIX/Linux root certificates), in the topology format's own keys, merged into the
 * import by server name. Every server it names must be one the export lists; anything else is a
 * PooltopoError with the overlay's file and line, so that a typo never drops a value silently.
 */
import { PooltopoError } from '../../../../util/errors.js';
import { readTopologyFile } from '../../../../io/files/read.js';
import { DEFAULT_PARSE_LIMITS, parseDocument, syntaxOf } from '../../../../io/yaml/parse.js';
import type { SourceMap } from '../../../../io/yaml/source-map.js';
import { clip } from '../../../../core/rule.js';
import { closest } from '../../../../util/suggest.js';
import { firstLabel, sameHost, type ServerIndex } from './names.js';

/** The keys an overlay may give, per place. */
const TOP_KEYS = ['dataCenters', 'latency', 'databases', 'managementServers', 'gateways'] as const;
const SERVER_KEYS = ['name', 'dataCenter', 'availability', 'unixLinuxRootCertificates'] as const;
const DATABASE_KEYS = { operational: ['dataCenter', 'availability', 'cluster'], dataWarehouse: ['dataCenter'] } as const;

/** One server's values from the overlay, without its name. */
export type ServerOverlay = Readonly<Record<string, unknown>>;

export interface Overlay {
  readonly file: string;
  readonly dataCenters: readonly unknown[];
  /** Latency entries, their server names rewritten to the export's. */
  readonly latency: readonly Record<string, unknown>[];
  readonly databases: { readonly operational?: ServerOverlay; readonly dataWarehouse?: ServerOverlay };
  /** By the export's server name (lower case). */
  readonly servers: ReadonlyMap<string, ServerOverlay>;
}

/** Reads `file` and resolves its server names against the export's (`servers`). */
export function readOverlay(file: string, cwd: string, servers: ServerIndex, databaseHost: string | undefined): Overlay {
  const read = readTopologyFile(file, cwd, undefined, 'overlay ');
  const parsed = read.ok ? parseDocument(read.text, DEFAULT_PARSE_LIMITS, syntaxOf(file)) : undefined;
  if (!read.ok || !parsed) throw new PooltopoError(`${file}:1: cannot read the overlay: ${read.ok ? '' : read.message}`);
  if (!parsed.ok) {
    const problem = parsed.problems[0]!;
    throw new PooltopoError(`${file}:${parsed.sourceMap.positionOf(problem.offset).line}: the overlay is not YAML: ${problem.message}`);
  }
  return checkOverlay(parsed.value, file, parsed.sourceMap, servers, databaseHost);
}

function checkOverlay(value: unknown, file: string, map: SourceMap, servers: ServerIndex, databaseHost: string | undefined): Overlay {
  const fail = (at: string, message: string, key = false): never => {
    throw new PooltopoError(`${file}:${map.locate(at, key ? 'key' : 'value').line}: ${message}`);
  };
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  const onlyKeys = (o: Record<string, unknown>, at: string, allowed: readonly string[], where: string): void => {
    for (const key of Object.keys(o)) {
      if (allowed.includes(key)) continue;
      const near = closest(key, allowed);
      fail(
        `${at}/${key}`,
        `the overlay's ${where} takes ${allowed.join(', ')}, not "${clip(key)}"${near.length ? `; did you mean "${near[0]}"?` : ''} (the rest comes from the export)`,
        true,
      );
    }
  };
  const list = (o: Record<string, unknown>, key: string): unknown[] => {
    const v = Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) fail(`/${key}`, `the overlay's ${key} should be a list`);
    return v as unknown[];
  };

  if (value === null || value === undefined) return { file, dataCenters: [], latency: [], databases: {}, servers: new Map() };
  if (!isObject(value)) return fail('', 'the overlay should be a mapping of dataCenters, latency, databases, managementServers and gateways');
  onlyKeys(value, '', TOP_KEYS, 'top level');

  const dataCenters = list(value, 'dataCenters');
  const centreNames = new Set<string>();
  dataCenters.forEach((dc, i) => {
    if (isObject(dc) && typeof dc['name'] === 'string') centreNames.add(dc['name'].toLowerCase());
    else fail(`/dataCenters/${i}`, 'a data centre in the overlay needs a name');
  });

  const resolve = (name: unknown, at: string, what: string): string => {
    if (typeof name !== 'string' || name.trim() === '') return fail(at, `${what} needs a server's name`);
    const found = servers.find(name);
    if (found.kind === 'one') return found.name;
    if (found.kind === 'many')
      return fail(at, `"${clip(name)}" matches ${found.names.length} servers of the export (${found.names.slice(0, 3).join(', ')}); give its full name`);
    // Suggested by first label too: `ms03` is nearer `ms01` than `ms01.contoso.com`.
    const labels = servers.names().map(firstLabel);
    const nearLabel = closest(firstLabel(name), labels)[0];
    const near = nearLabel === undefined ? closest(name, servers.names()) : [servers.names()[labels.indexOf(nearLabel)]!];
    return fail(
      at,
      `the overlay names "${clip(name)}", which is not a server the export lists${what.includes('latency') ? ', nor a data centre of the overlay' : ''}${near.length ? `; did you mean "${near[0]}"?` : ''}`,
    );
  };

  const byServer = new Map<string, ServerOverlay>();
  for (const key of ['managementServers', 'gateways'] as const) {
    list(value, key).forEach((entry, i) => {
      const at = `/${key}/${i}`;
      if (!isObject(entry)) return fail(at, `each of the overlay's ${key} should be a mapping with a name`);
      onlyKeys(entry, at, SERVER_KEYS, `${key} entry`);
      const name = resolve(entry['name'], `${at}/name`, `each of the overlay's ${key}`);
      if (byServer.has(name.toLowerCase())) fail(`${at}/name`, `the overlay gives server "${clip(name)}" twice`);
      const { name: _omit, ...rest } = entry;
      byServer.set(name.toLowerCase(), rest);
    });
  }

  const databases: { operational?: ServerOverlay; dataWarehouse?: ServerOverlay } = {};
  const dbs = Object.prototype.hasOwnProperty.call(value, 'databases') ? value['databases'] : undefined;
  if (dbs !== undefined && dbs !== null) {
    if (!isObject(dbs)) fail('/databases', "the overlay's databases should be a mapping of operational and dataWarehouse");
    const d = dbs as Record<string, unknown>;
    onlyKeys(d, '/databases', Object.keys(DATABASE_KEYS), 'databases');
    for (const which of ['operational', 'dataWarehouse'] as const) {
      const entry = d[which];
      if (entry === undefined || entry === null) continue;
      if (!isObject(entry)) fail(`/databases/${which}`, `the overlay's databases.${which} should be a mapping`);
      onlyKeys(entry as Record<string, unknown>, `/databases/${which}`, DATABASE_KEYS[which], `databases.${which}`);
      databases[which] = entry as ServerOverlay;
    }
  }

  const latency = list(value, 'latency').map((entry, i) => {
    const at = `/latency/${i}`;
    if (!isObject(entry) || !Array.isArray(entry['between'])) return fail(at, 'each latency entry needs between: [A, B] and ms');
    const between = (entry['between'] as unknown[]).map((end, j) => {
      if (typeof end === 'string' && centreNames.has(end.toLowerCase())) return end;
      // The database's server as the import writes it (a management server's name where they share a host).
      if (typeof end === 'string' && databaseHost !== undefined && sameHost(end, databaseHost) && servers.find(end).kind === 'none') return databaseHost;
      return resolve(end, `${at}/between/${j}`, 'a latency pair (a server or a data centre of the overlay)');
    });
    return { ...entry, between };
  });

  return { file, dataCenters, latency, databases, servers: byServer };
}
