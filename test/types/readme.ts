/**
 * The README's TypeScript, compiled as a user's would be (test/readme.test.ts checks that every
 * `ts` block of the README is here, verbatim).
 */
declare const yamlText: string;

import { validate, lintText, loadConfig, PooltopoError, type FileResult } from 'pooltopo';

const one = await lintText(yamlText, 'inline.yaml');   // no file system involved, never throws for the text
console.log(one.result.findings);                      // the file's result, beside its kind's model

// A file's result is discriminated by its kind: a switch narrows its pools.
function describe(f: FileResult): string[] {
  switch (f.kind) {
    case 'scom': return f.pools.map((p) => `${p.name}: tolerates ${p.tolerableFailures}, default observer ${p.defaultObserver.enabled}`);
    case 'skype-pool-pair': return f.pools.map((p) => `${p.name}: ${p.frontEnds} front ends`);
    case 'opcon-failover': return f.failover ? [`failover scenario ${f.failover.scenario}`] : [];
    case undefined: return [];   // not read, not YAML, an unknown kind, or no kind and not a topology
    default: { const unreachable: never = f; return unreachable; }
  }
}
try {
  const config = await loadConfig(process.cwd());   // .pooltopo.yaml found upward, checked, or none
  const results = await validate(['topologies/'], { config });   // as `pooltopo validate topologies/`
  const tuned = await validate(['topologies/'], { rules: { 'observer-only-members': 'off' }, settings: { targetTolerableFailures: 2 } });
  console.log([...results.files, ...tuned.files].flatMap(describe));
} catch (err) {
  if (!(err instanceof PooltopoError)) throw err;
  console.error(err.message);   // a bad config, a path that does not exist: exit code 2 in the CLI
}
