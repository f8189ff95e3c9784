/**
 * The OpCon failover model (FORMAT.md `kind: opcon-failover`): machines with their SMAServMan mode,
 * service start type, database connection and the failover settings pooltopo reads, defaults applied
 * (DOMAIN.md, OPC-SM). Settings are read as Windows reads an ini file: keys in any case.
 */
import { SMASERVMAN } from '../../../domain/facts.js';
import { pointer } from '../../../io/yaml/source-map.js';
import { clip } from '../../../core/rule.js';
import { editDistance } from '../../../util/suggest.js';
import type { ModelIssue } from '../../../core/model.js';

export type Mode = 'Primary' | 'Secondary' | 'StandAlone';
export type StartType = 'automatic' | 'automatic-delayed' | 'manual';
type Setting = string | number | boolean;

export interface ConnectionDocument {
  server: string;
  database?: string;
}

export interface OpconDocument {
  version: 1;
  kind: 'opcon-failover';
  name: string;
  database?: { replication?: 'none' | 'replicated'; server?: string };
  machines: { name: string; mode?: Mode; serviceStartType?: StartType; connection?: ConnectionDocument; settings?: Record<string, Setting> }[];
}

/** SMAServMan.ini defaults (DOMAIN.md, OPC-SM). */
export const SMASERVMAN_DEFAULTS = {
  SecondsBetweenPings: SMASERVMAN.defaults.SecondsBetweenPings.value,
  PingRetryCount: SMASERVMAN.defaults.PingRetryCount.value,
  PingTimeOutInMilliseconds: SMASERVMAN.defaults.PingTimeOutInMilliseconds.value,
  TimeOutInSecondsForSync: SMASERVMAN.defaults.TimeOutInSecondsForSync.value,
} as const;

/** Every documented SMAServMan.ini key, as the vendor spells it, by its lower-case form. */
export const DOCUMENTED_KEYS: ReadonlyMap<string, string> = new Map(
  [...SMASERVMAN.sections.general.keys, ...SMASERVMAN.sections.Primary.keys, ...SMASERVMAN.sections.Secondary.keys, ...SMASERVMAN.otherKeys].map((k) => [
    k.toLowerCase(),
    k,
  ]),
);

/**
 * What each numeric setting may be, by its meaning: a wait is 0 or more and a retry count a
 * whole number of 0 or more (a type's range, not a source's figure).
 */
const NUMERIC_SETTINGS = {
  SecondsBetweenPings: { whole: false, min: 0 },
  PingRetryCount: { whole: true, min: 0 },
  PingTimeOutInMilliseconds: { whole: false, min: 0 },
  TimeOutInSecondsForSync: { whole: false, min: 0 },
} as const;

/** The largest TCP port number. */
const MAX_TCP_PORT = 65535;

/** The switches' settings, and the script each runs, by trigger. */
export const SWITCHES = {
  primaryAbnormalShutdown: { key: 'PrimaryAbnormalShutdownFailover', script: 'PrimaryAbnormalShutdownScript' },
  communicationLoss: { key: 'SyncLostFailover', script: 'SyncLostScript' },
  primaryNormalShutdown: { key: 'PrimaryNormalShutdownFailover', script: 'PrimaryNormalShutdownScript' },
} as const;
export type SwitchName = keyof typeof SWITCHES;

export interface Connection {
  readonly server: string;
  readonly database?: string;
  readonly path: string;
}

export interface Machine {
  readonly name: string;
  readonly mode: Mode;
  readonly serviceStartType?: StartType;
  readonly connection?: Connection;
  readonly switches: { readonly [K in SwitchName]: boolean };
  readonly failOverSocketNumber?: string;
  readonly primaryMachine?: string;
  /** Script values read without the doubled quotes the ini file may wrap them in, by their documented key. */
  readonly scripts: Readonly<Record<string, string>>;
  readonly primaryAbnormalShutdownScript?: string;
  readonly secondsBetweenPings: number;
  readonly pingRetryCount: number;
  readonly pingTimeOutInMilliseconds: number;
  /** How often a Primary tries again to synchronise with its Secondary (a Primary Mode setting). */
  readonly timeOutInSecondsForSync: number;
  readonly path: string;
  /** The key each documented setting is written under (any case), by its lower-case form. */
  readonly settingKeys: ReadonlyMap<string, string>;
  /** `mode` and `settings.Mode` both given and different: the ini's Mode is the one SMAServMan reads. */
  readonly modeConflict?: { readonly mode: Mode; readonly settingsMode: Mode };
  /** Settings whose key is not documented but close to one: the key meant. */
  readonly unknownSettings: readonly { readonly key: string; readonly meant: string; readonly path: string }[];
}

