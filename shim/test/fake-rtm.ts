/**
 * An in-memory RTM 1.x "network" for the shim's unit tests: clients, channels, attributes and invitations with
 * the RTM semantics the shim relies on (no echo of channel messages, member events for others only, full-set
 * AttributesUpdated, automatic invitation receipt). Tests drive connection changes through `interrupt`, `resume`
 * and `kick`.
 */
import { EventEmitter } from 'eventemitter3';
import type {
  AttributesMapLike,
  ChannelAttributeOptionsLike,
  ChannelAttributesLike,
  LocalInvitationLike,
  RemoteInvitationLike,
  RtmChannelLike,
  RtmClientLike,
  RtmTextMessageLike,
} from '../rtm-types.js';

class RtmFakeError extends Error {
  constructor(
    override readonly name: string,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class FakeNetwork {
  readonly clients = new Map<string, FakeClient>();
  readonly channels = new Map<string, Set<FakeChannel>>();
  readonly channelAttributes = new Map<string, Map<string, string>>();
  readonly userAttributes = new Map<string, Map<string, string>>();
  /** Tokens rejected at login, by reason. */
  readonly rejectTokens = new Map<string, RtmFakeError>();

  createInstance = (appId: string): FakeClient => new FakeClient(this, appId);

  members(channelId: string): string[] {
    return [...(this.channels.get(channelId) ?? [])].map((channel) => channel.client.uid);
  }
}

export class FakeClient extends EventEmitter implements RtmClientLike {
  uid = '';
  state = 'DISCONNECTED';
  readonly joined = new Set<FakeChannel>();

  constructor(
    readonly network: FakeNetwork,
    readonly appId: string,
  ) {
    super();
  }

  #setState(state: string, reason: string): void {
    this.state = state;
    this.emit('ConnectionStateChanged', state, reason);
  }

  #requireLogin(): void {
    if (this.state !== 'CONNECTED') throw new RtmFakeError('RtmInvalidStatusError', 102, 'The client is not logged in.');
  }

