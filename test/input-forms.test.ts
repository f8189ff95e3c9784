/**
 * Input as Windows administrators write it (FORMAT.md, issue 25): UTF-16 with a byte-order mark,
 * Microsoft's "2012 R2", a year as a number, `kind` in any case, ping's "<1 ms", unit symbols in any
 * case, and a Skype or OpCon file without `kind` told which kind to add.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import { validate } from '../src/api/validate.js';
import { decodeText } from '../src/io/files/read.js';

const scom = (extra: string) =>
  `version: 1\nname: X\n${extra}managementServers:\n  - {name: ms01, dataCenter: a}\n  - {name: ms02, dataCenter: b}\ndataCenters: [{name: a}, {name: b}]\n`;

describe('input as Windows users write it', () => {
  it('reads UTF-16 with a byte-order mark, little- or big-endian, as Windows PowerShell and Excel write it', async () => {
    const text = scom('');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le)).toEqual({ ok: true, text });
    expect(decodeText(be)).toEqual({ ok: true, text });
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-utf16-'));
    writeFileSync(path.join(dir, 'w.yaml'), le);
    const {
      files: [r],
    } = await validate([path.join(dir, 'w.yaml')]);
    expect(r!.findings.map((f) => f.ruleId)).not.toContain('yaml-syntax');
    expect(r!.pools).toHaveLength(3);
  });

  it('takes "2012 R2", a year as a number, and `kind` in any case', async () => {
    for (const [extra, version] of [
      ['scomVersion: "2012 R2"\n', '2012R2'],
      ['scomVersion: 2019\n', '2019'],
      ['kind: SCOM\n', '2022'],
      ['kind: Scom\nscomVersion: 2016\n', '2016'],
    ] as const) {
      const { result, topology } = await lintText(scom(extra), 'v.yaml');
      expect(
        result.findings.filter((f) => f.ruleId === 'schema'),
        extra,
      ).toEqual([]);
      expect(topology!.scomVersion).toBe(version);
    }
  });

  it('reads ping\'s "<1 ms" as 1 ms and "12 MS" or "12 Ms" as milliseconds', async () => {
    for (const [ms, expected] of [
      ['"<1 ms"', 1],
      ['"12 MS"', 12],
      ['"12 Ms"', 12],
      ['"0.5 S"', 500],
    ] as const) {
      const { result } = await lintText(scom(`latency: [{between: [a, b], ms: ${ms}}]\n`), 'l.yaml');
      expect(
        result.findings.filter((f) => f.ruleId === 'schema'),
        ms,
      ).toEqual([]);
      expect((result.pools[0] as { largestRoundTripMs: number }).largestRoundTripMs, ms).toBe(expected);
    }
  });

  it('tells a Skype or OpCon file without `kind` which kind to add, in one finding', async () => {
    const skype = await lintText('version: 1\nname: S\npools:\n  - name: p1.contoso.com\n    frontEnds: [fe1]\n', 's.yaml');
    expect(skype.result.findings.map((f) => [f.ruleId, f.messageId, f.data])).toEqual([['schema', 'missingKind', { kind: 'skype-pool-pair' }]]);
    const opcon = await lintText('version: 1\nname: O\nmachines:\n  - {name: a, mode: Primary}\n', 'o.yaml');
    expect(opcon.result.findings.map((f) => [f.ruleId, f.messageId, f.data])).toEqual([['schema', 'missingKind', { kind: 'opcon-failover' }]]);
  });
});
