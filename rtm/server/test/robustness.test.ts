import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../protocol/errors.js';
import { EmbeddedEngine } from '../engine/embedded.js';
import { sleep, text } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

/** An engine that fails on one channel, to prove failures become INTERNAL replies. */
class FailingEngine extends EmbeddedEngine {
  override countMembers(appId: string, chs: readonly string[]): Promise<number[]> {
    if (chs.includes('boom')) return Promise.reject(new Error('engine failure'));
    return super.countMembers(appId, chs);
  }
}

const binaryFrame = (header: string, extra: Uint8Array, declaredLength?: number): Uint8Array => {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(4 + json.byteLength + extra.byteLength);
  new DataView(out.buffer).setUint32(0, declaredLength ?? json.byteLength);
  out.set(json, 4);
  out.set(extra, 4 + json.byteLength);
  return out;
};

describe.each(ENGINES)('robustness ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('answers garbage frames with codes and keeps serving', async () => {
    const server = await h.start();
    const { client: bystander } = await h.login(server, 'bystander');
    const c = await h.connect(server);
    const nextErr = () => c.next((f) => f.t === 'err');

    c.sendRaw('not json');
    expect(await nextErr()).toMatchObject({ code: 'BAD_FRAME', id: null });
    c.sendRaw('[1,2]');
    expect(await nextErr()).toMatchObject({ code: 'BAD_FRAME', id: null });
    c.sendRaw('{"id":3}');
    expect(await nextErr()).toMatchObject({ code: 'BAD_FRAME' });
    c.sendRaw('{"t":"nope","id":5}');
    expect(await nextErr()).toMatchObject({ code: 'UNKNOWN_FRAME_TYPE', id: 5 });
    c.sendRaw('{"t":"ch.join","id":7,"ch":5}');
    expect(await nextErr()).toMatchObject({ code: 'BAD_FRAME', id: 7 });
    c.sendRaw('{"t":"ch.join","ch":"room"}');
    expect(await nextErr()).toMatchObject({ code: 'BAD_FRAME' });
    c.sendRaw('{"t":"peer.send","id":8,"to":"b","msg":{"type":"IMAGE"}}');
    expect(await nextErr()).toMatchObject({ code: 'INVALID_MESSAGE', id: 8 });
    c.sendRaw(new Uint8Array([0, 0, 1]));
    expect(await nextErr()).toMatchObject({ code: 'BAD_FRAME' });
    c.sendRaw(binaryFrame('{"t":"ping"}', new Uint8Array(0), 1000));
    expect(await nextErr()).toMatchObject({ code: 'BAD_FRAME' });
    c.sendRaw(binaryFrame('{"t":"peer.send","id":9,"to":"b","msg":{"type":"TEXT","text":"x"}}', new Uint8Array(3)));
    expect(await nextErr()).toMatchObject({ code: 'BAD_FRAME' });

    const login = await c.errorCode('login', { v: 1, appId: '0123456789abcdef0123456789abcdef', uid: 'after-garbage', instance: 'i' });
    expect(login).toBeNull();
    expect((await bystander.request('status.query', { uids: ['after-garbage'] })).online).toEqual({ 'after-garbage': true });
  });

  it('closes a connection after too many invalid frames (4007)', async () => {
    const server = await h.start({ rateLimits: { maxBadFrames: 5 } });
    const c = await h.connect(server);
    for (let i = 0; i < 5; i++) c.sendRaw('garbage');
    expect((await c.closed).code).toBe(CLOSE_CODES.TOO_MANY_ERRORS);
  });

  it('closes an oversized frame with 1009 and stays healthy', async () => {
    const server = await h.start();
    const { client: big } = await h.login(server, 'big');
    big.sendRaw(JSON.stringify({ t: 'ch.send', id: 1, ch: 'room', msg: text('x'.repeat(140 * 1024)) }));
    expect((await big.closed).code).toBe(CLOSE_CODES.MESSAGE_TOO_BIG);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const { reply } = await h.login(server, 'next');
    expect(reply.resumed).toBe(false);
  });

  it('closes a flooding connection (4009)', async () => {
    const server = await h.start({ rateLimits: { maxFramesPerSecond: 50 } });
    const c = await h.connect(server);
    for (let i = 0; i < 200; i++) c.send({ t: 'ping' });
    expect((await c.closed).code).toBe(CLOSE_CODES.FLOODING);
  });

  it('drops a slow consumer (4005) instead of buffering without bound', async () => {
    const server = await h.start({
      maxSendQueueBytes: 256 * 1024,
      closeGraceMs: 10_000,
      rateLimits: { messageCount: 10_000 },
    });
    const { client: slow } = await h.login(server, 'slow');
    const { client: fast } = await h.login(server, 'fast');
    const { client: sender } = await h.login(server, 'sender');
    for (const c of [slow, fast, sender]) await c.request('ch.join', { ch: 'room' });
    await sender.request('status.sub', { uids: ['slow'] });
    let dropped = false;
    void sender.nextEvent('status', (f) => f.state === 'UNREACHABLE', 20_000).then(() => (dropped = true));
    (slow.ws as unknown as { _socket: Socket })._socket.pause();
    const payload = text('y'.repeat(30_000));
    for (let i = 0; i < 1000 && !dropped; i++) {
      await sender.request('ch.send', { ch: 'room', msg: payload });
      fast.drop();
    }
    expect(dropped).toBe(true);
    (slow.ws as unknown as { _socket: Socket })._socket.resume();
    expect((await slow.closed).code).toBe(CLOSE_CODES.SLOW_CONSUMER);
    expect((await sender.request('ch.send', { ch: 'room', msg: text('still here') })).ts).toBeGreaterThan(0);
  });

  it('turns handler failures into INTERNAL and keeps the connection', async () => {
    const server = await h.start({ engine: new FailingEngine() });
    const { client: a } = await h.login(server, 'a');
    expect(await a.errorCode('ch.count', { chs: ['boom'] })).toBe('INTERNAL');
    expect((await a.request('ch.count', { chs: ['fine'] })).counts).toEqual({ fine: 0 });
  });

  it('survives a client that vanishes mid-request', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    await h.login(server, 'b', { autoAck: false });
    a.send({ t: 'peer.send', id: 1, to: 'b', msg: text('x') });
    a.send({ t: 'ch.join', id: 2, ch: 'room' });
    await a.terminate();
    await sleep(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
