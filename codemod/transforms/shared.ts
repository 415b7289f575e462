import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { apiId } from '../api.js';
import type { ApiId, LegacyOwner } from '../api.js';
import type { Role, SlotAssignment } from '../analysis/roles.js';
import { keyOf, unwrap } from '../analysis/keys.js';
import { declarationOf } from '../analysis/scope.js';
import { indentAt, indentUnitOf, newlineOf } from '../text.js';
import { isStatementList } from '../todo.js';
import type { TransformContext } from '../types.js';

const OWNER_OF_ROLE: Record<Role, LegacyOwner> = {
  signal: 'Signal',
  session: 'Session',
  channel: 'Channel',
  call: 'Call',
  remoteCall: 'Call',
  flat: 'flat',
};

export function idOf(role: Role, name: string): ApiId {
  return apiId(OWNER_OF_ROLE[role], name);
}

export { isStatementList } from '../todo.js';

/** Whether a function expression reads `this` (legacy called callbacks with `this` = the SDK object). */
export function usesOwnThis(node: Node): boolean {
  if (!Node.isFunctionExpression(node)) return false;
  return (
    node.forEachDescendant((child, traversal) => {
      if (Node.isFunctionDeclaration(child) || Node.isFunctionExpression(child) || Node.isClassDeclaration(child) || Node.isClassExpression(child)) {
        traversal.skip();
        return undefined;
      }
      return Node.isThisExpression(child) ? true : undefined;
    }) === true
  );
}

function isUnsetValue(node: Node): boolean {
  const value = unwrap(node);
  return (
    Node.isNullLiteral(value) ||
    (Node.isIdentifier(value) && value.getText() === 'undefined') ||
    (Node.isStringLiteral(value) && value.getLiteralValue() === '') ||
    value.getKind() === SyntaxKind.FalseKeyword
  );
}

/** Why a callback-property assignment cannot become a hoisted handler, or undefined when it can. */
export function slotProblem(ctx: TransformContext, slot: SlotAssignment, pairedWithItsCall = false): string | undefined {
  if (ctx.isClaimed(slot.statement)) return 'already handled';
  if (isUnsetValue(slot.value)) return `unsetting ${slot.slot} has no RTM counterpart: remove the matching listener with off()`;
  // A result callback assigned once per call, right after the call that made a new object, answers only that call.
  if (!pairedWithItsCall && ctx.analysis.assignmentCount(slot.ownerKey, slot.slot) > 1) {
    return `${slot.slot} is assigned more than once; RTM listeners add up instead of replacing each other: keep one on() registration and remove the old listener with off()`;
  }
  if (ctx.analysis.readCount(slot.ownerKey, slot.slot) > 0) return `${slot.slot} is also read as a property, which RTM objects do not have: keep the handler in a variable`;
  if (!isStatementList(slot.statement.getParent())) return 'the assignment is not a statement of its own block';
  if (usesOwnThis(unwrap(slot.value))) return 'the callback reads `this` (the legacy SDK object)';
  return undefined;
}

/**
 * `cb()` of messageChannelSend / channelLeave / the attribute methods: no arguments, on success and on
 * failure alike. `.then(fn)` would pass one (undefined) argument, which only a callback reading
 * `arguments` can tell; such a callback is called explicitly.
 */
export function settleLinks(ctx: TransformContext, callback: Node | undefined): string[] {
  if (!callback) return ['.catch(() => {})'];
  const text = ctx.source(callback);
  const links =
    keyOf(callback) !== undefined
      ? [`.then(() => ${text}(), () => ${text}())`]
      : ['.catch(() => {})', readsArguments(unwrap(callback)) ? `.then(() => (${text})())` : `.then(${text})`];
  return [...links, ...errorTail(ctx)];
}

function readsArguments(fn: Node): boolean {
  return fn.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => identifier.getText() === 'arguments');
}

/** A hoisted legacy callback: `call('peerId', '0', 'message.text')` → `onX(peerId, 0, message.text)`. */
export interface Handler {
  readonly name: string;
  call(...args: string[]): string;
}

/** How many arguments a callback declares, when it is a function whose signature is visible and fixed. */
function arityOf(value: Node): number | undefined {
  let fn: Node | undefined = unwrap(value);
  if (Node.isIdentifier(fn)) fn = declarationOf(fn);
  if (!fn || !(Node.isFunctionExpression(fn) || Node.isArrowFunction(fn) || Node.isFunctionDeclaration(fn))) return undefined;
  const parameters = fn.getParameters();
  if (parameters.some((parameter) => parameter.isRestParameter())) return undefined;
  return readsArguments(fn) ? undefined : parameters.length;
}

