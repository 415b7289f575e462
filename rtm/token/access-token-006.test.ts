import agoraAccessToken from 'agora-access-token';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRtmToken006, parseToken006 } from './access-token-006.js';
import { verifyLoginToken } from './index.js';
import { APP_ID, CERTIFICATE, GENERATED_AT, TOKEN_A, TOKEN_B, TOKEN_B2, TOKEN_B_CONTENT_HEX, TOKEN_E, UID } from './__testfixtures__/reference-vectors.js';
import { legacyRtmBuilder, official006, officialParse006 } from './__testfixtures__/official.js';

const verify = (token: string, now: number, overrides: Partial<Parameters<typeof verifyLoginToken>[0]> = {}) =>
  verifyLoginToken({ appId: APP_ID, certificate: CERTIFICATE, uid: UID, token, now, ...overrides });

describe('006 build', () => {
  it('reproduces vector B byte-exact with salt and ts pinned', () => {
    const token = buildRtmToken006({ appId: APP_ID, certificate: CERTIFICATE, account: UID, privilegeExpiredTs: 1446455471, salt: 1, ts: 1111111 });
    expect(token).toBe(TOKEN_B);
  });

  it('reproduces vector B2 (privilegeExpiredTs 100)', () => {
    const token = buildRtmToken006({ appId: APP_ID, certificate: CERTIFICATE, account: UID, privilegeExpiredTs: 100, salt: 1, ts: 1111111 });
    expect(token).toBe(TOKEN_B2);
  });

  it('reproduces vector A from its embedded salt and ts', () => {
    const token = buildRtmToken006({ appId: APP_ID, certificate: CERTIFICATE, account: UID, privilegeExpiredTs: 1893456000, salt: 3333889054, ts: 1795397493 });
    expect(token).toBe(TOKEN_A);
  });

  it('matches the byte dump of §10.1', () => {
    expect(Buffer.from(TOKEN_B.slice(35), 'base64').toString('hex')).toBe(TOKEN_B_CONTENT_HEX);
    const parsed = parseToken006(TOKEN_B);
    expect(parsed).toMatchObject({ appId: APP_ID, crcAccount: 0x88eafc86, crcUid: 0, salt: 1, ts: 1111111 });
    expect([...(parsed?.privileges ?? [])]).toEqual([[1000, 1446455471]]);
  });

  it('defaults ts to now + 24 h', () => {
    const token = buildRtmToken006({ appId: APP_ID, certificate: CERTIFICATE, account: UID, privilegeExpiredTs: 0, now: 1_700_000_000.9 });
    expect(parseToken006(token)?.ts).toBe(1_700_000_000 + 86_400);
  });

  it('equals the official builder for any account, salt, ts and privilege', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 64, unit: 'grapheme' }),
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 0xffffffff }),
        (account, salt, ts, privilegeExpiredTs) => {
          const ours = buildRtmToken006({ appId: APP_ID, certificate: CERTIFICATE, account, privilegeExpiredTs, salt, ts });
          expect(ours).toBe(official006(APP_ID, CERTIFICATE, account, privilegeExpiredTs, salt, ts));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('round-trips through the official parser and builder', () => {
    const ours = buildRtmToken006({ appId: APP_ID, certificate: CERTIFICATE, account: UID, privilegeExpiredTs: 1893456000, now: GENERATED_AT });
    const parsed = officialParse006(ours);
    expect(parsed?.appID).toBe(APP_ID);
    expect(parsed?.messages).toEqual({ 1000: 1893456000 });
    expect(official006(APP_ID, CERTIFICATE, UID, 1893456000, parsed!.salt, parsed!.ts)).toBe(ours);
  });

  it('rejects bad inputs', () => {
    const base = { appId: APP_ID, certificate: CERTIFICATE, account: UID, privilegeExpiredTs: 0 };
    expect(() => buildRtmToken006({ ...base, appId: 'short' })).toThrow(RangeError);
    expect(() => buildRtmToken006({ ...base, certificate: '' })).toThrow(RangeError);
    expect(() => buildRtmToken006({ ...base, salt: -1 })).toThrow(RangeError);
    expect(() => buildRtmToken006({ ...base, privilegeExpiredTs: 2 ** 32 })).toThrow(RangeError);
  });
});

