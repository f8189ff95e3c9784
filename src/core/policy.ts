/** Policies as code: users' own rules, a mathjs expression over each pool's figures that must hold. */
import type { Severity } from './rule.js';

export interface PolicyDefinition {
  readonly id: string;
  readonly severity: Severity;
  /** A mathjs expression that must be true for every pool. */
  readonly assert: string;
  /** The finding's message; `{{figure}}` is filled in from the pool's scope. */
  readonly message: string;
  readonly description?: string;
}

export interface CompiledPolicy {
  readonly definition: PolicyDefinition;
  /** Evaluates the expression over one pool's scope, in mathjs's sandbox. */
  evaluate(scope: ReadonlyMap<string, unknown>): unknown;
}
