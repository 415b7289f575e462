import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { userMetadataTopic } from '../hub/state-lifecycle.js';
import { expireIfEmpty, requireChannelId, takeRate } from '../state/guards.js';
import { applyMetaWrite, checkMetaWrite } from '../state/metadata.js';
import { WireError } from '../wire-error.js';
import type { SessionContext } from './context.js';

/**
 * Without `ch`: the session's own user metadata (there is no uid field). With `ch`: the metadata of a channel the
 * session has joined. After the write the full set goes to the user's subscribers / every channel member.
 */
export async function handleMetaWrite(ctx: SessionContext, frame: RequestFrameOf<'meta.write'>): Promise<RequestResult<'meta.write'>> {
  const { session, hub, options } = ctx;
  takeRate(ctx, 'metadataWrite');
  const { ch } = frame;
  if (ch !== undefined) {
    requireChannelId(ch);
    if (!session.channels.has(ch)) throw new WireError('NOT_IN_CHANNEL', 'Join the channel to write its metadata.');
  }
  const write = { op: frame.op, items: frame.items, major: frame.major, recordTs: frame.recordTs, recordUser: frame.recordUser };
  checkMetaWrite(write);
  const now = options.now();
  const kind = ch === undefined ? 'umeta' : 'cmeta';
  const stored = await hub.engine.updateDoc(session.appId, kind, ch ?? session.uid, (current) => applyMetaWrite(current, write, session.uid, now));
  const data = stored ?? { major: 0, items: [] };
  if (ch === undefined) {
    ctx.afterReply(() => hub.engine.publishToTopic(session.appId, userMetadataTopic(session.uid), { t: 'meta.update', uid: session.uid, data }));
  } else {
    await expireIfEmpty(ctx, ch);
    ctx.afterReply(() => hub.engine.publishToChannel(ch, { k: 'ch.push', appId: session.appId, ch, frame: { t: 'meta.update', ch, data } }));
  }
  return { major: data.major };
}
