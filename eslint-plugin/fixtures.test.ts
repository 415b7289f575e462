/*
 * The rule through ESLint's own API, on whole files: every legacy fixture reports exactly the IDs its
 * `expected:` header lists, the clean fixtures report nothing, and the project's eslint.config.js applies
 * the rule to the clean fixtures (so `npm run lint` keeps them clean).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import plugin, { RULE_NAME } from './index.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(import.meta.dirname, '__fixtures__');
const RULE = `resignal/${RULE_NAME}`;

const filesIn = (folder: string): string[] => readdirSync(join(FIXTURES, folder)).map((name) => join(FIXTURES, folder, name));

function eslint(): ESLint {
  return new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.js', '**/*.mjs', '**/*.cjs'], plugins: { resignal: plugin as unknown as ESLint.Plugin }, rules: { [RULE]: 'error' } }],
  });
}

function expectedIds(file: string): string[] {
  const header = /\/\* expected: ([\w ]+) \*\//.exec(readFileSync(file, 'utf8'));
  if (!header?.[1]) throw new Error(`${relative(ROOT, file)} has no "/* expected: … */" header`);
  return header[1].split(' ').sort();
}

describe('no-legacy-signaling on the fixtures', () => {
  test.each(filesIn('legacy').map((file) => [relative(FIXTURES, file), file] as const))('%s reports the IDs of its header', async (_name, file) => {
    const [result] = await eslint().lintFiles([file]);
    const messages = result?.messages ?? [];
    expect(messages.every((message) => message.ruleId === RULE && message.message.includes('docs/api-map.md#'))).toBe(true);
    const ids = messages.map((message) => /\((SIG_\w+)\)/.exec(message.message)?.[1] ?? message.message);
    expect([...new Set(ids)].sort()).toEqual(expectedIds(file));
  });

  test.each(filesIn('clean').map((file) => [relative(FIXTURES, file), file] as const))('%s is clean', async (_name, file) => {
    const [result] = await eslint().lintFiles([file]);
    expect(result?.messages).toEqual([]);
  });

  test("the project's own lint applies the rule to the clean fixtures", async () => {
    const project = new ESLint({ cwd: ROOT });
    for (const file of filesIn('clean')) {
      const config = (await project.calculateConfigForFile(file)) as { rules?: Record<string, unknown> };
      expect(config.rules?.[RULE], relative(ROOT, file)).toEqual([2]);
    }
  });
});
