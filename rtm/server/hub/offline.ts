import type { EventFrame } from '../../protocol/frames.js';
import type { Logger } from '../logger.js';
import type { DurableStore } from '../storage/types.js';
import { fromStored, toStored } from './offline-envelope.js';
import type { Session } from './session.js';

export type PeerMessageFrame = Extract<EventFrame, { t: 'peer.msg' }>;

/** Stored messages a session was sent but has not acknowledged yet; beyond this the oldest are forgotten (re-sent at the next login). */
const AWAITING_MAX = 10_000;

/**
 * Offline peer messages (RTM ≤1.4): kept in the durable store for an absent receiver, sent at its next fresh
 * login flagged `offline`, and deleted when its client acknowledges them. A crash between send and ack sends
 * them again with the same mids; clients drop mids they have seen.
 */
export class OfflineMessages {
  private readonly awaiting = new WeakMap<Session, Set<string>>();

  constructor(
    private readonly store: DurableStore,
    private readonly takeMax: number,
    private readonly log: Logger,
  ) {}

  /** Resolves once the message is durable: only then may the sender be told it was cached. */
  keep(appId: string, to: string, frame: PeerMessageFrame): Promise<void> {
    return this.store.enqueueOffline({ appId, id: frame.mid, from: frame.from, to, ts: frame.ts, msg: toStored(frame.msg) });
  }

  /** The stored messages of a freshly logged-in user, oldest first, as frames. */
  async load(session: Session): Promise<PeerMessageFrame[]> {
    let stored;
    try {
      stored = await this.store.takeOffline(session.appId, session.uid, this.takeMax);
    } catch (error) {
      // The login goes on; the messages stay stored for the next one.
      this.log.error('loading offline messages failed', error);
      return [];
    }
    return stored.map((m) => ({ t: 'peer.msg', mid: m.id, from: m.from, ts: m.ts, msg: fromStored(m.msg), offline: true }));
  }

  /** A stored message is on its way to the session's client; its `peer.ack` will delete it from the store. */
  sent(session: Session, mid: string): void {
    let mids = this.awaiting.get(session);
    if (!mids) this.awaiting.set(session, (mids = new Set()));
    mids.add(mid);
    if (mids.size > AWAITING_MAX) {
      const oldest = mids.values().next();
      if (!oldest.done) mids.delete(oldest.value);
    }
  }

  acked(session: Session, mid: string): void {
    const mids = this.awaiting.get(session);
    if (!mids?.delete(mid)) return;
    this.store.ackOffline(session.appId, session.uid, [mid]).catch((error: unknown) => this.log.error('offline ack failed', error));
  }
}
