import { describe, expect, it } from 'vitest';
import { ENGINES, useServers } from './harness.js';

/** Attributes, metadata and their pushes across two nodes sharing one engine. */
describe.each(ENGINES)('attributes and metadata on two nodes of one $name engine', (engineCase) => {
  const h = useServers(engineCase);

  async function twoNodes() {
    const engine = h.engine();
    return [await h.start({ engine, nodeId: 'node-a' }), await h.start({ engine, nodeId: 'node-b' })] as const;
  }

  it('shares user attributes, channel attributes and their notifications', async () => {
    const [n1, n2] = await twoNodes();
    const { client: a } = await h.login(n1, 'a');
    const { client: b } = await h.login(n2, 'b');
    await a.request('uattr.write', { op: 'set', attrs: { k: 'v' } });
    expect((await b.request('uattr.get', { uid: 'a' })).attrs).toEqual({ k: 'v' });
    await a.request('ch.join', { ch: 'room' });
    await b.request('ch.join', { ch: 'room' });
    await a.request('cattr.write', { ch: 'room', op: 'set', attrs: { x: '1' }, notify: true });
    expect(await b.nextEvent('cattr.update')).toMatchObject({ ch: 'room', attrs: { x: { value: '1', by: 'a' } } });
    expect(await a.nextEvent('cattr.update')).toMatchObject({ ch: 'room' });
  });

  it('delivers user and channel metadata updates to the other node', async () => {
    const [n1, n2] = await twoNodes();
    const { client: a } = await h.login(n1, 'a');
    const { client: b } = await h.login(n2, 'b');
    await b.request('meta.sub', { uid: 'a' });
    await a.request('meta.write', { op: 'set', items: [{ key: 'k', value: 'v', rev: -1 }], major: -1 });
    expect(await b.nextEvent('meta.update')).toMatchObject({ uid: 'a', data: { major: 1 } });
    await a.request('ch.join', { ch: 'room' });
    await b.request('ch.join', { ch: 'room' });
    await b.request('meta.write', { ch: 'room', op: 'set', items: [{ key: 'k', value: 'v', rev: -1 }], major: -1 });
    expect(await a.nextEvent('meta.update')).toMatchObject({ ch: 'room', data: { major: 1 } });
  });
});
