import { afterEach, describe, expect, it } from 'vitest';
import type { DurableStore, HistoryInput, HistoryQuery } from '../types.js';
import { APP_A, APP_B, DAY_MS, T0, TestClock, rejectionCode, storeOpener, type StoreFactory } from './harness.js';

const NOW = T0 + 60_000;

function text(id: string, kind: HistoryInput['kind'], from: string, to: string, second: number, recipients?: string[]): HistoryInput {
  return {
    appId: APP_A,
    id,
    kind,
    from,
    to,
    ts: T0 + second * 1000,
    msg: { type: 'TEXT', text: `text ${id}` },
    ...(recipients ? { recipients } : {}),
  };
}

/** alice, bob, carol; channels ch1 (alice, bob, carol) and ch2 (bob, dave). */
const SEED: HistoryInput[] = [
  text('p1', 'peer', 'alice', 'bob', 1),
  text('p2', 'peer', 'bob', 'alice', 2),
  text('c3', 'channel', 'alice', 'ch1', 3, ['bob', 'carol']),
  text('c4', 'channel', 'carol', 'ch1', 4, ['alice', 'bob']),
  text('p5', 'peer', 'alice', 'carol', 5),
  text('c6', 'channel', 'bob', 'ch2', 6, ['dave']),
  text('p7', 'peer', 'alice', 'bob', 7),
];

function query(filter: Partial<HistoryQuery>): HistoryQuery {
  return { appId: APP_A, startMs: T0, endMs: NOW, offset: 0, limit: 100, order: 'asc', ...filter };
}

