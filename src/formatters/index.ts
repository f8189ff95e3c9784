/** The output formats of `validate`, by name. */
import type { Results } from '../results.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export interface FormatOptions {
  readonly color: boolean;
}

export const FORMATS = {
  stylish: (results: Results, options: FormatOptions) => formatStylish(results, options),
  json: (results: Results) => formatJson(results),
} as const;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
