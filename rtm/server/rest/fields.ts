import { isValidId, utf8Length } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import { RestError, badRequest } from './errors.js';

export function userId(value: unknown, what: string): string {
  if (!isValidId(value)) throw badRequest('INVALID_USER_ID', `${what} breaks the RTM ID rules.`);
  return value;
}

export function channelId(value: unknown, what: string): string {
  if (!isValidId(value)) throw badRequest('INVALID_CHANNEL_ID', `${what} breaks the RTM ID rules.`);
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean {
  const value = body[field];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw badRequest('INVALID_ARGUMENT', `"${field}" must be a boolean.`);
  return value;
}

/** A non-empty text payload of at most 32 KB (UTF-8). */
export function payload(body: Record<string, unknown>): string {
  const value = body['payload'];
  if (typeof value !== 'string' || value === '') throw badRequest('INVALID_ARGUMENT', '"payload" must be a non-empty string.');
  if (utf8Length(value) > LIMITS.messageMaxBytes) throw new RestError(413, 'MESSAGE_TOO_LARGE', 'The payload exceeds 32 KB.');
  return value;
}

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** UTC `yyyy-mm-ddThh:mm:ssZ` only (rtm-1x.md §9.3) → ms. */
export function isoTime(value: unknown, field: string): number {
  const ms = typeof value === 'string' && ISO_SECONDS.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms) || ms < 0) throw badRequest('INVALID_ARGUMENT', `"${field}" must be a UTC time like 2019-08-01T01:22:10Z.`);
  return ms;
}

/** `source` / `destination` of a history filter: absent or empty means "any". */
export function optionalId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isValidId(value)) throw badRequest('INVALID_ARGUMENT', `"${field}" breaks the RTM ID rules.`);
  return value;
}

/** Repeated query parameters (`?user_id=a&user_id=b`): 1…max valid IDs, duplicates removed. */
export function idList(query: URLSearchParams, name: string, max: number): string[] {
  const ids = [...new Set(query.getAll(name))];
  if (ids.length === 0) throw badRequest('INVALID_ARGUMENT', `Give at least one "${name}" query parameter.`);
  if (ids.length > max) throw badRequest('LIMIT_EXCEEDED', `At most ${max} "${name}" values per request.`);
  for (const id of ids) if (!isValidId(id)) throw badRequest('INVALID_ARGUMENT', `A "${name}" breaks the RTM ID rules.`);
  return ids;
}
