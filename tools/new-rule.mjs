#!/usr/bin/env node
// `npm run new-rule -- <kind> <id>`: writes a new rule of a kind in the shape of that kind's rules
// (metadata beside a check), its two fixtures (one the rule must fire on, one it must not) with
// their expected findings, and registers it in the kind's rule list. What is left to do is printed:
// write the check, make the first fixture fire it, record where, and generate its doc page.
//   npm run new-rule -- scom pool-too-large
//   npm run new-rule -- opcon no-backup        (the id becomes opcon/no-backup)
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where defineRule and Problem live (relative to the project): one constant, for when they move. */
export const RULE_TYPES = 'src/core/rule.ts';

/** The header of an expected-findings file, as scripts/record-expected.mjs writes it. */
const EXPECTED_HEADER = '# Recorded by scripts/record-expected.mjs and reviewed by hand: every finding this file must give.';

/**
 * Each kind: where its rules are, the list that registers them, the prefix of their ids, the
 * context their check sees (in the kind's rules/context.ts), a category its rules commonly
 * take, and a small file of the kind that gives no finding, to start both fixtures from.
 */
export const KINDS = {
  scom: {
    rules: 'src/kinds/scom/rules',
    list: { file: 'src/kinds/scom/rules/index.ts', name: 'SCOM_RULES' },
    cases: 'test/rules/scom.cases.ts',
    prefix: '',
    context: { name: 'RuleContext', module: 'src/kinds/scom/rules/context.ts' },
    category: 'quorum',
    fixture: ['version: 1', 'name: Fixture', 'databases:', '  operational:', '    server: sql01', 'managementServers:', '  - name: ms01', '  - name: ms02'],
  },
  opcon: {
    rules: 'src/kinds/opcon/rules',
    list: { file: 'src/kinds/opcon/index.ts', name: 'OPCON_RULES' },
    cases: 'test/rules/opcon.cases.ts',
    prefix: 'opcon/',
    context: { name: 'OpconContext', module: 'src/kinds/opcon/rules/context.ts' },
    category: 'failover',
    fixture: [
      'version: 1',
      'kind: opcon-failover',
      'name: Fixture',
      'database:',
      '  replication: none',
      'machines:',
      '  - name: opcon01',
      '    mode: StandAlone',
      '    serviceStartType: automatic-delayed',
      '  - name: opcon02',
      '    mode: StandAlone',
      '    serviceStartType: manual',
    ],
  },
  skype: {
    rules: 'src/kinds/skype/rules',
    list: { file: 'src/kinds/skype/index.ts', name: 'SKYPE_RULES' },
    cases: 'test/rules/skype.cases.ts',
    prefix: 'skype/',
    context: { name: 'SkypeContext', module: 'src/kinds/skype/rules/context.ts' },
    category: 'failover',
    fixture: [
      'version: 1',
      'kind: skype-pool-pair',
      'name: Fixture',
      'pools:',
      ...['a', 'b'].flatMap((p, i) => [
        `  - name: pool-${p}.contoso.com`,
        '    edition: enterprise',
        '    platform: physical',
        '    operatingSystem: Windows Server 2019',
        '    users: 1000',
        '    maxUsers: 5000',
        `    frontEnds: [fe${i}1, fe${i}2, fe${i}3]`,
        `    centralManagementStore: ${i === 0}`,
      ]),
      'pairs:',
      '  - [pool-a.contoso.com, pool-b.contoso.com]',
    ],
  },
};
/** The names a kind also goes by: its `kind:` value in a topology file. */
const ALIASES = { 'opcon-failover': 'opcon', 'skype-pool-pair': 'skype' };

/** A rule's own name: kebab-case, starting with a letter, at most 60 characters. */
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export class ScaffoldError extends Error {}

/** `pool-too-large` → `poolTooLarge`. */
function camel(name) {
  return name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** The import specifier of a project file (its `.ts` as `.js`) from a file in `fromDir`. */
function specifier(fromDir, target) {
  const rel = path.relative(fromDir, target).replace(/\.ts$/, '.js').split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Every rule id declared under src/ (`id: '...'` in a rule's metadata). */
function declaredIds(root) {
  const ids = new Set();
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\bid: '([^']+)'/g)) ids.add(m[1]);
    }
  };
  walk(path.join(root, 'src'));
  return ids;
}

