/**
 * What the flat-API transforms share within one file: the result callbacks (hoisted once, used by every
 * call that answers them) and the state the flat API kept inside its one object, which the converted
 * code keeps next to the client (the joined channel by ID, the login status).
 */
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { apiId } from '../api.js';
import type { ApiId } from '../api.js';
import { keyOf, unwrap } from '../analysis/keys.js';
import { declarationOf } from '../analysis/scope.js';
import type { SlotAssignment } from '../analysis/roles.js';
import type { TransformContext } from '../types.js';
import { calleeOwner, errorParam, errorTail } from './shared.js';
import type { Handler } from './shared.js';
import { ThenSlots } from './then-slots.js';

export const flatId = (name: string): ApiId => apiId('flat', name);

/** The state kept next to a flat instance held in a variable (`var api = AgoraRTM.createInstance(appId)`). */
export interface FlatInstance {
  /** The statement declaring the variable: its block is where the state is visible. */
  readonly statement: Node;
  readonly name: string;
  /** The `Map` of the joined channel by ID, when the file uses channels. */
  readonly channels?: string;
  /** The `let` holding getStatus()'s value, when the file reads it. */
  readonly status?: string;
  /** The `Map` of the calls by channel and account, when the file makes or takes calls. */
  readonly calls?: string;
}

interface FlatState {
  readonly slots: ThenSlots;
  readonly instances: Map<string, FlatInstance>;
}

const states = new WeakMap<TransformContext, FlatState>();

function stateOf(ctx: TransformContext): FlatState {
  let state = states.get(ctx);
  if (!state) states.set(ctx, (state = { slots: new ThenSlots(ctx, 'flat'), instances: new Map() }));
  return state;
}

export function registerInstance(ctx: TransformContext, key: string, instance: FlatInstance): void {
  stateOf(ctx).instances.set(key, instance);
}

/** The instance state usable at `call`, or undefined when the instance is not a variable visible there. */
export function instanceAt(ctx: TransformContext, call: CallExpression): FlatInstance | undefined {
  return instanceOf(ctx, keyOf(calleeOwner(call)), call);
}

/** The state of the instance `key` usable at `site`, or undefined when the instance is not a variable visible there. */
export function instanceOf(ctx: TransformContext, key: string | undefined, site: Node): FlatInstance | undefined {
  const instance = key === undefined ? undefined : stateOf(ctx).instances.get(key);
  const block = instance?.statement.getParent();
  return block && site.getAncestors().includes(block) ? instance : undefined;
}

/** The handler of a flat callback of the call's instance, usable at the call; undefined when there is none. */
export function flatHandler(ctx: TransformContext, call: CallExpression, slot: string): Handler | undefined {
  return flatHandlerAt(ctx, keyOf(calleeOwner(call)), slot, call);
}

/** The handler of a flat callback of the instance `key`, usable at `site`; undefined when there is none. */
export function flatHandlerAt(ctx: TransformContext, key: string | undefined, slot: string, site: Node): Handler | undefined {
  return stateOf(ctx).slots.handlerFor(key, slot, site);
}

/** The assignment of `slot` that `flatHandlerAt` would use at `site`. */
export function usableAssignmentAt(ctx: TransformContext, key: string | undefined, slot: string, site: Node): SlotAssignment | undefined {
  return stateOf(ctx).slots.usableAssignment(key, slot, site);
}

/** Whether the instance `key` assigns `slot` in a way no site can use (not in scope at `site`, assigned twice, …). */
export function slotUnusableAt(ctx: TransformContext, key: string | undefined, slot: string, site: Node): boolean {
  return ctx.analysis.slotsOf('flat', slot).some((assignment) => assignment.ownerKey === key) && !stateOf(ctx).slots.usableAssignment(key, slot, site);
}

