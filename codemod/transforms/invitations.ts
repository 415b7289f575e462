import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { unwrap } from '../analysis/keys.js';
import type { Role } from '../analysis/roles.js';
import type { Transform, TransformContext } from '../types.js';
import { boundCall } from './bound-call.js';
import { calleeOwner, idOf, insertAfter, replaceNode } from './shared.js';

const INVITE = idOf('session', 'channelInviteUser2');

const RENAMED_PROPERTIES: Partial<Record<Role, Record<string, string>>> = {
  call: { peer: 'calleeId', channelName: 'channelId', extra: 'content' },
  remoteCall: { peer: 'callerId', channelName: 'channelId', extra: 'content' },
  channel: { name: 'channelId' },
};

function isEmpty(node: Node | undefined): boolean {
  const inner = node && unwrap(node);
  return !inner || (Node.isStringLiteral(inner) && inner.getLiteralValue() === '') || (Node.isIdentifier(inner) && inner.getText() === 'undefined');
}

function convertInvite(ctx: TransformContext, call: CallExpression): void {
  const args = call.getArguments();
  const bound = boundCall(call);
  const [channel, peer, extra] = args;
  if (!channel || !peer || args.length > 3 || !bound || bound.kind === 'bare') {
    ctx.todo(call, INVITE, 'use const invitation = client.createLocalInvitation(peer); invitation.channelId = channel; invitation.content = extra; invitation.send()');
    return;
  }
  if (extra && /_require_peer_online|_timeout/.test(extra.getText())) {
    ctx.todo(call, INVITE, 'the extra keys _require_peer_online/_timeout have no RTM counterpart (RTM fails after 30 s without delivery and 60 s without answer)');
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

/** channelInviteUser2 → createLocalInvitation + send(); accept/refuse of an incoming call; renamed call properties. */
export const invitations: Transform = {
  name: 'invitations',
  ids: [INVITE, idOf('remoteCall', 'channelInviteAccept'), idOf('remoteCall', 'channelInviteRefuse')],
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
    for (const access of sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
      const role = ctx.analysis.roleOf(access.getExpression());
      const renamed = role && RENAMED_PROPERTIES[role]?.[access.getName()];
      if (!role || !renamed) continue;
      const parent = access.getParent();
      if (Node.isCallExpression(parent) && parent.getExpression() === access) continue;
      if (Node.isBinaryExpression(parent) && parent.getLeft() === access) continue;
      if (!ctx.claim(access)) continue;
      const nameNode = access.getNameNode();
      ctx.edit(nameNode.getStart(), nameNode.getEnd(), renamed);
      ctx.converted(access, idOf(role, access.getName()));
    }
  },
};
