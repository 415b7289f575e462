import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { listFixtures, NEGATIVE_FIXTURES } from './test/fixtures.js';
import { transformSource } from './transform-file.js';

const update = process.env.UPDATE_FIXTURES === '1';

describe.each(listFixtures().map((fixture) => [`${fixture.name}.${fixture.ext}`, fixture] as const))('fixture %s', (_label, fixture) => {
  const input = readFileSync(fixture.inputPath, 'utf8');
  const first = transformSource(fixture.inputPath, input, fixture.options);

  test('matches the expected output', () => {
    expect(first.error).toBeUndefined();
    if (update) writeFileSync(fixture.outputPath, first.output);
    expect(existsSync(fixture.outputPath)).toBe(true);
    expect(first.output).toBe(readFileSync(fixture.outputPath, 'utf8'));
  });

  test('is idempotent: a second run changes nothing', () => {
    const second = transformSource(fixture.inputPath, first.output, fixture.options);
    expect(second.outcome === 'unchanged' || second.outcome === 'skipped').toBe(true);
    expect(second.output).toBe(first.output);
    const todos = (result: typeof first): string[] => result.sites.filter((site) => site.status === 'todo').map((site) => `${site.id}:${site.line}`);
    expect(todos(second)).toEqual(todos(first));
  });

  if (NEGATIVE_FIXTURES.has(fixture.name)) {
    test('leaves unrelated code byte-identical', () => {
      expect(first.output).toBe(input);
      expect(first.sites).toEqual([]);
    });
  }
});
