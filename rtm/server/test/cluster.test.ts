import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../protocol/errors.js';
import { text } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

/** Two server nodes sharing one engine behave as one system (the contract a Redis engine must also meet). */
describe.each(ENGINES)('two nodes on one $name engine', (engineCase) => {
  const h = useServers(engineCase);

  async function twoNodes() {
    const engine = h.engine();
    return [await h.start({ engine, nodeId: 'node-a' }), await h.start({ engine, nodeId: 'node-b' })] as const;
  }

  it('routes peer messages and their acks across nodes', async () => {
    const [n1, n2] = await twoNodes();
    const { client: a } = await h.login(n1, 'a');
    const { client: b } = await h.login(n2, 'b');
    expect((await a.request('peer.send', { to: 'b', msg: text('across') })).delivered).toBe(true);
    expect(await b.nextEvent('peer.msg')).toMatchObject({ from: 'a', msg: { text: 'across' } });
  });

  it('fans channel messages, member events and counts out across nodes', async () => {
    const [n1, n2] = await twoNodes();
    const { client: a } = await h.login(n1, 'a');
    const { client: b } = await h.login(n2, 'b');
    await a.request('ch.join', { ch: 'room' });
    expect((await b.request('ch.join', { ch: 'room' })).count).toBe(2);
    expect(await a.nextEvent('ch.member')).toMatchObject({ uid: 'b', joined: true });
    await b.request('ch.send', { ch: 'room', msg: text('hello') });
    expect(await a.nextEvent('ch.msg')).toMatchObject({ from: 'b', ch: 'room' });
    expect((await a.request('ch.members', { ch: 'room' })).members.sort()).toEqual(['a', 'b']);
  });

  it('a login on another node kicks the older session and presence follows', async () => {
    const [n1, n2] = await twoNodes();
    const { client: w } = await h.login(n1, 'w');
    const { client: old } = await h.login(n1, 'u');
    await old.request('ch.join', { ch: 'room' });
    await w.request('ch.join', { ch: 'room' });
    await w.request('status.sub', { uids: ['u'] });
    const { client: fresh } = await h.login(n2, 'u');
    expect(await old.nextEvent('kick')).toMatchObject({ reason: 'REMOTE_LOGIN' });
    expect((await old.closed).code).toBe(CLOSE_CODES.REMOTE_LOGIN);
    expect(await w.nextEvent('ch.member')).toMatchObject({ uid: 'u', joined: false });
    await fresh.request('logout', {});
    expect(await w.nextEvent('status')).toEqual({ t: 'status', uid: 'u', state: 'OFFLINE' });
  });
});
