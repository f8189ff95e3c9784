/** The report's headline: the weakest pool's tolerable failures, the one figure that matters most. */
import { minOf } from '../util/extremes.js';
import { groupThousands } from '../util/message.js';

export interface Headline {
  readonly figure: number;
  /** `member failures tolerated by the weakest pool`, `… by the weakest pools`, `… by every pool`. */
  readonly text: string;
  /** The weakest pool, or those tied for weakest (`A, B and C`, `A, B, C and 2 more`); absent when every pool is. */
  readonly pool?: string;
  /** The weakest pool tolerates no failure: the figure is shown as a problem. */
  readonly none?: true;
  /** What the figure does not say, under it: that the workload would not fit after a failure. */
  readonly caveat?: string;
}

/** How many tied pools the headline names before it says "and N more". */
const NAMED_TIES = 3;

/** `failures` names what fails: "member", "front-end". Undefined when there is no pool. */
export function weakestPoolHeadline(pools: readonly { readonly name: string; readonly tolerableFailures: number }[], failures: string): Headline | undefined {
  if (pools.length === 0) return undefined;
  const figure = minOf(pools.map((p) => p.tolerableFailures));
  const weakest = pools.filter((p) => p.tolerableFailures === figure).map((p) => p.name);
  const what = `${failures} failure${figure === 1 ? '' : 's'} tolerated by`;
  const none = figure === 0 ? { none: true as const } : {};
  if (weakest.length === 1) return { figure, text: `${what} the weakest pool`, pool: weakest[0]!, ...none };
  if (weakest.length === pools.length) return { figure, text: `${what} every pool`, ...none };
  return { figure, text: `${what} the weakest pools`, pool: listNames(weakest), ...none };
}

/** `A and B`, `A, B and C`, `A, B, C and 2 more`. */
function listNames(names: readonly string[]): string {
  if (names.length > NAMED_TIES) return namesOrMore(names);
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/** `A, B`, or past the `shown` a line names, `A, B, C and 2 more`: a line that does not grow with the file. */
export function namesOrMore(names: readonly string[], shown = NAMED_TIES): string {
  const rest = names.length - shown;
  return rest > 0 ? `${names.slice(0, shown).join(', ')} and ${groupThousands(rest)} more` : names.join(', ');
}
