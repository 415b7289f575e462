import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import type { PeerMessageFrame } from '../hub/offline.js';
import { WireError } from '../wire-error.js';
import { checkSend, type SessionContext } from './context.js';
import { keepHistory } from '../hub/history.js';

/**
 * End-to-end acknowledged: the reply waits for the receiver's `peer.ack` (or the ack timeout). Sending to
 * yourself is delivered like any other message; clients drop their own messages.
 *
 * `offline: true` (RTM ≤1.4) and the receiver not connected: the message is written to the durable store
 * first, and only then answered `cached: true`. A receiver in its presence grace also gets it in its resume
 * queue; whichever copy its client acknowledges first deletes the stored one.
 */
export function handlePeerSend(ctx: SessionContext, frame: RequestFrameOf<'peer.send'>): Promise<RequestResult<'peer.send'>> {
  const { hub, session, options } = ctx;
  if (!isValidId(frame.to)) throw new WireError('INVALID_USER_ID', 'The peer ID breaks the RTM ID rules.');
  const ts = options.now();
  checkSend(ctx, frame.msg, ts);
  const out: PeerMessageFrame = { t: 'peer.msg', mid: crypto.randomUUID(), from: session.uid, ts, msg: frame.msg };
  // The common case (no history, no offline cache) without an async function's extra promise and ticks.
  if (!frame.history && !frame.offline) return hub.sendToPeer(session, frame.to, out).then((delivered) => ({ delivered, cached: false, ts }));
  return sendKept(ctx, frame, out);
}

/** A send flagged for the history and/or the offline cache: the store writes come first. */
async function sendKept(ctx: SessionContext, frame: RequestFrameOf<'peer.send'>, out: PeerMessageFrame): Promise<RequestResult<'peer.send'>> {
  const { hub, session, options } = ctx;
  const { ts } = out;
  if (frame.history) await keepHistory(hub, options, { appId: session.appId, kind: 'peer', mid: out.mid, from: session.uid, to: frame.to, ts, msg: frame.msg });
  if (frame.offline) {
    const [state = 'OFFLINE'] = await hub.engine.getPresence(session.appId, [frame.to]);
    if (state !== 'ONLINE') {
      const stored: PeerMessageFrame = { ...out, offline: true };
      await hub.offline.keep(session.appId, frame.to, stored);
      const delivered = state === 'UNREACHABLE' ? await hub.sendToPeer(session, frame.to, stored) : false;
      return { delivered, cached: true, ts };
    }
  }
  const delivered = await hub.sendToPeer(session, frame.to, out);
  return { delivered, cached: false, ts };
}
