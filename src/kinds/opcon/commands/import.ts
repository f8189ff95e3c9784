/**
 * `pooltopo import opcon PRIMARY.ini SECONDARY.ini` (FORMAT.md, "Import"): a `kind: opcon-failover`
 * topology file written from the machines' own SMAServMan.ini files, each setting from the sections
 * the machine reads ([General Settings] and its own mode's), with its file and line in a comment, and
 * what the ini cannot say (start types, connections, replication) from options or said to be unknown.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { SMASERVMAN } from '../../../domain/facts.js';
import { PooltopoError } from '../../../util/errors.js';
import { escapeForTerminal } from '../../../util/text.js';
import { entryOf, readIniFile, sectionOf, type IniEntry, type IniFile, type IniSection } from '../../../io/ini-file.js';
import { clip } from '../../../core/rule.js';
import { closest } from '../../../util/suggest.js';
import type { ImportRequest, ImportResult } from '../../../core/kind.js';
import { DOCUMENTED_KEYS, sameMachine, type Mode, type StartType } from '../model/model.js';

const START_TYPES: readonly StartType[] = ['automatic', 'automatic-delayed', 'manual'];
const MODES: ReadonlyMap<string, Mode> = new Map([
  ['primary', 'Primary'],
  ['secondary', 'Secondary'],
  ['standalone', 'StandAlone'],
]);
const GENERAL = SMASERVMAN.sections.general;
const MODE_SECTIONS = { Primary: SMASERVMAN.sections.Primary, Secondary: SMASERVMAN.sections.Secondary } as const;

/** One ini file given on the command line, with the machine it is the file of. */
interface Source {
  readonly arg: string;
  readonly file: string;
  /** Named on the command line (`NAME=PATH`). */
  readonly given?: string;
  readonly ini: IniFile;
  readonly mode: Mode;
  readonly modeEntry: IniEntry;
  /** [General Settings] and, for a Primary or Secondary, its own mode's section. */
  readonly sections: readonly IniSection[];
}

/** A machine to write: its source, its name and why it has that name. */
interface Named {
  readonly source: Source;
  name: string;
  namedBy: string;
}

export async function importOpcon(request: ImportRequest): Promise<ImportResult> {
  const { files, options, cwd } = request;
  if (files.length === 0 || files.length > 2) {
    throw new PooltopoError(`import opcon takes the SMAServMan.ini of one or two machines, not ${files.length} files (pooltopo import --help)`);
  }
  const sources = files.map((arg) => sourceOf(arg, cwd));
  const [a, b] = sources;
  if (a && b) {
    const [sa, sb] = [a, b].map((s) => statSync(path.resolve(cwd, s.file)));
    if (sa!.dev === sb!.dev && sa!.ino === sb!.ino)
      throw new PooltopoError(`"${a.file}" and "${b.file}" are the same file; give each machine's own SMAServMan.ini`);
    if (a.mode === b.mode && a.mode !== 'StandAlone') {
      throw new PooltopoError(
        `${a.file}:${a.modeEntry.line} and ${b.file}:${b.modeEntry.line} both say Mode=${a.mode}; give the Primary's SMAServMan.ini and the Secondary's`,
      );
    }
  }
  // The Primary first, as the vendor's tables list it; two StandAlone machines in the order given (the first is the primary).
  const ordered = b && b.mode === 'Primary' ? [b, a!] : sources;
  const machines = nameMachines(ordered, cwd);
  const startTypes = perMachine(options['start-type'], '--start-type', machines, (v) => {
    if (!(START_TYPES as readonly string[]).includes(v)) throw new PooltopoError(`--start-type takes NAME=${START_TYPES.join('|')}, not "${clip(v)}"`);
    return v as StartType;
  });
  const connections = perMachine(options['connection'], '--connection', machines, (v) => {
    const slash = v.indexOf('/');
    const server = (slash < 0 ? v : v.slice(0, slash)).trim();
    const database = slash < 0 ? '' : v.slice(slash + 1).trim();
    if (server === '')
      throw new PooltopoError(
        `--connection takes NAME=SERVER[/DATABASE] (the SMA Connection Configuration's Server\\Instance Name and Database Name), not "${clip(v)}"`,
      );
    return { server, ...(database !== '' ? { database } : {}) };
  });
  const text = write(machines, { startTypes, connections, replicated: options['replicated'] === true });
  return { text, read: sources.map((s) => s.file) };
}

