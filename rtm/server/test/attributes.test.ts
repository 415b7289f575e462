import { describe, expect, it } from 'vitest';
import { sleep } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

const many = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));

describe.each(ENGINES)('user attributes ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('sets, merges, deletes, clears; anyone in the app reads them while the owner is online', async () => {
    const server = await h.start();
    const { client: alice } = await h.login(server, 'alice');
    const { client: bob } = await h.login(server, 'bob');
    await alice.request('uattr.write', { op: 'set', attrs: { a: '1', b: '2' } });
    expect(await bob.request('uattr.get', { uid: 'alice' })).toEqual({ attrs: { a: '1', b: '2' } });
    await alice.request('uattr.write', { op: 'merge', attrs: { b: '3', c: '4' } });
    expect((await bob.request('uattr.get', { uid: 'alice' })).attrs).toEqual({ a: '1', b: '3', c: '4' });
    expect((await bob.request('uattr.get', { uid: 'alice', keys: ['c', 'missing'] })).attrs).toEqual({ c: '4' });
    await alice.request('uattr.write', { op: 'delete', keys: ['a', 'missing'] });
    expect((await alice.request('uattr.get', { uid: 'alice' })).attrs).toEqual({ b: '3', c: '4' });
    await alice.request('uattr.write', { op: 'set', attrs: { z: '9' } });
    expect((await bob.request('uattr.get', { uid: 'alice' })).attrs).toEqual({ z: '9' });
    await alice.request('uattr.write', { op: 'clear' });
    expect((await bob.request('uattr.get', { uid: 'alice' })).attrs).toEqual({});
  });

  it('enforces the size and count limits', async () => {
    const server = await h.start();
    const { client: c } = await h.login(server, 'u');
    expect(await c.errorCode('uattr.write', { op: 'set', attrs: {} })).toBe('INVALID_ARGUMENT');
    expect(await c.errorCode('uattr.write', { op: 'set' })).toBe('INVALID_ARGUMENT');
    expect(await c.errorCode('uattr.write', { op: 'set', attrs: many(33) })).toBe('LIMIT_EXCEEDED');
    expect(await c.errorCode('uattr.write', { op: 'set', attrs: { ['k'.repeat(33)]: 'v' } })).toBe('INVALID_ARGUMENT');
    expect(await c.errorCode('uattr.write', { op: 'set', attrs: { k: '' } })).toBe('INVALID_ARGUMENT');
    expect(await c.errorCode('uattr.write', { op: 'set', attrs: { k: 'x'.repeat(8193) } })).toBe('LIMIT_EXCEEDED');
    expect(await c.errorCode('uattr.write', { op: 'set', attrs: { a: 'x'.repeat(8000), b: 'x'.repeat(8000) } })).toBeNull();
    // The merged result counts too: 16 000 + 1 000 bytes > 16 KB.
    expect(await c.errorCode('uattr.write', { op: 'merge', attrs: { c: 'x'.repeat(1000) } })).toBe('LIMIT_EXCEEDED');
    expect(await c.errorCode('uattr.write', { op: 'delete', keys: [] })).toBe('INVALID_ARGUMENT');
    expect(await c.errorCode('uattr.get', { uid: 'u', keys: [] })).toBe('INVALID_ARGUMENT');
    expect(await c.errorCode('uattr.get', { uid: 'bad/uid' })).toBe('INVALID_USER_ID');
  });

  it('says PEER_OFFLINE for a user who is not online, and deletes attributes at logout', async () => {
    const server = await h.start();
    const { client: alice } = await h.login(server, 'alice');
    const { client: bob } = await h.login(server, 'bob');
    expect(await bob.errorCode('uattr.get', { uid: 'nobody' })).toBe('PEER_OFFLINE');
    await alice.request('uattr.write', { op: 'set', attrs: { a: '1' } });
    await alice.request('logout', {});
    expect(await bob.errorCode('uattr.get', { uid: 'alice' })).toBe('PEER_OFFLINE');
    const { client: again } = await h.login(server, 'alice');
    expect((await again.request('uattr.get', { uid: 'alice' })).attrs).toEqual({});
  });

  it('keeps attributes through a resume within the grace, drops them after it', async () => {
    const server = await h.start();
    const { client: bob } = await h.login(server, 'bob');
    const { client: alice, reply } = await h.login(server, 'alice');
    await alice.request('uattr.write', { op: 'set', attrs: { a: '1' } });
    await alice.terminate();
    expect((await bob.request('uattr.get', { uid: 'alice' })).attrs).toEqual({ a: '1' });
    const { client: resumed } = await h.login(server, 'alice', { resume: reply.session });
    expect((await bob.request('uattr.get', { uid: 'alice' })).attrs).toEqual({ a: '1' });
    await resumed.terminate();
    await sleep(600);
    expect(await bob.errorCode('uattr.get', { uid: 'alice' })).toBe('PEER_OFFLINE');
    const { client: fresh } = await h.login(server, 'alice');
    expect((await fresh.request('uattr.get', { uid: 'alice' })).attrs).toEqual({});
  });

  it('rate-limits writes (10 / 5 s) and reads (40 / 5 s) with TOO_OFTEN', async () => {
    const server = await h.start();
    const { client: c } = await h.login(server, 'u');
    for (let i = 0; i < 10; i++) expect(await c.errorCode('uattr.write', { op: 'set', attrs: { k: `${i}` } })).toBeNull();
    expect(await c.errorCode('uattr.write', { op: 'clear' })).toBe('TOO_OFTEN');
    for (let i = 0; i < 40; i++) expect(await c.errorCode('uattr.get', { uid: 'u' })).toBeNull();
    expect(await c.errorCode('uattr.get', { uid: 'u' })).toBe('TOO_OFTEN');
  });
});