describe('006 verify', () => {
  it.each([
    ['A', TOKEN_A, GENERATED_AT, 1795397493],
    ['E', TOKEN_E, GENERATED_AT, 1795397493],
    ['B', TOKEN_B, 1_000_000, 1111111],
    ['B2', TOKEN_B2, 100, 100],
  ])('accepts sample %s', (_name, token, now, expiresAt) => {
    expect(verify(token, now)).toEqual({ ok: true, format: '006', expiresAt });
  });

  it('accepts the App ID in another letter case', () => {
    expect(verify(TOKEN_A, GENERATED_AT, { appId: APP_ID.toLowerCase() })).toMatchObject({ ok: true });
  });

  it('accepts tokens of both official 006 builders, built now', () => {
    const now = Date.now() / 1000;
    const privilegeExpiredTs = Math.floor(now) + 3600;
    const fromAccessToken = agoraAccessToken.RtmTokenBuilder.buildToken(APP_ID, CERTIFICATE, UID, agoraAccessToken.RtmRole.Rtm_User, privilegeExpiredTs);
    const fromAgoraToken = legacyRtmBuilder.RtmTokenBuilder.buildToken(APP_ID, CERTIFICATE, UID, 1, privilegeExpiredTs);
    for (const token of [fromAccessToken, fromAgoraToken]) {
      expect(verify(token, now)).toEqual({ ok: true, format: '006', expiresAt: privilegeExpiredTs });
    }
  });

  it('rejects a wrong certificate, App ID or user', () => {
    expect(verify(TOKEN_A, GENERATED_AT, { certificate: CERTIFICATE.replace('5', '6') })).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verify(TOKEN_A, GENERATED_AT, { appId: '0'.repeat(32) })).toMatchObject({ ok: false, reason: 'WRONG_APP_ID' });
    expect(verify(TOKEN_A, GENERATED_AT, { uid: 'other_user' })).toMatchObject({ ok: false, reason: 'USER_MISMATCH' });
  });

  it('rejects after ts, the 24 h validity', () => {
    expect(verify(TOKEN_A, 1795397493)).toMatchObject({ ok: true });
    expect(verify(TOKEN_A, 1795397494)).toMatchObject({ ok: false, reason: 'EXPIRED' });
  });

  it('enforces a non-zero login privilege by default, and can ignore it', () => {
    expect(verify(TOKEN_B2, 101)).toMatchObject({ ok: false, reason: 'EXPIRED' });
    expect(verify(TOKEN_B2, 101, { privilege006: 'ignore' })).toEqual({ ok: true, format: '006', expiresAt: 1111111 });
  });

  it('treats privilege 0 as no privilege expiry', () => {
    const token = buildRtmToken006({ appId: APP_ID, certificate: CERTIFICATE, account: UID, privilegeExpiredTs: 0, salt: 7, ts: 2_000_000_000 });
    expect(verify(token, 1_999_999_999)).toEqual({ ok: true, format: '006', expiresAt: 2_000_000_000 });
  });

  it('refuses an authentic 006 token without the RTM login privilege', () => {
    // An RTC-style token (joinChannel only) whose "channel" happens to be the uid: signed, but no RTM login.
    const rtcOnly = official006(APP_ID, CERTIFICATE, UID, 0, 1, 1111111, 1);
    expect(verify(rtcOnly, 0)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('rejects altered CRC fields even though they are outside the signature', () => {
    const content = Buffer.from(TOKEN_A.slice(35), 'base64');
    const withCrc = (offset: number) => {
      const copy = Buffer.from(content);
      copy.writeUInt32LE(0x12345678, offset);
      return TOKEN_A.slice(0, 35) + copy.toString('base64');
    };
    expect(verify(withCrc(34), GENERATED_AT)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    expect(verify(withCrc(38), GENERATED_AT)).toMatchObject({ ok: false, reason: 'MALFORMED' });
  });

  it('rejects truncated and tampered tokens', () => {
    expect(verify(TOKEN_A.slice(0, 34), GENERATED_AT)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    expect(verify(TOKEN_A.slice(0, 60), GENERATED_AT)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    expect(verify(TOKEN_A.slice(0, -4), GENERATED_AT)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    expect(verify(TOKEN_A + 'AAAA', GENERATED_AT)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    expect(verify(TOKEN_A.replace('IADW', 'I!DW'), GENERATED_AT)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    expect(verify(TOKEN_A.replace('IADW', 'IADX'), GENERATED_AT)).toMatchObject({ ok: false });
  });
});
