import { LIMITS, isValidId, type EventFrame } from '../protocol/index.js';
import { NoReplyError, WireError, warnResyncFailure, type Connection } from './connection.js';
import { SafeEmitter } from './emitter.js';
import { ConnectionState } from './enums.js';
import { RtmError, invalidStatus, limitExceeded, timeout, type RtmErrorName } from './errors.js';
import { INTERNAL, type ChannelInternals } from './internal.js';
import { checkMessageShape, fromWireMessage, receivedProperties, toAnyWireMessage } from './messages.js';
import type { RtmMetadata, RtmMetadataItem, RtmMetadataOptions } from './metadata.js';
import { toChannelAttributes } from './attributes.js';
import type { MetadataApi } from './metadata-api.js';
import type { ChannelAttributes, ReceivedMessageProperties, RtmMessage, SendMessageOptions } from './types.js';

export interface RtmChannelEvents {
  ChannelMessage: (message: RtmMessage, memberId: string, messagePros: ReceivedMessageProperties) => void;
  MemberLeft: (memberId: string) => void;
  MemberJoined: (memberId: string) => void;
  AttributesUpdated: (attributes: ChannelAttributes) => void;
  MemberCountUpdated: (memberCount: number) => void;
}

/** What a channel needs from its client. */
export interface ChannelHost {
  readonly connection: Connection;
  /** Shared peer + channel send budget (180 per 3 s). */
  takeSendToken(): boolean;
  joinedChannels(): number;
  joinedChannel(channelId: string): RtmChannel | undefined;
  setJoined(channel: RtmChannel, joined: boolean): void;
  readonly metadata: MetadataApi;
}

type JoinState = 'LEFT' | 'JOINING' | 'JOINED';

const SEEN_MESSAGES_MAX = 512;

export class RtmChannel extends SafeEmitter<RtmChannelEvents> {
  readonly name = 'RtmChannel';
  readonly channelId: string;
  declare readonly [INTERNAL]: ChannelInternals;
  #joinState: JoinState = 'LEFT';
  #memberCount: number | undefined;
  readonly #seen = new Set<string>();
  readonly #host: ChannelHost;

  constructor(host: ChannelHost, channelId: string) {
    super();
    this.#host = host;
    this.channelId = channelId;
    const internals: ChannelInternals = {
      onEvent: (frame) => this.#onEvent(frame),
      rejoin: () => this.#rejoin(),
      reset: () => this.#reset(),
      isJoined: () => this.#joinState !== 'LEFT',
    };
    Object.defineProperty(this, INTERNAL, { value: internals });
  }

