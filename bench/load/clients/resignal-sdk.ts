/** resignal's real client (the AgoraRTM 1.x API), for correctness runs at small sizes. */
import AgoraRTM from '../../../rtm/index.js';
import { BENCH_APP_ID } from './app-id.js';
import type { BenchClient, ClientFactory } from './types.js';

type RtmClient = ReturnType<typeof AgoraRTM.createInstance>;
type RtmChannel = ReturnType<RtmClient['createChannel']>;

class SdkClient implements BenchClient {
  private readonly channels = new Map<string, RtmChannel>();

  constructor(
    readonly uid: string,
    private readonly client: RtmClient,
    private readonly onChannelMessage: (body: string) => void,
  ) {}

  async join(ch: string): Promise<void> {
    const channel = this.client.createChannel(ch);
    channel.on('ChannelMessage', (message) => {
      if (message.messageType === 'TEXT') this.onChannelMessage(message.text);
    });
    this.channels.set(ch, channel);
    await channel.join();
  }

  async publish(ch: string, body: string): Promise<void> {
    const channel = this.channels.get(ch);
    if (!channel) throw new Error(`${this.uid} has not joined ${ch}`);
    await channel.sendMessage({ text: body });
  }

  async sendPeer(to: string, body: string): Promise<boolean> {
    const result = await this.client.sendMessageToPeer({ text: body }, to);
    return result.hasPeerReceived;
  }

  close(): void {
    void this.client.logout().catch(() => undefined);
  }
}

export const connectResignalSdk: ClientFactory = async (url, uid, handlers) => {
  const client = AgoraRTM.createInstance(BENCH_APP_ID, { endpoint: url });
  client.on('MessageFromPeer', (message) => {
    if (message.messageType === 'TEXT') handlers.onPeerMessage(message.text);
  });
  await client.login({ uid });
  return new SdkClient(uid, client, handlers.onChannelMessage);
};
