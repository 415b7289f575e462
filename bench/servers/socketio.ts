/** What many teams would pick instead: Socket.IO rooms for channels, acknowledgements for every request. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import type { IoClientEvents, IoServerEvents } from '../load/clients/socketio-events.js';
import { runServerChild } from './control.js';

await runServerChild(async () => {
  const http = createServer();
  const io = new Server<IoClientEvents, IoServerEvents>(http, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
  const users = new Map<string, Socket<IoClientEvents, IoServerEvents>>();

  io.on('connection', (socket) => {
    const uid = String((socket.handshake.auth as { uid?: unknown }).uid);
    users.set(uid, socket);
    socket.on('join', (ch, ack) => {
      void socket.join(ch);
      ack();
    });
    socket.on('pub', (ch, body, ack) => {
      socket.to(ch).emit('msg', ch, uid, body);
      ack();
    });
    socket.on('peer', (to, body, ack) => {
      const target = users.get(to);
      if (!target) return ack(false);
      target.timeout(5000).emit('peer', uid, body, (error: Error | null) => ack(!error));
    });
    socket.on('disconnect', () => {
      if (users.get(uid) === socket) users.delete(uid);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
});
