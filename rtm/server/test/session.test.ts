import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../protocol/errors.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { OTHER_APP_ID, TEST_APP_ID, sleep, text } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

describe.each(ENGINES)('sessions ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('serves /healthz and JSON 404s, and accepts extra routes', async () => {
    const server = await h.start();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', engine: engineCase.name, connections: 0, sessions: 0 });
    expect(typeof body['version']).toBe('string');
    expect(typeof body['uptimeS']).toBe('number');

    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');

    server.addRoute({ method: 'GET', path: '/extra', handle: (_req, res) => void res.end('hi') });
    expect(await (await fetch(`${server.url}/extra`)).text()).toBe('hi');
  });

  it('logs in with and without the subprotocol', async () => {
    const server = await h.start();
    const { client: alice, reply } = await h.login(server, 'alice');
    expect(alice.ws.protocol).toBe('resignal.rtm.v1');
    expect(reply.resumed).toBe(false);
    expect(typeof reply.session).toBe('string');
    expect(reply.session.length).toBeGreaterThanOrEqual(32);
    expect(typeof reply.serverTime).toBe('number');
    expect(reply.heartbeatMs).toBe(5000);
    const raw = await h.login(server, 'bob', { noSubprotocol: true });
    expect(raw.client.ws.protocol).toBe('');
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { sessions: number };
    expect(health.sessions).toBe(2);
  });

  it('rejects bad logins with typed codes', async () => {
    const server = await h.start();
    const c = await h.connect(server);
    const base = { v: PROTOCOL_VERSION, appId: TEST_APP_ID, uid: 'u1', instance: 'i' };
    expect(await c.errorCode('login', { ...base, v: 99 })).toBe('UNSUPPORTED_VERSION');
    expect(await c.errorCode('login', { ...base, appId: 'short' })).toBe('INVALID_APP_ID');
    expect(await c.errorCode('login', { ...base, uid: 'null' })).toBe('INVALID_USER_ID');
    expect(await c.errorCode('login', { ...base, uid: 'a/b' })).toBe('INVALID_USER_ID');
    expect(await c.errorCode('login', { ...base, uid: 'x'.repeat(65) })).toBe('INVALID_USER_ID');
    expect(await c.errorCode('login', base)).toBeNull();
    expect(await c.errorCode('login', base)).toBe('ALREADY_LOGGED_IN');
  });

  it('answers NOT_LOGGED_IN before login but pongs pings', async () => {
    const server = await h.start();
    const c = await h.connect(server);
    expect(await c.errorCode('ch.join', { ch: 'room' })).toBe('NOT_LOGGED_IN');
    expect(await c.errorCode('peer.send', { to: 'x', msg: text('hi') })).toBe('NOT_LOGGED_IN');
    c.send({ t: 'ping' });
    const pong = await c.nextEvent('pong');
    expect(typeof pong.ts).toBe('number');
  });

  it('refuses a request id that is still pending', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    await h.login(server, 'b', { autoAck: false });
    a.send({ t: 'peer.send', id: 42, to: 'b', msg: text('1') });
    a.send({ t: 'peer.send', id: 42, to: 'b', msg: text('2') });
    expect(await a.next((f) => f.t === 'err' && f.id === 42)).toMatchObject({ code: 'DUPLICATE_REQUEST' });
    expect(await a.next((f) => f.t === 'res' && f.id === 42)).toMatchObject({ data: { delivered: false } });
  });

  it('kicks the older session of the same uid without an OFFLINE', async () => {
    const server = await h.start();
    const { client: old } = await h.login(server, 'u1');
    const { client: watcher } = await h.login(server, 'w');
    await old.request('ch.join', { ch: 'room' });
    await watcher.request('ch.join', { ch: 'room' });
    expect((await watcher.request('status.sub', { uids: ['u1'] })).states).toEqual({ u1: 'ONLINE' });
    watcher.drop();

    const { client: fresh } = await h.login(server, 'u1');
    expect(await old.nextEvent('kick')).toMatchObject({ reason: 'REMOTE_LOGIN' });
    expect((await old.closed).code).toBe(CLOSE_CODES.REMOTE_LOGIN);
    expect(await watcher.nextEvent('ch.member')).toMatchObject({ ch: 'room', uid: 'u1', joined: false });
    const statuses = await watcher.collect((f) => f.t === 'status', 150);
    expect(statuses).toEqual([]);
    expect((await watcher.request('status.query', { uids: ['u1'] })).online).toEqual({ u1: true });
    expect(await fresh.errorCode('ch.send', { ch: 'room', msg: text('x') })).toBe('NOT_IN_CHANNEL');
  });

  it('logout leaves channels, tells watchers OFFLINE and closes with 4008', async () => {
    const server = await h.start();
    const { client: u } = await h.login(server, 'u');
    const { client: w } = await h.login(server, 'w');
    await u.request('ch.join', { ch: 'room' });
    await w.request('ch.join', { ch: 'room' });
    await w.request('status.sub', { uids: ['u'] });
    expect(await u.request('logout', {})).toEqual({});
    expect((await u.closed).code).toBe(CLOSE_CODES.LOGGED_OUT);
    expect(await w.nextEvent('ch.member', (f) => !f.joined)).toMatchObject({ uid: 'u' });
    expect(await w.nextEvent('status')).toEqual({ t: 'status', uid: 'u', state: 'OFFLINE' });
    expect((await w.request('ch.members', { ch: 'room' })).members).toEqual(['w']);
  });

  it('keeps apps isolated', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'same');
    const { client: b } = await h.login(server, 'same', { appId: OTHER_APP_ID });
    await a.request('ch.join', { ch: 'room' });
    expect((await b.request('ch.join', { ch: 'room' })).count).toBe(1);
    expect((await b.request('status.query', { uids: ['same', 'nobody'] })).online).toEqual({ same: true, nobody: false });
    expect((await a.collect((f) => f.t === 'kick' || f.t === 'ch.member', 100)).length).toBe(0);
    expect((await b.request('ch.members', { ch: 'room' })).members).toEqual(['same']);
  });

  it('closes a connection that does not log in in time (4001)', async () => {
    const server = await h.start({ loginTimeoutMs: 150 });
    const c = await h.connect(server);
    expect((await c.closed).code).toBe(CLOSE_CODES.LOGIN_TIMEOUT);
  });

  it('closes a silent connection that does not answer pings (4006) but keeps a quiet healthy one', async () => {
    const server = await h.start({ heartbeatMs: 80 });
    const { client: healthy } = await h.login(server, 'healthy');
    const { client: deaf } = await h.login(server, 'deaf', { ws: { autoPong: false } });
    expect((await deaf.closed).code).toBe(CLOSE_CODES.HEARTBEAT_TIMEOUT);
    await sleep(200);
    expect(healthy.closeStatus).toBeNull();
  });

  it('close() closes sockets with 1001 and can be repeated for many servers', async () => {
    for (let i = 0; i < 5; i++) {
      const server = await h.start();
      const { client } = await h.login(server, `u${i}`);
      await client.request('ch.join', { ch: 'room' });
      await server.close();
      expect((await client.closed).code).toBe(CLOSE_CODES.GOING_AWAY);
    }
  });
});