/** `NAME=PATH` or `PATH`, read and checked: its Mode, from [General Settings]. */
function sourceOf(arg: string, cwd: string): Source {
  const named = /^([A-Za-z0-9][A-Za-z0-9._-]*)=([^]+)$/.exec(arg);
  // A file whose own name has a `=` in it is that file, where it exists and the rest does not.
  const byName = named && !(exists(arg, cwd) && !exists(named[2]!, cwd));
  const file = byName ? named[2]! : arg;
  const ini = readIniFile(file, cwd);
  const general = sectionOf(ini, GENERAL.name);
  const modeEntry = entryOf(general, 'Mode');
  if (!modeEntry) {
    const elsewhere = ini.sections.map((s) => ({ s, e: entryOf(s, 'Mode') })).find((x) => x.e);
    if (elsewhere)
      throw new PooltopoError(
        `${file}:${elsewhere.e!.line}: Mode is in [${elsewhere.s.name}], but SMAServMan reads it in [${GENERAL.name}]; the file says no Mode where it counts`,
      );
    throw new PooltopoError(
      `${file}${general ? `:${general.line}` : ''}: no Mode in [${GENERAL.name}]${general ? '' : ' (the file has no such section)'}: SMAServMan.ini says there whether the machine is Primary, Secondary or StandAlone; is this an SMAServMan.ini?`,
    );
  }
  const mode = MODES.get(modeEntry.value.toLowerCase());
  if (!mode) throw new PooltopoError(`${file}:${modeEntry.line}: Mode is "${clip(modeEntry.value)}"; SMAServMan takes Primary, Secondary or StandAlone`);
  const own = mode === 'StandAlone' ? undefined : sectionOf(ini, MODE_SECTIONS[mode].name);
  return {
    arg,
    file,
    ...(byName ? { given: named[1]! } : {}),
    ini,
    mode,
    modeEntry,
    sections: [...(own ? [own] : []), ...(general ? [general] : [])].sort((x, y) => x.line - y.line),
  };
}

function exists(file: string, cwd: string): boolean {
  return statSync(path.resolve(cwd, file), { throwIfNoEntry: false }) !== undefined;
}

/**
 * Names each machine: as given (`NAME=PATH`); else the Primary by the Secondary's PrimaryMachine;
 * else after its file's folder, since the ini does not hold its own machine's name.
 */
function nameMachines(sources: readonly Source[], cwd: string): Named[] {
  const machines: Named[] = sources.map((source) => ({ source, name: source.given ?? '', namedBy: 'named on the command line (NAME=PATH)' }));
  const secondary = machines.find((m) => m.source.mode === 'Secondary');
  const primary = machines.find((m) => m.source.mode === 'Primary');
  const watched = secondary && entryOf(sectionOf(secondary.source.ini, MODE_SECTIONS.Secondary.name), 'PrimaryMachine');
  const watchedName = watched?.value.trim() ?? '';
  if (primary && !primary.source.given && watchedName !== '') {
    primary.name = watchedName;
    primary.namedBy = `named by the Secondary's PrimaryMachine (${location(secondary!.source.file, watched!.line)})`;
  }
  for (const m of machines) {
    if (m.name !== '') continue;
    const folder = path.basename(path.dirname(path.resolve(cwd, m.source.file)));
    if (folder === '' || escapeForTerminal(folder) !== folder || !/\S/.test(folder)) {
      throw new PooltopoError(`cannot name the machine of "${m.source.file}" after its folder; give its name: pooltopo import opcon NAME=${m.source.file} ...`);
    }
    m.name = folder;
    m.namedBy = "named after its file's folder: SMAServMan.ini does not hold its own machine's name (give NAME=PATH to name it)";
  }
  const [x, y] = machines;
  if (x && y && sameMachine(x.name, y.name)) {
    throw new PooltopoError(
      `both files would name their machine "${x.name}" (${x.namedBy.split(':')[0]}); name each: pooltopo import opcon NAME=${x.source.file} NAME=${y.source.file}`,
    );
  }
  if (primary && secondary && watched && watchedName !== '' && !sameMachine(watchedName, primary.name)) {
    throw new PooltopoError(
      `${secondary.source.file}:${watched.line}: the Secondary's PrimaryMachine is "${clip(watchedName)}", which names neither machine imported (${machines.map((m) => `${m.name} from ${m.source.file}`).join(', ')}); is the Primary's file the right one, or its name?`,
    );
  }
  return machines;
}

