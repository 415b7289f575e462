import type { CallExpression, Node } from 'ts-morph';
import { keyOf } from '../analysis/keys.js';
import type { SlotAssignment } from '../analysis/roles.js';
import type { Transform, TransformContext } from '../types.js';
import { ownAccountAt } from './own-account.js';
import type { Handler } from './shared.js';
import { calleeOwner, chain, errorTail, hoistSlot, idOf, property, replaceNode, settleLinks, slotProblem, slotVisibleFrom, valueDiscarded } from './shared.js';

const SEND = idOf('channel', 'messageChannelSend');
const LEAVE = idOf('channel', 'channelLeave');
const ON_LEAVED = idOf('channel', 'onChannelLeaved');

function convertSend(ctx: TransformContext, call: CallExpression): void {
  const args = call.getArguments();
  const owner = calleeOwner(call);
  const channelKey = keyOf(owner);
  if (args.length < 1 || args.length > 2 || !valueDiscarded(call) || !channelKey) {
    ctx.todo(call, SEND, 'use channel.sendMessage({ text: msg }) and call cb() when it settles');
    return;
  }
  const [msg, callback] = args;
  let head: string;
  if (ctx.preserve('own-channel-message')) {
    const account = ownAccountAt(ctx, channelKey, call);
    if (!account) {
      ctx.todo(
        call,
        SEND,
        'legacy also delivered this message to the sender\'s own onMessageChannelReceive and RTM does not; the login account is not in scope here: use channel.sendMessage({ text: msg }) and call your handler for your own message (or run with --no-preserve own-channel-message)',
      );
      return;
    }
    head = `${ctx.helper('sendChannelMessageAndEcho')}(${ctx.source(owner)}, ${account}, ${ctx.source(msg!)})`;
  } else {
    head = `${ctx.source(owner)}.sendMessage({ ${property(ctx, 'text', msg!)} })`;
  }
  replaceNode(ctx, call, chain(ctx, head, settleLinks(ctx, callback)));
  ctx.converted(call, SEND);
}

function convertLeave(ctx: TransformContext, call: CallExpression, leavedHandler: (site: Node) => Handler | undefined | null): void {
  const args = call.getArguments();
  const owner = ctx.source(calleeOwner(call));
  if (args.length > 1 || !valueDiscarded(call)) {
    ctx.todo(call, LEAVE, 'use channel.leave(); legacy called cb() (and then not onChannelLeaved) once the server answered');
    return;
  }
  const [callback] = args;
  let links: string[];
  if (callback) {
    links = settleLinks(ctx, callback);
  } else {
    const handler = leavedHandler(call);
    if (handler === null) {
      ctx.todo(call, LEAVE, 'the onChannelLeaved handler of this channel is not in scope here: call it with 0 once channel.leave() settles');
      return;
    }
    links = handler ? ['.catch(() => {})', `.then(() => ${handler.call('0')})`, ...errorTail(ctx)] : ['.catch(() => {})'];
  }
  replaceNode(ctx, call, chain(ctx, `${owner}.leave()`, links));
  ctx.converted(call, LEAVE);
}

/** messageChannelSend → sendMessage (+ own delivery), channelLeave → leave() with the legacy cb rule. */
export const channelMethods: Transform = {
  name: 'channel-methods',
  ids: [SEND, LEAVE, ON_LEAVED],
  run(_sourceFile, ctx) {
    for (const call of ctx.analysis.methodCalls('channel', 'messageChannelSend')) {
      if (ctx.claim(call)) convertSend(ctx, call);
    }
    const hoisted = new Map<SlotAssignment, Handler>();
    /** The onChannelLeaved handler for a leave site: a name, undefined when there is none, null when out of reach. */
    const leavedHandler = (site: Node): Handler | undefined | null => {
      const key = keyOf(calleeOwner(site as CallExpression));
      const assignments = ctx.analysis.slotsOf('channel', 'onChannelLeaved').filter((slot) => slot.ownerKey === key);
      if (assignments.length === 0) return undefined;
      const visible = assignments.filter((slot) => slotVisibleFrom(slot, site));
      if (visible.length !== 1) return null;
      const slot = visible[0]!;
      const known = hoisted.get(slot);
      if (known) return known;
      if (slotProblem(ctx, slot)) return null;
      const handler = hoistSlot(ctx, slot);
      hoisted.set(slot, handler);
      ctx.converted(slot.statement, ON_LEAVED);
      return handler;
    };
    for (const call of ctx.analysis.methodCalls('channel', 'channelLeave')) {
      if (ctx.claim(call)) convertLeave(ctx, call, leavedHandler);
    }
    for (const slot of ctx.analysis.slotsOf('channel', 'onChannelLeaved')) {
      if (hoisted.has(slot) || ctx.isClaimed(slot.statement)) continue;
      ctx.todo(slot.statement, ON_LEAVED, slotProblem(ctx, slot) ?? 'no channelLeave() call of this channel can reach this handler: call it with 0 after channel.leave() settles');
    }
  },
};
