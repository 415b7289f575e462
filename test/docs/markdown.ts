/** Reading the parts of a Markdown page the docs tests check: fenced code blocks, links and headings. */

export interface CodeBlock {
  /** The first word of the info string (`sh`, `diff`, `js`, …). */
  readonly lang: string;
  /** The other words of the info string, braces removed: `{test app=node exit=3}` → `test`, `app=node`, `exit=3`. */
  readonly flags: ReadonlySet<string>;
  readonly attributes: ReadonlyMap<string, string>;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

const FENCE = /^```([^\s`]*)[ \t]*([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm;

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  return [...markdown.matchAll(FENCE)].map((match) => {
    const words = (match[2] ?? '').replace(/[{}]/g, ' ').split(/\s+/).filter(Boolean);
    const attributes = new Map(words.filter((word) => word.includes('=')).map((word) => word.split('=', 2) as [string, string]));
    return {
      lang: match[1] ?? '',
      flags: new Set(words.filter((word) => !word.includes('='))),
      attributes,
      code: match[3] ?? '',
      line: lineAt(markdown, match.index ?? 0),
    };
  });
}

/** The Markdown without its fenced code blocks (kept as blank lines, so line numbers hold). */
function withoutFences(markdown: string): string {
  return markdown.replace(FENCE, (block) => '\n'.repeat(block.split('\n').length - 1));
}

/** The Markdown without fenced code blocks and inline code spans (links in code are not links). */
export function prose(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, '');
}

export interface Link {
  readonly target: string;
  readonly line: number;
}

/** Inline links and images `[text](target)` and reference definitions `[id]: target`. */
export function links(markdown: string): Link[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({ target: m[1] ?? '', line: lineAt(text, m.index ?? 0) }));
  const references = [...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => ({ target: m[1] ?? '', line: lineAt(text, m.index ?? 0) }));
  return [...inline, ...references];
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, duplicates numbered. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const match of withoutFences(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const heading = (match[1] ?? '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const match of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) out.add(match[1] ?? '');
  return out;
}
