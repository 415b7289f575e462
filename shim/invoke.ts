/**
 * `session.invoke(func, args, cb)`: only `io.agora.signal.<name>` is handled (anything else is ignored, as in
 * 1.4.3); `args` is mutated with the session's `line`; `cb(err, ret)` gets `err === ''` and `ret.result === 'ok'`
 * on success, otherwise `err === ret.result`, a short failure string, with `ret.reason` explaining it.
 */
import { callArgument } from './callback-property.js';
import type { ChannelHost } from './channel.js';
import type { ShimContext } from './context.js';
import { describeError, failureString } from './failure.js';
import { INVOKE_FUNCTIONS, UnsupportedInvoke } from './invoke-functions.js';
import type { InvokeResult } from './legacy-types.js';

import { INVOKE_PREFIX } from './api-map.js';

export function runInvoke(ctx: ShimContext, host: ChannelHost, func: unknown, args: unknown, cb: unknown): void {
  if (typeof func !== 'string' || !func.startsWith(INVOKE_PREFIX)) {
    ctx.log.info('invoke ignored: not an io.agora.signal.* function:', func);
    return;
  }
  const name = func.split('.')[3] ?? '';
  const request: Record<string, unknown> = args !== null && typeof args === 'object' ? (args as Record<string, unknown>) : {};
  request['line'] = host.line();
  ctx.useNamed('invoke', func);
  const reply = (err: string, ret: InvokeResult): void => callArgument(cb, [err, ret], ctx.hooks('invoke'));
  const fail = (err: string, reason: string): void => reply(err, { result: err, reason });

  const run = INVOKE_FUNCTIONS[name];
  const client = host.client();
  if (!run || !Object.hasOwn(INVOKE_FUNCTIONS, name)) {
    ctx.log.warn(`invoke: ${func} is not supported by resignal.`);
    setTimeout(() => reply(`unsupported function: ${name}`, { result: 'unsupported function', reason: `${func} is an internal legacy RPC` }), 0);
    return;
  }
  if (!client || !host.loggedIn()) {
    setTimeout(() => fail('not_login', 'the session is not logged in'), 0);
    return;
  }
  Promise.resolve()
    .then(() => run({ client, host }, request))
    .then(
      (fields) => reply('', { result: 'ok', ...fields }),
      (error: unknown) => {
        if (error instanceof UnsupportedInvoke) {
          ctx.log.warn(`invoke ${func}: ${error.message}.`);
          fail('unsupported', error.message);
          return;
        }
        ctx.log.debug(`invoke ${func} failed:`, error);
        fail(failureString(error), describeError(error));
      },
    );
}
