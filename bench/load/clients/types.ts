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
