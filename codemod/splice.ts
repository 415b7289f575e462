import type { Edit } from './types.js';

export class OverlappingEditsError extends Error {
  readonly code = 'CODEMOD_OVERLAPPING_EDITS';
  constructor(a: Edit, b: Edit) {
    super(`two rewrites overlap: [${a.start}, ${a.end}) and [${b.start}, ${b.end})`);
    this.name = 'OverlappingEditsError';
  }
}

/**
 * A range of the original text that a replacement moves elsewhere (an argument, a callback). It is
 * written into the replacement as a token and rendered at the end, with the edits that fall inside
 * it, so rewrites nested in moved code are kept.
 */
export interface MovedRange {
  readonly start: number;
  readonly end: number;
  /** Indentation to strip from the continuation lines of the rendered text. */
  readonly dedent: string;
}

/** Private-use characters delimit tokens: they do not occur in source code. */
const TOKEN = /\uE000(\d+)\uE001/g;

export function tokenFor(index: number): string {
  return `\uE000${index}\uE001`;
}

function tokensIn(text: string): number[] {
  return [...text.matchAll(TOKEN)].map((match) => Number(match[1]));
}

function leadingSpace(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return (/^[ \t]*/.exec(text.slice(lineStart, pos)) ?? [''])[0];
}

function dedent(text: string, base: string): string {
  if (base === '') return text;
  return text
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(base) ? line.slice(base.length) : line))
    .join('\n');
}

/**
 * Renders `[from, to)` of `text` with the edits inside it, applying them from the end backwards so
 * each offset still refers to the original text. Insertions at one position keep the order in which
 * they were recorded and go before a replacement that starts there. Edits inside a moved range go
 * with it (they are rendered where its token lands).
 */
export function renderEdits(text: string, edits: readonly Edit[], moved: readonly MovedRange[], from: number, to: number): string {
  const referenced = new Set(edits.flatMap((edit) => tokensIn(edit.text)));
  const captured = new Map<number, Edit[]>();
  const top: Edit[] = [];
  for (const edit of edits) {
    const own = new Set(tokensIn(edit.text));
    const owner = [...referenced]
      .filter((index) => {
        const range = moved[index]!;
        return !own.has(index) && range.start <= edit.start && edit.end <= range.end && !(edit.start === edit.end && edit.start === range.end);
      })
      .sort((x, y) => moved[y]!.end - moved[y]!.start - (moved[x]!.end - moved[x]!.start))[0];
    if (owner === undefined) top.push(edit);
    else captured.set(owner, [...(captured.get(owner) ?? []), edit]);
  }
  const ordered = top
    .map((edit, seq) => ({ edit, seq }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.seq - b.seq);
  for (let i = 1; i < ordered.length; i += 1) {
    const prev = ordered[i - 1]!.edit;
    const cur = ordered[i]!.edit;
    if (cur.start < prev.end) throw new OverlappingEditsError(prev, cur);
  }
  /** Moved text is dedented, then indented like the line of the replacement it lands on. */
  const render = (edit: Edit): string =>
    edit.text.replace(TOKEN, (_match, index: string, offset: number) => {
      const range = moved[Number(index)]!;
      const lineStart = edit.text.lastIndexOf('\n', offset - 1) + 1;
      const indent = lineStart === 0 ? leadingSpace(text, edit.start) : (/^[ \t]*/.exec(edit.text.slice(lineStart)) ?? [''])[0];
      const body = dedent(renderEdits(text, captured.get(Number(index)) ?? [], moved, range.start, range.end), range.dedent);
      return body.replace(/\n(?=.)/g, `\n${indent}`);
    });
  let out = text.slice(from, to);
  for (let i = ordered.length - 1; i >= 0; i -= 1) {
    const { start, end } = ordered[i]!.edit;
    out = out.slice(0, start - from) + render(ordered[i]!.edit) + out.slice(end - from);
  }
  return out;
}
