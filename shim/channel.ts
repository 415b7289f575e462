/**
 * The legacy Channel on an RtmChannel. Emulates what RTM lacks: the member list and the attribute replay on join
 * (joined → user list → one update per attribute, in one tick), the sender's own messages delivered back to it,
 * and per-attribute `onChannelAttrUpdated` calls computed from RTM's full-set `AttributesUpdated`.
 */
import { attempt } from './attempt.js';
import { AttributeSet, fetchChannelAttributes, type AttributeChange } from './attributes.js';
import { callArgument, fireCallback, initCallbackProperties, type FireHooks } from './callback-property.js';
import type { ShimContext } from './context.js';
import { failureString } from './failure.js';
import type { LegacyCallback, LegacyChannel } from './legacy-types.js';
import { Disposers, listen } from './listen.js';
import type { ChannelAttributesLike, RtmChannelLike, RtmClientLike, RtmReceivedMessageLike } from './rtm-types.js';
import type { ChannelState } from './status.js';
import { legacyMessage, legacyString, receivedText } from './text.js';

export const CHANNEL_CALLBACKS = [
  'onChannelJoined',
  'onChannelJoinFailed',
  'onChannelLeaved',
  'onChannelUserList',
  'onChannelUserJoined',
  'onChannelUserLeaved',
  'onChannelAttrUpdated',
  'onMessageChannelReceive',
] as const;

const UID = 0;
const NOTIFY = { enableNotificationToChannelMembers: true } as const;

export interface ChannelHost {
  account(): string;
  client(): RtmClientLike | null;
  line(): string;
  loggedIn(): boolean;
  currentChannel(): Channel | null;
  released(channel: Channel): void;
}

export class Channel implements LegacyChannel {
  #name: string;
  #state: ChannelState = 'joining';
  #msgid = 0;

  declare onChannelJoined: LegacyCallback<() => void>;
  declare onChannelJoinFailed: LegacyCallback<(err: string) => void>;
  declare onChannelLeaved: LegacyCallback<(ecode: number) => void>;
  declare onChannelUserList: LegacyCallback<(users: [account: string, uid: number][]) => void>;
  declare onChannelUserJoined: LegacyCallback<(account: string, uid: number) => void>;
  declare onChannelUserLeaved: LegacyCallback<(account: string, uid: number) => void>;
  declare onChannelAttrUpdated: LegacyCallback<(name: string, value: string, type: 'update' | 'del' | 'clear') => void>;
  declare onMessageChannelReceive: LegacyCallback<(account: string, uid: number, msg: string) => void>;

  readonly #ctx: ShimContext;
  /** Firing hooks of this kind of object, looked up once (every received message fires through them). */
  readonly #hooks: FireHooks;
  readonly #host: ChannelHost;
  readonly #listeners = new Disposers();
  readonly #joined: Promise<void>;
  #rtm: RtmChannelLike | null = null;
  readonly #attributes = new AttributeSet();
  /** Events that arrive before the join sequence has been delivered wait here, to keep the legacy order. */
  #pending: (() => void)[] | null = [];
  /** Replaced by a newer channelJoin, a reconnect or a logout: silent from then on, as legacy objects went stale. */
  #abandoned = false;

  constructor(ctx: ShimContext, host: ChannelHost, name: string, previous: Channel | null) {
    initCallbackProperties(this, CHANNEL_CALLBACKS);
    this.#ctx = ctx;
    this.#hooks = ctx.hooks('Channel');
    this.#host = host;
    this.#name = name;
    this.#joined = this.#join(previous);
  }

  /* --- readable properties (accessors, so reading one counts as using it) --- */

  get name(): string {
    this.#ctx.use('SIG_CHANNEL_NAME');
    return this.#name;
  }

  get state(): ChannelState {
    this.#ctx.use('SIG_CHANNEL_STATE');
    return this.#state;
  }

  /** Counts the channel messages delivered to this object, as the legacy last-message id kept increasing. */
  get m_channel_msgid(): number {
    this.#ctx.use('SIG_CHANNEL_MSGID');
    return this.#msgid;
  }

