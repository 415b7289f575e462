import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId, utf8Length } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import { WireError } from '../wire-error.js';
import type { SessionContext } from './context.js';

/**
 * Routes a call-invitation signal like a peer message (end-to-end acknowledged). Invitation state and timers
 * live in the clients (rtm-1x.md §7 item 18); the server checks sizes and IDs only. Signals do not count
 * against the 180-per-3-s message budget: the official SDK resends undelivered invites every 2 s.
 */
export async function handleCallSend(ctx: SessionContext, frame: RequestFrameOf<'call.send'>): Promise<RequestResult<'call.send'>> {
  const { hub, session, options } = ctx;
  const { signal } = frame;
  if (!isValidId(frame.to)) throw new WireError('INVALID_USER_ID', 'The callee ID breaks the RTM ID rules.');
  if (signal.channel !== '' && !isValidId(signal.channel)) throw new WireError('INVALID_CHANNEL_ID', 'The channel ID breaks the RTM ID rules.');
  if (signal.callId === '' || signal.callId.length > 128) throw new WireError('INVALID_ARGUMENT', 'The call ID must be 1–128 characters.');
  if (utf8Length(signal.extra) > LIMITS.invitationContentMaxBytes) {
    throw new WireError('MESSAGE_TOO_LARGE', 'Invitation content and responses are limited to 8 KB.');
  }
  const ts = options.now();
  const mid = crypto.randomUUID();
  const delivered = await hub.sendToPeer(session, frame.to, { t: 'call.msg', mid, from: session.uid, ts, signal });
  return { delivered, ts };
}
