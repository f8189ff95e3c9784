/** The kinds' ids, from the registry. */
import { KIND_PLUGINS } from './registry.js';

export const KINDS: readonly string[] = KIND_PLUGINS.map((k) => k.id);
export const DEFAULT_KIND = 'scom';

export function isKnownKind(kind: unknown): kind is string {
  return typeof kind === 'string' && KINDS.includes(kind);
}
