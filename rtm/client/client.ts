import { LIMITS, isValidId, type EventFrame } from '../protocol/index.js';
import { DEFAULT_BACKOFF } from './backoff.js';
import { RtmChannel, type ChannelHost } from './channel.js';
import { Connection, LoginAbortedError, LoginTimeoutError, NoReplyError, WireError } from './connection.js';
import { SafeEmitter } from './emitter.js';
import { ConnectionState, type ConnectionChangeReason, type PeerOnlineState, type PeerSubscriptionOption } from './enums.js';
import { RtmError, invalidArgument, invalidStatus, limitExceeded, timeout, unavailable } from './errors.js';
import { INTERNAL } from './internal.js';
import {
  DEFAULT_INVITATION_TIMINGS,
  LocalInvitation,
  RemoteInvitation,
  type CallSignal,
  type InvitationHost,
} from './invitations.js';
import { checkMessageShape, fromWireMessage, isSendableType, receivedProperties, toAnyWireMessage } from './messages.js';
import { RtmMetadataItem, type RtmMetadata, type RtmMetadataOptions } from './metadata.js';
import { MediaTransfers } from './media.js';
// RTM core part 2: attributes, metadata, tokens
import { AttributesApi } from './attributes.js';
import { MetadataApi, toRtmMetadata } from './metadata-api.js';
import { renewToken } from './token-renewal.js';
import { SlidingWindowLimiter } from './rate-limiter.js';
import { PeerPresence } from './presence.js';
import { isNonEmptyStringArray, rpcFailure, serverCodeOf } from './rpc-failure.js';
import type {
  AttributesMap,
  ChannelAttributeOptions,
  ChannelAttributes,
  ChannelMemberCountResult,
  PeerMessageSendResult,
  PeersOnlineStatusMap,
  PeersOnlineStatusResult,
  ReceivedMessageProperties,
  ResignalConfig,
  RtmConfig,
  RtmMessage,
  SendMessageOptions,
  FileMessageParams,
  ImageMessageParams,
  MediaTransferHandler,
  RtmFileMessage,
  RtmImageMessage,
} from './types.js';

export interface RtmClientEvents {
  MessageFromPeer: (message: RtmMessage, peerId: string, messageProps: ReceivedMessageProperties) => void;
  ConnectionStateChanged: (newState: ConnectionState, reason: ConnectionChangeReason) => void;
  RemoteInvitationReceived: (remoteInvitation: RemoteInvitation) => void;
  TokenExpired: () => void;
  TokenPrivilegeWillExpire: () => void;
  BannedByServer: () => void;
  PeersOnlineStatusChanged: (status: PeersOnlineStatusMap) => void;
  FallbackProxyConnected: () => void;
  ChannelMetaDataUpdated: (data: RtmMetadata) => void;
  UserMetaDataUpdated: (uid: string, data: RtmMetadata) => void;
}

export type { SendMessageOptions } from './types.js';

/**
 * Peer-message mids remembered to drop re-deliveries: a resume writes again every message the previous socket did not
 * acknowledge (at most LIMITS.resumePeerUnackedMax), and offline messages come again after a crash before their ack.
 */
const SEEN_PEER_MESSAGES_MAX = Math.max(1000, LIMITS.resumePeerUnackedMax);
const END_CALL_PREFIX = 'AgoraRTMLegacyEndcallCompatibleMessagePrefix';
const LEGACY_END_CALL_ID = '0';

/**
 * RTM 1.2.1+ compatibility with legacy Signaling hang-ups: a peer text `<prefix>_<channelId>_<extra>` is sent as a
 * call-cancel signal with call id "0" (rtm-1x.md §3.11). Returns the signal, null for ordinary messages, or
 * 'invalid' for a prefixed text that does not parse.
 */
function parseLegacyEndCall(message: RtmMessage): CallSignal | null | 'invalid' {
  const text = (message as { text?: unknown }).text;
  if (typeof text !== 'string' || !text.startsWith(END_CALL_PREFIX)) return null;
  const parts = text.split('_');
  if (parts.length !== 3 || parts[0] !== END_CALL_PREFIX || !isValidId(parts[1])) return 'invalid';
  return { kind: 'cancel', callId: LEGACY_END_CALL_ID, channel: parts[1], extra: parts[2] ?? '' };
}
const SEND_WAIT_FOR_RECONNECT_MS = 9000;

let instanceCounter = 0;

