import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { CLOSE_CODES } from '../../protocol/errors.js';
import type { SessionContext } from './context.js';

export async function handleLogout(ctx: SessionContext, _frame: RequestFrameOf<'logout'>): Promise<RequestResult<'logout'>> {
  const { conn, hub, session } = ctx;
  await hub.logout(session);
  ctx.afterReply(() => conn.close(CLOSE_CODES.LOGGED_OUT, 'logged out'));
  return {};
}
