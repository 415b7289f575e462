/*
 * docs/eslint-rule.md documents every rule of the plugin with the required sections, lists every option, and
 * its examples behave as marked: each `// SIG_…` comment of the incorrect block is a report with that ID on
 * that line, and the correct block reports nothing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, test } from 'vitest';
import plugin from '../../eslint-plugin/index.js';
import { codeBlocks } from './markdown.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'eslint-rule.md'), 'utf8');
const blocks = codeBlocks(DOC);

function reports(code: string): { line: number; id: string }[] {
  const linter = new Linter();
  const config = { files: ['**/*.js'], plugins: { resignal: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] }, rules: { 'resignal/no-legacy-signaling': 'error' as const } };
  return linter.verify(code, [config], 'example.js').map((message) => ({ line: message.line, id: /\((SIG_\w+)\)/.exec(message.message)?.[1] ?? message.message }));
}

describe('docs/eslint-rule.md', () => {
  test('documents every rule with the required sections', () => {
    for (const name of Object.keys(plugin.rules)) expect(DOC).toContain(`# ESLint rule: \`resignal/${name}\``);
    for (const section of ['## How to enable', '## What it reports', '## Options', '## Examples', '## Suggestions']) expect(DOC).toContain(section);
  });

  test('lists every option of the rule', () => {
    const schema = plugin.rules['no-legacy-signaling'].meta.schema as readonly { properties: Record<string, unknown> }[];
    for (const option of Object.keys(schema[0]?.properties ?? {})) expect(DOC).toContain(`| \`${option}\` |`);
  });

  test('the incorrect example reports exactly the IDs it marks, on their lines', () => {
    const incorrect = blocks.filter((block) => block.flags.has('incorrect'));
    expect(incorrect.length).toBeGreaterThan(0);
    for (const block of incorrect) {
      const marked = block.code.split('\n').flatMap((text, index) => [...text.matchAll(/\/\/.*?\b(SIG_\w+)/g)].map((match) => ({ line: index + 1, id: match[1]! })));
      expect(reports(block.code)).toEqual(expect.arrayContaining(marked));
      expect(reports(block.code)).toHaveLength(marked.length);
    }
  });

  test('the correct example reports nothing', () => {
    const correct = blocks.filter((block) => block.flags.has('correct'));
    expect(correct.length).toBeGreaterThan(0);
    for (const block of correct) expect(reports(block.code)).toEqual([]);
  });
});
