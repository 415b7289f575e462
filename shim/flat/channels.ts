/**
 * The flat API's channel calls. Natives keep one channel at a time: joining another leaves the first
 * (`onChannelLeaved(first, LEAVECHANNEL_E_BYUSER)`), and every channel callback names its channel. Channel
 * attribute calls have no result callback; their failures reach `onError(name, ecode, desc)`.
 */
import type { AttributeChange } from '../attributes.js';
import { LEAVECHANNEL_E_BYUSER } from '../errors.js';
import type { RtmClientLike } from '../rtm-types.js';
import { FlatChannel } from './channel.js';
import { later, type FlatCore } from './core.js';
import { FlatFailure, notLoggedIn, reportError } from './failures.js';
import { GENERAL_E_FAILED, JOINCHANNEL_E_OTHER } from '../errors.js';

const NOTIFY = { enableNotificationToChannelMembers: true } as const;

type AttributeCall = (client: RtmClientLike) => Promise<void> | undefined;

export class FlatChannels {
  readonly #core: FlatCore;
  #current: FlatChannel | null = null;

  constructor(core: FlatCore) {
    this.#core = core;
  }

  /** The current channel if it is `channelID`. */
  get(channelID: string): FlatChannel | null {
    const current = this.#current;
    return current && current.id === channelID ? current : null;
  }

  join(channelID: string): void {
    if (!this.#core.loggedIn()) {
      later(() => this.#core.fire('onChannelJoinFailed', channelID, JOINCHANNEL_E_OTHER));
      return;
    }
    const previous = this.#current;
    // Re-joining the same channel leaves it silently; joining another reports the first one as left.
    const before = previous ? previous.leave(previous.id === channelID ? null : LEAVECHANNEL_E_BYUSER) : Promise.resolve();
    this.#current = new FlatChannel(this.#core, channelID, before);
  }

  leave(channelID: string): void {
    const channel = this.get(channelID);
    if (!channel) {
      this.#core.log.info(`channelLeave: not in channel "${channelID}".`);
      return;
    }
    this.#current = null;
    void channel.leave(LEAVECHANNEL_E_BYUSER);
  }

  /** The session ended: `onChannelLeaved(ch, ecode)` for a joined channel. */
  abandon(ecode: number): void {
    const channel = this.#current;
    this.#current = null;
    channel?.abandon(ecode);
  }

  setAttr(channelID: string, name: string, value: string): void {
    this.#attributeCall('channelSetAttr', channelID, (client) => client.addOrUpdateChannelAttributes?.(channelID, { [name]: value }, NOTIFY), { type: 'update', name, value });
  }

  delAttr(channelID: string, name: string): void {
    this.#attributeCall('channelDelAttr', channelID, (client) => client.deleteChannelAttributesByKeys?.(channelID, [name], NOTIFY), { type: 'del', name, value: '' });
  }

  clearAttr(channelID: string): void {
    this.#attributeCall('channelClearAttr', channelID, (client) => client.clearChannelAttributes?.(channelID, NOTIFY), { type: 'clear', name: '', value: '' });
  }

  #attributeCall(name: string, channelID: string, call: AttributeCall, change: AttributeChange): void {
    const client = this.#core.client();
    if (!client || !this.#core.loggedIn()) {
      reportError(this.#core, name, notLoggedIn());
      return;
    }
    let pending: Promise<void> | undefined;
    try {
      pending = call(client);
    } catch (error) {
      pending = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (!pending) {
      this.#core.log.warn('this RTM client has no channel-attribute API; channel attribute calls fail.');
      reportError(this.#core, name, new FlatFailure(GENERAL_E_FAILED, 'this RTM client has no channel-attribute API'));
      return;
    }
    pending.then(
      () => this.get(channelID)?.applyOwnChange(change),
      (error: unknown) => reportError(this.#core, name, error),
    );
  }
}
