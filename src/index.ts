/**
 * pooltopo's public API (docs/API.md): lint topologies, load a config, read the rules. Each kind's
 * model, analysis and result variant is a subpath of its own (`pooltopo/kinds/scom`, `.../skype`,
 * `.../opcon`), and the types of the data the API hands out are in `pooltopo/types`.
 *
 *   import { validate } from 'pooltopo';
 *   const results = await validate(['topologies/'], { rules: { 'observer-only-members': 'off' } });
 */
export { validate, validateOutcomes, type ValidateOptions, type TextInput } from './api/validate.js';
export { lintText, type LintOptions, type LintOutcome } from './api/lint.js';
export { loadConfig } from './config/load.js';
export type { Config } from './core/config.js';
export { RULES, ruleById, describeRules } from './api/rules.js';
export type { Results, FileResult, Finding } from './kinds/results.js';
export { PooltopoError } from './util/errors.js';
export { topologySchemaText } from './io/schema.js';
