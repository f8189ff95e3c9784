/** Gateways that report to each other in a loop: the edge closing each loop is a model issue, and dropped. */
import type { ModelIssue, ModelIssueRule } from '../../../core/model.js';
import { pointer } from '../../../io/yaml/source-map.js';
import type { GatewayDoc } from './document.js';
import { nameKey, type Server } from './types.js';

/**
 * A chain of gateways must end at a management server: each edge that closes a loop is a `schema`
 * finding at its entry and is dropped, so that every what-if follows a chain that ends. Iterative
 * depth-first search, linear in the gateways and their lists.
 */
export function breakGatewayCycles(
  gateways: readonly Server[],
  lists: ReadonlyMap<Server, { readonly reportsTo: Server[]; readonly doc: GatewayDoc; readonly list: string; readonly i: number }>,
  issue: (rule: ModelIssueRule, messageId: string, data: ModelIssue['data'], path: string) => void,
): void {
  const state = new Map<Server, 1 | 2>(); // 1: on the current path, 2: done
  for (const start of gateways) {
    if (state.has(start)) continue;
    const stack: { g: Server; next: number }[] = [{ g: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const l = lists.get(top.g)!;
      if (top.next >= l.reportsTo.length) {
        state.set(top.g, 2);
        stack.pop();
        continue;
      }
      const j = top.next++;
      const parent = l.reportsTo[j]!;
      if (parent.role !== 'gateway') continue;
      const s = state.get(parent);
      if (s === 1) {
        const from = stack.findIndex((f) => f.g === parent);
        const chain = [...stack.slice(from).map((f) => f.g.name), parent.name].join(' → ');
        const key = l.doc.reportsTo !== undefined ? 'reportsTo' : 'managementServers';
        // The position in the written list: entries left out before it shift the resolved index.
        const written = (l.doc[key] ?? []).findIndex((n) => nameKey(n) === nameKey(parent.name));
        issue('schema', 'gatewayCycle', { gateway: top.g.name, name: parent.name, chain }, pointer(l.list, l.i, key, Math.max(0, written)));
        l.reportsTo.splice(j, 1);
        top.next = j;
      } else if (s === undefined) {
        state.set(parent, 1);
        stack.push({ g: parent, next: 0 });
      }
    }
  }
}
