/* Public shapes of the RTM 1.x Web API (agora-rtm-sdk 1.6.0 typings), plus the 1.4.x offline flag. */
import type { PeerOnlineState } from './enums.js';

export interface RtmTextMessage {
  text: string;
  messageType?: 'TEXT';
  rawMessage?: never;
  description?: never;
}

export interface RtmRawMessage {
  rawMessage: Uint8Array;
  description?: string;
  messageType?: 'RAW';
  text?: never;
}

/** RTM ≤1.4 image message (removed from the 1.5+ typings; resignal keeps it). `mediaId` comes from an upload. */
export interface RtmImageMessage {
  width: number;
  height: number;
  fileName: string;
  description: string;
  thumbnail: Blob | undefined;
  thumbnailWidth: number;
  thumbnailHeight: number;
  size: number;
  mediaId: string;
  messageType: 'IMAGE';
  text?: never;
  rawMessage?: never;
}

/** RTM ≤1.4 file message. */
export interface RtmFileMessage {
  fileName: string;
  description: string;
  thumbnail: Blob | undefined;
  size: number;
  mediaId: string;
  messageType: 'FILE';
  text?: never;
  rawMessage?: never;
}

export type RtmMessage = RtmTextMessage | RtmRawMessage | RtmFileMessage | RtmImageMessage;

/** Options of `sendMessageToPeer` / `RtmChannel.sendMessage` (RTM ≤1.4), honoured by resignal's server. */
export interface SendMessageOptions {
  enableOfflineMessaging?: boolean;
  enableHistoricalMessaging?: boolean;
}

export interface MediaOperationProgress {
  currentSize: number;
  totalSize: number;
}

export interface MediaTransferHandler {
  cancelSignal?: AbortSignal;
  onOperationProgress?: (event: MediaOperationProgress) => void;
}

export interface FileMessageParams {
  fileName?: string;
  description?: string;
  thumbnail?: Blob;
  messageType?: 'FILE';
}

export interface ImageMessageParams {
  width?: number;
  height?: number;
  fileName?: string;
  description?: string;
  thumbnail?: Blob;
  thumbnailWidth?: number;
  thumbnailHeight?: number;
  messageType?: 'IMAGE';
}

export interface PeerMessageSendResult {
  hasPeerReceived: boolean;
}

export interface ReceivedMessageProperties {
  serverReceivedTs: number;
  /** RTM ≤1.4: true when the message was stored while the receiver was offline. */
  isOfflineMessage?: boolean;
}

export interface AttributesMap {
  [key: string]: string;
}

export interface ChannelAttributeProperties {
  value: string;
  lastUpdateUserId: string;
  lastUpdateTs: number;
}

export interface ChannelAttributes {
  [key: string]: ChannelAttributeProperties;
}

export interface ChannelAttributeOptions {
  enableNotificationToChannelMembers?: boolean;
}

export interface PeersOnlineStatusResult {
  [peerId: string]: boolean;
}

export interface PeersOnlineStatusMap {
  [peerId: string]: PeerOnlineState;
}

export interface ChannelMemberCountResult {
  [channelId: string]: number;
}

export type LogFilterType = {
  error: boolean;
  warn: boolean;
  info: boolean;
  track: boolean;
  debug: boolean;
};

export interface RtmConfig {
  enableLogUpload?: boolean;
  logFilter?: LogFilterType;
  enableCloudProxy?: boolean;
}

/** resignal's own createInstance options, beside the official RtmConfig keys. */
export interface ResignalConfig extends RtmConfig {
  /** Server base URL (http(s)://host:port) or a list of them tried in turn; see README "Endpoint". */
  endpoint?: string | string[];
  /** Reconnect backoff bounds in ms. */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** Invitation timers (delivery 30 s, expiry 60 s, accept ack 5 s by default); shorten them in tests. */
  invitationTimings?: Partial<{ deliveryMs: number; resendMs: number; expiryMs: number; acceptAckMs: number; acceptResendMs: number }>;
}
