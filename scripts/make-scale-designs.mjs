#!/usr/bin/env node
// Writes the two designs the report is checked at a real size with (issue 25): Globex's 40
// management servers in four data centres and seven pools (examples/), and a 4,000-server group
// (test/fixtures/scale/, kept out of `validate examples`, whose every file the browser test renders
// with axe: one design that size there would outweigh all the others). Run it after changing either.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

function forty() {
  const sites = [
    ['nyc', 'dc-new-york'],
    ['chi', 'dc-chicago'],
    ['dfw', 'dc-dallas'],
    ['sjc', 'dc-san-jose'],
  ];
  const lines = [
    '# yaml-language-server: $schema=../schemas/topology.schema.json',
    '# Globex: 40 management servers in four data centres, the operational database in New York, four pools of its own beside the three default ones.',
    '# Written by scripts/make-scale-designs.mjs; the report must list every server under its full name and stay readable.',
    'version: 1',
    'kind: scom',
    'name: Globex North America',
    'scomVersion: "2022"',
    '',
    'dataCenters:',
    ...sites.map(([, dc]) => `  - name: ${dc}`),
    '',
    'latency:',
    '  - {between: [dc-new-york, dc-chicago], ms: 18}',
    '  - {between: [dc-new-york, dc-dallas], ms: 34}',
    '  - {between: [dc-new-york, dc-san-jose], ms: 68}',
    '  - {between: [dc-chicago, dc-dallas], ms: 21}',
    '  - {between: [dc-chicago, dc-san-jose], ms: 52}',
    '  - {between: [dc-dallas, dc-san-jose], ms: 39}',
    '',
    'databases:',
    '  operational:',
    '    server: globex-nyc-scomsql01.corp.globex.example',
    '    dataCenter: dc-new-york',
    '    availability: 0.9995',
    '',
    'managementServers:',
  ];
  const name = (site, i) => `globex-${site}-scom-ms${String(i).padStart(2, '0')}.corp.globex.example`;
  for (const [site, dc] of sites) {
    for (let i = 1; i <= 10; i++)
      lines.push(`  - {name: ${name(site, i)}, dataCenter: ${dc}, agents: ${i <= 6 ? 100 + ((i * 37) % 90) : 0}, availability: 0.995}`);
  }
  const members = (site, from, to) => `[${Array.from({ length: to - from + 1 }, (_, k) => name(site, from + k)).join(', ')}]`;
  lines.push(
    '',
    'pools:',
    "  # The default pools keep New York's general-purpose servers, by hand.",
    ...['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool'].flatMap((p) => [
      `  - name: ${p}`,
      '    membership: manual',
      `    members: ${members('nyc', 1, 5)}`,
    ]),
    '  - name: Chicago Network Monitoring Pool',
    '    createdWith: powershell',
    '    purpose: network',
    `    members: ${members('chi', 7, 10)}`,
    '    workload: {networkDevices: 900}',
    '  - name: Dallas UNIX Linux Pool',
    '    createdWith: powershell',
    '    purpose: unix-linux',
    `    members: ${members('dfw', 7, 9)}`,
    '    workload: {unixLinuxAgents: 1450}',
    '  - name: San Jose URL Monitoring Pool',
    '    createdWith: powershell',
    '    purpose: url',
    `    members: ${members('sjc', 7, 9)}`,
    '    workload: {urls: 2400}',
    '  - name: New York UNIX Linux Pool',
    '    createdWith: powershell',
    '    purpose: unix-linux',
    `    members: ${members('nyc', 7, 9)}`,
    '    workload: {unixLinuxAgents: 1200}',
  );
  return lines.join('\n') + '\n';
}

function fourThousand() {
  // 8 sites; 50 management servers and 450 gateways in each, every gateway reporting to two of its site's servers.
  const sites = Array.from({ length: 8 }, (_, i) => `dc-region-${String(i + 1).padStart(2, '0')}`);
  const lines = [
    '# A 4,000-server management group: 400 management servers and 3,600 gateways in eight data centres, a pool per site and a network pool.',
    '# Written by scripts/make-scale-designs.mjs: the report at this size must hold (under 1 s, under 5 MB).',
    'version: 1',
    'kind: scom',
    'name: Initech Global Monitoring',
    'scomVersion: "2022"',
    'dataCenters:',
    ...sites.map((s) => `  - {name: ${s}, availability: 0.9999}`),
    'latency:',
    ...sites.slice(1).map((s) => `  - {between: [${sites[0]}, ${s}], ms: 4}`),
    'databases:',
    `  operational: {server: initech-scomsql-01.ops.initech.example, dataCenter: ${sites[0]}, availability: 0.9995}`,
    'managementServers:',
  ];
  const ms = (s, i) => `initech-r${String(s + 1).padStart(2, '0')}-ms${String(i).padStart(3, '0')}.ops.initech.example`;
  const gw = (s, i) => `initech-r${String(s + 1).padStart(2, '0')}-gw${String(i).padStart(4, '0')}.dmz.initech.example`;
  sites.forEach((dc, s) => {
    for (let i = 1; i <= 50; i++) lines.push(`  - {name: ${ms(s, i)}, dataCenter: ${dc}, agents: ${40 + ((i * 7) % 30)}, availability: 0.995}`);
  });
  lines.push('gateways:');
  sites.forEach((dc, s) => {
    for (let i = 1; i <= 450; i++)
      lines.push(
        `  - {name: ${gw(s, i)}, dataCenter: ${dc}, agents: ${10 + (i % 20)}, availability: 0.99, managementServers: [${ms(s, 1 + (i % 50))}, ${ms(s, 1 + ((i + 1) % 50))}]}`,
      );
  });
  lines.push('pools:');
  for (const p of ['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool']) {
    lines.push(`  - name: ${p}`, '    membership: manual', `    members: [${Array.from({ length: 5 }, (_, i) => ms(0, i + 1)).join(', ')}]`);
  }
  sites.forEach((dc, s) =>
    lines.push(
      `  - name: Region ${s + 1} Gateway Pool`,
      '    createdWith: powershell',
      `    members: [${Array.from({ length: 3 }, (_, i) => gw(s, i + 1)).join(', ')}]`,
    ),
  );
  lines.push(
    '  - name: Network Monitoring Pool',
    '    createdWith: powershell',
    '    purpose: network',
    `    members: [${Array.from({ length: 3 }, (_, i) => ms(1, 10 + i)).join(', ')}]`,
    '    workload: {networkDevices: 800}',
  );
  return lines.join('\n') + '\n';
}

writeFileSync(path.join(root, 'examples/globex-forty-servers.yaml'), forty());
mkdirSync(path.join(root, 'test/fixtures/scale'), { recursive: true });
writeFileSync(path.join(root, 'test/fixtures/scale/four-thousand-servers.yaml'), fourThousand());
