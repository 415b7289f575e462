// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { buildSync } from 'esbuild';

/** resignal's own ESLint plugin, bundled from source so that lint needs no build (docs/eslint-rule.md). */
const resignalPluginFile = `${import.meta.dirname}/node_modules/.cache/resignal/eslint-plugin.mjs`;
buildSync({ entryPoints: [`${import.meta.dirname}/eslint-plugin/index.ts`], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: resignalPluginFile, logLevel: 'warning' });
const { default: resignal } = await import(resignalPluginFile);

/** Import directions of DESIGN.md, enforced per folder. */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  {
    ignores: ['compat-tests/.converted/**', 'dist/**', 'node_modules/**', 'data/**', '**/__testfixtures__/**', 'test-output/**', 'bench/results/**', 'coverage/**', 'eslint-plugin/__fixtures__/legacy/**', 'examples/**'],
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
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', globalThis: 'readonly', module: 'writable', require: 'readonly' },
    },
  },
  {
    // Compat scenarios are legacy Signaling code: the legacy SDK's globals are provided by the harness.
    files: ['compat-tests/scenarios/**'],
    languageOptions: {
      globals: {
        Signal: 'readonly',
        AgoraAPI: 'readonly',
        AgoraRTM: 'readonly',
        SIGNALING_SDK_VERSION: 'readonly',
        LOGIN_STATE_NOT_LOGIN: 'readonly',
        LOGIN_STATE_LOGINING: 'readonly',
        LOGIN_STATE_LOGINED: 'readonly',
        LOGIN_STATE_RECONNECTING: 'readonly',
      },
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
  {
    files: ['eslint-plugin/**'],
    ignores: ['eslint-plugin/**/*.test.ts', 'eslint-plugin/__fixtures__/**'],
    rules: forbid(['**/rtm/**', '**/shim/!(api-map|api-map.js)', 'ws', 'better-sqlite3'], 'The ESLint rule reads the API map and the codemod only; it never imports runtime code (DESIGN.md).'),
  },
  {
    // The rule keeps the migrated fixtures free of the legacy API; the legacy ones are checked by eslint-plugin/fixtures.test.ts.
    files: ['eslint-plugin/__fixtures__/clean/**'],
    plugins: { resignal },
    rules: { 'resignal/no-legacy-signaling': 'error' },
  },
);
