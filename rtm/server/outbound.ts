import { encodeFrame } from '../protocol/codec.js';
import type { ServerFrame } from '../protocol/frames.js';

/** A frame encoded once, ready to be written to any number of sockets. */
export interface Encoded {
  readonly data: Buffer;
  readonly binary: boolean;
}

export function encodeOnce(frame: ServerFrame): Encoded {
  const wire = encodeFrame(frame);
  // ws converts strings to a Buffer on every send; converting once lets fan-out reuse one buffer.
  if (typeof wire === 'string') return { data: Buffer.from(wire, 'utf8'), binary: false };
  return { data: Buffer.from(wire.buffer, wire.byteOffset, wire.byteLength), binary: true };
}
