/**
 * Hostile clients over raw WebSockets on loopback. Each offender must be answered with a documented code or
 * closed with a documented close code, and a well-behaved pair must keep every acknowledged message exactly
 * once while it happens. Latency is measured and reported; a bound is asserted only in the full run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, type WireErrorCode } from '../../rtm/protocol/errors.js';
import { REQUEST_TYPES, type RequestType } from '../../rtm/protocol/frames.js';
import { LIMITS } from '../../rtm/protocol/limits.js';
import { PROTOCOL_VERSION } from '../../rtm/protocol/version.js';
import { ENGINES, useServers } from '../../rtm/server/test/harness.js';
import { RawClient, ReplyError, TEST_APP_ID, text } from '../../rtm/server/test-utils.js';
import { waitUntil } from '../events.js';
import { Figures } from './figures.js';
import { FULL, budgetMs, sized } from './scale.js';
import { round } from './stats.js';
import { captureLogger } from './support/capture-logger.js';
import { startFreezeProxy } from './support/freeze-proxy.js';
import { WellBehavedPair } from './support/pair.js';
import { SilentClient } from './support/silent-client.js';

const figures = new Figures('hostile');
afterAll(() => figures.write());

/**
 * The close code each offender must get (docs/errors.md). A slow consumer that still does not read when the
 * server gives up on the close handshake (closeGraceMs) never sees its close frame: its socket is destroyed (1006).
 */
const EXPECTED_CLOSE: Record<string, number[]> = {
  garbage: [CLOSE_CODES.TOO_MANY_ERRORS],
  flood: [CLOSE_CODES.FLOODING],
  oversized: [CLOSE_CODES.MESSAGE_TOO_BIG],
  // A socket that does not read does not answer pings either: whichever limit trips first.
  slow: [CLOSE_CODES.SLOW_CONSUMER, CLOSE_CODES.HEARTBEAT_TIMEOUT, 1006],
};

async function codeOf(promise: Promise<unknown>): Promise<WireErrorCode | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof ReplyError) return error.code;
    throw error;
  }
}

