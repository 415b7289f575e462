/** Stable codes of storage failures. Callers and tests branch on `code`, never on message text. */
export const STORAGE_ERRORS = {
  DATA_DIR_NOT_WRITABLE: 'The data folder cannot be created or written (check the path and its permissions).',
  STORE_LOCKED: 'The database is in use by another server process; two servers cannot share one data folder.',
  SCHEMA_TOO_NEW: 'The database was written by a newer resignal version; upgrade this server before opening it.',
  STORE_CLOSED: 'The store was closed; no further operation is possible.',
  INVALID_ARGUMENT: 'An argument has the wrong type, is empty, or is out of range.',
  INVALID_QUERY: 'The history filter is not valid (source and destination both empty, or a bad range).',
  INVALID_MEDIA_ID: 'The media ID or App ID does not match the strict pattern; it was rejected before touching the file system.',
  MEDIA_TOO_LARGE: 'The media file is larger than the configured maximum.',
  IO_FAILURE: 'A database or file-system operation failed.',
} as const satisfies Record<string, string>;

export type StorageErrorCode = keyof typeof STORAGE_ERRORS;

export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly code: StorageErrorCode,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${STORAGE_ERRORS[code]} ${detail}` : STORAGE_ERRORS[code], options);
  }
}

export function isStorageError(value: unknown, code?: StorageErrorCode): value is StorageError {
  return value instanceof StorageError && (code === undefined || value.code === code);
}

/** Any failure leaves the store as a StorageError; unexpected ones become IO_FAILURE with the original as cause. */
export function asStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError('IO_FAILURE', detail, { cause: error });
}