function randomInstanceId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${(instanceCounter++).toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export class RtmClient extends SafeEmitter<RtmClientEvents> {
  readonly name = 'RtmClient';
  readonly #appId: string;
  readonly #connection: Connection;
  readonly #config: RtmConfig;
  readonly #sendLimiter = new SlidingWindowLimiter(LIMITS.messageRateCount, LIMITS.messageRateWindowMs);
  readonly #joined = new Map<string, RtmChannel>();
  readonly #seenPeerMessages = new Set<string>();
  readonly #presence = new PeerPresence(
    () => this.#connection,
    (changed) => this.emit('PeersOnlineStatusChanged', changed),
  );
  readonly #localInvitations = new Map<string, LocalInvitation>();
  readonly #remoteInvitations = new Map<string, RemoteInvitation>();
  readonly #invitationHost: InvitationHost;
  readonly #attributes = new AttributesApi(() => this.#connection);
  readonly #metadata = new MetadataApi(() => this.#connection);
  #lastLoginAttempt = 0;
  #mediaTransfers: MediaTransfers | undefined;
  #loginInFlight: Promise<void> | undefined;

  constructor(appId: string, config: ResignalConfig, urls: string[]) {
    super();
    this.#appId = appId;
    const { endpoint: _endpoint, reconnectBaseMs, reconnectMaxMs, invitationTimings, ...rtmConfig } = config;
    this.#invitationHost = {
      timings: { ...DEFAULT_INVITATION_TIMINGS, ...invitationTimings },
      isLoggedIn: () => this.#connection.state === ConnectionState.CONNECTED || this.#connection.state === ConnectionState.RECONNECTING,
      sendSignal: (to, signal) => this.#sendSignal(to, signal),
      forget: (invitation) => {
        if (invitation instanceof LocalInvitation) this.#localInvitations.delete(invitation.callId);
        else this.#remoteInvitations.delete(invitation.callId);
      },
    };
    this.#config = { enableLogUpload: false, enableCloudProxy: false, ...rtmConfig };
    this.#connection = new Connection(
      {
        appId,
        instance: randomInstanceId(),
        urls,
        backoff: { ...DEFAULT_BACKOFF, baseMs: reconnectBaseMs ?? DEFAULT_BACKOFF.baseMs, maxMs: reconnectMaxMs ?? DEFAULT_BACKOFF.maxMs },
        loginTimeoutMs: LIMITS.loginTimeoutMs,
        heartbeatMs: 5000,
      },
      {
        stateChanged: (state, reason) => this.#onStateChanged(state, reason),
        event: (frame) => this.#onEvent(frame),
        reconnected: () => this.#onReconnected(),
        tokenExpired: () => this.emit('TokenExpired'),
      },
    );
  }

  /** Current connection state (an untyped runtime property of the official SDK). */
  get connectionState(): ConnectionState {
    return this.#connection.state;
  }

  updateConfig(config: RtmConfig): void {
    for (const [key, value] of Object.entries(config)) {
      if (value !== undefined && value !== null) (this.#config as Record<string, unknown>)[key] = value;
    }
  }

  /** Deprecated alias of updateConfig. */
  setParameters(config: RtmConfig): void {
    this.updateConfig(config);
  }

  async login(options: { uid: string; token?: string }): Promise<void> {
    if (typeof options !== 'object' || options === null || !isValidId(options.uid)) {
      throw invalidArgument(3, 'not a valid user id');
    }
    let token: string | undefined;
    const rawToken: unknown = options.token;
    if (typeof rawToken === 'string' && rawToken !== '' && rawToken !== this.#appId) token = rawToken;
    else if (rawToken !== undefined && rawToken !== null && rawToken !== '' && rawToken !== this.#appId) {
      throw invalidArgument(3, 'The "token" is not a valid string');
    }
    const now = Date.now();
    if (now - this.#lastLoginAttempt < LIMITS.loginMinIntervalMs) {
      throw new RtmError('RtmInvokeTooOftenError', 10, 'The frequency of login exceeded the limit of 2 queries per second');
    }
    this.#lastLoginAttempt = now;
    if (this.#connection.state !== ConnectionState.DISCONNECTED) {
      throw invalidStatus(8, 'The SDK is either logging in or has logged in the Agora RTM system');
    }
    const attempt = this.#connection.login(options.uid, token).catch((error: unknown) => {
      throw loginFailure(error);
    });
    this.#loginInFlight = attempt;
    try {
      await attempt;
    } finally {
      if (this.#loginInFlight === attempt) this.#loginInFlight = undefined;
    }
  }

  async logout(): Promise<void> {
    if (this.#loginInFlight) {
      // resignal cancels a login in progress instead of waiting up to 12 s for it (docs/client.md).
      const inFlight = this.#loginInFlight;
      this.#connection.cancelLogin();
      await inFlight.catch(() => undefined);
      this.#afterLogout();
      return;
    }
    if (this.#connection.state === ConnectionState.DISCONNECTED) {
      throw invalidStatus(102, 'Logout failure. The client has already been logged out');
    }
    await this.#connection.logout();
    this.#afterLogout();
  }

  /** Like the official SDK: returns its argument (with nothing filled in). */
  createMessage<T extends RtmMessage>(message: Partial<T>): T {
    return message as T;
  }

  createChannel(channelId: string): RtmChannel {
    if (!isValidId(channelId)) throw invalidArgument(1, 'The channelId in the arguments is invalid');
    return new RtmChannel(this.#channelHost, channelId);
  }

  createLocalInvitation(calleeId: string): LocalInvitation {
    if (!isValidId(calleeId)) throw invalidArgument(1, 'The calleeId in the arguments is invalid');
    const invitation = new LocalInvitation(this.#invitationHost, calleeId);
    this.#localInvitations.set(invitation.callId, invitation);
    return invitation;
  }

  createMetadataItem(): RtmMetadataItem {
    return new RtmMetadataItem();
  }

  /**
   * RTM ≤1.4: uploads a file or image (≤30 MB) and returns the message to send; the media ID is valid 7 days.
   * Image width and height are measured by the server for JPEG, PNG and BMP unless given.
   */
  createMediaMessageByUploading(payload: Blob, params?: FileMessageParams & { messageType?: 'FILE' }, transferHandler?: MediaTransferHandler): Promise<RtmFileMessage>;
  createMediaMessageByUploading(payload: Blob, params?: ImageMessageParams & { messageType?: 'IMAGE' }, transferHandler?: MediaTransferHandler): Promise<RtmImageMessage>;
  createMediaMessageByUploading(payload: Blob, params?: FileMessageParams | ImageMessageParams, transferHandler?: MediaTransferHandler): Promise<RtmFileMessage | RtmImageMessage>;
  createMediaMessageByUploading(payload: Blob, params?: FileMessageParams | ImageMessageParams, transferHandler?: MediaTransferHandler): Promise<RtmFileMessage | RtmImageMessage> {
    return this.#media.upload(payload, params, transferHandler);
  }

  /** RTM ≤1.4: downloads the media of an image or file message (of this app) as a Blob. */
  downloadMedia(mediaId: string, transferHandler?: MediaTransferHandler): Promise<Blob> {
    return this.#media.download(mediaId, transferHandler);
  }

  get #media(): MediaTransfers {
    return (this.#mediaTransfers ??= new MediaTransfers(this.#connection));
  }

  async sendMessageToPeer(message: RtmMessage, peerId: string, options?: SendMessageOptions): Promise<PeerMessageSendResult> {
    const shapeError = checkMessageShape(message, 7);
    if (shapeError) throw shapeError;
    const started = Date.now();
    if (this.#connection.state === ConnectionState.RECONNECTING) {
      if (!(await this.#connection.waitUntilConnected(SEND_WAIT_FOR_RECONNECT_MS))) {
        throw timeout(2, 'Executing "RtmClient.sendMessageToPeer" timed out after 10s');
      }
    }
    if (this.#connection.state !== ConnectionState.CONNECTED) {
      throw invalidStatus(102, 'Failed to send the peer-to-peer message. The client is not logged in');
    }
    const endCall = parseLegacyEndCall(message);
    if (endCall === 'invalid') throw invalidArgument(7, 'Message is not valid');
    if (endCall) {
      if (!isValidId(peerId)) throw invalidArgument(6, 'The send message arguments are not valid');
      return { hasPeerReceived: await this.#sendSignal(peerId, endCall) };
    }
    if (!this.#sendLimiter.tryTake()) throw limitExceeded(5, 'Message sent failed, exceeded the 180 message in 3 seconds');
    const type = (message as { messageType?: unknown }).messageType;
    if (!isSendableType(type)) throw invalidArgument(7, 'Invalid message type');
    if (!isValidId(peerId)) throw invalidArgument(6, 'The send message arguments are not valid');
    const wire = await toAnyWireMessage(message, 7, 7);
    if (wire instanceof RtmError) throw wire;
    try {
      const result = await this.#connection.request(
        'peer.send',
        {
          to: peerId,
          msg: wire,
          ...(options?.enableOfflineMessaging ? { offline: true } : {}),
          ...(options?.enableHistoricalMessaging ? { history: true } : {}),
        },
        Math.max(1, LIMITS.requestTimeoutMs - (Date.now() - started)),
      );
      return { hasPeerReceived: result.delivered };
    } catch (error) {
      if (error instanceof NoReplyError) throw timeout(2, 'Executing "RtmClient.sendMessageToPeer" timed out after 10s');
      if (error instanceof WireError) {
        if (error.code === 'TOO_OFTEN') throw limitExceeded(5, 'Message sent failed, exceeded the 180 message in 3 seconds');
        if (error.code === 'MESSAGE_TOO_LARGE') throw limitExceeded(7, 'The message size is over the 32KB limit');
        if (error.code === 'INVALID_USER_ID') throw invalidArgument(6, 'The send message arguments are not valid');
        if (error.code === 'INVALID_MESSAGE') throw invalidArgument(7, 'Message is not valid');
      }
      throw unavailable(1, 'Peer-to-peer message send failure', { ...serverCodeOf(error), originalError: error });
    }
  }

  async getChannelMemberCount(channelIds: string[]): Promise<ChannelMemberCountResult> {
    this.#requireConnected();
    if (!isNonEmptyStringArray(channelIds)) throw invalidArgument(2, 'Invalid arguments: channelIds');
    if (channelIds.length > LIMITS.channelCountQueryMax) {
      throw invalidArgument(5, `getChannelMemberCount exceed limit of ${LIMITS.channelCountQueryMax} channelIds`);
    }
    if (!channelIds.every((id) => isValidId(id))) throw invalidArgument(2, 'Invalid arguments: channelIds');
    try {
      const { counts } = await this.#connection.request('ch.count', { chs: channelIds });
      for (const [channelId, count] of Object.entries(counts)) {
        this.#joined.get(channelId)?.[INTERNAL].onEvent({ t: 'ch.count', ch: channelId, count });
      }
      return counts;
    } catch (error) {
      throw rpcFailure(error, 4, 'Get channel member count');
    }
  }

  async queryPeersOnlineStatus(peerIds: string[]): Promise<PeersOnlineStatusResult> {
    this.#requireConnected();
    if (!isNonEmptyStringArray(peerIds) || peerIds.length > LIMITS.queryPeersMax || !peerIds.every((id) => isValidId(id))) {
      throw invalidArgument(2, 'invalid arguments');
    }
    try {
      const { online } = await this.#connection.request('status.query', { uids: peerIds });
      this.#presence.noteQueried(online);
      return online;
    } catch (error) {
      throw rpcFailure(error, 4, 'Query peers online status');
    }
  }

  subscribePeersOnlineStatus(peerIds: string[]): Promise<void> {
    return this.#presence.subscribe(peerIds);
  }

  unsubscribePeersOnlineStatus(peerIds: string[]): Promise<void> {
    return this.#presence.unsubscribe(peerIds);
  }

  queryPeersBySubscriptionOption(option: PeerSubscriptionOption): Promise<string[]> {
    return this.#presence.subscribed(option);
  }

  // --- RTM core part 2: token renewal, attributes, metadata (attributes.ts, metadata-api.ts, token-renewal.ts) ---

  renewToken(token: string): Promise<void> {
    return renewToken(this.#connection, token);
  }

  setLocalUserAttributes(attributes: AttributesMap): Promise<void> {
    return this.#attributes.setLocal(attributes);
  }

  addOrUpdateLocalUserAttributes(attributes: AttributesMap): Promise<void> {
    return this.#attributes.addOrUpdateLocal(attributes);
  }

  deleteLocalUserAttributesByKeys(attributeKeys: string[]): Promise<void> {
    return this.#attributes.deleteLocalByKeys(attributeKeys);
  }

  clearLocalUserAttributes(): Promise<void> {
    return this.#attributes.clearLocal();
  }

  getUserAttributes(userId: string): Promise<AttributesMap> {
    return this.#attributes.getUser(userId);
  }

  getUserAttributesByKeys(userId: string, attributeKeys: string[]): Promise<AttributesMap> {
    return this.#attributes.getUserByKeys(userId, attributeKeys);
  }

  getChannelAttributes(channelId: string): Promise<ChannelAttributes> {
    return this.#attributes.getChannel(channelId);
  }

  getChannelAttributesByKeys(channelId: string, keys: string[]): Promise<ChannelAttributes> {
    return this.#attributes.getChannelByKeys(channelId, keys);
  }

  setChannelAttributes(channelId: string, attributes: AttributesMap, options?: ChannelAttributeOptions): Promise<void> {
    return this.#attributes.setChannel(channelId, attributes, options);
  }

  addOrUpdateChannelAttributes(channelId: string, attributes: AttributesMap, options?: ChannelAttributeOptions): Promise<void> {
    return this.#attributes.addOrUpdateChannel(channelId, attributes, options);
  }

  deleteChannelAttributesByKeys(channelId: string, attributeKeys: string[], options?: ChannelAttributeOptions): Promise<void> {
    return this.#attributes.deleteChannelByKeys(channelId, attributeKeys, options);
  }

  clearChannelAttributes(channelId: string, options?: ChannelAttributeOptions): Promise<void> {
    return this.#attributes.clearChannel(channelId, options);
  }

  getUserMetadata(uid: string): Promise<RtmMetadata> {
    return this.#metadata.getUser(uid);
  }

  setLocalUserMetadata(items: RtmMetadataItem[], options?: RtmMetadataOptions): Promise<void> {
    return this.#metadata.write('set', items, options);
  }

  addLocalUserMetadata(items: RtmMetadataItem[], options?: RtmMetadataOptions): Promise<void> {
    return this.#metadata.write('add', items, options);
  }

  updateLocalUserMetadata(items: RtmMetadataItem[], options?: RtmMetadataOptions): Promise<void> {
    return this.#metadata.write('update', items, options);
  }

  deleteLocalUserMetadata(items: RtmMetadataItem[], options?: RtmMetadataOptions): Promise<void> {
    return this.#metadata.write('delete', items, options);
  }

  clearLocalUserMetadata(options?: RtmMetadataOptions): Promise<void> {
    return this.#metadata.write('clear', undefined, options);
  }

  subscribeUserMetadata(uid: string): Promise<void> {
    return this.#metadata.subscribe(uid);
  }

  unsubscribeUserMetadata(uid: string): Promise<void> {
    return this.#metadata.unsubscribe(uid);
  }

  // --- internals ---

  readonly #channelHost: ChannelHost = ((client: RtmClient): ChannelHost => ({
    get connection() {
      return client.#connection;
    },
    takeSendToken: () => client.#sendLimiter.tryTake(),
    joinedChannels: () => client.#joined.size,
    joinedChannel: (channelId) => client.#joined.get(channelId),
    setJoined: (channel, joined) => {
      if (joined) client.#joined.set(channel.channelId, channel);
      else if (client.#joined.get(channel.channelId) === channel) client.#joined.delete(channel.channelId);
    },
    metadata: this.#metadata,
  }))(this);

  #requireConnected(): void {
    if (this.#connection.state !== ConnectionState.CONNECTED) throw invalidStatus(102, 'The client is not logged in');
  }

  #onStateChanged(state: ConnectionState, reason: ConnectionChangeReason): void {
    if (state === ConnectionState.DISCONNECTED || state === ConnectionState.ABORTED) {
      this.#presence.reset();
      this.#seenPeerMessages.clear();
      this.#attributes.reset();
      this.#metadata.reset();
    }
    this.emit('ConnectionStateChanged', state, reason);
  }

  async #sendSignal(to: string, signal: CallSignal): Promise<boolean> {
    if (this.#connection.state === ConnectionState.RECONNECTING && !(await this.#connection.waitUntilConnected(SEND_WAIT_FOR_RECONNECT_MS))) {
      throw timeout(2, 'Sending the invitation signal timed out');
    }
    const { delivered } = await this.#connection.request('call.send', { to, signal });
    return delivered;
  }

  #onSignal(from: string, signal: CallSignal, ts: number): void {
    if (signal.kind === 'invite') {
      if (this.#remoteInvitations.has(signal.callId)) return;
      const invitation = new RemoteInvitation(this.#invitationHost, from, signal);
      this.#remoteInvitations.set(signal.callId, invitation);
      this.emit('RemoteInvitationReceived', invitation);
      return;
    }
    if (signal.kind === 'cancel' && signal.callId === LEGACY_END_CALL_ID) {
      const text = `${END_CALL_PREFIX}_${signal.channel}_${signal.extra}`;
      this.emit('MessageFromPeer', { text, messageType: 'TEXT' }, from, receivedProperties(ts, undefined));
      return;
    }
    if (signal.kind === 'accept' || signal.kind === 'refuse') this.#localInvitations.get(signal.callId)?.handleSignal(signal);
    else this.#remoteInvitations.get(signal.callId)?.handleSignal(signal);
  }

  #afterLogout(): void {
    for (const channel of [...this.#joined.values()]) channel[INTERNAL].reset();
    this.#joined.clear();
  }

  #onReconnected(): void {
    for (const channel of this.#joined.values()) channel[INTERNAL].rejoin();
    this.#attributes.reupload();
    this.#metadata.resubscribe();
    this.#presence.resubscribe();
  }

  #onEvent(frame: EventFrame): void {
    switch (frame.t) {
      case 'peer.msg': {
        this.#connection.notify({ t: 'peer.ack', mid: frame.mid });
        if (frame.from === this.#connection.uid || this.#seenPeerMessages.has(frame.mid)) return;
        this.#seenPeerMessages.add(frame.mid);
        if (this.#seenPeerMessages.size > SEEN_PEER_MESSAGES_MAX) {
          const oldest = this.#seenPeerMessages.values().next().value;
          if (oldest !== undefined) this.#seenPeerMessages.delete(oldest);
        }
        this.emit('MessageFromPeer', fromWireMessage(frame.msg), frame.from, receivedProperties(frame.ts, frame.offline ? true : undefined));
        return;
      }
      case 'call.msg': {
        this.#connection.notify({ t: 'peer.ack', mid: frame.mid });
        if (frame.from === this.#connection.uid || this.#seenPeerMessages.has(frame.mid)) return;
        this.#seenPeerMessages.add(frame.mid);
        this.#onSignal(frame.from, frame.signal, frame.ts);
        return;
      }
      case 'ch.msg':
      case 'ch.member':
      case 'ch.count':
        this.#joined.get(frame.ch)?.[INTERNAL].onEvent(frame);
        return;
      case 'status':
        this.#presence.onStatus(frame.uid, frame.state as PeerOnlineState);
        return;
      case 'pong':
      case 'kick':
        return;
      // RTM core part 2
      case 'token.expiring':
        this.emit('TokenPrivilegeWillExpire');
        return;
      case 'cattr.update':
        this.#attributes.channelUpdated(frame.ch, frame.attrs);
        this.#joined.get(frame.ch)?.[INTERNAL].onEvent(frame);
        return;
      case 'meta.update':
        if (frame.uid !== undefined && this.#metadata.isSubscribed(frame.uid)) this.emit('UserMetaDataUpdated', frame.uid, toRtmMetadata(frame.data));
        else if (frame.ch !== undefined && this.#joined.get(frame.ch)?.[INTERNAL].isJoined()) this.emit('ChannelMetaDataUpdated', toRtmMetadata(frame.data));
        return;
    }
  }
}


function loginFailure(error: unknown): RtmError {
  if (error instanceof RtmError) return error;
  if (error instanceof LoginTimeoutError) return timeout(9, 'Executing "RtmClient.login" timed out after 12s');
  if (error instanceof LoginAbortedError) return new RtmError('RtmUnknownError', 201, 'Login aborted by logout');
  if (error instanceof WireError) {
    const options = { serverCode: error.code };
    switch (error.code) {
      case 'INVALID_APP_ID':
        return new RtmError('RtmUnauthenticatedError', 4, 'Illegal App ID', options);
      case 'TOKEN_USER_MISMATCH':
        return new RtmError('RtmUnauthenticatedError', 3, 'The user ID to login does not match the token', options);
      case 'TOKEN_EXPIRED':
        return new RtmError('RtmUnauthenticatedError', 6, 'The token has expired', options);
      case 'INVALID_TOKEN':
      case 'TOKEN_REQUIRED':
      case 'TOKEN_NOT_ENABLED':
      case 'UNAUTHORIZED':
        return new RtmError('RtmUnauthenticatedError', 5, 'Signature verification failed', options);
      case 'INVALID_USER_ID':
        return invalidArgument(3, 'not a valid user id');
      default:
        return unavailable(2, `Login is rejected by the server. The response code is ${error.code}`, options);
    }
  }
  return unavailable(1, 'Login failure', { originalError: error });
}
