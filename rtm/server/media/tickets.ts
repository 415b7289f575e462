import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TicketHolder {
  appId: string;
  uid: string;
}

/** How long a ticket opens transfers; checked when a transfer starts, not while it runs. */
export const TICKET_TTL_MS = 5 * 60_000;

function sign(key: Uint8Array, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/**
 * A media ticket: `base64url(JSON{a: appId, u: uid, e: expiresAt}).base64url(HMAC-SHA256)`, signed with the
 * server's media ticket key. Stateless, so any node sharing the key accepts it.
 */
export function issueTicket(key: Uint8Array, holder: TicketHolder, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ a: holder.appId, u: holder.uid, e: expiresAt })).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The holder of a valid, unexpired ticket; null for anything else. */
export function verifyTicket(key: Uint8Array, ticket: string, now: number): TicketHolder | null {
  if (ticket.length > 1024) return null;
  const dot = ticket.indexOf('.');
  if (dot <= 0) return null;
  const payload = ticket.slice(0, dot);
  const given = Buffer.from(ticket.slice(dot + 1), 'base64url');
  const expected = Buffer.from(sign(key, payload), 'base64url');
  if (given.byteLength !== expected.byteLength || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { a?: unknown; u?: unknown; e?: unknown };
    if (typeof data.a !== 'string' || typeof data.u !== 'string' || typeof data.e !== 'number' || data.e <= now) return null;
    return { appId: data.a, uid: data.u };
  } catch {
    return null;
  }
}
