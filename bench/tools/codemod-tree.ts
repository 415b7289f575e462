/**
 * A generated source tree for the codemod benchmark: `files` files in nested folders, of which one in
 * `legacyEvery` uses the legacy Signaling API (the codemod's own input fixtures, each copy with its own
 * header and some ordinary code around it) and the rest is ordinary JS/TS without any legacy name.
 * Deterministic: the same sizes always give the same tree, byte for byte.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../rtm/server/web/package-root.js';

/** Negative fixtures (legacy-looking code that is not legacy) are not "files that use the legacy API". */
const NEGATIVE = new Set(['not-legacy-login', 'unrelated-signal']);
/** Extensions both tools pick up by default (jscodeshift does not read .vue or .html). */
const SHARED_EXTENSIONS = new Set(['.js', '.jsx', '.cjs', '.ts']);
const FILES_PER_FOLDER = 50;
const FOLDERS_PER_PACKAGE = 10;

export interface CodemodTree {
  readonly root: string;
  readonly files: number;
  /** The legacy files and their content, to put them back after a run rewrote them. */
  readonly legacy: ReadonlyMap<string, string>;
}

interface Fixture {
  readonly ext: string;
  readonly text: string;
}

function legacyFixtures(): Fixture[] {
  const folder = path.join(packageRoot(), 'codemod/__testfixtures__');
  return readdirSync(folder)
    .filter((name) => name.includes('.input.') && SHARED_EXTENSIONS.has(path.extname(name)) && !NEGATIVE.has(name.slice(0, name.indexOf('.'))))
    .sort()
    .map((name) => ({ ext: path.extname(name), text: readFileSync(path.join(folder, name), 'utf8') }));
}

/** A small seeded generator (mulberry32), so the tree does not depend on Math.random. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['order', 'invoice', 'cart', 'price', 'user', 'profile', 'item', 'route', 'query', 'token', 'cache', 'page', 'report', 'filter', 'record', 'layout'];
const VERBS = ['load', 'parse', 'format', 'build', 'merge', 'check', 'select', 'update', 'compute', 'normalize', 'render', 'resolve'];

type Pick = <T>(items: readonly T[]) => T;

function name(pick: Pick, index: number): string {
  const noun = pick(NOUNS);
  return `${pick(VERBS)}${noun[0]!.toUpperCase()}${noun.slice(1)}${index}`;
}

/** One ordinary function: a loop, a branch, a template string, an arrow callback. */
function plainFunction(pick: Pick, index: number, options: { typed: boolean; exported: boolean }): string {
  const fn = name(pick, index);
  const field = pick(NOUNS);
  const [items, limit, result] = options.typed ? ['items: Array<Record<string, number>>', 'limit = 10', ': number[]'] : ['items', 'limit = 10', ''];
  return `/**
 * ${fn}: picks the ${field} values above the limit, sorted.
 */
${options.exported ? 'export ' : ''}function ${fn}(${items}, ${limit})${result} {
  const values = [];
  for (const entry of items) {
    if (entry == null || typeof entry.${field} !== 'number') continue;
    if (entry.${field} > limit) values.push(entry.${field} * ${index % 7 + 1});
  }
  values.sort((a, b) => a - b);
  if (values.length === 0) {
    console.debug(\`${fn}: nothing above \${limit}\`);
  }
  return values;
}
`;
}

function plainClass(pick: Pick, index: number): string {
  const noun = pick(NOUNS);
  const type = `${noun[0]!.toUpperCase()}${noun.slice(1)}Store${index}`;
  return `interface ${type}Entry {
  id: string;
  ${noun}: number;
  updatedAt: Date;
}

export class ${type} {
  private readonly entries = new Map<string, ${type}Entry>();

  put(id: string, value: number): void {
    this.entries.set(id, { id, ${noun}: value, updatedAt: new Date() });
  }

  async refresh(fetcher: (id: string) => Promise<number>): Promise<number> {
    let changed = 0;
    for (const entry of this.entries.values()) {
      const next = await fetcher(entry.id);
      if (next !== entry.${noun}) {
        this.put(entry.id, next);
        changed += 1;
      }
    }
    return changed;
  }
}
`;
}

