import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import { checkIdList, type SessionContext } from './context.js';

/** UNREACHABLE (in the grace period) counts as online. */
export async function handleStatusQuery(ctx: SessionContext, frame: RequestFrameOf<'status.query'>): Promise<RequestResult<'status.query'>> {
  const { hub, session } = ctx;
  const uids = checkIdList(frame.uids, LIMITS.queryPeersMax, isValidId, 'user IDs');
  const states = await hub.engine.getPresence(session.appId, uids);
  return { online: Object.fromEntries(uids.map((uid, i) => [uid, states[i] !== undefined && states[i] !== 'OFFLINE'])) };
}
