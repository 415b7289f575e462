/** Image and file messages (RTM ≤1.4) to and from their wire form. Browser-safe: only Blob is needed. */
import { LIMITS, utf8Length, type WireMessage } from '../protocol/index.js';
import { invalidArgument, limitExceeded, type RtmError } from './errors.js';
import type { RtmFileMessage, RtmImageMessage } from './types.js';

type MediaWire = Extract<WireMessage, { type: 'IMAGE' | 'FILE' }>;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks an image/file message and reads its thumbnail; `fileName + description + thumbnail` ≤ 32 KB. */
export async function toMediaWire(message: RtmImageMessage | RtmFileMessage, typeCode: number, sizeCode: number): Promise<MediaWire | RtmError> {
  const m = message as unknown as Record<string, unknown>;
  const { mediaId, size, fileName, description, thumbnail } = m;
  if (typeof mediaId !== 'string' || mediaId === '' || !isCount(size)) return invalidArgument(typeCode, 'The media message has no valid mediaId or size');
  if (typeof fileName !== 'string' || typeof description !== 'string') return invalidArgument(typeCode, 'The send message arguments are not valid');
  if (thumbnail !== undefined && !(thumbnail instanceof Blob)) return invalidArgument(typeCode, 'The thumbnail must be a Blob');
  const thumbnailBytes = thumbnail ? thumbnail.size : 0;
  if (utf8Length(fileName) + utf8Length(description) + thumbnailBytes > LIMITS.messageMaxBytes) {
    return limitExceeded(sizeCode, 'The message size is over the 32KB limit');
  }
  const base = { mediaId, size, fileName, description, ...(thumbnail ? { thumbnail: new Uint8Array(await thumbnail.arrayBuffer()) } : {}) };
  if (m['messageType'] === 'FILE') return { type: 'FILE', ...base };
  const dims = [m['width'], m['height'], m['thumbnailWidth'] ?? 0, m['thumbnailHeight'] ?? 0];
  if (!dims.every(isCount)) return invalidArgument(typeCode, 'Image width and height must be non-negative integers');
  const [width, height, thumbnailWidth, thumbnailHeight] = dims;
  return { type: 'IMAGE', ...base, width: width ?? 0, height: height ?? 0, thumbnailWidth: thumbnailWidth ?? 0, thumbnailHeight: thumbnailHeight ?? 0 };
}

export function fromMediaWire(message: MediaWire): RtmImageMessage | RtmFileMessage {
  const thumbnail = message.thumbnail ? new Blob([message.thumbnail as Uint8Array<ArrayBuffer>]) : undefined;
  const common = { mediaId: message.mediaId, size: message.size, fileName: message.fileName, description: message.description, thumbnail };
  if (message.type === 'FILE') return { ...common, messageType: 'FILE' };
  return {
    ...common,
    width: message.width,
    height: message.height,
    thumbnailWidth: message.thumbnailWidth,
    thumbnailHeight: message.thumbnailHeight,
    messageType: 'IMAGE',
  };
}