function plainComponent(pick: Pick, index: number): string {
  const noun = pick(NOUNS);
  const component = `${noun[0]!.toUpperCase()}${noun.slice(1)}List${index}`;
  return `export function ${component}({ rows, onSelect }) {
  const visible = rows.filter((row) => !row.hidden);
  return (
    <ul className="${noun}-list">
      {visible.map((row) => (
        <li key={row.id} onClick={() => onSelect(row.id)}>
          {row.label} <small>{row.${noun}}</small>
        </li>
      ))}
    </ul>
  );
}
`;
}

/** Ordinary code of a given extension, 1–6 KB. */
function plainCode(ext: string, pick: Pick, rand: () => number, index: number): string {
  const parts: string[] = [];
  if (ext === '.cjs') parts.push(`'use strict';\nconst path = require('node:path');\n`);
  else parts.push(`import { ${pick(VERBS)}Helper } from '../shared/${pick(NOUNS)}.js';\n`);
  const count = 2 + Math.floor(rand() * 12);
  for (let i = 0; i < count; i++) {
    if (ext === '.ts' && i % 3 === 0) parts.push(plainClass(pick, index * 100 + i));
    else if (ext === '.jsx' && i % 2 === 0) parts.push(plainComponent(pick, index * 100 + i));
    else parts.push(plainFunction(pick, index * 100 + i, { typed: ext === '.ts', exported: ext !== '.cjs' }));
  }
  if (ext === '.cjs') parts.push(`module.exports = { base: path.basename(__filename) };\n`);
  return parts.join('\n');
}

const ORDINARY_EXTENSIONS = ['.js', '.js', '.js', '.jsx', '.ts', '.cjs'];

/** Writes the tree under `root` (which must not exist yet or be empty). */
export function writeCodemodTree(root: string, files: number, legacyEvery = 50): CodemodTree {
  const fixtures = legacyFixtures();
  if (fixtures.length === 0) throw new Error('no legacy fixtures in codemod/__testfixtures__');
  const rand = random(files);
  const pick: Pick = (items) => items[Math.floor(rand() * items.length)]!;
  const legacy = new Map<string, string>();
  for (let index = 0; index < files; index++) {
    const folder = Math.floor(index / FILES_PER_FOLDER);
    const dir = path.join(root, `pkg-${Math.floor(folder / FOLDERS_PER_PACKAGE)}`, 'src', `part-${folder % FOLDERS_PER_PACKAGE}`);
    if (index % FILES_PER_FOLDER === 0) mkdirSync(dir, { recursive: true });
    const isLegacy = index % legacyEvery === legacyEvery - 1;
    const fixture = fixtures[Math.floor(index / legacyEvery) % fixtures.length]!;
    const ext = isLegacy ? fixture.ext : pick(ORDINARY_EXTENSIONS);
    const file = path.join(dir, `${isLegacy ? 'chat' : pick(NOUNS)}-${index}${ext}`);
    // Legacy code sits among ordinary code, as in real apps: the fixture first (its imports stay on top), then a
    // helper that is not exported, so a script-tag fixture stays a script.
    const text = isLegacy
      ? `// chat module ${index}\n${fixture.text}\n${plainFunction(pick, index, { typed: ext === '.ts', exported: false })}`
      : `// ${path.basename(file)}: generated ordinary code\n${plainCode(ext, pick, rand, index)}`;
    writeFileSync(file, text);
    if (isLegacy) legacy.set(file, text);
  }
  return { root, files, legacy };
}

/** Puts the legacy files back as generated (a codemod run rewrote them). */
export function restoreLegacyFiles(tree: CodemodTree): void {
  for (const [file, text] of tree.legacy) writeFileSync(file, text);
}
