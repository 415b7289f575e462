import { RtmTokenBuilder } from 'agora-token';
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildRtmToken007, parseToken007 } from './access-token-007.js';
import { verifyLoginToken } from './index.js';
import { APP_ID, CERTIFICATE, GENERATED_AT, TOKEN_C, TOKEN_D, UID } from './__testfixtures__/reference-vectors.js';
import {
  official007,
  official007RtcAndRtm,
  official007WithUnknownService,
  officialParse007,
} from './__testfixtures__/official.js';

const verify = (token: string, now: number, overrides: Partial<Parameters<typeof verifyLoginToken>[0]> = {}) =>
  verifyLoginToken({ appId: APP_ID, certificate: CERTIFICATE, uid: UID, token, now, ...overrides });

const recompress = (token: string, level: number) =>
  '007' + deflateSync(inflateSync(Buffer.from(token.slice(3), 'base64')), { level }).toString('base64');

describe('007 build', () => {
  it('reproduces vector D byte-exact with issueTs and salt pinned', () => {
    expect(buildRtmToken007({ appId: APP_ID, certificate: CERTIFICATE, userId: UID, expire: 600, issueTs: 1111111, salt: 1 })).toBe(TOKEN_D);
  });

  it('reproduces vector C from its embedded issueTs and salt', () => {
    expect(buildRtmToken007({ appId: APP_ID, certificate: CERTIFICATE, userId: UID, expire: 3600, issueTs: GENERATED_AT, salt: 52643679 })).toBe(TOKEN_C);
  });

  it('equals the official builder for any user, expiry, issue time and salt', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 64, unit: 'grapheme' }),
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 0xffffffff }),
        fc.integer({ min: 1, max: 99999999 }),
        (userId, expire, issueTs, salt) => {
          fc.pre(issueTs !== 0); // the official constructor treats issueTs 0 as "now"
          const ours = buildRtmToken007({ appId: APP_ID, certificate: CERTIFICATE, userId, expire, issueTs, salt });
          expect(ours).toBe(official007(APP_ID, CERTIFICATE, userId, expire, issueTs, salt));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is parsed and verified by the official parser', () => {
    const ours = buildRtmToken007({ appId: APP_ID, certificate: CERTIFICATE, userId: UID, expire: 3600 });
    const parsed = officialParse007(ours);
    expect(parsed?.verifySignature(CERTIFICATE)).toBe(true);
    expect(parsed?.verifySignature(CERTIFICATE.replace('5', '6'))).toBe(false);
    const [service] = parsed!.getServices(2);
    expect(service?.__user_id.toString()).toBe(UID);
    expect(service?.__privileges).toEqual({ 1: 3600 });
    expect(parsed?.expire).toBe(3600);
  });

  it('rejects what the official builder would turn into ""', () => {
    const base = { appId: APP_ID, certificate: CERTIFICATE, userId: UID, expire: 60 };
    expect(() => buildRtmToken007({ ...base, appId: 'x'.repeat(32) })).toThrow(RangeError);
    expect(() => buildRtmToken007({ ...base, certificate: 'short' })).toThrow(RangeError);
    expect(() => buildRtmToken007({ ...base, expire: -1 })).toThrow(RangeError);
  });
});

