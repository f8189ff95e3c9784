/** A loaded config goes to validate as `config`; passed as the options themselves it does not compile. */
import { loadConfig, validate } from 'pooltopo';

export async function withConfig(projectDir: string): Promise<number> {
  const config = await loadConfig(projectDir);
  const shown: string | undefined = config.file;
  const results = await validate([projectDir], { cwd: projectDir, config, rules: config.rules });
  // @ts-expect-error its ignore would be taken relative to cwd, not to its dir
  await validate([projectDir], config);
  return results.files.length + (shown?.length ?? 0);
}