export function historyContract(factory: StoreFactory): void {
  describe('historical messages', () => {
    const open = storeOpener(factory, afterEach);

    async function seeded(clock = new TestClock(NOW)): Promise<DurableStore> {
      const store = await open(clock);
      for (const msg of SEED) expect(await store.appendHistory(msg)).toBe(true);
      return store;
    }

    async function ids(store: DurableStore, filter: Partial<HistoryQuery>): Promise<string[]> {
      return (await store.queryHistory(query(filter))).map((m) => m.id);
    }

    it.each([
      ['(∅, bob): everything bob received, peer and channel', { destination: 'bob' }, ['p1', 'c3', 'c4', 'p7']],
      ['(∅, ch1): every message in ch1', { destination: 'ch1' }, ['c3', 'c4']],
      ['(alice, ∅): everything alice sent', { source: 'alice' }, ['p1', 'c3', 'p5', 'p7']],
      ['(alice, bob): alice → bob peer messages', { source: 'alice', destination: 'bob' }, ['p1', 'p7']],
      ['(alice, ch1): alice in ch1', { source: 'alice', destination: 'ch1' }, ['c3']],
      ['(ch1, ∅): a channel as source is empty', { source: 'ch1' }, []],
      ['(ch1, bob): a channel as source is empty', { source: 'ch1', destination: 'bob' }, []],
      ['(∅, dave): channel recipients only', { destination: 'dave' }, ['c6']],
    ] as const)('%s', async (_name, filter, expected) => {
      const store = await seeded();
      expect(await ids(store, filter)).toEqual(expected);
      expect(await store.countHistory({ appId: APP_A, startMs: T0, endMs: NOW, ...filter })).toBe(expected.length);
    });

    it('returns the stored fields', async () => {
      const store = await seeded();
      expect(await store.queryHistory(query({ source: 'alice', destination: 'ch1' }))).toEqual([
        { id: 'c3', kind: 'channel', from: 'alice', to: 'ch1', ts: T0 + 3000, text: 'text c3' },
      ]);
    });

    it('rejects a filter with neither source nor destination', async () => {
      const store = await seeded();
      expect(await rejectionCode(store.queryHistory(query({})))).toBe('INVALID_QUERY');
      expect(await rejectionCode(store.queryHistory(query({ source: '', destination: '' })))).toBe('INVALID_QUERY');
      expect(await rejectionCode(store.countHistory({ appId: APP_A, startMs: T0, endMs: NOW }))).toBe('INVALID_QUERY');
    });

    it('orders, pages and bounds by time (start inclusive, end exclusive)', async () => {
      const store = await seeded();
      expect(await ids(store, { source: 'alice', order: 'desc' })).toEqual(['p7', 'p5', 'c3', 'p1']);
      expect(await ids(store, { source: 'alice', offset: 1, limit: 2 })).toEqual(['c3', 'p5']);
      expect(await ids(store, { source: 'alice', order: 'desc', offset: 1, limit: 2 })).toEqual(['p5', 'c3']);
      expect(await ids(store, { source: 'alice', offset: 4 })).toEqual([]);
      expect(await ids(store, { source: 'alice', startMs: T0 + 3000, endMs: T0 + 7000 })).toEqual(['c3', 'p5']);
      expect(await store.countHistory({ appId: APP_A, source: 'alice', startMs: T0 + 3000, endMs: T0 + 7000 })).toBe(2);
      expect(await rejectionCode(store.queryHistory(query({ source: 'alice', limit: 0 })))).toBe('INVALID_ARGUMENT');
      expect(await rejectionCode(store.queryHistory(query({ source: 'alice', order: 'up' as 'asc' })))).toBe('INVALID_QUERY');
    });

    it('keeps text only: RAW messages are not stored', async () => {
      const store = await open(new TestClock(NOW));
      const raw: HistoryInput = { ...text('r1', 'peer', 'alice', 'bob', 1), msg: { type: 'RAW', description: 'd', data: new Uint8Array([1]) } };
      expect(await store.appendHistory(raw)).toBe(false);
      expect(await ids(store, { source: 'alice' })).toEqual([]);
    });

    it('stores a retried append once', async () => {
      const store = await seeded();
      expect(await store.appendHistory(SEED[0]!)).toBe(true);
      expect(await ids(store, { source: 'alice', destination: 'bob' })).toEqual(['p1', 'p7']);
    });

    it('records no recipients for a fan-out above the configured maximum', async () => {
      const store = await open(new TestClock(NOW), { historyRecipientsMax: 2 });
      await store.appendHistory(text('small', 'channel', 'alice', 'ch1', 1, ['bob', 'carol']));
      await store.appendHistory(text('large', 'channel', 'alice', 'ch1', 2, ['bob', 'carol', 'dave']));
      expect(await ids(store, { destination: 'bob' })).toEqual(['small']);
      expect(await ids(store, { destination: 'ch1' })).toEqual(['small', 'large']);
    });

    it('isolates apps', async () => {
      const store = await seeded();
      await store.appendHistory({ ...text('b1', 'peer', 'alice', 'bob', 1), appId: APP_B });
      expect(await ids(store, { appId: APP_B, source: 'alice' })).toEqual(['b1']);
      expect(await ids(store, { source: 'alice' })).not.toContain('b1');
    });

    it('hides and purges messages older than 7 days', async () => {
      const clock = new TestClock(NOW);
      const store = await seeded(clock);
      clock.ms = T0 + 7 * DAY_MS + 1000; // p1 (second 1) is now exactly 7 days old
      expect(await ids(store, { source: 'alice', endMs: clock.ms })).toEqual(['c3', 'p5', 'p7']);
      expect((await store.purgeExpired()).history).toBe(1);
      clock.ms = T0 + 8 * DAY_MS;
      expect(await store.countHistory({ appId: APP_A, destination: 'bob', startMs: 0, endMs: clock.ms })).toBe(0);
      expect((await store.purgeExpired()).history).toBe(SEED.length - 1);
    });

    it('evicts the oldest messages of an app over its byte budget', async () => {
      const store = await open(new TestClock(NOW), { historyBytesPerApp: 2100 });
      const big = (id: string, second: number, appId = APP_A): HistoryInput => ({
        ...text(id, 'peer', 'alice', 'bob', second),
        appId,
        msg: { type: 'TEXT', text: 'x'.repeat(600) },
      });
      await store.appendHistory(big('other-app', 0, APP_B));
      for (let i = 1; i <= 5; i++) expect(await store.appendHistory(big(`m${i}`, i))).toBe(true);
      const kept = await ids(store, { source: 'alice' });
      expect(kept).toEqual(['m3', 'm4', 'm5']);
      expect(await ids(store, { appId: APP_B, source: 'alice' })).toEqual(['other-app']);
      // Larger than the whole budget: not stored, nothing evicted.
      expect(await store.appendHistory({ ...big('huge', 9), msg: { type: 'TEXT', text: 'x'.repeat(5000) } })).toBe(false);
      expect(await ids(store, { source: 'alice' })).toEqual(['m3', 'm4', 'm5']);
    });
  });
}
