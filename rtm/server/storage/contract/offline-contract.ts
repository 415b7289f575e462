import { afterEach, describe, expect, it } from 'vitest';
import { APP_A, APP_B, DAY_MS, T0, TestClock, rejectionCode, storeOpener, textMessage, type StoreFactory } from './harness.js';

export function offlineContract(factory: StoreFactory): void {
  describe('offline peer messages', () => {
    const open = storeOpener(factory, afterEach);

    it('takes oldest first without removing, and deletes only acknowledged ids', async () => {
      const store = await open(new TestClock());
      await store.enqueueOffline(textMessage(APP_A, 'm1', 'alice', 'bob', T0 + 1));
      await store.enqueueOffline({
        appId: APP_A,
        id: 'm2',
        from: 'carol',
        to: 'bob',
        ts: T0 + 2,
        msg: { type: 'RAW', description: 'bytes', data: new Uint8Array([0, 1, 254, 255]) },
      });
      await store.enqueueOffline(textMessage(APP_A, 'm3', 'alice', 'bob', T0 + 3));

      const first = await store.takeOffline(APP_A, 'bob', 10);
      expect(first).toEqual([
        textMessage(APP_A, 'm1', 'alice', 'bob', T0 + 1),
        {
          appId: APP_A,
          id: 'm2',
          from: 'carol',
          to: 'bob',
          ts: T0 + 2,
          msg: { type: 'RAW', description: 'bytes', data: new Uint8Array([0, 1, 254, 255]) },
        },
        textMessage(APP_A, 'm3', 'alice', 'bob', T0 + 3),
      ]);
      // Not acknowledged yet: a crash now would re-deliver the same ids.
      expect((await store.takeOffline(APP_A, 'bob', 10)).map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
      expect((await store.takeOffline(APP_A, 'bob', 2)).map((m) => m.id)).toEqual(['m1', 'm2']);

      expect(await store.ackOffline(APP_A, 'bob', ['m1', 'm3', 'unknown'])).toBe(2);
      expect((await store.takeOffline(APP_A, 'bob', 10)).map((m) => m.id)).toEqual(['m2']);
      expect(await store.ackOffline(APP_A, 'bob', ['m1'])).toBe(0);
    });

    it('keeps one copy when the same message id is enqueued twice', async () => {
      const store = await open(new TestClock());
      await store.enqueueOffline(textMessage(APP_A, 'm1', 'alice', 'bob'));
      await store.enqueueOffline(textMessage(APP_A, 'm1', 'alice', 'bob'));
      expect(await store.takeOffline(APP_A, 'bob', 10)).toHaveLength(1);
    });

    it('keeps 200 per receiver, the newest overwriting the oldest', async () => {
      const store = await open(new TestClock());
      await Promise.all(
        Array.from({ length: 205 }, (_, i) => store.enqueueOffline(textMessage(APP_A, `m${i}`, 'alice', 'bob', T0 + i))),
      );
      await store.enqueueOffline(textMessage(APP_A, 'other', 'alice', 'carol'));
      const pending = await store.takeOffline(APP_A, 'bob', 1000);
      expect(pending).toHaveLength(200);
      expect(pending[0]?.id).toBe('m5');
      expect(pending.at(-1)?.id).toBe('m204');
      expect((await store.takeOffline(APP_A, 'carol', 1000)).map((m) => m.id)).toEqual(['other']);
    });

    it('isolates receivers and apps', async () => {
      const store = await open(new TestClock());
      await store.enqueueOffline(textMessage(APP_A, 'm1', 'alice', 'bob'));
      await store.enqueueOffline(textMessage(APP_A, 'm2', 'alice', 'carol'));
      await store.enqueueOffline(textMessage(APP_B, 'm1', 'alice', 'bob'));

      expect((await store.takeOffline(APP_A, 'bob', 10)).map((m) => [m.appId, m.id])).toEqual([[APP_A, 'm1']]);
      expect(await store.ackOffline(APP_A, 'carol', ['m1'])).toBe(0);
      expect(await store.ackOffline(APP_A, 'bob', ['m1'])).toBe(1);
      expect((await store.takeOffline(APP_B, 'bob', 10)).map((m) => [m.appId, m.id])).toEqual([[APP_B, 'm1']]);
      expect((await store.takeOffline(APP_A, 'carol', 10)).map((m) => m.id)).toEqual(['m2']);
    });

    it('expires messages 7 days after they were cached', async () => {
      const clock = new TestClock();
      const store = await open(clock);
      await store.enqueueOffline(textMessage(APP_A, 'old', 'alice', 'bob'));
      clock.advance(DAY_MS);
      await store.enqueueOffline(textMessage(APP_A, 'new', 'alice', 'bob'));

      clock.advance(6 * DAY_MS - 1);
      expect((await store.takeOffline(APP_A, 'bob', 10)).map((m) => m.id)).toEqual(['old', 'new']);
      clock.advance(1);
      expect((await store.takeOffline(APP_A, 'bob', 10)).map((m) => m.id)).toEqual(['new']);
      expect((await store.purgeExpired()).offline).toBe(1);
      clock.advance(DAY_MS);
      expect(await store.takeOffline(APP_A, 'bob', 10)).toEqual([]);
    });

    it('honours a configured cap and lifetime', async () => {
      const clock = new TestClock();
      const store = await open(clock, { offlinePerReceiver: 2, offlineTtlMs: 1000 });
      for (const id of ['a', 'b', 'c']) await store.enqueueOffline(textMessage(APP_A, id, 'alice', 'bob'));
      expect((await store.takeOffline(APP_A, 'bob', 10)).map((m) => m.id)).toEqual(['b', 'c']);
      clock.advance(1000);
      expect(await store.takeOffline(APP_A, 'bob', 10)).toEqual([]);
    });

    it('rejects malformed input with INVALID_ARGUMENT, alone', async () => {
      const store = await open(new TestClock());
      const good = store.enqueueOffline(textMessage(APP_A, 'ok', 'alice', 'bob'));
      const bad = { ...textMessage(APP_A, '', 'alice', 'bob') };
      expect(await rejectionCode(store.enqueueOffline(bad))).toBe('INVALID_ARGUMENT');
      const noBody = { ...textMessage(APP_A, 'x', 'alice', 'bob'), msg: { type: 'IMAGE' } } as never;
      expect(await rejectionCode(store.enqueueOffline(noBody))).toBe('INVALID_ARGUMENT');
      expect(await rejectionCode(store.takeOffline(APP_A, 'bob', 0))).toBe('INVALID_ARGUMENT');
      await good;
      expect((await store.takeOffline(APP_A, 'bob', 10)).map((m) => m.id)).toEqual(['ok']);
    });
  });
}
