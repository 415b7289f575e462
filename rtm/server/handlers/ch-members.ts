import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import { WireError } from '../wire-error.js';
import type { SessionContext } from './context.js';

/** Up to 512 member uids, self included; a random subset in larger channels. */
export async function handleChMembers(ctx: SessionContext, frame: RequestFrameOf<'ch.members'>): Promise<RequestResult<'ch.members'>> {
  const { hub, session } = ctx;
  if (!isValidId(frame.ch)) throw new WireError('INVALID_CHANNEL_ID', 'The channel ID breaks the RTM ID rules.');
  if (!session.channels.has(frame.ch)) throw new WireError('NOT_IN_CHANNEL', 'Join the channel to list its members.');
  return { members: await hub.engine.listMembers(session.appId, frame.ch, LIMITS.memberListMax) };
}
