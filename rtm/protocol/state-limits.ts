/** Limits of attributes and metadata (rtm-1x.md §3.7, §3.8, §5; metadata: resignal's choice, see docs/client.md). */
export const STATE_LIMITS = {
  attributesMaxCount: 32,
  attributeKeyMaxBytes: 32,
  attributeValueMaxBytes: 8192,
  userAttributesMaxBytes: 16 * 1024,
  channelAttributesMaxBytes: 32 * 1024,
  /** getUserAttributesByKeys / getChannelAttributesByKeys: 1–32 keys of 1–32 characters. */
  attributeKeysQueryMax: 32,
  /** deleteChannelAttributesByKeys accepts keys up to 512 characters (sic, official SDK). */
  channelAttributeDeleteKeyMaxLength: 512,
  metadataKeyMaxLength: 32,
  metadataValueMaxBytes: 8192,
  metadataMaxItems: 64,
  metadataMaxBytes: 64 * 1024,
  /** Lead time of TokenPrivilegeWillExpire. */
  tokenWillExpireLeadMs: 30_000,
} as const;
