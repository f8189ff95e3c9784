/** `pooltopo diff OLD NEW | FILE --base REF`: what a change does to resilience (the comparison loads only here). */
import type { Command } from '../shared/command.js';
import { CONFIG_OPTIONS, HELP_OPTION } from '../shared/options.js';

const DIFF_USAGE = `Usage: pooltopo diff OLD NEW [options]
       pooltopo diff FILE --base REF [options]

What a change does to resilience: for each pool the tolerable failures, availability, single
points of failure and data-centre loss (Skype and OpCon on their own figures) that differ between
two versions of one topology, the findings that are new or gone (matched by rule, pool and message,
not by line), and the servers, pools and gateways added or removed. With --base, the old version is
FILE as it is at REF in git (git show REF:FILE); a file new in this change has every figure added.
Compare a design with a file written from the live system to find drift.

Options:
      --base REF            read the old version from git at REF (a branch, tag or commit)
  -f, --format FORMAT       stylish, json or markdown (default: stylish)
  -o, --output FILE         write the output to FILE
      --follow-output-link  write -o through a symbolic link (refused by default)
      --fail-on LEVEL       lowest severity of a new finding that makes the exit code 1 (default: error)
      --config FILE / --no-config
  -h, --help                show this help

Exit codes: 1 when the change makes anything worse (fewer tolerable failures, less availability, a
new single point of failure, a data centre's loss no longer survived, a new finding at or above
--fail-on); 2 when it cannot compare (no git, no such ref, a side that is not a topology, two kinds).
`;

export const diffCommand: Command = {
  usage: DIFF_USAGE,
  allowPositionals: true,
  options: {
    ...HELP_OPTION,
    ...CONFIG_OPTIONS,
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'follow-output-link': { type: 'boolean' },
    base: { type: 'string' },
    'fail-on': { type: 'string' },
  },
  async run(values, positionals, io) {
    const { runDiff } = await import('../shared/diff-run.js');
    return runDiff(values, positionals, io);
  },
};
