/** `pooltopo schema`: the JSON Schema of the topology format. */
import { topologySchemaText } from '../../io/schema.js';
import type { Command } from '../shared/command.js';
import { HELP_OPTION } from '../shared/options.js';

const SCHEMA_USAGE = `Usage: pooltopo schema

Print the JSON Schema of the topology format (schemas/topology.schema.json), for editors and other tools.
`;

export const schemaCommand: Command = {
  usage: SCHEMA_USAGE,
  allowPositionals: false,
  options: { ...HELP_OPTION },
  async run(_values, _positionals, io) {
    const text = topologySchemaText();
    io.stdout(text.endsWith('\n') ? text : text + '\n');
    return 0;
  },
};
