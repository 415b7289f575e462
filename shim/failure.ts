/**
 * How an RTM failure looks to a legacy app: a numeric `ecode` for login (legacy-signaling.md §8, only the values
 * the Web SDK produced) and a short string for everything the Web SDK reported as a server string
 * (`onChannelJoinFailed(err)`, `invoke` errors, `onInviteFailed`). The mappings are tables of the API map, which
 * the codemod's helpers are generated from too.
 */
import { FAILURE_STRINGS, LOGIN_FAILURE_CODES, type LegacyFailure, type RtmErrorMapping } from './api-map.js';
import type { RtmErrorLike } from './rtm-types.js';

export type { LegacyFailure } from './api-map.js';

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

function mapError<T>(mapping: RtmErrorMapping<T>, error: unknown): T {
  const name = nameOf(error);
  const code = codeOf(error);
  const rule = mapping.rules.find((candidate) => candidate.name === name && (candidate.code === undefined || candidate.code === code));
  return rule ? rule.legacy : mapping.otherwise;
}

/** RTM `LoginError` codes (rtm-1x.md §2.2/§2.3) → the legacy `onLoginFailed` code. */
export function loginFailureCode(error: unknown): number {
  return mapError(LOGIN_FAILURE_CODES, error);
}

/** A stable, code-like string for callbacks whose legacy argument was a server string. */
export function failureString(error: unknown): LegacyFailure {
  return mapError(FAILURE_STRINGS, error);
}
