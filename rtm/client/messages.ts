import { LIMITS, utf8Length, type WireMessage } from '../protocol/index.js';
import { invalidArgument, limitExceeded, type RtmError } from './errors.js';
import { MessageType } from './enums.js';
import { fromMediaWire, toMediaWire } from './media-message.js';
import type { ReceivedMessageProperties, RtmFileMessage, RtmImageMessage, RtmMessage } from './types.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The official SDK's message check (rtm-1x.md §3.3), `code` being 7 for peer and 4 for channel messages.
 * Like the official SDK it fills in `messageType` (and a RAW message's `description`) on the caller's object.
 */
export function checkMessageShape(message: unknown, code: number): RtmError | null {
  if (!isPlainObject(message)) return invalidArgument(code, 'message object is not a plain object');
  if (message['messageType'] === undefined) {
    if (message['rawMessage'] instanceof Uint8Array) {
      if (message['text'] !== undefined) return invalidArgument(code, 'Raw messages cannot have text property. Use description instead');
      message['messageType'] = MessageType.RAW;
      if (message['description'] === undefined) message['description'] = '';
    } else {
      if (typeof message['text'] !== 'string') return invalidArgument(code, 'messageType is undefined');
      if (message['rawMessage'] !== undefined) return invalidArgument(code, 'Text messages cannot have rawMessage property');
      message['messageType'] = MessageType.TEXT;
    }
  }
  return null;
}

/** After the state and rate checks: type, then size. Returns the wire form or the error to throw. */
export function toWireMessage(message: RtmMessage, typeCode: number, sizeCode: number): WireMessage | RtmError {
  const m = message as unknown as Record<string, unknown>;
  if (m['messageType'] === MessageType.TEXT) {
    const text = m['text'];
    if (typeof text !== 'string') return invalidArgument(typeCode, 'Invalid message type');
    if (utf8Length(text) > LIMITS.messageMaxBytes) return limitExceeded(sizeCode, 'The message size is over the 32KB limit');
    return { type: 'TEXT', text };
  }
  if (m['messageType'] === MessageType.RAW) {
    const data = m['rawMessage'];
    const description = m['description'] ?? '';
    if (!(data instanceof Uint8Array) || typeof description !== 'string') return invalidArgument(typeCode, 'The send message arguments are not valid');
    if (data.byteLength + utf8Length(description) > LIMITS.messageMaxBytes) return limitExceeded(sizeCode, 'The message size is over the 32KB limit');
    return { type: 'RAW', description, data };
  }
  return invalidArgument(typeCode, 'Invalid message type');
}

/** Every type a message can be sent as: TEXT and RAW, plus the RTM ≤1.4 IMAGE and FILE. */
export function isSendableType(type: unknown): boolean {
  return type === MessageType.TEXT || type === MessageType.RAW || type === MessageType.IMAGE || type === MessageType.FILE;
}

/** `toWireMessage` for every sendable type; image and file messages need their thumbnail read first. */
export async function toAnyWireMessage(message: RtmMessage, typeCode: number, sizeCode: number): Promise<WireMessage | RtmError> {
  const type = (message as { messageType?: unknown }).messageType;
  if (type === MessageType.IMAGE || type === MessageType.FILE) return toMediaWire(message as RtmImageMessage | RtmFileMessage, typeCode, sizeCode);
  return toWireMessage(message, typeCode, sizeCode);
}

export function fromWireMessage(message: WireMessage): RtmMessage {
  switch (message.type) {
    case 'TEXT':
      return { text: message.text, messageType: 'TEXT' };
    case 'RAW':
      return { rawMessage: message.data, description: message.description, messageType: 'RAW' };
    default:
      return fromMediaWire(message);
  }
}

export function receivedProperties(ts: number, offline: boolean | undefined): ReceivedMessageProperties {
  return offline === undefined ? { serverReceivedTs: ts } : { serverReceivedTs: ts, isOfflineMessage: offline };
}
