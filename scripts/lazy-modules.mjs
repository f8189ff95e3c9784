// The modules that only report, simulate, plan and import use, and the config's validator: tools/build/bundle.mjs
// keeps them out of `core`, the chunk every validate loads, and test/object-shapes.test.ts leaves
// them out of the per-file path it checks. Matched against a module's path (relative to the project
// or to src/). The command table's files (cli/commands/report.ts ...) are in `core` whatever their
// name: every start loads the table, and each command imports its heavy part itself when run.
export const LAZY_MODULES =
  /^(?!(?:dist\/|src\/)?cli\/commands\/).*(report|render|view-model|simulate|plan|headline|headroom|config-validator|templates|diagram|import|ini-file|diff)/;
