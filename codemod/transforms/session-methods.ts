import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { keyOf } from '../analysis/keys.js';
import type { Transform, TransformContext } from '../types.js';
import { loginAccountAt } from './own-account.js';
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

/** `session.account` → the login account, `session.uid` → 0, `session.state` → legacyStatus(session); only where they are read. */
function convertProperties(ctx: TransformContext): void {
  for (const name of ['account', 'uid', 'state'] as const) {
    const id = idOf('session', name);
    for (const access of ctx.analysis.accessesNamed(name)) {
      const owner = access.getExpression();
      const key = keyOf(owner);
      if (key === undefined || ctx.analysis.roleOf(owner) !== 'session' || isWritten(access) || ctx.isClaimed(access)) continue;
      if (name === 'account') {
        const account = loginAccountAt(ctx, key, access);
        if (account === undefined) continue; // left to the leftovers pass: a TODO
        ctx.claim(access);
        ctx.edit(access.getStart(), access.getEnd(), account);
      } else {
        ctx.claim(access);
        // Legacy uids are always 0 (RTM has none); the state is numbered like getStatus().
        ctx.edit(access.getStart(), access.getEnd(), name === 'uid' ? zeroAt(access) : `${ctx.helper('legacyStatus')}(${ctx.source(owner)})`);
      }
      ctx.converted(access, id);
    }
  }
}

/** `0` in place of `access`, parenthesized where a member access follows (`(0).toString()`). */
export function zeroAt(access: Node): string {
  const parent = access.getParent();
  return (Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === access ? '(0)' : '0';
}

/** Whether a property is assigned, updated or deleted rather than read. */
function isWritten(access: Node): boolean {
  const parent = access.getParent();
  if (Node.isBinaryExpression(parent) && parent.getLeft() === access) {
    const kind = parent.getOperatorToken().getKind();
    if (kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment) return true;
  }
  return Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent) || Node.isDeleteExpression(parent) || (Node.isCallExpression(parent) && parent.getExpression() === access);
}

const ON_LOGOUT = new Set(['onLogout']);

/**
 * True when nothing in the file can set an onLogout handler: no `x.onLogout` anywhere, no identifier and no string
 * of that name (a loop over callback names spells it as a string). Legacy logout() then did nothing once logged in.
 */
function fileLacksLogoutHandler(ctx: TransformContext): boolean {
  return ctx.analysis.accessesNamed('onLogout').length === 0 && ctx.analysis.identifiersNamed(ON_LOGOUT).length === 0 && !/['"`]onLogout['"`]/.test(ctx.text);
}

/** messageInstantSend → sendMessageToPeer; logout → logout(); getStatus → legacyStatus(client); session properties. */
export const sessionMethods: Transform = {
  name: 'session-methods',
  ids: [SEND, LOGOUT, GET_STATUS, idOf('session', 'account'), idOf('session', 'uid'), idOf('session', 'state')],
  run(_sourceFile, ctx) {
    for (const call of ctx.analysis.methodCalls('session', 'messageInstantSend')) {
      if (ctx.claim(call)) convertSend(ctx, call);
    }
    let lacksHandler: boolean | undefined;
    for (const call of ctx.analysis.methodCalls('session', 'logout')) {
      if (!ctx.claim(call)) continue;
      if (call.getArguments().length > 0 || !valueDiscarded(call)) {
        ctx.todo(call, LOGOUT, 'use client.logout() (a promise); onLogout(101) follows through ConnectionStateChanged');
        continue;
      }
      const owner = ctx.source(calleeOwner(call));
      lacksHandler ??= fileLacksLogoutHandler(ctx);
      if (lacksHandler && ctx.preserve('logout-without-handler')) replaceNode(ctx, call, `${ctx.helper('logoutIfLoggingIn')}(${owner})`);
      else replaceNode(ctx, call, `${owner}.logout().catch(() => {})`);
      ctx.converted(call, LOGOUT);
    }
    for (const call of ctx.analysis.methodCalls('session', 'getStatus')) {
      if (!ctx.claim(call)) continue;
      if (call.getArguments().length > 0) {
        ctx.todo(call, GET_STATUS, "use the client's connection state: DISCONNECTED/ABORTED → 0, CONNECTING → 1, CONNECTED → 2, RECONNECTING → 3");
        continue;
      }
      ctx.edit(call.getStart(), call.getEnd(), `${ctx.helper('legacyStatus')}(${ctx.source(calleeOwner(call))})`);
      ctx.converted(call, GET_STATUS);
    }
    convertProperties(ctx);
  },
};
