/**
 * gitignore-style patterns: `*`, `?`, `**`, a leading `/` anchors to the base directory, a trailing
 * `/` matches directories only, a leading `!` re-includes. Paths use `/` and are relative to the
 * directory that holds the pattern.
 */
export interface IgnoreRule {
  readonly regex: RegExp;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
}

function escape(char: string): string {
  return /[.+^${}()|[\]\\]/.test(char) ? `\\${char}` : char;
}

export function compilePattern(pattern: string): IgnoreRule | undefined {
  let body = pattern.trim();
  if (body === '' || body.startsWith('#')) return undefined;
  const negated = body.startsWith('!');
  if (negated) body = body.slice(1);
  const directoryOnly = body.endsWith('/');
  if (directoryOnly) body = body.slice(0, -1);
  const anchored = body.startsWith('/') || body.slice(0, -1).includes('/');
  if (body.startsWith('/')) body = body.slice(1);
  let source = '';
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i]!;
    if (char === '*' && body[i + 1] === '*') {
      const slash = body[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += escape(char);
    }
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  return { regex: new RegExp(`${prefix}${source}(?:/.*)?$`), negated, directoryOnly };
}

/** Whether `relativePath` is ignored by the rules (later rules win, as in git). */
export function isIgnored(rules: readonly IgnoreRule[], relativePath: string, isDirectory: boolean): boolean {
  const segments = relativePath.split('/');
  const directories = segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    const candidates = rule.directoryOnly && !isDirectory ? directories : [relativePath];
    if (candidates.some((candidate) => rule.regex.test(candidate))) ignored = !rule.negated;
  }
  return ignored;
}
