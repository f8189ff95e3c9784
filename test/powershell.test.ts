import { describe, expect, it } from 'vitest';
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
