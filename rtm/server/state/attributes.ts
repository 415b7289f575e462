/** Attribute writes (user and channel), pure: input checks, the operation, the limits of the result. */
import type { AttrOp } from '../../protocol/frames.js';
import { utf8Length } from '../../protocol/ids.js';
import { STATE_LIMITS } from '../../protocol/state-limits.js';
import { WireError } from '../wire-error.js';

export interface AttrWrite {
  op: AttrOp;
  attrs?: Record<string, string> | undefined;
  keys?: string[] | undefined;
}

export interface AttrLimits {
  totalMaxBytes: number;
  /** Longest key accepted by deleteByKeys (characters). */
  deleteKeyMaxLength: number;
}

export const USER_ATTR_LIMITS: AttrLimits = { totalMaxBytes: STATE_LIMITS.userAttributesMaxBytes, deleteKeyMaxLength: STATE_LIMITS.channelAttributeDeleteKeyMaxLength };
export const CHANNEL_ATTR_LIMITS: AttrLimits = { totalMaxBytes: STATE_LIMITS.channelAttributesMaxBytes, deleteKeyMaxLength: STATE_LIMITS.channelAttributeDeleteKeyMaxLength };

const invalid = (message: string): WireError => new WireError('INVALID_ARGUMENT', message);
const tooLarge = (message: string): WireError => new WireError('LIMIT_EXCEEDED', message);

/** Checks the request itself (before any state is read). */
export function checkAttrWrite(write: AttrWrite, limits: AttrLimits): void {
  if (write.op === 'set' || write.op === 'merge') {
    const entries = Object.entries(write.attrs ?? {});
    if (write.attrs === undefined || entries.length === 0) throw invalid('attrs must be a non-empty object (use op "clear" to remove all).');
    if (entries.length > STATE_LIMITS.attributesMaxCount) throw tooLarge(`At most ${STATE_LIMITS.attributesMaxCount} attributes.`);
    for (const [key, value] of entries) {
      const keyBytes = utf8Length(key);
      if (keyBytes === 0 || keyBytes > STATE_LIMITS.attributeKeyMaxBytes) throw invalid(`Attribute keys are 1–${STATE_LIMITS.attributeKeyMaxBytes} bytes.`);
      if (utf8Length(value) > STATE_LIMITS.attributeValueMaxBytes) throw tooLarge(`Attribute values are at most ${STATE_LIMITS.attributeValueMaxBytes} bytes.`);
      if (value.length === 0) throw invalid('Attribute values must not be empty.');
    }
    if (totalBytes(write.attrs) > limits.totalMaxBytes) throw tooLarge(`The attributes exceed ${limits.totalMaxBytes} bytes.`);
  } else if (write.op === 'delete') {
    const keys = write.keys ?? [];
    if (keys.length === 0) throw invalid('keys must be a non-empty list.');
    if (keys.some((key) => key.length === 0 || key.length > limits.deleteKeyMaxLength)) throw invalid(`Keys are 1–${limits.deleteKeyMaxLength} characters.`);
  }
}

export function totalBytes(values: Record<string, string>): number {
  let total = 0;
  for (const [key, value] of Object.entries(values)) total += utf8Length(key) + utf8Length(value);
  return total;
}

/**
 * The key → value map after `write`, and the keys it wrote. Throws LIMIT_EXCEEDED when the merged result
 * breaks the count or size limit.
 */
export function applyAttrWrite(current: Readonly<Record<string, string>>, write: AttrWrite, limits: AttrLimits): { values: Record<string, string>; written: string[] } {
  let values: Record<string, string>;
  let written: string[] = [];
  switch (write.op) {
    case 'set':
      values = { ...write.attrs };
      written = Object.keys(values);
      break;
    case 'merge':
      values = { ...current, ...write.attrs };
      written = Object.keys(write.attrs ?? {});
      break;
    case 'delete':
      values = { ...current };
      for (const key of write.keys ?? []) delete values[key];
      break;
    case 'clear':
      values = {};
      break;
  }
  if (Object.keys(values).length > STATE_LIMITS.attributesMaxCount) throw tooLarge(`At most ${STATE_LIMITS.attributesMaxCount} attributes.`);
  if (totalBytes(values) > limits.totalMaxBytes) throw tooLarge(`The attributes exceed ${limits.totalMaxBytes} bytes.`);
  return { values, written };
}

/** Checks the keys of a get…ByKeys: 1–32 keys of 1–32 characters. */
export function checkQueryKeys(keys: readonly string[] | undefined): void {
  if (keys === undefined) return;
  if (keys.length === 0 || keys.length > STATE_LIMITS.attributeKeysQueryMax) throw invalid(`Ask for 1–${STATE_LIMITS.attributeKeysQueryMax} keys.`);
  if (keys.some((key) => key.length === 0 || key.length > STATE_LIMITS.attributeKeyMaxBytes)) throw invalid('Keys are 1–32 characters.');
}

/** The entries of `map` named by `keys` (all of them without keys); a null-prototype-free plain copy. */
export function pick<T>(map: Readonly<Record<string, T>> | null, keys: readonly string[] | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (!map) return out;
  for (const key of keys ?? Object.keys(map)) if (Object.hasOwn(map, key)) out[key] = map[key] as T;
  return out;
}
