/** The report's headline: the weakest pool's tolerable failures, the one figure that matters most. */
export interface Headline {
  readonly figure: number;
  readonly pool: string;
  readonly text: string;
}

/** `failures` names what fails: "member", "front-end". Undefined when there is no pool. */
export function weakestPoolHeadline(pools: readonly { readonly name: string; readonly tolerableFailures: number }[], failures: string): Headline | undefined {
  const weakest = [...pools].sort((a, b) => a.tolerableFailures - b.tolerableFailures)[0];
  if (!weakest) return undefined;
  return { figure: weakest.tolerableFailures, pool: weakest.name, text: `${failures} failure${weakest.tolerableFailures === 1 ? '' : 's'} tolerated by the weakest pool` };
}
