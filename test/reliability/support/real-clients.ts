/** Real RTM clients (rtm/client) for fault scenarios: login, a channel, and peer traffic recorded in a ledger. */
import AgoraRTM, { type RtmChannel, type RtmClient } from '../../../rtm/index.js';
import { PeerLedger } from './peer-ledger.js';

export const APP_ID = '0123456789abcdef0123456789abcdef';

export interface RealClient {
  readonly uid: string;
  readonly client: RtmClient;
  readonly channel: RtmChannel;
  /** MemberLeft / MemberJoined events this client saw, as `left:<uid>` / `joined:<uid>`. */
  readonly memberEvents: string[];
  /** Connection state changes as `<ms since login> <state> <reason>`, for failure messages. */
  readonly states: string[];
}

export async function openRealClient(endpoint: string, uid: string, ledger: PeerLedger, channelId = 'room'): Promise<RealClient> {
  const client = AgoraRTM.createInstance(APP_ID, { endpoint, reconnectBaseMs: 50, reconnectMaxMs: 250 });
  client.on('MessageFromPeer', (message, _peerId) => {
    if ('text' in message && typeof message.text === 'string') ledger.delivered(uid, message.text);
  });
  const states: string[] = [];
  const start = Date.now();
  client.on('ConnectionStateChanged', (state, reason) => states.push(`${Date.now() - start} ${state} ${reason}`));
  await client.login({ uid });
  const channel = client.createChannel(channelId);
  const memberEvents: string[] = [];
  channel.on('MemberLeft', (member) => memberEvents.push(`left:${member}`));
  channel.on('MemberJoined', (member) => memberEvents.push(`joined:${member}`));
  await channel.join();
  return { uid, client, channel, memberEvents, states };
}

/** Sends `<uid>:<seq>` messages one after another to peers picked by `pick`, until `stop()`; records outcomes. */
export async function sendLoop(from: RealClient, pick: () => string, ledger: PeerLedger, stop: () => boolean, gapMs: number): Promise<void> {
  for (let seq = 0; !stop(); seq++) {
    const to = pick();
    const text = PeerLedger.text(from.uid, seq);
    ledger.sent(text, to);
    try {
      const result = await from.client.sendMessageToPeer({ text }, to);
      if (result.hasPeerReceived) ledger.acked(text, to);
      else ledger.unacked(text, 'false');
    } catch (error) {
      // Timed out (the sender's connection dropped) or refused (rate limit): not acknowledged, no promise either way.
      ledger.unacked(text, (error as { code?: unknown }).code === 2 && (error as { name?: unknown }).name === 'RtmTimeoutError' ? 'timeout' : 'refused');
    }
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
}
