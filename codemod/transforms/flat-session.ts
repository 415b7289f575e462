import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { unwrap } from '../analysis/keys.js';
import type { SlotAssignment } from '../analysis/roles.js';
import type { Transform, TransformContext } from '../types.js';
import { callSignalCheck } from './event-slots.js';
import { CALL_METHODS } from './flat-instance.js';
import { arms, flatHandler, flatId, instanceAt } from './flat-shared.js';
import { calleeOwner, chain, errorParam, hoistSlot, insertAfter, params, property, replaceNode, slotProblem, valueDiscarded } from './shared.js';

const LOGIN = flatId('login');
const LOGIN2 = flatId('login2');
const LOGOUT = flatId('logout');
const ON_LOGOUT = flatId('onLogout');
const ON_INSTANT_RECEIVE = flatId('onMessageInstantReceive');

/** login2's retry limits that RTM's own reconnection matches (its documented defaults, which login used too). */
function defaultRetries(args: readonly Node[]): boolean {
  const [time, count] = [args[5], args[6]].map((arg) => (arg ? unwrap(arg).getText() : undefined));
  return (time === undefined || time === '30') && (count === undefined || count === '3');
}

/** `api.login2(appId, account, token, uid, deviceID, 30, 3)` → `api.login({ uid: account, token })` with onLoginSuccess(0, 0) / onLoginFailed(code) (the shim maps login errors alike for both APIs). */
function convertLogin(ctx: TransformContext, call: CallExpression, id: typeof LOGIN): void {
  const args = call.getArguments();
  if (args.length < 2 || args.length > (id === LOGIN ? 5 : 7) || !valueDiscarded(call)) {
    ctx.todo(call, id, 'use client.login({ uid: account, token }) and handle its promise (onLoginSuccess(0, 0) → then, onLoginFailed(code) → catch)');
    return;
  }
  if (!defaultRetries(args)) {
    ctx.todo(call, id, 'login2 retry limits other than the defaults (30 s, 3 retries) have no RTM counterpart: RTM reconnects until logout() and reports ConnectionStateChanged');
    return;
  }
  const [, account, token] = args;
  const fields = [property(ctx, 'uid', account!)];
  const tokenNode = token && unwrap(token);
  const noToken = !tokenNode || (Node.isStringLiteral(tokenNode) && ['_no_need_token', ''].includes(tokenNode.getLiteralValue()));
  if (!noToken && token) fields.push(property(ctx, 'token', token));
  const success = flatHandler(ctx, call, 'onLoginSuccess');
  const failure = flatHandler(ctx, call, 'onLoginFailed');
  const ok = success && `() => ${success.call('0', '0')}`;
  const fail = failure && `${errorParam(ctx)} => ${failure.call(`${ctx.helper('legacyLoginErrorCode')}(error)`)}`;
  replaceNode(ctx, call, chain(ctx, `${ctx.source(calleeOwner(call))}.login({ ${fields.join(', ')} })`, arms(ctx, ok, fail)));
  ctx.converted(call, id);
}

/** `api.logout()`: a joined channel ends first with onChannelLeaved(channelID, 603), then onLogout(101) from ConnectionStateChanged. */
function convertLogout(ctx: TransformContext, call: CallExpression): void {
  if (call.getArguments().length > 0 || !valueDiscarded(call)) {
    ctx.todo(call, LOGOUT, 'use client.logout() (onLogout comes from ConnectionStateChanged)');
    return;
  }
  const client = ctx.source(calleeOwner(call));
  const channels = instanceAt(ctx, call)?.channels;
  if (!channels) {
    replaceNode(ctx, call, `${client}.logout().catch(() => {})`);
    ctx.converted(call, LOGOUT);
    return;
  }
  const leaved = flatHandler(ctx, call, 'onChannelLeaved');
  const body = leaved
    ? ['(left) => {', `  for (const channelID of left) ${leaved.call('channelID', '603')};`, `  return ${client}.logout();`, '}'].join('\n')
    : `() => ${client}.logout()`;
  replaceNode(ctx, call, chain(ctx, `${ctx.helper('leaveFlatChannels')}(${channels})`, [`.then(${body})`, '.catch(() => {})']));
  ctx.converted(call, LOGOUT);
}

function convertEventSlot(ctx: TransformContext, slot: SlotAssignment, id: typeof ON_LOGOUT, lines: (call: (...args: string[]) => string) => string[]): void {
  const problem = slotProblem(ctx, slot);
  if (problem === 'already handled') return;
  if (problem) {
    ctx.todo(slot.statement, id, problem);
    return;
  }
  const handler = hoistSlot(ctx, slot);
  insertAfter(ctx, slot.statement, lines((...args) => handler.call(...args)));
  ctx.converted(slot.statement, id);
}

/** Whether the file makes or takes flat calls, whose signals arrive as peer messages. */
function usesFlatCalls(ctx: TransformContext): boolean {
  return CALL_METHODS.some((method) => ctx.analysis.methodCalls('flat', method).length > 0) || ctx.analysis.slotsOf('flat', 'onInviteReceived').length > 0;
}

/** The flat session: login/login2, logout, onLogout and incoming peer messages. */
export const flatSession: Transform = {
  name: 'flat-session',
  ids: [LOGIN, LOGIN2, LOGOUT, ON_LOGOUT, ON_INSTANT_RECEIVE, flatId('onLoginSuccess'), flatId('onLoginFailed')],
  run(_sourceFile, ctx) {
    for (const [method, id] of [['login', LOGIN], ['login2', LOGIN2]] as const) {
      for (const call of ctx.analysis.methodCalls('flat', method)) if (ctx.claim(call)) convertLogin(ctx, call, id);
    }
    for (const call of ctx.analysis.methodCalls('flat', 'logout')) if (ctx.claim(call)) convertLogout(ctx, call);
    for (const slot of ctx.analysis.slotsOf('flat', 'onLogout')) {
      convertEventSlot(ctx, slot, ON_LOGOUT, (call) => [
        `${slot.owner.getText()}.on('ConnectionStateChanged', ${params(ctx, [['state', 'string'], ['reason', 'string']])} => {`,
        `  const ecode = ${ctx.helper('legacyLogoutCode')}(state, reason);`,
        `  if (ecode !== undefined) ${call('ecode')};`,
        '});',
      ]);
    }
    const text = ctx.facts.typescript ? "message.text ?? ''" : 'message.text';
    // The flat API consumed the signals of calls (hang-ups, in-call messages): they never reached onMessageInstantReceive.
    const calls = usesFlatCalls(ctx);
    for (const slot of ctx.analysis.slotsOf('flat', 'onMessageInstantReceive')) {
      convertEventSlot(ctx, slot, ON_INSTANT_RECEIVE, (call) => [
        `${slot.owner.getText()}.on('MessageFromPeer', ${params(ctx, [['message', '{ text?: string }'], ['peerId', 'string']])} => ${calls ? `{\n  if (!${callSignalCheck(ctx)}(message.text)) ${call('peerId', '0', text)};\n}` : call('peerId', '0', text)});`,
      ]);
    }
  },
};
