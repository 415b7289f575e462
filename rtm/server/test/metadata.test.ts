import { describe, expect, it } from 'vitest';
import type { WireMetaItemWrite } from '../../protocol/frames.js';
import { ENGINES, useServers } from './harness.js';

const item = (key: string, value: string | null, rev = -1): WireMetaItemWrite => ({ key, value, rev });
const keysOf = (data: { items: { key: string }[] }) => data.items.map((i) => i.key).sort();

describe.each(ENGINES)('metadata ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('set / add / update / delete / clear with item and major revisions', async () => {
    const server = await h.start();
    const { client: u } = await h.login(server, 'u');
    expect((await u.request('meta.get', { uid: 'u' })).data).toEqual({ major: 0, items: [] });
    expect(await u.request('meta.write', { op: 'set', items: [item('a', '1'), item('b', '2')], major: -1 })).toEqual({ major: 1 });
    let { data } = await u.request('meta.get', { uid: 'u' });
    expect(data.major).toBe(1);
    expect(data.items).toEqual([
      { key: 'a', value: '1', rev: 1, ts: 0, by: '' },
      { key: 'b', value: '2', rev: 1, ts: 0, by: '' },
    ]);
    await u.request('meta.write', { op: 'add', items: [item('c', '3', 0)], major: 1, recordTs: true, recordUser: true });
    await u.request('meta.write', { op: 'update', items: [item('a', '10')], major: -1 });
    ({ data } = await u.request('meta.get', { uid: 'u' }));
    expect(data.major).toBe(3);
    expect(data.items.find((i) => i.key === 'a')).toMatchObject({ value: '10', rev: 2 });
    const c = data.items.find((i) => i.key === 'c')!;
    expect(c).toMatchObject({ value: '3', rev: 1, by: 'u' });
    expect(c.ts).toBeGreaterThan(0);
    await u.request('meta.write', { op: 'delete', items: [item('b', null), item('missing', null)], major: -1 });
    expect(keysOf((await u.request('meta.get', { uid: 'u' })).data)).toEqual(['a', 'c']);
    await u.request('meta.write', { op: 'clear', items: [], major: 4 });
    expect((await u.request('meta.get', { uid: 'u' })).data).toEqual({ major: 5, items: [] });
  });

  it('fails compare-and-set with OUTDATED_REVISION and changes nothing', async () => {
    const server = await h.start();
    const { client: u } = await h.login(server, 'u');
    await u.request('meta.write', { op: 'set', items: [item('a', '1')], major: -1 });
    expect(await u.errorCode('meta.write', { op: 'set', items: [item('a', '2')], major: 0 })).toBe('OUTDATED_REVISION');
    expect(await u.errorCode('meta.write', { op: 'set', items: [item('a', '2', 5)], major: -1 })).toBe('OUTDATED_REVISION');
    expect(await u.errorCode('meta.write', { op: 'add', items: [item('a', '2', 0)], major: -1 })).toBe('OUTDATED_REVISION');
    expect(await u.errorCode('meta.write', { op: 'delete', items: [item('a', null, 7)], major: -1 })).toBe('OUTDATED_REVISION');
    expect(await u.errorCode('meta.write', { op: 'update', items: [item('nope', 'x')], major: -1 })).toBe('NOT_FOUND');
    expect((await u.request('meta.get', { uid: 'u' })).data).toMatchObject({ major: 1, items: [{ key: 'a', value: '1', rev: 1 }] });
    expect(await u.errorCode('meta.write', { op: 'set', items: [item('a', '2', 1)], major: 1 })).toBeNull();
  });

  it('checks keys, values, duplicates and sizes', async () => {
    const server = await h.start();
    const { client: u } = await h.login(server, 'u');
    for (const bad of ['', 'a_b', 'null', 'k'.repeat(33), 'a/b']) {
      expect(await u.errorCode('meta.write', { op: 'set', items: [item(bad, 'v')], major: -1 })).toBe('INVALID_ARGUMENT');
    }
    expect(await u.errorCode('meta.write', { op: 'set', items: [item('a', 'v'), item('a', 'w')], major: -1 })).toBe('INVALID_ARGUMENT');
    expect(await u.errorCode('meta.write', { op: 'set', items: [item('a', null)], major: -1 })).toBe('INVALID_ARGUMENT');
    expect(await u.errorCode('meta.write', { op: 'set', items: [item('a', 'v')], major: -2 })).toBe('INVALID_ARGUMENT');
    expect(await u.errorCode('meta.write', { op: 'set', items: [item('a', 'x'.repeat(8193))], major: -1 })).toBe('LIMIT_EXCEEDED');
    const items = Array.from({ length: 65 }, (_, i) => item(`k${i}`, 'v'));
    expect(await u.errorCode('meta.write', { op: 'set', items, major: -1 })).toBe('LIMIT_EXCEEDED');
    expect(await u.errorCode('meta.get', {})).toBe('INVALID_ARGUMENT');
    expect(await u.errorCode('meta.get', { uid: 'u', ch: 'c' })).toBe('INVALID_ARGUMENT');
  });

  it('pushes the full user metadata to subscribers until they unsubscribe; it ends when the owner goes offline', async () => {
    const server = await h.start();
    const { client: owner } = await h.login(server, 'owner');
    const { client: fan } = await h.login(server, 'fan');
    await fan.request('meta.sub', { uid: 'owner' });
    await owner.request('meta.write', { op: 'set', items: [item('a', '1')], major: -1 });
    const update = await fan.nextEvent('meta.update');
    expect(update).toMatchObject({ uid: 'owner', data: { major: 1, items: [{ key: 'a', value: '1' }] } });
    expect(update.ch).toBeUndefined();
    expect(await owner.collect((f) => f.t === 'meta.update', 50)).toEqual([]);
    await owner.request('logout', {});
    const { client: back } = await h.login(server, 'owner');
    expect((await fan.request('meta.get', { uid: 'owner' })).data).toEqual({ major: 0, items: [] });
    await fan.request('meta.unsub', { uid: 'owner' });
    await back.request('meta.write', { op: 'set', items: [item('b', '2')], major: -1 });
    expect(await fan.collect((f) => f.t === 'meta.update', 100)).toEqual([]);
  });

  it('channel metadata needs membership and reaches every member', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    const { client: b } = await h.login(server, 'b');
    expect(await a.errorCode('meta.write', { ch: 'room', op: 'set', items: [item('k', 'v')], major: -1 })).toBe('NOT_IN_CHANNEL');
    expect(await a.errorCode('meta.get', { ch: 'room' })).toBe('NOT_IN_CHANNEL');
    await a.request('ch.join', { ch: 'room' });
    await b.request('ch.join', { ch: 'room' });
    await a.request('meta.write', { ch: 'room', op: 'set', items: [item('k', 'v')], major: -1, recordUser: true });
    for (const client of [a, b]) {
      expect(await client.nextEvent('meta.update')).toMatchObject({ ch: 'room', data: { major: 1, items: [{ key: 'k', value: 'v', by: 'a' }] } });
    }
    expect((await b.request('meta.get', { ch: 'room' })).data.items).toHaveLength(1);
    expect(await b.errorCode('meta.write', { ch: 'room', op: 'update', items: [item('k', 'w')], major: 0 })).toBe('OUTDATED_REVISION');
  });

  it('rate-limits metadata writes with TOO_OFTEN', async () => {
    const server = await h.start({ rateLimits: { metadataWriteCount: 3, metadataWriteWindowMs: 60_000 } });
    const { client: u } = await h.login(server, 'u');
    for (let i = 0; i < 3; i++) expect(await u.errorCode('meta.write', { op: 'set', items: [item('a', `${i}`)], major: -1 })).toBeNull();
    expect(await u.errorCode('meta.write', { op: 'clear', items: [], major: -1 })).toBe('TOO_OFTEN');
  });
});
