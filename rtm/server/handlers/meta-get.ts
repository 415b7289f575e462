import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { requireChannelId, requireUserId, takeRate } from '../state/guards.js';
import { EMPTY_METADATA } from '../state/metadata.js';
import { WireError } from '../wire-error.js';
import type { SessionContext } from './context.js';

/** User metadata of any user of the app (empty when none), or the metadata of a joined channel. */
export async function handleMetaGet(ctx: SessionContext, frame: RequestFrameOf<'meta.get'>): Promise<RequestResult<'meta.get'>> {
  const { session, hub } = ctx;
  takeRate(ctx, 'metadataRead');
  if ((frame.uid === undefined) === (frame.ch === undefined)) throw new WireError('INVALID_ARGUMENT', 'Give exactly one of uid and ch.');
  if (frame.ch !== undefined) {
    requireChannelId(frame.ch);
    if (!session.channels.has(frame.ch)) throw new WireError('NOT_IN_CHANNEL', 'Join the channel to read its metadata.');
    return { data: (await hub.engine.readDoc(session.appId, 'cmeta', frame.ch)) ?? EMPTY_METADATA };
  }
  const uid = frame.uid ?? '';
  requireUserId(uid);
  return { data: (await hub.engine.readDoc(session.appId, 'umeta', uid)) ?? EMPTY_METADATA };
}
