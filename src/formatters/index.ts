/** The output formats of `validate`, by name: each a pure function from the same results to text. */
import type { Results } from '../results.js';
import type { RuleDescriptor } from '../rules/descriptors.js';
import type { Severity } from '../rules/types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import { escapeJsonForTerminal } from './text.js';

export interface FormatOptions {
  readonly color: boolean;
  /** Every rule that ran (built-in and policies), for SARIF's driver and JUnit's test cases. */
  readonly rules: readonly RuleDescriptor[];
  readonly failOn: Severity;
  readonly version: string;
  readonly informationUri: string;
}

export const FORMATS = {
  stylish: (results: Results, o: FormatOptions) => formatStylish(results, { color: o.color }),
  // The JSON formats write what a terminal would act on as \u escapes: the same data, safe to print.
  json: (results: Results, _options?: FormatOptions) => escapeJsonForTerminal(formatJson(results)),
  sarif: (results: Results, o: FormatOptions) => escapeJsonForTerminal(formatSarif(results, { rules: o.rules, version: o.version, informationUri: o.informationUri })),
  junit: (results: Results, o: FormatOptions) => formatJunit(results, { rules: o.rules, failOn: o.failOn }),
  github: (results: Results, _options?: FormatOptions) => formatGithub(results),
} as const satisfies Record<string, (results: Results, options: FormatOptions) => string>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
