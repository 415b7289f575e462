import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { unwrap } from '../analysis/keys.js';
import type { Transform, TransformContext } from '../types.js';
import { arms, errorArm, flatHandler, flatId, instanceAt, loginAccountAt, messageIdText, repeatable, unusableSlots } from './flat-shared.js';
import { calleeOwner, chain, errorParam, params, property, replaceNode, valueDiscarded } from './shared.js';

const INSTANT_SEND = flatId('messageInstantSend');
const CHANNEL_SEND = flatId('messageChannelSend');
const INSTANT_SEND2 = flatId('messageInstantSend2');
const CHANNEL_SEND2 = flatId('messageChannelSend2');
const QUERY_USER_STATUS = flatId('queryUserStatus');
const QUERY_USER_NUM = flatId('channelQueryUserNum');
const QUERY_USER_IS_IN = flatId('channelQueryUserIsIn');
const INVOKE = flatId('invoke');
const SEND_SLOTS = ['onMessageSendSuccess', 'onMessageSendError'];

function checked(ctx: TransformContext, call: CallExpression, id: typeof INSTANT_SEND, arity: [number, number], repeated: number[], slots: string[], rtm: string): boolean {
  const args = call.getArguments();
  let problem: string | undefined;
  if (!valueDiscarded(call)) problem = 'the result of this call is used';
  else if (args.length < arity[0] || args.length > arity[1]) problem = 'unexpected arguments';
  else if (repeated.some((index) => args[index] !== undefined && !repeatable(args[index]))) problem = 'an argument the callbacks repeat is not a literal or a plain name';
  else if (unusableSlots(ctx, call, slots).length > 0) problem = `${unusableSlots(ctx, call, slots).join(', ')} cannot be used here (not in scope, assigned more than once, or reading this)`;
  if (problem) ctx.todo(call, id, `${problem}; RTM: ${rtm}`);
  return problem === undefined;
}

/** The arms that report a send: onMessageSendSuccess(msgID) / onMessageSendError(msgID, 401 timed out | 400). */
function sendArms(ctx: TransformContext, call: CallExpression, msgID: Node | undefined, afterSuccess: string[] = []): string[] {
  const success = flatHandler(ctx, call, 'onMessageSendSuccess');
  const failure = flatHandler(ctx, call, 'onMessageSendError');
  const id = success || failure ? messageIdText(ctx, msgID) : '';
  const steps = [...(success ? [`${success.call(id)};`] : []), ...afterSuccess];
  const ok = steps.length === 0 ? undefined : steps.length === 1 && success ? `() => ${success.call(id)}` : `() => {\n${steps.map((step) => `  ${step}`).join('\n')}\n}`;
  const fail = failure && `${errorParam(ctx)} => ${failure.call(id, `${ctx.helper('flatFailureCode')}(error, 401, 400)`)}`;
  return arms(ctx, ok, fail);
}

/** `api.messageInstantSend(account, uid, msg, msgID)` → `sendMessageToPeer({ text: msg }, account)`; send2's options were ignored by the flat shim too. */
function convertInstantSend(ctx: TransformContext, call: CallExpression, id = INSTANT_SEND): void {
  if (!checked(ctx, call, id, [3, id === INSTANT_SEND ? 4 : 5], [3], SEND_SLOTS, 'client.sendMessageToPeer({ text: msg }, account)')) return;
  const [account, , msg, msgID] = call.getArguments();
  const head = `${ctx.source(calleeOwner(call))}.sendMessageToPeer({ ${property(ctx, 'text', msg!)} }, ${ctx.source(account!)})`;
  replaceNode(ctx, call, chain(ctx, head, sendArms(ctx, call, msgID)));
  ctx.converted(call, id);
}

/** `api.messageChannelSend(ch, msg, msgID)` → send on the joined channel; the sender gets its own copy after onMessageSendSuccess, as legacy did (send2's extra is ignored, as by the flat shim). */
function convertChannelSend(ctx: TransformContext, call: CallExpression, id = CHANNEL_SEND): void {
  if (!checked(ctx, call, id, [2, id === CHANNEL_SEND ? 3 : 4], [0, 1, 2], [...SEND_SLOTS, 'onMessageChannelReceive'], 'channel.sendMessage({ text: msg }) on the joined channel')) return;
  const channels = instanceAt(ctx, call)?.channels;
  const received = flatHandler(ctx, call, 'onMessageChannelReceive');
  const account = received && ctx.preserve('own-channel-message') ? loginAccountAt(ctx, call) : undefined;
  if (!channels || (received && ctx.preserve('own-channel-message') && !account)) {
    const why = channels ? 'the login account is not in scope here (the sender received its own channel message: onMessageChannelReceive); or use --no-preserve own-channel-message' : 'the flat instance is not held in a variable visible here';
    ctx.todo(call, id, `${why}; RTM: channel.sendMessage({ text: msg }) on the joined channel`);
    return;
  }
  const [channelID, msg, msgID] = call.getArguments();
  const echo = received && account ? [`${received.call(ctx.source(channelID!), account, '0', ctx.source(msg!))};`] : [];
  const head = `${ctx.helper('sendFlatChannelMessage')}(${channels}, ${ctx.source(channelID!)}, ${ctx.source(msg!)})`;
  replaceNode(ctx, call, chain(ctx, head, sendArms(ctx, call, msgID, echo)));
  ctx.converted(call, id);
}