/** `--start-type` or `--connection` values (NAME=VALUE, the last for a machine counts) by machine name. */
function perMachine<T>(raw: unknown, option: string, machines: readonly Named[], parse: (value: string) => T): Map<Named, T> {
  const out = new Map<Named, T>();
  for (const given of (raw as string[] | undefined) ?? []) {
    const eq = given.indexOf('=');
    if (eq <= 0) throw new PooltopoError(`${option} takes NAME=VALUE, one machine's name and its value, not "${clip(given)}"`);
    const name = given.slice(0, eq).trim();
    const m = machines.find((x) => sameMachine(x.name, name));
    if (!m) {
      const near = closest(
        name,
        machines.map((x) => x.name),
      );
      throw new PooltopoError(
        `${option} names "${clip(name)}", which is neither machine imported (${machines.map((x) => x.name).join(', ')})${near.length ? `; did you mean "${near[0]}"?` : ''}`,
      );
    }
    out.set(m, parse(given.slice(eq + 1).trim()));
  }
  return out;
}

/** What the ini files cannot hold, as the options give it. */
interface Extra {
  readonly startTypes: ReadonlyMap<Named, StartType>;
  readonly connections: ReadonlyMap<Named, { server: string; database?: string }>;
  readonly replicated: boolean;
}

/** The topology file. */
function write(machines: readonly Named[], extra: Extra): string {
  const out: string[] = [];
  const comment = (indent: string, text: string) => out.push(`${indent}# ${oneLine(text)}`);
  comment('', "Written by `pooltopo import opcon` from each machine's SMAServMan.ini (in <Configuration Directory>\\SAM\\):");
  for (const m of machines) comment('', `  ${m.name}, Mode=${m.source.mode}: ${m.source.file}`);
  comment('', "Each setting comes from the sections the machine reads ([General Settings] and its own mode's),");
  comment('', "with its file and line beside it; settings at OpCon's defaults are left out.");
  out.push('version: 1', 'kind: opcon-failover');
  out.push(`name: ${scalar(`OpCon ${machines.map((m) => m.name).join(' and ')}`)}  # SMAServMan.ini holds no name for the installation: call it what you like`);
  const bothConnected = machines.length === 2 && machines.every((m) => extra.connections.has(m));
  if (extra.replicated) out.push('database:', '  replication: replicated  # --replicated');
  else if (bothConnected) comment('', 'database.replication: not given; the two connections say whether the database is replicated');
  else
    comment(
      '',
      'database.replication: not in SMAServMan.ini, so not known: pass --replicated for a replicated database (scenarios 2 and 4), or --connection for each machine',
    );
  out.push('machines:');
  for (const m of machines) {
    const s = m.source;
    out.push(`  - name: ${scalar(m.name)}  # ${oneLine(m.namedBy)}`);
    out.push(`    mode: ${s.mode}  # ${location(s.file, s.modeEntry.line)}`);
    const start = extra.startTypes.get(m);
    if (start) out.push(`    serviceStartType: ${start}  # --start-type`);
    else
      comment(
        '    ',
        `serviceStartType: not in SMAServMan.ini (the service's startup type in Windows), so not known: pass --start-type ${m.name}=${START_TYPES.join('|')}`,
      );
    const c = extra.connections.get(m);
    if (c) {
      out.push('    connection:  # --connection', `      server: ${scalar(c.server)}`);
      if (c.database !== undefined) out.push(`      database: ${scalar(c.database)}`);
    } else comment('    ', `connection: not in SMAServMan.ini (the SMA Connection Configuration), so not known: pass --connection ${m.name}=SERVER[/DATABASE]`);
    const { settings, notes } = settingsOf(s);
    if (settings.length > 0) {
      out.push('    settings:');
      for (const { key, entry } of settings) out.push(`      ${scalar(key)}: ${value(key, entry.value)}  # ${location(s.file, entry.line)}`);
    }
    for (const n of notes) comment('    ', n);
  }
  return out.join('\n') + '\n';
}

