import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { checkQueryKeys, pick } from '../state/attributes.js';
import { requireChannelId, takeRate } from '../state/guards.js';
import type { SessionContext } from './context.js';

/** Channel attributes of the session's app; no membership needed. */
export async function handleCattrGet(ctx: SessionContext, frame: RequestFrameOf<'cattr.get'>): Promise<RequestResult<'cattr.get'>> {
  const { session, hub } = ctx;
  takeRate(ctx, 'channelAttrRead');
  requireChannelId(frame.ch);
  checkQueryKeys(frame.keys);
  return { attrs: pick(await hub.engine.readDoc(session.appId, 'cattr', frame.ch), frame.keys) };
}
