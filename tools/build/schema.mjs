// Composes schemas/topology.schema.json from src/kinds/schema.base.json (shared definitions) and each
// kind's part, src/kinds/<kind>/schema.json: `kind` selects the kind's root definition; the default
// kind applies when `kind` is absent. The build's `schema` step (tools/build.mjs); test/schema.test.ts
// fails when the committed file is stale. Adding a kind adds its part; nothing here changes.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';

const root = new URL('../..', import.meta.url);
const read = (p) => JSON.parse(readFileSync(new URL(p, root), 'utf8'));

export function composeSchema() {
  const base = read('src/kinds/schema.base.json');
  const parts = readdirSync(new URL('src/kinds/', root), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(new URL(`src/kinds/${e.name}/schema.json`, root)))
    .map((e) => read(`src/kinds/${e.name}/schema.json`))
    .sort((a, b) => (a.default === b.default ? (a.kind < b.kind ? -1 : 1) : a.default ? -1 : 1));
  const fallback = parts.find((p) => p.default);
  if (!fallback) throw new Error('no kind is marked default');
  const definitions = { ...base.definitions };
  for (const p of parts) Object.assign(definitions, p.definitions);
  // kind == A ? A : kind == B ? B : ... : the default kind.
  let dispatch = { $ref: `#/definitions/${fallback.root}` };
  for (const p of [...parts].reverse()) {
    if (p.default) continue;
    dispatch = { if: { properties: { kind: { const: p.kind } }, required: ['kind'] }, then: { $ref: `#/definitions/${p.root}` }, else: dispatch };
  }
  // Every kind's root takes `$schema`, which editors write at the top of a JSON topology.
  for (const p of parts) {
    const rootDef = definitions[p.root];
    definitions[p.root] = { ...rootDef, properties: { $schema: SCHEMA_PROPERTY, ...rootDef.properties } };
  }
  const schema = {
    $schema: base.$schema,
    $id: base.$id,
    title: base.title,
    description: base.description,
    type: 'object',
    properties: {
      $schema: SCHEMA_PROPERTY,
      kind: {
        title: 'kind',
        description: `Which kind of system the file describes: ${parts.map((p) => p.kind).join(', ')} (${fallback.kind} when absent).`,
        enum: parts.map((p) => p.kind),
        default: fallback.kind,
      },
    },
    ...dispatch,
    definitions,
  };
  addTitles(schema);
  return schema;
}

const SCHEMA_PROPERTY = {
  title: '$schema',
  description: 'The JSON Schema the file follows, for editors (pooltopo reads the file whatever it names).',
  type: 'string',
};

/**
 * Gives each property its own title (its key), so that an editor's hover names the property rather
 * than the title of the whole file, which it shows for a property without one.
 */
function addTitles(node) {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) addTitles(n);
    return;
  }
  if (node.properties && typeof node.properties === 'object') {
    for (const [key, prop] of Object.entries(node.properties)) {
      if (prop && typeof prop === 'object' && prop.title === undefined) node.properties[key] = { title: key, ...prop };
    }
  }
  for (const value of Object.values(node)) addTitles(value);
}

export function run() {
  writeFileSync(new URL('schemas/topology.schema.json', root), JSON.stringify(composeSchema(), null, 2) + '\n');
  console.log('composed schemas/topology.schema.json');
}
