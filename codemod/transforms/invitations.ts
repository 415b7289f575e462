import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { CALL_SIGNAL_TEXT } from '../../shim/api-map.js';
import { keyOf, unwrap } from '../analysis/keys.js';
import type { Role, SlotAssignment } from '../analysis/roles.js';
import type { Transform, TransformContext } from '../types.js';
import { boundCall } from './bound-call.js';
import { clientOfCallAt } from './own-account.js';
import { zeroAt } from './session-methods.js';
import { calleeOwner, hoistSlot, idOf, insertAfter, params, replaceNode, slotProblem, valueDiscarded } from './shared.js';

const INVITE = idOf('session', 'channelInviteUser2');
const END = idOf('call', 'channelInviteEnd');
const END_BY_PEER = idOf('call', 'onInviteEndByPeer');
const PEERUID = idOf('call', 'peeruid');
const RESEND = idOf('call', 'channelInviteUser2');
const DTMF = idOf('call', 'channelInviteDTMF');
const INVITE_MSG = idOf('call', 'onInviteMsg');
/** The invitation property naming the peer of a call. */
const PEER_OF: Record<'call' | 'remoteCall', string> = { call: 'calleeId', remoteCall: 'callerId' };

const RENAMED_PROPERTIES: Partial<Record<Role, Record<string, string>>> = {
  call: { peer: 'calleeId', channelName: 'channelId', extra: 'content' },
  remoteCall: { peer: 'callerId', channelName: 'channelId', extra: 'content' },
  channel: { name: 'channelId' },
};

function isEmpty(node: Node | undefined): boolean {
  const inner = node && unwrap(node);
  return !inner || (Node.isStringLiteral(inner) && inner.getLiteralValue() === '') || (Node.isIdentifier(inner) && inner.getText() === 'undefined');
}

/** The legacy extra keys RTM has no counterpart for, when the invitation's extra shows them. */
export function inviteOptionsProblem(extra: Node): string | undefined {
  return /_require_peer_online|_timeout/.test(extra.getText())
    ? 'the extra keys _require_peer_online/_timeout have no RTM counterpart (RTM fails after 30 s without delivery and 60 s without answer)'
    : undefined;
}

function convertInvite(ctx: TransformContext, call: CallExpression): void {
  const args = call.getArguments();
  const bound = boundCall(call);
  const [channel, peer, extra] = args;
  if (!channel || !peer || args.length > 3 || !bound || bound.kind === 'bare') {
    ctx.todo(call, INVITE, 'use const invitation = client.createLocalInvitation(peer); invitation.channelId = channel; invitation.content = extra; invitation.send()');
    return;
  }
  const options = extra && inviteOptionsProblem(extra);
  if (options) {
    ctx.todo(call, INVITE, options);
    return;
  }
  const target = bound.targetText!;
  ctx.edit(call.getStart(), call.getEnd(), `${ctx.source(calleeOwner(call))}.createLocalInvitation(${ctx.source(peer)})`);
  const lines = [`${target}.channelId = ${ctx.source(channel)};`];
  if (!isEmpty(extra)) lines.push(`${target}.content = ${ctx.source(extra!)};`);
  lines.push(`${target}.send();`);
  insertAfter(ctx, bound.statement, lines);
  ctx.converted(call, INVITE);
}

function convertAnswer(ctx: TransformContext, call: CallExpression, method: 'accept' | 'refuse'): void {
  const id = idOf('remoteCall', method === 'accept' ? 'channelInviteAccept' : 'channelInviteRefuse');
  const statement = call.getParent();
  const [extra] = call.getArguments();
  const owner = ctx.source(calleeOwner(call));
  if (isEmpty(extra)) {
    replaceNode(ctx, call, `${owner}.${method}()`);
  } else if (Node.isExpressionStatement(statement) && call.getArguments().length === 1) {
    ctx.edit(statement.getStart(), statement.getEnd(), `${owner}.response = ${ctx.source(extra!)};`);
    insertAfter(ctx, statement, [`${owner}.${method}();`]);
  } else {
    ctx.todo(call, id, `set invitation.response = extra, then call invitation.${method}()`);
    return;
  }
  ctx.converted(call, id);
}

