/** Pure helpers on file text (offsets are UTF-16 indices, as in the TypeScript AST). */

export function lineStartAt(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

export function lineEndAt(text: string, pos: number): number {
  const end = text.indexOf('\n', pos);
  return end === -1 ? text.length : end;
}

/** The whitespace that starts the line containing `pos`. */
export function indentAt(text: string, pos: number): string {
  const start = lineStartAt(text, pos);
  const match = /^[ \t]*/.exec(text.slice(start, pos));
  return match ? match[0] : '';
}

export function lineNumberAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** The line break style of a text. */
export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** One indentation step as used by the file (two spaces when unknown). */
export function indentUnitOf(text: string): string {
  const match = /\n(\t+|[ ]{2,8})\S/.exec(text);
  if (!match?.[1]) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1].length >= 4 ? '    ' : '  ';
}