/** The settings a machine reads, defaults left out, and what was left out of the file's other lines. */
function settingsOf(s: Source): { settings: { key: string; entry: IniEntry }[]; notes: string[] } {
  const settings: { key: string; entry: IniEntry }[] = [];
  const notes: string[] = [];
  const taken = new Set<string>(['mode']);
  const own = s.mode === 'StandAlone' ? undefined : MODE_SECTIONS[s.mode];
  const documentedIn = (key: string, keys: readonly string[]) => keys.some((k) => k.toLowerCase() === key);
  for (const section of s.sections) {
    const isGeneral = section.name.toLowerCase() === GENERAL.name.toLowerCase();
    const keys: readonly string[] = isGeneral ? GENERAL.keys : own!.keys;
    for (const entry of section.entries) {
      const lower = entry.key.toLowerCase();
      if (lower === 'mode' && isGeneral) continue;
      const documented = DOCUMENTED_KEYS.get(lower);
      if (documented !== undefined && !documentedIn(lower, keys) && !SMASERVMAN.otherKeys.some((k) => k.toLowerCase() === lower)) {
        notes.push(`not imported: ${entry.key} at ${location(s.file, entry.line)} is in [${section.name}], where a Mode=${s.mode} SMAServMan does not read it`);
        continue;
      }
      if (taken.has(lower)) {
        notes.push(`not imported: ${entry.key} at ${location(s.file, entry.line)} is also in another section the machine reads; the first counts`);
        continue;
      }
      taken.add(lower);
      if (isDefault(documented ?? entry.key, entry.value)) continue;
      settings.push({ key: documented ?? entry.key, entry });
    }
    for (const r of section.repeated)
      notes.push(`not imported: ${r.key} at ${location(s.file, r.line)} repeats one earlier in [${section.name}]; Windows reads the first`);
  }
  for (const e of s.ini.outside) notes.push(`not imported: ${e.key} at ${location(s.file, e.line)} comes before any [section]; Windows does not read it`);
  return { settings, notes };
}

/** A value SMAServMan would take anyway: empty, a switch at N, or a documented default. */
function isDefault(key: string, v: string): boolean {
  if (v === '') return true;
  const numeric = (SMASERVMAN.defaults as Readonly<Record<string, { value: number }>>)[key];
  if (numeric !== undefined) return /^\d+(?:\.\d+)?$/.test(v) && Number(v) === numeric.value;
  if (/Failover$/.test(key) && DOCUMENTED_KEYS.has(key.toLowerCase())) return v.toUpperCase() === SMASERVMAN.defaultSwitch;
  const text = (SMASERVMAN.textDefaults as Readonly<Record<string, string>>)[key];
  return text !== undefined && v.toLowerCase() === text.toLowerCase();
}

/** `file:line` as a comment may hold it (no line breaks or controls from a file name). */
function location(file: string, line: number): string {
  return `${oneLine(file)}:${line}`;
}

function oneLine(text: string): string {
  return escapeForTerminal(text);
}

/** The documented settings whose values are numbers; every other documented one is text (a script, a name, a switch). */
const NUMERIC_KEYS = new Set([
  'FailOverSocketNumber',
  'TimeOutInSecondsForSync',
  'SecondsBetweenPings',
  'PingRetryCount',
  'PingTimeOutInMilliseconds',
  'RestartApplicationLimit',
]);

/** A number as one where the file writes a plain whole number for a numeric or undocumented key; anything else as text. */
function value(key: string, v: string): string {
  const numeric = NUMERIC_KEYS.has(key) || !DOCUMENTED_KEYS.has(key.toLowerCase());
  return numeric && /^(?:0|[1-9]\d{0,14})$/.test(v) ? v : scalar(v);
}

// Words YAML 1.1 tools read as booleans or null: quoted, so that every reader takes them as text.
const RESERVED = /^(?:true|false|null|yes|no|on|off|~)$/i;

/** A YAML scalar for any text: plain where that is safe, else single-quoted, else double-quoted with escapes. */
export function scalar(raw: string): string {
  // A lone surrogate (from a UTF-16 file) has no escape YAML accepts: it becomes U+FFFD.
  const v = raw.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (/^[A-Za-z_][A-Za-z0-9_.\\/()-]*(?: [A-Za-z0-9_.\\/()-]+)*$/.test(v) && !RESERVED.test(v)) return v;
  if (escapeForTerminal(v) === v && !v.includes('\t')) return `'${v.replace(/'/g, "''")}'`;
  return JSON.stringify(v).replace(
    /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
