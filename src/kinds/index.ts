/** The kinds' ids, from the registry. */
import { KIND_PLUGINS, type TopologyKind } from './registry.js';
import { editDistance } from '../util/suggest.js';

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

/** Top-level keys that only one kind other than the default has. */
const KIND_KEYS: readonly [string, readonly string[]][] = [
  ['skype-pool-pair', ['productVersion', 'registrarSettingsCustomized', 'pairs']],
  ['opcon-failover', ['machines', 'database']],
];

/**
 * The kind a document without `kind` is meant to be, where its keys are plainly another kind's
 * than the default (a Skype file's `pairs`, an OpCon file's `machines`) and none of the default's.
 */
export function kindOfKeys(value: unknown): TopologyKind | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = new Set(Object.keys(value));
  if (keys.has('managementServers')) return undefined;
  const pools = (value as { pools?: unknown }).pools;
  const frontEnds = Array.isArray(pools) && pools.some((p) => p !== null && typeof p === 'object' && Object.hasOwn(p, 'frontEnds'));
  for (const [kind, own] of KIND_KEYS) if (own.some((k) => keys.has(k)) || (kind === 'skype-pool-pair' && frontEnds)) return kind as TopologyKind;
  return undefined;
}

/**
 * Whether a document that breaks the schema is plainly not a topology at all (another tool's YAML
 * met in a folder): a mapping with keys, none of them a topology's or near one (`Version`,
 * `managementServer`), and no `version` that is a number or "1". Its schema findings then say so.
 */
export function isPlainlyNotATopology(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const version = (value as Record<string, unknown>)['version'];
  // A number (`version: 2`, from a later pooltopo) or "1" is a topology's version; docker-compose's is text ("3.8").
  if (keys.length === 0 || typeof version === 'number' || version === '1') return false;
  return !keys.some((k) => TOPOLOGY_KEYS.includes(k) || (k !== 'name' && k !== 'version' && nearATopologyKey(k)));
}

/** A key one small slip from a topology's (`Version`, `managementServer`, `nam`): a topology mistyped. */
function nearATopologyKey(key: string): boolean {
  const lower = key.toLowerCase();
  const slips = Math.max(1, Math.floor(lower.length / 4));
  return [...TOPOLOGY_KEYS, 'version', 'name'].some((k) => lower === k.toLowerCase() || (lower.length >= 3 && editDistance(lower, k.toLowerCase(), slips) <= slips));
}
