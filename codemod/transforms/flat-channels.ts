import type { CallExpression } from 'ts-morph';
import type { Transform, TransformContext } from '../types.js';
import { flatHandler, flatId, instanceAt, repeatable, unusableSlots } from './flat-shared.js';
import { calleeOwner, chain, errorTail, params, replaceNode, valueDiscarded } from './shared.js';

const JOIN = flatId('channelJoin');
const LEAVE = flatId('channelLeave');
/** The callbacks a join delivers, which become its promise arms and the new channel's listeners. */
const JOIN_SLOTS = ['onChannelJoined', 'onChannelJoinFailed', 'onChannelUserList', 'onChannelUserJoined', 'onChannelUserLeaved', 'onMessageChannelReceive', 'onChannelLeaved'];

function cannot(ctx: TransformContext, call: CallExpression, id: typeof JOIN, why: string): void {
  ctx.todo(call, id, `${why}; RTM: client.createChannel(channelID), channel.join() / leave() and channel.on(…) listeners (see docs/codemod.md, flat API)`);
}

/** Why a channel call cannot be converted here, or undefined when it can. */
function problemOf(ctx: TransformContext, call: CallExpression, arity: number): string | undefined {
  if (!valueDiscarded(call)) return 'the result of this call is used';
  if (call.getArguments().length !== arity || !repeatable(call.getArguments()[0])) return 'the channel ID is not a literal or a plain name';
  if (!instanceAt(ctx, call)?.channels) return 'the flat instance is not held in a variable visible here (the converted code keeps its joined channel next to it)';
  return undefined;
}

/**
 * `api.channelJoin(ch)` → leave the joined channel (onChannelLeaved(first, 602)), createChannel + listeners,
 * join() → onChannelJoined(ch), then onChannelUserList(accounts, uids) from getMembers() (the channel's events held
 * until then); failure →
 * onChannelJoinFailed(ch, 300).
 */
function convertJoin(ctx: TransformContext, call: CallExpression): void {
  const problem = problemOf(ctx, call, 1);
  if (problem) return cannot(ctx, call, JOIN, problem);
  const unusable = unusableSlots(ctx, call, JOIN_SLOTS);
  if (unusable.length > 0) return cannot(ctx, call, JOIN, `${unusable.join(', ')} cannot be used here (not in scope, assigned more than once, or reading this)`);
  if (ctx.analysis.slotsOf('flat', 'onChannelAttrUpdated').length > 0) return cannot(ctx, call, JOIN, 'onChannelAttrUpdated is delivered on join and on every change, which the codemod does not convert');
  const client = ctx.source(calleeOwner(call));
  const channels = instanceAt(ctx, call)!.channels!;
  const id = ctx.source(call.getArguments()[0]!);
  const handler = (slot: string): ReturnType<typeof flatHandler> => flatHandler(ctx, call, slot);
  const [joined, failed, userJoined, userLeaved, received, leaved] = JOIN_SLOTS.filter((slot) => slot !== 'onChannelUserList').map(handler);
  // With --no-preserve member-list-on-join the list is not delivered: its handler is left to the leftovers' TODO.
  const list = ctx.preserve('member-list-on-join') ? handler('onChannelUserList') : undefined;
  const text = ctx.facts.typescript ? "message.text ?? ''" : 'message.text';
  // Fresh names: the channel ID expression may itself be called `channel`.
  const [channel, left] = [ctx.uniqueName('channel'), ctx.uniqueName('left')];
  const body = [`const ${channel} = ${client}.createChannel(${id});`, `${channels}.set(${id}, ${channel});`];
  if (leaved) body.unshift(`for (const channelID of ${left}) ${leaved.call('channelID', '602')};`);
  if (userJoined) body.push(`${channel}.on('MemberJoined', ${params(ctx, [['memberId', 'string']])} => ${userJoined.call('memberId', '0')});`);
  if (userLeaved) body.push(`${channel}.on('MemberLeft', ${params(ctx, [['memberId', 'string']])} => ${userLeaved.call('memberId', '0')});`);
  if (received) body.push(`${channel}.on('ChannelMessage', ${params(ctx, [['message', '{ text?: string }'], ['memberId', 'string']])} => ${received.call(id, 'memberId', '0', text)});`);
  const onJoined: string[] = [];
  if (joined) onJoined.push(`${joined.call(id)};`);
  // As the flat API did, the channel's events wait until the member list has been delivered.
  if (list) onJoined.push(`return ${ctx.helper('deliverMemberListFirst')}(${channel}, ${params(ctx, [['members', 'string[]']])} => ${list.call('members', 'members.map(() => 0)')});`);
  const onFailed = [`${channels}.delete(${id});`, ...(failed ? [`${failed.call(id, '300')};`] : [])];
  const block = (lines: string[]): string => (lines.length === 0 ? '() => {}' : `() => {\n${lines.map((line) => `  ${line}`).join('\n')}\n}`);
  body.push(`return ${channel}.join().then(${block(onJoined)}, ${block(onFailed)});`);
  const links = [`.then(${leaved ? `(${left})` : '()'} => {\n${body.map((line) => `  ${line.replace(/\n/g, '\n  ')}`).join('\n')}\n})`, ...(errorTail(ctx).length > 0 ? errorTail(ctx) : ['.catch(() => {})'])];
  replaceNode(ctx, call, chain(ctx, `${ctx.helper('leaveFlatChannels')}(${channels})`, links));
  ctx.converted(call, JOIN);
}

/** `api.channelLeave(ch)` → leave() and onChannelLeaved(ch, 602); leaving a channel that is not the joined one does nothing. */
function convertLeave(ctx: TransformContext, call: CallExpression): void {
  const problem = problemOf(ctx, call, 1);
  if (problem) return cannot(ctx, call, LEAVE, problem);
  if (unusableSlots(ctx, call, ['onChannelLeaved']).length > 0) return cannot(ctx, call, LEAVE, 'onChannelLeaved cannot be used here');
  const channels = instanceAt(ctx, call)!.channels!;
  const id = ctx.source(call.getArguments()[0]!);
  const leaved = flatHandler(ctx, call, 'onChannelLeaved');
  const head = `${ctx.helper('leaveFlatChannel')}(${channels}, ${id})`;
  const links = leaved ? [`.then((left) => {\n  if (left) ${leaved.call(id, '602')};\n})`, ...errorTail(ctx)] : ['.catch(() => {})'];
  replaceNode(ctx, call, chain(ctx, head, links));
  ctx.converted(call, LEAVE);
}

/** The flat channel: join and leave by ID, with the channel callbacks. */
export const flatChannels: Transform = {
  name: 'flat-channels',
  ids: [JOIN, LEAVE, ...JOIN_SLOTS.map(flatId)],
  run(_sourceFile, ctx) {
    for (const call of ctx.analysis.methodCalls('flat', 'channelJoin')) if (ctx.claim(call)) convertJoin(ctx, call);
    for (const call of ctx.analysis.methodCalls('flat', 'channelLeave')) if (ctx.claim(call)) convertLeave(ctx, call);
  },
};
