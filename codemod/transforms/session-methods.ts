import type { CallExpression, Node } from 'ts-morph';
import { keyOf } from '../analysis/keys.js';
import type { Transform, TransformContext } from '../types.js';
import { calleeOwner, chain, errorTail, idOf, property, replaceNode, valueDiscarded } from './shared.js';

const SEND = idOf('session', 'messageInstantSend');
const LOGOUT = idOf('session', 'logout');
const GET_STATUS = idOf('session', 'getStatus');

/** `cb(isError)` of messageInstantSend: false once the server accepted the message, true on failure. */
function sendLinks(ctx: TransformContext, callback: Node | undefined): string[] {
  if (!callback) return ['.catch(() => {})'];
  const text = ctx.source(callback);
  const links = keyOf(callback) !== undefined ? [`.then(() => ${text}(false), () => ${text}(true))`] : ['.then(() => false, () => true)', `.then(${text})`];
  return [...links, ...errorTail(ctx)];
}

function convertSend(ctx: TransformContext, call: CallExpression): void {
  const args = call.getArguments();
  if (args.length === 4) {
    ctx.todo(call, SEND, 'native messageInstantSend(account, uid, msg, msgID): use client.sendMessageToPeer({ text: msg }, account)');
    return;
  }
  if (args.length < 2 || args.length > 3 || !valueDiscarded(call)) {
    ctx.todo(call, SEND, 'use client.sendMessageToPeer({ text: msg }, peer).then(() => cb(false), () => cb(true))');
    return;
  }
  const [peer, msg, callback] = args;
  const owner = ctx.source(calleeOwner(call));
  replaceNode(ctx, call, chain(ctx, `${owner}.sendMessageToPeer({ ${property(ctx, 'text', msg!)} }, ${ctx.source(peer!)})`, sendLinks(ctx, callback)));
  ctx.converted(call, SEND);
}

/** messageInstantSend → sendMessageToPeer; logout → logout(); getStatus → ConnectionStateChanged. */
export const sessionMethods: Transform = {
  name: 'session-methods',
  ids: [SEND, LOGOUT, GET_STATUS],
  run(_sourceFile, ctx) {
    for (const call of ctx.analysis.methodCalls('session', 'messageInstantSend')) {
      if (ctx.claim(call)) convertSend(ctx, call);
    }
    for (const call of ctx.analysis.methodCalls('session', 'logout')) {
      if (!ctx.claim(call)) continue;
      if (call.getArguments().length > 0 || !valueDiscarded(call)) {
        ctx.todo(call, LOGOUT, 'use client.logout() (a promise); onLogout(101) follows through ConnectionStateChanged');
        continue;
      }
      replaceNode(ctx, call, `${ctx.source(calleeOwner(call))}.logout().catch(() => {})`);
      ctx.converted(call, LOGOUT);
    }
    for (const call of ctx.analysis.methodCalls('session', 'getStatus')) {
      if (!ctx.claim(call)) continue;
      ctx.todo(
        call,
        GET_STATUS,
        "RTM has no getStatus(): track client.on('ConnectionStateChanged', (state) => …) with DISCONNECTED/ABORTED → 0, CONNECTING → 1, CONNECTED → 2, RECONNECTING → 3",
      );
    }
  },
};
