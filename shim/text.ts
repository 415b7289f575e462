/** Legacy arguments as RTM strings. 1.4.3 JSON-stringified non-string accounts and channel names. */
import type { RtmReceivedMessageLike } from './rtm-types.js';

export function legacyString(value: unknown): string {
  if (typeof value === 'string') return value;
  const json: unknown = JSON.stringify(value);
  return typeof json === 'string' ? json : String(value);
}

/** Message bodies: strings pass unchanged; anything else becomes its string form (the wire carried JSON values). */
export function legacyMessage(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return legacyString(value);
  return String(value);
}

const decoder = new TextDecoder();

/** A received RTM message as the legacy string: TEXT as is, RAW decoded as UTF-8. */
export function receivedText(message: RtmReceivedMessageLike): string {
  if (typeof message.text === 'string') return message.text;
  if (message.rawMessage instanceof Uint8Array) return decoder.decode(message.rawMessage);
  return '';
}
