import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderMarkdown } from './markdown.js';
import type { SuiteResult } from './types.js';

/** Writes `latest.json` and `latest.md` into `dir`; returns their paths. */
export async function writeResults(result: SuiteResult, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  const markdown = path.join(dir, 'latest.md');
  await writeFile(json, `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(markdown, `${renderMarkdown(result)}\n`);
  return [json, markdown];
}
