import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { checkQueryKeys, pick } from '../state/attributes.js';
import { requireUserId, takeRate } from '../state/guards.js';
import { WireError } from '../wire-error.js';
import type { SessionContext } from './context.js';

/** Attributes of a user of the same app; they only exist while that user is online (PEER_OFFLINE otherwise). */
export async function handleUattrGet(ctx: SessionContext, frame: RequestFrameOf<'uattr.get'>): Promise<RequestResult<'uattr.get'>> {
  const { session, hub } = ctx;
  takeRate(ctx, 'userAttrRead');
  requireUserId(frame.uid);
  checkQueryKeys(frame.keys);
  if (!(await hub.engine.findSession(session.appId, frame.uid))) throw new WireError('PEER_OFFLINE', 'The user is not online.');
  const attrs = await hub.engine.readDoc(session.appId, 'uattr', frame.uid);
  return { attrs: pick(attrs, frame.keys) };
}
