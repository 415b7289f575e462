import { EventEmitter } from 'node:events';

/** A minimal in-memory RTM 1.x client, enough to run converted code and watch what it does. */
export class FakeChannel extends EventEmitter {
  joined = false;
  readonly sent: string[] = [];
  /** An RTM-like error (`name`, `code`) that join() rejects with. */
  failJoin?: { name: string; code: number };
  /** While set, getMembers() waits for it (events can then arrive between the join and the member list). */
  membersReady?: Promise<void>;
  constructor(
    readonly channelId: string,
    private readonly members: string[],
  ) {
    super();
  }
  join(): Promise<void> {
    if (this.failJoin) return Promise.reject(Object.assign(new Error('join failed'), this.failJoin));
    this.joined = true;
    return Promise.resolve();
  }
  leave(): Promise<void> {
    this.joined = false;
    return Promise.resolve();
  }
  async getMembers(): Promise<string[]> {
    await this.membersReady;
    return [...this.members];
  }
  sendMessage(message: { text: string }): Promise<void> {
    this.sent.push(message.text);
    return Promise.resolve();
  }
}

export class FakeClient extends EventEmitter {
  readonly channels: FakeChannel[] = [];
  readonly peerMessages: [string, string][] = [];
  loginOptions?: { uid: string; token?: string };
  /** An RTM-like error (`name`, `code`) that login() rejects with. */
  failLogin?: { name: string; code: number };
  /** Applied to every channel this client creates (see FakeChannel). */
  channelOptions: Pick<FakeChannel, 'failJoin' | 'membersReady'> = {};
  constructor(readonly appId: string) {
    super();
  }
  login(options: { uid: string; token?: string }): Promise<void> {
    this.loginOptions = options;
    if (this.failLogin) return Promise.reject(Object.assign(new Error('login failed'), this.failLogin));
    queueMicrotask(() => this.emit('ConnectionStateChanged', 'CONNECTED', 'LOGIN_SUCCESS'));
    return Promise.resolve();
  }
  logout(): Promise<void> {
    queueMicrotask(() => this.emit('ConnectionStateChanged', 'DISCONNECTED', 'LOGOUT'));
    return Promise.resolve();
  }
  sendMessageToPeer(message: { text: string }, peerId: string): Promise<{ hasPeerReceived: boolean }> {
    this.peerMessages.push([peerId, message.text]);
    return peerId === 'nobody' ? Promise.reject(new Error('send failed')) : Promise.resolve({ hasPeerReceived: true });
  }
  createChannel(channelId: string): FakeChannel {
    const channel = Object.assign(new FakeChannel(channelId, ['me', 'bob']), this.channelOptions);
    this.channels.push(channel);
    return channel;
  }
}

/** `configure` sets up every client created (e.g. a login that fails). */
export function fakeAgoraRtm(configure?: (client: FakeClient) => void): { AgoraRTM: { createInstance(appId: string): FakeClient }; clients: FakeClient[] } {
  const clients: FakeClient[] = [];
  return {
    clients,
    AgoraRTM: {
      createInstance(appId: string) {
        const client = new FakeClient(appId);
        configure?.(client);
        clients.push(client);
        return client;
      },
    },
  };
}
