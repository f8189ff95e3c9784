/**
 * OpCon failover figures (FORMAT.md; OPC-FS, the vendor's failover scenarios): which machine is
 * primary and which its standby, the scenario (1-4), the automatic-failover triggers and how long the
 * Secondary takes to give up on a silent Primary.
 */
import { connectionText, hostOf, hostPart, machineKey, sameSqlServer, sqlServerName, type Machine, type OpconModel } from '../model/model.js';

export type Trigger = 'primary-abnormal-shutdown' | 'communication-loss' | 'primary-normal-shutdown';

export interface Failover {
  /** 1 manual + one database, 2 manual + replicated, 3 automatic + one database, 4 automatic + replicated; null for one machine, or modes that set up neither. */
  readonly scenario: 1 | 2 | 3 | 4 | null;
  readonly mode: 'manual' | 'automatic' | 'none';
  readonly primary: string | null;
  readonly secondary: string | null;
  readonly database: 'none' | 'replicated';
  readonly triggers: readonly Trigger[];
  /** How many machines the file describes (mode `none` with more than one: their modes set up no failover). */
  readonly machines: number;
  /**
   * How long the Secondary takes to give up on a silent Primary (a communication loss, which a crash
   * of the Primary machine is to it): SecondsBetweenPings x (PingRetryCount + 1) +
   * PingTimeOutInMilliseconds / 1000, on the Secondary, to the millisecond; null unless automatic.
   * A shutdown of the Primary is seen at the next ping instead, within SecondsBetweenPings.
   */
  readonly detectionSeconds: number | null;
}

export interface OpconAnalysis {
  readonly failover: Failover;
  readonly primary?: Machine;
  readonly secondary?: Machine;
  readonly primaries: readonly Machine[];
  readonly secondaries: readonly Machine[];
  readonly standAlone: readonly Machine[];
}

/**
 * Modes that set up neither failover (opcon/mode-conflict): several machines that are not a Primary
 * and a Secondary nor StandAlone ones, or one machine alone in mode Primary or Secondary (a Primary
 * sets its application group ACTIVE only after synchronizing with a Secondary). No process flow of
 * the vendor's applies to them.
 */
export function modesConflict(analysis: OpconAnalysis): boolean {
  const f = analysis.failover;
  return f.mode === 'none' && (f.machines > 1 || analysis.primaries.length + analysis.secondaries.length > 0);
}

/** Why the modes set up no failover, in words that follow "sets up no failover: " (simulate's refusal and the report). */
export function noFailoverReason(analysis: OpconAnalysis): string {
  const { primaries, secondaries, standAlone } = analysis;
  const [only, ...others] = [...primaries, ...secondaries, ...standAlone];
  if (only && others.length === 0)
    return `its one machine, ${only.name}, is in mode ${only.mode}, which works only beside a ${only.mode === 'Primary' ? 'Secondary' : 'Primary'}`;
  return `its machines' modes conflict (${primaries.length} Primary, ${secondaries.length} Secondary, ${standAlone.length} StandAlone)`;
}

export function analyseOpcon(model: OpconModel): OpconAnalysis {
  const primaries = model.machines.filter((m) => m.mode === 'Primary');
  const secondaries = model.machines.filter((m) => m.mode === 'Secondary');
  const standAlone = model.machines.filter((m) => m.mode === 'StandAlone');
  const automatic = primaries.length > 0 && secondaries.length > 0;
  const single = model.machines.length === 1;
  // Manual failover is between StandAlone machines (FORMAT.md); a Primary without a Secondary, or
  // the reverse, is no failover of either kind (opcon/mode-conflict says so): its primary is the
  // machine in mode Primary, if one is, and it has no secondary.
  const manual = !single && primaries.length === 0 && secondaries.length === 0;
  const primary = automatic ? primaries[0] : manual || single ? model.machines[0] : primaries[0];
  const secondary = automatic ? secondaries[0] : manual ? model.machines[1] : undefined;
  const mode = automatic ? 'automatic' : manual ? 'manual' : 'none';
  const triggers: Trigger[] = [];
  if (mode === 'automatic' && secondary) {
    if (secondary.switches.primaryAbnormalShutdown) triggers.push('primary-abnormal-shutdown');
    if (secondary.switches.communicationLoss) triggers.push('communication-loss');
    if (secondary.switches.primaryNormalShutdown) triggers.push('primary-normal-shutdown');
  }
  const replicated = model.replication === 'replicated';
  const scenario = mode === 'none' ? null : mode === 'manual' ? (replicated ? 2 : 1) : replicated ? 4 : 3;
  // To the millisecond, the ping timeout's unit: 0.1 s x 3 + 0.3 s is 0.6, not floating point's 0.6000000000000001.
  const detectionSeconds =
    mode === 'automatic' && secondary
      ? Number((secondary.secondsBetweenPings * (secondary.pingRetryCount + 1) + secondary.pingTimeOutInMilliseconds / 1000).toFixed(3))
      : null;
  return {
    failover: {
      scenario,
      mode,
      primary: primary?.name ?? null,
      secondary: secondary?.name ?? null,
      database: model.replication,
      triggers,
      machines: model.machines.length,
      detectionSeconds,
    },
    ...(primary ? { primary } : {}),
    ...(secondary ? { secondary } : {}),
    primaries,
    secondaries,
    standAlone,
  };
}

