import { eventsContract } from './events-contract.js';
import type { StoreFactory } from './harness.js';
import { historyContract } from './history-contract.js';
import { mediaContract } from './media-contract.js';
import { offlineContract } from './offline-contract.js';

export type { StoreFactory } from './harness.js';

/** The behaviour every DurableStore engine must show. Run it once per engine (SQLite now, Redis later). */
export function durableStoreContract(factory: StoreFactory): void {
  offlineContract(factory);
  historyContract(factory);
  eventsContract(factory);
  mediaContract(factory);
}
