/**
 * The kinds of topology, registered in one place. `kind` in a file selects one (scom by default); an
 * unknown kind is a `schema` finding that lists these. A kind is a folder under src/kinds/ with its
 * plug-in (rules and lint), plus its definition in schemas/topology.schema.json.
 */
import { opconKind } from './opcon/index.js';
import { scomKind } from './scom/index.js';
import { skypeKind } from './skype/index.js';
import type { KindPlugin } from './types.js';

export const KIND_PLUGINS: readonly KindPlugin[] = [scomKind, skypeKind, opconKind];

export function kindPlugin(id: string): KindPlugin | undefined {
  return KIND_PLUGINS.find((k) => k.id === id);
}
