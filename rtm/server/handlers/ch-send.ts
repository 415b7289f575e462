import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { WireError } from '../wire-error.js';
import { checkSend, type SessionContext } from './context.js';
import { keepHistory } from '../hub/history.js';

/** Synchronous unless the message is kept in the history (which looks up the recipients first). */
export function handleChSend(ctx: SessionContext, frame: RequestFrameOf<'ch.send'>): RequestResult<'ch.send'> | Promise<RequestResult<'ch.send'>> {
  const { hub, session, options } = ctx;
  if (!isValidId(frame.ch)) throw new WireError('INVALID_CHANNEL_ID', 'The channel ID breaks the RTM ID rules.');
  if (!session.channels.has(frame.ch)) throw new WireError('NOT_IN_CHANNEL', 'Join the channel before sending to it.');
  const ts = options.now();
  checkSend(ctx, frame.msg, ts);
  const mid = crypto.randomUUID();
  hub.sendToChannel(session, { t: 'ch.msg', ch: frame.ch, mid, from: session.uid, ts, msg: frame.msg });
  if (!frame.history) return { ts };
  return keepHistory(hub, options, { appId: session.appId, kind: 'channel', mid, from: session.uid, to: frame.ch, ts, msg: frame.msg }).then(() => ({ ts }));
}
