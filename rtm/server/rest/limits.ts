/** REST API limits (rtm-1x.md §5, §9): per-App-ID request rates and the largest accepted request body. */
export interface RestLimits {
  /** Peer + channel message sends per second per App ID. */
  messagesPerSecond: number;
  /** User-event + channel-event fetches per second per App ID. */
  eventsPerSecond: number;
  /** History query, fetch and count calls per second per App ID. */
  historyPerSecond: number;
  /** Online-status and member-count queries per second per App ID (resignal extensions). */
  queriesPerSecond: number;
  /** Largest JSON body; a 32 KB payload escaped as JSON plus the other fields fits. */
  maxBodyBytes: number;
  /** How long `wait_for_ack=true` waits for the receiver (408 after it). */
  ackTimeoutMs: number;
  /** How long a history query handle stays fetchable (410 after it). */
  queryTtlMs: number;
}

export const DEFAULT_REST_LIMITS: RestLimits = {
  messagesPerSecond: 500,
  eventsPerSecond: 10,
  historyPerSecond: 100,
  queriesPerSecond: 100,
  maxBodyBytes: 256 * 1024,
  ackTimeoutMs: 10_000,
  queryTtlMs: 10 * 60_000,
};
