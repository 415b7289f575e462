/**
 * Metadata writes (rtm-1x.md §3.10), pure. A set has a major revision (0 before the first write, +1 per write)
 * and items with their own revision (1 when created, +1 per write of that item). Compare-and-set:
 * - `major` ≥ 0 must equal the stored major revision;
 * - an item `rev` ≥ 0 must equal the stored item revision, 0 meaning "does not exist yet" (what `add` sends).
 * A failed comparison is OUTDATED_REVISION and changes nothing.
 */
import type { MetaOp, WireMetadata, WireMetaItem, WireMetaItemWrite } from '../../protocol/frames.js';
import { utf8Length } from '../../protocol/ids.js';
import { STATE_LIMITS } from '../../protocol/state-limits.js';
import { WireError } from '../wire-error.js';

export interface MetaWrite {
  op: MetaOp;
  items: WireMetaItemWrite[];
  major: number;
  recordTs?: boolean | undefined;
  recordUser?: boolean | undefined;
}

export const EMPTY_METADATA: WireMetadata = { major: 0, items: [] };

const invalid = (message: string): WireError => new WireError('INVALID_ARGUMENT', message);
const outdated = (message: string): WireError => new WireError('OUTDATED_REVISION', message);

/** Metadata keys: 1–32 characters of the RTM ID alphabet without `_` (reserved by the 1.6.0 wire format), not "null". */
const META_KEY = /^[\s\w!#$%&()+,.:;<=>?@[\]^{|}~-]{1,32}$/;

export function isValidMetadataKey(key: string): boolean {
  return META_KEY.test(key) && !key.includes('_') && key !== 'null';
}

/** Checks the request itself (before any state is read). */
export function checkMetaWrite(write: MetaWrite): void {
  if (write.major < -1) throw invalid('major must be -1 (no check) or a revision ≥ 0.');
  if (write.op === 'clear') return;
  if (write.items.length === 0) throw invalid('items must not be empty.');
  if (write.items.length > STATE_LIMITS.metadataMaxItems) throw new WireError('LIMIT_EXCEEDED', `At most ${STATE_LIMITS.metadataMaxItems} items.`);
  const seen = new Set<string>();
  for (const item of write.items) {
    if (!isValidMetadataKey(item.key)) throw invalid('Metadata keys are 1–32 ID characters without "_".');
    if (seen.has(item.key)) throw invalid(`Duplicate key "${item.key}".`);
    seen.add(item.key);
    if (write.op !== 'delete') {
      if (item.value === null) throw invalid('Item values must be strings.');
      if (utf8Length(item.value) > STATE_LIMITS.metadataValueMaxBytes) throw new WireError('LIMIT_EXCEEDED', `Item values are at most ${STATE_LIMITS.metadataValueMaxBytes} bytes.`);
    }
  }
}

function checkItemRevision(write: WireMetaItemWrite, stored: WireMetaItem | undefined): void {
  if (write.rev >= 0 && write.rev !== (stored?.rev ?? 0)) throw outdated(`Item "${write.key}" is at revision ${stored?.rev ?? 0}, not ${write.rev}.`);
}

/** The set after `write` by `uid` at `now` (ms). Throws OUTDATED_REVISION, NOT_FOUND or LIMIT_EXCEEDED. */
export function applyMetaWrite(current: WireMetadata | null, write: MetaWrite, uid: string, now: number): WireMetadata {
  const base = current ?? EMPTY_METADATA;
  if (write.major >= 0 && write.major !== base.major) throw outdated(`The major revision is ${base.major}, not ${write.major}.`);
  const stored = new Map(base.items.map((item) => [item.key, item]));
  const next = write.op === 'set' || write.op === 'clear' ? new Map<string, WireMetaItem>() : new Map(stored);
  const written = (item: WireMetaItemWrite): WireMetaItem => ({
    key: item.key,
    value: item.value ?? '',
    rev: (stored.get(item.key)?.rev ?? 0) + 1,
    ts: write.recordTs ? now : 0,
    by: write.recordUser ? uid : '',
  });
  for (const item of write.op === 'clear' ? [] : write.items) {
    const old = stored.get(item.key);
    switch (write.op) {
      case 'set':
        checkItemRevision(item, old);
        next.set(item.key, written(item));
        break;
      case 'add':
        if (old) throw outdated(`Item "${item.key}" already exists.`);
        next.set(item.key, written(item));
        break;
      case 'update':
        if (!old) throw new WireError('NOT_FOUND', `Item "${item.key}" does not exist.`);
        checkItemRevision(item, old);
        next.set(item.key, written(item));
        break;
      case 'delete':
        if (!old) break;
        checkItemRevision(item, old);
        next.delete(item.key);
        break;
    }
  }
  const items = [...next.values()];
  if (items.length > STATE_LIMITS.metadataMaxItems) throw new WireError('LIMIT_EXCEEDED', `At most ${STATE_LIMITS.metadataMaxItems} items.`);
  let bytes = 0;
  for (const item of items) bytes += utf8Length(item.key) + utf8Length(item.value);
  if (bytes > STATE_LIMITS.metadataMaxBytes) throw new WireError('LIMIT_EXCEEDED', `The metadata exceeds ${STATE_LIMITS.metadataMaxBytes} bytes.`);
  return { major: base.major + 1, items };
}
