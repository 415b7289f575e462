import { EventEmitter } from 'node:events';

/** A minimal in-memory RTM 1.x client, enough to run converted code and watch what it does. */
export class FakeChannel extends EventEmitter {
  joined = false;
  readonly sent: string[] = [];
  constructor(
    readonly channelId: string,
    private readonly members: string[],
  ) {
    super();
  }
  join(): Promise<void> {
    this.joined = true;
    return Promise.resolve();
  }
  leave(): Promise<void> {
    this.joined = false;
    return Promise.resolve();
  }
  getMembers(): Promise<string[]> {
    return Promise.resolve([...this.members]);
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
  failLogin?: { code: number };
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
    const channel = new FakeChannel(channelId, ['me', 'bob']);
    this.channels.push(channel);
    return channel;
  }
}

export function fakeAgoraRtm(): { AgoraRTM: { createInstance(appId: string): FakeClient }; clients: FakeClient[] } {
  const clients: FakeClient[] = [];
  return {
    clients,
    AgoraRTM: {
      createInstance(appId: string) {
        const client = new FakeClient(appId);
        clients.push(client);
        return client;
      },
    },
  };
}
