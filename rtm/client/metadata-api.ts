/**
 * Metadata of RTM 1.6.0 (rtm-1x.md §3.10): user metadata (own writes, anyone reads, subscriptions) and the
 * metadata of joined channels. Checks: state first (102; channels: joined, get → 9, writes → 5), then options
 * (majorRevision < -1 → 3) and duplicate keys (5). add/update/delete mutate the caller's items like the SDK.
 */
import type { MetaOp, WireMetadata, WireMetaItemWrite } from '../protocol/index.js';
import { NoReplyError, WireError, warnResyncFailure, type Connection } from './connection.js';
import { ConnectionState } from './enums.js';
import { RtmError, invalidArgument, invalidStatus, timeout, unavailable } from './errors.js';
import { storedMetadataItem, type RtmMetadata, type RtmMetadataItem, type RtmMetadataOptions } from './metadata.js';

export function toRtmMetadata(wire: WireMetadata): RtmMetadata {
  return {
    majorRevision: wire.major,
    items: wire.items.map((item) => storedMetadataItem({ key: item.key, value: item.value, revision: item.rev, updateTs: item.ts, authorUserId: item.by })),
  };
}

/** Server answers → MetadataOperationError codes (all RtmUnavailableError, like the SDK). */
function operationFailure(error: unknown, what: string): RtmError {
  if (error instanceof RtmError) return error;
  if (error instanceof NoReplyError) return timeout(7, `${what} timed out`);
  if (error instanceof WireError) {
    const options = { serverCode: error.code, originalError: error };
    const code: Partial<Record<string, number>> = {
      OUTDATED_REVISION: 8,
      INVALID_ARGUMENT: 3,
      INVALID_USER_ID: 2,
      INVALID_CHANNEL_ID: 3,
      LIMIT_EXCEEDED: 4,
      TOO_OFTEN: 6,
      NOT_IN_CHANNEL: 9,
    };
    return unavailable(code[error.code] ?? 1, `${what} failure`, options);
  }
  return unavailable(1, `${what} failure`, { originalError: error });
}

/** Server answers → MetadataSubscriptionError codes. */
function subscriptionFailure(error: unknown, what: string): RtmError {
  if (error instanceof RtmError) return error;
  if (error instanceof NoReplyError) return timeout(2, `${what} timed out`);
  if (error instanceof WireError) {
    const code: Partial<Record<string, number>> = { INVALID_USER_ID: 3, INVALID_ARGUMENT: 3, TOO_OFTEN: 4, LIMIT_EXCEEDED: 5 };
    return unavailable(code[error.code] ?? 1, `${what} failure`, { serverCode: error.code, originalError: error });
  }
  return unavailable(1, `${what} failure`, { originalError: error });
}

interface ResolvedWrite {
  items: WireMetaItemWrite[];
  major: number;
  recordTs: boolean;
  recordUser: boolean;
}

function checkWrite(op: MetaOp, items: unknown, options: RtmMetadataOptions | undefined): ResolvedWrite {
  const major = options?.majorRevision ?? -1;
  if (!Number.isInteger(major) || major < -1) throw invalidArgument(3, 'MajorRevision should be set to a value greater than  -1');
  const list: RtmMetadataItem[] = op === 'clear' ? [] : (items as RtmMetadataItem[]);
  if (!Array.isArray(list) || !list.every((item) => typeof (item as Partial<RtmMetadataItem> | null)?.getKey === 'function')) {
    throw invalidArgument(3, 'arguments is not valid');
  }
  const keys = new Set<string>();
  for (const item of list) {
    if (keys.has(item.getKey())) throw invalidArgument(5, 'RtmMetadataItem key must be unique');
    keys.add(item.getKey());
  }
  // Like the SDK: add sends revision 0 ("must not exist"), update no revision, delete null values.
  for (const item of list) {
    if (op === 'add') item.setRevision(0);
    else if (op === 'update') item.setRevision(-2);
    else if (op === 'delete') item.setValue(null);
  }
  return {
    items: list.map((item) => ({ key: item.getKey(), value: item.getValue(), rev: item.getRevision() < 0 ? -1 : item.getRevision() })),
    major,
    recordTs: options?.enableRecordTs === true,
    recordUser: options?.enableRecordUserId === true,
  };
}

export class MetadataApi {
  /** Users whose metadata this client subscribed to (re-subscribed after a reconnect). */
  readonly #subscribed = new Set<string>();

  constructor(private readonly connection: () => Connection) {}

  #requireConnected(): void {
    if (this.connection().state !== ConnectionState.CONNECTED) throw invalidStatus(102, 'The client is not logged in');
  }

  /** A user-metadata write (`ch` undefined) or a channel-metadata write; `joined` is checked by the caller. */
  async write(op: MetaOp, items: RtmMetadataItem[] | undefined, options: RtmMetadataOptions | undefined, ch?: string, joined?: boolean): Promise<void> {
    this.#requireConnected();
    if (ch !== undefined && !joined) throw invalidStatus(5, 'The channel does not join. Cannot do the operation');
    const write = checkWrite(op, items, options);
    try {
      await this.connection().request('meta.write', { op, ...write, ...(ch === undefined ? {} : { ch }) });
    } catch (error) {
      throw operationFailure(error, `${ch === undefined ? 'User' : 'Channel'} metadata ${op}`);
    }
  }

  async getUser(uid: string): Promise<RtmMetadata> {
    this.#requireConnected();
    try {
      return toRtmMetadata((await this.connection().request('meta.get', { uid })).data);
    } catch (error) {
      throw operationFailure(error, 'Get user metadata');
    }
  }

  async getChannel(ch: string, joined: boolean): Promise<RtmMetadata> {
    this.#requireConnected();
    if (!joined) throw invalidStatus(9, 'The channel does not join. Cannot do the operation');
    try {
      return toRtmMetadata((await this.connection().request('meta.get', { ch })).data);
    } catch (error) {
      throw operationFailure(error, 'Get channel metadata');
    }
  }

  async subscribe(uid: string): Promise<void> {
    this.#requireConnected();
    try {
      await this.connection().request('meta.sub', { uid });
      this.#subscribed.add(uid);
    } catch (error) {
      throw subscriptionFailure(error, 'Subscribe user metadata');
    }
  }

  async unsubscribe(uid: string): Promise<void> {
    this.#requireConnected();
    try {
      await this.connection().request('meta.unsub', { uid });
      this.#subscribed.delete(uid);
    } catch (error) {
      throw subscriptionFailure(error, 'Unsubscribe user metadata');
    }
  }

  isSubscribed(uid: string): boolean {
    return this.#subscribed.has(uid);
  }

  /** After a reconnect: a fresh server session has no subscriptions, so send them again (idempotent). */
  resubscribe(): void {
    for (const uid of this.#subscribed) {
      this.connection()
        .request('meta.sub', { uid })
        .catch((error: unknown) => warnResyncFailure(`re-subscribing to the metadata of "${uid}"`, error));
    }
  }

  reset(): void {
    this.#subscribed.clear();
  }
}
