/**
 * Decoder fuzzing (pure, no sockets): the protocol decoders and the token verifier take any input without
 * throwing, every rejection carries a documented wire code, and everything they accept re-encodes to itself.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeClientFrame, decodeServerFrame, encodeFrame } from '../../rtm/protocol/codec.js';
import { isWireErrorCode } from '../../rtm/protocol/errors.js';
import { verifyLoginToken } from '../../rtm/token/index.js';
import { Figures } from './figures.js';
import { hostileData, wellFormedFrame, type WireData } from './fuzz/frames.js';
import { sized } from './scale.js';
import { seedFor, withSeed } from './seed.js';

const figures = new Figures('decoder-fuzz');
afterAll(() => figures.write());

const RUNS = sized(3000, 50_000);

function checkRejectionOrFrame(result: ReturnType<typeof decodeClientFrame> | ReturnType<typeof decodeServerFrame>): void {
  if (result.ok) {
    expect(typeof result.frame.t).toBe('string');
    return;
  }
  expect(isWireErrorCode(result.code)).toBe(true);
  expect(result.id === null || Number.isSafeInteger(result.id)).toBe(true);
  expect(typeof result.message).toBe('string');
}

function assertProperty(label: string, property: fc.IPropertyWithHooks<[WireData]> | fc.IProperty<[WireData]>, runs = RUNS): Promise<void> {
  return withSeed(label, (seed) => {
    fc.assert(property, { seed, numRuns: runs });
    figures.add('casesExecuted', runs);
    figures.add(`cases.${label}`, runs);
  });
}

describe('protocol decoder fuzzing', () => {
  it('decodeClientFrame never throws and rejects with a typed code', async () => {
    let accepted = 0;
    await assertProperty(
      'client-decoder',
      fc.property(hostileData, (data) => {
        const result = decodeClientFrame(data);
        checkRejectionOrFrame(result);
        if (!result.ok) return;
        accepted++;
        // Whatever the server accepts must survive its own encoder: no hidden non-JSON state in a frame.
        const again = decodeClientFrame(encodeFrame(result.frame));
        expect(again.ok).toBe(true);
        if (again.ok) expect(again.frame).toEqual(result.frame);
      }),
    );
    figures.add('clientDecoderAccepted', accepted);
    expect(accepted).toBeGreaterThan(0);
  });

  it('decodeServerFrame (the client side) never throws on hostile server data', async () => {
    await assertProperty(
      'server-decoder',
      fc.property(hostileData, (data) => {
        checkRejectionOrFrame(decodeServerFrame(data));
      }),
    );
  });

  it('well-formed frames round-trip through encode and decode', async () => {
    await assertProperty(
      'round-trip',
      fc.property(wellFormedFrame.map((f) => encodeFrame(f)), (data) => {
        const result = decodeClientFrame(data);
        checkRejectionOrFrame(result);
        if (result.ok) expect(decodeClientFrame(encodeFrame(result.frame))).toEqual(result);
      }),
      Math.min(RUNS, 5000),
    );
  });

  it('decoding never lets a "__proto__" key reach a prototype', () => {
    const result = decodeClientFrame('{"t":"uattr.write","id":1,"op":"set","attrs":{"__proto__":{"polluted":"yes"}}}');
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('verifyLoginToken never throws and never accepts a token it cannot verify', async () => {
    const prefix = fc.constantFrom('', '006', '007', '006970CA35de60c44645bbae8a215061b33', '007eJ');
    const token = fc.tuple(prefix, fc.oneof(fc.base64String({ maxLength: 300 }), fc.string({ maxLength: 300 }))).map(([p, body]) => p + body);
    await withSeed('token-verifier', (seed) => {
      const runs = Math.min(RUNS, 5000);
      fc.assert(
        fc.property(token, fc.constantFrom('u', 'test_user', ''), (candidate, uid) => {
          const result = verifyLoginToken({ appId: '970CA35de60c44645bbae8a215061b33', certificate: '5CFd2fd1755d40ecb72977518be15d3b', uid, token: candidate });
          expect(result.ok).toBe(false);
        }),
        { seed: seedFor(`token-verifier:${seed}`), numRuns: runs },
      );
      figures.add('casesExecuted', runs);
      figures.add('cases.token-verifier', runs);
    });
  });
});
