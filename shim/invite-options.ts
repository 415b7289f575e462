/**
 * The special keys of a legacy invitation `extra` (a JSON string): `_require_peer_online` (1 = fail at once when
 * the peer is offline) and `_timeout` (seconds to wait for an answer). Anything unparsable means "no options".
 * Failures reach `onInviteFailed` as JSON (`{"reason", "ecode"}`), since apps read `JSON.parse(extra).reason`.
 */
import { INVITE_E_NET, INVITE_E_OTHER, INVITE_E_PEEROFFLINE, INVITE_E_TIMEOUT } from './errors.js';

export interface InviteOptions {
  requirePeerOnline: boolean;
  timeoutMs: number;
}

export function parseInviteOptions(extra: string): InviteOptions {
  let value: unknown;
  try {
    value = extra === '' ? null : JSON.parse(extra);
  } catch {
    value = null;
  }
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const timeout = Number(record['_timeout']);
  return {
    requirePeerOnline: Number(record['_require_peer_online']) === 1,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? Math.min(timeout, 30) * 1000 : 0,
  };
}

/** INVITE_E_* codes of legacy-signaling.md §8 for each failure the shim can observe. */
const INVITE_ECODES: Record<string, number> = {
  PEER_OFFLINE: INVITE_E_PEEROFFLINE,
  PEER_NO_RESPONSE: INVITE_E_TIMEOUT,
  INVITATION_EXPIRE: INVITE_E_TIMEOUT,
  TIMEOUT: INVITE_E_TIMEOUT,
  timeout: INVITE_E_TIMEOUT,
  NOT_LOGGEDIN: INVITE_E_NET,
  not_login: INVITE_E_NET,
  ACCEPT_FAILURE: INVITE_E_NET,
};

export function inviteFailureExtra(reason: string): string {
  return JSON.stringify({ reason, ecode: INVITE_ECODES[reason] ?? INVITE_E_OTHER });
}
