import { describe, expect, it } from 'vitest';
import { SCOM_RULES } from '../src/kinds/scom/rules/index.js';
import { powerShellString } from '../src/util/powershell.js';

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
