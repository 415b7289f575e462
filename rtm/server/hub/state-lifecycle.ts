/**
 * Lifetimes of RTM core part 2 state, called by the hub at session and channel events:
 * - user attributes and user metadata belong to the uid's current session: cleared at a fresh login, deleted
 *   when the uid goes offline (logout, grace expiry, token expiry);
 * - channel attributes and channel metadata are deleted once the channel has been empty for the TTL;
 * - token timers: `token.expiring` ahead of the expiry, then the expiry policy.
 */
import type { Engine } from '../engine/types.js';
import type { ExpiredTokenPolicy } from '../state-options.js';
import type { Session } from './session.js';

export interface StateLifecycleOptions {
  channelAttributesTtlMs: number;
  tokenWillExpireLeadMs: number;
  expiredTokenPolicy: ExpiredTokenPolicy;
  now: () => number;
}

export const userMetadataTopic = (uid: string): string => `umeta:${uid}`;

export class StateLifecycle {
  constructor(
    private readonly engine: Engine,
    private readonly options: StateLifecycleOptions,
    private readonly expire: (session: Session) => void,
  ) {}

  /** A login that did not resume: whatever an older session of the uid left is gone. */
  async freshLogin(session: Session): Promise<void> {
    await this.engine.deleteDoc(session.appId, 'uattr', session.uid);
    await this.engine.deleteDoc(session.appId, 'umeta', session.uid);
  }

  /** The session ended; `offline`: the uid went offline with it. */
  async ended(session: Session, offline: boolean): Promise<void> {
    session.data.clearTokenTimers();
    if (session.data.metaSubs.size > 0) {
      const topics = [...session.data.metaSubs].map(userMetadataTopic);
      session.data.metaSubs.clear();
      await this.engine.unsubscribeTopic(session.appId, topics, session.ref);
    }
    if (offline) await this.freshLogin(session);
  }

  async channelOccupied(appId: string, ch: string): Promise<void> {
    await this.engine.expireDoc(appId, 'cattr', ch, null);
    await this.engine.expireDoc(appId, 'cmeta', ch, null);
  }

  async channelEmpty(appId: string, ch: string): Promise<void> {
    await this.engine.expireDoc(appId, 'cattr', ch, this.options.channelAttributesTtlMs);
    await this.engine.expireDoc(appId, 'cmeta', ch, this.options.channelAttributesTtlMs);
  }

  /** After a login, resume or renewToken: arms the warning and the expiry of the session's token. */
  setTokenExpiry(session: Session, expiresAt: number | null): void {
    session.data.tokenExpiresAt = expiresAt;
    if (expiresAt === null) {
      session.data.clearTokenTimers();
      return;
    }
    const timers = [
      { at: expiresAt - this.options.tokenWillExpireLeadMs, task: () => session.conn?.send({ t: 'token.expiring', expiresAt }) },
    ];
    if (this.options.expiredTokenPolicy === 'kick') timers.push({ at: expiresAt, task: () => this.expire(session) });
    session.data.setTokenTimers(timers, this.options.now);
  }
}
