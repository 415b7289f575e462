import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { keyOf, unwrap } from '../analysis/keys.js';
import type { SlotAssignment } from '../analysis/roles.js';
import type { Transform, TransformContext } from '../types.js';
import { flatHandlerAt, flatId, instanceAt, instanceOf, slotUnusableAt, usableAssignmentAt } from './flat-shared.js';
import { calleeOwner, insertAfter, replaceNode, slotProblem, valueDiscarded } from './shared.js';

const RECEIVED = flatId('onInviteReceived');
/** The callbacks of an outgoing call, and of an incoming one (after onInviteReceived), with the flat arguments. */
const OUTGOING_SLOTS = ['onInviteReceivedByPeer', 'onInviteAcceptedByPeer', 'onInviteRefusedByPeer', 'onInviteFailed', 'onInviteEndByPeer', 'onInviteMsg'];
const INCOMING_SLOTS = ['onInviteReceived', 'onInviteFailed', 'onInviteEndByPeer', 'onInviteMsg'];
const RTM = 'RTM: client.createLocalInvitation(account) / RemoteInvitationReceived, kept by channel and account between calls (see docs/codemod.md, flat API)';

/** Whether `node` runs only later than the code around it (inside a function), so a handler declared after it is initialised by then. */
function deferred(node: Node, block: Node): boolean {
  const functionLike = (ancestor: Node): boolean =>
    Node.isFunctionExpression(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionDeclaration(ancestor) || Node.isMethodDeclaration(ancestor);
  return node.getAncestors().some((ancestor) => functionLike(ancestor) && ancestor.getAncestors().includes(block));
}

/**
 * `{ onInviteAcceptedByPeer, onInviteFailed: onInviteFailed2, … }`: the app's handlers of `slots` usable at `site`, or a
 * problem when one is assigned but cannot be used there (the object is built where the call is made).
 */
function handlersAt(ctx: TransformContext, key: string | undefined, slots: readonly string[], site: Node, eager: boolean): string | { problem: string } {
  const unusable = slots.filter((slot) => slotUnusableAt(ctx, key, slot, site));
  if (unusable.length > 0) return { problem: `${unusable.join(', ')} cannot be used here (not in scope, assigned more than once, or reading this)` };
  const late = slots.filter((slot) => {
    const assignment = usableAssignmentAt(ctx, key, slot, site);
    const block = assignment?.statement.getParent();
    return eager && assignment && block && assignment.statement.getStart() > site.getStart() && !deferred(site, block);
  });
  if (late.length > 0) return { problem: `${late.join(', ')} is assigned after this call; assign the callbacks first` };
  const entries = slots.flatMap((slot) => {
    const handler = flatHandlerAt(ctx, key, slot, site);
    return handler ? [handler.name === slot ? slot : `${slot}: ${handler.name}`] : [];
  });
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** The text of an optional string argument: '' when it is missing, empty or undefined. */
function optionalText(ctx: TransformContext, node: Node | undefined): string {
  if (!node) return "''";
  const inner = unwrap(node);
  return Node.isIdentifier(inner) && inner.getText() === 'undefined' ? "''" : ctx.source(node);
}

/** Why a flat call method cannot be converted here, or undefined. */
function problemOf(ctx: TransformContext, call: CallExpression, arity: [number, number]): string | undefined {
  const count = call.getArguments().length;
  if (!valueDiscarded(call)) return 'the result of this call is used';
  if (count < arity[0] || count > arity[1]) return 'unexpected arguments';
  if (!instanceAt(ctx, call)?.calls) return 'the flat instance is not held in a variable visible here (the converted code keeps its calls next to it)';
  return undefined;
}

/** `api.channelInviteUser(ch, account, uid)` / `channelInviteUser2(ch, account, extra)` → inviteFlatCall(client, calls, ch, account, extra, handlers). */
function convertInvite(ctx: TransformContext, call: CallExpression, method: 'channelInviteUser' | 'channelInviteUser2'): void {
  const id = flatId(method);
  const [channelID, account, third] = call.getArguments();
  const extra = method === 'channelInviteUser2' ? third : undefined;
  const timeout = extra && /_timeout/.test(extra.getText()) ? 'the extra key _timeout has no RTM counterpart (RTM fails after 30 s without delivery and 60 s without answer)' : undefined;
  const problem = problemOf(ctx, call, [2, 3]) ?? timeout;
  if (problem) return ctx.todo(call, id, `${problem}; ${RTM}`);
  const handlers = handlersAt(ctx, keyOf(calleeOwner(call)), OUTGOING_SLOTS, call, true);
  if (typeof handlers !== 'string') return ctx.todo(call, id, `${handlers.problem}; ${RTM}`);
  const helper = ctx.helper('inviteFlatCall');
  for (const name of ['endLocalInvitation', 'legacyCallEndText', 'onLocalCallEnd', 'parseLegacyCallEnd', 'legacyInviteFailure', 'legacyFailureString', 'onLegacyCallMessage', 'flatCallMessageParts'] as const) ctx.helper(name);
  const args = [ctx.source(calleeOwner(call)), instanceAt(ctx, call)!.calls!, ctx.source(channelID!), ctx.source(account!), optionalText(ctx, extra), handlers];
  replaceNode(ctx, call, `${helper}(${args.join(', ')})`);
  ctx.converted(call, id);
}

/** `api.channelInviteAccept(ch, account, uid, extra)` / `channelInviteRefuse(…)` → answerFlatCall(calls, method, ch, account, extra, onError). */
function convertAnswer(ctx: TransformContext, call: CallExpression, method: 'channelInviteAccept' | 'channelInviteRefuse'): void {
  const id = flatId(method);
  const [channelID, account, , extra] = call.getArguments();
  const problem = problemOf(ctx, call, [2, 4]);
  if (problem) return ctx.todo(call, id, `${problem}; ${RTM}`);
  const key = keyOf(calleeOwner(call));
  if (slotUnusableAt(ctx, key, 'onError', call)) return ctx.todo(call, id, `onError cannot be used here; ${RTM}`);
  const onError = flatHandlerAt(ctx, key, 'onError', call);
  const args = [instanceAt(ctx, call)!.calls!, `'${method}'`, ctx.source(channelID!), ctx.source(account!), optionalText(ctx, extra), ...(onError ? [onError.name] : [])];
  replaceNode(ctx, call, `${ctx.helper('answerFlatCall')}(${args.join(', ')})`);
  ctx.converted(call, id);
}

/** `api.channelInviteEnd(ch, account, uid)` → endFlatCall(calls, ch, account, onInviteEndByMyself). */
function convertEnd(ctx: TransformContext, call: CallExpression): void {
  const id = flatId('channelInviteEnd');
  const [channelID, account] = call.getArguments();
  const problem = problemOf(ctx, call, [2, 3]);
  if (problem) return ctx.todo(call, id, `${problem}; ${RTM}`);
  const key = keyOf(calleeOwner(call));
  if (slotUnusableAt(ctx, key, 'onInviteEndByMyself', call)) return ctx.todo(call, id, `onInviteEndByMyself cannot be used here; ${RTM}`);
  const byMyself = flatHandlerAt(ctx, key, 'onInviteEndByMyself', call);
  const args = [instanceAt(ctx, call)!.calls!, ctx.source(channelID!), ctx.source(account!), ...(byMyself ? [byMyself.name] : [])];
  replaceNode(ctx, call, `${ctx.helper('endFlatCall')}(${args.join(', ')})`);
  ctx.converted(call, id);
}

/** `api.onInviteReceived = fn` → a handler, and RemoteInvitationReceived → receiveFlatCall(client, calls, invitation, handlers). */
function convertReceived(ctx: TransformContext, slot: SlotAssignment): void {
  const problem = slotProblem(ctx, slot);
  if (problem === 'already handled') return;
  const calls = instanceOf(ctx, slot.ownerKey, slot.statement)?.calls;
  const handlers = problem || !calls ? undefined : handlersAt(ctx, slot.ownerKey, INCOMING_SLOTS, slot.statement, false);
  if (problem || !calls || typeof handlers !== 'string') {
    const why = problem ?? (typeof handlers === 'object' ? handlers.problem : 'the flat instance is not held in a variable visible here');
    ctx.claim(slot.statement);
    ctx.todo(slot.statement, RECEIVED, `${why}; ${RTM}`);
    return;
  }
  const helper = ctx.helper('receiveFlatCall');
  for (const name of ['legacyCallEndText', 'onRemoteCallEnd', 'parseLegacyCallEnd', 'legacyInviteFailure', 'onLegacyCallMessage', 'flatCallMessageParts'] as const) ctx.helper(name);
  const client = slot.owner.getText();
  insertAfter(ctx, slot.statement, [`${client}.on('RemoteInvitationReceived', (invitation) => ${helper}(${client}, ${calls}, invitation, ${handlers}));`]);
}

/** Flat calls, named by channel and account: invitations, answers, hang-ups and the invite callbacks. */
export const flatInvitations: Transform = {
  name: 'flat-invitations',
  ids: [flatId('channelInviteUser'), flatId('channelInviteUser2'), flatId('channelInviteAccept'), flatId('channelInviteRefuse'), flatId('channelInviteEnd'), RECEIVED, ...[...OUTGOING_SLOTS, 'onInviteEndByMyself'].map(flatId)],
  run(_sourceFile, ctx) {
    for (const method of ['channelInviteUser', 'channelInviteUser2'] as const) {
      for (const call of ctx.analysis.methodCalls('flat', method)) if (ctx.claim(call)) convertInvite(ctx, call, method);
    }
    for (const method of ['channelInviteAccept', 'channelInviteRefuse'] as const) {
      for (const call of ctx.analysis.methodCalls('flat', method)) if (ctx.claim(call)) convertAnswer(ctx, call, method);
    }
    for (const call of ctx.analysis.methodCalls('flat', 'channelInviteEnd')) if (ctx.claim(call)) convertEnd(ctx, call);
    for (const slot of ctx.analysis.slotsOf('flat', 'onInviteReceived')) convertReceived(ctx, slot);
  },
};
