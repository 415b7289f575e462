/**
 * The legacy Signaling Web API (resignal's shim on resignal's real client), driven the way a legacy app does:
 * `Signal(appId).login(…)` with callback properties, `messageInstantSend(peer, msg, cb)`, `channelJoin(name)`
 * and `messageChannelSend(msg, cb)`. Compared with `resignal-sdk` it measures what the shim adds.
 */
import Signal, { configureDeprecations } from '../../../shim/index.js';
import type { LegacyChannel, LegacySession } from '../../../shim/index.js';
import { BENCH_APP_ID } from './app-id.js';
import type { BenchClient, ClientFactory, ClientHandlers } from './types.js';

// Every use is still counted (that cost stays in); only the once-per-feature console lines are dropped.
configureDeprecations({ mode: 'silent' });

class ShimClient implements BenchClient {
  private readonly channels = new Map<string, LegacyChannel>();

  constructor(
    readonly uid: string,
    private readonly session: LegacySession,
    private readonly handlers: ClientHandlers,
  ) {}

  join(ch: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const channel = this.session.channelJoin(ch);
      if (!channel) {
        reject(new Error(`${this.uid}: channelJoin(${ch}) returned nothing (not logged in)`));
        return;
      }
      channel.onChannelJoined = () => resolve();
      channel.onChannelJoinFailed = (err) => reject(new Error(`${this.uid}: join ${ch} failed: ${err}`));
      // The legacy SDK echoes a sender's own channel messages; the other clients do not, so they are not counted.
      channel.onMessageChannelReceive = (account, _uid, msg) => {
        if (account !== this.uid) this.handlers.onChannelMessage(msg);
      };
      this.channels.set(ch, channel);
    });
  }

  publish(ch: string, body: string): Promise<void> {
    const channel = this.channels.get(ch);
    if (!channel) return Promise.reject(new Error(`${this.uid} has not joined ${ch}`));
    return new Promise((resolve) => channel.messageChannelSend(body, () => resolve()));
  }

  sendPeer(to: string, body: string): Promise<boolean> {
    return new Promise((resolve) => this.session.messageInstantSend(to, body, (isError) => resolve(!isError)));
  }

  close(): void {
    this.session.logout();
  }
}

export const connectResignalShim: ClientFactory = (url, uid, handlers) =>
  new Promise((resolve, reject) => {
    const session = Signal(BENCH_APP_ID, { endpoint: url }).login(uid, '_no_need_token');
    session.onLoginSuccess = () => resolve(new ShimClient(uid, session, handlers));
    session.onLoginFailed = (ecode) => reject(new Error(`${uid}: login failed (${ecode})`));
    session.onMessageInstantReceive = (_account, _uid, msg) => handlers.onPeerMessage(msg);
    // logout() does nothing without an onLogout handler (legacy behaviour).
    session.onLogout = () => undefined;
  });
