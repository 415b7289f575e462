import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { WireError } from '../wire-error.js';
import type { SessionContext } from './context.js';

export async function handleChLeave(ctx: SessionContext, frame: RequestFrameOf<'ch.leave'>): Promise<RequestResult<'ch.leave'>> {
  const { hub, session } = ctx;
  if (!isValidId(frame.ch)) throw new WireError('INVALID_CHANNEL_ID', 'The channel ID breaks the RTM ID rules.');
  if (!session.channels.has(frame.ch)) throw new WireError('NOT_IN_CHANNEL', 'The channel is not joined.');
  await hub.leave(session, frame.ch);
  return {};
}
