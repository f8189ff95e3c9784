/**
 * pooltopo's own package.json (version, homepage), read when first needed. The URL is relative to
 * this module, which sits two folders below the package as dist/bundle/'s chunks do.
 */
import { readFileSync } from 'node:fs';

let packageJson: { version: string; homepage: string } | undefined;
/** The package's version and homepage (no work at module load). */
export function pkg(): { version: string; homepage: string } {
  packageJson ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; homepage: string };
  return packageJson;
}
