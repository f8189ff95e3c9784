/**
 * Reading a file as text within the size limit: one open, the reads, one close, UTF-8 (or UTF-16
 * with its byte-order mark) decoded; a file too large or not text comes back as a problem to report.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { NotRegularFileError, PooltopoError } from '../../util/errors.js';
import { groupThousands } from '../../util/message.js';
import { describeLinkError } from './errors.js';

export interface ReadLimits {
  /** Largest file read, in bytes. */
  readonly maxFileBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: 16 * 1024 * 1024 };

/** A file's device and inode: what tells it from another whatever the path to it. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly identity?: FileIdentity }
  | { readonly ok: false; readonly message: string; readonly offset: number; readonly text: string; readonly identity?: FileIdentity };

/**
 * Reads a file as UTF-8 text; a file too large or not UTF-8 comes back as a problem to report, not an
 * error. Synchronous on purpose: linting a thousand files, the async calls' round trips through the
 * thread pool cost more than the linting. One open, one fstat, the
 * reads, one close: no second lookup of the path. Opened non-blocking, so a FIFO is refused at once
 * rather than waited on. `what` comes before the name in messages (`config file `).
 */
export function readTopologyFile(file: string, cwd: string, limits: ReadLimits = DEFAULT_READ_LIMITS, what = ''): ReadResult {
  const abs = path.isAbsolute(file) ? file : path.resolve(cwd, file);
  let bytes: Buffer;
  let identity: FileIdentity;
  let fd: number | undefined;
  const cannot = `cannot read ${what}"${file}"`;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new PooltopoError(`${cannot}: it is a directory`);
    if (!stat.isFile()) throw new NotRegularFileError(cannot);
    // The identity comes with the result, so that a check against the inputs (-o) looks none up again.
    identity = { dev: stat.dev, ino: stat.ino };
    // The size is unknown for a file that reports 0 (read to its end): then it is only "larger".
    const tooLarge = (size?: number): ReadResult => {
      const [given, limit] = formatOver(size, limits.maxFileBytes);
      return {
        ok: false,
        message: `the file is ${given === undefined ? '' : `${given}, `}larger than the ${limit} pooltopo reads`,
        offset: 0,
        text: '',
        identity,
      };
    };
    if (stat.size > limits.maxFileBytes) return tooLarge(stat.size);
    bytes = readAll(fd, stat.size, limits.maxFileBytes);
    if (bytes.length > limits.maxFileBytes) return tooLarge();
  } catch (err) {
    if (err instanceof PooltopoError) throw err;
    throw new PooltopoError(`${cannot}: ${describeLinkError(abs, err)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const decoded = decodeText(bytes);
  return decoded.ok
    ? { ok: true, text: decoded.text, identity }
    : { ok: false, message: decoded.message, offset: decoded.offset, text: decoded.text, identity };
}

/**
 * The file's bytes: `size` as fstat gave it, or fewer if the file shrank meanwhile. A file that
 * says it is empty (as files under /proc do) is read until its end, or until it is past `limit`.
 */
function readAll(fd: number, size: number, limit: number): Buffer {
  if (size === 0) {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) break;
    }
    return Buffer.concat(chunks);
  }
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const n = readSync(fd, bytes, filled, size - filled, filled);
    if (n === 0) break;
    filled += n;
  }
  return filled < size ? bytes.subarray(0, filled) : bytes;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeText(bytes: Uint8Array): ReadResult {
  // UTF-16 with a byte-order mark is what Windows PowerShell 5.1 and Excel write (FORMAT.md).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  try {
    return { ok: true, text: STRICT_UTF8.decode(bytes) };
  } catch {
    const text = LENIENT_UTF8.decode(bytes);
    const offset = Math.max(0, text.indexOf('\uFFFD'));
    return { ok: false, message: 'the file is not valid UTF-8 text (binary data, or another encoding)', offset, text };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): ReadResult {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2)) };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes.subarray(2));
    return {
      ok: false,
      message: `the file starts as UTF-16 (${encoding === 'utf-16le' ? 'little' : 'big'}-endian) but is not valid UTF-16 text`,
      offset: Math.max(0, text.indexOf('\uFFFD')),
      text,
    };
  }
}

function formatBytes(n: number): string {
  // Under 1 KiB, in bytes: rounded up to kibibytes, a 1-byte limit read as "1 KiB".
  if (n < 1024) return `${groupThousands(n)} ${n === 1 ? 'byte' : 'bytes'}`;
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/**
 * A size (when known) and the limit it is over, rounded as formatBytes rounds; in bytes when the
 * rounding would make them read the same ("1 KiB, larger than the 1 KiB").
 */
function formatOver(size: number | undefined, limit: number): [string | undefined, string] {
  if (size === undefined) return [undefined, formatBytes(limit)];
  const [a, b] = [formatBytes(size), formatBytes(limit)];
  return a !== b ? [a, b] : [`${groupThousands(size)} bytes`, `${groupThousands(limit)} bytes`];
}
