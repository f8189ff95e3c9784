/**
 * Growth in time, for the few loops no counted operation sees (test/support/operations.ts counts the
 * rest). A time alone fails on a busy machine; so the job is measured against a baseline job known to
 * be linear, on the same two inputs, alternately, in the same run: whatever slows one slows the
 * other. A linear job grows as its baseline does (a quotient near 1); a quadratic one grows by the
 * inputs' size ratio more (16 for inputs 16 times larger), far past a generous margin.
 */

/** This process's CPU time while `fn` runs, in microseconds (another process's work does not count). */
export function cpuTime(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

export interface Growth<I, P = I> {
  /** Untimed work before each timed job, e.g. parsing what the job then walks (default: the input itself). */
  readonly prepare?: (input: I) => P;
  /** The job measured: the work whose growth is checked. */
  readonly job: (prepared: P) => void;
  /** A job known to be linear in the same inputs. */
  readonly baseline: (input: I) => void;
  readonly small: I;
  readonly large: I;
  /** Rounds, each measuring all four; the least time of each is kept (default 5). */
  readonly rounds?: number;
}

/**
 * (job(large) / job(small)) / (baseline(large) / baseline(small)): near 1 for a job that grows as its
 * baseline does. Each time is the least over the rounds, so a busy moment counts once at most.
 */
export function growthAgainstBaseline<I, P = I>({ prepare, job, baseline, small, large, rounds = 5 }: Growth<I, P>): number {
  const timedJob = (input: I) => {
    const prepared = prepare ? prepare(input) : (input as unknown as P);
    return cpuTime(() => job(prepared));
  };
  const least = { jobSmall: Infinity, jobLarge: Infinity, baseSmall: Infinity, baseLarge: Infinity };
  for (let r = 0; r < rounds; r++) {
    least.baseSmall = Math.min(
      least.baseSmall,
      cpuTime(() => baseline(small)),
    );
    least.jobSmall = Math.min(least.jobSmall, timedJob(small));
    least.baseLarge = Math.min(
      least.baseLarge,
      cpuTime(() => baseline(large)),
    );
    least.jobLarge = Math.min(least.jobLarge, timedJob(large));
  }
  const floor = (t: number) => Math.max(t, 1);
  return floor(least.jobLarge) / floor(least.jobSmall) / (floor(least.baseLarge) / floor(least.baseSmall));
}
