/** The kinds' ids, from the registry. */
import { KIND_PLUGINS, type TopologyKind } from './registry.js';

export type { TopologyKind } from './registry.js';
export const KINDS: readonly TopologyKind[] = KIND_PLUGINS.map((k) => k.id);
export const DEFAULT_KIND: TopologyKind = 'scom';

export function isKnownKind(kind: unknown): kind is TopologyKind {
  return typeof kind === 'string' && (KINDS as readonly string[]).includes(kind);
}
