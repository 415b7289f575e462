/** The codemod benchmark's tree: the share of legacy files is what the scenario claims, and nothing else looks legacy. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { mentionsLegacyApi } from '../../codemod/prefilter.js';
import { writeCodemodTree } from './codemod-tree.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'resignal-codemod-tree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes one legacy file in 50 and ordinary code without legacy names elsewhere', () => {
  const tree = writeCodemodTree(path.join(dir, 'a'), 500);
  const files = readdirSync(tree.root, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(tree.root, file))
    .filter((file) => path.extname(file) !== '');
  expect(files).toHaveLength(500);
  expect(tree.legacy.size).toBe(10);
  const flagged = files.filter((file) => mentionsLegacyApi(readFileSync(file, 'utf8')));
  expect(flagged.sort()).toEqual([...tree.legacy.keys()].sort());
  // Several fixtures, not one file ten times.
  expect(new Set([...tree.legacy.values()].map((text) => text.split('\n')[1])).size).toBeGreaterThan(5);
});

it('is deterministic', () => {
  const first = writeCodemodTree(path.join(dir, 'b'), 120);
  const second = writeCodemodTree(path.join(dir, 'c'), 120);
  const read = (root: string): string[] =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => path.extname(file) !== '')
      .sort()
      .map((file) => `${file}\n${readFileSync(path.join(root, file), 'utf8')}`);
  expect(read(second.root)).toEqual(read(first.root));
});