describe.each(ENGINES)('channel attributes ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('needs no membership and records who wrote each key and when', async () => {
    const server = await h.start();
    const { client: alice } = await h.login(server, 'alice');
    const { client: bob } = await h.login(server, 'bob');
    const before = Date.now();
    await alice.request('cattr.write', { ch: 'room', op: 'set', attrs: { a: '1', b: '2' } });
    await bob.request('cattr.write', { ch: 'room', op: 'merge', attrs: { b: '3' } });
    const { attrs } = await bob.request('cattr.get', { ch: 'room' });
    expect(attrs['a']).toMatchObject({ value: '1', by: 'alice' });
    expect(attrs['b']).toMatchObject({ value: '3', by: 'bob' });
    expect(attrs['a']!.ts).toBeGreaterThanOrEqual(before);
    expect((await alice.request('cattr.get', { ch: 'room', keys: ['b'] })).attrs).toEqual({ b: attrs['b'] });
    await alice.request('cattr.write', { ch: 'room', op: 'delete', keys: ['a'] });
    expect(Object.keys((await alice.request('cattr.get', { ch: 'room' })).attrs)).toEqual(['b']);
    await alice.request('cattr.write', { ch: 'room', op: 'clear' });
    expect((await alice.request('cattr.get', { ch: 'room' })).attrs).toEqual({});
    expect(await alice.errorCode('cattr.write', { ch: 'bad/ch', op: 'clear' })).toBe('INVALID_CHANNEL_ID');
  });

  it('enforces 32 pairs and 32 KB in total', async () => {
    const server = await h.start();
    const { client: c } = await h.login(server, 'u');
    expect(await c.errorCode('cattr.write', { ch: 'r', op: 'set', attrs: many(33) })).toBe('LIMIT_EXCEEDED');
    const big = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`k${i}`, 'x'.repeat(8000)]));
    expect(await c.errorCode('cattr.write', { ch: 'r', op: 'set', attrs: big })).toBeNull();
    expect(await c.errorCode('cattr.write', { ch: 'r', op: 'merge', attrs: { more: 'x'.repeat(1000) } })).toBe('LIMIT_EXCEEDED');
    expect(await c.errorCode('cattr.write', { ch: 'r', op: 'merge', attrs: many(29, 'm') })).toBe('LIMIT_EXCEEDED');
  });

  it('notifies every joined member, the writer included, with the full set only when asked', async () => {
    const server = await h.start();
    const { client: writer } = await h.login(server, 'writer');
    const { client: member } = await h.login(server, 'member');
    const { client: outsider } = await h.login(server, 'outsider');
    await writer.request('ch.join', { ch: 'room' });
    await member.request('ch.join', { ch: 'room' });
    await writer.request('cattr.write', { ch: 'room', op: 'set', attrs: { a: '1' } });
    await writer.request('cattr.write', { ch: 'room', op: 'merge', attrs: { b: '2' }, notify: true });
    for (const client of [writer, member]) {
      const update = await client.nextEvent('cattr.update');
      expect(update.ch).toBe('room');
      expect(Object.keys(update.attrs).sort()).toEqual(['a', 'b']);
      expect(update.attrs['b']).toMatchObject({ value: '2', by: 'writer' });
    }
    await outsider.request('cattr.write', { ch: 'room', op: 'delete', keys: ['a'], notify: true });
    expect(Object.keys((await member.nextEvent('cattr.update')).attrs)).toEqual(['b']);
    expect(await outsider.collect((f) => f.t === 'cattr.update', 100)).toEqual([]);
    expect((await member.collect((f) => f.t === 'cattr.update', 50)).length).toBe(0);
  });

  it('clears them once the channel has been empty for channelAttributesTtlMs; a join keeps them', async () => {
    const server = await h.start({ channelAttributesTtlMs: 300 });
    const { client: c } = await h.login(server, 'u');
    await c.request('cattr.write', { ch: 'never-joined', op: 'set', attrs: { a: '1' } });
    await c.request('ch.join', { ch: 'room' });
    await c.request('cattr.write', { ch: 'room', op: 'set', attrs: { a: '1' } });
    await sleep(500);
    expect((await c.request('cattr.get', { ch: 'never-joined' })).attrs).toEqual({});
    expect(Object.keys((await c.request('cattr.get', { ch: 'room' })).attrs)).toEqual(['a']);
    await c.request('ch.leave', { ch: 'room' });
    await sleep(100);
    await c.request('ch.join', { ch: 'room' });
    await sleep(400);
    expect(Object.keys((await c.request('cattr.get', { ch: 'room' })).attrs)).toEqual(['a']);
    await c.request('ch.leave', { ch: 'room' });
    await sleep(500);
    expect((await c.request('cattr.get', { ch: 'room' })).attrs).toEqual({});
  });

  it('rate-limits writes (10 / 5 s) and reads (10 / 5 s) with TOO_OFTEN', async () => {
    const server = await h.start();
    const { client: c } = await h.login(server, 'u');
    for (let i = 0; i < 10; i++) expect(await c.errorCode('cattr.write', { ch: 'r', op: 'set', attrs: { k: `${i}` } })).toBeNull();
    expect(await c.errorCode('cattr.write', { ch: 'r', op: 'clear' })).toBe('TOO_OFTEN');
    for (let i = 0; i < 10; i++) expect(await c.errorCode('cattr.get', { ch: 'r' })).toBeNull();
    expect(await c.errorCode('cattr.get', { ch: 'r' })).toBe('TOO_OFTEN');
  });
});
