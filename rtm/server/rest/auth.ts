import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the secret.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * REST authentication per App ID: `Authorization: Basic base64(<appId>:<secret>)` (the user name must be the App
 * ID of the URL) or `Authorization: Bearer <secret>`. An app without a configured secret has no REST access.
 */
export function isAuthorized(req: IncomingMessage, appId: string, secretOf: (appId: string) => string | undefined): boolean {
  const secret = secretOf(appId);
  const header = req.headers.authorization;
  if (secret === undefined || secret === '' || typeof header !== 'string') return false;
  const space = header.indexOf(' ');
  if (space < 0) return false;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer') return sameSecret(value, secret);
  if (scheme !== 'basic') return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const secretOk = sameSecret(decoded.slice(colon + 1), secret);
  return decoded.slice(0, colon) === appId && secretOk;
}
