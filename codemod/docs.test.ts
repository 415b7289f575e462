import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIFFERENCES } from './differences.js';
import { transformSource } from './transform-file.js';

const DOC = readFileSync(join(resolve(import.meta.dirname, '..'), 'docs', 'codemod.md'), 'utf8');
const EXAMPLE = /<!-- example: ([\w-]+) -->\s*Before:\s*```(\w+)\n([\s\S]*?)```\s*After:\s*```\w+\n([\s\S]*?)```/g;
const examples = [...DOC.matchAll(EXAMPLE)].map((match) => ({ name: match[1]!, lang: match[2]!, before: match[3]!, after: match[4]! }));

describe('docs/codemod.md', () => {
  test('has a before/after example per API family', () => {
    expect(examples.map((example) => example.name)).toEqual(
      expect.arrayContaining(['session-lifecycle', 'imports', 'peer-messages', 'channels', 'channel-attributes', 'invoke', 'invitations', 'todo-jsx']),
    );
  });

  test.each(examples.map((example) => [example.name, example] as const))('example %s is what the codemod produces', (_name, example) => {
    const result = transformSource(`example.${example.lang}`, example.before, { rtmModule: 'resignal', noPreserve: new Set() });
    expect(result.error).toBeUndefined();
    expect(result.output.trimEnd()).toBe(example.after.trimEnd());
  });

  test('documents every option, difference and exit code', () => {
    for (const option of ['--dry', '--print', '--json', '--extensions', '--ignore', '--rtm-module', '--no-preserve', '--allow-dirty']) expect(DOC).toContain(`\`${option}`);
    for (const difference of Object.keys(DIFFERENCES)) expect(DOC).toContain(`\`${difference}\``);
    for (const code of ['`0`', '`1`', '`2`', '`3`']) expect(DOC).toContain(`| ${code} |`);
  });
});
