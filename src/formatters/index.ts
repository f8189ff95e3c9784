/** The output formats of `validate`, by name: each a pure function from the same results to text. */
import type { Results } from '../kinds/results.js';
import type { RuleDescriptor } from '../rules/descriptors.js';
import type { Severity } from '../core/rule.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import { formatMarkdown, type RepositoryLinks } from './markdown.js';
import { formatCodeClimate } from './codeclimate.js';
import { escapeJsonForTerminal } from '../util/text.js';

export interface FormatOptions {
  readonly color: boolean;
  /** Every rule that ran (built-in and policies), for SARIF's driver and JUnit's test cases. */
  readonly rules: readonly RuleDescriptor[];
  readonly failOn: Severity;
  readonly version: string;
  readonly informationUri: string;
  /** A finding's path relative to the repository's root, for sarif, codeclimate and markdown (default: as it is). */
  readonly repoPath?: ((file: string) => string) | undefined;
  /** The repository's root (absolute), for SARIF's originalUriBaseIds. */
  readonly repoRoot?: string | undefined;
  /** SARIF: findings suppressed in the file too. */
  readonly includeSuppressed?: boolean | undefined;
  /** markdown: where the findings' lines are on the forge. */
  readonly links?: RepositoryLinks | undefined;
}

const asIs = (file: string) => file;

export const FORMATS = {
  stylish: (results: Results, o: FormatOptions) => formatStylish(results, { color: o.color }),
  // The JSON formats write what a terminal would act on as \u escapes: the same data, safe to print.
  json: (results: Results, _options?: FormatOptions) => escapeJsonForTerminal(formatJson(results)),
  sarif: (results: Results, o: FormatOptions) =>
    escapeJsonForTerminal(
      formatSarif(results, {
        rules: o.rules,
        version: o.version,
        informationUri: o.informationUri,
        repoPath: o.repoPath,
        repoRoot: o.repoRoot,
        includeSuppressed: o.includeSuppressed,
      }),
    ),
  junit: (results: Results, o: FormatOptions) => formatJunit(results, { rules: o.rules, failOn: o.failOn }),
  github: (results: Results, o?: FormatOptions) => formatGithub(results, o?.repoPath ?? asIs),
  markdown: (results: Results, o: FormatOptions) => formatMarkdown(results, { repoPath: o.repoPath ?? asIs, links: o.links }),
  codeclimate: (results: Results, o: FormatOptions) => escapeJsonForTerminal(formatCodeClimate(results, { repoPath: o.repoPath ?? asIs })),
} as const satisfies Record<string, (results: Results, options: FormatOptions) => string>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
