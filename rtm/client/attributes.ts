/**
 * User attributes (rtm-1x.md §3.7) and channel attributes (§3.8): the official client-side checks in the
 * official order, the wire calls, and the caches the SDK keeps (the local user's attributes, re-uploaded after
 * every reconnect; the values of channels seen, for the size check of addOrUpdate).
 */
import { STATE_LIMITS, isValidId, utf8Length, type AttrOp, type WireChannelAttributes } from '../protocol/index.js';
import { NoReplyError, WireError, warnResyncFailure, type Connection } from './connection.js';
import { ConnectionState } from './enums.js';
import { RtmError, invalidArgument, invalidStatus, limitExceeded, timeout, unavailable } from './errors.js';
import type { AttributesMap, ChannelAttributeOptions, ChannelAttributes } from './types.js';

const CHANNEL_CACHE_MAX = 256;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function bytesOf(values: Record<string, string>): number {
  let total = 0;
  for (const [key, value] of Object.entries(values)) total += utf8Length(key) + utf8Length(value);
  return total;
}

/**
 * `checkAttrs` of the official SDK, in its order: object, count, empty, each entry (key, value size, value),
 * total size; `merged` (addOrUpdate) is also checked against the cached copy.
 */
export function checkAttributes(attributes: unknown, maxBytes: number, cached?: Record<string, string>): RtmError | null {
  if (!isPlainObject(attributes)) return invalidArgument(3, 'attributes must be an object');
  const entries = Object.entries(attributes);
  if (entries.length > STATE_LIMITS.attributesMaxCount) return limitExceeded(4, `Exceed the limit of ${STATE_LIMITS.attributesMaxCount} attributes`);
  if (entries.length === 0) return invalidArgument(3, 'The attributes is an empty object');
  for (const [key, value] of entries) {
    const keyBytes = utf8Length(key);
    if (keyBytes === 0 || keyBytes > STATE_LIMITS.attributeKeyMaxBytes) return invalidArgument(3, 'Invalid attribute key');
    if (typeof value === 'string' && utf8Length(value) > STATE_LIMITS.attributeValueMaxBytes) {
      return limitExceeded(4, `Invalid attribute value, over the limit of ${STATE_LIMITS.attributeValueMaxBytes} bytes`);
    }
    if (typeof value !== 'string' || value.length === 0) return invalidArgument(3, 'Invalid attribute value');
  }
  const values = attributes as Record<string, string>;
  if (bytesOf(values) > maxBytes) return limitExceeded(4, 'The attributes size overflow');
  if (cached) {
    const merged = { ...cached, ...values };
    if (Object.keys(merged).length > STATE_LIMITS.attributesMaxCount || bytesOf(merged) > maxBytes) return limitExceeded(4, 'The attributes size overflow');
  }
  return null;
}

/** Server answers → the AttributeOperationError codes. */
function attributeFailure(error: unknown, what: string): RtmError {
  if (error instanceof RtmError) return error;
  if (error instanceof NoReplyError) return timeout(7, `${what} timed out`);
  if (error instanceof WireError) {
    const options = { serverCode: error.code, originalError: error };
    switch (error.code) {
      case 'PEER_OFFLINE':
        return unavailable(6, 'The user requested is not online', options);
      case 'TOO_OFTEN':
        return new RtmError('RtmLimitExceededError', 5, `${what}: too often`, options);
      case 'LIMIT_EXCEEDED':
        return new RtmError('RtmLimitExceededError', 4, 'The attributes size overflow', options);
      case 'INVALID_ARGUMENT':
      case 'INVALID_USER_ID':
      case 'INVALID_CHANNEL_ID':
        return new RtmError('RtmInvalidArgumentError', 3, 'arguments is not valid', options);
      default:
        return unavailable(2, `${what} failure, code ${error.code}`, options);
    }
  }
  return unavailable(2, `${what} failure`, { originalError: error });
}

function checkQueryKeys(keys: unknown): keys is string[] {
  return (
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.length <= STATE_LIMITS.attributeKeysQueryMax &&
    keys.every((key) => typeof key === 'string' && key.length > 0 && key.length <= STATE_LIMITS.attributeKeyMaxBytes)
  );
}