/** `call.channelInviteEnd(extra)` of an outgoing call → endLocalInvitation(client, call, extra) (cancel or hang up, then onInviteEndByMyself). */
function convertEnd(ctx: TransformContext, call: CallExpression, role: Role): void {
  const owner = calleeOwner(call);
  const args = call.getArguments();
  if (role === 'remoteCall') {
    ctx.todo(
      call,
      END,
      "RTM has no call to end an incoming invitation: send the legacy hang-up text (AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channel>_<extra>) to invitation.callerId with client.sendMessageToPeer, then run your onInviteEndByMyself handler",
    );
    return;
  }
  const key = keyOf(owner);
  const client = key === undefined ? undefined : clientOfCallAt(ctx, key, 'call', call);
  if (!client || args.length > 1 || !valueDiscarded(call)) {
    ctx.todo(call, END, 'while it rings: invitation.cancel(); after an accept RTM has no hang-up: send the legacy hang-up text to the callee (the client of this call is not in scope here)');
    return;
  }
  ctx.helper('legacyCallEndText');
  const extra = args[0] && !isEmpty(args[0]) ? ctx.source(args[0]) : "''";
  replaceNode(ctx, call, `${ctx.helper('endLocalInvitation')}(${client}, ${ctx.source(owner)}, ${extra})`);
  ctx.converted(call, END);
}

/** `call.onInviteEndByPeer = fn` → a hoisted handler called on RTM's cancel or the peer's legacy hang-up message. */
function convertEndByPeer(ctx: TransformContext, slot: SlotAssignment): void {
  const role = slot.role === 'remoteCall' ? 'remoteCall' : 'call';
  const client = clientOfCallAt(ctx, slot.ownerKey, role, slot.statement);
  const problem = slotProblem(ctx, slot) ?? (client ? undefined : 'the client of this call is not in scope here');
  if (problem === 'already handled') return;
  if (problem || !client) {
    ctx.todo(slot.statement, END_BY_PEER, `${problem ?? ''}; RTM: RemoteInvitationCanceled while ringing, and the legacy hang-up text (AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channel>_<extra>) as a peer message after an accept`);
    return;
  }
  const handler = hoistSlot(ctx, slot);
  const helper = ctx.helper(role === 'call' ? 'onLocalCallEnd' : 'onRemoteCallEnd');
  ctx.helper('parseLegacyCallEnd');
  insertAfter(ctx, slot.statement, [`${helper}(${client}, ${slot.owner.getText()}, ${params(ctx, [['extra', 'string']])} => ${handler.call('extra')});`]);
  ctx.converted(slot.statement, END_BY_PEER);
}

/** `call.channelInviteDTMF(dtmf)` → sendLegacyCallMessage(client, call, peer, '{"msgtype":"dtmf","msgdata":dtmf}'): the shim's in-call call signal. */
function convertDtmf(ctx: TransformContext, call: CallExpression, role: 'call' | 'remoteCall'): void {
  const owner = calleeOwner(call);
  const key = keyOf(owner);
  const client = key === undefined ? undefined : clientOfCallAt(ctx, key, role, call);
  const [dtmf] = call.getArguments();
  if (!client || !dtmf || call.getArguments().length > 1 || !valueDiscarded(call)) {
    ctx.todo(call, DTMF, `send resignal's in-call message to the peer: client.sendMessageToPeer({ text: '${CALL_SIGNAL_TEXT.messagePrefix}' + JSON.stringify({ channel, extra: JSON.stringify({ msgtype: 'dtmf', msgdata: dtmf }) }) }, peer) (the client of this call is not in scope here)`);
    return;
  }
  const target = ctx.source(owner);
  const extra = `JSON.stringify({ msgtype: '${CALL_SIGNAL_TEXT.dtmfType}', msgdata: ${ctx.source(dtmf)} })`;
  replaceNode(ctx, call, `${ctx.helper('sendLegacyCallMessage')}(${client}, ${target}, ${target}.${PEER_OF[role]}, ${extra})`);
  ctx.converted(call, DTMF);
}

