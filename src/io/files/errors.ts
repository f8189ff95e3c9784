/**
 * What went wrong with a path, in words: the file-system errors of reading, walking and writing, and
 * the working directory that cannot be had.
 */
import { lstatSync } from 'node:fs';
import { PooltopoError } from '../../util/errors.js';

/** Why a path cannot be read, saying so where it is a link to nothing or to itself. */
export function describeLinkError(abs: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' && lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) return 'it is a symbolic link to nothing';
  if (code === 'ELOOP') return 'it is a symbolic link that leads back to itself (a loop)';
  return describeFsError(err);
}

/**
 * The process's working directory; a PooltopoError (exit 2, one line) where it cannot be had,
 * as when the folder was deleted under the shell that started pooltopo.
 */
export function workingDirectory(): string {
  try {
    return process.cwd();
  } catch (err) {
    throw new PooltopoError(
      `the working directory cannot be read (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it was deleted' : describeFsError(err)}); change to a folder that exists`,
    );
  }
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links (a loop?)';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
