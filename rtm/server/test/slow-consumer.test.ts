/**
 * What a slow consumer sees (docs/reliability.md, defect 6). The server decides 4005 as soon as a socket's unsent
 * bytes pass `maxSendQueueBytes` and starts the close handshake, but the close frame is queued behind the very
 * backlog the client is not reading: the client reads 4005 only if it drains that backlog within `closeGraceMs`
 * (robustness.test.ts); otherwise the socket is destroyed and the client sees 1006. Either way the decision is
 * counted (`resignal_queue_drops_total`) and the session keeps its grace period and resume queue.
 */
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../../test/events.js';
import { text } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

describe.each(ENGINES)('slow consumer that never reads ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('is destroyed after closeGraceMs (client sees 1006), counted as a queue drop, and can resume its session', async () => {
    const server = await h.start({ maxSendQueueBytes: 256 * 1024, closeGraceMs: 300, presenceGraceMs: 10_000, rateLimits: { messageCount: 10_000 } });
    const slow = await h.login(server, 'slow');
    const { client: sender } = await h.login(server, 'sender');
    for (const c of [slow.client, sender]) await c.request('ch.join', { ch: 'room' });
    await sender.request('status.sub', { uids: ['slow'] });
    let dropped = false;
    void sender.nextEvent('status', (f) => f.state === 'UNREACHABLE', 20_000).then(() => (dropped = true));
    const socket = (slow.client.ws as unknown as { _socket: Socket })._socket;
    socket.pause();
    const payload = text('y'.repeat(30_000));
    for (let i = 0; i < 1000 && !dropped; i++) await sender.request('ch.send', { ch: 'room', msg: payload });
    expect(dropped).toBe(true);
    expect(server.options.metrics.queueDrops).toBe(1);
    // Does not read within closeGraceMs: the close frame stays behind the backlog and the server destroys the socket.
    await waitUntil(() => server.connectionCount() === 1, 10_000, 'the server destroyed the socket');
    socket.resume();
    expect((await slow.client.closed).code).toBe(1006);
    // The session is in its grace period, still in its channel: a resume gets it back.
    const again = await h.login(server, 'slow', { resume: slow.reply.session });
    expect(again.reply.resumed).toBe(true);
    expect(server.hub.sessionCount).toBe(2);
  });
});
