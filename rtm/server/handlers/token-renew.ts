import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { authenticate } from '../auth.js';
import { takeRate } from '../state/guards.js';
import type { SessionContext } from './context.js';

/** renewToken: the new token must be valid for the session's own (appId, uid); it re-arms the expiry timers. */
export async function handleTokenRenew(ctx: SessionContext, frame: RequestFrameOf<'token.renew'>): Promise<RequestResult<'token.renew'>> {
  const { session, options, hub } = ctx;
  takeRate(ctx, 'renewToken');
  const auth = await authenticate(options.apps, session.appId, session.uid, frame.token, options.now());
  const expiresAt = auth.expiresAt ?? null;
  hub.stateLifecycle.setTokenExpiry(session, expiresAt);
  return { expiresAt };
}
