import { isStaticKey, verifyLoginToken, type TokenRejection } from '../token/index.js';
import type { AppsRegistry } from './apps.js';
import { WireError } from './wire-error.js';

/** `expiresAt`: when the token's login privilege ends, Unix ms; absent = never (no token, or open mode). */
export interface AuthResult {
  ok: true;
  expiresAt?: number;
}

const CODE_BY_REJECTION: Record<TokenRejection, ConstructorParameters<typeof WireError>[0]> = {
  MALFORMED: 'INVALID_TOKEN',
  BAD_SIGNATURE: 'INVALID_TOKEN',
  WRONG_APP_ID: 'INVALID_APP_ID',
  USER_MISMATCH: 'TOKEN_USER_MISMATCH',
  EXPIRED: 'TOKEN_EXPIRED',
};

/**
 * The one login authorisation decision (also used by renewToken). Throws `WireError` with the wire code.
 * - No apps registry: open development mode, every valid App ID logs in and tokens are ignored.
 * - App not listed → INVALID_APP_ID.
 * - App without certificate: no token (or "_no_need_token", "" or the App ID) logs in; a real token →
 *   TOKEN_NOT_ENABLED (Agora AP code 14).
 * - App with certificate: no token → TOKEN_REQUIRED (AP 15); otherwise the token must verify (006, 007 or
 *   legacy SignalingToken) for this App ID and uid.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async by contract: a later authenticator may look apps up remotely.
export async function authenticate(apps: AppsRegistry | null, appId: string, uid: string, token: string | undefined, nowMs: number): Promise<AuthResult> {
  if (!apps) return { ok: true };
  const app = apps.get(appId);
  if (!app) throw new WireError('INVALID_APP_ID', 'This App ID is not configured on this server.');
  const certificate = app.certificate;
  if (certificate === undefined) {
    if (isStaticKey(token, appId)) return { ok: true };
    throw new WireError('TOKEN_NOT_ENABLED', 'This app has no certificate: log in without a token.');
  }
  if (isStaticKey(token, appId)) throw new WireError('TOKEN_REQUIRED', 'This app has a certificate: a token is required.');
  const result = verifyLoginToken({ appId, certificate, uid, token: token ?? '', now: nowMs / 1000 });
  if (!result.ok) throw new WireError(CODE_BY_REJECTION[result.reason], `The token was refused (${result.reason}).`);
  return result.expiresAt === undefined ? { ok: true } : { ok: true, expiresAt: result.expiresAt * 1000 };
}

/** Helper for future authenticators. */
export function deny(code: ConstructorParameters<typeof WireError>[0], message: string): never {
  throw new WireError(code, message);
}
