/** Diagram labels fitted without a browser: estimated widths, where a name is cut, and right-to-left names. */
import { describe, expect, it } from 'vitest';
import { fitFirst, fitText, startsRightToLeft, textWidth, wrapText } from '../src/util/fit-text.js';

describe('fitText', () => {
  it('keeps a name that fits whole, without a tooltip', () => {
    expect(fitText('scom-ms01', 200, 13, true)).toEqual({ label: 'scom-ms01' });
  });

  it('drops the domain of a DNS name first, keeping the host that tells servers apart', () => {
    expect(fitText('scom-ms01.corp.contoso.example.com', 110, 13, true)).toEqual({ label: 'scom-ms01…', full: 'scom-ms01.corp.contoso.example.com' });
  });

  it('keeps both ends of a long name, where names of one design differ', () => {
    const names = ['scom-management-server-with-a-long-name-01', 'scom-management-server-with-a-long-name-02'];
    const [a, b] = names.map((n) => fitText(n, 150, 13, true));
    expect(a!.label).toMatch(/^scom-.*….*-01$/);
    expect(b!.label).toMatch(/-02$/);
    expect(a!.label).not.toBe(b!.label);
    for (const f of [a!, b!]) expect(textWidth(f.label, 13, true)).toBeLessThanOrEqual(150);
  });

  it('keeps the start of prose', () => {
    expect(fitText('service start type not given', 80, 11, false, 'start').label).toMatch(/^service .*…$/);
  });

  it('never splits a character: emoji sequences, combining marks and surrogate pairs stay whole', () => {
    for (const unit of ['👍🏽', '🇳🇱', 'e\u0301', '𝔘']) {
      const { label } = fitText(unit.repeat(40), 60, 13);
      const [head, tail] = label.split('…');
      expect(head!.length).toBeGreaterThan(0);
      for (const part of [head!, tail!]) expect(part.split(unit).every((rest) => rest === '')).toBe(true);
    }
  });

  it('measures invisible characters as the escapes the page shows for them', () => {
    expect(textWidth('ms\u202E01', 13)).toBeCloseTo(textWidth('ms\\u{202E}01', 13));
  });

  it('tells a right-to-left name by its first strong character', () => {
    expect(startsRightToLeft('خادم-01')).toBe(true);
    expect(startsRightToLeft('01-מרכז')).toBe(true);
    expect(startsRightToLeft('ms01-خادم')).toBe(false);
    expect(startsRightToLeft('01-02')).toBe(false);
    expect(fitText('خادم-الإدارة-الأول-للمراقبة-والتشغيل', 90, 13, true)).toMatchObject({ rtl: true });
  });
});

describe('fitFirst', () => {
  it('takes the first form that fits, and keeps the first in the tooltip when it takes another', () => {
    expect(fitFirst(['management server · 1,200 agents', '1,200 agents'], 300, 11)).toEqual({ label: 'management server · 1,200 agents' });
    expect(fitFirst(['management server · 1,200 agents', '1,200 agents'], 120, 11)).toEqual({
      label: '1,200 agents',
      full: 'management server · 1,200 agents',
    });
    expect(fitFirst(['management server · 1,200 agents', '1,200 agents'], 40, 11)).toMatchObject({
      label: expect.stringMatching(/^1,.*…$/),
      full: 'management server · 1,200 agents',
    });
  });
});

describe('wrapText', () => {
  it('keeps a name that fits on one line', () => {
    expect(wrapText('scom-ms01', 200, 13, true)).toEqual(['scom-ms01']);
  });

  it('wraps a long DNS name after its dots and hyphens, never cutting it: the lines joined are the name', () => {
    const name = 'globex-nyc-scom-ms01.corp.globex.example';
    const lines = wrapText(name, 260, 13, true);
    expect(lines).toEqual(['globex-nyc-scom-ms01.corp.', 'globex.example']);
    expect(lines.join('')).toBe(name);
    for (const line of lines) expect(textWidth(line, 13, true)).toBeLessThanOrEqual(260);
    expect(wrapText(name, 160, 13, true)).toEqual(['globex-nyc-scom-', 'ms01.corp.globex.', 'example']);
  });

  it('breaks between characters only where a name has no separator near enough (CJK, one long word)', () => {
    for (const name of ['WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', '管理服务器管理服务器管理服务器管理服务器', 'a-WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW']) {
      const lines = wrapText(name, 120, 13, true);
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.join('')).toBe(name);
      for (const line of lines) expect(textWidth(line, 13, true)).toBeLessThanOrEqual(120);
    }
    // A separator that would leave the line under half full is passed over: "a-" alone is not a line.
    expect(wrapText('a-WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', 120, 13, true)[0]).not.toBe('a-');
  });

  it('keeps a grapheme whole, and gives one line for a character wider than the room', () => {
    expect(wrapText('🇫🇷🇫🇷🇫🇷', 10, 13)).toEqual(['🇫🇷', '🇫🇷', '🇫🇷']);
    expect(wrapText('', 100, 13)).toEqual(['']);
  });
});
