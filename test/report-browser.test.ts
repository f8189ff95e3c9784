/**
 * The report in a real browser (Debian's Chromium through playwright-core): every example renders
 * without console errors or network requests, with a sized SVG diagram, in light and dark schemes
 * and printed on A4 and Letter. Screenshots and PDFs go to test/output/ for a person to look at.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOutcomes } from '../src/api/validate.js';
import { describeRule } from '../src/rules/descriptors.js';
import { RULES } from '../src/rules/index.js';
import { buildReportView } from '../src/report/view-model.js';
import { renderReport } from '../src/report/render.js';
import { DEFAULT_SETTINGS } from '../src/core/settings.js';
import { launchChromium } from './support/browser.js';
import { ROOT } from './support/run-cli.js';

const OUT = path.join(ROOT, 'test/output');
const EXAMPLES = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
/** Printed and seen in the dark scheme too: the largest design and a gateway design. */
const IN_DEPTH = new Set(['stretched-two-sites.yaml', 'gateway-pool-three.yaml', 'skype-paired-enterprise.yaml', 'opcon-automatic-replicated.yaml']);
let browser: Browser;
/** axe-core's script, injected into a page that bypasses the report's CSP (the report itself runs no script). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on a report, each as `rule-id: target (impact)`. */
async function axeViolations(file: string, scheme: 'light' | 'dark' = 'light'): Promise<string[]> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(`file://${file}`);
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate<{ id: string; impact: string; nodes: { target: string[] }[] }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  await context.close();
  return violations.flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(' ')} (${v.impact})`));
}

/**
 * Words and numbers the printed page splits between two lines ("50,00|0"), each as `token (line)`:
 * a break is allowed only after a hyphen, a slash or a backslash (a path), where any text breaks,
 * and after a DNS name's dot.
 */
const SPLIT_TOKENS = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('svg, .sr-only, style')) continue;
    for (const m of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size < 2) continue;
      let top = null;
      for (let i = 0; i < m[0].length; i++) {
        range.setStart(node, m.index + i); range.setEnd(node, m.index + i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        if (top !== null && Math.round(r.top) !== top && !'-/\\\\'.includes(m[0][i - 1]) && !(m[0][i - 1] === '.' && /[a-z]/i.test(m[0][i]))) { out.push(m[0].slice(0, i) + '|' + m[0].slice(i)); break; }
        top = Math.round(r.top);
      }
    }
  }
  return out;
})()`;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('report in Chromium', () => {
  it.each(EXAMPLES)(
    '%s',
    async (example) => {
      const [outcome] = await validateOutcomes([`examples/${example}`], { cwd: ROOT });
      const html = await renderReport(
        await buildReportView(outcome!, { rules: RULES.map((r) => describeRule(r)), settings: DEFAULT_SETTINGS, failOn: 'error', version: 'test' }),
      );
      const file = path.join(OUT, example.replace(/\.yaml$/, '.html'));
      writeFileSync(file, html);
      for (const scheme of IN_DEPTH.has(example) ? (['light', 'dark'] as const) : (['light'] as const)) {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: scheme });
        const problems: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('request', (r) => {
          if (r.url() !== `file://${file}`) problems.push(`request: ${r.url()}`);
        });
        await page.goto(`file://${file}`);
        const svg = await page.locator('svg.topology-svg').boundingBox();
        expect(svg, 'the diagram is drawn').not.toBeNull();
        expect(svg!.width).toBeGreaterThan(300);
        expect(svg!.height).toBeGreaterThan(150);
        expect(await page.locator('svg.topology-svg > title').textContent()).toMatch(/^(Topology|Pools|Failover) of /);
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.locator('h2').count()).toBeGreaterThanOrEqual(3);
        if (!example.startsWith('opcon-')) expect(await page.locator('table th[scope]').count()).toBeGreaterThan(0);
        // Nothing sticks out of the page sideways.
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1200);
        await page.screenshot({ path: path.join(OUT, `${example.replace(/\.yaml$/, '')}.${scheme}.png`), fullPage: true });
        if (scheme === 'light' && IN_DEPTH.has(example)) {
          for (const format of ['A4', 'Letter'] as const) {
            const pdf = await page.pdf({ format, printBackground: true });
            expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
            writeFileSync(path.join(OUT, `${example.replace(/\.yaml$/, '')}.${format}.pdf`), pdf);
          }
        }
        await page.close();
        expect(problems).toEqual([]);
      }
      // On a phone (360 px), the page does not scroll sideways: a wide table or diagram scrolls in its own box.
      const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await phone.goto(`file://${file}`);
      const wide = await phone.evaluate<string[]>(`[...document.querySelectorAll('body *')]
      .filter((e) => !e.closest('.table-scroll, .diagram, .sr-only') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => e.tagName + '.' + e.className)`);
      expect(wide).toEqual([]);
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      if (IN_DEPTH.has(example)) await phone.screenshot({ path: path.join(OUT, `${example.replace(/\.yaml$/, '')}.phone.png`), fullPage: true });
      // On paper (A4's width inside its margins is about 700 px), nothing is wider than the page:
      // a wider document makes Chromium print every page scaled down.
      await phone.emulateMedia({ media: 'print' });
      await phone.setViewportSize({ width: 700, height: 990 });
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth'), 'printed width').toBeLessThanOrEqual(700);
      // Printed, no word or number is split between two lines.
      expect(await phone.evaluate<string[]>(SPLIT_TOKENS), 'split when printed').toEqual([]);
      await phone.close();
      // No accessibility violation axe can find, in either scheme.
      expect(await axeViolations(file)).toEqual([]);
      if (IN_DEPTH.has(example)) expect(await axeViolations(file, 'dark')).toEqual([]);
    },
    60_000,
  );

  // The designs of issue 25 at a real size: 40 management servers in four sites and seven pools, and 4,000 servers.
  const SCALE: Record<string, string> = {
    'globex-forty-servers': 'examples/globex-forty-servers.yaml',
    'four-thousand-servers': 'test/fixtures/scale/four-thousand-servers.yaml',
  };
  /** The smallest text in the diagram as drawn, in CSS pixels: its font size times the SVG's scale on the page. */
  const SMALLEST_DIAGRAM_TEXT = `(() => {
    const svg = document.querySelector('svg.topology-svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
  })()`;
  it.each(Object.keys(SCALE))(
    'holds at a real size: %s',
    async (name) => {
      const [outcome] = await validateOutcomes([SCALE[name]!], { cwd: ROOT });
      const html = await renderReport(
        await buildReportView(outcome!, { rules: RULES.map((r) => describeRule(r)), settings: DEFAULT_SETTINGS, failOn: 'error', version: 'test' }),
      );
      const file = path.join(OUT, `${name}.html`);
      writeFileSync(file, html);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`file://${file}`);
      // At a desktop's width: the diagram's text at 10 px or more, nothing scrolls sideways, the what-if included.
      expect(await page.evaluate<number>(SMALLEST_DIAGRAM_TEXT)).toBeGreaterThanOrEqual(10);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
      const scrolling = await page.evaluate<string[]>(
        `[...document.querySelectorAll('#what-if .table-scroll, #what-if table, .diagram')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.className)`,
      );
      expect(scrolling).toEqual([]);
      // Every server in the servers table, under its full name.
      expect(await page.locator('table.servers tbody tr').count()).toBe(outcome!.topology!.managementServers.length + outcome!.topology!.gateways.length);
      await page.screenshot({ path: path.join(OUT, `${name}.1280.png`), fullPage: name !== 'four-thousand-servers' });
      // Printed on A4: the diagram's text at 7 pt (9.3 px) or more, nothing wider than the page, no token split.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 700, height: 990 });
      expect(await page.evaluate<number>(SMALLEST_DIAGRAM_TEXT), 'printed diagram text').toBeGreaterThanOrEqual(9.3);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth'), 'printed width').toBeLessThanOrEqual(700);
      if (name !== 'four-thousand-servers') expect(await page.evaluate<string[]>(SPLIT_TOKENS), 'split when printed').toEqual([]);
      await page.emulateMedia({ media: 'screen' });
      // The 4,000-server PDF is 700-odd pages, most of them the servers table: printed for the 40 only.
      if (name !== 'four-thousand-servers') {
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        writeFileSync(path.join(OUT, `${name}.A4.pdf`), pdf);
      }
      // On a phone: the page itself does not scroll sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(OUT, `${name}.390.png`) });
      await page.close();
      expect(await axeViolations(file)).toEqual([]);
    },
    300_000,
  );

  // Names far wider than their boxes, right-to-left and CJK ones among them, in each kind's diagram.
  const LONG = 'scom-management-server-with-a-very-long-name-01.corp.contoso.example.com';
  const ARABIC = 'خادم-الإدارة-الأول-للمراقبة-والتشغيل-في-مركز-البيانات';
  const CJK = '管理服务器管理服务器管理服务器管理服务器';
  const HEBREW = 'מרכז-הנתונים-הראשי-בתל-אביב-והמרכז';
  const LONG_NAMES: Record<string, string> = {
    scom: [
      'version: 1',
      'name: Long names',
      'dataCenters:',
      `  - name: ${LONG}-site`,
      `  - name: ${HEBREW}`,
      'databases:',
      `  operational: {server: sql-${LONG}, dataCenter: ${LONG}-site}`,
      'managementServers:',
      `  - {name: ${LONG}, dataCenter: ${LONG}-site, agents: 12345}`,
      `  - {name: ${ARABIC}, dataCenter: ${HEBREW}, agents: 1000}`,
      `  - {name: ${CJK}, dataCenter: ${HEBREW}}`,
      `  - {name: WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW, dataCenter: ${HEBREW}}`,
      'pools:',
      `  - {name: Extra, members: [${LONG}, ${CJK}]}`,
      '',
    ].join('\n'),
    skype: [
      'version: 1',
      'kind: skype-pool-pair',
      'name: Long',
      'pools:',
      `  - {name: pool-${LONG}, frontEnds: [${LONG}, ${ARABIC}, ${CJK}]}`,
      `  - {name: ${ARABIC}, frontEnds: [fe-${LONG}]}`,
      'pairs:',
      `  - [pool-${LONG}, ${ARABIC}]`,
      '',
    ].join('\n'),
    opcon: [
      'version: 1',
      'kind: opcon-failover',
      'name: Long',
      'machines:',
      `  - {name: ${LONG}, mode: Primary}`,
      `  - {name: ${ARABIC}, mode: Secondary}`,
      '',
    ].join('\n'),
  };
  it.each(Object.keys(LONG_NAMES))(
    'keeps long names inside their boxes (%s)',
    async (kind) => {
      const [outcome] = await validateOutcomes([{ file: `${kind}-long.yaml`, text: LONG_NAMES[kind]! }]);
      const html = await renderReport(
        await buildReportView(outcome!, { rules: RULES.map((r) => describeRule(r)), settings: DEFAULT_SETTINGS, failOn: 'error', version: 'test' }),
      );
      const file = path.join(OUT, `${kind}-long-names.html`);
      writeFileSync(file, html);
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(`file://${file}`);
      // For each drawn box or region: every text of its own ends inside its rectangle, and the text
      // on the badges' line (a SCOM server's sublabel, another kind's name) ends before the first badge.
      const besideBadges = kind === 'scom' ? 'box-sublabel' : 'box-label';
      const outside = await page.evaluate<string[]>(`[...document.querySelectorAll('svg.topology-svg g.box, svg.topology-svg g.region')].flatMap((g) => {
      const rect = g.querySelector(':scope > rect').getBBox();
      const badges = [...g.querySelectorAll(':scope > g.badge > rect')].map((b) => b.getBBox().x);
      return [...g.querySelectorAll(':scope > text')].filter((t) => {
        const box = t.getBBox();
        const limit = t.classList.contains('${besideBadges}') && badges.length ? Math.min(...badges) : rect.x + rect.width;
        return box.x < rect.x || box.x + box.width > limit || box.y < rect.y || box.y + box.height > rect.y + rect.height;
      }).map((t) => t.textContent);
    })`);
      expect(outside).toEqual([]);
      if (kind === 'scom') {
        // A SCOM server's name is drawn whole, in as many lines as it takes.
        const names = await page.locator('svg.topology-svg g.box > text.box-label').allTextContents();
        for (const name of [LONG, ARABIC, CJK, 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW']) expect(names).toContain(name);
        expect(await page.locator('svg.topology-svg g.box > text.box-label > tspan').count()).toBeGreaterThan(names.length);
      } else {
        // A cut name keeps its whole self in the box's tooltip.
        const tooltips = await page.locator('svg.topology-svg g title').allTextContents();
        expect(tooltips.some((t) => t.includes(LONG))).toBe(true);
        expect(tooltips.some((t) => t.includes(ARABIC))).toBe(true);
      }
      await page.screenshot({ path: path.join(OUT, `${kind}-long-names.png`), fullPage: true });
      await page.close();
    },
    60_000,
  );
});
