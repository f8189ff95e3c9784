#!/usr/bin/env node
// pooltopo's build, in named steps: `node tools/build.mjs` runs the default steps in order (what
// `npm run build` does); `node tools/build.mjs bundle code-cache` runs the steps named, in the
// order given; `--list` prints them. Each step's file under tools/build/ says what it makes and why.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs a command as a child process in the project's root; a failure ends the build. */
function exec(what, args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

const STEPS = [
  { name: 'schema', what: "compose schemas/topology.schema.json from the kinds' parts", run: async () => (await import('./build/schema.mjs')).run() },
  { name: 'validator', what: 'precompile the JSON Schemas into standalone ajv validators', run: async () => (await import('./build/validator.mjs')).run() },
  { name: 'templates', what: "precompile the report's handlebars templates", run: async () => (await import('./build/templates.mjs')).run() },
  {
    name: 'tsc',
    what: 'compile src/ to dist/',
    run: () => exec('tsc', [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.json']),
  },
  { name: 'bundle', what: 'bundle the CLI into dist/bundle/', run: async () => (await import('./build/bundle.mjs')).run() },
  // In a process of its own: the loader it runs the commands through patches Node's module loader,
  // and V8 takes a cache only under the flags it was made with, those of a fresh start.
  { name: 'code-cache', what: 'write the V8 code cache of each chunk of the bundle', run: () => exec('code-cache', ['tools/build/code-cache.mjs']) },
  {
    name: 'docs',
    what: "write docs/rules/ from the rules' metadata (reads dist/; not a default step)",
    optional: true,
    run: async () => (await import('./build/docs.mjs')).run(),
  },
];

const args = process.argv.slice(2);
if (args.includes('--list')) {
  for (const s of STEPS) console.log(`${s.name.padEnd(11)} ${s.what}`);
  process.exit(0);
}
const unknown = args.filter((a) => !STEPS.some((s) => s.name === a));
if (unknown.length > 0) {
  console.error(`tools/build.mjs: no step named ${unknown.map((a) => JSON.stringify(a)).join(', ')}; the steps are ${STEPS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const chosen = args.length > 0 ? args.map((a) => STEPS.find((s) => s.name === a)) : STEPS.filter((s) => !s.optional);
for (const step of chosen) {
  const start = performance.now();
  try {
    await step.run();
  } catch (err) {
    console.error(`tools/build.mjs: step ${step.name}: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
  console.log(`[${step.name}] done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