/** Whether the instance of this call assigns `slot` anywhere in the file (visible here or not). */
export function assignsSlot(ctx: TransformContext, call: CallExpression, slot: string): boolean {
  const key = keyOf(calleeOwner(call));
  return ctx.analysis.slotsOf('flat', slot).some((assignment) => assignment.ownerKey === key);
}

/** The callbacks of `slots` that the instance assigns but that cannot be used at this call (not in scope, assigned twice, …). */
export function unusableSlots(ctx: TransformContext, call: CallExpression, slots: readonly string[]): string[] {
  return slots.filter((slot) => slotUnusableAt(ctx, keyOf(calleeOwner(call)), slot, call));
}

export function todoUnusedSlots(ctx: TransformContext, slots: readonly string[]): void {
  stateOf(ctx).slots.todoUnused(slots, (slot) =>
    slot === 'onChannelUserList' && !ctx.preserve('member-list-on-join')
      ? 'not delivered with --no-preserve member-list-on-join: call channel.getMembers() after join() if you need it'
      : 'no converted flat call in scope answers this callback: keep the handler where the call that answers it can see it, or convert by hand (see docs/codemod.md, flat API)',
  );
}

/** Whether an argument can be repeated in the generated code (a literal or a plain path). */
export function repeatable(node: Node | undefined): boolean {
  if (!node) return false;
  const inner = unwrap(node);
  if (Node.isStringLiteral(inner) || Node.isNumericLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) return true;
  return keyOf(inner) !== undefined;
}

/** The flat message ID as the callbacks report it: the literal itself, else `flatMessageId(msgID)` (a generated ID for ''). */
export function messageIdText(ctx: TransformContext, msgID: Node | undefined): string {
  const inner = msgID && unwrap(msgID);
  if (inner && Node.isStringLiteral(inner) && inner.getLiteralValue() !== '') return inner.getText();
  const helper = ctx.helper('flatMessageId');
  return !inner || (Node.isStringLiteral(inner) && inner.getLiteralValue() === '') ? `${helper}()` : `${helper}(${ctx.source(msgID)})`;
}

/** `.then(ok, fail)` + the handler-error tail, or a plain `.catch(() => {})` when neither arm has a handler. */
export function arms(ctx: TransformContext, ok: string | undefined, fail: string | undefined): string[] {
  if (!ok && !fail) return ['.catch(() => {})'];
  if (!ok) return [`.catch(${fail})`, ...errorTail(ctx)];
  return [`.then(${ok}${fail ? `, ${fail}` : ', () => {}'})`, ...errorTail(ctx)];
}

/** The login account of the instance when it is a literal or a name visible at `site` (for the sender's own channel message). */
export function loginAccountAt(ctx: TransformContext, call: CallExpression): string | undefined {
  const key = keyOf(calleeOwner(call));
  const logins = [...ctx.analysis.methodCalls('flat', 'login'), ...ctx.analysis.methodCalls('flat', 'login2')].filter((login) => keyOf(calleeOwner(login)) === key);
  if (logins.length !== 1) return undefined;
  const account = logins[0]!.getArguments()[1];
  const inner = account && unwrap(account);
  if (!inner) return undefined;
  if (Node.isStringLiteral(inner)) return inner.getText();
  if (!Node.isIdentifier(inner)) return undefined;
  const declaration = declarationOf(inner);
  if (!declaration) return undefined;
  const scope = Node.isParameterDeclaration(declaration)
    ? declaration.getParent()
    : (declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor)) ?? declaration.getSourceFile());
  return scope && call.getAncestors().includes(scope) ? inner.getText() : undefined;
}

/** The failure arm that reports to onError(name, ecode, desc), as the flat API did for calls without a result callback of their own. */
export function errorArm(ctx: TransformContext, call: CallExpression, method: string): string | undefined {
  const onError = flatHandler(ctx, call, 'onError');
  return onError && `${errorParam(ctx)} => ${onError.call(`'${method}'`, `${ctx.helper('flatErrorCode')}(error)`, `${ctx.helper('flatErrorText')}(error)`)}`;
}
