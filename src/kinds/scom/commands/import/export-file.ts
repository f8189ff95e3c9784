/**
 * The JSON that export/Export-ScomTopology.ps1 writes (FORMAT.md, "Import"), read and checked: each
 * property under the OperationsManager cmdlets' own name, its type checked, and anything wrong
 * refused as a PooltopoError that names the file and line, so that no partial topology is written.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { NotRegularFileError, PooltopoError } from '../../../../util/errors.js';
import { describeLinkError } from '../../../../io/files/errors.js';
import { DEFAULT_PARSE_LIMITS, parseDocument } from '../../../../io/yaml/parse.js';
import { pointer, type SourceMap } from '../../../../io/yaml/source-map.js';
import { clip } from '../../../../core/rule.js';

/** The export's format version that this pooltopo reads. */
export const EXPORT_FORMAT_VERSION = 1;
/** What the script writes as the export's `source`. */
export const EXPORT_SOURCE = 'Export-ScomTopology.ps1';
/** The largest export read: a group of 100,000 servers is well under it. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/** The PoolManager registry values of one server; null where the registry holds none (the default). */
export interface ExportPoolManager {
  readonly PoolLeaseRequestPeriodSeconds: number | null;
  readonly PoolNetworkLatencySeconds: number | null;
}

export interface ExportServer {
  readonly DisplayName: string;
  readonly IsGateway: boolean;
  readonly AgentCount: number | null;
  readonly PrimaryManagementServer: string | null;
  readonly FailoverManagementServers: readonly string[];
  /** Null where the script could not read the server's registry. */
  readonly PoolManager: ExportPoolManager | null;
  /** Its JSON Pointer in the export, for messages. */
  readonly at: string;
}

export interface ExportPool {
  readonly DisplayName: string;
  readonly IsDynamic: boolean;
  readonly UseDefaultObserver: boolean;
  readonly Members: readonly string[];
  readonly Observers: readonly string[];
  readonly UnixLinuxAgentCount: number | null;
  readonly NetworkDeviceCount: number | null;
  readonly at: string;
}

export interface ScomExport {
  readonly file: string;
  readonly managementGroup: { readonly Name: string; readonly Version: string };
  readonly databaseSetup: {
    readonly DatabaseServerName: string | null;
    readonly DatabaseName: string | null;
    readonly DataWarehouseDBServerName: string | null;
    readonly DataWarehouseDBName: string | null;
  };
  readonly managementServers: readonly ExportServer[];
  readonly resourcePools: readonly ExportPool[];
  /** `FILE:LINE` of the node at a JSON Pointer. */
  where(at: string): string;
}

/** Reads and checks the export at `file` (relative to `cwd`). */
export function readScomExport(file: string, cwd: string): ScomExport {
  const text = decodeExport(readBytes(file, cwd), file);
  const parsed = parseDocument(text, DEFAULT_PARSE_LIMITS, 'json');
  if (!parsed.ok) {
    const problem = parsed.problems[0]!;
    const { line } = parsed.sourceMap.positionOf(problem.offset);
    const end = /^\s*$/.test(text.slice(problem.offset)) ? ' (the file ends early: was the export cut short?)' : '';
    throw new PooltopoError(`${file}:${line}: the export is not JSON: ${problem.message}${end}`);
  }
  return checkExport(parsed.value, file, parsed.sourceMap);
}

