// Records every module URL the process loads into the file named by POOLTOPO_TRACE_IMPORTS.
// Used with `node --import` by the test that checks which modules `validate` loads.
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url, { data: { file: process.env.POOLTOPO_TRACE_IMPORTS } });