/**
 * Turns `owner.onX = value;` into `const onX = value;` (the value is evaluated where and when it was)
 * and returns the handler. Calls pass only the arguments the callback declares (legacy passed more,
 * which JavaScript ignores and TypeScript rejects).
 */
export function hoistSlot(ctx: TransformContext, slot: SlotAssignment): Handler {
  const name = ctx.uniqueName(slot.slot);
  ctx.claim(slot.statement);
  ctx.edit(slot.statement.getStart(), slot.value.getStart(), `const ${name} = `);
  const arity = arityOf(slot.value);
  return { name, call: (...args) => `${name}(${(arity === undefined ? args : args.slice(0, arity)).join(', ')})` };
}

/** Inserts statements after `statement`, on their own lines with its indentation. */
export function insertAfter(ctx: TransformContext, statement: Node, lines: string[]): void {
  const newline = newlineOf(ctx.text);
  const indent = indentAt(ctx.text, statement.getStart());
  const body = lines.map((line) => line.split('\n').map((part) => indent + part).join(newline)).join(newline);
  ctx.edit(statement.getEnd(), statement.getEnd(), newline + body);
}

/** Formats `head` followed by `.then(…)`/`.catch(…)` links, one per line when there are several. */
export function chain(ctx: TransformContext, head: string, links: string[]): string {
  if (links.length === 0) return head;
  if (links.length === 1 && head.length + links[0]!.length < 100 && !links[0]!.includes('\n')) return head + links[0]!;
  const unit = indentUnitOf(ctx.text);
  return [head, ...links.map((link) => unit + link.replace(/\n/g, `\n${unit}`))].join('\n');
}

/** Whether the value of a call is discarded (a statement of its own, or the body of an arrow function). */
export function valueDiscarded(call: CallExpression): boolean {
  const parent = call.getParent();
  return Node.isExpressionStatement(parent) || (Node.isArrowFunction(parent) && parent.getBody() === call);
}

/** Replaces a call whose value is discarded; multi-line replacements are indented like the call's line. */
export function replaceNode(ctx: TransformContext, node: Node, replacement: string): void {
  const newline = newlineOf(ctx.text);
  const indent = indentAt(ctx.text, node.getStart());
  ctx.edit(node.getStart(), node.getEnd(), replacement.split('\n').map((line, index) => (index === 0 ? line : indent + line)).join(newline));
}

/** The handler-error tail: legacy logged exceptions thrown by callbacks instead of dropping them. */
export function errorTail(ctx: TransformContext): string[] {
  return ctx.preserve('handler-errors') ? [`.catch(${errorParam(ctx)} => console.error(error))`] : [];
}

/** `{ text: msg }`, shortened to `{ text }` when the argument is an identifier named `text`. */
export function property(ctx: TransformContext, name: string, value: Node): string {
  return value.getText() === name ? name : `${name}: ${ctx.source(value)}`;
}

/** An object-literal entry `{ [name]: value }`, written `{ topic: value }` when the name is a plain string literal. */
export function keyedEntry(ctx: TransformContext, name: Node, value: Node): string {
  const literal = /^(['"])([A-Za-z_$][\w$]*)\1$/.exec(name.getText());
  return literal ? `${literal[2]}: ${ctx.source(value)}` : `[${ctx.source(name)}]: ${ctx.source(value)}`;
}

/** Whether a slot assignment's block encloses `site` (its hoisted handler is in scope there). */
export function slotVisibleFrom(slot: SlotAssignment, site: Node): boolean {
  const block = slot.statement.getParent();
  return block !== undefined && site.getAncestors().includes(block);
}

/** A parameter list, with the given types in TypeScript files: `(message: { text?: string }, peerId: string)`. */
export function params(ctx: TransformContext, list: readonly (readonly [string, string])[]): string {
  return `(${list.map(([name, type]) => (ctx.facts.typescript ? `${name}: ${type}` : name)).join(', ')})`;
}

/** The rejection parameter: `(error)`, `(error: unknown)` in TypeScript. */
export function errorParam(ctx: TransformContext): string {
  return params(ctx, [['error', 'unknown']]);
}

/** One indentation step of the file, for generated blocks. */
export function unitOf(ctx: TransformContext): string {
  return indentUnitOf(ctx.text);
}

export function calleeOwner(call: CallExpression): Node {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) throw new Error('expected a method call');
  return callee.getExpression();
}

