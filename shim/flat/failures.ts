/**
 * RTM failures as the native `ecode`s of legacy-signaling.md §8: `onError(name, ecode, desc)` gets a GENERAL_E_*
 * code, message sends a SENDMESSAGE_E_* code, member counts a QUERYUSERNUM_E_* code. `desc` is the RTM message.
 */
import {
  GENERAL_E_FAILED,
  GENERAL_E_LARGE_PARAM,
  GENERAL_E_NOT_LOGIN,
  GENERAL_E_WRONG_PARAM,
  QUERYUSERNUM_E_OTHER,
  QUERYUSERNUM_E_TIMEOUT,
  SENDMESSAGE_E_OTHER,
  SENDMESSAGE_E_TIMEOUT,
} from '../errors.js';
import { describeError, failureString } from '../failure.js';
import { UnsupportedInvoke } from '../invoke-functions.js';
import { later, type FlatCore } from './core.js';

/** A failure the shim itself detected before asking RTM. */
export class FlatFailure extends Error {
  constructor(
    readonly ecode: number,
    message: string,
  ) {
    super(message);
  }
}

export const notLoggedIn = (): FlatFailure => new FlatFailure(GENERAL_E_NOT_LOGIN, 'not logged in');

export function generalCode(error: unknown): number {
  if (error instanceof FlatFailure) return error.ecode;
  if (error instanceof UnsupportedInvoke) return GENERAL_E_FAILED;
  switch (failureString(error)) {
    case 'not_login':
      return GENERAL_E_NOT_LOGIN;
    case 'invalid_argument':
      return GENERAL_E_WRONG_PARAM;
    case 'limit_exceeded':
      return GENERAL_E_LARGE_PARAM;
    default:
      return GENERAL_E_FAILED;
  }
}

export function sendCode(error: unknown): number {
  return failureString(error) === 'timeout' ? SENDMESSAGE_E_TIMEOUT : SENDMESSAGE_E_OTHER;
}

export function queryNumCode(error: unknown): number {
  return failureString(error) === 'timeout' ? QUERYUSERNUM_E_TIMEOUT : QUERYUSERNUM_E_OTHER;
}

/** `onError(name, ecode, desc)`, logged too; always on a later turn. */
export function reportError(core: FlatCore, name: string, error: unknown): void {
  const ecode = generalCode(error);
  const desc = describeError(error);
  core.log.debug(`${name} failed (${ecode}):`, desc);
  later(() => core.fire('onError', name, ecode, desc));
}
