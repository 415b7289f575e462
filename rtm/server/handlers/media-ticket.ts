import type { RequestFrameOf, RequestResult } from '../../protocol/frames.js';
import { TICKET_TTL_MS, issueTicket } from '../media/tickets.js';
import type { SessionContext } from './context.js';

/** A ticket for HTTP media uploads and downloads as this session's user, within its app (docs/media.md). */
export function handleMediaTicket(ctx: SessionContext, _frame: RequestFrameOf<'media.ticket'>): RequestResult<'media.ticket'> {
  const { session, options } = ctx;
  const expiresAt = options.now() + TICKET_TTL_MS;
  return { ticket: issueTicket(options.mediaTicketKey, { appId: session.appId, uid: session.uid }, expiresAt), expiresAt };
}
