import { describe, expect, it } from 'vitest';
import { buildSignalingToken, parseSignalingToken } from './signaling-token.js';
import { isStaticKey, verifyLoginToken } from './index.js';
import { SIGNALING_VECTOR as V } from './__testfixtures__/reference-vectors.js';
import { signalingToken } from './__testfixtures__/official.js';

const verify = (token: string, now: number, overrides: Partial<Parameters<typeof verifyLoginToken>[0]> = {}) =>
  verifyLoginToken({ appId: V.appId, certificate: V.certificate, uid: V.account, token, now, ...overrides });

describe('legacy SignalingToken', () => {
  it('builds the test vector of legacy-signaling.md §13', () => {
    expect(buildSignalingToken({ appId: V.appId, certificate: V.certificate, account: V.account, expiredTs: V.expiredTs })).toBe(V.token);
  });

  it('builds expiredTs from now + expire, like the official validTimeInSeconds', () => {
    const token = buildSignalingToken({ appId: V.appId, certificate: V.certificate, account: V.account, expire: 60, now: 1446455411.7 });
    expect(token).toBe(V.token);
  });

  it('verifies the vector until expiredTs, inclusive', () => {
    expect(verify(V.token, V.expiredTs - 3600)).toEqual({ ok: true, format: 'signaling', expiresAt: V.expiredTs });
    expect(verify(V.token, V.expiredTs)).toMatchObject({ ok: true });
    expect(verify(V.token, V.expiredTs + 1)).toMatchObject({ ok: false, reason: 'EXPIRED' });
  });

  it('verifies tokens of the official SignalingToken.get', () => {
    const token = signalingToken.get(V.appId, V.certificate, V.account, 3600);
    expect(verify(token, Date.now() / 1000)).toMatchObject({ ok: true, format: 'signaling' });
  });

  it('rejects a wrong certificate, App ID or account', () => {
    expect(verify(V.token, 0, { certificate: V.certificate.replace('5', '6') })).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verify(V.token, 0, { appId: 'a'.repeat(32) })).toMatchObject({ ok: false, reason: 'WRONG_APP_ID' });
    // The account only exists inside the hash, so another account cannot be told from a wrong certificate.
    expect(verify(V.token, 0, { uid: 'OtherAccount' })).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('rejects a moved expiry', () => {
    expect(verify(V.token.replace('1446455471', '1446455479'), 0)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it.each([
    ['2 parts', '1:970ca35de60c44645bbae8a215061b33'],
    ['5 parts', V.token + ':x'],
    ['version 2', V.token.replace(/^1/, '2')],
    ['short hash', V.token.slice(0, -1)],
    ['non-hex hash', V.token.slice(0, -1) + 'g'],
    ['negative ts', V.token.replace('1446455471', '-1446455471')],
    ['float ts', V.token.replace('1446455471', '1446455471.5')],
    ['empty ts', V.token.replace('1446455471', '')],
  ])('treats %s as MALFORMED', (_name, token) => {
    expect(parseSignalingToken(token)).toBeUndefined();
    expect(verify(token, 0)).toMatchObject({ ok: false, reason: 'MALFORMED' });
  });

  it('recognises "_no_need_token" and the other static keys, and refuses them when a certificate is set', () => {
    for (const token of ['_no_need_token', '', V.appId, undefined, null]) expect(isStaticKey(token, V.appId)).toBe(true);
    expect(isStaticKey(V.token, V.appId)).toBe(false);
    expect(verify('_no_need_token', 0)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verify(V.appId, 0)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });
});