function readBytes(file: string, cwd: string): Buffer {
  const abs = path.resolve(cwd, file);
  const cannot = `cannot read "${file}"`;
  let fd: number | undefined;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new PooltopoError(`${cannot}: it is a directory`);
    if (!stat.isFile()) throw new NotRegularFileError(cannot);
    if (stat.size > MAX_EXPORT_BYTES) throw new PooltopoError(`${cannot}: it is larger than the ${MAX_EXPORT_BYTES / (1024 * 1024)} MiB an export can be`);
    const bytes = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return bytes.subarray(0, filled);
  } catch (err) {
    if (err instanceof PooltopoError) throw err;
    throw new PooltopoError(`${cannot}: ${describeLinkError(abs, err)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * UTF-8 (with or without its byte-order mark), or UTF-16 with one, which is what Windows
 * PowerShell 5.1's Out-File and `>` write: read as the same JSON rather than refused.
 */
export function decodeExport(bytes: Buffer, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 2 && (bytes[1] === 0 || bytes[0] === 0)) {
    throw new PooltopoError(
      `${file}:1: the export looks like UTF-16 without a byte-order mark; write it again with Export-ScomTopology.ps1 -OutputPath, which writes UTF-8`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
    throw new PooltopoError(`${file}:${line}: the export is not UTF-8 text; write it again with Export-ScomTopology.ps1 -OutputPath, which writes UTF-8`);
  }
}

type Json = Record<string, unknown>;

/** The checks of one export, each failure naming the file and line of the value concerned. */
function checkExport(value: unknown, file: string, map: SourceMap): ScomExport {
  const where = (at: string): string => `${file}:${map.locate(at).line}`;
  const fail = (at: string, message: string): never => {
    throw new PooltopoError(`${where(at)}: ${message}`);
  };
  const object = (v: unknown, at: string, what: string): Json => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(at, `${what} should be an object`);
    return v as Json;
  };
  const field = (o: Json, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);
  const required = (o: Json, at: string, key: string): unknown => {
    if (!Object.prototype.hasOwnProperty.call(o, key)) fail(at, `${at ? label(at) : 'the export'} has no "${key}"; was it written by Export-ScomTopology.ps1?`);
    return o[key];
  };
  const string = (v: unknown, at: string, nullable: boolean): string | null => {
    if (v === null && nullable) return null;
    if (typeof v !== 'string' || (v.trim() === '' && !nullable))
      fail(at, `${label(at)} should be ${nullable ? 'a string or null' : 'a name'}, not ${describe(v)}`);
    return v as string;
  };
  const name = (v: unknown, at: string): string => string(v, at, false)!.trim();
  const bool = (v: unknown, at: string): boolean => {
    if (typeof v !== 'boolean') fail(at, `${label(at)} should be true or false, not ${describe(v)}`);
    return v as boolean;
  };
  const count = (v: unknown, at: string): number | null => {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(at, `${label(at)} should be a count (a whole number, 0 or more), not ${describe(v)}`);
    return v as number;
  };
  const seconds = (v: unknown, at: string): number | null => {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) fail(at, `${label(at)} should be a number of seconds or null, not ${describe(v)}`);
    return v as number;
  };
  const names = (v: unknown, at: string): string[] => {
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) fail(at, `${label(at)} should be a list of names, not ${describe(v)}`);
    return (v as unknown[]).map((n, i) => name(n, pointer(...at.slice(1).split('/'), i)));
  };

  const root = object(value, '', 'the export');
  const source = required(root, '', 'source');
  if (source !== EXPORT_SOURCE)
    fail('/source', `the export's source is ${describe(source)}, not "${EXPORT_SOURCE}": pooltopo reads what the script shipped with it writes`);
  const version = required(root, '', 'formatVersion');
  if (version !== EXPORT_FORMAT_VERSION) {
    fail(
      '/formatVersion',
      `the export is of formatVersion ${clip(JSON.stringify(version) ?? String(version))}; this pooltopo reads formatVersion ${EXPORT_FORMAT_VERSION} (export again with the Export-ScomTopology.ps1 shipped with this pooltopo)`,
    );
  }
  const group = object(required(root, '', 'managementGroup'), '/managementGroup', 'managementGroup');
  const managementGroup = {
    Name: name(required(group, '/managementGroup', 'Name'), '/managementGroup/Name'),
    Version: name(required(group, '/managementGroup', 'Version'), '/managementGroup/Version'),
  };
  const setup = object(required(root, '', 'databaseSetup'), '/databaseSetup', 'databaseSetup');
  const setupString = (key: string): string | null => string(field(setup, key) ?? null, `/databaseSetup/${key}`, true);
  const databaseSetup = {
    DatabaseServerName: setupString('DatabaseServerName'),
    DatabaseName: setupString('DatabaseName'),
    DataWarehouseDBServerName: setupString('DataWarehouseDBServerName'),
    DataWarehouseDBName: setupString('DataWarehouseDBName'),
  };

  const servers = required(root, '', 'managementServers');
  if (!Array.isArray(servers)) fail('/managementServers', `managementServers should be a list, not ${describe(servers)}`);
  if ((servers as unknown[]).length > DEFAULT_PARSE_LIMITS.maxServers)
    fail('/managementServers', `the export lists ${(servers as unknown[]).length} servers, more than the ${DEFAULT_PARSE_LIMITS.maxServers} pooltopo analyses`);
  const managementServers = (servers as unknown[]).map((raw, i): ExportServer => {
    const at = `/managementServers/${i}`;
    const s = object(raw, at, `managementServers[${i}]`);
    const pm = field(s, 'PoolManager');
    let poolManager: ExportPoolManager | null = null;
    if (pm !== null && pm !== undefined) {
      const p = object(pm, `${at}/PoolManager`, 'PoolManager');
      poolManager = {
        PoolLeaseRequestPeriodSeconds: seconds(field(p, 'PoolLeaseRequestPeriodSeconds'), `${at}/PoolManager/PoolLeaseRequestPeriodSeconds`),
        PoolNetworkLatencySeconds: seconds(field(p, 'PoolNetworkLatencySeconds'), `${at}/PoolManager/PoolNetworkLatencySeconds`),
      };
    }
    return {
      DisplayName: name(required(s, at, 'DisplayName'), `${at}/DisplayName`),
      IsGateway: bool(required(s, at, 'IsGateway'), `${at}/IsGateway`),
      AgentCount: count(field(s, 'AgentCount'), `${at}/AgentCount`),
      PrimaryManagementServer: field(s, 'PrimaryManagementServer') == null ? null : name(field(s, 'PrimaryManagementServer'), `${at}/PrimaryManagementServer`),
      FailoverManagementServers: names(field(s, 'FailoverManagementServers'), `${at}/FailoverManagementServers`),
      PoolManager: poolManager,
      at,
    };
  });
  if (managementServers.length === 0) fail('/managementServers', 'the export lists no management server; was the script connected to the management group?');

  const pools = field(root, 'resourcePools') ?? [];
  if (!Array.isArray(pools)) fail('/resourcePools', `resourcePools should be a list, not ${describe(pools)}`);
  const resourcePools = (pools as unknown[]).map((raw, i): ExportPool => {
    const at = `/resourcePools/${i}`;
    const p = object(raw, at, `resourcePools[${i}]`);
    return {
      DisplayName: name(required(p, at, 'DisplayName'), `${at}/DisplayName`),
      IsDynamic: bool(required(p, at, 'IsDynamic'), `${at}/IsDynamic`),
      UseDefaultObserver: bool(required(p, at, 'UseDefaultObserver'), `${at}/UseDefaultObserver`),
      Members: names(field(p, 'Members'), `${at}/Members`),
      Observers: names(field(p, 'Observers'), `${at}/Observers`),
      UnixLinuxAgentCount: count(field(p, 'UnixLinuxAgentCount'), `${at}/UnixLinuxAgentCount`),
      NetworkDeviceCount: count(field(p, 'NetworkDeviceCount'), `${at}/NetworkDeviceCount`),
      at,
    };
  });
  return { file, managementGroup, databaseSetup, managementServers, resourcePools, where };
}

/** `/managementServers/0/DisplayName` → `managementServers[0].DisplayName`, as a reader of the JSON names it. */
function label(at: string): string {
  return at
    .slice(1)
    .split('/')
    .map((t, i) => (/^\d+$/.test(t) ? `[${t}]` : `${i === 0 ? '' : '.'}${t}`))
    .join('');
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : clip(text);
}
