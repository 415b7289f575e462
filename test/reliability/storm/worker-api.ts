/** The RPC surface of a storm worker process (test/reliability/storm/worker.ts). */
export interface StormOpenParams {
  url: string;
  uids: string[];
  /** Client i joins channels[i % channels.length]. */
  channels: string[];
  /** Seed of this worker's reconnect jitter. */
  seed: number;
  /** Logins in flight at once during the initial open. */
  concurrency: number;
}

export interface StormStatus {
  clients: number;
  /** Logged in and joined right now. */
  ready: number;
  /** Successful logins after a drop: resumed (same session) or fresh (new session). */
  resumed: number;
  fresh: number;
  /** Connection attempts that failed (refused, closed before login…). */
  failedAttempts: number;
  closeCodes: Record<string, number>;
  /** Traffic: requests sent, answered ok, answered with an error; pushes received (channel and peer messages). */
  sent: number;
  ok: number;
  errors: Record<string, number>;
  received: number;
}

export interface TrafficParams {
  /** Operations per second across this worker's clients. */
  perSecond: number;
  durationMs: number;
  /** Every client's uid in the whole soak (peer message targets). */
  peers: string[];
  seed: number;
}

export type StormApi = {
  open(params: StormOpenParams): Promise<StormStatus>;
  status(params: null): StormStatus;
  /** Mixed traffic from random clients: channel and peer messages, attribute writes, dropped connections. */
  traffic(params: TrafficParams): Promise<StormStatus>;
  /** Logs every client out (close 1000 after logout); resolves when all sockets are closed. */
  logoutAll(params: null): Promise<void>;
};
