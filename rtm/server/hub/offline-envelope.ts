import type { WireMessage } from '../../protocol/frames.js';
import type { StoredWireMessage } from '../storage/types.js';

/**
 * The offline queue of every store keeps TEXT and RAW only. An image or file message is stored as a RAW message
 * whose description is this marker plus its metadata as JSON, and whose bytes are its thumbnail.
 */
const MARKER = '\u0000resignal.media\u0000';

type MediaMessage = Extract<WireMessage, { type: 'IMAGE' | 'FILE' }>;

export function toStored(msg: WireMessage): StoredWireMessage {
  if (msg.type === 'TEXT' || msg.type === 'RAW') return msg;
  const { thumbnail, ...meta } = msg;
  return { type: 'RAW', description: MARKER + JSON.stringify({ ...meta, hasThumbnail: thumbnail !== undefined }), data: thumbnail ?? new Uint8Array() };
}

export function fromStored(msg: StoredWireMessage): WireMessage {
  if (msg.type !== 'RAW' || !msg.description.startsWith(MARKER)) return msg;
  const { hasThumbnail, ...meta } = JSON.parse(msg.description.slice(MARKER.length)) as MediaMessage & { hasThumbnail: boolean };
  return hasThumbnail ? { ...meta, thumbnail: msg.data } : meta;
}
