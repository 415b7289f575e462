import { createHmac, randomInt } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { ByteReader, ByteWriter, bytesEqual, decodeBase64Strict, isUint32, TruncatedError } from './bytes.js';
import { accept, reject, sameAppId, type FormatVerifyInput, type TokenVerification } from './types.js';

/** AccessToken2 "007" as built by `agora-token@2.0.6` RtmTokenBuilder (rtm-1x.md §10.2). */
export const VERSION_007 = '007';
export const SERVICE_RTM = 2;
export const PRIVILEGE_RTM_LOGIN_007 = 1;

const HEX32 = /^[0-9a-fA-F]{32}$/;
/** Real tokens inflate to a few hundred bytes; the cap keeps a deflate bomb from costing memory. */
const MAX_INFLATED_BYTES = 64 * 1024;

export interface BuildRtmToken007Options {
  appId: string;
  certificate: string;
  userId: string;
  /** Seconds after issueTs; used for the whole token and for the login privilege, like the official builder. */
  expire: number;
  /** Unix seconds; default `floor(now)`. */
  issueTs?: number;
  /** Default random in [1, 99999999], the official range. */
  salt?: number;
  now?: number;
}

export interface Service007 {
  type: number;
  privileges: Map<number, number>;
  /** RTM (2) only: the user ID the token is bound to. */
  userId?: Buffer;
}

export interface ParsedToken007 {
  signature: Buffer;
  /** The signed bytes exactly as inflated — never re-packed, never re-compressed. */
  signingInfo: Buffer;
  appId: string;
  issueTs: number;
  expire: number;
  salt: number;
  /** Services up to (not including) the first unknown type, as the official parser does. */
  services: Service007[];
}

export function buildRtmToken007(options: BuildRtmToken007Options): string {
  const { appId, certificate, userId, expire } = options;
  // The official builder returns "" for these; a thrown error is harder to miss.
  if (!HEX32.test(appId)) throw new RangeError('appId must be 32 hex characters');
  if (!HEX32.test(certificate)) throw new RangeError('certificate must be 32 hex characters');
  if (typeof userId !== 'string') throw new TypeError('userId must be a string');
  const issueTs = options.issueTs ?? Math.floor(options.now ?? Date.now() / 1000);
  const salt = options.salt ?? randomInt(1, 100_000_000);
  for (const [name, value] of [['expire', expire], ['issueTs', issueTs], ['salt', salt]] as const) {
    if (!isUint32(value)) throw new RangeError(`${name} must be an unsigned 32-bit integer`);
  }

  const signingInfo = new ByteWriter()
    .string(appId)
    .u32(issueTs)
    .u32(expire)
    .u32(salt)
    .u16(1)
    .u16(SERVICE_RTM)
    .u32Map(new Map([[PRIVILEGE_RTM_LOGIN_007, expire]]))
    .string(userId)
    .toBuffer();
  const signature = hmac(signingKey(certificate, issueTs, salt), signingInfo);
  const content = new ByteWriter().bytes(signature).raw(signingInfo).toBuffer();
  return VERSION_007 + deflateSync(content).toString('base64');
}

/** Structure only, no signature check; undefined when the text is not a well-formed 007 token. */
export function parseToken007(token: string): ParsedToken007 | undefined {
  if (!token.startsWith(VERSION_007)) return undefined;
  const compressed = decodeBase64Strict(token.slice(VERSION_007.length));
  if (!compressed) return undefined;
  const content = inflateExactly(compressed);
  if (!content) return undefined;
  try {
    const outer = new ByteReader(content);
    const signature = outer.bytes();
    const signingInfo = outer.rest();
    const reader = new ByteReader(signingInfo);
    const appId = reader.bytes().toString('utf8');
    const issueTs = reader.u32();
    const expire = reader.u32();
    const salt = reader.u32();
    const count = reader.u16();
    const services: Service007[] = [];
    for (let i = 0; i < count; i++) {
      const type = reader.u16();
      if (!KNOWN_SERVICE_TYPES.has(type)) break; // the official parser stops at the first unknown type
      const privileges = reader.u32Map();
      const userId = readServicePayload(type, reader);
      services.push(userId === undefined ? { type, privileges } : { type, privileges, userId });
    }
    return { signature, signingInfo, appId, issueTs, expire, salt, services };
  } catch (error) {
    if (error instanceof TruncatedError) return undefined;
    throw error;
  }
}

