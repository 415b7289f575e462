import { afterEach, describe, expect, it } from 'vitest';
import { APP_A, APP_B, T0, TestClock, rejectionCode, storeOpener, type StoreFactory } from './harness.js';

export function eventsContract(factory: StoreFactory): void {
  describe('user and channel events', () => {
    const open = storeOpener(factory, afterEach);

    it('keeps 2000 per app, hands out at most 1000 per take and removes what it hands out', async () => {
      const store = await open(new TestClock());
      await Promise.all(
        Array.from({ length: 2005 }, (_, i) =>
          store.appendUserEvent({ appId: APP_A, uid: `u${i}`, type: i % 2 ? 'Logout' : 'Login', ms: T0 + i }),
        ),
      );
      const first = await store.takeUserEvents(APP_A, 5000);
      expect(first).toHaveLength(1000);
      expect(first[0]).toEqual({ appId: APP_A, uid: 'u5', type: 'Logout', ms: T0 + 5 });
      const second = await store.takeUserEvents(APP_A);
      expect(second.map((e) => e.uid)).toEqual(Array.from({ length: 1000 }, (_, i) => `u${1005 + i}`));
      expect(await store.takeUserEvents(APP_A)).toEqual([]);
    });

    it('takes fewer on request, oldest first', async () => {
      const store = await open(new TestClock());
      for (let i = 0; i < 5; i++) await store.appendUserEvent({ appId: APP_A, uid: `u${i}`, type: 'Login', ms: T0 + i });
      expect((await store.takeUserEvents(APP_A, 2)).map((e) => e.uid)).toEqual(['u0', 'u1']);
      expect((await store.takeUserEvents(APP_A, 10)).map((e) => e.uid)).toEqual(['u2', 'u3', 'u4']);
      expect(await rejectionCode(store.takeUserEvents(APP_A, 0))).toBe('INVALID_ARGUMENT');
    });

    it('keeps channel events apart from user events and apps apart', async () => {
      const store = await open(new TestClock());
      await store.appendChannelEvent({ appId: APP_A, channel: 'ch1', uid: 'alice', type: 'Join', ms: T0 });
      await store.appendChannelEvent({ appId: APP_A, channel: 'ch1', uid: 'alice', type: 'Leave', ms: T0 + 1 });
      await store.appendUserEvent({ appId: APP_A, uid: 'alice', type: 'Login', ms: T0 });
      await store.appendChannelEvent({ appId: APP_B, channel: 'ch9', uid: 'bob', type: 'Join', ms: T0 });

      expect(await store.takeChannelEvents(APP_A)).toEqual([
        { appId: APP_A, channel: 'ch1', uid: 'alice', type: 'Join', ms: T0 },
        { appId: APP_A, channel: 'ch1', uid: 'alice', type: 'Leave', ms: T0 + 1 },
      ]);
      expect(await store.takeChannelEvents(APP_A)).toEqual([]);
      expect(await store.takeUserEvents(APP_A)).toEqual([{ appId: APP_A, uid: 'alice', type: 'Login', ms: T0 }]);
      expect((await store.takeChannelEvents(APP_B)).map((e) => e.channel)).toEqual(['ch9']);
    });

    it('caps channel events too', async () => {
      const store = await open(new TestClock(), { eventsPerApp: 3 });
      for (let i = 0; i < 5; i++) {
        await store.appendChannelEvent({ appId: APP_A, channel: `ch${i}`, uid: 'alice', type: 'Join', ms: T0 + i });
      }
      expect((await store.takeChannelEvents(APP_A)).map((e) => e.channel)).toEqual(['ch2', 'ch3', 'ch4']);
    });

    it('rejects unknown event types', async () => {
      const store = await open(new TestClock());
      const bad = { appId: APP_A, uid: 'alice', type: 'Kicked', ms: T0 } as never;
      expect(await rejectionCode(store.appendUserEvent(bad))).toBe('INVALID_ARGUMENT');
    });
  });
}