/**
 * Where an OpCon database lives: `database.server` and each machine's connection, with the machine it
 * is on, if one is. `unplaced`: `database.server` is a local name (`.`) that no one machine reads
 * (databaseServerReaders), so it names no machine, nor a server beside them.
 */
export interface DatabaseHost {
  readonly server: string;
  readonly path: string;
  readonly machine?: Machine;
  readonly unplaced?: true;
}

/** The database servers the file names, each host once, with the SMAServMan machine that holds it where one does. */
export function databaseHosts(model: OpconModel, analysis: OpconAnalysis): DatabaseHost[] {
  const named: { server: string; path: string; on?: string | undefined }[] = [];
  if (model.databaseServer !== undefined) named.push({ server: model.databaseServer, path: '/database/server', on: databaseServerOn(model, analysis) });
  for (const m of model.machines) if (m.connection) named.push({ server: m.connection.server, path: `${m.connection.path}/server`, on: m.name });
  const seen = new Set<string>();
  const hosts: DatabaseHost[] = [];
  for (const { on, server, path } of named) {
    if (on === undefined && sqlServerName(server).local) {
      hosts.push({ server, path, unplaced: true });
      continue;
    }
    const host = hostOf(server, on);
    if (seen.has(host)) continue;
    seen.add(host);
    const machine = machineAt(model, server, on);
    hosts.push(machine ? { server, path, machine } : { server, path });
  }
  return hosts;
}

/**
 * The machines whose SAM uses `database.server` as its database (databaseWhere): the primary and
 * the standby that give no connection of their own, but for the standby of a replicated pair, whose
 * database is the subscriber. A local name there (`.`, `localhost`: sqlServerName) is the SQL Server
 * of the machine that reads it, so it names a machine only where exactly one machine reads it: the
 * primary for the publisher in scenarios 2 and 4, or a machine alone. Read by none (each gives its
 * own connection), or by two (one database, neither giving a connection: each would reach its own
 * SQL Server), it names no machine, and opcon/database-on-machine says so.
 */
export function databaseServerReaders(model: OpconModel, analysis: OpconAnalysis): Machine[] {
  if (model.databaseServer === undefined) return [];
  const replicated = model.replication === 'replicated';
  return [analysis.primary, analysis.secondary].filter((m): m is Machine => m !== undefined && !m.connection && !(replicated && m === analysis.secondary));
}

/** The machine a local `database.server` is read on: the one machine that reads it, if only one does. */
function databaseServerOn(model: OpconModel, analysis: OpconAnalysis): string | undefined {
  const readers = databaseServerReaders(model, analysis);
  return readers.length === 1 ? readers[0]!.name : undefined;
}

/**
 * The database a machine's SAM connects to, in words: its connection where it gives one, else its
 * role's (the publisher or subscriber of a replicated pair, or the one database).
 */
export function databaseOf(model: OpconModel, analysis: OpconAnalysis, m: Machine): string {
  const role = databaseRole(model, analysis, m);
  if (m.connection) {
    const text = `${connectionText(m.connection)}${ownSqlServer(model, m.connection.server, m.name)}`;
    return model.replication === 'replicated' ? `${role}, ${text}` : text;
  }
  if (model.replication === 'replicated') return role;
  return model.databaseServer !== undefined ? `the OpCon database on ${model.databaseServer}` : 'the OpCon database';
}

/** What `m`'s database is, in words: the publishing or subscribing database of a replicated pair, or the one OpCon database. */
export function databaseRole(model: OpconModel, analysis: OpconAnalysis, m: Machine): string {
  return model.replication !== 'replicated' ? 'the OpCon database' : m === analysis.secondary ? 'the subscribing database' : 'the publishing database';
}

/** ` (the SQL Server of NAME itself)` where `server` is a local name read on machine `on` of the file: the name alone does not tell which machine. */
function ownSqlServer(model: OpconModel, server: string, on: string | undefined): string {
  const machine = on !== undefined && sqlServerName(server).local ? machineAt(model, server, on) : undefined;
  return machine ? ` (the SQL Server of ${machine.name} itself)` : '';
}