export function verifyToken007(input: FormatVerifyInput): TokenVerification {
  const parsed = parseToken007(input.token);
  if (!parsed) return reject('MALFORMED', 'not a well-formed 007 token');
  if (!sameAppId(parsed.appId, input.appId)) return reject('WRONG_APP_ID', 'the 007 token names another App ID');
  if (parsed.signature.length !== 32) return reject('MALFORMED', '007 signature is not 32 bytes');

  const expected = hmac(signingKey(input.certificate, parsed.issueTs, parsed.salt), parsed.signingInfo);
  if (!bytesEqual(parsed.signature, expected)) {
    return reject('BAD_SIGNATURE', '007 signature does not verify with this certificate');
  }

  const rtmServices = parsed.services.filter((service) => service.type === SERVICE_RTM);
  if (rtmServices.length === 0) return reject('BAD_SIGNATURE', 'the 007 token has no RTM service');
  const uid = Buffer.from(input.uid, 'utf8');
  const mine = rtmServices.find((service) => service.userId !== undefined && service.userId.equals(uid));
  if (!mine) return reject('USER_MISMATCH', 'the 007 token was built for another user ID');
  const privilege = mine.privileges.get(PRIVILEGE_RTM_LOGIN_007);
  if (privilege === undefined) return reject('BAD_SIGNATURE', 'the 007 RTM service has no login privilege (1)');

  const tokenEnd = parsed.issueTs + parsed.expire;
  // Privilege 0 = no separate limit (inferred; rtm-1x.md §10.2).
  const expiresAt = privilege === 0 ? tokenEnd : Math.min(tokenEnd, parsed.issueTs + privilege);
  if (input.now >= expiresAt) return reject('EXPIRED', '007 token or RTM login privilege has expired');
  return accept('007', expiresAt);
}

/**
 * Inflates one whole zlib stream (checksum included) and nothing else: inflate alone would ignore bytes after the
 * stream's end, letting many strings pass for one token. `info: true` exposes how much input the engine consumed.
 */
function inflateExactly(compressed: Buffer): Buffer | undefined {
  try {
    const { buffer, engine } = inflateSync(compressed, { maxOutputLength: MAX_INFLATED_BYTES, info: true }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
    return engine.bytesWritten === compressed.length ? buffer : undefined;
  } catch {
    return undefined;
  }
}

/** Service types of agora-token@2.0.6 (1 RTC … 10 STT) and how to step over their payloads. */
const KNOWN_SERVICE_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

function readServicePayload(type: number, reader: ByteReader): Buffer | undefined {
  switch (type) {
    case SERVICE_RTM:
      return reader.bytes();
    case 1: // RTC: channel, uid
    case 3: // Streaming: channel, account
    case 6: // FCDN: channel, account
      reader.bytes();
      reader.bytes();
      return undefined;
    case 5: // Chat: userId
      reader.bytes();
      return undefined;
    case 7: // APaaS: room, user, i16 role
      reader.bytes();
      reader.bytes();
      reader.u16();
      return undefined;
    case 8: // RTM2: userId + resource permissions (RTM 2.x only; not an RTM 1.x login)
      reader.bytes();
      skipRtm2Permissions(reader);
      return undefined;
    default: // 4 FPA, 9 ConvoAI, 10 STT: privileges only
      return undefined;
  }
}

function skipRtm2Permissions(reader: ByteReader): void {
  const resourceTypes = reader.u16();
  for (let r = 0; r < resourceTypes; r++) {
    reader.u16();
    const permissionTypes = reader.u16();
    for (let p = 0; p < permissionTypes; p++) {
      reader.u16();
      const resources = reader.u16();
      for (let i = 0; i < resources; i++) reader.bytes();
    }
  }
}

function signingKey(certificate: string, issueTs: number, salt: number): Buffer {
  const first = hmac(new ByteWriter().u32(issueTs).toBuffer(), Buffer.from(certificate, 'utf8'));
  return hmac(new ByteWriter().u32(salt).toBuffer(), first);
}

function hmac(key: Buffer, message: Buffer): Buffer {
  return createHmac('sha256', key).update(message).digest();
}
