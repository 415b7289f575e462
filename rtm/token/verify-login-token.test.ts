import fc from 'fast-check';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, TOKEN_REJECTIONS, verifyLoginToken, type TokenVerification } from './index.js';
import { APP_ID, CERTIFICATE, GENERATED_AT, TOKEN_A, TOKEN_B, TOKEN_B2, TOKEN_C, TOKEN_D, TOKEN_E, UID } from './__testfixtures__/reference-vectors.js';

const verify = (token: string, now = GENERATED_AT) => verifyLoginToken({ appId: APP_ID, certificate: CERTIFICATE, uid: UID, token, now });

function expectWellFormed(result: TokenVerification): void {
  if (result.ok) {
    expect(['006', '007', 'signaling']).toContain(result.format);
  } else {
    expect(Object.keys(TOKEN_REJECTIONS)).toContain(result.reason);
    expect(typeof result.detail).toBe('string');
  }
}

describe('verifyLoginToken', () => {
  it.each([
    ['A', TOKEN_A, GENERATED_AT, '006'],
    ['B', TOKEN_B, 1111111, '006'],
    ['B2', TOKEN_B2, 100, '006'],
    ['C', TOKEN_C, GENERATED_AT, '007'],
    ['D', TOKEN_D, 1111111, '007'],
    ['E', TOKEN_E, GENERATED_AT, '006'],
  ])('detects and accepts sample %s', (_name, token, now, format) => {
    expect(verify(token, now)).toMatchObject({ ok: true, format });
  });

  it.each([
    ['empty', ''],
    ['prefix only 006', '006'],
    ['prefix only 007', '007'],
    ['unknown version', '008' + TOKEN_A.slice(3)],
    ['plain text', 'hello world'],
    ['huge', '006' + APP_ID + 'A'.repeat(MAX_TOKEN_LENGTH)],
    ['huge 007', '007' + 'A'.repeat(10_000_000)],
    ['non-base64 006', '006' + APP_ID + '%%%%'],
    ['non-base64 007', '007eJx!!'],
    ['base64url 007', TOKEN_C.replace(/\+/g, '-').replace(/\//g, '_')],
  ])('rejects %s as MALFORMED', (_name, token) => {
    expect(verify(token)).toMatchObject({ ok: false, reason: 'MALFORMED' });
  });

  it('rejects non-string input from untyped callers without throwing', () => {
    const tokens: unknown[] = [undefined, null, 42, {}, Buffer.from(TOKEN_A)];
    for (const token of tokens) {
      expect(verifyLoginToken({ appId: APP_ID, certificate: CERTIFICATE, uid: UID, token: token as string })).toMatchObject({ ok: false });
    }
    expect(verifyLoginToken({ appId: APP_ID, certificate: CERTIFICATE, uid: UID, token: TOKEN_A, now: Number.NaN })).toMatchObject({ ok: false });
  });

  it('refuses to verify with an empty certificate', () => {
    expect(verifyLoginToken({ appId: APP_ID, certificate: '', uid: UID, token: TOKEN_A, now: GENERATED_AT })).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('never throws on arbitrary strings and never accepts them', () => {
    const prefixed = fc.tuple(fc.constantFrom('', '006', '007', '006' + APP_ID, '1:' + APP_ID + ':', '007eJ'), fc.string({ maxLength: 300 }));
    fc.assert(
      fc.property(prefixed, ([prefix, rest]) => {
        const result = verify(prefix + rest);
        expectWellFormed(result);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any truncation, and rejects every one', () => {
    for (const token of [TOKEN_A, TOKEN_C, TOKEN_D]) {
      for (let end = 0; end < token.length; end++) {
        const result = verify(token.slice(0, end), 1111111);
        expectWellFormed(result);
        expect(result.ok).toBe(false);
      }
    }
  });

  it('never throws on single-character mutations of valid tokens', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=:!';
    fc.assert(
      fc.property(
        fc.constantFrom(TOKEN_A, TOKEN_C, TOKEN_D),
        fc.nat(),
        fc.constantFrom(...alphabet),
        (token, position, char) => {
          const index = position % token.length;
          const mutated = token.slice(0, index) + char + token.slice(index + 1);
          const result = verify(mutated, 1111111);
          expectWellFormed(result);
          // Only a change that leaves the signed bytes alone (unused base64 or deflate padding bits) may stay valid.
          if (result.ok) expect(signedBytes(mutated)).toEqual(signedBytes(token));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

/** The signed content of a 006/007 token (007 inflated). */
function signedBytes(token: string): Buffer {
  return token.startsWith('006') ? Buffer.from(token.slice(35), 'base64') : inflateSync(Buffer.from(token.slice(3), 'base64'));
}
