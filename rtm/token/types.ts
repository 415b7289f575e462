/** Token formats a resignal server accepts at login. */
export type TokenFormat = '006' | '007' | 'signaling';

/** Why a login token was refused. Stable codes: the server maps them to its wire errors and login codes. */
export const TOKEN_REJECTIONS = {
  MALFORMED: 'The token is not a 006, 007 or legacy Signaling token: truncated, not base64, garbage, empty or too long.',
  WRONG_APP_ID: 'The token was built for another App ID.',
  BAD_SIGNATURE:
    'The signature does not verify with this certificate, or the token grants no RTM login ' +
    '(e.g. an RTC-only token), or no token was given while the app has a certificate.',
  USER_MISMATCH: 'The token was built for another user ID.',
  EXPIRED: 'The token (or its RTM login privilege) has expired.',
} as const satisfies Record<string, string>;

export type TokenRejection = keyof typeof TOKEN_REJECTIONS;

export type TokenVerification =
  | { ok: true; format: TokenFormat; /** Earliest relevant expiry, Unix seconds; absent = never. */ expiresAt?: number }
  | { ok: false; reason: TokenRejection; /** Human-readable, for logs only; never match on it. */ detail: string };

/**
 * What to do with the 006 `kRtmLogin` (1000) privilege timestamp. Agora documents it as ignored for RTM
 * (tokens live 24 h); resignal enforces it by default because app servers usually mean it.
 */
export type Privilege006Policy = 'enforce' | 'ignore';

export interface VerifyLoginTokenInput {
  appId: string;
  certificate: string;
  /** The user ID logging in (RTM `uid`, legacy Signaling `account`). */
  uid: string;
  token: string;
  /** Unix seconds; defaults to the wall clock. */
  now?: number;
  privilege006?: Privilege006Policy;
}

/** What a format verifier needs once the dispatcher has normalised the input. */
export interface FormatVerifyInput {
  appId: string;
  certificate: string;
  uid: string;
  token: string;
  now: number;
  privilege006: Privilege006Policy;
}

export function reject(reason: TokenRejection, detail: string): TokenVerification {
  return { ok: false, reason, detail };
}

export function accept(format: TokenFormat, expiresAt: number | undefined): TokenVerification {
  return expiresAt === undefined ? { ok: true, format } : { ok: true, format, expiresAt };
}

/** App IDs are hex identifiers: compare case-insensitively. Signatures always cover the token's own spelling. */
export function sameAppId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
