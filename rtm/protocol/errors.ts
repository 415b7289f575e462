/**
 * Wire error codes: the `code` of an `err` frame and of the REST API's JSON errors. Stable strings, never
 * renamed; clients map them to the RTM 1.x error classes and numeric codes of each method.
 * `docs/errors.md` is generated from these tables.
 */
export const WIRE_ERRORS = {
  BAD_FRAME: 'The frame is not valid: not JSON, not an object, a field has the wrong type, or a binary frame is truncated.',
  UNKNOWN_FRAME_TYPE: 'The frame type is not part of this protocol version.',
  UNSUPPORTED_VERSION: 'The login frame asks for a protocol version this server does not speak.',
  DUPLICATE_REQUEST: 'A request id was reused while the first request with that id was still pending.',
  NOT_LOGGED_IN: 'The operation needs a logged-in session; log in first.',
  ALREADY_LOGGED_IN: 'This connection already has a session; log out before logging in again.',
  INVALID_APP_ID: 'The App ID is not 32 letters or digits, or is not configured on this server.',
  INVALID_USER_ID: 'The user ID breaks the RTM ID rules (1–64 allowed characters, not "null").',
  INVALID_CHANNEL_ID: 'The channel ID breaks the RTM ID rules (1–64 allowed characters, not "null").',
  INVALID_ARGUMENT: 'An argument has the wrong type, is empty, or is out of range.',
  INVALID_MESSAGE: 'The message is malformed: unknown type, missing text, or not valid UTF-8.',
  MESSAGE_TOO_LARGE: 'The message exceeds 32 KB (text bytes, or raw bytes plus description).',
  TOO_OFTEN: 'A rate limit was exceeded; slow down and retry later.',
  LIMIT_EXCEEDED: 'A count or size limit was exceeded (joined channels, queried or subscribed peers, list sizes, attribute and metadata sizes).',
  NOT_IN_CHANNEL: 'The operation needs the channel to be joined by this session.',
  TOKEN_REQUIRED: 'The app has a certificate: a token is required to log in.',
  TOKEN_NOT_ENABLED: 'A token was given but the app has no certificate (App-ID-only mode).',
  INVALID_TOKEN: 'The token is malformed or its signature does not verify.',
  TOKEN_EXPIRED: 'The token has expired.',
  TOKEN_USER_MISMATCH: 'The token was built for another user ID.',
  LOGIN_TIMEOUT: 'No login frame arrived in time after the WebSocket opened.',
  PEER_OFFLINE: 'The peer is not online.',
  OUTDATED_REVISION: 'A metadata write named a major or item revision that is not the stored one (compare-and-set failed).',
  NOT_FOUND: 'The requested resource does not exist.',
  UNAUTHORIZED: 'The request is not authenticated, or not allowed for this user or app.',
  INTERNAL: 'The server failed while handling the request; it keeps serving other requests.',
  BAD_REQUEST: 'The HTTP request is malformed: the body is not a JSON object, or a path segment is badly encoded.',
  BODY_TOO_LARGE: 'The HTTP request body exceeds the limit of its endpoint (REST JSON bodies; media over 30 MB).',
  TIMEOUT: 'The operation did not complete in time (REST `wait_for_ack`: the receiver did not acknowledge).',
  EXPIRED: 'The resource existed but has expired (a REST history query handle); create a new one.',
} as const satisfies Record<string, string>;

export type WireErrorCode = keyof typeof WIRE_ERRORS;

export function isWireErrorCode(value: unknown): value is WireErrorCode {
  return typeof value === 'string' && Object.hasOwn(WIRE_ERRORS, value);
}

/** WebSocket close codes the server uses (4000–4999 is the application range). */
export const CLOSE_CODES = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  MESSAGE_TOO_BIG: 1009,
  PROTOCOL_ERROR: 4000,
  LOGIN_TIMEOUT: 4001,
  REMOTE_LOGIN: 4002,
  TOKEN_EXPIRED: 4003,
  BANNED: 4004,
  SLOW_CONSUMER: 4005,
  HEARTBEAT_TIMEOUT: 4006,
  TOO_MANY_ERRORS: 4007,
  LOGGED_OUT: 4008,
  FLOODING: 4009,
} as const satisfies Record<string, number>;

export type CloseCodeName = keyof typeof CLOSE_CODES;

export const CLOSE_CODE_DESCRIPTIONS: Record<CloseCodeName, string> = {
  NORMAL: 'Normal closure (client logged out and closed).',
  GOING_AWAY: 'The server is shutting down; clients reconnect.',
  MESSAGE_TOO_BIG: `A frame exceeded the server's frame cap (128 KB); the connection is closed by the WebSocket layer.`,
  PROTOCOL_ERROR: 'The first frame was not a login frame the server could read, or the subprotocol is wrong.',
  LOGIN_TIMEOUT: 'The connection did not log in within the login timeout.',
  REMOTE_LOGIN: 'The same user ID logged in elsewhere; this older session was ended (RTM REMOTE_LOGIN).',
  TOKEN_EXPIRED: 'The session token expired and was not renewed (RTM TOKEN_EXPIRED).',
  BANNED: 'The server banned this user (RTM BANNED_BY_SERVER).',
  SLOW_CONSUMER:
    'The connection did not read its frames and its send queue passed the cap; it was dropped instead of buffered without bound. The close frame waits behind the unread data: the client sees 4005 only if it reads that backlog within the server\'s `closeGraceMs` (2 s), otherwise 1006 (or 4006 if it also stopped answering pings). The server counts every 4005 in `resignal_queue_drops_total`.',
  HEARTBEAT_TIMEOUT: 'Nothing was heard from the client (no frame, no pong) within the heartbeat timeout.',
  TOO_MANY_ERRORS: 'The connection sent too many invalid frames.',
  LOGGED_OUT: 'The session logged out; the server closes the transport.',
  FLOODING: 'The connection sent frames faster than the per-connection frame rate limit.',
};

export type KickReason = 'REMOTE_LOGIN' | 'TOKEN_EXPIRED' | 'BANNED';
