// The project lints itself (`npm run lint`, part of `npm test`): rules that catch defects (a promise
// nobody awaits, a variable never used, `==`, a switch that falls through), not style, which
// prettier's config (.prettierrc.json) owns. Type-aware rules run on src/, where they are
// affordable; tests, tools and scripts get the rules that need no types.
import './tools/lint/typescript-api.mjs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const DEFECTS = {
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'no-fallthrough': 'error',
  'no-self-compare': 'error',
  'no-unreachable-loop': 'error',
  'no-constructor-return': 'error',
  'no-unused-private-class-members': 'error',
  'array-callback-return': 'error',
  'no-constant-binary-expression': 'error',
};

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'src/**/generated/', 'test/fixtures/', 'examples/', 'coverage/', 'docs/', 'templates/', 'export/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...DEFECTS,
      // pooltopo matches control characters on purpose (to escape them in every output), and its
      // tests match aligned columns: these two would only ask for noise.
      'no-control-regex': 'off',
      'no-regex-spaces': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Style, not defects: the code's own habits decide these.
      '@typescript-eslint/no-explicit-any': 'off',
      'prefer-const': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/restrict-plus-operands': 'error',
    },
  },
  {
    // `c !== c` is the fast path's test for the end of the text (charCodeAt past it is NaN).
    files: ['src/io/yaml/fast-yaml.ts'],
    rules: { 'no-self-compare': 'off' },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