/** `api.queryUserStatus(account)` → `queryPeersOnlineStatus([account])` → onQueryUserStatusResult(account, '1' | '0'). */
function convertQueryUserStatus(ctx: TransformContext, call: CallExpression): void {
  if (!checked(ctx, call, QUERY_USER_STATUS, [1, 1], [0], ['onQueryUserStatusResult', 'onError'], 'client.queryPeersOnlineStatus([account])')) return;
  const account = ctx.source(call.getArguments()[0]!);
  const result = flatHandler(ctx, call, 'onQueryUserStatusResult');
  const status = ctx.uniqueName('online');
  const ok = result && `${params(ctx, [[status, 'Record<string, boolean>']])} => ${result.call(account, `${status}[${account}] ? '1' : '0'`)}`;
  replaceNode(ctx, call, chain(ctx, `${ctx.source(calleeOwner(call))}.queryPeersOnlineStatus([${account}])`, arms(ctx, ok, errorArm(ctx, call, 'queryUserStatus'))));
  ctx.converted(call, QUERY_USER_STATUS);
}

/** `api.channelQueryUserIsIn(ch, account)` → the joined channel's getMembers() → onChannelQueryUserIsIn(ch, account, 1 | 0); other channels fail (onError), as in the flat API. */
function convertQueryUserIsIn(ctx: TransformContext, call: CallExpression): void {
  if (!checked(ctx, call, QUERY_USER_IS_IN, [2, 2], [0, 1], ['onChannelQueryUserIsIn', 'onError'], '(await channel.getMembers()).includes(account) on the joined channel')) return;
  const channels = instanceAt(ctx, call)?.channels;
  if (!channels) {
    ctx.todo(call, QUERY_USER_IS_IN, 'the flat instance is not held in a variable visible here; RTM: (await channel.getMembers()).includes(account) on the joined channel');
    return;
  }
  const [channelID, account] = call.getArguments().map((arg) => ctx.source(arg));
  const result = flatHandler(ctx, call, 'onChannelQueryUserIsIn');
  const members = ctx.uniqueName('members');
  const ok = result && `${params(ctx, [[members, 'string[]']])} => ${result.call(channelID!, account!, `${members}.includes(${account!}) ? 1 : 0`)}`;
  replaceNode(ctx, call, chain(ctx, `${ctx.helper('flatChannelMembers')}(${channels}, ${channelID!})`, arms(ctx, ok, errorArm(ctx, call, 'channelQueryUserIsIn'))));
  ctx.converted(call, QUERY_USER_IS_IN);
}

/** `api.channelQueryUserNum(ch)` → `getChannelMemberCount([ch])` → onChannelQueryUserNumResult(ch, 0, num) or (ch, 501 | 500, 0). */
function convertQueryUserNum(ctx: TransformContext, call: CallExpression): void {
  if (!checked(ctx, call, QUERY_USER_NUM, [1, 1], [0], ['onChannelQueryUserNumResult'], 'client.getChannelMemberCount([channelID])')) return;
  const id = ctx.source(call.getArguments()[0]!);
  const result = flatHandler(ctx, call, 'onChannelQueryUserNumResult');
  const counts = ctx.uniqueName('counts');
  const ok = result && `${params(ctx, [[counts, 'Record<string, number>']])} => ${result.call(id, '0', `${counts}[${id}] ?? 0`)}`;
  const fail = result && `${errorParam(ctx)} => ${result.call(id, `${ctx.helper('flatFailureCode')}(error, 501, 500)`, '0')}`;
  replaceNode(ctx, call, chain(ctx, `${ctx.source(calleeOwner(call))}.getChannelMemberCount([${id}])`, arms(ctx, ok, fail)));
  ctx.converted(call, QUERY_USER_NUM);
}