describe('007 verify', () => {
  it('accepts sample C until issueTs + 3600', () => {
    expect(verify(TOKEN_C, GENERATED_AT)).toEqual({ ok: true, format: '007', expiresAt: 1795314693 });
    expect(verify(TOKEN_C, 1795314692.9)).toMatchObject({ ok: true });
    expect(verify(TOKEN_C, 1795314693)).toMatchObject({ ok: false, reason: 'EXPIRED' });
  });

  it('accepts sample D until issueTs + 600', () => {
    expect(verify(TOKEN_D, 1111111)).toEqual({ ok: true, format: '007', expiresAt: 1111711 });
    expect(verify(TOKEN_D, 1111711)).toMatchObject({ ok: false, reason: 'EXPIRED' });
  });

  it('accepts tokens of the official RtmTokenBuilder, built now', () => {
    const now = Date.now() / 1000;
    const token = RtmTokenBuilder.buildToken(APP_ID, CERTIFICATE, UID, 600);
    const result = verify(token, now);
    expect(result).toMatchObject({ ok: true, format: '007' });
    expect(result.ok && result.expiresAt! - now).toBeGreaterThan(590);
  });

  it('verifies the inflated bytes, so other compressors and levels still verify', () => {
    for (const level of [0, 1, 9]) {
      const other = recompress(TOKEN_D, level);
      if (level === 0) expect(other).not.toBe(TOKEN_D);
      expect(verify(other, 1111111)).toMatchObject({ ok: true, format: '007' });
    }
  });

  it('finds the RTM service after an RTC service (buildTokenWithRtm layout)', () => {
    const token = official007RtcAndRtm(APP_ID, CERTIFICATE, UID, 600, 1111111);
    expect(verify(token, 1111111)).toEqual({ ok: true, format: '007', expiresAt: 1111711 });
  });

  it('tolerates an unknown service after RTM, and stops at an unknown one before it', () => {
    const after = official007WithUnknownService(APP_ID, CERTIFICATE, UID, 600, 1111111, 99);
    expect(officialParse007(after)?.verifySignature(CERTIFICATE)).toBe(true);
    expect(verify(after, 1111111)).toMatchObject({ ok: true, format: '007' });
    expect(parseToken007(after)?.services.map((service) => service.type)).toEqual([2]);

    const before = official007WithUnknownService(APP_ID, CERTIFICATE, UID, 600, 1111111, 0);
    expect(officialParse007(before)?.getServices(2)).toEqual([]);
    expect(verify(before, 1111111)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('applies a login privilege shorter than the token, and privilege 0 as no separate limit', () => {
    const shortPrivilege = official007(APP_ID, CERTIFICATE, UID, 3600, 1111111, 5, 60);
    expect(verify(shortPrivilege, 1111111)).toEqual({ ok: true, format: '007', expiresAt: 1111171 });
    expect(verify(shortPrivilege, 1111171)).toMatchObject({ ok: false, reason: 'EXPIRED' });
    const noPrivilegeLimit = official007(APP_ID, CERTIFICATE, UID, 3600, 1111111, 5, 0);
    expect(verify(noPrivilegeLimit, 1111111 + 3599)).toEqual({ ok: true, format: '007', expiresAt: 1111111 + 3600 });
  });

  it('rejects a wrong certificate, App ID or user', () => {
    expect(verify(TOKEN_C, GENERATED_AT, { certificate: CERTIFICATE.replace('d', 'e') })).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verify(TOKEN_C, GENERATED_AT, { appId: 'f'.repeat(32) })).toMatchObject({ ok: false, reason: 'WRONG_APP_ID' });
    expect(verify(TOKEN_C, GENERATED_AT, { uid: 'test_user2' })).toMatchObject({ ok: false, reason: 'USER_MISMATCH' });
  });

  it('rejects truncated, non-zlib and oversized payloads', () => {
    expect(verify(TOKEN_D.slice(0, 40), 1111111)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    expect(verify('007' + Buffer.from('not zlib at all').toString('base64'), 1111111)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    const cut = inflateSync(Buffer.from(TOKEN_D.slice(3), 'base64')).subarray(0, 50);
    expect(verify('007' + deflateSync(cut).toString('base64'), 1111111)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    const trailing = Buffer.concat([Buffer.from(TOKEN_D.slice(3), 'base64'), Buffer.from([0])]);
    expect(verify('007' + trailing.toString('base64'), 1111111)).toMatchObject({ ok: false, reason: 'MALFORMED' });
    const bomb = '007' + deflateSync(Buffer.alloc(4 * 1024 * 1024)).toString('base64');
    expect(bomb.length).toBeLessThan(8192);
    expect(verify(bomb, 1111111)).toMatchObject({ ok: false, reason: 'MALFORMED' });
  });
});
