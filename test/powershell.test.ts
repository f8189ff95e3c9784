import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import { SCOM_RULES } from '../src/kinds/scom/rules/index.js';
import { powerShellString } from '../src/util/powershell.js';
import { ROOT, runCli } from './support/run-cli.js';

describe('a name as a PowerShell string', () => {
  it('stays in double quotes where nothing in it is special there', () => {
    expect(powerShellString('All Management Servers Resource Pool')).toBe('"All Management Servers Resource Pool"');
    expect(powerShellString("O'Brien Pool")).toBe('"O\'Brien Pool"');
  });

  it('goes in single quotes, each single quote doubled, where $, a backtick or a double quote would change it', () => {
    expect(powerShellString('Pool $env:COMPUTERNAME')).toBe("'Pool $env:COMPUTERNAME'");
    expect(powerShellString('Pool `n')).toBe("'Pool `n'");
    expect(powerShellString('Pool "z" \'y\'')).toBe("'Pool \"z\" ''y'''");
    // PowerShell reads the typographic quotes as quotes too.
    expect(powerShellString('Pool \u201Cx\u201D \u2018y\u2019')).toBe("'Pool \u201Cx\u201D \u2018\u2018y\u2019\u2019'");
  });
});

describe("the PowerShell in the SCOM rules' remediations", () => {
  it('names the pool each Set-SCOMResourcePool changes: -ResourcePool is mandatory (PS-SCOM), so a command without it cannot run as written', () => {
    const commands = SCOM_RULES.flatMap((rule) => [...rule.meta.remediation.matchAll(/`([^`]*Set-SCOMResourcePool[^`]*)`/g)].map((m) => [rule.meta.id, m[1]!]));
    expect(commands.length).toBeGreaterThan(0);
    const withoutPool = commands.filter(([, c]) => !/Get-SCOMResourcePool [^|]*\| Set-SCOMResourcePool|-ResourcePool /.test(c!));
    expect(withoutPool).toEqual([]);
  });
});

describe('the remediations that make a default pool manual to keep servers out of it', () => {
  it('say how to remove those servers and to list the pool in the file: a pool made manual keeps the members it had', () => {
    const rules = SCOM_RULES.filter((rule) => ['pool-in-cloud', 'data-center-loss', 'pool-spans-data-centers'].includes(rule.meta.id));
    expect(rules).toHaveLength(3);
    for (const { meta } of rules) {
      expect(meta.remediation, meta.id).toMatch(/Set-SCOMResourcePool -EnableAutomaticMembership \$false/);
      expect(meta.remediation, meta.id).toMatch(/Set-SCOMResourcePool -Member \(Get-SCOMManagementServer -Name SERVER\) -Action Remove/);
      expect(meta.remediation, meta.id).toMatch(/`membership: manual`/);
    }
  });
});

/**
 * The OperationsManager cmdlets that SCOM's messages, remediations and plan print, with the parameter
 * sets of Microsoft's cmdlet references (PS-SCOM): each set's parameters, those it requires, and the
 * one the pipeline can bind (the object piped in). A command must fit one set as printed.
 */
interface ParameterSet {
  readonly params: readonly string[];
  readonly required: readonly string[];
  readonly piped?: string;
}
const SERVER_BY_NAME: readonly ParameterSet[] = [{ params: ['Name'], required: [] }];
const CMDLETS: Readonly<Record<string, readonly ParameterSet[]>> = {
  'Get-SCOMResourcePool': [
    { params: ['DisplayName'], required: ['DisplayName'] },
    { params: ['Name'], required: ['Name'] },
  ],
  'Set-SCOMResourcePool': [
    { params: ['ResourcePool', 'Member', 'Action', 'PassThru'], required: ['ResourcePool', 'Member', 'Action'], piped: 'ResourcePool' },
    { params: ['ResourcePool', 'Observer', 'Action', 'PassThru'], required: ['ResourcePool', 'Observer'], piped: 'ResourcePool' },
    { params: ['ResourcePool', 'EnableAutomaticMembership', 'PassThru'], required: ['ResourcePool', 'EnableAutomaticMembership'], piped: 'ResourcePool' },
  ],
  'Set-SCOMParentManagementServer': [
    { params: ['Agent', 'PrimaryServer', 'PassThru'], required: ['Agent', 'PrimaryServer'], piped: 'Agent' },
    { params: ['Agent', 'FailoverServer', 'PassThru'], required: ['Agent', 'FailoverServer'], piped: 'Agent' },
    { params: ['GatewayServer', 'PrimaryServer', 'PassThru'], required: ['GatewayServer', 'PrimaryServer'], piped: 'GatewayServer' },
    { params: ['GatewayServer', 'FailoverServer', 'PassThru'], required: ['GatewayServer', 'FailoverServer'], piped: 'GatewayServer' },
  ],
  'Get-SCOMManagementServer': SERVER_BY_NAME,
  'Get-SCOMGatewayManagementServer': SERVER_BY_NAME,
  'Get-SCOMAgent': SERVER_BY_NAME,
};

