/** What a SCOM rule's check sees, and the SCOM way of reporting about a whole pool. */
import { defineRule as defineAnyRule, type Problem, type Rule } from '../../../core/rule.js';
import type { ModelIssue } from '../../../core/model.js';
import type { Settings } from '../../../core/settings.js';
import type { TopologyAnalysis } from '../analysis/index.js';
import { PASSED_OVER_WORDS, type AgentMove } from '../analysis/what-if.js';
import { namesOrMore } from '../../../core/headline.js';
import type { Pool, Topology } from '../model/types.js';

export interface RuleContext {
  readonly topology: Topology;
  readonly analysis: TopologyAnalysis;
  readonly issues: readonly ModelIssue[];
  readonly settings: Settings;
}

/** A SCOM rule: its check sees the normalised topology and its analyses. */
export function defineRule(rule: Rule<RuleContext>): Rule<RuleContext> {
  return defineAnyRule(rule);
}

/** A report about a whole pool: at its entry, or at `managementServers` for an implied pool. */
export function atPool(pool: Pool, messageId: string, data: Problem['data'] = {}): Problem {
  return pool.implied
    ? { messageId, data: { pool: pool.name, ...data }, path: pool.path, at: 'key', pool: pool.name }
    : { messageId, data: { pool: pool.name, ...data }, path: pool.path, pool: pool.name };
}

/** The servers of a list that agents went past, in words ("gw01 is cut off, ms02 is down"); '' for none. */
export function passedOverText(passedOver: AgentMove['passedOver']): string {
  return namesOrMore(passedOver.map((p) => `${p.host.name} is ${PASSED_OVER_WORDS[p.state]}`));
}
