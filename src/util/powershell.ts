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

/**
 * A name as one PowerShell argument: bare where it is a DNS name starting with a letter (a pool's
 * FQDN, as the cmdlet references write it), else a string literal (powerShellString): a `;`, `#`,
 * space or `$` in a bare word would end the command or change the name.
 */
export function powerShellArgument(text: string): string {
  return /^[A-Za-z][A-Za-z0-9.-]*$/.test(text) ? text : powerShellString(text);
}

/**
 * A pool's registrar configuration as `-Identity`'s one argument: `service:Registrar:FQDN` bare, as
 * the cmdlet references write it, where the pool's name is a DNS name; else the whole identity as a
 * string literal (powerShellArgument says why).
 */
export function registrarIdentityArgument(pool: string): string {
  const identity = `service:Registrar:${pool}`;
  return powerShellArgument(pool) === pool ? identity : powerShellString(identity);
}
