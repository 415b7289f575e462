/** renewToken (rtm-1x.md §3.2) and its RenewTokenError codes. */
import { NoReplyError, WireError, type Connection } from './connection.js';
import { ConnectionState } from './enums.js';
import { RtmError, invalidArgument, invalidStatus, timeout, unavailable } from './errors.js';

const RENEW_TIMEOUT_MS = 20_000;

/**
 * CONNECTED: the server checks the token for this session's (App ID, uid) and re-arms its expiry; the token is
 * then used for every later reconnect. RECONNECTING: there is no server to ask, so the token is kept for the next
 * reconnect (which resumes one halted by an expired token) and checked there. ABORTED or logged out: 102.
 */
export async function renewToken(connection: Connection, token: unknown): Promise<void> {
  if (typeof token !== 'string' || token.length === 0) throw invalidArgument(2, 'Invalid argument');
  if (connection.state === ConnectionState.RECONNECTING) {
    connection.setToken(token);
    return;
  }
  if (connection.state !== ConnectionState.CONNECTED) throw invalidStatus(102, 'The client is not logged in');
  try {
    await connection.request('token.renew', { token }, RENEW_TIMEOUT_MS);
  } catch (error) {
    throw renewFailure(error);
  }
  connection.setToken(token);
}

function renewFailure(error: unknown): RtmError {
  if (error instanceof NoReplyError) return timeout(1, 'Renew token timed out');
  if (!(error instanceof WireError)) return unavailable(1, 'Renew token failure', { originalError: error });
  const options = { serverCode: error.code, originalError: error };
  switch (error.code) {
    case 'TOKEN_EXPIRED':
      return new RtmError('RtmUnauthenticatedError', 5, 'The token expired', options);
    case 'INVALID_TOKEN':
    case 'INVALID_APP_ID':
    case 'TOKEN_USER_MISMATCH':
    case 'TOKEN_REQUIRED':
    case 'TOKEN_NOT_ENABLED':
      return new RtmError('RtmUnauthenticatedError', 6, 'Invalid token', options);
    case 'TOO_OFTEN':
      return new RtmError('RtmLimitExceededError', 4, 'renewToken is limited to 2 calls per second', options);
    default:
      return unavailable(1, 'Renew token failure', options);
  }
}
