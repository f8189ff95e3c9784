/**
 * The pipeline of src/core/ made for the registry's kinds: what the library and the commands call.
 * Its outcome is typed by the registry (each kind's models and result variant).
 */
import { createPipeline, type LintOptions, type LintOutcome as CoreOutcome } from '../core/pipeline.js';
import type { SourceMap } from '../io/yaml/source-map.js';
import type { SyntaxProblem } from '../io/yaml/parse.js';
import { REGISTRY, type FileResult, type KindModels } from '../kinds/registry.js';

export { checkOptionKeys, type LintOptions, type RuleSetting } from '../core/pipeline.js';

/** The full result of linting one text: `result` as `validate` reports the file, and the kind's models when it analysed it. */
export type LintOutcome = KindModels & { readonly result: FileResult; readonly stage: CoreOutcome['stage'] };

const pipeline = createPipeline(REGISTRY);

/**
 * Lints one topology text, with no file system involved: `file` only names it in the findings.
 * Returns its `LintOutcome`: `result` (findings and figures, as `validate` reports a file) and the
 * kind's model and analyses when the text could be analysed. Whatever the text, its problems are
 * findings; throws `PooltopoError` only for options it does not take or a config file could not
 * hold (as `validate` does).
 */
export function lintText(text: string, file: string, options: LintOptions = {}): Promise<LintOutcome> {
  return pipeline.lintText(text, file, options) as Promise<LintOutcome>;
}

/** Throws PooltopoError for options a config file could not hold (see lintText). */
export function checkLintOptions(options: LintOptions): Promise<void> {
  return pipeline.checkLintOptions(options);
}

/** The outcome for a file that could not be read as YAML: one `yaml-syntax` finding per problem. */
export function syntaxOutcome(file: string, sourceMap: SourceMap, problems: readonly SyntaxProblem[], options: LintOptions = {}): LintOutcome {
  return pipeline.syntaxOutcome(file, sourceMap, problems, options) as LintOutcome;
}
