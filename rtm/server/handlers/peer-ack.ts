import type { Connection } from '../connection.js';
import type { Hub } from '../hub/hub.js';

/**
 * A notice: no reply. Completes the sender's `peer.send`, and deletes a stored offline message from the store.
 * Acks from connections without a session, or for unknown mids, are ignored.
 */
export function handlePeerAck(conn: Connection, hub: Hub, mid: string): void {
  if (!conn.session) return;
  hub.peerAcked(conn.session, mid);
  hub.offline.acked(conn.session, mid);
}
