// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import directions of DESIGN.md, enforced per folder. */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'data/**', '**/__testfixtures__/**', 'test-output/**', 'bench/results/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', globalThis: 'readonly', module: 'writable', require: 'readonly' },
    },
  },
  {
    files: ['rtm/protocol/**'],
    rules: forbid(['**/rtm/client/**', '**/rtm/server/**', '**/shim/**', '**/codemod/**', 'ws', 'better-sqlite3'], 'rtm/protocol is pure: it imports nothing of ours and does no I/O.'),
  },
  {
    files: ['rtm/client/**'],
    rules: forbid(['**/rtm/server/**', '**/server/**', '**/shim/**', '**/codemod/**', 'better-sqlite3'], 'The client never imports the server (DESIGN.md).'),
  },
  {
    files: ['shim/**'],
    rules: forbid(['**/rtm/server/**', '**/rtm/protocol/**', '**/protocol/**', '**/codemod/**', 'better-sqlite3'], 'The shim only talks to the RTM client API (DESIGN.md).'),
  },
  {
    files: ['codemod/**'],
    ignores: ['codemod/**/*.test.ts'],
    rules: forbid(['**/rtm/**', '**/shim/!(api-map|api-map.js)', 'ws', 'better-sqlite3'], 'The codemod reads the API map only; it never imports runtime code (DESIGN.md).'),
  },
  {
    // Tests and tooling wire the parts together, so the import directions do not apply to them.
    files: ['**/*.test.ts', '**/test/**', '**/test-utils.ts', 'test/**', 'bench/**', 'scripts/**', 'compat-tests/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
