import type { Connection } from '../connection.js';
import type { Hub } from '../hub/hub.js';

/** A notice: no reply. Acks from connections without a session, or for unknown mids, are ignored. */
export function handlePeerAck(conn: Connection, hub: Hub, mid: string): void {
  if (conn.session) hub.peerAcked(conn.session, mid);
}
