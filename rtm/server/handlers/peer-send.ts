import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { WireError } from '../wire-error.js';
import { checkSend, type SessionContext } from './context.js';

/**
 * End-to-end acknowledged: the reply waits for the receiver's `peer.ack` (or the ack timeout). Sending to
 * yourself is delivered like any other message; clients drop their own messages.
 */
export async function handlePeerSend(ctx: SessionContext, frame: RequestFrameOf<'peer.send'>): Promise<RequestResult<'peer.send'>> {
  const { hub, session, options } = ctx;
  if (!isValidId(frame.to)) throw new WireError('INVALID_USER_ID', 'The peer ID breaks the RTM ID rules.');
  const ts = options.now();
  checkSend(ctx, frame.msg, ts);
  const mid = crypto.randomUUID();
  const delivered = await hub.sendToPeer(session, frame.to, { t: 'peer.msg', mid, from: session.uid, ts, msg: frame.msg });
  return { delivered, cached: false, ts };
}
