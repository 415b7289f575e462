import { LIMITS } from '../../protocol/limits.js';
import type { Endpoint } from './context.js';
import { idList } from './fields.js';

/** resignal extension: `GET /rtm/users/online_status?user_id=a&user_id=b` (1–256); a user in its presence grace counts as online. */
export const onlineStatus: Endpoint = {
  method: 'GET',
  pattern: ['rtm', 'users', 'online_status'],
  rate: 'queries',
  async run(call) {
    const uids = idList(call.query, 'user_id', LIMITS.queryPeersMax);
    const states = await call.deps.hub.engine.getPresence(call.appId, uids);
    return { online: Object.fromEntries(uids.map((uid, i) => [uid, states[i] !== undefined && states[i] !== 'OFFLINE'])) };
  },
};

/** resignal extension: `GET /rtm/channels/member_count?channel_id=a&channel_id=b` (1–32); unknown channels count 0. */
export const memberCount: Endpoint = {
  method: 'GET',
  pattern: ['rtm', 'channels', 'member_count'],
  rate: 'queries',
  async run(call) {
    const chs = idList(call.query, 'channel_id', LIMITS.channelCountQueryMax);
    const counts = await call.deps.hub.engine.countMembers(call.appId, chs);
    return { counts: Object.fromEntries(chs.map((ch, i) => [ch, counts[i] ?? 0])) };
  },
};
