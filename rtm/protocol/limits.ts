/** RTM 1.x limits (reference rtm-1x.md §5), shared by client and server so both ends agree. */
export const LIMITS = {
  idMaxLength: 64,
  messageMaxBytes: 32 * 1024,
  messageRateCount: 180,
  messageRateWindowMs: 3000,
  channelsPerClient: 20,
  queryPeersMax: 256,
  subscribePeersMax: 512,
  memberListMax: 512,
  memberEventsMaxMembers: 512,
  channelCountQueryMax: 32,
  /** Largest WebSocket frame the server accepts: a 32 KB message plus envelope, or the largest attribute/metadata write. */
  frameMaxBytes: 128 * 1024,
  invitationContentMaxBytes: 8192,
  presenceGraceMs: 30_000,
  resumeChannelMessagesMax: 32,
  resumeChannelMessagesWindowMs: 30_000,
  /**
   * Peer messages written to a receiver's socket and not acknowledged yet that the server keeps per session, to
   * write them again when the session resumes (the socket died first). The client remembers at least this many
   * received mids, so a replay of a message it did see is dropped, not shown twice.
   */
  resumePeerUnackedMax: 1000,
  loginMinIntervalMs: 500,
  loginTimeoutMs: 12_000,
  requestTimeoutMs: 10_000,
} as const;
