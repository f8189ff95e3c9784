/**
 * A name as a PowerShell string literal: in double quotes where nothing in it is special there, else
 * in single quotes, which expand nothing, with each single quote doubled. PowerShell reads the
 * typographic quotes as quotes too (about_Quoting_Rules), and `$` and the backtick inside double
 * quotes: a pool called `Web $env:X` or `“Core” servers` would otherwise become another name or
 * break the command. Single quotes of either kind are plain text inside double quotes.
 */
export function powerShellString(text: string): string {
  if (!/["`$\u201C\u201D\u201E]/.test(text)) return `"${text}"`;
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}
