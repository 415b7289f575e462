/**
 * Flat message sends: each reports `onMessageSendSuccess(messageID)` once the server accepted it, or
 * `onMessageSendError(messageID, ecode)`; an empty msgID gets a generated one. Channel sends need the channel
 * joined (the sender then gets its own message back); `messageChannelSendForce` reaches a channel without joining
 * through the configured forced sender (resignal's REST API), since RTM 1.x clients cannot.
 */
import { parseCallSignal } from '../call-signal.js';
import { SENDMESSAGE_E_OTHER } from '../errors.js';
import { describeError } from '../failure.js';
import type { RtmReceivedMessageLike } from '../rtm-types.js';
import { legacyMessage, legacyString, receivedText } from '../text.js';
import type { FlatCalls } from './calls.js';
import type { FlatChannels } from './channels.js';
import { FLAT_UID, later, type FlatCore } from './core.js';
import { sendCode } from './failures.js';
import type { ForcedChannelSender } from './types.js';

let generated = 0;

/** The app's msgID, or a fresh one for `''` (the recommended value: "the SDK generates one"). */
export function messageId(msgID: unknown): string {
  if (msgID === undefined || msgID === null || msgID === '') {
    generated += 1;
    return `${Date.now()}${String(generated).padStart(6, '0')}`;
  }
  return legacyString(msgID);
}

export class FlatMessages {
  readonly #core: FlatCore;
  readonly #channels: FlatChannels;
  readonly #calls: FlatCalls;
  readonly #forced: () => ForcedChannelSender | undefined;

  constructor(core: FlatCore, channels: FlatChannels, calls: FlatCalls, forced: () => ForcedChannelSender | undefined) {
    this.#core = core;
    this.#channels = channels;
    this.#calls = calls;
    this.#forced = forced;
  }

  instantSend(account: unknown, msg: unknown, msgID: unknown): void {
    const id = messageId(msgID);
    // While reconnecting the RTM client holds the send until it is back (or times out: 401).
    const client = this.#core.client();
    if (!client) {
      this.#failed(id, SENDMESSAGE_E_OTHER, 'messageInstantSend before login');
      return;
    }
    const text = legacyMessage(msg);
    const peer = legacyString(account);
    Promise.resolve()
      .then(() => client.sendMessageToPeer({ text }, peer))
      .then(
        () => this.#core.fire('onMessageSendSuccess', id),
        (error: unknown) => this.#failed(id, sendCode(error), describeError(error)),
      );
  }

  channelSend(channelID: unknown, msg: unknown, msgID: unknown): void {
    const id = messageId(msgID);
    const name = legacyString(channelID);
    const channel = this.#channels.get(name);
    if (!channel?.ready || !this.#core.loggedIn()) {
      this.#failed(id, SENDMESSAGE_E_OTHER, `messageChannelSend: channel "${name}" is not joined`);
      return;
    }
    const text = legacyMessage(msg);
    channel.send(text).then(
      () => {
        this.#core.fire('onMessageSendSuccess', id);
        channel.echo(text);
      },
      (error: unknown) => this.#failed(id, sendCode(error), describeError(error)),
    );
  }

  /** A joined channel is sent to normally; any other through the forced sender, if one is configured. */
  channelSendForce(channelID: unknown, msg: unknown, msgID: unknown): void {
    const name = legacyString(channelID);
    if (this.#channels.get(name)?.ready) {
      this.channelSend(name, msg, msgID);
      return;
    }
    const id = messageId(msgID);
    const sender = this.#forced();
    if (!this.#core.loggedIn()) {
      this.#failed(id, SENDMESSAGE_E_OTHER, 'messageChannelSendForce before login');
      return;
    }
    if (!sender) {
      this.#core.log.warn(
        `messageChannelSendForce("${name}") fails: RTM 1.x clients can only send to joined channels. Configure forceChannelSend (e.g. restChannelSender with the server's REST secret) to send without joining.`,
      );
      this.#failed(id, SENDMESSAGE_E_OTHER, 'no forced channel sender configured');
      return;
    }
    const request = { appId: this.#core.appId(), from: this.#core.account(), channelID: name, text: legacyMessage(msg) };
    Promise.resolve()
      .then(() => sender(request))
      .then(
        () => this.#core.fire('onMessageSendSuccess', id),
        (error: unknown) => {
          this.#core.log.warn(`messageChannelSendForce("${name}") failed:`, describeError(error));
          this.#failed(id, SENDMESSAGE_E_OTHER, describeError(error));
        },
      );
  }

  /** Kinds of message RTM has no counterpart for (app, push, chat): always onMessageSendError. */
  unsupported(method: string, msgID: unknown): void {
    const id = messageId(msgID);
    this.#core.log.warn(`${method} is not supported by resignal: RTM 1.x has no such messages.`);
    this.#failed(id, SENDMESSAGE_E_OTHER, `${method} is not supported`);
  }

  received(message: RtmReceivedMessageLike, peerId: string): void {
    const text = receivedText(message);
    const signal = parseCallSignal(text);
    if (signal === 'drop') return;
    if (signal) {
      this.#calls.deliver(signal, peerId);
      return;
    }
    this.#core.fire('onMessageInstantReceive', peerId, FLAT_UID, text);
  }

  #failed(id: string, ecode: number, why: string): void {
    this.#core.log.debug(`message ${id} failed (${ecode}):`, why);
    later(() => this.#core.fire('onMessageSendError', id, ecode));
  }
}
