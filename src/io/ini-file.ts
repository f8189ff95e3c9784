/**
 * A Windows ini file (SMAServMan.ini) read as Windows reads one: `[Section]` headers, `Key=Value`
 * lines, `;` and `#` comment lines, CRLF or LF, UTF-8 (with or without its byte-order mark) or UTF-16
 * with one; sections and keys compare case-insensitively and the first of two counts, as
 * GetPrivateProfileString does. Anything else is refused with the file and line, never guessed at.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { NotRegularFileError, PooltopoError } from '../util/errors.js';
import { clip } from '../util/message.js';
import { describeFsError } from './files/errors.js';

/** The largest ini file read: an SMAServMan.ini is a few kilobytes, so a larger file is not one. */
export const MAX_INI_BYTES = 1024 * 1024;

export interface IniEntry {
  /** The key as written. */
  readonly key: string;
  /** The value as written, without the spaces around it. */
  readonly value: string;
  readonly line: number;
}

export interface IniSection {
  /** The name as written between the brackets. */
  readonly name: string;
  readonly line: number;
  /** In file order; a key written twice is kept once, its first. */
  readonly entries: readonly IniEntry[];
  /** Later lines of a key already given, which Windows never reads. */
  readonly repeated: readonly IniEntry[];
}

export interface IniFile {
  readonly file: string;
  /** In file order; a section written twice is kept once, its first (Windows reads no other). */
  readonly sections: readonly IniSection[];
  /** `Key=Value` lines before the first section, which Windows never reads. */
  readonly outside: readonly IniEntry[];
}

/** The section called `name` (case-insensitively), if the file has it. */
export function sectionOf(ini: IniFile, name: string): IniSection | undefined {
  const key = name.toLowerCase();
  return ini.sections.find((s) => s.name.toLowerCase() === key);
}

/** The entry `key` of a section (case-insensitively). */
export function entryOf(section: IniSection | undefined, key: string): IniEntry | undefined {
  const k = key.toLowerCase();
  return section?.entries.find((e) => e.key.toLowerCase() === k);
}

/** Reads and parses FILE (relative to `cwd`); a file that is no ini file is a PooltopoError naming file and line. */
export function readIniFile(file: string, cwd: string): IniFile {
  return parseIni(decodeIni(readBytes(file, cwd), file), file);
}

function readBytes(file: string, cwd: string): Buffer {
  const cannot = `cannot read "${file}"`;
  let fd: number | undefined;
  try {
    // Non-blocking, so that a named pipe is refused at once rather than waited on.
    fd = openSync(path.resolve(cwd, file), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new PooltopoError(`${cannot}: it is a directory`);
    if (!stat.isFile()) throw new NotRegularFileError(cannot);
    const tooLarge = (size: string) =>
      new PooltopoError(`"${file}" is ${size}larger than the ${MAX_INI_BYTES / 1024} KiB an SMAServMan.ini can be: it is not one`);
    if (stat.size > MAX_INI_BYTES) throw tooLarge(`${(stat.size / (1024 * 1024)).toFixed(1)} MiB, `);
    // Read one byte past the limit, for a file whose size fstat does not know (under /proc).
    const bytes = Buffer.alloc(MAX_INI_BYTES + 1);
    let filled = 0;
    for (;;) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) break;
      filled += n;
      if (filled > MAX_INI_BYTES) throw tooLarge('');
    }
    return bytes.subarray(0, filled);
  } catch (err) {
    if (err instanceof PooltopoError) throw err;
    throw new PooltopoError(`${cannot}: ${describeFsError(err)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The text of an ini file: UTF-16 by its byte-order mark, else UTF-8; a file with NUL bytes is binary. */
export function decodeIni(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new PooltopoError(`"${file}" is empty: it is not an SMAServMan.ini`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    const line = 1 + body.subarray(0, nul).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
    throw new PooltopoError(`${file}:${line}: the file holds binary data (a NUL byte), not ini text; save it as UTF-8, or as UTF-16 with a byte-order mark`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Notepad's "ANSI": the Windows code page of Western Europe, which every byte decodes in.
    return new TextDecoder('windows-1252').decode(body);
  }
}

/** Parses ini text; pure. */
export function parseIni(text: string, file: string): IniFile {
  const sections: { name: string; line: number; entries: IniEntry[]; repeated: IniEntry[]; keys: Set<string> }[] = [];
  // By lower-case name, so that a file of many sections or keys costs a lookup each, not a search.
  const byName = new Map<string, (typeof sections)[number]>();
  const outside: IniEntry[] = [];
  let current: (typeof sections)[number] | undefined;
  let ignored: (typeof sections)[number] | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (s === '' || s.startsWith(';') || s.startsWith('#')) return;
    const header = /^\[([^\]]*)\]\s*(?:[;#].*)?$/.exec(s);
    if (header) {
      const name = header[1]!.trim();
      const again = byName.get(name.toLowerCase());
      // A second section of the same name: Windows reads only the first, so its lines go nowhere.
      if (again) {
        ignored = { name, line, entries: [], repeated: [], keys: new Set() };
        current = ignored;
        again.repeated.push({ key: `[${name}]`, value: '', line });
        return;
      }
      current = { name, line, entries: [], repeated: [], keys: new Set() };
      sections.push(current);
      byName.set(name.toLowerCase(), current);
      return;
    }
    const eq = s.indexOf('=');
    if (eq <= 0) {
      throw new PooltopoError(
        `${file}:${line}: "${clip(s)}" is neither a [Section], a Key=Value line nor a comment: the file is not an ini file (SMAServMan.ini is one)`,
      );
    }
    const entry = { key: s.slice(0, eq).trim(), value: s.slice(eq + 1).trim(), line };
    if (current === undefined) outside.push(entry);
    else if (current === ignored) return;
    else if (current.keys.has(entry.key.toLowerCase())) current.repeated.push(entry);
    else {
      current.keys.add(entry.key.toLowerCase());
      current.entries.push(entry);
    }
  });
  return { file, sections: sections.map(({ name, line, entries, repeated }) => ({ name, line, entries, repeated })), outside };
}
