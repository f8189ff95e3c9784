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
