import type { PeerMessageFrame } from '../hub/offline.js';
import { keepHistory } from '../hub/history.js';
import { RestError } from './errors.js';
import type { Endpoint, RestCall } from './context.js';
import { channelId, optionalBoolean, payload, userId } from './fields.js';

/**
 * §9.1 `POST /rtm/users/<user_id>/peer_messages[?wait_for_ack=true]`: a TEXT peer message from `user_id` (who
 * need not be logged in). Without `wait_for_ack` the answer is `message_sent` once routed; with it,
 * `message_delivered` after the receiver's ack, `message_offline` when it is not connected (or in its presence
 * grace), 408 `TIMEOUT` when it does not ack in time.
 */
export const peerMessages: Endpoint = {
  method: 'POST',
  pattern: ['rtm', 'users', '*', 'peer_messages'],
  rate: 'messages',
  async run(call: RestCall) {
    const { hub, options } = call.deps;
    const from = userId(call.params[0], 'The sender user_id');
    const waitParam = call.query.get('wait_for_ack');
    if (waitParam !== null && waitParam !== 'true' && waitParam !== 'false') {
      throw new RestError(400, 'INVALID_ARGUMENT', '"wait_for_ack" must be true or false.');
    }
    const wait = waitParam === 'true';
    const body = await call.body();
    const to = userId(body['destination'], '"destination"');
    const offline = optionalBoolean(body, 'enable_offline_messaging');
    const history = optionalBoolean(body, 'enable_historical_messaging');
    const text = payload(body);
    const ts = options.now();
    const frame: PeerMessageFrame = { t: 'peer.msg', mid: crypto.randomUUID(), from, ts, msg: { type: 'TEXT', text } };
    if (history) await keepHistory(hub, options, { appId: call.appId, kind: 'peer', mid: frame.mid, from, to, ts, msg: frame.msg });
    if (offline) {
      const [state = 'OFFLINE'] = await hub.engine.getPresence(call.appId, [to]);
      if (state !== 'ONLINE') {
        const stored: PeerMessageFrame = { ...frame, offline: true };
        await hub.offline.keep(call.appId, to, stored);
        if (state === 'UNREACHABLE') void routed(call, to, stored);
        return { code: wait ? 'message_offline' : 'message_sent' };
      }
    }
    const outcome = routed(call, to, frame);
    if (!wait) return { code: 'message_sent' };
    switch (await outcome) {
      case 'delivered':
        return { code: 'message_delivered' };
      case 'timeout':
        throw new RestError(408, 'TIMEOUT', 'The receiver did not acknowledge the message in time.');
      default:
        return { code: 'message_offline' };
    }
  },
};

/** Routes a peer message; never rejects (a routing failure is logged and reported as "offline"). */
function routed(call: RestCall, to: string, frame: PeerMessageFrame): Promise<'delivered' | 'queued' | 'timeout' | null> {
  const { hub, options } = call.deps;
  return hub.sendAsServer(call.appId, to, frame, options.restLimits.ackTimeoutMs).catch((error: unknown) => {
    options.logger.error('REST peer message routing failed', error);
    return null;
  });
}

/**
 * §9.2 `POST /rtm/users/<user_id>/channel_messages`: a TEXT channel message from `user_id`, who need not be a
 * member (the legacy "forced channel send"). Every member receives it, `user_id` included if it is a member.
 */
export const channelMessages: Endpoint = {
  method: 'POST',
  pattern: ['rtm', 'users', '*', 'channel_messages'],
  rate: 'messages',
  async run(call: RestCall) {
    const { hub, options } = call.deps;
    const from = userId(call.params[0], 'The sender user_id');
    const body = await call.body();
    const ch = channelId(body['channel_name'], '"channel_name"');
    const history = optionalBoolean(body, 'enable_historical_messaging');
    const text = payload(body);
    const ts = options.now();
    const mid = crypto.randomUUID();
    const msg = { type: 'TEXT' as const, text };
    hub.engine.publishToChannel(ch, { k: 'ch.msg', appId: call.appId, frame: { t: 'ch.msg', ch, mid, from, ts, msg }, exceptSid: '' });
    if (history) await keepHistory(hub, options, { appId: call.appId, kind: 'channel', mid, from, to: ch, ts, msg });
    return { code: 'message_sent' };
  },
};
