/**
 * The kinds of topology, registered in one place. `kind` in a file selects one; an unknown kind is a
 * `schema` finding that lists these. Adding a kind: its folder under src/kinds/, its definition in
 * schemas/topology.schema.json, and a line here.
 */
export const KINDS = ['scom', 'skype-pool-pair', 'opcon-failover'] as const;
export type KindId = (typeof KINDS)[number];
export const DEFAULT_KIND: KindId = 'scom';

export function isKnownKind(kind: unknown): kind is KindId {
  return typeof kind === 'string' && (KINDS as readonly string[]).includes(kind);
}
