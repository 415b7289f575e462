import { timingSafeEqual } from 'node:crypto';

/** Little-endian writer for the packing used by both AccessToken versions (u16-length-prefixed bytes). */
export class ByteWriter {
  private readonly chunks: Buffer[] = [];

  u16(value: number): this {
    const chunk = Buffer.alloc(2);
    chunk.writeUInt16LE(value);
    this.chunks.push(chunk);
    return this;
  }

  u32(value: number): this {
    const chunk = Buffer.alloc(4);
    chunk.writeUInt32LE(value);
    this.chunks.push(chunk);
    return this;
  }

  /** `u16 length | bytes` — the official builders call this putBytes / putString. */
  bytes(value: Uint8Array): this {
    this.u16(value.length);
    this.chunks.push(Buffer.from(value));
    return this;
  }

  string(value: string): this {
    return this.bytes(Buffer.from(value, 'utf8'));
  }

  /** `u16 count | count × (u16 key, u32 value)` in ascending key order, as JS object order gives the official code. */
  u32Map(map: ReadonlyMap<number, number>): this {
    const keys = [...map.keys()].sort((a, b) => a - b);
    this.u16(keys.length);
    for (const key of keys) this.u16(key).u32(map.get(key) ?? 0);
    return this;
  }

  raw(value: Uint8Array): this {
    this.chunks.push(Buffer.from(value));
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Thrown by ByteReader when the input ends early; parsers turn it into a MALFORMED result. */
export class TruncatedError extends Error {
  constructor() {
    super('token bytes end early');
    this.name = 'TruncatedError';
  }
}

export class ByteReader {
  private position = 0;

  constructor(private readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.position;
  }

  u16(): number {
    this.need(2);
    const value = this.buffer.readUInt16LE(this.position);
    this.position += 2;
    return value;
  }

  u32(): number {
    this.need(4);
    const value = this.buffer.readUInt32LE(this.position);
    this.position += 4;
    return value;
  }

  bytes(): Buffer {
    const length = this.u16();
    this.need(length);
    const value = this.buffer.subarray(this.position, this.position + length);
    this.position += length;
    return value;
  }

  u32Map(): Map<number, number> {
    const count = this.u16();
    const map = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const key = this.u16();
      map.set(key, this.u32());
    }
    return map;
  }

  rest(): Buffer {
    const value = this.buffer.subarray(this.position);
    this.position = this.buffer.length;
    return value;
  }

  private need(length: number): void {
    if (this.position + length > this.buffer.length) throw new TruncatedError();
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Strict standard base64 (with padding), as every official builder emits. Node's own decoder silently skips
 * foreign characters, which would let garbage reach the binary parser; here it is rejected up front.
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (text.length === 0 || !BASE64.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32/IEEE (zlib's crc32), unsigned. Own table because `zlib.crc32` needs Node ≥ 20.15. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC32_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Constant-time comparison; a length difference returns early, which leaks only the (public) length. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isUint32(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}
