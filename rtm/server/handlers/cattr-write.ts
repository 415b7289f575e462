import type { RequestFrameOf, RequestResult, WireChannelAttributes } from '../../protocol/frames.js';
import { applyAttrWrite, checkAttrWrite, CHANNEL_ATTR_LIMITS } from '../state/attributes.js';
import { expireIfEmpty, requireChannelId, takeRate } from '../state/guards.js';
import type { SessionContext } from './context.js';

/**
 * Writes channel attributes; any user of the app may, joined or not (RTM semantics). Written keys record the
 * writer and the time; with `notify` every member (the writer too, if joined) gets the full set.
 */
export async function handleCattrWrite(ctx: SessionContext, frame: RequestFrameOf<'cattr.write'>): Promise<RequestResult<'cattr.write'>> {
  const { session, hub, options } = ctx;
  takeRate(ctx, 'channelAttrWrite');
  requireChannelId(frame.ch);
  const write = { op: frame.op, attrs: frame.attrs, keys: frame.keys };
  checkAttrWrite(write, CHANNEL_ATTR_LIMITS);
  const now = options.now();
  const stored = await hub.engine.updateDoc(session.appId, 'cattr', frame.ch, (current) => {
    const currentValues: Record<string, string> = {};
    for (const [key, attr] of Object.entries(current ?? {})) currentValues[key] = attr.value;
    const { values, written } = applyAttrWrite(currentValues, write, CHANNEL_ATTR_LIMITS);
    const writtenKeys = new Set(written);
    const next: WireChannelAttributes = {};
    for (const [key, value] of Object.entries(values)) {
      const old = current?.[key];
      next[key] = writtenKeys.has(key) || !old ? { value, by: session.uid, ts: now } : old;
    }
    return Object.keys(next).length === 0 ? null : next;
  });
  await expireIfEmpty(ctx, frame.ch);
  if (frame.notify) {
    ctx.afterReply(() =>
      hub.engine.publishToChannel(frame.ch, { k: 'ch.push', appId: session.appId, ch: frame.ch, frame: { t: 'cattr.update', ch: frame.ch, attrs: stored ?? {} } }),
    );
  }
  return {};
}