/** The rule file's text, in the shape of the kind's rules. */
export function ruleSource(kindName, id, ruleFile) {
  const kind = KINDS[kindName];
  const dir = path.dirname(ruleFile);
  const types = specifier(dir, RULE_TYPES);
  const contextFromTypes = kind.context.module === RULE_TYPES;
  const imports = contextFromTypes
    ? [`import { defineRule, type ${kind.context.name}, type Problem } from '${types}';`]
    : [`import { defineRule, type Problem } from '${types}';`, `import type { ${kind.context.name} } from '${specifier(dir, kind.context.module)}';`];
  return `${imports.join('\n')}

export default defineRule<${kind.context.name}>({
  meta: {
    id: '${id}',
    severity: 'warning',
    // One of the categories in ${RULE_TYPES} (Category).
    category: '${kind.category}',
    description: 'TODO: when it fires, in one line',
    rationale: 'TODO: why it matters, with the fact behind it.',
    remediation: 'TODO: what to do about it.',
    // DOMAIN.md's short names of the public sources of the fact (src/domain/facts.ts lists them).
    sources: [],
    messages: { TODO: 'TODO: what is wrong with "{{name}}", and what to do.' },
  },
  *check(context): Iterable<Problem> {
    // TODO: yield a problem per thing wrong: { messageId, data, path } (path: the JSON Pointer of the node).
    void context;
  },
});
`;
}

/**
 * The kind's rule cases (test/rules/<kind>.cases.ts) with an entry for the new rule: its quiet
 * design as the valid case, and an invalid case to complete (test/rules/coverage.test.ts fails
 * until every message id has one).
 */
