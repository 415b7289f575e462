import type { DurableStore, OfflineMessage, StoreLimits } from '../types.js';

/** Opens a fresh, empty store driven by the given clock. One per test; the suite closes it. */
export type StoreFactory = (options: { now: () => number; limits?: Partial<StoreLimits> }) => Promise<DurableStore>;

export const APP_A = 'A'.repeat(32);
export const APP_B = 'B'.repeat(32);
export const T0 = Date.UTC(2026, 0, 1);
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A settable clock: tests move time explicitly, never wait for it. */
export class TestClock {
  constructor(public ms = T0) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function textMessage(appId: string, id: string, from: string, to: string, ts = T0): OfflineMessage {
  return { appId, id, from, to, ts, msg: { type: 'TEXT', text: `text of ${id}` } };
}

export async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

export async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Per-test store opener; every store opened in a test is closed after it. */
export function storeOpener(
  factory: StoreFactory,
  afterEach: (fn: () => Promise<void>) => void,
): (clock: TestClock, limits?: Partial<StoreLimits>) => Promise<DurableStore> {
  const open: DurableStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });
  return async (clock, limits) => {
    const store = await factory({ now: clock.now, ...(limits ? { limits } : {}) });
    open.push(store);
    return store;
  };
}
