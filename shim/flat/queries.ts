/**
 * Flat queries and user attributes, each answered through its native callback: `queryUserStatus` →
 * `onQueryUserStatusResult(name, "1" | "0")`, `get*Attr*` → `onUserAttrResult` / `onUserAttrAllResult`,
 * `channelQueryUserNum` → `onChannelQueryUserNumResult(ch, ecode, num)`, `channelQueryUserIsIn` →
 * `onChannelQueryUserIsIn(ch, account, isIn)`. The user-attribute calls run the Web shim's invoke functions;
 * other failures reach `onError(name, ecode, desc)`.
 */
import { SUCCESS } from '../errors.js';
import { INVOKE_FUNCTIONS } from '../invoke-functions.js';
import type { RtmClientLike } from '../rtm-types.js';
import type { FlatChannels } from './channels.js';
import { invokeHost, type FlatCore } from './core.js';
import { FlatFailure, notLoggedIn, queryNumCode, reportError } from './failures.js';
import { GENERAL_E_FAILED } from '../errors.js';

type Fields = Record<string, unknown>;

export class FlatQueries {
  readonly #core: FlatCore;
  readonly #channels: FlatChannels;

  constructor(core: FlatCore, channels: FlatChannels) {
    this.#core = core;
    this.#channels = channels;
  }

  queryUserStatus(account: string): void {
    this.#run('queryUserStatus', async (client) => {
      const online = await client.queryPeersOnlineStatus([account]);
      this.#core.fire('onQueryUserStatusResult', account, online[account] ? '1' : '0');
    });
  }

  setAttr(name: string, value: unknown): void {
    this.#run('setAttr', async () => {
      await this.#invoke('user_set_attr', { name, value });
    });
  }

  getUserAttr(method: string, account: string, name: string): void {
    this.#run(method, async () => {
      const fields = await this.#invoke('user_get_attr', { account, name });
      this.#core.fire('onUserAttrResult', account, name, typeof fields['value'] === 'string' ? fields['value'] : '');
    });
  }

  getUserAttrAll(method: string, account: string): void {
    this.#run(method, async () => {
      const fields = await this.#invoke('user_get_attr_all', { account });
      this.#core.fire('onUserAttrAllResult', account, typeof fields['json'] === 'string' ? fields['json'] : '{}');
    });
  }

  /** Failures are reported through the result callback itself, with a QUERYUSERNUM_E_* code and num 0. */
  channelQueryUserNum(channelID: string): void {
    const client = this.#core.client();
    const fail = (error: unknown): void => {
      this.#core.log.debug('channelQueryUserNum failed:', error);
      this.#core.fire('onChannelQueryUserNumResult', channelID, queryNumCode(error), 0);
    };
    if (!client || !this.#core.loggedIn() || !client.getChannelMemberCount) {
      setTimeout(() => fail(client ? new FlatFailure(GENERAL_E_FAILED, 'no getChannelMemberCount') : notLoggedIn()), 0);
      return;
    }
    const count = client.getChannelMemberCount.bind(client);
    Promise.resolve()
      .then(() => count([channelID]))
      .then((counts) => this.#core.fire('onChannelQueryUserNumResult', channelID, SUCCESS, counts[channelID] ?? 0), fail);
  }

  /** RTM lists members of joined channels only: any other channel fails through onError. */
  channelQueryUserIsIn(channelID: string, account: string): void {
    this.#run('channelQueryUserIsIn', async () => {
      const members = await this.members(channelID);
      this.#core.fire('onChannelQueryUserIsIn', channelID, account, members.includes(account) ? 1 : 0);
    });
  }

  /** Members of the joined channel `channelID`; rejects for any other channel. */
  async members(channelID: string): Promise<string[]> {
    const members = (await this.#channels.get(channelID)?.members()) ?? null;
    if (!members) throw new FlatFailure(GENERAL_E_FAILED, `the member list of "${channelID}" needs this user to have joined it (RTM 1.x has no query for other channels)`);
    return members;
  }

  async #invoke(name: string, args: Fields): Promise<Fields> {
    const run = INVOKE_FUNCTIONS[name];
    const client = this.#core.client();
    if (!run || !client) throw notLoggedIn();
    return run({ client, host: invokeHost(this.#core) }, args);
  }

  #run(name: string, work: (client: RtmClientLike) => Promise<void>): void {
    const client = this.#core.client();
    if (!client || !this.#core.loggedIn()) {
      reportError(this.#core, name, notLoggedIn());
      return;
    }
    Promise.resolve()
      .then(() => work(client))
      .catch((error: unknown) => reportError(this.#core, name, error));
  }
}
