/** CLI.md's `--format json`: the results as they are, keys in a fixed order, two-space indent. */
import type { Results } from '../kinds/results.js';

export function formatJson(results: Results): string {
  return JSON.stringify(results, null, 2) + '\n';
}