  set m_channel_msgid(value: number) {
    this.#ctx.use('SIG_CHANNEL_MSGID');
    this.#msgid = Number(value) || 0;
  }

  /** The channel name without deprecation accounting (the shim's own reads). */
  get channelId(): string {
    return this.#name;
  }

  messageChannelSend(msg: string, cb?: LegacyCallback<() => void>): void {
    this.#ctx.use('SIG_MESSAGE_CHANNEL_SEND');
    const text = legacyMessage(msg);
    const done = (): void => callArgument(cb, [], this.#hooks);
    const rtm = this.#rtm;
    if (!rtm || this.#abandoned || !this.#host.loggedIn()) {
      setTimeout(done, 0);
      return;
    }
    attempt(() => rtm.sendMessage({ text })).then(
      () => {
        // RTM never delivers a channel message back to its sender; the legacy SDK did.
        this.#channelMessage(this.#host.account(), text);
        done();
      },
      (error: unknown) => {
        this.#ctx.log.debug('messageChannelSend failed:', error);
        done();
      },
    );
  }

  channelLeave(cb?: LegacyCallback<() => void>): void {
    this.#ctx.use('SIG_CHANNEL_LEAVE');
    void this.#leave(cb);
  }

  channelSetAttr(name: string, value: string, cb?: LegacyCallback<() => void>): void {
    this.#ctx.use('SIG_CHANNEL_SET_ATTR');
    const key = legacyString(name);
    const text = legacyMessage(value);
    this.#attributeCall(cb, (client) => client.addOrUpdateChannelAttributes?.(this.#name, { [key]: text }, NOTIFY), [{ type: 'update', name: key, value: text }]);
  }

  channelDelAttr(name: string, cb?: LegacyCallback<() => void>): void {
    this.#ctx.use('SIG_CHANNEL_DEL_ATTR');
    const key = legacyString(name);
    this.#attributeCall(cb, (client) => client.deleteChannelAttributesByKeys?.(this.#name, [key], NOTIFY), [{ type: 'del', name: key, value: '' }]);
  }

  channelClearAttr(cb?: LegacyCallback<() => void>): void {
    this.#ctx.use('SIG_CHANNEL_CLEAR_ATTR');
    this.#attributeCall(cb, (client) => client.clearChannelAttributes?.(this.#name, NOTIFY), [{ type: 'clear', name: '', value: '' }]);
  }

  /* --- internal: used by the session and invoke --- */

  /** Silently leaves the RTM channel (a newer channelJoin or a reconnect made this object stale). */
  async detach(): Promise<void> {
    this.abandon();
    await this.#joined;
    const rtm = this.#rtm;
    if (rtm) await attempt(() => rtm.leave()).catch(() => undefined);
  }

  /** Stops every callback at once (logout: the RTM client leaves its channels by itself). */
  abandon(): void {
    this.#abandoned = true;
    this.#pending = null;
    this.#listeners.drain();
  }

  /** Members of this channel if it is joined (invoke's channel queries); null otherwise. */
  async members(): Promise<string[] | null> {
    await this.#joined;
    if (this.#abandoned || this.#state !== 'joined' || !this.#rtm) return null;
    const rtm = this.#rtm;
    return attempt(() => rtm.getMembers());
  }

  /** Applies an attribute change this session made (RTM may not notify the writer itself). */
  applyOwnChange(change: AttributeChange): void {
    this.#deliver(() => this.#applyChanges([change]));
  }

  /* --- join / leave --- */

  async #join(previous: Channel | null): Promise<void> {
    // Never fire anything inside channelJoin(): the app assigns its callbacks right after it returns.
    await Promise.resolve();
    if (previous) await previous.detach();
    const client = this.#host.client();
    if (this.#abandoned || !client) return;
    let rtm: RtmChannelLike;
    try {
      rtm = client.createChannel(this.#name);
      this.#rtm = rtm;
      this.#listeners.add(
        listen(rtm, 'ChannelMessage', (message: RtmReceivedMessageLike, memberId: string) => this.#channelMessage(memberId, receivedText(message))),
        listen(rtm, 'MemberJoined', (memberId: string) => this.#deliver(() => this.#fire('onChannelUserJoined', memberId, UID))),
        listen(rtm, 'MemberLeft', (memberId: string) => this.#deliver(() => this.#fire('onChannelUserLeaved', memberId, UID))),
        listen(rtm, 'AttributesUpdated', (attributes: ChannelAttributesLike) => this.#deliver(() => this.#replaceAttributes(attributes))),
      );
      await rtm.join();
    } catch (error) {
      this.#rtm = null;
      this.#listeners.drain();
      if (this.#abandoned) return;
      this.#state = 'leaved';
      this.#pending = null;
      this.#ctx.log.debug('channelJoin failed:', error);
      this.#fire('onChannelJoinFailed', failureString(error));
      return;
    }
    if (this.#abandoned) return;
    this.#state = 'joined';
    const members = await attempt(() => rtm.getMembers()).catch((error: unknown) => {
      this.#ctx.log.debug('getMembers after join failed:', error);
      return [] as string[];
    });
    const attributes = await fetchChannelAttributes(client, this.#name, (error) => this.#ctx.log.debug('getChannelAttributes after join failed:', error));
    if (this.#abandoned) return;
    const account = this.#host.account();
    const list = members.includes(account) ? members : [...members, account];
    this.#fire('onChannelJoined');
    this.#fire('onChannelUserList', list.map((member): [string, number] => [member, UID]));
    this.#emitChanges(this.#attributes.replace(attributes));
    const pending = this.#pending ?? [];
    this.#pending = null;
    for (const run of pending) run();
  }

  async #leave(cb: unknown): Promise<void> {
    await this.#joined;
    try {
      await this.#rtm?.leave();
    } catch (error) {
      this.#ctx.log.debug('channelLeave:', error);
    }
    const silent = this.#abandoned;
    this.#state = 'leaved';
    this.abandon();
    this.#host.released(this);
    if (cb) callArgument(cb, [], this.#hooks);
    else if (!silent) fireCallback(this, 'onChannelLeaved', [0], this.#hooks);
  }

  /* --- attributes --- */

  #attributeCall(cb: unknown, call: (client: RtmClientLike) => Promise<void> | undefined, changes: AttributeChange[]): void {
    const done = (): void => callArgument(cb, [], this.#hooks);
    const client = this.#host.client();
    let pending: Promise<void> | undefined;
    if (client) {
      try {
        pending = call(client);
        if (!pending) this.#ctx.log.warn('this RTM client has no channel-attribute API; channel attribute calls fail.');
      } catch (error) {
        pending = attempt(() => {
          throw error;
        });
      }
    }
    if (!pending) {
      setTimeout(done, 0);
      return;
    }
    pending.then(
      () => {
        for (const change of changes) this.applyOwnChange(change);
        done();
      },
      (error: unknown) => {
        this.#ctx.log.debug('channel attribute call failed:', error);
        done();
      },
    );
  }

  #replaceAttributes(attributes: ChannelAttributesLike): void {
    this.#emitChanges(this.#attributes.replace(attributes));
  }

  #applyChanges(changes: AttributeChange[]): void {
    this.#emitChanges(this.#attributes.apply(changes));
  }

  #emitChanges(changes: AttributeChange[]): void {
    for (const change of changes) this.#fire('onChannelAttrUpdated', change.name, change.value, change.type);
  }

  /* --- delivery --- */

  #channelMessage(account: string, text: string): void {
    if (this.#abandoned) return;
    // The hot path: no closure unless the message must wait for the join to complete.
    if (this.#pending) this.#pending.push(() => this.#receiveMessage(account, text));
    else this.#receiveMessage(account, text);
  }

  #receiveMessage(account: string, text: string): void {
    this.#msgid += 1;
    this.#fire('onMessageChannelReceive', account, UID, text);
  }

  #deliver(run: () => void): void {
    if (this.#abandoned) return;
    if (this.#pending) this.#pending.push(run);
    else run();
  }

  #fire(name: (typeof CHANNEL_CALLBACKS)[number], ...args: unknown[]): void {
    if (this.#abandoned) return;
    fireCallback(this, name, args, this.#hooks);
  }
}
