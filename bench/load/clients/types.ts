/** What a load generator needs from a client of any of the three systems. */
export interface BenchClient {
  readonly uid: string;
  join(ch: string): Promise<void>;
  /** Resolves on the server's acknowledgement. */
  publish(ch: string, body: string): Promise<void>;
  /** Resolves on the end-to-end acknowledgement: true when the peer received it. */
  sendPeer(to: string, body: string): Promise<boolean>;
  close(): void;
}

export interface ClientHandlers {
  onChannelMessage(body: string): void;
  onPeerMessage(body: string): void;
}

/** Connects and logs in; resolves once the client is logged in. */
export type ClientFactory = (url: string, uid: string, handlers: ClientHandlers) => Promise<BenchClient>;

/**
 * `resignal-lean` speaks the wire protocol through rtm/protocol; `resignal-sdk` is the real AgoraRTM client;
 * `resignal-shim` is the legacy Signaling API (resignal/shim) on that client.
 */
export type ClientKind = 'resignal-lean' | 'resignal-sdk' | 'resignal-shim' | 'raw-ws' | 'socket.io';

/** RTM clients (resignal's SDK, and the shim on it) may send 180 messages per 3 s, as the official SDK does. */
export const RTM_SEND_INTERVAL_MS = 25;

/**
 * How far apart one sender's messages must be for this client kind: RTM clients refuse more than their limit,
 * so their senders are paced (the `--sdk` runs); the lean protocol client and the other systems have no limit.
 */
export function sendIntervalFor(kind: ClientKind): number | undefined {
  return kind === 'resignal-sdk' || kind === 'resignal-shim' ? RTM_SEND_INTERVAL_MS : undefined;
}
