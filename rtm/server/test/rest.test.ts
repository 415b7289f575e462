import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../index.js';
import { OTHER_APP_ID, TEST_APP_ID, text } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

const SECRET = 'rest-secret-0123456789';
const OTHER_SECRET = 'other-secret-0123456789';
const basic = (appId: string, secret: string): string => `Basic ${Buffer.from(`${appId}:${secret}`).toString('base64')}`;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(server: RunningServer, method: string, path: string, body?: unknown, auth = basic(TEST_APP_ID, SECRET), appId = TEST_APP_ID): Promise<Answer> {
  const response = await fetch(`${server.url}/dev/v2/project/${appId}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const RANGE = { start_time: '2020-01-01T00:00:00Z', end_time: '2100-01-01T00:00:00Z' };

describe('REST API', () => {
  const h = useServers(ENGINES[0]!);
  const start = (options: Parameters<typeof h.start>[0] = {}) =>
    h.start({ restSecrets: { [TEST_APP_ID]: SECRET, [OTHER_APP_ID]: OTHER_SECRET }, ...options });

  it('rejects missing, wrong and other-app credentials with 401 UNAUTHORIZED', async () => {
    const server = await start();
    const send = { destination: 'b', payload: 'x' };
    for (const auth of ['', 'Basic', basic(TEST_APP_ID, 'wrong'), basic(OTHER_APP_ID, OTHER_SECRET), 'Bearer wrong', basic(TEST_APP_ID, '')]) {
      const answer = await call(server, 'POST', '/rtm/users/a/peer_messages', send, auth);
      expect(answer.status, auth).toBe(401);
      expect(answer.body).toMatchObject({ result: 'failure', code: 'UNAUTHORIZED' });
    }
    // An app without a secret has no REST access; malformed App IDs too.
    const unknown = 'a'.repeat(32);
    expect((await call(server, 'GET', '/rtm/vendor/user_events', undefined, basic(unknown, SECRET), unknown)).status).toBe(401);
    expect((await call(server, 'GET', '/rtm/vendor/user_events', undefined, basic('bad', SECRET), 'bad')).status).toBe(401);
    expect((await call(server, 'GET', '/rtm/vendor/user_events', undefined, `Bearer ${SECRET}`)).status).toBe(200);
  });

  it('answers bad JSON with 400, bad fields with 400 codes, unknown paths with 404, oversized bodies with 413', async () => {
    const server = await start({ restLimits: { maxBodyBytes: 64 * 1024 } });
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages', '{"destination":')).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages', '[1]')).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages', { destination: 'null', payload: 'x' })).toMatchObject({ status: 400, body: { code: 'INVALID_USER_ID' } });
    expect(await call(server, 'POST', '/rtm/users/a%2Fb/peer_messages', { destination: 'b', payload: 'x' })).toMatchObject({ status: 400, body: { code: 'INVALID_USER_ID' } });
    expect(await call(server, 'POST', '/rtm/users/a%zz/peer_messages', { destination: 'b', payload: 'x' })).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages', { destination: 'b', payload: '' })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages', { destination: 'b', payload: 'x', enable_offline_messaging: 'yes' })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await call(server, 'POST', '/rtm/users/a/channel_messages', { channel_name: '', payload: 'x' })).toMatchObject({ status: 400, body: { code: 'INVALID_CHANNEL_ID' } });
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages', { destination: 'b', payload: 'x'.repeat(32 * 1024 + 1) })).toMatchObject({ status: 413, body: { code: 'MESSAGE_TOO_LARGE' } });
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages', { destination: 'b', payload: 'x'.repeat(70 * 1024) })).toMatchObject({ status: 413, body: { code: 'BODY_TOO_LARGE' } });
    // Chunked (no declared length): cut off while reading.
    const big = JSON.stringify({ destination: 'b', payload: 'x'.repeat(70 * 1024) });
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/dev/v2/project/${TEST_APP_ID}/rtm/users/a/peer_messages`, {
      method: 'POST',
      headers: { authorization: basic(TEST_APP_ID, SECRET) },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(await call(server, 'GET', '/rtm/nothing/here')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await call(server, 'GET', '/rtm/users/a/peer_messages')).toMatchObject({ status: 405 });
    // The server is still fine.
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages', { destination: 'b', payload: 'x' })).toMatchObject({ status: 200, body: { code: 'message_sent' } });
  });

  it('rate-limits per App ID with 429 TOO_OFTEN (events: 10 per second by default)', async () => {
    let now = 1_000_000;
    const server = await start({ now: () => now });
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await call(server, 'GET', '/rtm/vendor/user_events'));
    expect(answers.slice(0, 10).every((a) => a.status === 200)).toBe(true);
    expect(answers[10]).toMatchObject({ status: 429, body: { code: 'TOO_OFTEN' } });
    // Another app has its own budget; the next second refills.
    expect((await call(server, 'GET', '/rtm/vendor/user_events', undefined, basic(OTHER_APP_ID, OTHER_SECRET), OTHER_APP_ID)).status).toBe(200);
    now += 1000;
    expect((await call(server, 'GET', '/rtm/vendor/user_events')).status).toBe(200);
  });

  it('peer messages: delivered to a logged-in client as from the user; wait_for_ack outcomes', async () => {
    const server = await start({ restLimits: { ackTimeoutMs: 300 } });
    const { client: b } = await h.login(server, 'b');
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages?wait_for_ack=true', { destination: 'b', payload: 'hi' })).toMatchObject({
      status: 200,
      body: { result: 'success', code: 'message_delivered' },
    });
    expect(await b.nextEvent('peer.msg')).toMatchObject({ from: 'a', msg: { type: 'TEXT', text: 'hi' } });
    expect((await call(server, 'POST', '/rtm/users/a/peer_messages?wait_for_ack=true', { destination: 'nobody', payload: 'x' })).body['code']).toBe('message_offline');
    expect((await call(server, 'POST', '/rtm/users/a/peer_messages', { destination: 'nobody', payload: 'x' })).body['code']).toBe('message_sent');
    await h.login(server, 'mute', { autoAck: false });
    expect(await call(server, 'POST', '/rtm/users/a/peer_messages?wait_for_ack=true', { destination: 'mute', payload: 'x' })).toMatchObject({ status: 408, body: { code: 'TIMEOUT' } });
  });

  it('offline peer messages sent over REST are stored and delivered at the next login', async () => {
    const server = await start();
    expect((await call(server, 'POST', '/rtm/users/a/peer_messages?wait_for_ack=true', { destination: 'later', payload: 'kept', enable_offline_messaging: true })).body['code']).toBe('message_offline');
    const { client } = await h.login(server, 'later');
    expect(await client.nextEvent('peer.msg')).toMatchObject({ from: 'a', offline: true, msg: { type: 'TEXT', text: 'kept' } });
  });

  it('channel messages reach every member without the sender joining', async () => {
    const server = await start();
    const { client: m } = await h.login(server, 'member');
    await m.request('ch.join', { ch: 'room' });
    expect((await call(server, 'POST', '/rtm/users/outsider/channel_messages', { channel_name: 'room', payload: 'forced' })).body['code']).toBe('message_sent');
    expect(await m.nextEvent('ch.msg')).toMatchObject({ ch: 'room', from: 'outsider', msg: { type: 'TEXT', text: 'forced' } });
  });

  it('history: only flagged text messages, filters, order, paging, count, handle expiry', async () => {
    let now = Date.UTC(2026, 0, 1, 12);
    const server = await start({ now: () => now, restLimits: { queryTtlMs: 60_000 } });
    const { client: a } = await h.login(server, 'a');
    const { client: b } = await h.login(server, 'b');
    await a.request('ch.join', { ch: 'room' });
    await b.request('ch.join', { ch: 'room' });
    await a.request('peer.send', { to: 'b', msg: text('p1'), history: true });
    now += 1000;
    await a.request('peer.send', { to: 'b', msg: text('not kept') });
    await a.request('peer.send', { to: 'b', msg: { type: 'RAW', description: 'raw', data: new Uint8Array([1]) }, history: true });
    await a.request('ch.send', { ch: 'room', msg: text('c1'), history: true });
    now += 1000;
    await b.request('peer.send', { to: 'a', msg: text('p2'), history: true });
    await call(server, 'POST', '/rtm/users/rest/channel_messages', { channel_name: 'room', payload: 'c2', enable_historical_messaging: true });

    const query = async (filter: object, extra: object = {}) => {
      const created = await call(server, 'POST', '/rtm/message/history/query', { filter: { ...RANGE, ...filter }, ...extra });
      expect(created.status).toBe(200);
      const handle = String(created.body['location']).split('/').pop();
      const fetched = await call(server, 'GET', `/rtm/message/history/query/${handle}`);
      expect(fetched.body['code']).toBe('ok');
      return (fetched.body['messages'] as { payload: string }[]).map((m) => m.payload);
    };
    expect(await query({ source: 'a' })).toEqual(['p1', 'c1']);
    expect(await query({ destination: 'b' })).toEqual(['p1', 'c1', 'c2']);
    expect(await query({ destination: 'room' })).toEqual(['c1', 'c2']);
    expect(await query({ source: 'a', destination: 'b' })).toEqual(['p1']);
    expect(await query({ destination: 'room' }, { order: 'desc', limit: 20, offset: 1 })).toEqual(['c1']);
    const full = await call(server, 'POST', '/rtm/message/history/query', { filter: { ...RANGE, destination: 'b' } });
    const handle = String(full.body['location']).split('/').pop();
    const fetched = await call(server, 'GET', `/rtm/message/history/query/${handle}`);
    expect((fetched.body['messages'] as object[])[0]).toEqual({ src: 'a', dst: 'b', message_type: 'peer_message', payload: 'p1', ms: Date.UTC(2026, 0, 1, 12) });
    const count = await call(server, 'GET', `/rtm/message/history/count?destination=room&start_time=${RANGE.start_time}&end_time=${RANGE.end_time}`);
    expect(count.body).toMatchObject({ code: 'ok', count: 2 });

    expect(await call(server, 'POST', '/rtm/message/history/query', { filter: RANGE })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await call(server, 'POST', '/rtm/message/history/query', { filter: { ...RANGE, source: 'a' }, limit: 30 })).toMatchObject({ status: 400 });
    expect(await call(server, 'POST', '/rtm/message/history/query', { filter: { source: 'a', start_time: '2020-01-01', end_time: RANGE.end_time } })).toMatchObject({ status: 400 });
    expect(await call(server, 'GET', '/rtm/message/history/query/unknown')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    // Another app cannot read the handle.
    expect((await call(server, 'GET', `/rtm/message/history/query/${handle}`, undefined, basic(OTHER_APP_ID, OTHER_SECRET), OTHER_APP_ID)).status).toBe(404);
    now += 61_000;
    expect(await call(server, 'GET', `/rtm/message/history/query/${handle}`)).toMatchObject({ status: 410, body: { code: 'EXPIRED' } });
    // Kept 7 days.
    now += 7 * 24 * 3600 * 1000;
    expect((await call(server, 'GET', `/rtm/message/history/count?source=a&start_time=${RANGE.start_time}&end_time=${RANGE.end_time}`)).body['count']).toBe(0);
  });

  it('user and channel events are recorded by the hub, returned once, per app', async () => {
    const server = await start();
    const { client: a } = await h.login(server, 'a');
    await a.request('ch.join', { ch: 'room' });
    await a.request('ch.leave', { ch: 'room' });
    await a.request('logout', {});
    await expect
      .poll(async () => ((await call(server, 'GET', '/rtm/vendor/user_events')).body['events'] as { user_id: string; type: string }[]).map((e) => `${e.user_id}:${e.type}`), { timeout: 3000 })
      .toEqual(['a:Login', 'a:Logout']);
    expect((await call(server, 'GET', '/rtm/vendor/user_events')).body['events']).toEqual([]);
    const channel = (await call(server, 'GET', '/rtm/vendor/channel_events')).body['events'] as { channel_id: string; user_id: string; type: string }[];
    expect(channel.map((e) => `${e.channel_id}:${e.user_id}:${e.type}`)).toEqual(['room:a:Join', 'room:a:Leave']);
    expect((await call(server, 'GET', '/rtm/vendor/user_events', undefined, basic(OTHER_APP_ID, OTHER_SECRET), OTHER_APP_ID)).body['events']).toEqual([]);
  });

  it('online status and member counts (resignal extensions)', async () => {
    const server = await start();
    const { client: a } = await h.login(server, 'a');
    await a.request('ch.join', { ch: 'room' });
    expect((await call(server, 'GET', '/rtm/users/online_status?user_id=a&user_id=z')).body['online']).toEqual({ a: true, z: false });
    expect((await call(server, 'GET', '/rtm/channels/member_count?channel_id=room&channel_id=none')).body['counts']).toEqual({ room: 1, none: 0 });
    expect((await call(server, 'GET', '/rtm/users/online_status')).status).toBe(400);
    const many = Array.from({ length: 33 }, (_, i) => `channel_id=c${i}`).join('&');
    expect(await call(server, 'GET', `/rtm/channels/member_count?${many}`)).toMatchObject({ status: 400, body: { code: 'LIMIT_EXCEEDED' } });
  });
});
