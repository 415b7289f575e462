/** Redis-engine specifics that the shared server suite does not reach: concurrent document writers, big channels. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../test/redis-server.js';
import { RedisEngine } from './redis.js';
import type { EngineNode, NodeMessage } from './types.js';

const APP = '0123456789abcdef0123456789abcdef';
let redis: TestRedis;
let prefixes = 0;
const engines: RedisEngine[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.dispose();
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
});

/** Engines of one system (one prefix): each stands for a separate process. */
function system(count: number): RedisEngine[] {
  const prefix = `unit${prefixes++}:`;
  const created = Array.from({ length: count }, () => new RedisEngine({ url: redis.url, prefix, presenceGraceMs: 200, nodeTtlMs: 600 }));
  engines.push(...created);
  return created;
}

function node(nodeId: string): EngineNode & { received: NodeMessage[] } {
  const received: NodeMessage[] = [];
  return { nodeId, received, onNodeMessage: (message) => void received.push(message), onChannelMessage: () => undefined };
}

describe('Redis engine', () => {
  it('serializes concurrent document updates from several processes (compare-and-set with retry)', async () => {
    const [a, b] = system(2);
    await Promise.all([a!.attach(node('a')), b!.attach(node('b'))]);
    const bump = (engine: RedisEngine) =>
      engine.updateDoc(APP, 'uattr', 'counter', (current) => ({ n: String(Number(current?.['n'] ?? '0') + 1) }));
    await Promise.all(Array.from({ length: 40 }, (_, i) => bump(i % 2 ? a! : b!)));
    expect(await a!.readDoc(APP, 'uattr', 'counter')).toEqual({ n: '40' });
    await expect(a!.updateDoc(APP, 'uattr', 'counter', () => { throw new Error('abort'); })).rejects.toThrow('abort');
    expect(await b!.readDoc(APP, 'uattr', 'counter')).toEqual({ n: '40' });
    await b!.updateDoc(APP, 'uattr', 'counter', () => null);
    expect(await a!.readDoc(APP, 'uattr', 'counter')).toBeNull();
  });

  it('keeps a pending expiry across writes and cancels it on request', async () => {
    const [a] = system(1);
    await a!.attach(node('a'));
    await a!.updateDoc(APP, 'cattr', 'room', () => ({ k: { value: 'v', by: 'u', ts: 1 } }));
    await a!.expireDoc(APP, 'cattr', 'room', 150);
    await a!.updateDoc(APP, 'cattr', 'room', (current) => ({ ...current, k2: { value: 'w', by: 'u', ts: 2 } }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await a!.readDoc(APP, 'cattr', 'room')).toBeNull();
    await a!.updateDoc(APP, 'cattr', 'room', () => ({ k: { value: 'v', by: 'u', ts: 1 } }));
    await a!.expireDoc(APP, 'cattr', 'room', 100);
    await a!.expireDoc(APP, 'cattr', 'room', null);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await a!.readDoc(APP, 'cattr', 'room')).not.toBeNull();
  });

  it('lists at most 512 distinct random members of a large channel and counts all', async () => {
    const [a] = system(1);
    await a!.attach(node('a'));
    await Promise.all(Array.from({ length: 600 }, (_, i) => a!.addMember(APP, 'big', `u${i}`, { node: 'a', sid: `s${i}` })));
    expect(await a!.countMembers(APP, ['big', 'empty'])).toEqual([600, 0]);
    const members = await a!.listMembers(APP, 'big', 512);
    expect(members).toHaveLength(512);
    expect(new Set(members).size).toBe(512);
  });

  it('routes topic pushes to the subscribed sessions of another process', async () => {
    const [a, b] = system(2);
    const nodeB = node('b');
    await Promise.all([a!.attach(node('a')), b!.attach(nodeB)]);
    await b!.subscribeTopic(APP, 'umeta:alice', { node: 'b', sid: 's1' });
    a!.publishToTopic(APP, 'umeta:alice', { t: 'status', uid: 'alice', state: 'ONLINE' });
    await expect.poll(() => nodeB.received).toEqual([{ k: 'push', sids: ['s1'], frame: { t: 'status', uid: 'alice', state: 'ONLINE' } }]);
  });

  it('reaps a node that stopped: its members leave, its uid goes offline, newer sessions stay', async () => {
    const [a, b] = system(2);
    const nodeA = node('a');
    const nodeB = node('b');
    await Promise.all([a!.attach(nodeA), b!.attach(nodeB)]);
    await b!.claimSession(APP, 'gone', { node: 'b', sid: 'g' });
    await b!.setPresence(APP, 'gone', 'ONLINE');
    await b!.claimSession(APP, 'moved', { node: 'b', sid: 'm' });
    await b!.setPresence(APP, 'moved', 'ONLINE');
    await b!.addMember(APP, 'room', 'gone', { node: 'b', sid: 'g' });
    await b!.addMember(APP, 'room', 'moved', { node: 'b', sid: 'm' });
    await a!.watch(APP, ['gone'], { node: 'a', sid: 'w' });
    await b!.detach(nodeB);
    // 'moved' logs in again on node a before the grace ends.
    await a!.claimSession(APP, 'moved', { node: 'a', sid: 'm2' });
    await a!.addMember(APP, 'room', 'moved', { node: 'a', sid: 'm2' });
    await expect.poll(() => a!.findSession(APP, 'gone'), { timeout: 5000 }).toBeNull();
    expect(await a!.getPresence(APP, ['gone', 'moved'])).toEqual(['OFFLINE', 'ONLINE']);
    expect(await a!.listMembers(APP, 'room', 10)).toEqual(['moved']);
    expect(await a!.findSession(APP, 'moved')).toEqual({ node: 'a', sid: 'm2' });
    await expect.poll(() => nodeA.received).toContainEqual({ k: 'status', sids: ['w'], frame: { t: 'status', uid: 'gone', state: 'OFFLINE' } });
  });
});
