/** Bounds on output that every stage shares. */

/**
 * The most findings of one rule in one file; past them one more finding of the rule says how many
 * were left out, so that no file can make the output as large as it likes.
 */
export const MAX_FINDINGS_PER_RULE = 1000;
