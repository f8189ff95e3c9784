/**
 * Values the JSON Schema cannot check, checked by a kind's model instead (a latency that is no
 * duration, a latency pair of a server and a data centre, a pool paired with itself): such a file
 * fails the schema as much as one the schema rejects, so, as CLI.md has it, it gets no pools and no
 * analysis, only the model's findings.
 */
import type { ModelIssue } from './model.js';
import type { KindHost, KindRun } from './kind.js';

/** The run of a file whose model found schema issues (every model issue reported); undefined when it found none. */
export function failsModelSchema(issues: readonly ModelIssue[], host: KindHost): KindRun<never, { readonly pools: readonly [] }> | undefined {
  if (!issues.some((i) => i.rule === 'schema')) return undefined;
  // The rules of every kind report the model's issues: schema, unknown references, duplicates.
  host.runRules([], { issues });
  return { figures: { pools: [] } };
}