function checkDeleteKeys(keys: unknown, maxLength: number): keys is string[] {
  return Array.isArray(keys) && keys.length > 0 && keys.every((key) => typeof key === 'string' && key.length > 0 && key.length <= maxLength);
}

export function toChannelAttributes(wire: WireChannelAttributes): ChannelAttributes {
  const out: ChannelAttributes = {};
  for (const [key, attr] of Object.entries(wire)) out[key] = { value: attr.value, lastUpdateUserId: attr.by, lastUpdateTs: attr.ts };
  return out;
}

function valuesOf(wire: WireChannelAttributes): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, attr] of Object.entries(wire)) out[key] = attr.value;
  return out;
}

export class AttributesApi {
  /** The local user's attributes as last written; re-uploaded after every reconnect. */
  #local: Record<string, string> = {};
  /** Values of channels' attributes seen (get, set, AttributesUpdated), for addOrUpdate's merged size check. */
  readonly #channels = new Map<string, Record<string, string>>();

  constructor(private readonly connection: () => Connection) {}

  #requireConnected(): void {
    if (this.connection().state !== ConnectionState.CONNECTED) throw invalidStatus(102, 'The client is not logged in');
  }

  // ── user attributes ──

  async setLocal(attributes: AttributesMap): Promise<void> {
    const problem = checkAttributes(attributes, STATE_LIMITS.userAttributesMaxBytes);
    if (problem) throw problem;
    this.#requireConnected();
    await this.#writeUser('set', { attrs: { ...attributes } }, 'Set local user attributes');
    this.#local = { ...attributes };
  }

  async addOrUpdateLocal(attributes: AttributesMap): Promise<void> {
    const problem = checkAttributes(attributes, STATE_LIMITS.userAttributesMaxBytes, this.#local);
    if (problem) throw problem;
    this.#requireConnected();
    await this.#writeUser('merge', { attrs: { ...attributes } }, 'Add or update local user attributes');
    this.#local = { ...this.#local, ...attributes };
  }

  async deleteLocalByKeys(keys: string[]): Promise<void> {
    if (!checkDeleteKeys(keys, STATE_LIMITS.channelAttributeDeleteKeyMaxLength)) throw invalidStatus(3, 'arguments is not valid');
    this.#requireConnected();
    await this.#writeUser('delete', { keys: [...keys] }, 'Delete local user attributes');
    for (const key of keys) delete this.#local[key];
  }

  async clearLocal(): Promise<void> {
    this.#requireConnected();
    await this.#writeUser('clear', {}, 'Clear local user attributes');
    this.#local = {};
  }

  async getUser(userId: string): Promise<AttributesMap> {
    if (!isValidId(userId)) throw invalidArgument(3, 'Not a valid user ID');
    this.#requireConnected();
    return this.#readUser(userId, undefined);
  }

  async getUserByKeys(userId: string, keys: string[]): Promise<AttributesMap> {
    this.#requireConnected();
    if (!isValidId(userId) || !checkQueryKeys(keys)) throw invalidArgument(3, 'arguments is not valid');
    return this.#readUser(userId, [...keys]);
  }

  async #writeUser(op: AttrOp, params: { attrs?: Record<string, string>; keys?: string[] }, what: string): Promise<void> {
    try {
      await this.connection().request('uattr.write', { op, ...params });
    } catch (error) {
      throw attributeFailure(error, what);
    }
  }

  async #readUser(uid: string, keys: string[] | undefined): Promise<AttributesMap> {
    try {
      const { attrs } = await this.connection().request('uattr.get', { uid, ...(keys ? { keys } : {}) });
      return attrs;
    } catch (error) {
      throw attributeFailure(error, 'Get user attributes');
    }
  }

  /** After a reconnect: the server may have dropped them (grace expired, restart), so upload the local copy again. */
  reupload(): void {
    if (Object.keys(this.#local).length === 0) return;
    this.connection()
      .request('uattr.write', { op: 'set', attrs: { ...this.#local } })
      .catch((error: unknown) => warnResyncFailure('re-uploading the local user attributes after reconnecting', error));
  }

  /** Entering DISCONNECTED or ABORTED clears the caches, like the official SDK. */
  reset(): void {
    this.#local = {};
    this.#channels.clear();
  }

  // ── channel attributes ──

  async setChannel(channelId: string, attributes: AttributesMap, options?: ChannelAttributeOptions): Promise<void> {
    const problem = checkAttributes(attributes, STATE_LIMITS.channelAttributesMaxBytes);
    if (problem) throw problem;
    this.#requireConnected();
    await this.#writeChannel(channelId, 'set', { attrs: { ...attributes } }, options, 'Set channel attributes');
    this.#cache(channelId, { ...attributes });
  }

  async addOrUpdateChannel(channelId: string, attributes: AttributesMap, options?: ChannelAttributeOptions): Promise<void> {
    const cached = this.#channels.get(channelId);
    const problem = checkAttributes(attributes, STATE_LIMITS.channelAttributesMaxBytes, cached);
    if (problem) throw problem;
    this.#requireConnected();
    await this.#writeChannel(channelId, 'merge', { attrs: { ...attributes } }, options, 'Add or update channel attributes');
    if (cached) this.#cache(channelId, { ...cached, ...attributes });
  }

  async deleteChannelByKeys(channelId: string, keys: string[], options?: ChannelAttributeOptions): Promise<void> {
    if (!checkDeleteKeys(keys, STATE_LIMITS.channelAttributeDeleteKeyMaxLength) || !isValidId(channelId)) {
      throw invalidStatus(3, 'arguments is not valid');
    }
    this.#requireConnected();
    await this.#writeChannel(channelId, 'delete', { keys: [...keys] }, options, 'Delete channel attributes');
    const cached = this.#channels.get(channelId);
    if (cached) for (const key of keys) delete cached[key];
  }

  async clearChannel(channelId: string, options?: ChannelAttributeOptions): Promise<void> {
    this.#requireConnected();
    await this.#writeChannel(channelId, 'clear', {}, options, 'Clear channel attributes');
    this.#cache(channelId, {});
  }

  async getChannel(channelId: string): Promise<ChannelAttributes> {
    if (!isValidId(channelId)) throw invalidArgument(3, 'Not a valid channel ID');
    this.#requireConnected();
    const attrs = await this.#readChannel(channelId, undefined);
    this.#cache(channelId, valuesOf(attrs));
    return toChannelAttributes(attrs);
  }

  async getChannelByKeys(channelId: string, keys: string[]): Promise<ChannelAttributes> {
    this.#requireConnected();
    if (!isValidId(channelId) || !checkQueryKeys(keys)) throw invalidArgument(3, 'arguments is not valid');
    return toChannelAttributes(await this.#readChannel(channelId, [...keys]));
  }

  /** An `AttributesUpdated` push (the full set) refreshes the cache. */
  channelUpdated(channelId: string, attrs: WireChannelAttributes): void {
    this.#cache(channelId, valuesOf(attrs));
  }

  async #writeChannel(
    ch: string,
    op: AttrOp,
    params: { attrs?: Record<string, string>; keys?: string[] },
    options: ChannelAttributeOptions | undefined,
    what: string,
  ): Promise<void> {
    const notify = options?.enableNotificationToChannelMembers === true;
    try {
      await this.connection().request('cattr.write', { ch, op, ...params, ...(notify ? { notify } : {}) });
    } catch (error) {
      throw attributeFailure(error, what);
    }
  }

  async #readChannel(ch: string, keys: string[] | undefined): Promise<WireChannelAttributes> {
    try {
      const { attrs } = await this.connection().request('cattr.get', { ch, ...(keys ? { keys } : {}) });
      return attrs;
    } catch (error) {
      throw attributeFailure(error, 'Get channel attributes');
    }
  }

  #cache(channelId: string, values: Record<string, string>): void {
    this.#channels.delete(channelId);
    this.#channels.set(channelId, values);
    if (this.#channels.size > CHANNEL_CACHE_MAX) {
      const oldest = this.#channels.keys().next();
      if (!oldest.done) this.#channels.delete(oldest.value);
    }
  }
}
