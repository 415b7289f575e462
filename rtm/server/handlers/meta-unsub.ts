import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { userMetadataTopic } from '../hub/state-lifecycle.js';
import { requireUserId, takeRate } from '../state/guards.js';
import type { SessionContext } from './context.js';

export async function handleMetaUnsub(ctx: SessionContext, frame: RequestFrameOf<'meta.unsub'>): Promise<RequestResult<'meta.unsub'>> {
  const { session, hub } = ctx;
  takeRate(ctx, 'metadataRead');
  requireUserId(frame.uid);
  session.data.metaSubs.delete(frame.uid);
  await hub.engine.unsubscribeTopic(session.appId, [userMetadataTopic(frame.uid)], session.ref);
  return {};
}
