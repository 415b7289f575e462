import type { PresenceState, RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import { WireError } from '../wire-error.js';
import { checkIdList, type SessionContext } from './context.js';

export async function handleStatusSub(ctx: SessionContext, frame: RequestFrameOf<'status.sub'>): Promise<RequestResult<'status.sub'>> {
  const { hub, session } = ctx;
  const uids = checkIdList(frame.uids, LIMITS.subscribePeersMax, isValidId, 'user IDs');
  const fresh = uids.filter((uid) => !session.watching.has(uid));
  if (session.watching.size + fresh.length > LIMITS.subscribePeersMax) {
    throw new WireError('LIMIT_EXCEEDED', `At most ${LIMITS.subscribePeersMax} subscribed peers per session.`);
  }
  for (const uid of fresh) session.watching.add(uid);
  await hub.engine.watch(session.appId, fresh, session.ref);
  const states = await hub.engine.getPresence(session.appId, uids);
  const result: Record<string, PresenceState> = {};
  uids.forEach((uid, i) => (result[uid] = states[i] ?? 'OFFLINE'));
  return { states: result };
}
