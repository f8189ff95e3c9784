/** `pooltopo import SOURCE FILE...`: a topology file written from a live system's own files, by the kind's importer. */
import { PooltopoError } from '../../util/errors.js';
import { KIND_PLUGINS } from '../../kinds/registry.js';
import { closest } from '../../util/suggest.js';
import { list, oneLine, type Command, type Io, type Values } from '../shared/command.js';
import { HELP_OPTION, emit, outputOf, writeOptions } from '../shared/options.js';

/** The importers of the kinds that have one (`import opcon`). */
export const IMPORTERS = KIND_PLUGINS.flatMap((k) => ('importer' in k && k.importer ? [k.importer] : []));

const IMPORT_USAGE = `Usage: pooltopo import SOURCE FILE... [-o OUT.yaml] [options]

Write a topology file from what the live system itself holds, so that it can be validated,
simulated, reported and compared with the reviewed design. The output goes to standard output, or
to -o, written atomically (never a partial file). Exit code 0 when it is written; 2 when a file
cannot be read or is not what it should be (with its file and line).

Sources:
${IMPORTERS.map((i) => i.help).join('\n')}
Options:
  -o, --output FILE      write the topology file to FILE (atomically; - is standard output)
      --follow-output-link   write -o through a symbolic link (refused by default)
  -h, --help             show this help
`;

export const importCommand: Command = {
  usage: IMPORT_USAGE,
  allowPositionals: true,
  options: {
    ...HELP_OPTION,
    output: { type: 'string', short: 'o' },
    'follow-output-link': { type: 'boolean' },
    ...Object.assign({}, ...IMPORTERS.map((i) => i.options)),
  },
  run: runImport,
};

/** `import SOURCE FILE...`: the kind's importer writes the topology file, to stdout or atomically to -o. */
async function runImport(values: Values, positionals: string[], io: Io): Promise<number> {
  const [source, ...files] = positionals;
  const sources = IMPORTERS.map((i) => i.source);
  if (source === undefined)
    throw new PooltopoError(`import needs a source and its files: pooltopo import ${sources.join('|')} FILE... (pooltopo import --help)`);
  const importer = IMPORTERS.find((i) => i.source === source.toLowerCase());
  if (!importer) {
    const near = closest(source, sources);
    throw new PooltopoError(`unknown import source "${source}"${near.length ? `; did you mean "${near[0]}"?` : ''} (pooltopo imports ${list(sources)})`);
  }
  for (const key of Object.keys(values)) {
    if (key === 'output' || key === 'follow-output-link' || key === 'help' || Object.prototype.hasOwnProperty.call(importer.options, key)) continue;
    const owners = IMPORTERS.filter((i) => Object.prototype.hasOwnProperty.call(i.options, key)).map((i) => `import ${i.source}`);
    throw new PooltopoError(`--${key} is an option of ${list(owners)}, not of import ${importer.source} (pooltopo import --help)`);
  }
  if (files.length === 0) throw new PooltopoError(`import ${importer.source} needs the files to read (pooltopo import --help)`);
  const output = outputOf(values);
  const { text, read } = await importer.run({ files, options: values, cwd: io.cwd });
  await emit(text, output, io, read, writeOptions(values));
  if (output !== undefined) io.stderr(`pooltopo: wrote ${oneLine(output)}\n`);
  return 0;
}
