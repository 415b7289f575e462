import { createHmac, randomInt } from 'node:crypto';
import { ByteReader, ByteWriter, bytesEqual, crc32, decodeBase64Strict, isUint32, TruncatedError } from './bytes.js';
import { accept, reject, sameAppId, type FormatVerifyInput, type TokenVerification } from './types.js';

/** AccessToken "006" as built by `agora-access-token@2.0.4` RtmTokenBuilder (rtm-1x.md §10.1). */
export const VERSION_006 = '006';
export const PRIVILEGE_RTM_LOGIN = 1000;
/** The builder stamps each token valid for 24 h after generation (field `ts`). */
export const TOKEN_006_VALIDITY_SECONDS = 24 * 3600;

const APP_ID = /^[0-9a-fA-F]{32}$/;
const HEADER_LENGTH = VERSION_006.length + 32;

export interface BuildRtmToken006Options {
  appId: string;
  certificate: string;
  account: string;
  /** Absolute Unix seconds for privilege 1000 (kRtmLogin); 0 = no privilege expiry. */
  privilegeExpiredTs: number;
  /** Random u32 by default (the official builder picks one per process). */
  salt?: number;
  /** Token validity, absolute Unix seconds; default `floor(now) + 24 h`. */
  ts?: number;
  /** Unix seconds; default the wall clock. */
  now?: number;
}

export interface ParsedToken006 {
  appId: string;
  signature: Buffer;
  crcAccount: number;
  crcUid: number;
  /** The signed message bytes `u32 salt | u32 ts | map<u16,u32> privileges`. */
  message: Buffer;
  salt: number;
  ts: number;
  privileges: Map<number, number>;
}

export function buildRtmToken006(options: BuildRtmToken006Options): string {
  const { appId, certificate, account, privilegeExpiredTs } = options;
  if (!APP_ID.test(appId)) throw new RangeError('appId must be 32 hex characters');
  if (certificate.length === 0) throw new RangeError('certificate must not be empty');
  if (typeof account !== 'string') throw new TypeError('account must be a string');
  const now = options.now ?? Date.now() / 1000;
  const salt = options.salt ?? randomInt(0, 0xffffffff);
  const ts = options.ts ?? Math.floor(now) + TOKEN_006_VALIDITY_SECONDS;
  for (const [name, value] of [['salt', salt], ['ts', ts], ['privilegeExpiredTs', privilegeExpiredTs]] as const) {
    if (!isUint32(value)) throw new RangeError(`${name} must be an unsigned 32-bit integer`);
  }

  const message = new ByteWriter()
    .u32(salt)
    .u32(ts)
    .u32Map(new Map([[PRIVILEGE_RTM_LOGIN, privilegeExpiredTs]]))
    .toBuffer();
  const content = new ByteWriter()
    .bytes(sign006(certificate, appId, account, message))
    .u32(crc32(Buffer.from(account, 'utf8')))
    .u32(crc32(Buffer.alloc(0)))
    .bytes(message)
    .toBuffer();
  return VERSION_006 + appId + content.toString('base64');
}

/** Structure only, no signature check; undefined when the text is not a well-formed 006 token. */
export function parseToken006(token: string): ParsedToken006 | undefined {
  if (!token.startsWith(VERSION_006) || token.length <= HEADER_LENGTH) return undefined;
  const appId = token.slice(VERSION_006.length, HEADER_LENGTH);
  if (!APP_ID.test(appId)) return undefined;
  const content = decodeBase64Strict(token.slice(HEADER_LENGTH));
  if (!content) return undefined;
  try {
    const outer = new ByteReader(content);
    const signature = outer.bytes();
    const crcAccount = outer.u32();
    const crcUid = outer.u32();
    const message = outer.bytes();
    if (outer.remaining !== 0) return undefined;
    const inner = new ByteReader(message);
    const salt = inner.u32();
    const ts = inner.u32();
    const privileges = inner.u32Map();
    if (inner.remaining !== 0) return undefined;
    return { appId, signature, crcAccount, crcUid, message, salt, ts, privileges };
  } catch (error) {
    if (error instanceof TruncatedError) return undefined;
    throw error;
  }
}

export function verifyToken006(input: FormatVerifyInput): TokenVerification {
  const parsed = parseToken006(input.token);
  if (!parsed) return reject('MALFORMED', 'not a well-formed 006 token');
  if (!sameAppId(parsed.appId, input.appId)) return reject('WRONG_APP_ID', 'the 006 token names another App ID');
  if (parsed.signature.length !== 32) return reject('MALFORMED', '006 signature is not 32 bytes');

  // RTM puts the account in the "channelName" slot and "" in the uid slot; the App ID as spelled in the token.
  const expected = sign006(input.certificate, parsed.appId, input.uid, parsed.message);
  const crcMatches = parsed.crcAccount === crc32(Buffer.from(input.uid, 'utf8'));
  if (!bytesEqual(parsed.signature, expected)) {
    // crc_channel is outside the signature, so it is only a hint for a clearer reason.
    return crcMatches
      ? reject('BAD_SIGNATURE', '006 signature does not verify with this certificate')
      : reject('USER_MISMATCH', 'the 006 token was built for another account');
  }
  // The CRCs are unsigned; requiring the values the builder writes keeps accepted tokens canonical.
  if (!crcMatches || parsed.crcUid !== 0) return reject('MALFORMED', '006 CRC fields were altered');

  const privilegeTs = parsed.privileges.get(PRIVILEGE_RTM_LOGIN);
  if (privilegeTs === undefined) return reject('BAD_SIGNATURE', 'the 006 token has no RTM login privilege (1000)');
  if (input.now > parsed.ts) return reject('EXPIRED', '006 token validity (ts) has passed');
  const enforcePrivilege = input.privilege006 === 'enforce' && privilegeTs !== 0;
  if (enforcePrivilege && input.now > privilegeTs) return reject('EXPIRED', '006 RTM login privilege has expired');
  return accept('006', enforcePrivilege ? Math.min(parsed.ts, privilegeTs) : parsed.ts);
}

function sign006(certificate: string, appId: string, account: string, message: Buffer): Buffer {
  // The key is the certificate *text* (not hex-decoded), exactly as the official builder does.
  return createHmac('sha256', Buffer.from(certificate, 'utf8'))
    .update(Buffer.from(appId, 'utf8'))
    .update(Buffer.from(account, 'utf8'))
    .update(message)
    .digest();
}
