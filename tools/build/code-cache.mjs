// Writes the V8 code cache beside each chunk of dist/bundle/ (bin/bundle-loader.cjs reads it): runs
// the commands a user runs most, in this process, through the same loader as the bin, and saves the
// bytecode of the functions they compiled. The build's `code-cache` step, after the bundle; it runs
// in a process of its own (tools/build.mjs), as a start of the bin would. The runs get
// no `onBatch`: V8's flags stay as a start has them when it loads the chunks (the loader sets its
// batch flags only later, once validate has many files), and V8 takes a cache only under the flags
// it was made with.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// An old cache first: a chunk compiled from one would put all it held into the new one.
const bundle = path.join(root, 'dist/bundle');
for (const name of readdirSync(bundle)) if (name.endsWith('.cache')) rmSync(path.join(bundle, name));
const require = createRequire(import.meta.url);
const { main, writeCodeCache } = require('../../bin/bundle-loader.cjs');

const work = mkdtempSync(path.join(tmpdir(), 'pooltopo-code-cache-'));
let errors = '';
const quiet = {
  stdout: () => {},
  stderr: (text) => {
    errors += text;
  },
  cwd: root,
  env: {},
  isTTY: false,
};
/** Runs a command as the bin would; one that cannot do its job would leave its chunks uncached. */
async function run(args) {
  if ((await main(args, quiet)) === 2) throw new Error(`pooltopo ${args.join(' ')}: ${errors}`);
}
try {
  // First the commonest run, validate of one file (an editor, a pre-commit hook), alone: a cache
  // holds what was compiled when it is written, and V8 reads all of it at every start, so the
  // chunks that validate loads keep only what it uses.
  await run(['validate', 'examples/two-servers-separate-sql.yaml']);
  const written = writeCodeCache();
  // Then the other commands, for the chunks only they load: a config file's validator among them.
  const config = path.join(work, '.pooltopo.yaml');
  writeFileSync(config, 'rules:\n  default-observer-no-benefit: "off"\nsettings:\n  poolLatencyMs: 10\n');
  for (const args of [
    ['validate', 'examples/single-server.yaml', '--config', config],
    ['report', 'examples/stretched-two-sites.yaml', '-o', path.join(work, 'report.html')],
    ['simulate', 'examples/stretched-two-sites.yaml', '--down', 'dc-london'],
    ['plan', 'examples/stretched-two-sites.yaml'],
    ['diff', 'examples/two-servers-separate-sql.yaml', 'examples/two-servers-colocated-db.yaml'],
    // The other kinds' report sections and what-ifs are chunks of their own.
    ['report', 'examples/skype-paired-enterprise.yaml', '-o', path.join(work, 'skype.html')],
    ['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'POOL-WEST.contoso.com'],
    ['report', 'examples/opcon-automatic-recommended.yaml', '-o', path.join(work, 'opcon.html')],
    ['simulate', 'examples/opcon-automatic-recommended.yaml', '--event', 'abnormal-shutdown'],
    [
      'import',
      'opcon',
      'examples/opcon-seed/scenario-3/OpConxps1/SMAServMan.ini',
      'examples/opcon-seed/scenario-3/OpConxps2/SMAServMan.ini',
      '-o',
      path.join(work, 'opcon-import.yaml'),
    ],
    ['import', 'scom', 'examples/scom-drift/live-export.json', '-o', path.join(work, 'scom-import.yaml')],
  ]) {
    await run(args);
  }
  console.log(`wrote the code cache of ${writeCodeCache(written).length} chunks`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
