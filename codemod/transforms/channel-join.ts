import { Node } from 'ts-morph';
import type { Transform } from '../types.js';
import { boundCall } from './bound-call.js';
import { chain, errorParam, errorTail, idOf, insertAfter, params, unitOf } from './shared.js';
import { ThenSlots } from './then-slots.js';

const JOIN = idOf('session', 'channelJoin');

/**
 * `channel = session.channelJoin(name)` → `channel = session.createChannel(name); channel.join()`
 * with onChannelJoined / onChannelJoinFailed (the shim's failure string) as the promise arms and, like legacy,
 * the member list delivered after the join (`getMembers()` as `[[account, 0], …]`) before any channel event.
 */
export const channelJoin: Transform = {
  name: 'channel-join',
  ids: [JOIN, idOf('channel', 'onChannelJoined'), idOf('channel', 'onChannelJoinFailed'), idOf('channel', 'onChannelUserList')],
  run(_sourceFile, ctx) {
    const slots = new ThenSlots(ctx, 'channel');
    for (const call of ctx.analysis.methodCalls('session', 'channelJoin')) {
      if (!ctx.claim(call)) continue;
      const bound = boundCall(call);
      const callee = call.getExpression();
      if (call.getArguments().length !== 1 || !bound || bound.kind === 'bare' || !Node.isPropertyAccessExpression(callee)) {
        ctx.todo(call, JOIN, 'use const channel = client.createChannel(name); channel.join().then(onChannelJoined, onChannelJoinFailed)');
        continue;
      }
      const channelText = bound.targetText!;
      const joined = slots.handlerFor(bound.targetKey, 'onChannelJoined', call);
      const failed = slots.handlerFor(bound.targetKey, 'onChannelJoinFailed', call);
      const userList = ctx.preserve('member-list-on-join') ? slots.handlerFor(bound.targetKey, 'onChannelUserList', call) : undefined;
      const pair = ctx.facts.typescript ? '(member): [string, number] => [member, 0]' : '(member) => [member, 0]';
      let success: string | undefined;
      if (userList) {
        const deliver = `${params(ctx, [['members', 'string[]']])} => ${userList.call(`members.map(${pair})`)}`;
        const members = `return ${ctx.helper('deliverMemberListFirst')}(${channelText}, ${deliver});`;
        const unit = unitOf(ctx);
        success = joined ? `() => {\n${unit}${joined.call()};\n${unit}${members}\n}` : `() => {\n${unit}${members}\n}`;
      } else if (joined) {
        success = `() => ${joined.call()}`;
      }
      const reject = failed ? `${errorParam(ctx)} => ${failed.call(`${ctx.helper('legacyFailureString')}(error)`)}` : '() => {}';
      const links = success ? [`.then(${success}, ${reject})`, ...errorTail(ctx)] : failed ? [`.catch(${reject})`, ...errorTail(ctx)] : ['.catch(() => {})'];
      ctx.edit(call.getStart(), call.getEnd(), `${ctx.source(callee.getExpression())}.createChannel(${ctx.source(call.getArguments()[0]!)})`);
      insertAfter(ctx, bound.statement, [`${chain(ctx, `${channelText}.join()`, links)};`]);
      ctx.converted(call, JOIN);
    }
    slots.todoUnused(['onChannelJoined', 'onChannelJoinFailed'], () => 'assign this callback in the block that calls channelJoin() so it can become the join promise handler');
    slots.todoUnused(['onChannelUserList'], () =>
      ctx.preserve('member-list-on-join')
        ? 'assign this callback in the block that calls channelJoin(); RTM does not send the member list on join: call channel.getMembers() after join()'
        : 'RTM does not send the member list on join (--no-preserve member-list-on-join): call channel.getMembers() after join() if you need it',
    );
  },
};
