/**
 * `resignal/eslint-plugin`: keeps the legacy Signaling API out of a migrated codebase.
 *
 *   import resignal from 'resignal/eslint-plugin';
 *   export default [resignal.configs.recommended];
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { RULE_NAME, noLegacySignaling } from './rules/no-legacy-signaling.js';

export { RULE_NAME, noLegacySignaling, type RuleOptions } from './rules/no-legacy-signaling.js';

interface ResignalPlugin {
  readonly meta: { readonly name: string; readonly version: string };
  readonly rules: { readonly [RULE_NAME]: typeof noLegacySignaling };
  readonly configs: { readonly recommended: TSESLint.FlatConfig.Config };
}

const rules = { [RULE_NAME]: noLegacySignaling } as const;

const plugin: ResignalPlugin = {
  meta: { name: 'resignal/eslint-plugin', version: '0.1.0' },
  rules,
  configs: {
    recommended: {
      name: 'resignal/recommended',
      plugins: { resignal: { rules } as unknown as TSESLint.FlatConfig.Plugin },
      rules: { [`resignal/${RULE_NAME}`]: 'error' },
    },
  },
};

export default plugin;
