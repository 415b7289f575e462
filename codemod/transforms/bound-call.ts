import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { keyOf } from '../analysis/keys.js';
import { isStatementList } from './shared.js';

/** Where the result of a creating call (`login`, `channelJoin`, `channelInviteUser2`) goes. */
export interface BoundCall {
  readonly kind: 'declaration' | 'assignment' | 'bare';
  /** The statement holding the call, directly inside a block. */
  readonly statement: Node;
  /** The expression the result is stored in (`session`, `this.session`). */
  readonly targetText?: string;
  readonly targetKey?: string;
}

export function boundCall(call: CallExpression): BoundCall | undefined {
  const parent = call.getParent();
  if (Node.isVariableDeclaration(parent) && parent.getInitializer() === call) {
    const statement = parent.getFirstAncestorByKind(SyntaxKind.VariableStatement);
    const nameNode = parent.getNameNode();
    if (!statement || statement.getDeclarations().length !== 1 || !Node.isIdentifier(nameNode) || !isStatementList(statement.getParent())) return undefined;
    return { kind: 'declaration', statement, targetText: nameNode.getText(), targetKey: keyOf(nameNode) };
  }
  if (Node.isBinaryExpression(parent) && parent.getRight() === call && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
    const statement = parent.getParent();
    if (!Node.isExpressionStatement(statement) || !isStatementList(statement.getParent())) return undefined;
    const left = parent.getLeft();
    const targetKey = keyOf(left);
    if (!targetKey) return undefined;
    return { kind: 'assignment', statement, targetText: left.getText(), targetKey };
  }
  if (Node.isExpressionStatement(parent) && isStatementList(parent.getParent())) return { kind: 'bare', statement: parent };
  return undefined;
}
