import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import { keyOf, unwrap } from '../analysis/keys.js';
import { declarationOf } from '../analysis/scope.js';
import type { TransformContext } from '../types.js';
import { boundCall } from './bound-call.js';

function scopeOfDeclaration(declaration: Node): Node | undefined {
  if (Node.isParameterDeclaration(declaration)) return declaration.getParent();
  if (Node.isVariableDeclaration(declaration)) {
    const list = declaration.getParent();
    const functionScoped = Node.isVariableDeclarationList(list) && list.getDeclarationKind() === VariableDeclarationKind.Var;
    return declaration.getFirstAncestor((ancestor) =>
      functionScoped ? Node.isSourceFile(ancestor) || Node.isFunctionLikeDeclaration(ancestor) : Node.isBlock(ancestor) || Node.isSourceFile(ancestor) || Node.isFunctionLikeDeclaration(ancestor),
    );
  }
  return undefined;
}

/** Whether a parameter or declaration named `name` in an enclosing scope of `site` hides a global. */
function shadowedAt(name: string, site: Node): boolean {
  return site.getAncestors().some((scope) => {
    if (Node.isFunctionLikeDeclaration(scope) && scope.getParameters().some((parameter) => parameter.getName() === name)) return true;
    if (!Node.isBlock(scope) && !Node.isSourceFile(scope)) return false;
    return scope.getStatements().some((statement) => {
      if (Node.isVariableStatement(statement)) return statement.getDeclarations().some((declaration) => declaration.getName() === name);
      return (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) && statement.getName() === name;
    });
  });
}

function nearestClass(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
}

/** Whether the expression `value` (written at its own place) means the same thing at `site`. */
export function visibleAt(value: Node, site: Node): boolean {
  const inner = unwrap(value);
  if (Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) return true;
  let root: Node = inner;
  while (Node.isPropertyAccessExpression(root)) root = root.getExpression();
  if (Node.isThisExpression(root)) {
    const owner = nearestClass(inner);
    return owner !== undefined && owner === nearestClass(site);
  }
  if (!Node.isIdentifier(root)) return false;
  const declaration = declarationOf(root);
  // Not declared in this file: a global of the page, the same everywhere unless something shadows it.
  if (!declaration) return !shadowedAt(root.getText(), site);
  const scope = scopeOfDeclaration(declaration);
  return scope !== undefined && site.getAncestors().includes(scope);
}

/** The sessions (`session` in `channel = session.channelJoin(…)`) that created the channel `channelKey`. */
function sessionsOf(ctx: TransformContext, channelKey: string): Map<string, Node> {
  const sessions = new Map<string, Node>();
  for (const join of ctx.analysis.methodCalls('session', 'channelJoin')) {
    if (boundCall(join)?.targetKey !== channelKey) continue;
    const callee = join.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const key = keyOf(callee.getExpression());
    if (key) sessions.set(key, callee.getExpression());
  }
  return sessions;
}

/** The client of the channel `channelKey`, as an expression valid at `site`; undefined when not provable. */
export function clientOfChannelAt(ctx: TransformContext, channelKey: string, site: Node): string | undefined {
  const sessions = [...sessionsOf(ctx, channelKey).values()];
  const [session] = sessions;
  return sessions.length === 1 && session && visibleAt(session, site) ? session.getText() : undefined;
}

/**
 * The account the local user logged in with, as an expression valid at `site`, for the channel
 * `channelKey` (channel ← channelJoin on a session ← login(account, …)); undefined when not provable.
 */
export function ownAccountAt(ctx: TransformContext, channelKey: string, site: Node): string | undefined {
  const sessionKeys = new Set(sessionsOf(ctx, channelKey).keys());
  const accounts = new Map<string, Node>();
  for (const login of ctx.analysis.methodCalls('signal', 'login')) {
    const target = boundCall(login)?.targetKey;
    const account = login.getArguments()[0];
    if (target && sessionKeys.has(target) && account) accounts.set(account.getText(), account);
  }
  if (accounts.size !== 1) return undefined;
  const [account] = [...accounts.values()];
  return account && visibleAt(account, site) ? account.getText() : undefined;
}

/** The sessions that created the outgoing call `callKey` (`call = session.channelInviteUser2(…)`). */
function sessionsOfCall(ctx: TransformContext, callKey: string): Map<string, Node> {
  const sessions = new Map<string, Node>();
  for (const invite of ctx.analysis.methodCalls('session', 'channelInviteUser2')) {
    if (boundCall(invite)?.targetKey !== callKey) continue;
    const callee = invite.getExpression();
    const key = Node.isPropertyAccessExpression(callee) ? keyOf(callee.getExpression()) : undefined;
    if (key && Node.isPropertyAccessExpression(callee)) sessions.set(key, callee.getExpression());
  }
  return sessions;
}

/** The sessions whose onInviteReceived handler receives incoming calls. */
function sessionsReceivingCalls(ctx: TransformContext): Map<string, Node> {
  return new Map(ctx.analysis.slotsOf('session', 'onInviteReceived').map((slot) => [slot.ownerKey, slot.owner] as const));
}

/**
 * The client of a call (`call` for an outgoing one, `remoteCall` for the invitation an onInviteReceived handler
 * got), as an expression valid at `site`; undefined when not provable.
 */
export function clientOfCallAt(ctx: TransformContext, callKey: string, role: 'call' | 'remoteCall', site: Node): string | undefined {
  const sessions = [...(role === 'call' ? sessionsOfCall(ctx, callKey) : sessionsReceivingCalls(ctx)).values()];
  const [session] = sessions;
  return sessions.length === 1 && session && visibleAt(session, site) ? session.getText() : undefined;
}

/** Whether an expression keeps its value for the life of the file: a literal, or a variable nothing re-assigns. */
export function isStableValue(ctx: TransformContext, value: Node): boolean {
  const inner = unwrap(value);
  if (Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner) || Node.isNumericLiteral(inner)) return true;
  if (!Node.isIdentifier(inner)) return false;
  const declaration = declarationOf(inner);
  if (!declaration || !(Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration))) return false;
  const key = keyOf(inner);
  const writes = ctx.analysis.sourceFile.getDescendantsOfKind(SyntaxKind.BinaryExpression).filter((binary) => {
    const kind = binary.getOperatorToken().getKind();
    return kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment && keyOf(binary.getLeft()) === key;
  });
  const updates = [...ctx.analysis.sourceFile.getDescendantsOfKind(SyntaxKind.PrefixUnaryExpression), ...ctx.analysis.sourceFile.getDescendantsOfKind(SyntaxKind.PostfixUnaryExpression)].filter(
    (update) => keyOf(update.getOperand()) === key,
  );
  return writes.length === 0 && updates.length === 0;
}

/**
 * The account the session `sessionKey` logged in with (`session = signal.login(account, …)`), as an expression valid
 * at `site` and fixed for the life of the session (legacy `session.account`); undefined when not provable.
 */
export function loginAccountAt(ctx: TransformContext, sessionKey: string, site: Node): string | undefined {
  const accounts = new Map<string, Node>();
  for (const login of ctx.analysis.methodCalls('signal', 'login')) {
    const account = login.getArguments()[0];
    if (boundCall(login)?.targetKey === sessionKey && account) accounts.set(account.getText(), account);
  }
  const [account] = [...accounts.values()];
  return accounts.size === 1 && account && isStableValue(ctx, account) && visibleAt(account, site) ? account.getText() : undefined;
}
