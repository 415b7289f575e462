import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { isValidAppId, isValidId } from '../../protocol/ids.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { authenticate } from '../auth.js';
import { WireError } from '../wire-error.js';
import type { RequestContext } from './context.js';

export async function handleLogin(ctx: RequestContext, frame: RequestFrameOf<'login'>): Promise<RequestResult<'login'>> {
  const { conn, hub, options } = ctx;
  if (conn.session || conn.loggingIn) throw new WireError('ALREADY_LOGGED_IN', 'This connection already has a session.');
  if (frame.v !== PROTOCOL_VERSION) throw new WireError('UNSUPPORTED_VERSION', `This server speaks protocol version ${PROTOCOL_VERSION}.`);
  if (!isValidAppId(frame.appId)) throw new WireError('INVALID_APP_ID', 'The App ID must be 32 letters or digits.');
  if (!isValidId(frame.uid)) throw new WireError('INVALID_USER_ID', 'The user ID breaks the RTM ID rules.');
  conn.loggingIn = true;
  try {
    const auth = await authenticate(options.apps, frame.appId, frame.uid, frame.token, options.now());
    const tokenExpiresAt = auth.expiresAt ?? null;
    const resumable = frame.resume === undefined ? null : hub.findResumable(frame.resume, frame.appId, frame.uid);
    if (resumable) {
      await hub.resume(resumable, conn);
      ctx.afterReply(() => {
        hub.stateLifecycle.setTokenExpiry(resumable, tokenExpiresAt);
        hub.flushQueued(resumable);
      });
      return { session: resumable.resumeId, resumed: true, serverTime: options.now(), heartbeatMs: options.heartbeatMs };
    }
    const session = await hub.login(conn, frame.appId, frame.uid);
    // Stored offline messages first (they are older), then peer messages that reached the session during the login.
    const stored = await hub.offline.load(session);
    ctx.afterReply(() => {
      hub.stateLifecycle.setTokenExpiry(session, tokenExpiresAt);
      hub.deliverStored(session, stored);
      hub.flushQueued(session);
    });
    return { session: session.resumeId, resumed: false, serverTime: options.now(), heartbeatMs: options.heartbeatMs };
  } finally {
    conn.loggingIn = false;
  }
}
