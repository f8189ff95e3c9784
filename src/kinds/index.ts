/** The kinds' ids, from the registry. */
import { KIND_PLUGINS, type TopologyKind } from './registry.js';

export type { TopologyKind } from './registry.js';
export const KINDS: readonly TopologyKind[] = KIND_PLUGINS.map((k) => k.id);
export const DEFAULT_KIND: TopologyKind = 'scom';

export function isKnownKind(kind: unknown): kind is TopologyKind {
  return typeof kind === 'string' && (KINDS as readonly string[]).includes(kind);
}

/**
 * The top-level keys only a topology has: every kind's but `version` and `name`, which other
 * tools' files have too (docker-compose's `version: "3.8"`, a workflow's `name`). Each kind's
 * schema.json lists them (test/kinds.test.ts holds the two the same).
 */
export const TOPOLOGY_KEYS: readonly string[] = [
  'kind',
  // scom
  'scomVersion', 'dataCenters', 'latency', 'databases', 'managementServers', 'gateways', 'pools', 'poolManager',
  // skype-pool-pair (also pools)
  'productVersion', 'registrarSettingsCustomized', 'pairs',
  // opcon-failover
  'database', 'machines',
];

/**
 * Whether a document that breaks the schema is plainly not a topology at all: a mapping with keys,
 * none of them a topology's, and no `version: 1` (another tool's YAML met in a folder). It is then
 * one finding that says so, rather than a schema violation per key.
 */
export function isPlainlyNotATopology(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && (value as Record<string, unknown>)['version'] !== 1 && !keys.some((k) => TOPOLOGY_KEYS.includes(k));
}
