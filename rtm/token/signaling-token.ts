import { createHash } from 'node:crypto';
import { bytesEqual } from './bytes.js';
import { accept, reject, sameAppId, type FormatVerifyInput, type TokenVerification } from './types.js';

/**
 * Legacy Signaling token (legacy-signaling.md §13):
 * `"1:" + appId + ":" + expiredTs + ":" + md5hex(account + appId + appCertificate + expiredTs)`.
 */
export const SIGNALING_TOKEN_VERSION = '1';
/** What legacy apps passed as the token when the project had no certificate. */
export const NO_NEED_TOKEN = '_no_need_token';

const APP_ID = /^[0-9a-fA-F]{32}$/;
// Up to 12 digits: Unix seconds far beyond 2100, still an exact integer, and no leading sign or dot.
const EXPIRED_TS = /^\d{1,12}$/;
const MD5_HEX = /^[0-9a-fA-F]{32}$/;

export interface BuildSignalingTokenOptions {
  appId: string;
  certificate: string;
  account: string;
  /** Absolute Unix seconds; wins over `expire`. */
  expiredTs?: number;
  /** Seconds from `now` (the official `validTimeInSeconds`); default 24 h. */
  expire?: number;
  now?: number;
}

export interface ParsedSignalingToken {
  appId: string;
  /** Exactly as written in the token: the hash covers this text. */
  expiredTsText: string;
  expiredTs: number;
  md5: Buffer;
}

export function buildSignalingToken(options: BuildSignalingTokenOptions): string {
  const { appId, certificate, account } = options;
  if (!APP_ID.test(appId)) throw new RangeError('appId must be 32 hex characters');
  if (certificate.length === 0) throw new RangeError('certificate must not be empty');
  const expiredTs =
    options.expiredTs ?? Math.floor(options.now ?? Date.now() / 1000) + (options.expire ?? 24 * 3600);
  if (!Number.isSafeInteger(expiredTs) || !EXPIRED_TS.test(String(expiredTs))) {
    throw new RangeError('expiredTs must be a non-negative integer of at most 12 digits');
  }
  const hash = md5Hex(account + appId + certificate + String(expiredTs));
  return [SIGNALING_TOKEN_VERSION, appId, String(expiredTs), hash].join(':');
}

export function isSignalingToken(token: string): boolean {
  return token.startsWith(SIGNALING_TOKEN_VERSION + ':');
}

export function parseSignalingToken(token: string): ParsedSignalingToken | undefined {
  const parts = token.split(':');
  if (parts.length !== 4) return undefined;
  const [version, appId, expiredTsText, hash] = parts as [string, string, string, string];
  if (version !== SIGNALING_TOKEN_VERSION || !APP_ID.test(appId)) return undefined;
  if (!EXPIRED_TS.test(expiredTsText) || !MD5_HEX.test(hash)) return undefined;
  return { appId, expiredTsText, expiredTs: Number(expiredTsText), md5: Buffer.from(hash, 'hex') };
}

export function verifySignalingToken(input: FormatVerifyInput): TokenVerification {
  const parsed = parseSignalingToken(input.token);
  if (!parsed) return reject('MALFORMED', 'not a well-formed legacy Signaling token');
  if (!sameAppId(parsed.appId, input.appId)) return reject('WRONG_APP_ID', 'the Signaling token names another App ID');
  const expected = createHash('md5')
    .update(input.uid + parsed.appId + input.certificate + parsed.expiredTsText, 'utf8')
    .digest();
  // The account is only inside the hash: another account and another certificate look the same here.
  if (!bytesEqual(parsed.md5, expected)) {
    return reject('BAD_SIGNATURE', 'Signaling token hash does not match (wrong certificate or another account)');
  }
  if (input.now > parsed.expiredTs) return reject('EXPIRED', 'Signaling token expiredTs has passed');
  return accept('signaling', parsed.expiredTs);
}

function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}
