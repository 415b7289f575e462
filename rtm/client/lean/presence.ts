/**
 * Stand-in for `../presence.ts` in resignal-signal.js only (scripts/build-browser.mjs swaps it in): the legacy shim
 * queries a peer's status (`queryPeersOnlineStatus`) but never subscribes to it, so the subscription code would be
 * dead weight there. Typed against the real class, so a change to its surface fails `tsc` here.
 */
import type { Connection } from '../connection.js';
import { unavailable } from '../errors.js';
import type { PeerPresence as FullPeerPresence } from '../presence.js';
import type { PeersOnlineStatusMap } from '../types.js';

type PublicSurface<T> = { [K in keyof T]: T[K] };

const notInThisBuild = (): Promise<never> =>
  Promise.reject(unavailable(1, 'Peer status subscriptions are not part of resignal-signal.js; use resignal-rtm.js'));

export class PeerPresence implements PublicSurface<FullPeerPresence> {
  constructor(_connection: () => Connection, _changed: (states: PeersOnlineStatusMap) => void) {}

  subscribe: FullPeerPresence['subscribe'] = notInThisBuild;
  unsubscribe: FullPeerPresence['unsubscribe'] = notInThisBuild;
  subscribed: FullPeerPresence['subscribed'] = notInThisBuild;
  noteQueried(): void {}
  onStatus(): void {}
  resubscribe(): void {}
  reset(): void {}
}