const psParser = new Parser();
psParser.setLanguage(PowerShell as unknown as Parser.Language);

/** The nodes of a type under `node`; with `own`, not those inside another command nested in it. */
function descendants(node: Parser.SyntaxNode, type: string, own = false): Parser.SyntaxNode[] {
  const out: Parser.SyntaxNode[] = [];
  const walk = (n: Parser.SyntaxNode): void => {
    if (n.type === type) out.push(n);
    for (const c of n.children) if (!(own && c.type === 'command')) walk(c);
  };
  walk(node);
  return out;
}

/**
 * The PowerShell in a sentence: from an OperationsManager cmdlet (or `$x = ` before it) to where the
 * prose takes over: a bracket it did not open, or, outside brackets and quotes, a backtick, a full
 * stop (not one of `...`, a placeholder), or a lower-case word (`, and list it`, `$false and list`),
 * which no command here holds.
 */
function commandsIn(text: string): string[] {
  const out: string[] = [];
  const start = /(?:\$\w+ = )?(?:Get|Set)-SCOM\w+/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(text))) {
    let depth = 0;
    let quote = '';
    let i = m.index;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '(' || c === '{') depth++;
      else if (c === ')' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (
        depth === 0 &&
        (c === '`' || (c === '.' && text[i - 1] !== '.' && /^\.(\s|$)/.test(text.slice(i, i + 2))) || /^,? [a-z]+\b/.test(text.slice(i)))
      )
        break;
    }
    out.push(text.slice(m.index, i).trim());
    start.lastIndex = i;
  }
  return out;
}