describe('hostile clients', () => {
  const h = useServers(ENGINES[0]!);

  it('refuses every request before login with NOT_LOGGED_IN and its id, and the connection can still log in', async () => {
    const logger = captureLogger();
    const server = await h.start({ log: 'warn', logger });
    const c = await h.connect(server);
    const params: Partial<Record<RequestType, object>> = {
      'peer.send': { to: 'x', msg: text('x') },
      'call.send': { to: 'x', signal: { kind: 'invite', callId: 'c', channel: '', extra: '' } },
      'ch.join': { ch: 'x' },
      'ch.leave': { ch: 'x' },
      'ch.send': { ch: 'x', msg: text('x') },
      'ch.members': { ch: 'x' },
      'ch.count': { chs: ['x'] },
      'status.query': { uids: ['x'] },
      'status.sub': { uids: ['x'] },
      'status.unsub': { uids: ['x'] },
      'token.renew': { token: 'x' },
      'uattr.write': { op: 'clear' },
      'uattr.get': { uid: 'x' },
      'cattr.write': { ch: 'x', op: 'clear' },
      'cattr.get': { ch: 'x' },
      'meta.write': { op: 'clear', items: [], major: -1 },
      'meta.get': { uid: 'x' },
      'meta.sub': { uid: 'x' },
      'meta.unsub': { uid: 'x' },
    };
    const types = REQUEST_TYPES.filter((t) => t !== 'login');
    const codes = await Promise.all(types.map((t) => codeOf(c.request(t, (params[t] ?? {}) as never))));
    expect(Object.fromEntries(types.map((t, i) => [t, codes[i]]))).toEqual(Object.fromEntries(types.map((t) => [t, 'NOT_LOGGED_IN'])));
    c.send({ t: 'peer.ack', mid: 'forged' });
    c.send({ t: 'ping' });
    expect(await c.nextEvent('pong')).toMatchObject({ t: 'pong' });
    expect(await codeOf(c.request('login', { v: PROTOCOL_VERSION, appId: TEST_APP_ID, uid: 'late', instance: 'i' }))).toBe('ok');
    expect(logger.errors).toEqual([]);
    figures.add('scenarios', 1);
    figures.set('requestTypesRefusedBeforeLogin', types.length);
  });

  it('refuses a request id reused while pending, accepts it again once answered, and ignores forged acks', async () => {
    const server = await h.start({ peerAckTimeoutMs: 400 });
    const { client: alice } = await h.login(server, 'alice');
    const { client: bob } = await h.login(server, 'bob', { autoAck: false });
    const { client: eve } = await h.login(server, 'eve');
    // Sent raw so the test client keeps no reply slot of its own for id 7: both replies land in its event queue.
    alice.send({ t: 'peer.send', id: 7, to: 'bob', msg: text('first') });
    const delivered = await bob.nextEvent('peer.msg');
    alice.send({ t: 'ch.join', id: 7, ch: 'room' });
    expect(await alice.next((f) => f.t === 'err' && f.id === 7)).toMatchObject({ code: 'DUPLICATE_REQUEST' });
    // eve learned the mid (e.g. by sniffing) and acks it; so does alice: only bob's own ack may complete the send.
    eve.send({ t: 'peer.ack', mid: delivered.mid });
    alice.send({ t: 'peer.ack', mid: delivered.mid });
    expect(await alice.next((f) => f.t === 'res' && f.id === 7)).toMatchObject({ data: { delivered: false } });
    expect(await codeOf(alice.request('ch.join', { ch: 'room' }, 7))).toBe('ok');
    // Forged ids: not a safe non-negative integer → BAD_FRAME.
    for (const id of ['-1', '1.5', '9007199254740993', '"7"', 'null']) {
      alice.sendRaw(`{"t":"ch.join","id":${id},"ch":"room"}`);
      expect(await alice.next((f) => f.t === 'err')).toMatchObject({ code: 'BAD_FRAME' });
    }
    // Server-only frame types from a client are unknown frames, not replies.
    alice.sendRaw('{"t":"res","id":3,"data":{}}');
    expect(await alice.next((f) => f.t === 'err')).toMatchObject({ code: 'UNKNOWN_FRAME_TYPE' });
    figures.add('scenarios', 1);
  });

  it('stops every flood at its documented limit and leaves the well-behaved pair untouched', async () => {
    const logger = captureLogger();
    // Windows stretched to a minute: the counts are exact even when a loaded machine makes a burst slow.
    const minute = 60_000;
    const server = await h.start({
      log: 'warn',
      logger,
      rateLimits: {
        maxFramesPerSecond: 2000,
        messageWindowMs: minute,
        joinSameChannelWindowMs: minute,
        joinAnyChannelWindowMs: minute,
        userAttrWriteWindowMs: minute,
        userAttrReadWindowMs: minute,
        channelAttrWriteWindowMs: minute,
        channelAttrReadWindowMs: minute,
        metadataWriteWindowMs: minute,
        metadataReadWindowMs: minute,
        renewTokenWindowMs: minute,
      },
    });
    const pair = await WellBehavedPair.open(server.url, 'good');
    const { client: f } = await h.login(server, 'flooder');
    await f.request('ch.join', { ch: 'flood' });

    const burst = async (count: number, call: () => Promise<unknown>): Promise<{ passed: number; tooOften: number }> => {
      const codes = await Promise.all(Array.from({ length: count }, () => codeOf(call())));
      return { passed: codes.filter((c) => c !== 'TOO_OFTEN').length, tooOften: codes.filter((c) => c === 'TOO_OFTEN').length };
    };
    const limits = [
      ['messages (peer + channel)', LIMITS.messageRateCount, () => f.request('ch.send', { ch: 'flood', msg: text('x') })],
      ['user attribute writes', 10, () => f.request('uattr.write', { op: 'set', attrs: { k: 'v' } })],
      ['user attribute reads', 40, () => f.request('uattr.get', { uid: 'flooder' })],
      ['channel attribute writes', 10, () => f.request('cattr.write', { ch: 'flood', op: 'set', attrs: { k: 'v' } })],
      ['channel attribute reads', 10, () => f.request('cattr.get', { ch: 'flood' })],
      ['metadata writes', 10, () => f.request('meta.write', { op: 'set', items: [{ key: 'k', value: 'v', rev: -1 }], major: -1 })],
      ['metadata reads', 20, () => f.request('meta.get', { uid: 'flooder' })],
      ['token renewals', 2, () => f.request('token.renew', { token: 'x' })],
    ] as const;
    // At most 180 sends: the message window is a minute here, and the pair must stay under its own limit.
    const pairRun = pair.run(sized(100, 170), 2);
    pairRun.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    const results: Record<string, { passed: number; tooOften: number }> = {};
    for (const [name, limit, call] of limits) {
      results[name] = await burst(limit + 20, call);
      expect(results[name], name).toEqual({ passed: limit, tooOften: 20 });
    }
    // Joins: the same channel twice per 5 s; any channel 50 per 3 s.
    await f.request('ch.leave', { ch: 'flood' });
    expect(await codeOf(f.request('ch.join', { ch: 'flood' }))).toBe('ok');
    await f.request('ch.leave', { ch: 'flood' });
    expect(await codeOf(f.request('ch.join', { ch: 'flood' }))).toBe('TOO_OFTEN'); // third join of "flood" in 5 s
    let joinsPassed = 0;
    for (let i = 0; i < 60; i++) {
      const code = await codeOf(f.request('ch.join', { ch: `j${i}` }));
      if (code === 'TOO_OFTEN') break;
      joinsPassed++;
      await f.request('ch.leave', { ch: `j${i}` });
    }
    expect(joinsPassed).toBe(50 - 2); // the two joins of "flood" count too
    // Frames: more than maxFramesPerSecond in one second closes the connection with 4009.
    for (let i = 0; i < 2500; i++) f.send({ t: 'ping' });
    expect((await f.closed).code).toBe(CLOSE_CODES.FLOODING);

    const run = await pairRun;
    expect(run.acknowledged).toBe(run.sent);
    await waitUntil(() => pair.received.length === pair.sentTexts().length, 5000, 'bob got every message');
    expect(pair.received).toEqual(pair.sentTexts());
    expect(logger.errors).toEqual([]);
    pair.close();
    figures.add('scenarios', 1);
    figures.set('rateLimitsChecked', [...limits.map(([name]) => name), 'joins same channel', 'joins any channel', 'frames per second (4009)']);
  });

  it('closes clients that stop answering pings (4006), including a half-open connection, and the session resumes', async () => {
    const server = await h.start({ heartbeatMs: 150, closeGraceMs: 300, presenceGraceMs: 3000 });
    const { client: watcher } = await h.login(server, 'watcher');
    await watcher.request('status.sub', { uids: ['silent', 'frozen'] });

    // 1. A raw TCP client that upgrades, logs in, then never sends another byte.
    const silent = await SilentClient.open(server.port);
    silent.sendText(JSON.stringify({ t: 'login', id: 1, v: 1, appId: TEST_APP_ID, uid: 'silent', instance: 's' }));
    expect(await watcher.nextEvent('status', (f) => f.uid === 'silent' && f.state === 'ONLINE', 3000)).toBeTruthy();
    const silentStarted = Date.now();
    expect(await watcher.nextEvent('status', (f) => f.uid === 'silent' && f.state === 'UNREACHABLE', 5000)).toBeTruthy();
    await silent.ended;
    const silentClosedMs = Date.now() - silentStarted;
    expect(silent.closeCode).toBe(CLOSE_CODES.HEARTBEAT_TIMEOUT);
    expect(silent.pings).toBeGreaterThan(0);

    // 2. A half-open connection: the proxy freezes, no FIN reaches either side.
    const proxy = await startFreezeProxy(server.port);
    const { client: frozen, reply } = await RawClient.login(proxy.url, 'frozen');
    expect(await watcher.nextEvent('status', (f) => f.uid === 'frozen' && f.state === 'ONLINE', 3000)).toBeTruthy();
    const before = server.connectionCount();
    proxy.freeze();
    expect(await watcher.nextEvent('status', (f) => f.uid === 'frozen' && f.state === 'UNREACHABLE', 5000)).toBeTruthy();
    await waitUntil(() => server.connectionCount() === before - 1, 5000, 'the server dropped the frozen socket');
    // The client comes back on a fresh path within the grace and resumes its session.
    const { reply: again } = await h.login(server, 'frozen', { resume: reply.session });
    expect(again.resumed).toBe(true);
    expect(await watcher.nextEvent('status', (f) => f.uid === 'frozen' && f.state === 'ONLINE', 3000)).toBeTruthy();
    await proxy.close();
    frozen.ws.terminate();
    silent.destroy();
    figures.add('scenarios', 2);
    figures.set('silentClientClosedAfterMs', silentClosedMs);
  });

  it('a mixed attack: garbage, floods, oversized frames, slow consumers and silent sockets; delivery exact, latency reported', async () => {
    const logger = captureLogger();
    const server = await h.start({ log: 'warn', logger, heartbeatMs: 500, closeGraceMs: 500, maxSendQueueBytes: 512 * 1024, rateLimits: { maxFramesPerSecond: 1000, maxBadFrames: 10, messageCount: 1_000_000 } });
    const pair = await WellBehavedPair.open(server.url, 'good');
    const messages = sized(100, 1000);
    const baseline = await pair.run(messages, 1);

    const closeCodes: [kind: string, code: number][] = [];
    let stop = false;
    const loop = async (attack: () => Promise<void>): Promise<void> => {
      while (!stop) await attack().catch(() => undefined);
    };
    const within = <T>(promise: Promise<T>, ms: number): Promise<T | null> =>
      Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
    const offender = async (kind: string, setup: (c: RawClient) => void | Promise<void>, uid?: string): Promise<void> => {
      const c = uid ? (await h.login(server, uid)).client : await h.connect(server);
      await setup(c);
      let closed = await within(c.closed, 3000);
      // A paused reader only sees its close frame once it reads again.
      if (!closed) (c.ws as unknown as { _socket: { resume(): void } })._socket.resume();
      closed ??= await within(c.closed, 3000);
      if (closed) closeCodes.push([kind, closed.code]);
      else c.ws.terminate();
    };
    // A publisher keeps a channel busy so the slow consumers' queues fill up.
    const { client: publisher } = await h.login(server, 'publisher');
    await publisher.request('ch.join', { ch: 'busy' });
    const heap = process.memoryUsage().heapUsed;
    let heapPeak = heap;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);
    const silents = await Promise.all(Array.from({ length: 10 }, () => SilentClient.open(server.port)));
    let slowIndex = 0;
    const attacks = [
      loop(() => offender('garbage', (c) => {
          for (let i = 0; i < 12; i++) c.sendRaw('}{ garbage');
        }).then(() => undefined)),
      loop(() => offender('flood', (c) => {
          for (let i = 0; i < 1500; i++) c.send({ t: 'ping' });
        }).then(() => undefined)),
      loop(() => offender('oversized', (c) => c.sendRaw('x'.repeat(LIMITS.frameMaxBytes + 1))).then(() => undefined)),
      loop(() =>
        offender('slow', async (c) => {
          await c.request('ch.join', { ch: 'busy' });
          (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
        }, `slow-${slowIndex++}`),
      ),
      loop(async () => {
        await publisher.request('ch.send', { ch: 'busy', msg: text('p'.repeat(30_000)) }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }),
    ];
    let during;
    try {
      during = await pair.run(messages, 1);
    } finally {
      stop = true;
      await Promise.all(attacks);
      clearInterval(sampler);
    }

    expect(during.acknowledged).toBe(during.sent);
    expect(baseline.acknowledged).toBe(baseline.sent);
    await waitUntil(() => pair.received.length === pair.sentTexts().length, 5000, 'bob got every message');
    expect(pair.received).toEqual(pair.sentTexts());
    expect(closeCodes.length).toBeGreaterThan(0);
    for (const [kind, code] of closeCodes) expect(EXPECTED_CLOSE[kind], `${kind} closed with ${code}`).toContain(code);
    expect(new Set(closeCodes.map(([kind]) => kind))).toEqual(new Set(Object.keys(EXPECTED_CLOSE)));
    await waitUntil(() => silents.every((s) => s.closeCode === CLOSE_CODES.HEARTBEAT_TIMEOUT), 10_000, 'silent sockets closed with 4006');
    expect(logger.errors).toEqual([]);
    const heapGrowthMb = (heapPeak - heap) / 2 ** 20;
    figures.set('mixedAttack', {
      pairMessages: baseline.sent + during.sent,
      pairP50BeforeMs: round(baseline.p50, 2),
      pairP99BeforeMs: round(baseline.p99, 2),
      pairP50DuringMs: round(during.p50, 2),
      pairP99DuringMs: round(during.p99, 2),
      offendersClosed: closeCodes.length,
      closes: Object.fromEntries(Object.keys(EXPECTED_CLOSE).map((kind) => [kind, closeCodes.filter(([k]) => k === kind).map(([, code]) => code).join(',').replace(/(\d+)(,\1)*/g, (m, code: string) => `${code}×${m.split(',').length}`)])),
      silentSockets: silents.length,
      heapGrowthMb: round(heapGrowthMb),
    });
    if (FULL) {
      // Generous bounds, full run only: the machine is shared.
      expect(during.p99).toBeLessThan(Math.max(2000, baseline.p99 * 20));
      expect(heapGrowthMb).toBeLessThan(256);
    }
    for (const s of silents) s.destroy();
    pair.close();
    figures.add('scenarios', 6);
  }, budgetMs(60_000, 300_000));
});
