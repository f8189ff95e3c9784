/** Small builders for tests: a topology from a compact description, without YAML. */
import { normalise } from '../src/kinds/scom/model/normalise.js';
import type { ScomDocument } from '../src/kinds/scom/model/document.js';
import type { Topology } from '../src/kinds/scom/model/types.js';

export function topologyOf(doc: Partial<ScomDocument> & Pick<ScomDocument, 'managementServers'>): Topology {
  const { topology, issues } = normalise({ version: 1, name: 'test', ...doc }, new Map());
  if (issues.length > 0) throw new Error(`test topology has issues: ${JSON.stringify(issues)}`);
  return topology;
}

export const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
