/**
 * The report in a real browser (Debian's Chromium through playwright-core): every example renders
 * without console errors or network requests, with a sized SVG diagram, in light and dark schemes
 * and printed on A4 and Letter. Screenshots and PDFs go to test/output/ for a person to look at.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOutcomes } from '../src/index.js';
import { describeRule } from '../src/rules/descriptors.js';
import { RULES } from '../src/rules/index.js';
import { buildReportView } from '../src/report/view-model.js';
import { renderReport } from '../src/report/render.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';
import { launchChromium } from './support/browser.js';
import { ROOT } from './support/run-cli.js';

const OUT = path.join(ROOT, 'test/output');
const EXAMPLES = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort();
/** Printed and seen in the dark scheme too: the largest design and a gateway design. */
const IN_DEPTH = new Set(['stretched-two-sites.yaml', 'gateway-pool-three.yaml', 'skype-paired-enterprise.yaml', 'opcon-automatic-replicated.yaml']);
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => { await browser?.close(); });

describe('report in Chromium', () => {
  it.each(EXAMPLES)('%s', async (example) => {
    const [outcome] = await validateOutcomes([`examples/${example}`], { cwd: ROOT });
    const html = await renderReport(await buildReportView(outcome!, { rules: RULES.map((r) => describeRule(r)), settings: DEFAULT_SETTINGS, failOn: 'error', version: 'test' }));
    const file = path.join(OUT, example.replace(/\.yaml$/, '.html'));
    writeFileSync(file, html);
    for (const scheme of IN_DEPTH.has(example) ? (['light', 'dark'] as const) : (['light'] as const)) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: scheme });
      const problems: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => { if (r.url() !== `file://${file}`) problems.push(`request: ${r.url()}`); });
      await page.goto(`file://${file}`);
      const svg = await page.locator('svg.topology-svg').boundingBox();
      expect(svg, 'the diagram is drawn').not.toBeNull();
      expect(svg!.width).toBeGreaterThan(300);
      expect(svg!.height).toBeGreaterThan(150);
      expect(await page.locator('svg.topology-svg title').textContent()).toMatch(/^(Topology|Pools|Failover) of /);
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
    await phone.close();
  }, 60_000);
});
