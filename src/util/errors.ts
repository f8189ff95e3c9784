/**
 * An error that ends a command with exit code 2 and one line on standard error (CLI.md): what the
 * library throws for a problem with its inputs or options rather than with a topology.
 */
export class PooltopoError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'PooltopoError';
  }
}

/**
 * A path that names a device, a socket or a pipe where a file was wanted: refused rather than
 * waited on or read forever. Its own class so that a caller can add what to do instead (loadConfig:
 * `--no-config` for `--config /dev/null`) without matching the message's words.
 */
export class NotRegularFileError extends PooltopoError {
  constructor(what: string) {
    super(`${what}: it is not a regular file (a device, socket or pipe)`);
  }
}
