import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { compilePattern, isIgnored } from './glob.js';
import type { IgnoreRule } from './glob.js';

export const DEFAULT_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.vue', '.html'] as const;

export interface DiscoverOptions {
  readonly cwd: string;
  readonly extensions: readonly string[];
  /** Extra patterns (`--ignore`), relative to cwd. */
  readonly ignore: readonly string[];
}

interface ScopedRules {
  readonly base: string;
  readonly rules: readonly IgnoreRule[];
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

async function gitignoreRules(directory: string): Promise<ScopedRules | undefined> {
  try {
    const text = await readFile(join(directory, '.gitignore'), 'utf8');
    const rules = text.split(/\r?\n/).flatMap((line) => compilePattern(line) ?? []);
    return rules.length > 0 ? { base: directory, rules } : undefined;
  } catch {
    return undefined;
  }
}

function ignoredBy(scopes: readonly ScopedRules[], path: string, isDirectory: boolean): boolean {
  return scopes.some((scope) => {
    const rel = toPosix(relative(scope.base, path));
    return rel !== '' && !rel.startsWith('..') && isIgnored(scope.rules, rel, isDirectory);
  });
}

/** Files under `paths` with one of the extensions, minus `.gitignore`d and `--ignore`d ones, sorted. */
export async function discoverFiles(paths: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const extensions = new Set(options.extensions.map((ext) => (ext.startsWith('.') ? ext : `.${ext}`).toLowerCase()));
  const cliRules: ScopedRules = { base: options.cwd, rules: options.ignore.flatMap((pattern) => compilePattern(pattern) ?? []) };
  const rootRules = await gitignoreRules(options.cwd);
  const found = new Set<string>();

  async function walk(directory: string, scopes: readonly ScopedRules[]): Promise<void> {
    const own = await gitignoreRules(directory);
    const active = own && own.base !== rootRules?.base ? [...scopes, own] : scopes;
    const entries = await readdir(directory, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || ignoredBy(active, path, true)) continue;
        await walk(path, active);
      } else if (entry.isFile() && extensions.has(extname(entry.name).toLowerCase()) && !ignoredBy(active, path, false)) {
        found.add(path);
      }
    }
  }

  const baseScopes = [cliRules, ...(rootRules ? [rootRules] : [])];
  for (const input of paths) {
    const path = resolve(options.cwd, input);
    const info = await stat(path);
    if (info.isDirectory()) await walk(path, baseScopes);
    else if (!ignoredBy([cliRules], path, false)) found.add(path);
  }
  return [...found].sort();
}
