/** How the client turns a failed request into the RtmError the official SDK would raise, and a shared argument check. */
import { NoReplyError, WireError } from './connection.js';
import { RtmError, limitExceeded, timeout, unavailable } from './errors.js';

export function isNonEmptyStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
}

export function serverCodeOf(error: unknown): { serverCode?: string } {
  return error instanceof WireError ? { serverCode: error.code } : {};
}

/** A request's failure as an RtmError: timeouts get `timeoutCode`, a rate refusal code 5, anything else code 1. */
export function rpcFailure(error: unknown, timeoutCode: number, what: string): RtmError {
  if (error instanceof RtmError) return error;
  if (error instanceof NoReplyError) return timeout(timeoutCode, `${what} timed out`);
  if (error instanceof WireError && error.code === 'TOO_OFTEN') return limitExceeded(5, `${what}: too often`);
  return unavailable(1, `${what} failure`, { ...serverCodeOf(error), originalError: error });
}