export interface OpconModel {
  readonly kind: 'opcon-failover';
  readonly name: string;
  /** As given, or as the machines' connections say where it is not given. */
  readonly replication: 'none' | 'replicated';
  /** `database.replication` as the file gives it. */
  readonly replicationGiven?: 'none' | 'replicated';
  /** `database.server`: where the (publishing) database lives. */
  readonly databaseServer?: string;
  readonly machines: readonly Machine[];
}

/**
 * The machine a name means: a fully qualified name names the machine of its first label, as
 * FORMAT.md says; an IPv4 or IPv6 address is kept whole. Lower case.
 */
export function machineKey(name: string): string {
  const n = name.trim().toLowerCase();
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(n) || n.includes(':') ? n : n.split('.')[0]!;
}

/** A SQL Server name as the SQL Server client reads it (sqlServerName). */
export interface SqlServerName {
  /** The host as written, without protocol, instance, port, pipe or an IPv6 address's brackets. */
  readonly host: string;
  /** Whether it means the SQL Server of the machine that reads it (`isLocalHost`, shared memory, `lpc:`, or a LocalDB instance, neither of which reaches another machine). */
  readonly local: boolean;
  /** The instance, lower case (the default instance's name where none is given; a LocalDB instance as `(localdb)\\NAME`); undefined for a pipe of its own name, whose instance the name does not tell. */
  readonly instance: string | undefined;
  /** The TCP port, where one is given (not VIA's `NIC:PORT`, which names no TCP port). */
  readonly port: string | undefined;
}

/** The default instance's name, which a server name without `\INSTANCE` means. */
const DEFAULT_INSTANCE = 'mssqlserver';

/** The protocol prefixes the SQL Server client reads before a server name: TCP/IP, named pipes, shared memory, the dedicated admin connection and VIA (deprecated, gone from SQL Server 2012). */
const PROTOCOL = /^\s*(tcp|np|lpc|admin|via)\s*:/i;

/** LocalDB's host in a server name, `(localdb)\INSTANCE` (or `(localdb)\.\SHARED`): an instance that runs on the machine that connects to it and takes no connection from another. */
const LOCALDB = '(localdb)';

/** A pipe name's instance: `sql\query` is the default instance's, `MSSQL$NAME\sql\query` instance NAME's (the SQL Server client's default pipes). */
const INSTANCE_PIPE = /^mssql\$([^\\]+)\\sql\\query$/;

/**
 * A SQL Server name (an SMA Connection Configuration's Server\Instance Name, or `database.server`)
 * as the SQL Server client reads it: `[PROTOCOL:]HOST[\INSTANCE][,PORT]`, where PROTOCOL is `tcp`,
 * `np` (named pipes), `lpc` (shared memory), `admin` or `via` (whose `,NIC:PORT` is no TCP port),
 * a named pipe's path `[np:]\\HOST\pipe\NAME`, whose HOST `.` is the local machine, or a LocalDB
 * instance `(localdb)\NAME` (`(localdb)\.\NAME` when shared), which is always on the machine that
 * reads it; no HOST (`,1433`, `\OPCON`) is the local machine, as the client reads `Server=;`, but
 * for VIA. Server names are read here, and only here, wherever one meets a machine.
 */
