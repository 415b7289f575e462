import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidId } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import { WireError } from '../wire-error.js';
import type { SessionContext } from './context.js';

export async function handleChJoin(ctx: SessionContext, frame: RequestFrameOf<'ch.join'>): Promise<RequestResult<'ch.join'>> {
  const { hub, session, options } = ctx;
  const { ch } = frame;
  if (!isValidId(ch)) throw new WireError('INVALID_CHANNEL_ID', 'The channel ID breaks the RTM ID rules.');
  ctx.afterReply(() => void hub.sendCountTo(session, ch).catch(() => undefined));
  // Idempotent and not rate-limited: clients re-join every channel after a resume.
  if (session.channels.has(ch)) {
    const [count = 0] = await hub.engine.countMembers(session.appId, [ch]);
    return { count };
  }
  if (session.channels.size >= LIMITS.channelsPerClient) throw new WireError('LIMIT_EXCEEDED', `At most ${LIMITS.channelsPerClient} channels per session.`);
  if (!session.takeJoin(ch, options.now())) throw new WireError('TOO_OFTEN', 'Channel joins are too frequent.');
  return { count: await hub.join(session, ch) };
}
