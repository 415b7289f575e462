/**
 * How an RTM failure looks to a legacy app: a numeric `ecode` for login (legacy-signaling.md §8, only the values
 * the Web SDK produced) and a short string for everything the Web SDK reported as a server string
 * (`onChannelJoinFailed(err)`, `invoke` errors, `onInviteFailed`).
 */
import { LOGIN_E_INVALID_USER, LOGIN_E_NET, LOGIN_E_TOKENEXPIRED, LOGIN_E_TOKENWRONG } from './errors.js';
import type { RtmErrorLike } from './rtm-types.js';

function nameOf(error: unknown): string {
  const name = (error as RtmErrorLike | null)?.name;
  return typeof name === 'string' ? name : '';
}

function codeOf(error: unknown): number | undefined {
  const code = (error as RtmErrorLike | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

export function describeError(error: unknown): string {
  const message = (error as RtmErrorLike | null)?.message;
  return typeof message === 'string' ? message.trim() : String(error);
}

/** RTM `LoginError` codes (rtm-1x.md §2.2/§2.3) → the legacy `onLoginFailed` code. */
export function loginFailureCode(error: unknown): number {
  const name = nameOf(error);
  const code = codeOf(error);
  if (name === 'RtmInvalidArgumentError') return LOGIN_E_INVALID_USER;
  if (name === 'RtmUnauthenticatedError') return code === 6 ? LOGIN_E_TOKENEXPIRED : LOGIN_E_TOKENWRONG;
  if (code === 6 && name === '') return LOGIN_E_TOKENEXPIRED;
  return LOGIN_E_NET;
}

export type LegacyFailure =
  | 'not_login'
  | 'invalid_argument'
  | 'limit_exceeded'
  | 'timeout'
  | 'user_not_online'
  | 'unauthenticated'
  | 'unsupported'
  | 'failed';

/** A stable, code-like string for callbacks whose legacy argument was a server string. */
export function failureString(error: unknown): LegacyFailure {
  const name = nameOf(error);
  const code = codeOf(error);
  switch (name) {
    case 'RtmInvalidStatusError':
      return code === 102 ? 'not_login' : 'failed';
    case 'RtmInvalidArgumentError':
      return 'invalid_argument';
    case 'RtmLimitExceededError':
      return 'limit_exceeded';
    case 'RtmTimeoutError':
      return 'timeout';
    case 'RtmUnauthenticatedError':
      return 'unauthenticated';
    case 'RtmUnavailableError':
      return code === 6 ? 'user_not_online' : 'failed';
    default:
      return 'failed';
  }
}