export function sqlServerName(server: string): SqlServerName {
  let rest = server.trim();
  const prefix = PROTOCOL.exec(rest);
  const protocol = prefix?.[1]!.toLowerCase();
  const sharedMemory = protocol === 'lpc';
  if (prefix) rest = rest.slice(prefix[0].length).trim();
  if (rest.startsWith('\\\\')) {
    // \\HOST\pipe\NAME: the host is the pipe's machine, `.` the local one.
    const [, , host = '', , ...pipe] = rest.split('\\');
    const name = pipe.join('\\').trim().toLowerCase();
    const h = unbracketed(host);
    return {
      host: h,
      local: sharedMemory || isLocalHost(h),
      instance: name === 'sql\\query' ? DEFAULT_INSTANCE : INSTANCE_PIPE.exec(name)?.[1],
      port: undefined,
    };
  }
  const [name = '', port] = rest.split(',');
  const [host = '', instance, ...shared] = name.split('\\');
  const h = unbracketed(host);
  // A LocalDB instance is no SQL Server service's instance of that name: `(localdb)\OPCON` is not `.\OPCON`.
  if (h.toLowerCase() === LOCALDB) {
    const local = [instance ?? '', ...shared].join('\\').trim().toLowerCase();
    return { host: h, local: true, instance: local === '' ? undefined : `${LOCALDB}\\${local}`, port: undefined };
  }
  // The SQL Server client reads no host (`Server=;`, `,1433`, `\\OPCON`) as the local computer; VIA alone needs the server's name.
  const noHostLocal = h === '' && protocol !== 'via';
  return {
    host: h,
    local: sharedMemory || noHostLocal || isLocalHost(h),
    instance: instance?.trim().toLowerCase() || DEFAULT_INSTANCE,
    port: protocol === 'via' ? undefined : port?.trim(),
  };
}

/** A host without the brackets an IPv6 address may be written in (`[::1]`). */
function unbracketed(host: string): string {
  const h = host.trim();
  return /^\[.*\]$/.test(h) ? h.slice(1, -1).trim() : h;
}

/**
 * Whether a SQL Server host names the machine that reads it: `.`, `(local)`, `localhost`, an IPv4
 * loopback address (127.0.0.1) or the IPv6 one (`::1`, in any of its spellings), as the SQL Server
 * client reads them.
 */
function isLocalHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return h === '.' || h === '(local)' || h === 'localhost' || /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/.test(h) || IPV6_LOOPBACK.test(h);
}

/** ::1 written in full (0:0:0:0:0:0:0:1) or compressed (::1, 0::1, 0:0::0:1), with or without leading zeros. */
const IPV6_LOOPBACK = /^(?:(?:0{1,4}:){7}|(?:0{1,4}(?::0{1,4}){0,5})?::(?:0{1,4}:){0,5})0{0,3}1$/;

/**
 * The host of a SQL Server name as a connection gives it (`tcp:SQL01.corp\OPCON,1433` is sql01's,
 * `np:\\SQL01\pipe\sql\query` too). A local name (sqlServerName: `.`, `(local)`, `localhost`,
 * `127.0.0.1`, `::1`, `lpc:`, a pipe on `\\.\`) is the machine whose SMA Connection Configuration
 * gives it, `on`, where it is given: the same `.\OPCON` in two machines' connections is two SQL
 * Servers, one on each.
 */
export function hostOf(server: string, on?: string): string {
  const name = sqlServerName(server);
  return machineKey(on !== undefined && name.local ? on : name.host);
}

/** The host part of a SQL Server name as written, without protocol, `\INSTANCE`, `,port` or pipe (`tcp:SQL01.corp\OPCON,1433` is `SQL01.corp`). */
export function hostPart(server: string): string {
  return sqlServerName(server).host;
}

/**
 * Whether two connection servers name the same SQL Server: the same host as `hostOf` reads it
 * (`SQL01` and `sql01.corp.local`; a local name is the machine `aOn` or `bOn` whose connection gives
 * it), the same instance (none is the default instance; a pipe of its own name may be any), and
 * the same port where both give one.
 */
export function sameSqlServer(a: string, b: string, aOn?: string, bOn?: string): boolean {
  const x = sqlServerName(a);
  const y = sqlServerName(b);
  return (
    hostOf(a, aOn) === hostOf(b, bOn) &&
    (x.instance === undefined || y.instance === undefined || x.instance === y.instance) &&
    (x.port === undefined || y.port === undefined || x.port === y.port)
  );
}

/** Whether two machines' FailOverSocketNumber, both given, name different ports: compared as numbers, as a port is (06500 is 6500). */
export function socketsDiffer(a: Machine, b: Machine): boolean {
  return a.failOverSocketNumber !== undefined && b.failOverSocketNumber !== undefined && Number(a.failOverSocketNumber) !== Number(b.failOverSocketNumber);
}

