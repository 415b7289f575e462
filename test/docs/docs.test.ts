/*
 * The docs site holds together: every relative link of docs/*.md and README.md resolves (file and #anchor,
 * GitHub's slug rules), every API-map ID has its section in docs/api-map.md, the generated pages are
 * current, docs/README.md links every page and the README links docs/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { API_MAP, docsAnchor } from '../../shim/api-map.js';
import { anchors, links } from './markdown.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DOCS = join(ROOT, 'docs');
const PAGES = readdirSync(DOCS).filter((name) => name.endsWith('.md')).sort();
const CHECKED = [...PAGES.map((name) => join(DOCS, name)), join(ROOT, 'README.md')];

const read = (file: string): string => readFileSync(file, 'utf8');
const anchorCache = new Map<string, Set<string>>();
const anchorsOf = (file: string): Set<string> => {
  let found = anchorCache.get(file);
  if (!found) anchorCache.set(file, (found = anchors(read(file))));
  return found;
};

/** What is wrong with one link of `file`, or undefined when it resolves. */
function problem(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const [pathPart = '', anchor] = target.split('#', 2);
  const path = decodeURIComponent(pathPart);
  const destination = path === '' ? file : resolve(dirname(file), path);
  if (!existsSync(destination)) return `${relative(ROOT, destination)} does not exist`;
  if (anchor === undefined || anchor === '' || !destination.endsWith('.md') || statSync(destination).isDirectory()) return undefined;
  return anchorsOf(destination).has(decodeURIComponent(anchor).toLowerCase()) ? undefined : `${relative(ROOT, destination)} has no heading #${anchor}`;
}

describe('docs', () => {
  test.each(CHECKED.map((file) => [relative(ROOT, file), file] as const))('every relative link of %s resolves', (_name, file) => {
    const broken = links(read(file))
      .map((link) => ({ ...link, problem: problem(file, link.target) }))
      .filter((link) => link.problem !== undefined)
      .map((link) => `${relative(ROOT, file)}:${link.line} (${link.target}): ${link.problem}`);
    expect(broken).toEqual([]);
  });

  test('every API-map ID has its section in docs/api-map.md', () => {
    const sections = anchorsOf(join(DOCS, 'api-map.md'));
    expect(API_MAP.map((entry) => entry.id).filter((id) => !sections.has(docsAnchor(id).slice(1)))).toEqual([]);
  });

  test('no generated page is stale (npm run docs:check)', () => {
    const run = spawnSync('npm', ['run', '--silent', 'docs:check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  });

  test('docs/README.md links every page of docs/', () => {
    const linked = new Set(links(read(join(DOCS, 'README.md'))).map((link) => link.target.split('#')[0]));
    expect(PAGES.filter((page) => page !== 'README.md' && !linked.has(page))).toEqual([]);
  });

  test('the README links docs/README.md', () => {
    const targets = links(read(join(ROOT, 'README.md'))).map((link) => link.target.split('#')[0]?.replace(/^\.\//, ''));
    expect(targets).toContain('docs/README.md');
  });
});
