/** Wire protocol version carried in every login frame. Bump on incompatible frame changes. */
export const PROTOCOL_VERSION = 1;
/** WebSocket subprotocol announced by clients; servers accept its absence for raw tools (curl, wscat). */
export const SUBPROTOCOL = 'resignal.rtm.v1';
/** Path of the WebSocket endpoint on the server's base URL. */
export const WS_PATH = '/rtm';
