// Bundles the CLI (dist/cli/main.js and everything it imports) into dist/bundle/: one CommonJS file
// for the common path and a chunk per lazily imported part (report, simulate, plan, the config's
// validator). mathjs and handlebars stay external and are imported only where needed. dist/bundle/
// sits at the same depth as dist/cli/, so `new URL('../../…', import.meta.url)` still finds
// package.json, schemas/ and templates/. The build's `bundle` step (tools/build.mjs); docs/PERFORMANCE.md
// says what each choice below bought.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { LAZY_MODULES as LAZY } from '../../scripts/lazy-modules.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = path.join(root, 'dist/bundle');

export async function run() {
  // Chunk names carry a content hash, so a rebuild would otherwise leave the old chunks beside the new.
  rmSync(out, { recursive: true, force: true });

  // Everything a validate runs goes into one chunk, `core` (the entry, pooltopo.cjs, only requires
  // it); the modules only report, simulate and plan use, and the config's validator, stay in chunks
  // of their own, loaded when asked for. Left to itself rolldown splits the common path into many
  // chunks, each one more file to find, read and load at every start.
  const bundle = await rolldown({
    input: path.join(root, 'dist/cli/main.js'),
    platform: 'node',
    external: ['mathjs', 'handlebars', /^handlebars\//, /^node:/],
    logLevel: 'warn',
    // The CLI imports the capacity analysis lazily for plan; validate needs it anyway, so it is in core.
    onLog: (level, log, handler) => (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' ? undefined : handler(level, log)),
  });
  // CommonJS, loaded through require() by bin/bundle-loader.cjs: Node's ESM loader costs every start
  // more than the bundle itself. External dynamic imports (mathjs, handlebars' runtime) become
  // require() calls: bin/bundle-loader.cjs compiles the chunks with vm.Script to use the code cache,
  // and a vm.Script's import() would need Node's experimental module API. LAZY_MODULES is matched
  // against each module's path relative to the project.
  await bundle.write({
    dir: out,
    format: 'cjs',
    dynamicImportInCjs: false,
    codeSplitting: { groups: [{ name: 'core', test: (id) => !LAZY.test(path.relative(root, id)) }] },
    entryFileNames: 'pooltopo.cjs',
    chunkFileNames: '[name]-[hash].cjs',
  });
  await bundle.close();

  // ASCII only, as esbuild writes by default: a source with one character past ASCII (an arrow in a
  // comment, a check mark in a message) is a two-byte string to V8, decoded and scanned at twice the
  // cost. Each such UTF-16 unit becomes a \uXXXX escape, which means the same in a string, template,
  // regular expression or comment.
  for (const name of readdirSync(out)) {
    const file = path.join(out, name);
    const text = readFileSync(file, 'utf8');
    text.split('\n').forEach((line, i) => {
      // An escape there would change what the code means: a raw template, or a backslash before the character.
      if (/[^\x00-\x7f]/.test(line) && (/String\.raw/.test(line) || /\\[^\x00-\x7f]/.test(line))) {
        throw new Error(`${file}:${i + 1}: a character past ASCII that an escape would change`);
      }
    });
    writeFileSync(
      file,
      text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
  }
  console.log(`bundled dist/cli/main.js into ${readdirSync(out).length} chunks (without a code cache until the code-cache step runs)`);
}
