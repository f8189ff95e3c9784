/** LintOutcome has the file's result and the kinds' models under their keys, and nothing else. */
import { lintText, validateOutcomes, type LintOutcome } from 'pooltopo';

export async function models(text: string): Promise<number> {
  const one: LintOutcome = await lintText(text, 'inline.yaml');
  let n = one.result.findings.length;
  if (one.topology && one.analysis) n += one.topology.pools.length + one.analysis.pools.length;
  if (one.skype) n += one.skype.analysis.pools.length;
  if (one.opcon) n += one.opcon.model.machines.length;
  // @ts-expect-error the findings are the result's
  void one.findings;
  // @ts-expect-error a misspelt kind's key
  void one.skpye;
  for (const o of await validateOutcomes(['topologies/'])) n += o.result.pools.length;
  return n;
}