  async login({ uid, token }: { uid: string; token?: string }): Promise<void> {
    if (!/^[\w !#$%&()+,.:;<=>?@[\]^{|}~-]{1,64}$/.test(uid)) throw new RtmFakeError('RtmInvalidArgumentError', 3, 'not a valid user id.');
    this.#setState('CONNECTING', 'LOGIN');
    await tick();
    const rejection = token === undefined ? undefined : this.network.rejectTokens.get(token);
    if (rejection) {
      this.#setState('DISCONNECTED', 'LOGIN_FAILURE');
      throw rejection;
    }
    this.network.clients.get(uid)?.kick();
    this.uid = uid;
    this.network.clients.set(uid, this);
    this.#setState('CONNECTED', 'LOGIN_SUCCESS');
  }

  async logout(): Promise<void> {
    await tick();
    if (this.state === 'DISCONNECTED') throw new RtmFakeError('RtmInvalidStatusError', 102, 'already logged out');
    this.#drop();
    this.#setState('DISCONNECTED', 'LOGOUT');
  }

  #drop(): void {
    for (const channel of [...this.joined]) channel.leaveNow();
    if (this.network.clients.get(this.uid) === this) this.network.clients.delete(this.uid);
    this.network.userAttributes.delete(this.uid);
  }

  /* test controls */
  interrupt(): void {
    this.#setState('RECONNECTING', 'INTERRUPTED');
  }

  resume(): void {
    this.#setState('CONNECTED', 'LOGIN_SUCCESS');
  }

  kick(): void {
    this.#drop();
    this.#setState('ABORTED', 'REMOTE_LOGIN');
  }

  async sendMessageToPeer(message: RtmTextMessageLike, peerId: string): Promise<{ hasPeerReceived: boolean }> {
    this.#requireLogin();
    if (new TextEncoder().encode(message.text).length > 32 * 1024) throw new RtmFakeError('RtmLimitExceededError', 7, 'too big');
    await tick();
    const peer = this.network.clients.get(peerId);
    if (peer?.state === 'CONNECTED') peer.emit('MessageFromPeer', { text: message.text, messageType: 'TEXT' }, this.uid, { serverReceivedTs: Date.now() });
    return { hasPeerReceived: peer !== undefined };
  }

  createChannel(channelId: string): FakeChannel {
    return new FakeChannel(this, channelId);
  }

  createLocalInvitation(calleeId: string): FakeLocalInvitation {
    return new FakeLocalInvitation(this, calleeId);
  }

  async queryPeersOnlineStatus(peerIds: string[]): Promise<Record<string, boolean>> {
    this.#requireLogin();
    await tick();
    return Object.fromEntries(peerIds.map((id) => [id, this.network.clients.get(id)?.state === 'CONNECTED']));
  }

  async addOrUpdateLocalUserAttributes(attributes: AttributesMapLike): Promise<void> {
    this.#requireLogin();
    await tick();
    const mine = this.network.userAttributes.get(this.uid) ?? new Map<string, string>();
    for (const [key, value] of Object.entries(attributes)) mine.set(key, value);
    this.network.userAttributes.set(this.uid, mine);
  }

  async getUserAttributesByKeys(userId: string, keys: string[]): Promise<AttributesMapLike> {
    this.#requireLogin();
    await tick();
    const theirs = this.network.userAttributes.get(userId) ?? new Map<string, string>();
    return Object.fromEntries(keys.filter((key) => theirs.has(key)).map((key) => [key, theirs.get(key) ?? '']));
  }

  async getChannelMemberCount(channelIds: string[]): Promise<Record<string, number>> {
    this.#requireLogin();
    await tick();
    return Object.fromEntries(channelIds.map((id) => [id, this.network.members(id).length]));
  }

  async getChannelAttributes(channelId: string): Promise<ChannelAttributesLike> {
    this.#requireLogin();
    await tick();
    return attributeSet(this.network.channelAttributes.get(channelId));
  }

  async addOrUpdateChannelAttributes(channelId: string, attributes: AttributesMapLike, options?: ChannelAttributeOptionsLike): Promise<void> {
    await this.#writeAttributes(channelId, options, (map) => {
      for (const [key, value] of Object.entries(attributes)) {
        if (value === '') throw new RtmFakeError('RtmInvalidArgumentError', 3, 'Invalid attribute value.');
        map.set(key, value);
      }
    });
  }

  async deleteChannelAttributesByKeys(channelId: string, keys: string[], options?: ChannelAttributeOptionsLike): Promise<void> {
    await this.#writeAttributes(channelId, options, (map) => keys.forEach((key) => map.delete(key)));
  }

  async clearChannelAttributes(channelId: string, options?: ChannelAttributeOptionsLike): Promise<void> {
    await this.#writeAttributes(channelId, options, (map) => map.clear());
  }

  async #writeAttributes(channelId: string, options: ChannelAttributeOptionsLike | undefined, change: (map: Map<string, string>) => void): Promise<void> {
    this.#requireLogin();
    await tick();
    const map = this.network.channelAttributes.get(channelId) ?? new Map<string, string>();
    change(map);
    this.network.channelAttributes.set(channelId, map);
    if (!options?.enableNotificationToChannelMembers) return;
    for (const channel of this.network.channels.get(channelId) ?? []) channel.emit('AttributesUpdated', attributeSet(map));
  }
}

function attributeSet(map: Map<string, string> | undefined): ChannelAttributesLike {
  return Object.fromEntries([...(map ?? [])].map(([key, value]) => [key, { value, lastUpdateUserId: '', lastUpdateTs: 0 }]));
}

export class FakeChannel extends EventEmitter implements RtmChannelLike {
  #joined = false;

  constructor(
    readonly client: FakeClient,
    readonly channelId: string,
  ) {
    super();
  }

