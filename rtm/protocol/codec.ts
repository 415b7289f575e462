/**
 * Frame codec. Pure: no sockets, no timers.
 *
 * A frame without binary data is one JSON text WebSocket message. A frame carrying a RAW message (or a media
 * message with a thumbnail) is one binary WebSocket message: `u32 big-endian header length | header JSON (UTF-8) | raw bytes`. The raw bytes travel as
 * they are (no base64: a 32 KB payload costs 32 KB plus the header, not 43 KB).
 */
import type { WireErrorCode } from './errors.js';
import type { ClientFrame, ServerFrame, WireMessage } from './frames.js';
import { validateClientFrame, validateServerFrame } from './validate.js';

export type DecodeResult<F> = { ok: true; frame: F } | { ok: false; code: WireErrorCode; message: string; id: number | null };

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

type WithMessage = { msg: WireMessage };

/** The one binary field of each message type: RAW bytes, or an image/file thumbnail. */
function attachmentField(type: unknown): 'data' | 'thumbnail' | null {
  if (type === 'RAW') return 'data';
  if (type === 'IMAGE' || type === 'FILE') return 'thumbnail';
  return null;
}

/** Encodes a frame for `ws.send`. */
export function encodeFrame(frame: ClientFrame | ServerFrame): string | Uint8Array {
  const msg = (frame as Partial<WithMessage>).msg;
  const field = msg === undefined || msg === null ? null : attachmentField(msg.type);
  const data = field === null ? undefined : (msg as unknown as Record<string, unknown>)[field];
  if (field === null || !(data instanceof Uint8Array)) return JSON.stringify(frame);
  const { [field]: _binary, ...rest } = msg as unknown as Record<string, unknown>;
  const header = encoder.encode(JSON.stringify({ ...frame, msg: rest }));
  const out = new Uint8Array(4 + header.byteLength + data.byteLength);
  new DataView(out.buffer).setUint32(0, header.byteLength);
  out.set(header, 4);
  out.set(data, 4 + header.byteLength);
  return out;
}

function fail(code: WireErrorCode, message: string, id: number | null = null): { ok: false; code: WireErrorCode; message: string; id: number | null } {
  return { ok: false, code, message, id };
}

/** Parses a WebSocket message into a plain object with any binary attachment put back into `msg.data`. */
function parse(data: string | Uint8Array): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  let text: string;
  let attachment: Uint8Array | undefined;
  if (typeof data === 'string') {
    text = data;
  } else {
    if (data.byteLength < 4) return { ok: false, message: 'binary frame shorter than its 4-byte header length' };
    const headerLength = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0);
    if (headerLength > data.byteLength - 4) return { ok: false, message: 'binary frame truncated: header length exceeds frame' };
    try {
      text = decoder.decode(data.subarray(4, 4 + headerLength));
    } catch {
      return { ok: false, message: 'binary frame header is not valid UTF-8' };
    }
    attachment = data.slice(4 + headerLength);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'frame is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'frame is not a JSON object' };
  const record = value as Record<string, unknown>;
  if (attachment !== undefined) {
    const msg = record['msg'];
    const field = typeof msg === 'object' && msg !== null ? attachmentField((msg as Record<string, unknown>)['type']) : null;
    if (field === null) return { ok: false, message: 'binary frame without a RAW or media message to attach its bytes to' };
    record['msg'] = { ...(msg as Record<string, unknown>), [field]: attachment };
  }
  return { ok: true, value: record };
}

function requestIdOf(value: Record<string, unknown>): number | null {
  const id = value['id'];
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

/** Server side: decode and validate a frame sent by a client. Never throws. */
export function decodeClientFrame(data: string | Uint8Array): DecodeResult<ClientFrame> {
  const parsed = parse(data);
  if (!parsed.ok) return fail('BAD_FRAME', parsed.message);
  const problem = validateClientFrame(parsed.value);
  if (problem) return fail(problem.code, problem.message, requestIdOf(parsed.value));
  return { ok: true, frame: parsed.value as unknown as ClientFrame };
}

/** Client side: decode and validate a frame sent by the server. Never throws. */
export function decodeServerFrame(data: string | Uint8Array): DecodeResult<ServerFrame> {
  const parsed = parse(data);
  if (!parsed.ok) return fail('BAD_FRAME', parsed.message);
  const problem = validateServerFrame(parsed.value);
  if (problem) return fail(problem.code, problem.message, null);
  return { ok: true, frame: parsed.value as unknown as ServerFrame };
}
