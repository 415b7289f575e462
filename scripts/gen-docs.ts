/**
 * Writes every generated doc. `--check` writes nothing and exits 1 when a doc is stale (for CI).
 * Run from the repository root (npm scripts do).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { apiMapDoc, type DocGenerator } from './gen-api-map-doc.js';
import { errorsDoc } from './gen-errors-doc.js';

// Add new generators here.
const GENERATORS: readonly DocGenerator[] = [apiMapDoc, errorsDoc];

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const check = process.argv.includes('--check');
let stale = 0;
for (const generator of GENERATORS) {
  const target = resolve(process.cwd(), generator.path);
  const text = generator.render();
  if (readOrEmpty(target) === text) {
    console.log(`unchanged ${generator.path}`);
  } else if (check) {
    stale += 1;
    console.error(`stale     ${generator.path} (run: npm run docs:gen)`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`wrote     ${generator.path}`);
  }
}
if (stale > 0) process.exitCode = 1;
