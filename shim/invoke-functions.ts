/**
 * The `io.agora.signal.*` functions of the Web SDK's `invoke` (legacy-signaling.md §6), each on the RTM client API.
 * A function resolves the result fields (without `result: 'ok'`) or rejects; `UnsupportedInvoke` means the
 * client or RTM 1.x itself lacks what the function needs.
 */
import type { AttributeChange } from './attributes.js';
import type { ChannelHost } from './channel.js';
import type { RtmClientLike } from './rtm-types.js';
import { legacyMessage, legacyString } from './text.js';

export class UnsupportedInvoke extends Error {
  override readonly name = 'UnsupportedInvoke';
}

export interface InvokeEnv {
  client: RtmClientLike;
  host: ChannelHost;
}

type InvokeFunction = (env: InvokeEnv, args: Record<string, unknown>) => Promise<Record<string, unknown>>;

const NOTIFY = { enableNotificationToChannelMembers: true } as const;

function method<K extends keyof RtmClientLike>(client: RtmClientLike, name: K): NonNullable<RtmClientLike[K]> {
  const value = client[name];
  if (typeof value !== 'function') throw new UnsupportedInvoke(`this RTM client has no ${String(name)}()`);
  return (value as (...args: unknown[]) => unknown).bind(client) as NonNullable<RtmClientLike[K]>;
}

const str = (args: Record<string, unknown>, key: string): string => legacyString(args[key] ?? '');

/** Members of a channel: RTM 1.x lists them only for a channel the client has joined. */
async function membersOf(host: ChannelHost, name: string): Promise<string[]> {
  const channel = host.currentChannel();
  const members = channel && channel.channelId === name ? await channel.members() : null;
  if (!members) throw new UnsupportedInvoke(`the member list of "${name}" needs this session to have joined it (RTM 1.x has no query for other channels)`);
  return members;
}

function ownChange(host: ChannelHost, channel: string, change: AttributeChange): void {
  const current = host.currentChannel();
  if (current && current.channelId === channel) current.applyOwnChange(change);
}

export const INVOKE_FUNCTIONS: Readonly<Record<string, InvokeFunction>> = {
  async user_query_user_status({ client }, args) {
    const account = str(args, 'account');
    const online = await client.queryPeersOnlineStatus([account]);
    return { account, status: online[account] ? 1 : 0 };
  },

  async user_set_attr({ client }, args) {
    const name = str(args, 'name');
    const value = args['value'];
    if (value === undefined || value === null || value === '') await method(client, 'deleteLocalUserAttributesByKeys')([name]);
    else await method(client, 'addOrUpdateLocalUserAttributes')({ [name]: legacyMessage(value) });
    return {};
  },

  async user_get_attr({ client }, args) {
    const account = str(args, 'account');
    const name = str(args, 'name');
    const attributes = await method(client, 'getUserAttributesByKeys')(account, [name]);
    return { account, name, value: attributes[name] ?? '' };
  },

  async user_get_attr_all({ client }, args) {
    const account = str(args, 'account');
    const json = JSON.stringify(await method(client, 'getUserAttributes')(account));
    return { account, json, value: json };
  },

  async channel_query_num({ client }, args) {
    const name = str(args, 'name');
    const counts = await method(client, 'getChannelMemberCount')([name]);
    return { name, num: counts[name] ?? 0 };
  },

  async channel_query_user_isin({ host }, args) {
    const name = str(args, 'name');
    const account = str(args, 'account');
    const members = await membersOf(host, name);
    return { name, account, isin: members.includes(account) ? 1 : 0 };
  },

  async channel_query_userlist({ host }, args) {
    const name = str(args, 'name');
    const members = await membersOf(host, name);
    return { name, num: members.length, list: members.map((member) => [member, 0]) };
  },

  async channel_query_userlist_all({ host }, args) {
    const name = str(args, 'name');
    const limit = Number(args['num'] ?? 1e6);
    const members = (await membersOf(host, name)).slice(0, Number.isFinite(limit) && limit >= 0 ? limit : undefined);
    return { name, num: members.length, list: members.map((member) => [member, 0]) };
  },

  async channel_set_attr({ client, host }, args) {
    const channel = str(args, 'channel');
    const name = str(args, 'name');
    const value = legacyMessage(args['value'] ?? '');
    await method(client, 'addOrUpdateChannelAttributes')(channel, { [name]: value }, NOTIFY);
    ownChange(host, channel, { type: 'update', name, value });
    return {};
  },

  async channel_del_attr({ client, host }, args) {
    const channel = str(args, 'channel');
    const name = str(args, 'name');
    await method(client, 'deleteChannelAttributesByKeys')(channel, [name], NOTIFY);
    ownChange(host, channel, { type: 'del', name, value: '' });
    return {};
  },

  async channel_clear_attr({ client, host }, args) {
    const channel = str(args, 'channel');
    await method(client, 'clearChannelAttributes')(channel, NOTIFY);
    ownChange(host, channel, { type: 'clear', name: '', value: '' });
    return {};
  },
};