export function withCases(text, identifier, importPath, design) {
  const lines = text.split('\n');
  const lastImport = lines.reduce((last, line, i) => (/^import \w+ from '\.{1,2}\/.*';$/.test(line) ? i : last), -1);
  if (lastImport < 0) throw new ScaffoldError(`no import of a rule in the cases' file`);
  lines.splice(lastImport + 1, 0, `import ${identifier} from '${importPath}';`);
  const end = lines.lastIndexOf('];');
  if (end < 0) throw new ScaffoldError(`no end of the cases' list`);
  const yaml = '`' + design.replace(/[`\\$]/g, (c) => `\\${c}`) + '`';
  lines.splice(
    end,
    0,
    '',
    `  cases(${identifier}, {`,
    `    valid: [{ yaml: ${yaml} }],`,
    `    // TODO: one invalid case per message id: { yaml, messageId, data, path }.`,
    `    invalid: [{ yaml: ${yaml}, messageId: 'TODO' }],`,
    '  }),',
  );
  return lines.join('\n');
}

/** Adds the rule's import and its entry to the kind's list. */
export function registered(listText, kindName, identifier, importPath) {
  const { name } = KINDS[kindName].list;
  const lines = listText.split('\n');
  const lastImport = lines.reduce((last, line, i) => (/^import .* from '\.{1,2}\/.*';$/.test(line) && !line.startsWith('import type') ? i : last), -1);
  if (lastImport < 0) throw new ScaffoldError(`no import of a rule in the list's file`);
  lines.splice(lastImport + 1, 0, `import ${identifier} from '${importPath}';`);
  const start = lines.findIndex((l) => l.startsWith(`export const ${name}`));
  if (start < 0) throw new ScaffoldError(`no \`export const ${name}\` in the list's file`);
  const end = lines.findIndex((l, i) => i > start && /^\s*\]/.test(l));
  if (end < 0) throw new ScaffoldError(`the list ${name} does not end with a line starting with "]"`);
  // As indented as the entry before it, however the formatter laid the list out.
  const indent = /^\s*/.exec(lines[end - 1] ?? '')?.[0] || '  ';
  lines.splice(end, 0, `${indent}${identifier},`);
  return lines.join('\n');
}

/**
 * Writes the rule, its fixtures and their expected findings under `root`, and registers it.
 * Returns the files written or changed, relative to `root`. Throws ScaffoldError, writing nothing,
 * for an unknown kind, a bad id, or an id or file that exists.
 */
export function newRule(root, kindArg, idArg) {
  const kindName = ALIASES[kindArg] ?? kindArg;
  const kind = KINDS[kindName];
  if (!kind) throw new ScaffoldError(`no kind "${kindArg}"; the kinds are ${Object.keys(KINDS).join(', ')}`);
  const name = kind.prefix && idArg?.startsWith(kind.prefix) ? idArg.slice(kind.prefix.length) : idArg;
  if (typeof name !== 'string' || !NAME.test(name) || name.length > 60) {
    throw new ScaffoldError(`"${idArg ?? ''}" is not a rule id: kebab-case, starting with a letter, at most 60 characters (such as pool-too-large)`);
  }
  const id = `${kind.prefix}${name}`;
  if (declaredIds(root).has(id)) throw new ScaffoldError(`a rule "${id}" exists already`);
  const ruleFile = `${kind.rules}/${name}.ts`;
  const fires = `test/fixtures/rules/${id}.fires.yaml`;
  const quiet = `test/fixtures/rules/${id}.quiet.yaml`;
  const expected = (f) => `${path.dirname(f)}/.expected/${path.basename(f)}`;
  const written = [ruleFile, fires, quiet, expected(fires), expected(quiet)];
  for (const f of written) if (existsSync(path.join(root, f))) throw new ScaffoldError(`${f} exists already`);

  const identifier = camel(name);
  const listFile = path.join(root, kind.list.file);
  const list = registered(readFileSync(listFile, 'utf8'), kindName, identifier, specifier(path.dirname(kind.list.file), ruleFile));
  const fixture = kind.fixture.join('\n');
  const casesFile = path.join(root, kind.cases);
  const withCase = existsSync(casesFile)
    ? withCases(readFileSync(casesFile, 'utf8'), identifier, specifier(path.dirname(kind.cases), ruleFile), `${fixture}\n`)
    : undefined;
  const files = {
    [ruleFile]: ruleSource(kindName, id, ruleFile),
    [fires]: `# TODO: change this file until it gives ${id} (and only the findings its expected file lists).\n${fixture}\n`,
    [quiet]: `# Close to the case ${id} is about, without it.\n${fixture}\n`,
    [expected(fires)]: `${EXPECTED_HEADER}\nfindings:\n  - {ruleId: ${id}, line: 1, column: 1}\n`,
    [expected(quiet)]: `${EXPECTED_HEADER}\nfindings: []\n`,
  };
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), text);
  }
  writeFileSync(listFile, list);
  if (withCase !== undefined) writeFileSync(casesFile, withCase);
  return { id, files: [...written, kind.list.file, ...(withCase !== undefined ? [kind.cases] : [])] };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [kindArg, idArg, ...rest] = process.argv.slice(2);
  if (!kindArg || !idArg || rest.length > 0) {
    console.error(`usage: npm run new-rule -- <kind> <id>   (kinds: ${Object.keys(KINDS).join(', ')})`);
    process.exit(2);
  }
  try {
    const { id, files } = newRule(fileURLToPath(new URL('..', import.meta.url)), kindArg, idArg);
    console.log(`new rule ${id}:\n${files.map((f) => `  ${f}`).join('\n')}

Next:
  1. Write its metadata and check in ${files[0]} (the kind's other rules show the way).
  2. Write its cases${files.length > 6 ? ` in ${files[6]}` : ''}: one invalid case per message id.
  3. Change ${files[1]} until it fires the rule; keep ${files[2]} quiet.
  4. npm run build && node scripts/record-expected.mjs ${files[1]} ${files[2]}   (review the line and column)
  5. node tools/build.mjs docs   (writes its page under docs/rules/)
  6. npx vitest run test/rules test/fixtures.test.ts test/rules-meta.test.ts test/docs.test.ts test/api.test.ts test/formatters.test.ts
     (a new rule changes the SARIF snapshot's rule list: update it with -u, and say so in the commit)`);
  } catch (err) {
    if (!(err instanceof ScaffoldError)) throw err;
    console.error(`new-rule: ${err.message}`);
    process.exit(2);
  }
}
