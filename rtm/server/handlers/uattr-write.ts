import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { applyAttrWrite, checkAttrWrite, USER_ATTR_LIMITS } from '../state/attributes.js';
import { takeRate } from '../state/guards.js';
import type { SessionContext } from './context.js';

/** Writes the session's own attributes: the target is always the authenticated (appId, uid). */
export async function handleUattrWrite(ctx: SessionContext, frame: RequestFrameOf<'uattr.write'>): Promise<RequestResult<'uattr.write'>> {
  const { session, hub } = ctx;
  takeRate(ctx, 'userAttrWrite');
  const write = { op: frame.op, attrs: frame.attrs, keys: frame.keys };
  checkAttrWrite(write, USER_ATTR_LIMITS);
  await hub.engine.updateDoc(session.appId, 'uattr', session.uid, (current) => {
    const { values } = applyAttrWrite(current ?? {}, write, USER_ATTR_LIMITS);
    return Object.keys(values).length === 0 ? null : values;
  });
  return {};
}
