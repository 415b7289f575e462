/**
 * A lean resignal client for thousands of connections: frames through rtm/protocol's codec, one request map,
 * automatic `peer.ack`. None of the SDK's state machine, reconnects or heartbeats.
 */
import type { WebSocket } from 'ws';
import { decodeServerFrame, encodeFrame } from '../../../rtm/protocol/codec.js';
import type { ClientFrame, ServerFrame } from '../../../rtm/protocol/frames.js';
import { PROTOCOL_VERSION, SUBPROTOCOL, WS_PATH } from '../../../rtm/protocol/version.js';
import { BENCH_APP_ID } from './app-id.js';
import { openSocket } from './open-socket.js';
import { Pending } from './pending.js';
import type { BenchClient, ClientFactory, ClientHandlers } from './types.js';

type Reply = { ok: true; data: Record<string, unknown> } | { ok: false; code: string };

class LeanClient implements BenchClient {
  private readonly requests = new Pending<Reply>();

  constructor(
    readonly uid: string,
    private readonly ws: WebSocket,
    private readonly handlers: ClientHandlers,
  ) {
    ws.on('message', (data, isBinary) => this.receive(isBinary ? new Uint8Array(data as Buffer) : (data as Buffer).toString()));
    ws.on('close', () => this.requests.rejectAll(new Error('socket closed')));
  }

  private receive(data: string | Uint8Array): void {
    const decoded = decodeServerFrame(data);
    if (!decoded.ok) throw new Error(`bad server frame: ${decoded.message}`);
    this.handle(decoded.frame);
  }

  private handle(frame: ServerFrame): void {
    switch (frame.t) {
      case 'res':
        return this.requests.resolve(frame.id, { ok: true, data: frame.data as Record<string, unknown> });
      case 'err':
        if (frame.id !== null) this.requests.resolve(frame.id, { ok: false, code: frame.code });
        return;
      case 'ch.msg':
        if (frame.msg.type === 'TEXT') this.handlers.onChannelMessage(frame.msg.text);
        return;
      case 'peer.msg':
        if (frame.msg.type === 'TEXT') this.handlers.onPeerMessage(frame.msg.text);
        return this.send({ t: 'peer.ack', mid: frame.mid });
      default:
        return;
    }
  }

  private send(frame: ClientFrame): void {
    this.ws.send(encodeFrame(frame));
  }

  private async request(make: (id: number) => ClientFrame): Promise<Record<string, unknown>> {
    const { id, done } = this.requests.open();
    this.send(make(id));
    const reply = await done;
    if (!reply.ok) throw new Error(`request failed: ${reply.code}`);
    return reply.data;
  }

  async login(): Promise<void> {
    await this.request((id) => ({ t: 'login', id, v: PROTOCOL_VERSION, appId: BENCH_APP_ID, uid: this.uid, instance: `bench-${this.uid}` }));
  }

  async join(ch: string): Promise<void> {
    await this.request((id) => ({ t: 'ch.join', id, ch }));
  }

  async publish(ch: string, body: string): Promise<void> {
    await this.request((id) => ({ t: 'ch.send', id, ch, msg: { type: 'TEXT', text: body } }));
  }

  async sendPeer(to: string, body: string): Promise<boolean> {
    const data = await this.request((id) => ({ t: 'peer.send', id, to, msg: { type: 'TEXT', text: body } }));
    return data['delivered'] === true;
  }

  close(): void {
    this.ws.terminate();
  }
}

export const connectResignalLean: ClientFactory = async (url, uid, handlers) => {
  const client = new LeanClient(uid, await openSocket(`${url.replace(/^http/, 'ws')}${WS_PATH}`, SUBPROTOCOL), handlers);
  await client.login();
  return client;
};
