import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import { checkIdList, type SessionContext } from './context.js';

/** No membership needed; unknown channels count 0. */
export async function handleChCount(ctx: SessionContext, frame: RequestFrameOf<'ch.count'>): Promise<RequestResult<'ch.count'>> {
  const { hub, session } = ctx;
  const chs = checkIdList(frame.chs, LIMITS.channelCountQueryMax, isValidId, 'channel IDs');
  const counts = await hub.engine.countMembers(session.appId, chs);
  return { counts: Object.fromEntries(chs.map((ch, i) => [ch, counts[i] ?? 0])) };
}
