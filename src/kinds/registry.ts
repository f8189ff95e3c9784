/**
 * The kinds of topology, registered in one place. `kind` in a file selects one (scom by default); an
 * unknown kind is a `schema` finding that lists these. A kind is a folder under src/kinds/ with its
 * plug-in (rules and lint), plus its definition in schemas/topology.schema.json.
 */
import { opconKind } from './opcon/index.js';
import { scomKind } from './scom/index.js';
import { skypeKind } from './skype/index.js';
import type { KindPlugin } from '../core/kind.js';

export const KIND_PLUGINS = [scomKind, skypeKind, opconKind] as const satisfies readonly KindPlugin[];

/**
 * The value of `kind` in a file: `'scom'`, `'skype-pool-pair'` or `'opcon-failover'`. Derived from
 * the registry, so a new kind is one without a second list to keep (and costs nothing at run time).
 */
export type TopologyKind = (typeof KIND_PLUGINS)[number]['id'];

export function kindPlugin(id: string): KindPlugin | undefined {
  return KIND_PLUGINS.find((k) => k.id === id);
}
