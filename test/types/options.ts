/** With exactOptionalPropertyTypes, an option may be given as undefined (an unset variable, a flag not given). */
import { lintText, validate, type LintOptions, type ValidateOptions } from 'pooltopo';

export async function fromEnvironment(env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const options: ValidateOptions = {
    cwd: env['TOPO_DIR'],
    ignore: undefined,
    ignoreBase: undefined,
    limits: undefined,
    read: undefined,
    onWarning: env['VERBOSE'] ? console.warn : undefined,
    onStart: undefined,
    onRead: undefined,
    rules: undefined,
    settings: undefined,
    policies: undefined,
    reportUnusedDisable: undefined,
  };
  const lint: LintOptions = { rules: undefined, settings: undefined, limits: undefined, policies: undefined, reportUnusedDisable: undefined };
  return (await validate(['.'], options)).summary.files + (await lintText('version: 1', 'inline.yaml', lint)).result.findings.length;
}
