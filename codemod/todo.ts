import { Node } from 'ts-morph';
import type { ApiId } from './api.js';
import { indentAt, lineStartAt, newlineOf } from './text.js';
import type { Edit } from './types.js';

export const TODO_PATTERN = /TODO\(resignal: ([A-Za-z0-9_]+)\)/g;

/** A node whose children are statements (where a declaration or a line comment may go). */
export function isStatementList(node: Node | undefined): boolean {
  return node !== undefined && (Node.isBlock(node) || Node.isSourceFile(node) || Node.isCaseClause(node) || Node.isDefaultClause(node) || Node.isModuleBlock(node));
}

/** The statement of a statement list that contains `node`. */
export function enclosingStatement(node: Node): Node | undefined {
  let current: Node | undefined = node;
  while (current && !isStatementList(current.getParent())) current = current.getParent();
  return current;
}

/** The innermost JSX element around `node` that is itself a JSX child (where `{/* … *\/}` is legal). */
function jsxChildAround(node: Node): Node | undefined {
  let current: Node | undefined = node.getParent();
  while (current && !isStatementList(current)) {
    if ((Node.isJsxElement(current) || Node.isJsxSelfClosingElement(current)) && (Node.isJsxElement(current.getParent()) || Node.isJsxFragment(current.getParent()))) {
      return current;
    }
    current = current.getParent();
  }
  return undefined;
}

/** The comment lines directly above `pos` plus the text before it on its own line. */
function commentsAbove(text: string, pos: number): string {
  const start = lineStartAt(text, pos);
  const lines = [text.slice(start, pos)];
  let cursor = start;
  while (cursor > 0) {
    const prevStart = lineStartAt(text, cursor - 1);
    const line = text.slice(prevStart, cursor).trim();
    if (!(line.startsWith('//') || line.startsWith('{/*') || line.startsWith('/*') || line.startsWith('*'))) break;
    lines.push(line);
    cursor = prevStart;
  }
  return lines.join('\n');
}

function sanitize(message: string): string {
  return message.replace(/\*\//g, '* /').replace(/\r?\n/g, ' ');
}

/**
 * The comment that marks a site the codemod could not convert safely, placed where a comment is
 * legal: a line comment above the statement, `{/* … *\/}` before a JSX child, or an inline block
 * comment. Returns undefined when the same marker is already there (a second run adds nothing).
 */
export function todoEdit(text: string, node: Node, id: ApiId, message: string): Edit | undefined {
  const marker = `TODO(resignal: ${id}): ${sanitize(message)}`;
  const newline = newlineOf(text);
  const jsx = jsxChildAround(node);
  const statement = enclosingStatement(node);
  let pos: number;
  let insert: string;
  let probe: number;
  if (jsx) {
    pos = jsx.getStart();
    probe = pos;
    insert = `{/* ${marker} */}${newline}${indentAt(text, pos)}`;
  } else if (statement && !Node.isSourceFile(statement) && text.slice(lineStartAt(text, statement.getStart()), statement.getStart()).trim() === '') {
    pos = lineStartAt(text, statement.getStart());
    probe = statement.getStart();
    insert = `${indentAt(text, statement.getStart())}// ${marker}${newline}`;
  } else {
    pos = node.getStart();
    probe = pos;
    insert = `/* ${marker} */ `;
  }
  if (commentsAbove(text, probe).includes(`TODO(resignal: ${id})`)) return undefined;
  return { start: pos, end: pos, text: insert };
}
