import { SqliteStore } from './sqlite-store.js';
import type { OpenStoreOptions } from './types.js';

export type * from './types.js';
export { DEFAULT_LIMITS } from './types.js';
export { STORAGE_ERRORS, StorageError, isStorageError, type StorageErrorCode } from './errors.js';
export { isValidMediaId } from './media-files.js';
export { SqliteStore } from './sqlite-store.js';

/** Opens (creating if needed) the embedded store in `dataDir`: `<dataDir>/resignal.sqlite` and `<dataDir>/media/`. */
export function openStore(options: OpenStoreOptions): Promise<SqliteStore> {
  return SqliteStore.open(options);
}
