import type { Connection } from '../connection.js';

export function handlePing(conn: Connection, now: number): void {
  conn.send({ t: 'pong', ts: now });
}
