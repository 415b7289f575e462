import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import { checkIdList, type SessionContext } from './context.js';

export async function handleStatusUnsub(ctx: SessionContext, frame: RequestFrameOf<'status.unsub'>): Promise<RequestResult<'status.unsub'>> {
  const { hub, session } = ctx;
  const uids = checkIdList(frame.uids, LIMITS.subscribePeersMax, isValidId, 'user IDs').filter((uid) => session.watching.has(uid));
  for (const uid of uids) session.watching.delete(uid);
  if (uids.length > 0) await hub.engine.unwatch(session.appId, uids, session.ref);
  return {};
}
