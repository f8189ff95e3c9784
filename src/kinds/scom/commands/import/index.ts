/**
 * `pooltopo import scom EXPORT.json [--overlay SITES.yaml]` (FORMAT.md, "Import"): a `kind: scom`
 * topology file from the JSON that export/Export-ScomTopology.ps1 writes on a management server.
 * Everything is read and checked before any text is made, so bad input never leaves half a file.
 */
import type { ScomVersion } from '../../../../domain/facts.js';
import { PooltopoError } from '../../../../util/errors.js';
import { clip } from '../../../../core/rule.js';
import type { ImportRequest, ImportResult } from '../../../../core/kind.js';
import { readScomExport } from './export-file.js';
import { readOverlay } from './overlay.js';
import { databaseHost, indexServers, topologyText } from './write.js';

const VERSIONS: readonly ScomVersion[] = ['2012R2', '2016', '2019', '2022', '2025'];

export async function importScom(request: ImportRequest): Promise<ImportResult> {
  const { files, options, cwd } = request;
  if (files.length !== 1) {
    throw new PooltopoError(`import scom reads one export (the JSON Export-ScomTopology.ps1 writes), not ${files.length} files (pooltopo import --help)`);
  }
  const file = files[0]!;
  const scomVersion = versionOption(options['scom-version']);
  const exp = readScomExport(file, cwd);
  const servers = indexServers(exp);
  const overlayFile = typeof options['overlay'] === 'string' ? options['overlay'] : undefined;
  const dbName = exp.databaseSetup.DatabaseServerName;
  const overlay = overlayFile === undefined ? undefined : readOverlay(overlayFile, cwd, servers, dbName === null ? undefined : databaseHost(dbName));
  const text = topologyText(exp, { ...(scomVersion ? { scomVersion } : {}), ...(overlay ? { overlay } : {}) });
  return { text, read: overlayFile === undefined ? [file] : [file, overlayFile] };
}

function versionOption(value: unknown): ScomVersion | undefined {
  if (value === undefined) return undefined;
  const given = String(value).replace(/\s+/g, '').toUpperCase();
  const found = VERSIONS.find((v) => v === given);
  if (!found) throw new PooltopoError(`--scom-version takes ${VERSIONS.join(', ')}, not "${clip(String(value))}"`);
  return found;
}
