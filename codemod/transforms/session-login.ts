import { Node } from 'ts-morph';
import { apiId } from '../api.js';
import { keyOf, unwrap } from '../analysis/keys.js';
import type { Transform } from '../types.js';
import { boundCall } from './bound-call.js';
import { createInstanceText } from './signal-factory.js';
import { calleeOwner, chain, errorParam, errorTail, insertAfter, property, replaceNode } from './shared.js';
import { ThenSlots } from './then-slots.js';

const LOGIN = apiId('Signal', 'login');
const ON_LOGIN_SUCCESS = apiId('Session', 'onLoginSuccess');
const ON_LOGIN_FAILED = apiId('Session', 'onLoginFailed');

/**
 * `session = signal.login(account, token)` → `session = signal; session.login({ uid, token })` with
 * onLoginSuccess/onLoginFailed as the arms of the login promise (uid 0, legacy failure codes).
 * Like 1.4.x, onLoginSuccess fires again after an automatic reconnect, once the channels RTM re-joined by itself
 * are left (`repeatLoginSuccessOnReconnect`, difference `reconnect-login-success`).
 */
export const sessionLogin: Transform = {
  name: 'session-login',
  ids: [LOGIN, ON_LOGIN_SUCCESS, ON_LOGIN_FAILED],
  run(sourceFile, ctx) {
    const slots = new ThenSlots(ctx, 'session');
    const logins = ctx.analysis.methodCalls('signal', 'login');
    // Signals (one RTM client each) that log in at more than one place: which session's handler runs after a reconnect depends on the order.
    const ownerKeys = logins.map((call) => (Node.isPropertyAccessExpression(call.getExpression()) ? keyOf(unwrap(calleeOwner(call))) : undefined));
    const sharedClient = (key: string | undefined): boolean => key !== undefined && ownerKeys.filter((other) => other === key).length > 1;
    for (const call of logins) {
      if (!ctx.claim(call)) continue;
      const args = call.getArguments();
      const bound = boundCall(call);
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) continue;
      const owner = unwrap(callee.getExpression());
      const creation = ctx.analysis.isCreation(owner) ? owner : undefined;
      let signalText = ctx.source(callee.getExpression());
      if (creation) {
        ctx.claim(creation);
        signalText = createInstanceText(ctx, creation);
        ctx.converted(creation, apiId('Signal', 'Signal'));
      }
      if (args.length < 1 || args.length > 4 || !bound) {
        if (creation) ctx.edit(creation.getStart(), creation.getEnd(), signalText);
        ctx.todo(call, LOGIN, 'use client.login({ uid: account, token }) and handle its promise (onLoginSuccess → then, onLoginFailed → catch)');
        continue;
      }
      const [account, token] = args;
      const fields = [property(ctx, 'uid', account!)];
      const tokenNode = token && unwrap(token);
      const noToken = !tokenNode || (Node.isStringLiteral(tokenNode) && ['_no_need_token', ''].includes(tokenNode.getLiteralValue()));
      if (!noToken && token) fields.push(property(ctx, 'token', token));
      const sessionText = bound.targetText ?? signalText;
      const success = slots.handlerFor(bound.targetKey, 'onLoginSuccess', call);
      const failure = slots.handlerFor(bound.targetKey, 'onLoginFailed', call);
      const links: string[] = [];
      if (success) {
        const reject = failure ? `${errorParam(ctx)} => ${failure.call(`${ctx.helper('legacyLoginErrorCode')}(error)`)}` : '() => {}';
        links.push(`.then(() => ${success.call('0')}, ${reject})`, ...errorTail(ctx));
      } else if (failure) {
        links.push(`.catch(${errorParam(ctx)} => ${failure.call(`${ctx.helper('legacyLoginErrorCode')}(error)`)})`, ...errorTail(ctx));
      } else {
        links.push('.catch(() => {})');
      }
      const login = chain(ctx, `${sessionText}.login({ ${fields.join(', ')} })`, links);
      // 1.4.x fired onLoginSuccess again after a reconnect, without the channels (difference reconnect-login-success).
      const repeat = success !== undefined && ctx.preserve('reconnect-login-success');
      const again = repeat && !sharedClient(keyOf(owner)) ? [`${ctx.helper('repeatLoginSuccessOnReconnect')}(${sessionText}, () => ${success.call('0')});`] : [];
      if (bound.kind === 'bare') {
        replaceNode(ctx, call, login);
        if (again.length > 0) insertAfter(ctx, bound.statement, again);
      } else {
        ctx.edit(call.getStart(), call.getEnd(), signalText);
        insertAfter(ctx, bound.statement, [`${login};`, ...again]);
      }
      ctx.converted(call, LOGIN);
      if (repeat && again.length === 0) {
        ctx.todo(
          call,
          ON_LOGIN_SUCCESS,
          "this Signal logs in at more than one place: after an automatic reconnect 1.4.x fired onLoginSuccess of the session in use and did not re-join channels (RTM re-joins them and fires nothing): for that session, leave the re-joined channels and call its handler on client.on('ConnectionStateChanged') CONNECTED after RECONNECTING (docs/codemod.md: repeatLoginSuccessOnReconnect), or pass --no-preserve reconnect-login-success",
        );
      }
      if (args.length > 2) {
        ctx.todo(call, LOGIN, 'reconnect_count/reconnect_time have no RTM counterpart: RTM reconnects until logout() and reports ConnectionStateChanged');
      }
    }
    slots.todoUnused(['onLoginSuccess', 'onLoginFailed'], () => 'assign this callback in the block that calls login() (or around it) so it can become the login promise handler');
  },
};
