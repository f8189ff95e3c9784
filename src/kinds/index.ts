/** The kinds' ids and what tells a topology from other YAML, from the registry. */
import { REGISTRY, type TopologyKind } from './registry.js';

export type { TopologyKind } from './registry.js';
export const KINDS: readonly TopologyKind[] = REGISTRY.ids as readonly TopologyKind[];
export const DEFAULT_KIND: TopologyKind = REGISTRY.defaultKind.id;

export function isKnownKind(kind: unknown): kind is TopologyKind {
  return REGISTRY.isKnownKind(kind);
}

/** The top-level keys only a topology has: every kind's but `version` and `name` (each kind's schema.json lists them). */
export const TOPOLOGY_KEYS: readonly string[] = REGISTRY.topologyKeys;

/** The kind a document without `kind` is meant to be, where its keys are plainly another kind's than the default. */
export function kindOfKeys(value: unknown): TopologyKind | undefined {
  return REGISTRY.kindOfKeys(value)?.id;
}

/** Whether a document that breaks the schema is plainly not a topology at all (another tool's YAML met in a folder). */
export function isPlainlyNotATopology(value: unknown): boolean {
  return REGISTRY.isPlainlyNotATopology(value);
}