  async join(): Promise<void> {
    const { connection } = this.#host;
    if (connection.state === ConnectionState.DISCONNECTED || connection.state === ConnectionState.ABORTED) {
      throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
    }
    if (this.#joinState !== 'LEFT') throw invalidStatus(6, 'The channel has joined. Cannot rejoin');
    const other = this.#host.joinedChannel(this.channelId);
    if (other && other !== this) throw invalidStatus(202, 'A channel of the same channel ID has already joined. Cannot rejoin');
    if (this.#host.joinedChannels() >= LIMITS.channelsPerClient) {
      throw limitExceeded(5, `The joined channels has exceeded the limit of ${LIMITS.channelsPerClient}`);
    }
    if (connection.state !== ConnectionState.CONNECTED) throw invalidStatus(102, 'Client is not logged in. Cannot join the channel');
    this.#joinState = 'JOINING';
    this.#host.setJoined(this, true);
    try {
      const { count } = await connection.request('ch.join', { ch: this.channelId });
      if (this.#joinState !== 'JOINING') return;
      this.#joinState = 'JOINED';
      this.#updateCount(count);
    } catch (error) {
      if (this.#joinState === 'JOINING') {
        this.#joinState = 'LEFT';
        this.#host.setJoined(this, false);
      }
      throw channelFailure(error, { timeoutCode: 4, timeoutText: `Join channel ${this.channelId} timed out`, name: 'RtmUnavailableError', code: 1, text: 'Channel join failure' });
    }
  }

  leave(): Promise<void> {
    const { connection } = this.#host;
    if (connection.state === ConnectionState.DISCONNECTED || connection.state === ConnectionState.ABORTED) {
      return Promise.reject(invalidStatus(102, 'The client is not logged in. Cannot do the operation'));
    }
    if (this.#joinState === 'LEFT') return Promise.reject(invalidStatus(3, 'The channel does not join. Cannot do the operation'));
    this.#reset();
    // Fire-and-forget like the official SDK; a lost leave is covered by the server's presence rules.
    connection.request('ch.leave', { ch: this.channelId }).catch(() => undefined);
    return Promise.resolve();
  }

  /** `messageOptions.enableHistoricalMessaging` (RTM ≤1.4) keeps a TEXT message in the server's history. */
  async sendMessage(message: RtmMessage, messageOptions?: SendMessageOptions): Promise<void> {
    const shapeError = checkMessageShape(message, 4);
    if (shapeError) throw shapeError;
    const { connection } = this.#host;
    if (connection.state === ConnectionState.CONNECTED && this.#joinState !== 'JOINED') {
      throw invalidStatus(5, 'The channel does not join. Cannot do the operation');
    }
    const started = Date.now();
    if (connection.state === ConnectionState.RECONNECTING) {
      if (!(await connection.waitUntilConnected(9000))) throw timeout(2, 'Executing "RtmChannel.sendMessage" timed out after 10s');
    }
    if (connection.state !== ConnectionState.CONNECTED) throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
    if (!this.#host.takeSendToken()) throw limitExceeded(3, 'Message sent failed, exceeded the 180 message in 3 seconds');
    const wire = await toAnyWireMessage(message, 4, 4);
    if (wire instanceof RtmError) throw wire;
    try {
      const history = messageOptions?.enableHistoricalMessaging ? { history: true } : {};
      await connection.request('ch.send', { ch: this.channelId, msg: wire, ...history }, Math.max(1, LIMITS.requestTimeoutMs - (Date.now() - started)));
    } catch (error) {
      if (error instanceof WireError && error.code === 'NOT_IN_CHANNEL') throw invalidStatus(5, 'The channel does not join. Cannot do the operation');
      if (error instanceof WireError && error.code === 'TOO_OFTEN') throw limitExceeded(3, 'Message sent failed, exceeded the 180 message in 3 seconds');
      throw channelFailure(error, { timeoutCode: 2, timeoutText: 'Executing "RtmChannel.sendMessage" timed out after 10s', name: 'RtmUnknownError', code: 1, text: 'The channel message send failure' });
    }
  }

  async getMembers(): Promise<string[]> {
    const { connection } = this.#host;
    if (connection.state !== ConnectionState.CONNECTED) throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
    if (this.#joinState !== 'JOINED') throw invalidStatus(5, 'The channel does not join. Cannot do the operation');
    try {
      const { members } = await connection.request('ch.members', { ch: this.channelId });
      return members;
    } catch (error) {
      if (error instanceof WireError && error.code === 'NOT_IN_CHANNEL') throw invalidStatus(5, 'The channel does not join. Cannot do the operation');
      throw channelFailure(error, { timeoutCode: 4, timeoutText: 'Get members timed out', name: 'RtmUnknownError', code: 1, text: 'Get members failure' });
    }
  }

  // Channel metadata (1.6.0): needs the channel joined; updates arrive as ChannelMetaDataUpdated on the RtmClient.

  getChannelMetadata(): Promise<RtmMetadata> {
    return this.#host.metadata.getChannel(this.channelId, this.#joinState === 'JOINED');
  }

  setChannelMetadata(items: RtmMetadataItem[], options?: RtmMetadataOptions): Promise<void> {
    return this.#host.metadata.write('set', items, options, this.channelId, this.#joinState === 'JOINED');
  }

  addChannelMetadata(items: RtmMetadataItem[], options?: RtmMetadataOptions): Promise<void> {
    return this.#host.metadata.write('add', items, options, this.channelId, this.#joinState === 'JOINED');
  }

  updateChannelMetadata(items: RtmMetadataItem[], options?: RtmMetadataOptions): Promise<void> {
    return this.#host.metadata.write('update', items, options, this.channelId, this.#joinState === 'JOINED');
  }

  deleteChannelMetadata(items: RtmMetadataItem[], options?: RtmMetadataOptions): Promise<void> {
    return this.#host.metadata.write('delete', items, options, this.channelId, this.#joinState === 'JOINED');
  }

  clearChannelMetadata(options?: RtmMetadataOptions): Promise<void> {
    return this.#host.metadata.write('clear', undefined, options, this.channelId, this.#joinState === 'JOINED');
  }

  #onEvent(frame: EventFrame): void {
    if (this.#joinState === 'LEFT') return;
    switch (frame.t) {
      case 'ch.msg': {
        if (frame.from === this.#host.connection.uid || this.#seen.has(frame.mid)) return;
        this.#remember(frame.mid);
        this.emit('ChannelMessage', fromWireMessage(frame.msg), frame.from, receivedProperties(frame.ts, undefined));
        return;
      }
      case 'ch.member':
        if (frame.uid === this.#host.connection.uid) return;
        if (frame.joined) this.emit('MemberJoined', frame.uid);
        else this.emit('MemberLeft', frame.uid);
        return;
      case 'ch.count':
        this.#updateCount(frame.count);
        return;
      case 'cattr.update':
        this.emit('AttributesUpdated', toChannelAttributes(frame.attrs));
        return;
      default:
        return;
    }
  }

  #updateCount(count: number): void {
    if (count === this.#memberCount) return;
    this.#memberCount = count;
    this.emit('MemberCountUpdated', count);
  }

  #remember(mid: string): void {
    this.#seen.add(mid);
    if (this.#seen.size > SEEN_MESSAGES_MAX) {
      const oldest = this.#seen.values().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
  }

  /** After a reconnect: join again (idempotent on the server when the session was resumed). */
  #rejoin(): void {
    if (this.#joinState === 'LEFT') return;
    this.#host.connection
      .request('ch.join', { ch: this.channelId })
      .then(({ count }) => {
        if (this.#joinState === 'LEFT') return;
        this.#joinState = 'JOINED';
        this.#updateCount(count);
      })
      .catch((error: unknown) => {
        warnResyncFailure(`re-joining channel "${this.channelId}" after reconnecting`, error);
      });
  }

  #reset(): void {
    this.#joinState = 'LEFT';
    this.#memberCount = undefined;
    this.#seen.clear();
    this.#host.setJoined(this, false);
  }
}

interface FailureSpec {
  timeoutCode: number;
  timeoutText: string;
  name: RtmErrorName;
  code: number;
  text: string;
}

function channelFailure(error: unknown, spec: FailureSpec): RtmError {
  if (error instanceof RtmError) return error;
  if (error instanceof NoReplyError) return timeout(spec.timeoutCode, spec.timeoutText);
  const serverCode = error instanceof WireError ? error.code : undefined;
  return new RtmError(spec.name, spec.code, spec.text, { ...(serverCode ? { serverCode } : {}), originalError: error });
}

export function isValidChannelId(channelId: unknown): channelId is string {
  return isValidId(channelId);
}