  #others(): FakeChannel[] {
    return [...(this.client.network.channels.get(this.channelId) ?? [])].filter((channel) => channel !== this);
  }

  async join(): Promise<void> {
    if (this.client.state !== 'CONNECTED') throw new RtmFakeError('RtmInvalidStatusError', 102, 'not logged in');
    if (this.#joined) throw new RtmFakeError('RtmInvalidStatusError', 6, 'already joined');
    await tick();
    const set = this.client.network.channels.get(this.channelId) ?? new Set<FakeChannel>();
    set.add(this);
    this.client.network.channels.set(this.channelId, set);
    this.client.joined.add(this);
    this.#joined = true;
    for (const other of this.#others()) other.emit('MemberJoined', this.client.uid);
  }

  async leave(): Promise<void> {
    if (!this.#joined) throw new RtmFakeError('RtmInvalidStatusError', 3, 'not joined');
    await tick();
    this.leaveNow();
  }

  leaveNow(): void {
    if (!this.#joined) return;
    this.#joined = false;
    this.client.joined.delete(this);
    this.client.network.channels.get(this.channelId)?.delete(this);
    for (const other of this.#others()) other.emit('MemberLeft', this.client.uid);
  }

  async sendMessage(message: RtmTextMessageLike): Promise<void> {
    if (!this.#joined) throw new RtmFakeError('RtmInvalidStatusError', 5, 'not joined');
    await tick();
    for (const other of this.#others()) other.emit('ChannelMessage', { text: message.text, messageType: 'TEXT' }, this.client.uid, { serverReceivedTs: 0 });
  }

  async getMembers(): Promise<string[]> {
    if (!this.#joined) throw new RtmFakeError('RtmInvalidStatusError', 5, 'not joined');
    await tick();
    return this.client.network.members(this.channelId);
  }
}

export class FakeLocalInvitation extends EventEmitter implements LocalInvitationLike {
  state = 'IDLE';
  response = '';
  content = '';
  channelId = '';
  remote: FakeRemoteInvitation | null = null;

  constructor(
    readonly client: FakeClient,
    readonly calleeId: string,
  ) {
    super();
  }

  send(): void {
    if (this.state !== 'IDLE') throw new RtmFakeError('RtmInvalidStatusError', 5, 'already sent');
    this.state = 'SENT_TO_REMOTE';
    void tick().then(() => {
      const callee = this.client.network.clients.get(this.calleeId);
      if (!callee || callee.state !== 'CONNECTED') {
        this.state = 'FAILURE';
        this.emit('LocalInvitationFailure', 'PEER_OFFLINE');
        return;
      }
      this.remote = new FakeRemoteInvitation(this);
      callee.emit('RemoteInvitationReceived', this.remote);
      this.state = 'RECEIVED_BY_REMOTE';
      this.emit('LocalInvitationReceivedByPeer');
    });
  }

  cancel(): void {
    if (this.state !== 'SENT_TO_REMOTE' && this.state !== 'RECEIVED_BY_REMOTE') throw new RtmFakeError('RtmInvalidStatusError', 3, 'ended');
    this.state = 'CANCELED';
    this.emit('LocalInvitationCanceled');
    const remote = this.remote;
    if (remote) void tick().then(() => remote.canceled(this.content));
  }
}

export class FakeRemoteInvitation extends EventEmitter implements RemoteInvitationLike {
  state = 'INVITATION_RECEIVED';
  response = '';
  readonly callerId: string;
  readonly channelId: string;
  readonly content: string;

  constructor(readonly local: FakeLocalInvitation) {
    super();
    this.callerId = local.client.uid;
    this.channelId = local.channelId;
    this.content = local.content;
  }

  accept(): void {
    this.state = 'ACCEPTED';
    const response = this.response;
    void tick().then(() => {
      this.local.state = 'ACCEPTED_BY_REMOTE';
      this.local.response = response;
      this.local.emit('LocalInvitationAccepted', response);
      this.emit('RemoteInvitationAccepted');
    });
  }

  refuse(): void {
    this.state = 'REFUSED';
    this.emit('RemoteInvitationRefused');
    const response = this.response;
    void tick().then(() => {
      this.local.state = 'REFUSED_BY_REMOTE';
      this.local.emit('LocalInvitationRefused', response);
    });
  }

  canceled(content: string): void {
    if (this.state !== 'INVITATION_RECEIVED') return;
    this.state = 'CANCELED';
    this.emit('RemoteInvitationCanceled', content);
  }
}
