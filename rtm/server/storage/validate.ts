import { StorageError } from './errors.js';

/** Checks done before a write is queued, so a bad argument fails alone and never reaches SQLite. */
export function requireText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new StorageError('INVALID_ARGUMENT', `${name} must be a non-empty string.`);
  }
  return value;
}

export function requireTime(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new StorageError('INVALID_ARGUMENT', `${name} must be a non-negative integer (ms).`);
  }
  return value;
}

export function requireCount(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new StorageError('INVALID_ARGUMENT', `${name} must be an integer in [${min}, ${max}].`);
  }
  return value;
}