/** Whether `a` and `b` name the same machine. */
export function sameMachine(a: string, b: string): boolean {
  return machineKey(a) === machineKey(b);
}

/**
 * A script value as SMAServMan runs it: without the doubled (or single) quotes the ini file wraps it
 * in. A pair of quotes is taken off only where it wraps the whole value: `""C:\x.cmd""` is
 * `C:\x.cmd`, but `"C:\x.cmd" "an argument"` (or `""C:\x.cmd" "an argument""`) is a command line
 * whose first and last quotes belong to its parts, and keeps them.
 */
export function unquote(value: string): string {
  let v = value.trim();
  while (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    const inner = v.slice(1, -1).trim();
    if (inner.includes('"') && !(inner.startsWith('"') && inner.endsWith('"'))) break;
    v = inner;
  }
  return v;
}

/** The vendor's command files that stop replication, by file name: StopRepl.cmd and StopRepl_WinAuth.cmd. */
const STOP_REPLICATION_FILE = /^stoprepl(?:_winauth)?(?:\.cmd)?$/i;

/**
 * The name of the file a script value runs (its last path component): a quoted path up to its
 * closing quote, else up to the first command file's extension, since what follows are arguments.
 */
export function scriptFileName(script: string): string {
  const v = script.trim();
  const command = v.startsWith('"') ? v.slice(1).split('"')[0]! : (/^.*?\.(?:bat|cmd|exe|ps1|vbs)(?=\s|$)/i.exec(v)?.[0] ?? v);
  return command.split(/[\\/]/).pop()!.trim();
}

/** Whether a script value runs the vendor's StopRepl command file (a folder named like it does not). */
export function runsStopRepl(script: string): boolean {
  return STOP_REPLICATION_FILE.test(scriptFileName(script));
}

/** The JSON Pointer of a machine's setting as written, or of its `settings` where it is not written. */
export function settingPath(m: Machine, key: string): string {
  const written = m.settingKeys.get(key.toLowerCase());
  return written === undefined ? `${m.path}/settings` : `${m.path}/settings/${pointer(written).slice(1)}`;
}

const MODES: ReadonlyMap<string, Mode> = new Map([
  ['primary', 'Primary'],
  ['secondary', 'Secondary'],
  ['standalone', 'StandAlone'],
]);
const SWITCH_VALUES: ReadonlyMap<unknown, boolean> = new Map<unknown, boolean>([
  [true, true],
  [false, false],
  ['y', true],
  ['n', false],
]);

/** The longest key the closeness check compares: past it no documented key is near (and the edit distance would cost). */
const LONGEST_NEAR_KEY = 64;

/** How many of each character a key has (its letters are ASCII; anything else counts as one bucket). */
function letterCounts(key: string): Int16Array {
  const counts = new Int16Array(128);
  for (let i = 0; i < key.length; i++) counts[Math.min(key.charCodeAt(i), 127)]!++;
  return counts;
}

const DOCUMENTED_COUNTS: ReadonlyMap<string, Int16Array> = new Map([...DOCUMENTED_KEYS.keys()].map((k) => [k, letterCounts(k)]));

/**
 * The documented key a mistyped one means: within a quarter of its length in edits (at least 2).
 * An edit changes the key's letter counts by at most 2, so a key whose counts differ by more than
 * twice the limit is passed over without the edit distance: a file of many keys costs a count each.
 */
function keyMeant(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (lower.length > LONGEST_NEAR_KEY) return undefined;
  const limit = Math.max(2, Math.floor(lower.length / 4));
  const counts = letterCounts(lower);
  let best: { key: string; d: number } | undefined;
  for (const [k, spelled] of DOCUMENTED_KEYS) {
    if (Math.abs(k.length - lower.length) > limit) continue;
    const known = DOCUMENTED_COUNTS.get(k)!;
    let apart = 0;
    for (let c = 0; c < 128 && apart <= 2 * limit; c++) apart += Math.abs(counts[c]! - known[c]!);
    if (apart > 2 * limit) continue;
    const d = editDistance(lower, k);
    if (d <= limit && (best === undefined || d < best.d)) best = { key: spelled, d };
  }
  return best?.key;
}

/** A numeric setting as SMAServMan reads it: a number, or its text; empty or absent, undefined. */
function numberOf(v: unknown): number | undefined {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
  return typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
}

