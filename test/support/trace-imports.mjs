// Records every module the process loads into the file named by POOLTOPO_TRACE_IMPORTS, as URLs:
// ES modules through a loader hook as they load, CommonJS modules (the CLI's bundle) from
// require.cache when the process exits. Used with `node --import` by the test that checks which
// modules `validate` loads.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.POOLTOPO_TRACE_IMPORTS;
register('./trace-imports-hooks.mjs', import.meta.url, { data: { file } });
const { cache } = createRequire(import.meta.url);
process.on('exit', () => {
  if (file)
    appendFileSync(
      file,
      Object.keys(cache)
        .map((f) => `${pathToFileURL(f).href}\n`)
        .join(''),
    );
});