/** What is wrong with one printed command line, if anything; each cmdlet's parameters used go into `used`. */
function problemsOf(command: string, used: Set<string>): string[] {
  const tree = psParser.parse(command);
  if (tree.rootNode.hasError) return [`does not parse: ${command}`];
  const problems: string[] = [];
  for (const node of descendants(tree.rootNode, 'command')) {
    const name = node.childForFieldName('command_name')?.text ?? '';
    if (!/-SCOM/i.test(name)) continue;
    const sets = CMDLETS[name];
    if (!sets) {
      problems.push(`${name} is not a cmdlet this test knows: ${command}`);
      continue;
    }
    const params = descendants(node, 'command_parameter', true).map((p) => p.text.replace(/^-/, ''));
    for (const p of params) used.add(`${name} -${p}`);
    // Piped into when something comes before it in its pipeline.
    const piped = node.parent?.type === 'pipeline_chain' && node.parent.firstNamedChild !== node;
    const fits = sets.some((s) => params.every((p) => s.params.includes(p)) && s.required.every((r) => params.includes(r) || (piped && s.piped === r)));
    if (!fits) problems.push(`${name} ${params.map((p) => `-${p}`).join(' ')} fits none of its parameter sets${piped ? ' (piped into)' : ''}: ${command}`);
    // A name in double quotes must hold nothing PowerShell expands ($, a backtick).
    for (const s of descendants(node, 'expandable_string_literal', true))
      if (/[$`]/.test(s.text.slice(1, -1))) problems.push(`${name} gets ${s.text}, which PowerShell expands: ${command}`);
  }
  return problems;
}

describe('every PowerShell command SCOM prints', () => {
  const used = new Set<string>();

  it('finds commands in prose as far as the prose, and tells a wrong parameter set from a right one', () => {
    expect(
      commandsIn('make it manual (Get-SCOMResourcePool -DisplayName "A", "B" | Set-SCOMResourcePool -EnableAutomaticMembership $false) with one site'),
    ).toEqual(['Get-SCOMResourcePool -DisplayName "A", "B" | Set-SCOMResourcePool -EnableAutomaticMembership $false']);
    expect(
      commandsIn(
        'give it one: Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name "gw01") -FailoverServer (Get-SCOMManagementServer -Name SERVER), and list it.',
      ),
    ).toEqual([
      'Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name "gw01") -FailoverServer (Get-SCOMManagementServer -Name SERVER)',
    ]);
    const none = new Set<string>();
    expect(
      problemsOf('Get-SCOMResourcePool -DisplayName "P" | Set-SCOMResourcePool -Member (Get-SCOMManagementServer -Name "ms01") -Action Remove', none),
    ).toEqual([]);
    expect(problemsOf('Set-SCOMResourcePool -Member (Get-SCOMManagementServer -Name "ms01") -Action Remove', none)).toHaveLength(1);
    expect(problemsOf('Get-SCOMResourcePool -DisplayName "P" | Set-SCOMResourcePool -UseDefaultObserver $false', none)).toHaveLength(1);
    expect(
      problemsOf(
        'Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name "gw$(x)") -FailoverServer (Get-SCOMManagementServer -Name SERVER)',
        none,
      ),
    ).toHaveLength(1);
  });

  it('in the rules: remediations, every message template, and the findings on the examples, the fixtures and hostile names', async () => {
    const problems: string[] = [];
    const check = (where: string, text: string) => {
      for (const c of commandsIn(text)) for (const p of problemsOf(c, used)) problems.push(`${where}: ${p}`);
    };
    for (const rule of SCOM_RULES) {
      for (const m of `${rule.meta.rationale} ${rule.meta.remediation}`.matchAll(/`([^`]*SCOM[^`]*)`/g))
        check(`${rule.meta.id} rationale or remediation`, m[1]!);
      for (const [id, template] of Object.entries(rule.meta.messages)) {
        // A placeholder in quotes stands for a name; elsewhere for a quoted name, or a whole command.
        check(`${rule.meta.id}/${id}`, template.replace(/"\{\{\w+\}\}"/g, '"X"').replace(/\{\{\w+\}\}/g, '"X"'));
      }
    }
    const files = [
      ...readdirSync(path.join(ROOT, 'examples'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(ROOT, 'examples', f)),
      ...readdirSync(path.join(ROOT, 'test/fixtures/rules'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(ROOT, 'test/fixtures/rules', f)),
    ];
    const texts = files.map((f) => [path.relative(ROOT, f), readFileSync(f, 'utf8')] as const);
    texts.push(['hostile names', HOSTILE]);
    let findings = 0;
    for (const [file, text] of texts) {
      for (const f of (await lintText(text, file)).result.findings) {
        findings++;
        check(`${file} ${f.ruleId}`, f.message);
      }
    }
    expect(findings).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('in the plan: every change, for the examples and hostile names', async () => {
    const files = [
      'examples/gateway-pool-three.yaml',
      'examples/single-server.yaml',
      'examples/two-servers-agent-overload.yaml',
      'examples/stretched-two-sites.yaml',
      // New gateways given a failover server (Set-SCOMParentManagementServer -FailoverServer).
      'test/fixtures/rules/single-point-of-failure.fires.yaml',
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-ps-'));
    try {
      writeFileSync(path.join(dir, 'hostile.yaml'), HOSTILE);
      // A network pool's new server beside the automatic default pools: the plan makes them manual without it.
      writeFileSync(path.join(dir, 'network.yaml'), NETWORK_BESIDE_AUTOMATIC);
      const runs = [
        ...files.map((f) => ['plan', f, '--target-failures', '2', '--format', 'json', '--no-config']),
        ['plan', path.join(dir, 'hostile.yaml'), '--target-failures', '2', '--format', 'json', '--no-config'],
        ['plan', path.join(dir, 'network.yaml'), '--target-failures', '2', '--format', 'json', '--no-config'],
      ];
      let commands = 0;
      const problems: string[] = [];
      for (const args of runs) {
        const out = JSON.parse((await runCli(args)).stdout) as { pools: { change?: { commands: string[] } }[] };
        for (const c of out.pools.flatMap((p) => p.change?.commands ?? []).filter((c) => !c.startsWith('#'))) {
          commands++;
          for (const p of problemsOf(c, used)) problems.push(`${args[1]} plan: ${p}`);
        }
      }
      expect(commands).toBeGreaterThan(3);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses these parameters and no others (PS-SCOM): a change to one is a change to this list, checked against the reference', () => {
    expect([...used].sort()).toEqual([
      'Get-SCOMGatewayManagementServer -Name',
      'Get-SCOMManagementServer -Name',
      'Get-SCOMResourcePool -DisplayName',
      'Set-SCOMParentManagementServer -Agent',
      'Set-SCOMParentManagementServer -FailoverServer',
      'Set-SCOMParentManagementServer -GatewayServer',
      'Set-SCOMParentManagementServer -PrimaryServer',
      'Set-SCOMResourcePool -Action',
      'Set-SCOMResourcePool -EnableAutomaticMembership',
      'Set-SCOMResourcePool -Member',
    ]);
  });
});

/** Names PowerShell would read as code inside double quotes: a server, a gateway and a pool. */
const HOSTILE = `version: 1
name: Hostile
managementServers:
  - {name: ms$(Stop-Computer), agents: 2900}
  - {name: ms02, agents: 2900}
gateways:
  - {name: gw$(Stop-Computer), reportsTo: [ms02]}
  - {name: gw\`02, reportsTo: [ms02, gw$(Stop-Computer)]}
  - {name: gw03, reportsTo: [ms02]}
pools:
  - {name: Pool $(Stop-Computer), members: [ms$(Stop-Computer)], defaultObserver: false}
  - {name: Gateway $env:X, members: [gw$(Stop-Computer), gw\`02, gw03]}
`;

const NETWORK_BESIDE_AUTOMATIC = `version: 1
name: Network beside automatic
managementServers: [{name: ms01}, {name: ms02}, {name: nm$(Stop-Computer)}, {name: nm02}]
pools:
  - {name: Network Pool, purpose: network, members: [nm$(Stop-Computer), nm02], workload: {networkDevices: 400}}
`;

describe('every PowerShell command Skype prints', () => {
  // A pool name is any name the format takes: a ';', a '#', a '$' or a space must not end or change the command.
  const names = ['pool-east; Stop-Computer -Force #', 'pool $env:COMPUTERNAME.contoso.com'];
  const design = (east: string, west: string) =>
    `version: 1\nkind: skype-pool-pair\nname: t\npools:\n  - {name: ${JSON.stringify(east)}, frontEnds: [fe01, fe02, fe03], poolState: FailedOver, users: 100}\n  - {name: ${JSON.stringify(west)}, frontEnds: [fe11, fe12, fe13], users: 100, maxUsers: 150}\npairs:\n  - [${JSON.stringify(east)}, ${JSON.stringify(west)}]\n`;

  /** Each -PoolFqdn's (or `parameter`'s) argument in one command line, as PowerShell reads it; undefined where the line is not one command. */
  function poolArguments(command: string, parameter = '-PoolFqdn'): string[] | undefined {
    const tree = psParser.parse(command);
    const commands = descendants(tree.rootNode, 'command');
    if (tree.rootNode.hasError || commands.length !== 1 || tree.rootNode.text.trim() !== commands[0]!.text.trim()) return undefined;
    const out: string[] = [];
    const parts = commands[0]!.namedChildren
      .flatMap((c) => (c.type === 'command_elements' ? c.namedChildren : [c]))
      .filter((c) => c.type !== 'command_argument_sep');
    for (const [i, p] of parts.entries()) {
      if (p.type !== 'command_parameter' || p.text !== parameter) continue;
      const arg = parts[i + 1]!;
      // A bare word, or a string PowerShell does not expand: the name exactly.
      if (arg.type === 'generic_token') out.push(arg.text);
      else if (/^'.*'$/s.test(arg.text)) out.push(arg.text.slice(1, -1).replace(/''/g, "'"));
      else if (/^".*"$/s.test(arg.text) && !/[$`]/.test(arg.text)) out.push(arg.text.slice(1, -1));
      else out.push(`(${arg.type}) ${arg.text}`);
    }
    return out;
  }

  it('names a pool as one argument, whatever the name holds, in the findings and in simulate', async () => {
    const [east, west] = names as [string, string];
    const commands: string[] = [];
    for (const f of (await lintText(design(east, west), 'pair.yaml')).result.findings)
      for (const m of f.message.matchAll(/`([^`]*-PoolFqdn[^`]*)`/g)) commands.push(m[1]!);
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-ps-skype-'));
    try {
      writeFileSync(path.join(dir, 'pair.yaml'), design(east, west));
      const run = await runCli(['simulate', 'pair.yaml', '--down', west, '--format', 'json', '--no-config'], { cwd: dir });
      for (const m of run.stdout.matchAll(/"([^"\\]*(?:\\.[^"\\]*)*-PoolFqdn(?:[^"\\]|\\.)*)"/g)) commands.push(JSON.parse(`"${m[1]!}"`) as string);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const c of commands) expect({ c, pools: poolArguments(c) }).toEqual({ c, pools: expect.arrayContaining([expect.stringMatching(/^pool/)]) });
    for (const c of commands) for (const p of poolArguments(c) ?? []) expect(names, c).toContain(p);
  });

  it("names a pool's registrar configuration as one -Identity argument, whatever the name holds", async () => {
    const [east, west] = names as [string, string];
    const unpaired = `version: 1\nkind: skype-pool-pair\nname: t\npools:\n  - {name: ${JSON.stringify(east)}, frontEnds: [fe01], poolState: FailedOver}\n`;
    const customised = `${design(east, west)}registrarSettingsCustomized: true\n`;
    const commands: string[] = [];
    for (const text of [unpaired, customised])
      for (const f of (await lintText(text, 'pair.yaml')).result.findings) for (const m of f.message.matchAll(/`([^`]*-Identity[^`]*)`/g)) commands.push(m[1]!);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const c of commands) expect(poolArguments(c, '-Identity'), c).toEqual([`service:Registrar:${east}`]);
    // A DNS name stays bare, as the cmdlet reference writes it.
    const plain = (await lintText(unpaired.replace(JSON.stringify(east), 'pool-a.contoso.com'), 'pair.yaml')).result.findings[0]!.message;
    expect(plain).toContain('`Get-CsRegistrarConfiguration -Identity service:Registrar:pool-a.contoso.com`');
  });
});
