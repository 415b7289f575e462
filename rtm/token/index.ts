import { verifyToken006, VERSION_006 } from './access-token-006.js';
import { verifyToken007, VERSION_007 } from './access-token-007.js';
import { isSignalingToken, NO_NEED_TOKEN, verifySignalingToken } from './signaling-token.js';
import { reject, type FormatVerifyInput, type TokenVerification, type VerifyLoginTokenInput } from './types.js';

export { buildRtmToken006, parseToken006, PRIVILEGE_RTM_LOGIN, TOKEN_006_VALIDITY_SECONDS } from './access-token-006.js';
export type { BuildRtmToken006Options, ParsedToken006 } from './access-token-006.js';
export { buildRtmToken007, parseToken007, PRIVILEGE_RTM_LOGIN_007, SERVICE_RTM } from './access-token-007.js';
export type { BuildRtmToken007Options, ParsedToken007, Service007 } from './access-token-007.js';
export { buildSignalingToken, NO_NEED_TOKEN, parseSignalingToken } from './signaling-token.js';
export type { BuildSignalingTokenOptions, ParsedSignalingToken } from './signaling-token.js';
export { TOKEN_REJECTIONS } from './types.js';
export type { Privilege006Policy, TokenFormat, TokenRejection, TokenVerification, VerifyLoginTokenInput } from './types.js';

/** Longer than any real token (a 007 with several services stays well under 1 KB); refused before any work. */
export const MAX_TOKEN_LENGTH = 4096;

/**
 * True when the client sent no real token: nothing, `""`, the legacy `"_no_need_token"`, or the App ID itself
 * (RTM 1.x static-key mode sends the App ID as the key). The server decides what that means for the app.
 */
export function isStaticKey(token: string | null | undefined, appId: string): boolean {
  return token === undefined || token === null || token === '' || token === NO_NEED_TOKEN || token === appId;
}

/**
 * Verifies an RTM login token of any supported format for `uid`. Never throws: every input string yields a
 * result. `expiresAt` is the earliest expiry that matters, so the server can warn 30 s before it.
 */
export function verifyLoginToken(input: VerifyLoginTokenInput): TokenVerification {
  try {
    const { appId, certificate, uid, token } = input;
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      return reject('MALFORMED', 'the token is empty, not a string, or too long');
    }
    if (typeof appId !== 'string' || typeof uid !== 'string' || typeof certificate !== 'string') {
      return reject('MALFORMED', 'appId, uid and certificate must be strings');
    }
    // An empty key would let anyone sign; refuse rather than "verify" with it.
    if (certificate.length === 0) return reject('BAD_SIGNATURE', 'no certificate is configured for this app');
    if (isStaticKey(token, appId)) return reject('BAD_SIGNATURE', 'no token was given but the app has a certificate');

    const now = input.now ?? Date.now() / 1000;
    if (!Number.isFinite(now)) return reject('MALFORMED', '`now` is not a finite number');
    const normalized: FormatVerifyInput = { appId, certificate, uid, token, now, privilege006: input.privilege006 ?? 'enforce' };
    if (token.startsWith(VERSION_006)) return verifyToken006(normalized);
    if (token.startsWith(VERSION_007)) return verifyToken007(normalized);
    if (isSignalingToken(token)) return verifySignalingToken(normalized);
    return reject('MALFORMED', 'unknown token format');
  } catch {
    // Belt and braces: a parser bug must never crash a login handler.
    return reject('MALFORMED', 'the token could not be read');
  }
}
