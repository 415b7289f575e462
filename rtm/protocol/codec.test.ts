import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeClientFrame, decodeServerFrame, encodeFrame, isValidId, utf8Length, WIRE_ERRORS, type ClientFrame } from './index.js';

describe('codec', () => {
  it('round-trips a text frame as JSON text', () => {
    const frame: ClientFrame = { t: 'peer.send', id: 7, to: 'bob', msg: { type: 'TEXT', text: 'héllo' } };
    const encoded = encodeFrame(frame);
    expect(typeof encoded).toBe('string');
    expect(decodeClientFrame(encoded)).toEqual({ ok: true, frame });
  });

  it('carries RAW bytes as a binary attachment without base64', () => {
    const data = new Uint8Array(32 * 1024).map((_, i) => i % 251);
    const frame: ClientFrame = { t: 'ch.send', id: 1, ch: 'c', msg: { type: 'RAW', description: 'd', data } };
    const encoded = encodeFrame(frame);
    expect(encoded).toBeInstanceOf(Uint8Array);
    // header + raw bytes, far below base64's 4/3 growth
    expect((encoded as Uint8Array).byteLength).toBeLessThan(data.byteLength + 100);
    const decoded = decodeClientFrame(encoded);
    expect(decoded.ok).toBe(true);
    if (decoded.ok && decoded.frame.t === 'ch.send' && decoded.frame.msg.type === 'RAW') {
      expect(Array.from(decoded.frame.msg.data)).toEqual(Array.from(data));
    }
  });

  it.each([
    ['not json', '{nope', 'BAD_FRAME'],
    ['array', '[1,2]', 'BAD_FRAME'],
    ['no type', '{"id":1}', 'BAD_FRAME'],
    ['unknown type', '{"t":"explode","id":1}', 'UNKNOWN_FRAME_TYPE'],
    ['request without id', '{"t":"ch.join","ch":"a"}', 'BAD_FRAME'],
    ['wrong field type', '{"t":"ch.join","id":1,"ch":5}', 'BAD_FRAME'],
    ['bad message', '{"t":"peer.send","id":1,"to":"a","msg":{"type":"IMAGE"}}', 'INVALID_MESSAGE'],
    ['lone surrogate', '{"t":"peer.send","id":1,"to":"a","msg":{"type":"TEXT","text":"\\ud800"}}', 'INVALID_MESSAGE'],
  ])('rejects %s with a typed code', (_name, input, code) => {
    const result = decodeClientFrame(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('keeps the request id of a rejected request so the error can be matched', () => {
    const result = decodeClientFrame('{"t":"ch.join","id":42,"ch":5}');
    expect(result).toMatchObject({ ok: false, id: 42 });
  });

  it('rejects truncated and inconsistent binary frames', () => {
    expect(decodeClientFrame(new Uint8Array([0, 0]))).toMatchObject({ ok: false, code: 'BAD_FRAME' });
    expect(decodeClientFrame(new Uint8Array([0, 0, 0, 200, 1, 2]))).toMatchObject({ ok: false, code: 'BAD_FRAME' });
    const header = new TextEncoder().encode('{"t":"ping"}');
    const frame = new Uint8Array(4 + header.length);
    new DataView(frame.buffer).setUint32(0, header.length);
    frame.set(header, 4);
    expect(decodeClientFrame(frame)).toMatchObject({ ok: false, code: 'BAD_FRAME' });
  });

  it('never throws and always answers with a known code, whatever the input (fuzz)', () => {
    const known = new Set(Object.keys(WIRE_ERRORS));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 256 }), fc.json()), (input) => {
        for (const decode of [decodeClientFrame, decodeServerFrame]) {
          const result = decode(input);
          if (!result.ok) expect(known.has(result.code)).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });

  it('mutated valid frames never throw (fuzz)', () => {
    const valid = encodeFrame({ t: 'peer.send', id: 3, to: 'bob', msg: { type: 'RAW', description: 'x', data: new Uint8Array([1, 2, 3]) } }) as Uint8Array;
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(valid.length), (index, byte, cut) => {
        const mutated = valid.slice(0, cut);
        if (index < mutated.length) mutated[index] = byte;
        const result = decodeClientFrame(mutated);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('ids', () => {
  it.each([
    ['alice', true],
    ['a b', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['', false],
    ['null', false],
    ['a/b', false],
    ['a"b', false],
    ['é', false],
  ])('isValidId(%j) is %s', (id, valid) => {
    expect(isValidId(id)).toBe(valid);
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('😀')).toBe(4);
  });
});
