import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { WireError } from '../wire-error.js';
import { checkSend, type SessionContext } from './context.js';

export function handleChSend(ctx: SessionContext, frame: RequestFrameOf<'ch.send'>): RequestResult<'ch.send'> {
  const { hub, session, options } = ctx;
  if (!isValidId(frame.ch)) throw new WireError('INVALID_CHANNEL_ID', 'The channel ID breaks the RTM ID rules.');
  if (!session.channels.has(frame.ch)) throw new WireError('NOT_IN_CHANNEL', 'Join the channel before sending to it.');
  const ts = options.now();
  checkSend(ctx, frame.msg, ts);
  hub.sendToChannel(session, { t: 'ch.msg', ch: frame.ch, mid: crypto.randomUUID(), from: session.uid, ts, msg: frame.msg });
  return { ts };
}