/** The `account` of `JSON.stringify({ account: … })` or of a JSON string literal. */
function accountArgument(ctx: TransformContext, reqJSON: Node): string | undefined {
  const inner = unwrap(reqJSON);
  if (Node.isStringLiteral(inner)) {
    try {
      const parsed: unknown = JSON.parse(inner.getLiteralValue());
      const account = typeof parsed === 'object' && parsed !== null && 'account' in parsed ? parsed.account : undefined;
      return typeof account === 'string' ? JSON.stringify(account).replace(/^"|"$/g, "'") : undefined;
    } catch {
      return undefined;
    }
  }
  if (!Node.isCallExpression(inner) || inner.getExpression().getText() !== 'JSON.stringify') return undefined;
  const object = inner.getArguments()[0];
  if (!object || !Node.isObjectLiteralExpression(object) || object.getProperties().length !== 1) return undefined;
  const entry = object.getProperty('account');
  if (entry && Node.isPropertyAssignment(entry) && repeatable(entry.getInitializerOrThrow())) return ctx.source(entry.getInitializerOrThrow());
  return entry && Node.isShorthandPropertyAssignment(entry) ? 'account' : undefined;
}

/**
 * `api.invoke('io.agora.signal.user_query_user_status', reqJSON, callID)` → `queryPeersOnlineStatus` and
 * onInvokeRet(callID, '', '{"result":"ok","account":…,"status":1|0}'). Other functions stay TODO.
 */
function convertInvoke(ctx: TransformContext, call: CallExpression): void {
  const [name, reqJSON, callID] = call.getArguments();
  const fn = name && unwrap(name);
  const account = reqJSON && accountArgument(ctx, reqJSON);
  if (!fn || !Node.isStringLiteral(fn) || fn.getLiteralValue() !== 'io.agora.signal.user_query_user_status' || !account || !repeatable(callID)) {
    ctx.todo(call, INVOKE, 'only invoke(\'io.agora.signal.user_query_user_status\', JSON.stringify({ account }), callID) is converted; call the matching RTM method (see docs/api-map.md, invoke functions) and report its result yourself');
    return;
  }
  if (!checked(ctx, call, INVOKE, [3, 3], [], ['onInvokeRet'], 'client.queryPeersOnlineStatus([account])')) return;
  const ret = flatHandler(ctx, call, 'onInvokeRet');
  const id = ctx.source(callID!);
  const status = ctx.uniqueName('online');
  const ok = ret && `${params(ctx, [[status, 'Record<string, boolean>']])} => ${ret.call(id, "''", `JSON.stringify({ result: 'ok', account: ${account}, status: ${status}[${account}] ? 1 : 0 })`)}`;
  const fail = ret && `${errorParam(ctx)} => ${ret.call(id, "'failed'", "JSON.stringify({ result: 'failed', reason: String(error) })")}`;
  replaceNode(ctx, call, chain(ctx, `${ctx.source(calleeOwner(call))}.queryPeersOnlineStatus([${account}])`, arms(ctx, ok, fail)));
  ctx.converted(call, INVOKE);
}

/** Flat messages and queries: peer and channel sends with their message IDs, online status, member counts, invoke. */
export const flatMessages: Transform = {
  name: 'flat-messages',
  ids: [INSTANT_SEND, CHANNEL_SEND, INSTANT_SEND2, CHANNEL_SEND2, QUERY_USER_STATUS, QUERY_USER_NUM, QUERY_USER_IS_IN, INVOKE, flatId('onChannelQueryUserIsIn'), flatId('onError'), ...SEND_SLOTS.map(flatId), flatId('onQueryUserStatusResult'), flatId('onChannelQueryUserNumResult'), flatId('onInvokeRet')],
  run(_sourceFile, ctx) {
    const conversions: [string, (ctx: TransformContext, call: CallExpression) => void][] = [
      ['messageInstantSend', convertInstantSend],
      ['messageChannelSend', convertChannelSend],
      ['messageInstantSend2', (c, call) => convertInstantSend(c, call, INSTANT_SEND2)],
      ['messageChannelSend2', (c, call) => convertChannelSend(c, call, CHANNEL_SEND2)],
      ['queryUserStatus', convertQueryUserStatus],
      ['channelQueryUserNum', convertQueryUserNum],
      ['channelQueryUserIsIn', convertQueryUserIsIn],
      ['invoke', convertInvoke],
    ];
    for (const [method, convert] of conversions) for (const call of ctx.analysis.methodCalls('flat', method)) if (ctx.claim(call)) convert(ctx, call);
  },
};
