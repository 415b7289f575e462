/**
 * The baseline: the same routing as resignal with no protocol beyond a JSON envelope. Rooms are sets of sockets,
 * peers a uid map; a broadcast stringifies once and sends to every other member.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RawClientFrame, RawServerFrame } from '../load/clients/raw-ws-frames.js';
import { runServerChild } from './control.js';

await runServerChild(async () => {
  const rooms = new Map<string, Set<WebSocket>>();
  const users = new Map<string, WebSocket>();
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false, clientTracking: false });
  const send = (ws: WebSocket | undefined, frame: RawServerFrame): void => ws?.send(JSON.stringify(frame));

  wss.on('connection', (ws) => {
    let uid = '';
    const joined = new Set<string>();
    ws.on('message', (data) => {
      const frame = JSON.parse((data as Buffer).toString()) as RawClientFrame;
      switch (frame.t) {
        case 'login':
          uid = frame.uid;
          users.set(uid, ws);
          return send(ws, { t: 'ok', id: frame.id });
        case 'join': {
          let room = rooms.get(frame.ch);
          if (!room) rooms.set(frame.ch, (room = new Set()));
          room.add(ws);
          joined.add(frame.ch);
          return send(ws, { t: 'ok', id: frame.id });
        }
        case 'pub': {
          const out = JSON.stringify({ t: 'msg', ch: frame.ch, from: uid, body: frame.body } satisfies RawServerFrame);
          for (const member of rooms.get(frame.ch) ?? []) if (member !== ws) member.send(out);
          return send(ws, { t: 'ok', id: frame.id });
        }
        case 'peer':
          return send(users.get(frame.to), { t: 'peer', from: uid, id: frame.id, body: frame.body });
        case 'ack':
          return send(users.get(frame.to), { t: 'ack', id: frame.id });
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (users.get(uid) === ws) users.delete(uid);
      for (const ch of joined) rooms.get(ch)?.delete(ws);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
});
