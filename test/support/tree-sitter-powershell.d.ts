/** tree-sitter-powershell ships no types: its default export is the grammar tree-sitter's setLanguage takes. */
declare module 'tree-sitter-powershell' {
  const language: unknown;
  export default language;
}
