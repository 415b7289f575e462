/**
 * One joined channel of the flat API, on an RtmChannel. Emulates what RTM lacks like the Web shim does: the join
 * sequence `onChannelJoined(ch)` → `onChannelUserList(accounts, uids)` → one `onChannelAttrUpdated(ch, name, value,
 * 'update')` per attribute (events arriving meanwhile wait), the sender's own messages delivered back to it, and
 * per-attribute changes computed from RTM's full-set `AttributesUpdated`.
 */
import { attempt } from '../attempt.js';
import { AttributeSet, fetchChannelAttributes, type AttributeChange } from '../attributes.js';
import { JOINCHANNEL_E_OTHER } from '../errors.js';
import { Disposers, listen } from '../listen.js';
import type { ChannelAttributesLike, RtmChannelLike, RtmReceivedMessageLike } from '../rtm-types.js';
import { receivedText } from '../text.js';
import { FLAT_UID, type FlatCore } from './core.js';

export class FlatChannel {
  readonly id: string;
  readonly #core: FlatCore;
  readonly #listeners = new Disposers();
  readonly #joined: Promise<void>;
  #rtm: RtmChannelLike | null = null;
  #isJoined = false;
  readonly #attributes = new AttributeSet();
  #pending: (() => void)[] | null = [];
  /** Left, replaced, or the session ended: silent from then on. */
  #ended = false;

  /** `before`: the previous channel's leave, which must finish first. */
  constructor(core: FlatCore, id: string, before: Promise<void>) {
    this.#core = core;
    this.id = id;
    this.#joined = this.#join(before);
  }

  /** Joined and its join sequence delivered. */
  get ready(): boolean {
    return this.#isJoined && !this.#ended && this.#pending === null;
  }

  async send(text: string): Promise<void> {
    const rtm = this.#rtm;
    if (!rtm || !this.ready) throw new Error(`channel "${this.id}" is not joined`);
    await attempt(() => rtm.sendMessage({ text }));
  }

  /** RTM never delivers a channel message back to its sender; the legacy SDK did. */
  echo(text: string): void {
    this.#deliver(() => this.#core.fire('onMessageChannelReceive', this.id, this.#core.account(), FLAT_UID, text));
  }

  async members(): Promise<string[] | null> {
    await this.#joined;
    const rtm = this.#rtm;
    if (!rtm || !this.#isJoined || this.#ended) return null;
    return attempt(() => rtm.getMembers());
  }

  /** An attribute change this user made (RTM may not notify the writer itself). */
  applyOwnChange(change: AttributeChange): void {
    this.#deliver(() => this.#applyChanges([change]));
  }

  /** Leaves the RTM channel; `onChannelLeaved(ch, ecode)` if it had been joined and `ecode` is given. */
  async leave(ecode: number | null): Promise<void> {
    const wasEnded = this.#ended;
    this.#stop();
    await this.#joined;
    const rtm = this.#rtm;
    if (wasEnded || !rtm || !this.#isJoined) return;
    await attempt(() => rtm.leave()).catch((error: unknown) => this.#core.log.debug('channelLeave:', error));
    if (ecode !== null) this.#core.fire('onChannelLeaved', this.id, ecode);
  }

  /** The session ended (the RTM client leaves its channels itself): `onChannelLeaved(ch, ecode)` if joined. */
  abandon(ecode: number): void {
    const fire = this.#isJoined && !this.#ended;
    this.#stop();
    if (fire) this.#core.fire('onChannelLeaved', this.id, ecode);
  }

  #stop(): void {
    this.#ended = true;
    this.#pending = null;
    this.#listeners.drain();
  }

  /* --- join --- */

  async #join(before: Promise<void>): Promise<void> {
    // Never fire anything inside channelJoin(), and leave the previous channel first.
    await before.catch(() => undefined);
    const client = this.#core.client();
    if (this.#ended) return;
    if (!client || !this.#core.loggedIn()) {
      this.#failed('not logged in');
      return;
    }
    let rtm: RtmChannelLike;
    try {
      rtm = client.createChannel(this.id);
      this.#rtm = rtm;
      this.#listeners.add(
        listen(rtm, 'ChannelMessage', (message: RtmReceivedMessageLike, memberId: string) => {
          const text = receivedText(message);
          this.#deliver(() => this.#core.fire('onMessageChannelReceive', this.id, memberId, FLAT_UID, text));
        }),
        listen(rtm, 'MemberJoined', (memberId: string) => this.#deliver(() => this.#core.fire('onChannelUserJoined', memberId, FLAT_UID))),
        listen(rtm, 'MemberLeft', (memberId: string) => this.#deliver(() => this.#core.fire('onChannelUserLeaved', memberId, FLAT_UID))),
        listen(rtm, 'AttributesUpdated', (attributes: ChannelAttributesLike) => this.#deliver(() => this.#replaceAttributes(attributes))),
      );
      await rtm.join();
    } catch (error) {
      this.#rtm = null;
      this.#listeners.drain();
      this.#failed(error);
      return;
    }
    this.#isJoined = true;
    if (this.#ended) return;
    const members = await attempt(() => rtm.getMembers()).catch((error: unknown) => {
      this.#core.log.debug('getMembers after join failed:', error);
      return [] as string[];
    });
    const attributes = await fetchChannelAttributes(client, this.id, (error) => this.#core.log.debug('getChannelAttributes after join failed:', error));
    if (this.#ended) return;
    const account = this.#core.account();
    const list = members.includes(account) ? members : [...members, account];
    this.#core.fire('onChannelJoined', this.id);
    this.#core.fire('onChannelUserList', list, list.map(() => FLAT_UID));
    this.#emit(this.#attributes.replace(attributes));
    const pending = this.#pending ?? [];
    this.#pending = null;
    for (const run of pending) run();
  }

  #failed(error: unknown): void {
    if (this.#ended) return;
    this.#stop();
    this.#core.log.debug('channelJoin failed:', error);
    this.#core.fire('onChannelJoinFailed', this.id, JOINCHANNEL_E_OTHER);
  }

  /* --- attributes --- */

  #replaceAttributes(attributes: ChannelAttributesLike): void {
    this.#emit(this.#attributes.replace(attributes));
  }

  #applyChanges(changes: AttributeChange[]): void {
    this.#emit(this.#attributes.apply(changes));
  }

  #emit(changes: AttributeChange[]): void {
    for (const change of changes) this.#core.fire('onChannelAttrUpdated', this.id, change.name, change.value, change.type);
  }

  #deliver(run: () => void): void {
    if (this.#ended) return;
    if (this.#pending) this.#pending.push(run);
    else run();
  }
}