/** The machine of the file that holds the database `m`'s SAM connects to, where one does: its crash takes that database. */
export function databaseMachineOf(model: OpconModel, analysis: OpconAnalysis, m: Machine): Machine | undefined {
  const where = databaseWhere(model, analysis, m);
  return where === undefined ? undefined : machineAt(model, where.server, where.on);
}

/**
 * The machine of the file a SQL Server name is on (its host as hostOf reads it), if one is: the one
 * place server names meet machines. A local name (sqlServerName: `.`, `(local)`, `::1`, `lpc:`...) is on
 * `on`, the machine whose connection gives it.
 */
export function machineAt(model: OpconModel, server: string, on?: string): Machine | undefined {
  return machinesByKey(model).get(hostOf(server, on));
}

/** The machine of the file a name means (machineKey: case-insensitive, a fully qualified name by its first label), if one is. */
export function machineNamed(model: OpconModel, name: string): Machine | undefined {
  return machinesByKey(model).get(machineKey(name));
}

/** Each model's machines by machineKey, the first of a key kept: built once, so that a lookup per server or machine stays linear in the file. */
const MACHINES_BY_KEY = new WeakMap<OpconModel, ReadonlyMap<string, Machine>>();

function machinesByKey(model: OpconModel): ReadonlyMap<string, Machine> {
  let index = MACHINES_BY_KEY.get(model);
  if (index === undefined) {
    const built = new Map<string, Machine>();
    for (const m of model.machines) {
      const key = machineKey(m.name);
      if (!built.has(key)) built.set(key, m);
    }
    index = built;
    MACHINES_BY_KEY.set(model, index);
  }
  return index;
}

/** The server a machine's database lives on, where the file says: its connection's, else `database.server` (one database, or the publisher). */
export function databaseServerOf(model: OpconModel, analysis: OpconAnalysis, m: Machine): string | undefined {
  return databaseWhere(model, analysis, m)?.server;
}

/**
 * The server `m`'s database lives on, in words, where the file says: quoted as written, and for a
 * local name (`.`, `(local)`, `(localdb)\\NAME`...) the machine it means, which the name alone does not tell.
 */
export function databaseServerWords(model: OpconModel, analysis: OpconAnalysis, m: Machine): string | undefined {
  const where = databaseWhere(model, analysis, m);
  return where === undefined ? undefined : `"${where.server}"${ownSqlServer(model, where.server, where.on)}`;
}

/** The host (as hostOf reads it) of the SQL Server `m`'s database lives on, where the file says. */
export function databaseHostOf(model: OpconModel, analysis: OpconAnalysis, m: Machine): string | undefined {
  const where = databaseWhere(model, analysis, m);
  return where === undefined ? undefined : hostOf(where.server, where.on);
}

/**
 * The SQL Servers the file puts a database on (database.server, a connection) that are no machine
 * of the file, each host once: its name as first written (without instance or port) and its host. A
 * local name that names no machine names no server either.
 */
export function databaseServersBeside(model: OpconModel, analysis: OpconAnalysis): { readonly name: string; readonly host: string }[] {
  return databaseHosts(model, analysis)
    .filter((h) => h.machine === undefined && !h.unplaced)
    .map((h) => ({ name: hostPart(h.server), host: hostOf(h.server) }))
    .filter((s) => s.host !== '');
}

/** Whether the databases of machines `a` and `b` are on one SQL Server, however each connection writes its name (sameSqlServer). */
export function sameDatabaseServer(model: OpconModel, analysis: OpconAnalysis, a: Machine, b: Machine): boolean {
  const x = databaseWhere(model, analysis, a);
  const y = databaseWhere(model, analysis, b);
  return x !== undefined && y !== undefined && sameSqlServer(x.server, y.server, x.on, y.on);
}

/**
 * databaseServerOf, with the machine that reads it (which a local name such as `.` means): the
 * machine whose connection names it, or the one machine that reads `database.server`. With one
 * database and no `database.server`, a machine of the pair that gives no connection uses the one
 * its partner's connection names.
 */
function databaseWhere(model: OpconModel, analysis: OpconAnalysis, m: Machine): { server: string; on?: string | undefined } | undefined {
  if (m.connection) return { server: m.connection.server, on: m.name };
  if (model.replication === 'replicated' && m === analysis.secondary) return undefined;
  if (model.databaseServer !== undefined) return { server: model.databaseServer, on: databaseServerOn(model, analysis) };
  const partner =
    model.replication === 'none' ? (m === analysis.primary ? analysis.secondary : m === analysis.secondary ? analysis.primary : undefined) : undefined;
  return partner?.connection ? { server: partner.connection.server, on: partner.name } : undefined;
}
