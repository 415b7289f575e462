import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { LIMITS } from '../../protocol/limits.js';
import { userMetadataTopic } from '../hub/state-lifecycle.js';
import { requireUserId, takeRate } from '../state/guards.js';
import { WireError } from '../wire-error.js';
import type { SessionContext } from './context.js';

/** Subscribes to a user's metadata updates (idempotent; at most 512 users per session). */
export async function handleMetaSub(ctx: SessionContext, frame: RequestFrameOf<'meta.sub'>): Promise<RequestResult<'meta.sub'>> {
  const { session, hub } = ctx;
  takeRate(ctx, 'metadataRead');
  requireUserId(frame.uid);
  const subs = session.data.metaSubs;
  if (!subs.has(frame.uid) && subs.size >= LIMITS.subscribePeersMax) {
    throw new WireError('LIMIT_EXCEEDED', `At most ${LIMITS.subscribePeersMax} metadata subscriptions per session.`);
  }
  subs.add(frame.uid);
  await hub.engine.subscribeTopic(session.appId, userMetadataTopic(frame.uid), session.ref);
  return {};
}
