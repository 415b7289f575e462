/**
 * Peer online-status subscriptions (`subscribePeersOnlineStatus` and the rest): the subscribed peers with their
 * last known state, `PeersOnlineStatusChanged` on every change (from the server's `status` events, from a query,
 * and from re-subscribing after a reconnect). A module of its own so the shim's browser build can leave it out.
 */
import { LIMITS, isValidId, type PresenceState } from '../protocol/index.js';
import { warnResyncFailure, WireError, type Connection } from './connection.js';
import { ConnectionState, PeerOnlineState, PeerSubscriptionOption } from './enums.js';
import { invalidArgument, invalidStatus, limitExceeded, unavailable } from './errors.js';
import { isNonEmptyStringArray, rpcFailure } from './rpc-failure.js';
import type { PeersOnlineStatusMap } from './types.js';

const mapped = (state: PresenceState): PeerOnlineState => (state === 'OFFLINE' ? PeerOnlineState.OFFLINE : PeerOnlineState.ONLINE);

export class PeerPresence {
  /** Subscribed peers and their last known state (undefined until the first answer). */
  readonly #subscriptions = new Map<string, PeerOnlineState | undefined>();

  constructor(
    private readonly connection: () => Connection,
    private readonly changed: (states: PeersOnlineStatusMap) => void,
  ) {}

  async subscribe(peerIds: string[]): Promise<void> {
    this.#requireConnected();
    if (!isNonEmptyStringArray(peerIds) || !peerIds.every((id) => isValidId(id))) throw invalidArgument(2, 'Invalid arguments: peerIds');
    const fresh = [...new Set(peerIds)].filter((id) => !this.#subscriptions.has(id));
    if (fresh.length + this.#subscriptions.size > LIMITS.subscribePeersMax) throw limitExceeded(6, 'Subscribed peers overflows');
    const requested = [...new Set(peerIds)];
    for (const id of fresh) this.#subscriptions.set(id, undefined);
    let states: Record<string, PresenceState>;
    try {
      ({ states } = await this.connection().request('status.sub', { uids: requested }));
    } catch (error) {
      for (const id of fresh) this.#subscriptions.delete(id);
      if (error instanceof WireError && error.code === 'LIMIT_EXCEEDED') throw limitExceeded(6, 'Subscribed peers overflows');
      throw rpcFailure(error, 4, 'Subscription');
    }
    const initial: PeersOnlineStatusMap = {};
    for (const id of requested) {
      const state = states[id];
      if (state === undefined) continue;
      this.#subscriptions.set(id, mapped(state));
      initial[id] = mapped(state);
    }
    // The official SDK emits the initial states around the resolve; resignal emits right after it.
    setTimeout(() => this.changed(initial), 0);
    const failed = requested.filter((id) => states[id] === undefined);
    if (failed.length > 0) throw unavailable(1, 'Subscription failed');
  }

  unsubscribe(peerIds: string[]): Promise<void> {
    try {
      this.#requireConnected();
      if (!isNonEmptyStringArray(peerIds) || !peerIds.every((id) => isValidId(id))) throw invalidArgument(2, 'Invalid arguments: peerIds');
      if (peerIds.length > LIMITS.subscribePeersMax) throw limitExceeded(6, 'Unsubscribed peers overflows');
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    for (const id of peerIds) this.#subscriptions.delete(id);
    this.connection().request('status.unsub', { uids: [...new Set(peerIds)] }).catch(() => undefined);
    return Promise.resolve();
  }

  /** `queryPeersBySubscriptionOption`: the subscribed peers. */
  subscribed(option: PeerSubscriptionOption): Promise<string[]> {
    if (this.connection().state !== ConnectionState.CONNECTED) return Promise.reject(invalidStatus(102, 'The client is not logged in'));
    if (option !== PeerSubscriptionOption.ONLINE_STATUS) return Promise.reject(invalidArgument(2, 'Subscription option not supported'));
    return Promise.resolve([...this.#subscriptions.keys()]);
  }

  /** A `queryPeersOnlineStatus` answer also updates the subscribed peers it names (not the unreachable ones). */
  noteQueried(online: Record<string, boolean>): void {
    const changed: PeersOnlineStatusMap = {};
    let anyChanged = false;
    for (const [peer, isOnline] of Object.entries(online)) {
      if (!this.#subscriptions.has(peer) || this.#subscriptions.get(peer) === PeerOnlineState.UNREACHABLE) continue;
      const state = isOnline ? PeerOnlineState.ONLINE : PeerOnlineState.OFFLINE;
      this.#subscriptions.set(peer, state);
      changed[peer] = state;
      anyChanged = true;
    }
    if (anyChanged) this.changed(changed);
  }

  /** A server `status` event for one peer. */
  onStatus(peer: string, state: PeerOnlineState): void {
    if (!this.#subscriptions.has(peer) || this.#subscriptions.get(peer) === state) return;
    this.#subscriptions.set(peer, state);
    this.changed({ [peer]: state });
  }

  /** After a reconnect the server has forgotten the subscriptions: subscribe again and report what changed. */
  resubscribe(): void {
    const peers = [...this.#subscriptions.keys()];
    if (peers.length === 0) return;
    this.connection()
      .request('status.sub', { uids: peers })
      .then(({ states }) => {
        const map: PeersOnlineStatusMap = {};
        for (const peer of peers) {
          const state = states[peer];
          if (state === undefined || !this.#subscriptions.has(peer)) continue;
          this.#subscriptions.set(peer, mapped(state));
          map[peer] = mapped(state);
        }
        if (Object.keys(map).length > 0) this.changed(map);
      })
      .catch((error: unknown) => warnResyncFailure('re-subscribing to peers after reconnecting', error));
  }

  /** Logged out or aborted: no subscription survives. */
  reset(): void {
    this.#subscriptions.clear();
  }

  #requireConnected(): void {
    if (this.connection().state !== ConnectionState.CONNECTED) throw invalidStatus(102, 'The client is not logged in');
  }
}