/**
 * A SQL Server name, trimmed, where it names one: a VIA name with no host (`via:`, `via: ,0:1433`)
 * names none the file can place, as the VIA form needs the server's name, so it is a schema issue,
 * and undefined, rather than a host '' that two machines would share as "one database". Any other
 * name with no host (`,1433`, `\\OPCON`) is the machine's own SQL Server (sqlServerName).
 */
function namedServer(server: string, where: string, path: string, issues: ModelIssue[]): string | undefined {
  const name = sqlServerName(server);
  if (name.host !== '' || name.local) return server.trim();
  issues.push({
    rule: 'schema',
    messageId: 'violation',
    data: { message: `\`${where}\` must name a SQL Server (its host, or \`.\` for the machine itself), not ${JSON.stringify(clip(server.trim()))}.` },
    path,
  });
  return undefined;
}

export function normaliseOpcon(doc: OpconDocument): { model: OpconModel; issues: ModelIssue[] } {
  const issues: ModelIssue[] = [];
  const seen = new Map<string, string>();
  const machines: Machine[] = [];
  doc.machines.forEach((m, i) => {
    const first = seen.get(machineKey(m.name));
    if (first !== undefined) {
      issues.push({
        rule: 'duplicate-name',
        messageId: 'duplicate',
        data: { name: m.name, kind: 'machine', first, firstKind: 'machine' },
        path: pointer('machines', i, 'name'),
      });
      return;
    }
    seen.set(machineKey(m.name), m.name);
    const s = m.settings ?? {};
    // Keys compare case-insensitively, as Windows reads an ini file; the first spelling counts, as
    // GetPrivateProfileString takes the first of two.
    const settingKeys = new Map<string, string>();
    for (const key of Object.keys(s)) if (!settingKeys.has(key.toLowerCase())) settingKeys.set(key.toLowerCase(), key);
    const written = (key: string): string | undefined => settingKeys.get(key.toLowerCase());
    const raw = (key: string): Setting | undefined => {
      const k = written(key);
      return k === undefined ? undefined : s[k];
    };
    const text = (key: string) => (raw(key) === undefined ? undefined : String(raw(key)));
    const violation = (key: string, must: string) => {
      const k = written(key) ?? key;
      const v = s[k];
      issues.push({
        rule: 'schema',
        messageId: 'violation',
        data: { message: `\`machines[${i}].settings.${clip(k)}\` must be ${must}, not ${typeof v === 'number' ? v : JSON.stringify(clip(String(v)))}.` },
        path: pointer('machines', i, 'settings', k),
      });
    };
    // A numeric setting that is no number, or out of its range (a negative wait, a fraction of a
    // retry), is a schema problem, not its default: the figures (detection time) would otherwise
    // come from a value the file does not give, or make no sense (detected in -29.5 s).
    const numeric = (key: keyof typeof NUMERIC_SETTINGS): number => {
      const n = numberOf(raw(key));
      if (n === undefined) return SMASERVMAN_DEFAULTS[key];
      const range = NUMERIC_SETTINGS[key];
      // `1e400` is a number, but past a double's range (read as text by YAML).
      if (!Number.isFinite(n)) violation(key, Number.isNaN(n) ? 'a number' : 'a number in range');
      else if (range.whole && !Number.isInteger(n)) violation(key, `a whole number${range.min === 0 ? ' of 0 or more' : ''}`);
      else if (n < range.min) violation(key, `${range.min} or more`);
      else return n;
      return SMASERVMAN_DEFAULTS[key];
    };
    // The schema checks the switches under their documented spelling; any other spelling is checked here.
    const switchOn = (key: string): boolean => {
      const v = raw(key);
      if (v === undefined) return false;
      const on = SWITCH_VALUES.get(typeof v === 'string' ? v.trim().toLowerCase() : v);
      if (on === undefined) violation(key, 'Y or N');
      return on === true;
    };
    // The port is kept as written (the rules compare it), once it is one.
    const port = text('FailOverSocketNumber')?.trim();
    if (port !== undefined && port !== '' && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= MAX_TCP_PORT)) {
      violation('FailOverSocketNumber', `a TCP port, a whole number from 1 to ${MAX_TCP_PORT}`);
    }
    // Mode as the ini file has it, in settings; `mode` says the same where both are given.
    const iniModeText = text('Mode')?.trim();
    let settingsMode: Mode | undefined;
    if (iniModeText !== undefined && iniModeText !== '') {
      settingsMode = MODES.get(iniModeText.toLowerCase());
      if (settingsMode === undefined) violation('Mode', 'Primary, Secondary or StandAlone');
    }
    const mode = settingsMode ?? m.mode ?? 'StandAlone';
    const scripts: Record<string, string> = {};
    for (const key of ['InitializationScript', 'TerminationScript', 'SyncInitFailureScript', ...Object.values(SWITCHES).map((w) => w.script)]) {
      const v = text(key);
      if (v !== undefined && unquote(v) !== '') scripts[key] = unquote(v);
    }
    const unknownSettings: Machine['unknownSettings'][number][] = [];
    for (const key of Object.keys(s)) {
      if (DOCUMENTED_KEYS.has(key.toLowerCase())) continue;
      const meant = keyMeant(key);
      if (meant !== undefined) unknownSettings.push({ key, meant, path: pointer('machines', i, 'settings', key) });
    }
    const primaryMachine = text('PrimaryMachine')?.trim();
    const connectionServer =
      m.connection && namedServer(m.connection.server, `machines[${i}].connection.server`, pointer('machines', i, 'connection', 'server'), issues);
    machines.push({
      name: m.name,
      mode,
      switches: {
        primaryAbnormalShutdown: switchOn(SWITCHES.primaryAbnormalShutdown.key),
        communicationLoss: switchOn(SWITCHES.communicationLoss.key),
        primaryNormalShutdown: switchOn(SWITCHES.primaryNormalShutdown.key),
      },
      scripts,
      secondsBetweenPings: numeric('SecondsBetweenPings'),
      pingRetryCount: numeric('PingRetryCount'),
      pingTimeOutInMilliseconds: numeric('PingTimeOutInMilliseconds'),
      timeOutInSecondsForSync: numeric('TimeOutInSecondsForSync'),
      path: pointer('machines', i),
      settingKeys,
      unknownSettings,
      // Optional keys last: a key after a spread costs a runtime call in code V8 has not optimised.
      ...(m.serviceStartType ? { serviceStartType: m.serviceStartType } : {}),
      ...(m.connection && connectionServer !== undefined
        ? {
            connection: {
              server: connectionServer,
              path: pointer('machines', i, 'connection'),
              ...(m.connection.database !== undefined ? { database: m.connection.database.trim() } : {}),
            },
          }
        : {}),
      ...(port !== undefined ? { failOverSocketNumber: port } : {}),
      ...(primaryMachine !== undefined && primaryMachine !== '' ? { primaryMachine } : {}),
      ...(scripts['PrimaryAbnormalShutdownScript'] !== undefined ? { primaryAbnormalShutdownScript: scripts['PrimaryAbnormalShutdownScript'] } : {}),
      ...(m.mode !== undefined && settingsMode !== undefined && m.mode !== settingsMode ? { modeConflict: { mode: m.mode, settingsMode } } : {}),
    });
  });
  const given = doc.database?.replication;
  const databaseServer = doc.database?.server?.trim() ? namedServer(doc.database.server, 'database.server', pointer('database', 'server'), issues) : undefined;
  return {
    model: {
      kind: 'opcon-failover',
      name: doc.name,
      replication: given ?? (connectionsDiffer(machines) ? 'replicated' : 'none'),
      ...(given !== undefined ? { replicationGiven: given } : {}),
      ...(databaseServer !== undefined ? { databaseServer } : {}),
      machines,
    },
    issues,
  };
}

/** Where the first two machines both give their connection: whether they use different databases. */
export function connectionsDiffer(machines: readonly Machine[]): boolean {
  const [ma, mb] = machines;
  const a = ma?.connection;
  const b = mb?.connection;
  if (!a || !b) return false;
  if (!sameSqlServer(a.server, b.server, ma.name, mb.name)) return true;
  return a.database !== undefined && b.database !== undefined && a.database.toLowerCase() !== b.database.toLowerCase();
}

/** A connection as people write it: `SMAProdDBServer/OpConxps`. */
export function connectionText(c: Connection): string {
  return c.database === undefined ? c.server : `${c.server}/${c.database}`;
}
