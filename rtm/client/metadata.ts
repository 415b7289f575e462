import { RtmError, invalidArgument } from './errors.js';

/** What the server stores for an item; filled into items read back (getUserMetadata, update events). */
export interface StoredItemFields {
  key: string;
  value: string;
  revision: number;
  updateTs: number;
  authorUserId: string;
}

let hydrate: (item: RtmMetadataItem, fields: StoredItemFields) => void;

/** An item as the server stores it, with the read-only fields (updateTs, authorUserId) set. */
export function storedMetadataItem(fields: StoredItemFields): RtmMetadataItem {
  const item = new RtmMetadataItem();
  hydrate(item, fields);
  return item;
}

/** A metadata item (RTM 1.6.0). Client-side value object; the server stores revisions. */
export class RtmMetadataItem {
  #key = '';
  #value: string | null = null;
  #revision = -1;
  #updateTs = 0;
  #authorUserId = '';

  static {
    hydrate = (item, fields) => {
      item.#key = fields.key;
      item.#value = fields.value;
      item.#revision = fields.revision;
      item.#updateTs = fields.updateTs;
      item.#authorUserId = fields.authorUserId;
    };
  }

  setKey(key: string): void {
    if (typeof key !== 'string') throw new TypeError('The metadata item key must be a string.');
    // `_` is reserved: the wire format uses it for revisions, timestamps and authors.
    if (key.includes('_')) throw invalidArgument(undefined, `Cannot set MetaDataItem key as ${key}`);
    this.#key = key;
  }

  getKey(): string {
    return this.#key;
  }

  setValue(value: string | null): void {
    this.#value = value;
  }

  getValue(): string | null {
    return this.#value;
  }

  setRevision(revision: number): void {
    if (!Number.isInteger(revision)) throw new RtmError('RtmInternalError', undefined, `Cannot set MetaDataItem revision as ${revision}`);
    this.#revision = revision;
  }

  getRevision(): number {
    return this.#revision;
  }

  getUpdateTs(): number {
    return this.#updateTs;
  }

  getAuthorUserId(): string {
    return this.#authorUserId;
  }
}

export interface RtmMetadataOptions {
  majorRevision?: number;
  enableRecordTs?: boolean;
  enableRecordUserId?: boolean;
}

export interface RtmMetadata {
  items: RtmMetadataItem[];
  majorRevision: number;
}
