import { Node } from 'ts-morph';
import type { ts } from 'ts-morph';
import { declarationOf } from './scope.js';

/** Strips wrappers that do not change which object an expression denotes. */
export function unwrap(node: Node): Node {
  let current = node;
  while (Node.isParenthesizedExpression(current) || Node.isNonNullExpression(current) || Node.isAsExpression(current) || Node.isTypeAssertion(current)) {
    current = current.getExpression();
  }
  return current;
}

function thisScope(node: Node): string {
  const owner = node.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor) || Node.isObjectLiteralExpression(ancestor));
  return owner ? `this@${owner.getStart()}` : 'this';
}

function identifierKey(node: Node): string {
  const first = declarationOf(node);
  return first ? `${node.getText()}#${first.getStart()}` : node.getText();
}

/**
 * A stable name for the object an expression denotes, when it is an identifier, `this` or a
 * property path on one of those (`session`, `this.session`, `app.state.channel`); otherwise undefined.
 * Identifiers are keyed by their declaration, so two different `session` variables do not mix.
 */
export function keyOf(node: Node): string | undefined {
  const cached = keys.get(node.compilerNode);
  if (cached !== undefined) return cached === null ? undefined : cached;
  const key = computeKey(node);
  keys.set(node.compilerNode, key ?? null);
  return key;
}

const keys = new WeakMap<ts.Node, string | null>();

function computeKey(node: Node): string | undefined {
  const inner = unwrap(node);
  if (Node.isIdentifier(inner)) return identifierKey(inner);
  if (Node.isThisExpression(inner)) return thisScope(inner);
  if (Node.isPropertyAccessExpression(inner)) {
    const base = keyOf(inner.getExpression());
    return base === undefined ? undefined : `${base}.${inner.getName()}`;
  }
  if (Node.isElementAccessExpression(inner)) {
    const argument = inner.getArgumentExpression();
    const base = keyOf(inner.getExpression());
    if (base !== undefined && argument && Node.isStringLiteral(argument)) return `${base}.${argument.getLiteralValue()}`;
  }
  return undefined;
}

/** The key a class property declaration binds (`session = …` in a class is `this.session`). */
export function propertyDeclarationKey(node: Node): string | undefined {
  if (!Node.isPropertyDeclaration(node)) return undefined;
  const owner = node.getParent();
  if (!owner) return undefined;
  return `this@${owner.getStart()}.${node.getName()}`;
}

/** Whether an expression can be evaluated twice without side effects (a literal or a plain path). */
export function isSideEffectFree(node: Node): boolean {
  const inner = unwrap(node);
  if (Node.isStringLiteral(inner) || Node.isNumericLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) return true;
  return keyOf(inner) !== undefined;
}
