import type { WebSocket } from 'ws';
import { openSocket } from './open-socket.js';
import { Pending } from './pending.js';
import type { RawClientFrame, RawServerFrame } from './raw-ws-frames.js';
import type { BenchClient, ClientFactory, ClientHandlers } from './types.js';

class RawWsClient implements BenchClient {
  private readonly requests = new Pending<void>();
  private readonly peerSends = new Pending<boolean>();

  constructor(
    readonly uid: string,
    private readonly ws: WebSocket,
    handlers: ClientHandlers,
  ) {
    ws.on('message', (data) => {
      const frame = JSON.parse((data as Buffer).toString()) as RawServerFrame;
      switch (frame.t) {
        case 'ok':
          return this.requests.resolve(frame.id, undefined);
        case 'msg':
          return handlers.onChannelMessage(frame.body);
        case 'peer':
          handlers.onPeerMessage(frame.body);
          return this.send({ t: 'ack', id: frame.id, to: frame.from });
        case 'ack':
          return this.peerSends.resolve(frame.id, true);
      }
    });
    ws.on('close', () => {
      this.requests.rejectAll(new Error('socket closed'));
      this.peerSends.rejectAll(new Error('socket closed'));
    });
  }

  private send(frame: RawClientFrame): void {
    this.ws.send(JSON.stringify(frame));
  }

  private request(make: (id: number) => RawClientFrame): Promise<void> {
    const { id, done } = this.requests.open();
    this.send(make(id));
    return done;
  }

  login(): Promise<void> {
    return this.request((id) => ({ t: 'login', id, uid: this.uid }));
  }

  join(ch: string): Promise<void> {
    return this.request((id) => ({ t: 'join', id, ch }));
  }

  publish(ch: string, body: string): Promise<void> {
    return this.request((id) => ({ t: 'pub', id, ch, body }));
  }

  sendPeer(to: string, body: string): Promise<boolean> {
    const { id, done } = this.peerSends.open();
    this.send({ t: 'peer', id, to, body });
    return done;
  }

  close(): void {
    this.ws.terminate();
  }
}

export const connectRawWs: ClientFactory = async (url, uid, handlers) => {
  const client = new RawWsClient(uid, await openSocket(url.replace(/^http/, 'ws')), handlers);
  await client.login();
  return client;
};
