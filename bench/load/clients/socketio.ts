import { io, type Socket } from 'socket.io-client';
import type { IoClientEvents, IoServerEvents } from './socketio-events.js';
import type { BenchClient, ClientFactory } from './types.js';

class SocketIoClient implements BenchClient {
  constructor(
    readonly uid: string,
    private readonly socket: Socket<IoServerEvents, IoClientEvents>,
  ) {}

  join(ch: string): Promise<void> {
    return new Promise((resolve) => this.socket.emit('join', ch, resolve));
  }

  publish(ch: string, body: string): Promise<void> {
    return new Promise((resolve) => this.socket.emit('pub', ch, body, resolve));
  }

  sendPeer(to: string, body: string): Promise<boolean> {
    return new Promise((resolve) => this.socket.emit('peer', to, body, resolve));
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** WebSocket transport only (no long-polling first) and one connection per client (no multiplexing). */
export const connectSocketIo: ClientFactory = (url, uid, handlers) => {
  const socket: Socket<IoServerEvents, IoClientEvents> = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { uid } });
  socket.on('msg', (_ch, _from, body) => handlers.onChannelMessage(body));
  socket.on('peer', (_from, body, ack) => {
    handlers.onPeerMessage(body);
    ack();
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(new SocketIoClient(uid, socket)));
    socket.once('connect_error', reject);
  });
};
