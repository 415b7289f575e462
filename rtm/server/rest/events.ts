import type { Endpoint } from './context.js';

/**
 * §9.4 `GET /rtm/vendor/user_events`: Login / Logout events, oldest first, at most 1 000 per call; returned
 * events are removed. Both field spellings of the RTM docs are given (`ts` and `ms`).
 */
export const userEvents: Endpoint = {
  method: 'GET',
  pattern: ['rtm', 'vendor', 'user_events'],
  rate: 'events',
  async run(call) {
    const events = await call.deps.store.takeUserEvents(call.appId);
    return { events: events.map((e) => ({ user_id: e.uid, type: e.type, ts: e.ms, ms: e.ms })) };
  },
};

/** §9.5 `GET /rtm/vendor/channel_events`: Join / Leave events (`channel_id` and its newer name `group_id`). */
export const channelEvents: Endpoint = {
  method: 'GET',
  pattern: ['rtm', 'vendor', 'channel_events'],
  rate: 'events',
  async run(call) {
    const events = await call.deps.store.takeChannelEvents(call.appId);
    return {
      events: events.map((e) => ({ channel_id: e.channel, group_id: e.channel, user_id: e.uid, type: e.type, ts: e.ms, ms: e.ms })),
    };
  },
};
