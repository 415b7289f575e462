import { readFile, writeFile } from 'node:fs/promises';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated block of docs/performance.md with `markdown`; false when the markers are missing. */
export async function updateDocs(file: string, markdown: string): Promise<boolean> {
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return false;
  await writeFile(file, `${text.slice(0, start + START.length)}\n\n${markdown.trim()}\n\n${text.slice(end)}`);
  return true;
}
