/**
 * Native `invoke(name, reqJSON, callID)` → `onInvokeRet(callID, err, resp)`: the functions of the Web invoke
 * (legacy-signaling.md §6, `io.agora.signal.` prefix optional), with `reqJSON` a JSON string and `resp` the JSON of
 * the reply (`{"result":"ok",…}` with `err === ''`, otherwise `{"result": err, "reason": …}`). Channel member
 * queries are answered from the flat API's joined channel; channel attribute writes update it at once.
 */
import { INVOKE_PREFIX } from '../api-map.js';
import type { AttributeChange } from '../attributes.js';
import { describeError, failureString } from '../failure.js';
import { INVOKE_FUNCTIONS, UnsupportedInvoke } from '../invoke-functions.js';
import { legacyMessage, legacyString } from '../text.js';
import { noteNamedUse } from '../usage.js';
import type { FlatChannels } from './channels.js';
import { invokeHost, later, type FlatCore } from './core.js';
import { FlatFailure, notLoggedIn } from './failures.js';
import type { FlatQueries } from './queries.js';

type Fields = Record<string, unknown>;

const str = (args: Fields, key: string): string => legacyString(args[key] ?? '');

function parseRequest(reqJSON: unknown): Fields | null {
  if (reqJSON === undefined || reqJSON === null || reqJSON === '') return {};
  if (typeof reqJSON === 'object') return reqJSON as Fields;
  try {
    const value: unknown = JSON.parse(legacyString(reqJSON));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null;
  } catch {
    return null;
  }
}

export class FlatInvoke {
  readonly #core: FlatCore;
  readonly #channels: FlatChannels;
  readonly #queries: FlatQueries;

  constructor(core: FlatCore, channels: FlatChannels, queries: FlatQueries) {
    this.#core = core;
    this.#channels = channels;
    this.#queries = queries;
  }

  run(func: unknown, reqJSON: unknown, callID: unknown): void {
    const id = callID === undefined || callID === null ? '' : legacyString(callID);
    const full = legacyString(func ?? '');
    const name = full.startsWith(INVOKE_PREFIX) ? full.slice(INVOKE_PREFIX.length) : full;
    noteNamedUse('invoke', name);
    const reply = (err: string, fields: Fields): void => this.#core.fire('onInvokeRet', id, err, JSON.stringify(fields));
    const fail = (err: string, reason: string): void => reply(err, { result: err, reason });
    const args = parseRequest(reqJSON);
    if (!Object.hasOwn(INVOKE_FUNCTIONS, name)) {
      this.#core.log.warn(`invoke: ${full} is not supported by resignal.`);
      later(() => reply(`unsupported function: ${name}`, { result: 'unsupported function', reason: `${full} is not a supported function` }));
      return;
    }
    if (!args) {
      later(() => fail('invalid_argument', 'reqJSON is not a JSON object'));
      return;
    }
    const client = this.#core.client();
    if (!client || !this.#core.loggedIn()) {
      later(() => fail('not_login', 'not logged in'));
      return;
    }
    Promise.resolve()
      .then(() => this.#call(name, args))
      .then(
        (fields) => reply('', { result: 'ok', ...fields }),
        (error: unknown) => {
          if (error instanceof UnsupportedInvoke || error instanceof FlatFailure) {
            this.#core.log.warn(`invoke ${full}: ${error.message}.`);
            fail('unsupported', error.message);
            return;
          }
          this.#core.log.debug(`invoke ${full} failed:`, error);
          fail(failureString(error), describeError(error));
        },
      );
  }

  async #call(name: string, args: Fields): Promise<Fields> {
    switch (name) {
      case 'channel_query_user_isin': {
        const [channel, account] = [str(args, 'name'), str(args, 'account')];
        return { name: channel, account, isin: (await this.#queries.members(channel)).includes(account) ? 1 : 0 };
      }
      case 'channel_query_userlist':
      case 'channel_query_userlist_all': {
        const channel = str(args, 'name');
        const limit = name === 'channel_query_userlist_all' ? Number(args['num'] ?? 1e6) : Infinity;
        const members = (await this.#queries.members(channel)).slice(0, Number.isFinite(limit) && limit >= 0 ? limit : undefined);
        return { name: channel, num: members.length, list: members.map((member) => [member, 0]) };
      }
      default: {
        const client = this.#core.client();
        const run = INVOKE_FUNCTIONS[name];
        if (!client || !run) throw notLoggedIn();
        const fields = await run({ client, host: invokeHost(this.#core) }, args);
        this.#ownChange(name, args);
        return fields;
      }
    }
  }

  #ownChange(name: string, args: Fields): void {
    const channel = this.#channels.get(str(args, 'channel'));
    if (!channel) return;
    const change: AttributeChange | null =
      name === 'channel_set_attr'
        ? { type: 'update', name: str(args, 'name'), value: legacyMessage(args['value'] ?? '') }
        : name === 'channel_del_attr'
          ? { type: 'del', name: str(args, 'name'), value: '' }
          : name === 'channel_clear_attr'
            ? { type: 'clear', name: '', value: '' }
            : null;
    if (change) channel.applyOwnChange(change);
  }
}