/** `call.onInviteMsg = fn` → a hoisted handler called for each in-call message the peer sends for this call. */
function convertInviteMsg(ctx: TransformContext, slot: SlotAssignment): void {
  const role = slot.role === 'remoteCall' ? 'remoteCall' : 'call';
  const client = clientOfCallAt(ctx, slot.ownerKey, role, slot.statement);
  const problem = slotProblem(ctx, slot) ?? (client ? undefined : 'the client of this call is not in scope here');
  if (problem === 'already handled') return;
  if (problem || !client) {
    ctx.claim(slot.statement);
    ctx.todo(slot.statement, INVITE_MSG, `${problem ?? ''}; RTM has no in-call messages: read resignal's call signal ('${CALL_SIGNAL_TEXT.messagePrefix}' + JSON { channel, extra }) from MessageFromPeer`);
    return;
  }
  const handler = hoistSlot(ctx, slot);
  ctx.helper('parseLegacyCallEnd');
  const owner = slot.owner.getText();
  insertAfter(ctx, slot.statement, [`${ctx.helper('onLegacyCallMessage')}(${client}, ${owner}, ${owner}.${PEER_OF[role]}, ${params(ctx, [['extra', 'string']])} => ${handler.call('extra')});`]);
  ctx.converted(slot.statement, INVITE_MSG);
}

/** Whether a property access is the target of an assignment (`call.peer = …`, `call.peer += …`). */
function isAssignmentTarget(access: Node): boolean {
  const parent = access.getParent();
  if (!Node.isBinaryExpression(parent) || parent.getLeft() !== access) return false;
  const kind = parent.getOperatorToken().getKind();
  return kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
}

/** channelInviteUser2 → createLocalInvitation + send(); accept/refuse of an incoming call; hang-ups; renamed call properties. */
export const invitations: Transform = {
  name: 'invitations',
  ids: [INVITE, idOf('remoteCall', 'channelInviteAccept'), idOf('remoteCall', 'channelInviteRefuse'), END, END_BY_PEER, PEERUID, RESEND, DTMF, INVITE_MSG],
  run(sourceFile, ctx) {
    for (const call of ctx.analysis.methodCalls('session', 'channelInviteUser2')) {
      if (ctx.claim(call)) convertInvite(ctx, call);
    }
    for (const call of ctx.analysis.methodCalls('remoteCall', 'channelInviteAccept')) {
      if (ctx.claim(call)) convertAnswer(ctx, call, 'accept');
    }
    for (const call of ctx.analysis.methodCalls('remoteCall', 'channelInviteRefuse')) {
      if (ctx.claim(call)) convertAnswer(ctx, call, 'refuse');
    }
    for (const call of ctx.analysis.methodCalls('call', 'channelInviteUser2')) {
      if (!ctx.claim(call)) continue;
      ctx.todo(
        call,
        RESEND,
        'an RTM LocalInvitation is sent once: to call again, create a new one (client.createLocalInvitation(peer), channelId, content, send()) and register its listeners again',
      );
    }
    for (const role of ['call', 'remoteCall'] as const) {
      for (const call of ctx.analysis.methodCalls(role, 'channelInviteEnd')) {
        if (ctx.claim(call)) convertEnd(ctx, call, role);
      }
      for (const slot of ctx.analysis.slotsOf(role, 'onInviteEndByPeer')) convertEndByPeer(ctx, slot);
      for (const call of ctx.analysis.methodCalls(role, 'channelInviteDTMF')) {
        if (ctx.claim(call)) convertDtmf(ctx, call, role);
      }
      for (const slot of ctx.analysis.slotsOf(role, 'onInviteMsg')) convertInviteMsg(ctx, slot);
    }
    for (const access of sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
      const role = ctx.analysis.roleOf(access.getExpression());
      const parent = access.getParent();
      if (!role || (Node.isCallExpression(parent) && parent.getExpression() === access) || isAssignmentTarget(access)) continue;
      if ((role === 'call' || role === 'remoteCall') && access.getName() === 'peeruid') {
        // 1.2.0.x only; legacy (and the shim) reported 0: RTM has no numeric uids.
        if (!ctx.claim(access)) continue;
        ctx.edit(access.getStart(), access.getEnd(), zeroAt(access));
        ctx.converted(access, PEERUID);
        continue;
      }
      const renamed = RENAMED_PROPERTIES[role]?.[access.getName()];
      if (!renamed || !ctx.claim(access)) continue;
      const nameNode = access.getNameNode();
      ctx.edit(nameNode.getStart(), nameNode.getEnd(), renamed);
      ctx.converted(access, idOf(role, access.getName()));
    }
  },
};
