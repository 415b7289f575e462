import { Node, SyntaxKind } from 'ts-morph';
import { findApiId, memberNames, plannedTodo } from '../api.js';
import { enclosingStatement } from '../todo.js';
import type { Transform } from '../types.js';
import { flatId, todoUnusedSlots } from './flat-shared.js';

function markedFlat(statement: Node): boolean {
  const text = statement.getSourceFile().getFullText();
  return statement.getLeadingCommentRanges().some((range) => text.slice(range.getPos(), range.getEnd()).includes('TODO(resignal: SIG_FLAT_'));
}

/** Result callbacks that converted calls use; an assignment no converted call could use is marked. */
const RESULT_SLOTS = [
  'onLoginSuccess', 'onLoginFailed', 'onError', 'onChannelQueryUserIsIn', 'onMessageSendSuccess', 'onMessageSendError', 'onQueryUserStatusResult', 'onChannelQueryUserNumResult', 'onInvokeRet',
  'onChannelJoined', 'onChannelJoinFailed', 'onChannelUserList', 'onChannelUserJoined', 'onChannelUserLeaved', 'onMessageChannelReceive', 'onChannelLeaved',
  'onInviteReceivedByPeer', 'onInviteAcceptedByPeer', 'onInviteRefusedByPeer', 'onInviteFailed', 'onInviteEndByPeer', 'onInviteEndByMyself', 'onInviteMsg',
];

/** Advice for flat elements the map plans to convert but the codemod converts only in some shapes (or not yet). */
const ADVICE: Record<string, string> = {
  callbackSet: 'RTM has no callback object: assign each callback as a property (api.onX = …) so the codemod can convert it, or register client.on(…) listeners by hand',
};

/**
 * Every flat-API site on a proven flat instance that no flat transform converted gets a TODO with its own
 * `SIG_FLAT_*` ID (the generic leftovers would name the Web element of the same name).
 */
export const flatLeftovers: Transform = {
  name: 'flat-leftovers',
  ids: [],
  run(sourceFile, ctx) {
    todoUnusedSlots(ctx, RESULT_SLOTS);
    const members = new Set(memberNames('flat'));
    for (const access of sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
      const name = access.getName();
      if (!members.has(name)) continue;
      const parent = access.getParent();
      const node = Node.isCallExpression(parent) && parent.getExpression() === access ? parent : access;
      const statement = enclosingStatement(access);
      if (ctx.isClaimed(node) || (statement && ctx.isClaimed(statement))) continue;
      if (statement && markedFlat(statement)) {
        // Marked by an earlier run, when the object was still a proven flat instance: leave it to that TODO.
        ctx.claim(node);
        ctx.claim(statement);
        continue;
      }
      if (ctx.analysis.roleOf(access.getExpression()) !== 'flat') continue;
      const id = findApiId('flat', name) ?? flatId('getInstance');
      ctx.todo(node, id, ADVICE[name] ?? plannedTodo(id) ?? `${name} is not converted automatically here: see docs/codemod.md (flat API)`);
      ctx.claim(access);
      if (statement) ctx.claim(statement);
    }
  },
};
